"""Fixtures shared by the window tests of the shell."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.shell import translation
from coding.core import i18n


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The interface and the domain's messages in Dutch for one test, English again after it."""
    from app.shell.application import application

    application()
    monkeypatch.setenv("CODEWERK_LANGUAGE", "nl")
    assert translation.install() == "nl"
    assert i18n.language() == "nl"
    yield
    monkeypatch.setenv("CODEWERK_LANGUAGE", "en")
    translation.install("en")
