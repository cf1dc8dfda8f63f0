"""The language of Codewerk's output (export labels, CLI messages): English or Dutch.

The window translates itself with Qt's translator (``resources/translations/codewerk_nl.ts``); the
domain has no Qt, so the words that end up inside an export or on the command line come from this
small catalogue. ``text("Quotes per concept")`` gives the label in the current language; an English
text without a Dutch entry stays as it is (so names and data pass through untouched). Templates take
their fields by name: ``text("Judgements for {group}", group="Zwolle")``.

The language: ``--language nl|en`` on the CLI, else the ``CODEWERK_LANGUAGE`` environment variable,
else the choice saved in the window's preferences, else the system locale (Dutch when it is ``nl``).
"""

from __future__ import annotations

import configparser
import locale
import os
import sys
from pathlib import Path
from typing import Literal

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")
#: How each language names itself (for the preferences and ``--language``'s help).
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "nl": "Nederlands"}

_DUTCH: dict[str, str] = {
    # Excel: sheets, headers, titles
    "Overview": "Overzicht",
    "Frequencies": "Frequenties",
    "Codebook": "Codeboek",
    "Concept": "Concept",
    "Code": "Code",
    "Respondent": "Respondent",
    "Role": "Rol",
    "Document": "Document",
    "Quote": "Citaat",
    "Quotes": "Citaten",
    "Memo": "Memo",
    "Start": "Begin",
    "End": "Eind",
    "Page": "Pagina",
    "Review": "Beoordeling",
    "Score": "Oordeel",
    "Justification": "Onderbouwing",
    "Evidence": "Bewijs",
    "Total": "Totaal",
    "Question": "Vraag",
    "Guide": "Leidraad",
    "Answers per guide question": "Antwoorden per vraag uit de leidraad",
    "{count} interview(s)": "{count} interview(s)",
    "(not asked, or not found)": "(niet gesteld, of niet gevonden)",
    "[not confirmed: {confidence}]": "[niet bevestigd: {confidence}]",
    "Description": "Beschrijving",
    "Scale": "Schaal",
    "Kind": "Soort",
    "Label": "Label",
    "Judgement": "Oordeel",
    "Judgement {label}": "Oordeel {label}",
    "Judgements": "Oordelen",
    "Judgements for {group}": "Oordelen voor {group}",
    "{group} note": "{group} onderbouwing",
    "Scores for the charts ({scale})": "Scores voor de grafieken ({scale})",
    "All coded passages (each once)": "Alle gecodeerde fragmenten (elk één keer)",
    "Coded passages": "Gecodeerde fragmenten",
    "Coded passages per concept and {attribute}": "Gecodeerde fragmenten per concept en {attribute}",
    "Spider chart: judgements per concept, one line per {attribute} ({numbering})": (
        "Spingrafiek: oordelen per concept, één lijn per {attribute} ({numbering})"
    ),
    "Bar chart: judgements per concept, one bar per {attribute} ({numbering})": (
        "Staafgrafiek: oordelen per concept, één staaf per {attribute} ({numbering})"
    ),
    "Co-occurrence": "Samen voorkomen",
    "Co-occurrence of codes": "Samen voorkomen van codes",
    "Co-occurrence of the concepts": "Samen voorkomen van de concepten",
    "Matrix": "Matrix",
    "Sheet": "Blad",
    # Word
    "Quotes per concept": "Citaten per concept",
    "Quotes per concept – {name}": "Citaten per concept – {name}",
    "{name} · by {key}": "{name} · per {key}",
    "Document memos": "Documentmemo's",
    "Analysis": "Analyse",
    "No quotes.": "Geen citaten.",
    "No coded passages.": "Geen gecodeerde fragmenten.",
    "Without quotes or judgements: ": "Zonder citaten of oordelen: ",
    "Memo on {path}": "Memo bij {path}",
    "Memo: {memo}": "Memo: {memo}",
    "Coded transcript": "Gecodeerd transcript",
    "Coded transcript · {described}": "Gecodeerd transcript · {described}",
    "Passages": "Fragmenten",
    "Contents": "Inhoud",
    "Page ": "Pagina ",
    " of ": " van ",
    "Saved queries": "Opgeslagen zoekvragen",
    "Cannot run now: {error}": "Kan nu niet worden uitgevoerd: {error}",
    "Review ({reviewer}, {status})": "Beoordeling ({reviewer}, {status})",
    "(none)": "(geen)",
    # Review words
    "agreed": "akkoord",
    "question": "vraag",
    "disagree": "oneens",
    # CLI
    "Exported {path}": "Geëxporteerd: {path}",
    "error": "fout",
}

_CATALOGUES: dict[Language, dict[str, str]] = {"en": {}, "nl": _DUTCH}

#: The language in force (set on first use or by set_language).
_current: dict[str, Language] = {}


def environment_language() -> Language | None:
    """``CODEWERK_LANGUAGE`` (``nl``/``en``), which wins over the saved choice (tests, scripts)."""
    chosen = os.environ.get("CODEWERK_LANGUAGE", "").strip().lower()
    return "nl" if chosen == "nl" else "en" if chosen == "en" else None


def system_language() -> Language:
    """``nl`` when the system locale says Dutch, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return "nl" if found.lower().startswith(("nl", "dutch")) else "en"


def settings_file() -> Path:
    """The window's settings (QSettings' INI file for organisation and application "Codewerk")."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "Codewerk" / "Codewerk.ini"


def saved_language() -> Language | None:
    """The language chosen in the window's preferences, if any (so the CLI follows the window)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
    except (OSError, configparser.Error):
        return None
    value = parser.get("General", "language", fallback="").strip().lower()
    return value if value in LANGUAGES else None


def language() -> Language:
    """The language output is written in now."""
    if "language" not in _current:
        _current["language"] = environment_language() or saved_language() or system_language()
    return _current["language"]


def set_language(chosen: str | None) -> Language:
    """Choose the output language (``None``: the environment's, else the window's saved choice, else
    the system's). Returns the language now in force."""
    if chosen is None:
        _current["language"] = environment_language() or saved_language() or system_language()
    elif chosen in ("en", "nl"):
        _current["language"] = "nl" if chosen == "nl" else "en"
    else:
        raise ValueError(f"unknown language {chosen!r}: choose one of {', '.join(LANGUAGES)}")
    return _current["language"]


def text(english: str, /, **fields: object) -> str:
    """``english`` in the current language, its ``{fields}`` filled in."""
    found = _CATALOGUES[language()].get(english, english)
    return found.format(**fields) if fields else found


def texts(labels: tuple[str, ...] | list[str]) -> list[str]:
    return [text(label) for label in labels]
