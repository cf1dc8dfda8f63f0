"""``codewerk``: the command line over the same services as the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import cast

from coding.cli import commands
from coding.cli.arguments import protect_dash_positionals
from coding.cli.parser import CodewerkParser
from coding.core import i18n
from coding.core.errors import CodewerkError
from coding.core.i18n import marked, text

#: Starts the window; injected by ``main.py`` so that ``coding`` never imports the UI.
GuiLauncher = Callable[[list[str]], int]

EPILOG = marked(
    "DOCUMENT is a document's name, with or without its extension. CODE is a path\n"
    "(Vertrouwen/Betrouwbaarheid), a unique name, or a question reference (4a).\n"
    "Offsets are Unicode code points into the text `codewerk show` prints, end exclusive.\n"
)


def build_parser() -> argparse.ArgumentParser:
    parser = CodewerkParser(
        prog="codewerk",
        description="Codewerk: code interview transcripts, compare regions, export.",
        epilog=EPILOG,
    )
    parser.add_argument(
        "--language",
        choices=i18n.LANGUAGES,
        help="language of the messages and of the labels inside exports (nl: Dutch, en: English; "
        "default: the window's choice, else the system's); may also follow the command",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # the subcommands' parsers are CodewerkParsers; register takes any ArgumentParser's
    commands.register(cast("argparse._SubParsersAction[argparse.ArgumentParser]", sub))
    return parser


def command_names() -> list[str]:
    """The subcommands' names: the bundled application tells a command from a project to open by them."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def _take_language(tokens: list[str]) -> tuple[list[str], str | None]:
    """``--language nl`` anywhere on the line (``codewerk export P out.xlsx --language nl``), taken out."""
    rest: list[str] = []
    chosen: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "--":
            rest += tokens[index:]
            break
        if token == "--language" and index + 1 < len(tokens):
            chosen = tokens[index + 1]
            index += 2
            continue
        if token.startswith("--language="):
            chosen = token.split("=", 1)[1]
        else:
            rest.append(token)
        index += 1
    return rest, chosen


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None) -> int:
    _utf8_streams()
    tokens, chosen = _take_language(list(sys.argv[1:] if argv is None else argv))
    i18n.set_language(chosen if chosen in i18n.LANGUAGES else None)
    parser = build_parser()  # after the language is chosen: its help and argparse's words say it
    if chosen is not None and chosen not in i18n.LANGUAGES:
        parser.error(
            text(
                "argument --language: invalid choice: {chosen} (choose from 'en', 'nl')", chosen=repr(chosen)
            )
        )
    args = parser.parse_args(protect_dash_positionals(parser, tokens))
    try:
        if args.command == "gui":
            if gui is None:
                raise CodewerkError(text("the window is not available from here; run `python main.py`"))
            window_args = [args.project] if args.project else []
            window_args += [flag for flag in ("--demo", "--smoke") if getattr(args, flag[2:])]
            return gui(window_args)
        result: int = args.handler(args)
        return result
    except CodewerkError as exc:
        print(text("codewerk: error: {exc}", exc=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(text("codewerk: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
