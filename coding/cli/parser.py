"""The command line's parser in the output's language: every help text of ours through the catalogue
(when the help is shown, so the language chosen on the same line counts), and argparse's own words
(``usage:``, ``options``, ``the following arguments are required``) in Dutch from
:data:`coding.core.nl_help.ARGPARSE`.

argparse takes its own words from gettext (its module-level ``_`` and ``ngettext``); while a
:class:`CodewerkParser` builds, parses or prints, those two say them in the output's language and are
put back after, so nothing outside the command line is touched.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from coding.core.i18n import language
from coding.core.i18n import text as say
from coding.core.nl_help import ARGPARSE


def _gettext(message: str) -> str:
    return ARGPARSE.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


@contextmanager
def argparse_words() -> Iterator[None]:
    """argparse's own words in the output's language for the duration of the block."""
    if language() == "en":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _gettext, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class CodewerkFormatter(argparse.RawDescriptionHelpFormatter):
    """Says each help, description and epilog of ours in the output's language."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        """The help said in the output's language; a help without argparse's ``%(default)s`` fields
        keeps its percent signs ("80% of its suggestions", which argparse would read as a field)."""
        if action.help is None:
            return None
        said = say(action.help)
        return said if "%(" in said else said.replace("%", "%%")

    def add_text(self, text: str | None) -> None:
        super().add_text(say(text) if text and text is not argparse.SUPPRESS else text)


class CodewerkParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the output's language (its subcommands' parsers are of this class
    too: argparse makes them with the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", CodewerkFormatter)
        with argparse_words():
            super().__init__(*args, **kwargs)

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        with argparse_words():
            return super().add_argument_group(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with argparse_words():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with argparse_words():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_words():
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_words():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with argparse_words():
            super().error(message)
