"""Marking texts for translation where they are defined (module constants, column headers) and
translating them where they are shown, after the translator is installed."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; pyside6-lupdate collects it under ``context`` for the .ts file."""
    del context  # only for lupdate
    return text
