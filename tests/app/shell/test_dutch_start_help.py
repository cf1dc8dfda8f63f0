"""``python main.py --help`` (the window's own options) in Dutch when the language is Dutch."""

from __future__ import annotations

import pytest

from app.shell.application import _parse
from coding.core import i18n


def test_the_windows_options_are_explained_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    i18n.set_language("nl")
    try:
        with pytest.raises(SystemExit):
            _parse(["--help"])
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert out.startswith("gebruik: codewerk gui")
    assert "Open het venster van Codewerk." in out and "een .codewerk-projectbestand" in out
    assert "open het demoproject" in out and "toon deze hulptekst en stop" in out
    assert _parse(["--demo"]).demo
