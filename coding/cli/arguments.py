"""Argument helpers: KEY=VALUE pairs, spans, and positionals that begin with a dash (``-/-``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say


def key_values(pairs: Sequence[str] | None, option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInputError(say("{option} expects KEY=VALUE, got '{pair}'", option=option, pair=pair))
        out[key.strip()] = value.strip()
    return out


def span(text: str) -> tuple[int, int]:
    start, sep, end = text.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(start), int(end)
    except ValueError as exc:
        raise InvalidInputError(
            say("--span expects START:END (code points, end exclusive), got '{text}'", text=text)
        ) from exc


def protect_dash_positionals(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """Let positionals such as the score ``-/-`` or ``-`` through argparse.

    argparse reads a token that starts with a dash as an option. Tokens of a subcommand that
    are neither its options nor their values are moved behind ``--``, where argparse takes
    everything as positional; the order among positionals is kept.
    """
    if not argv or argv[0].startswith("-"):
        return argv
    subparsers = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if subparsers is None or argv[0] not in subparsers.choices:
        return argv
    sub = subparsers.choices[argv[0]]
    if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
        return argv  # a command with actions of its own (codewerk server init …)
    options = sub._option_string_actions
    if "--" in argv:
        return argv
    opts: list[str] = []
    positionals: list[str] = []
    rest = argv[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        action = options.get(token.split("=", 1)[0])
        if action is None:
            positionals.append(token)
            continue
        opts.append(token)
        if "=" in token or action.nargs == 0:
            continue
        if action.nargs is None or isinstance(action.nargs, int):
            count = 1 if action.nargs is None else int(action.nargs)
            opts.extend(rest[i : i + count])
            i += count
        else:  # "*" or "+": values up to the next option
            while i < len(rest) and rest[i].split("=", 1)[0] not in options:
                opts.append(rest[i])
                i += 1
    return [argv[0], *opts, "--", *positionals]
