"""The command line's help in Dutch (issue 17 item 4): ``codewerk --language nl … --help`` shows every
command's and option's help in Dutch with argparse's own words (gebruik, opties) and its errors in Dutch;
English stays English, and nothing of argparse stays patched after."""

from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from coding.cli.main import build_parser, command_names, main
from coding.core import i18n
from coding.core.nl_help import ARGPARSE
from tests.coding.core.test_i18n_messages import message_ids

#: argparse's messages a user never meets (a parser built wrongly): they stay English.
FOR_PROGRAMMERS = {
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _english_helps() -> set[str]:
    """The command line's own help texts (long enough to tell), as they would print in English."""
    ids = message_ids()
    return {
        _flat(english)
        for english, where in ids.items()
        if where.startswith("coding/cli/") and len(english) > 20 and "{" not in english
    } - {_flat(i18n._CATALOGUES["nl"].get(e, e)) for e in ids}


def test_every_commands_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    english = _english_helps()
    assert len(english) > 100
    shown = {}
    for words in [(), *((name,) for name in command_names())]:
        with pytest.raises(SystemExit) as done:
            main(["--language", "nl", *words, "--help"])
        assert done.value.code == 0
        shown[words] = capsys.readouterr().out
    for words, out in shown.items():
        assert out.startswith("gebruik: codewerk"), (words, out[:80])
        assert "\nopties:\n" in out and "toon deze hulptekst en stop" in out, words
        left = sorted(e for e in english if e in _flat(out))
        assert not left, f"codewerk {' '.join(words)} --help in English: {left}"
    assert "importeer transcripten (bestanden of mappen)" in _flat(shown[()])
    assert "bestanden of mappen om te importeren" in _flat(shown[("import",)])
    assert "Posities zijn Unicode-codepunten" in shown[()]  # the epilog


def test_the_check_finds_an_english_help(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dutch = dict(i18n._CATALOGUES["nl"])
    del dutch["files or folders to import"]
    monkeypatch.setitem(i18n._CATALOGUES, "nl", dutch)
    with pytest.raises(SystemExit):
        main(["--language", "nl", "import", "--help"])
    assert "files or folders to import" in _flat(capsys.readouterr().out)


def test_argparse_errors_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--language", "nl", "import"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "codewerk import: fout: de volgende argumenten zijn verplicht: PROJECT, FILE" in err
    assert err.startswith("gebruik: codewerk import")
    with pytest.raises(SystemExit):
        main(["--language", "nl", "documents", "x.codewerk", "--bogus"])
    assert "codewerk: fout: onbekende argumenten: --bogus" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--language", "en", "import"])
    err = capsys.readouterr().err
    assert err.startswith("usage: codewerk import") and "error: the following arguments are required" in err
    assert argparse._("options") == "options"  # type: ignore[attr-defined]  # put back after each use


def test_every_word_argparse_says_to_a_user_has_its_dutch() -> None:
    """argparse's own messages of this Python (read from its source, so a new Python's new wording
    fails here until it has its Dutch)."""
    said = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            said |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    assert "usage: " in said and "options" in said
    missing = sorted(said - FOR_PROGRAMMERS - set(ARGPARSE))
    assert not missing, f"argparse's words without Dutch in coding/core/nl_help.py ARGPARSE: {missing}"
    fields = re.compile(r"%\(\w+\)[rs]|%[rs]")
    wrong = [m for m, d in ARGPARSE.items() if sorted(fields.findall(m)) != sorted(fields.findall(d))]
    assert not wrong, wrong


def test_a_parser_built_in_english_stays_english() -> None:
    i18n.set_language("en")
    assert "positional arguments:" in build_parser().format_help()
