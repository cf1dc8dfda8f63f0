"""``codewerk``: the command line over the same services as the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from coding.cli import commands
from coding.cli.arguments import protect_dash_positionals
from coding.core.errors import CodewerkError

#: Starts the window; injected by ``main.py`` so that ``coding`` never imports the UI.
GuiLauncher = Callable[[list[str]], int]

EPILOG = """\
DOCUMENT is a document's name, with or without its extension. CODE is a path
(Vertrouwen/Betrouwbaarheid), a unique name, or a question reference (4a).
Offsets are Unicode code points into the text `codewerk show` prints, end exclusive.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="codewerk",
        description="Codewerk: code interview transcripts, compare regions, export.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands.register(sub)
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


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    tokens = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(protect_dash_positionals(parser, tokens))
    try:
        if args.command == "gui":
            if gui is None:
                raise CodewerkError("the window is not available from here; run `python main.py`")
            window_args = [args.project] if args.project else []
            window_args += [flag for flag in ("--demo", "--smoke") if getattr(args, flag[2:])]
            return gui(window_args)
        result: int = args.handler(args)
        return result
    except CodewerkError as exc:
        print(f"codewerk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("codewerk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
