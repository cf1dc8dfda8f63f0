"""Document attributes (region, role, respondent …): how their names are written and compared.

The documents store them, imports read them from metadata sheets, quotes are filtered by them and
the judgement grid groups by one of them; all spell an attribute's name the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.i18n import text_in

#: The attributes Codewerk knows by name (the metadata sheet's usual columns), with their labels in English;
#: they are shown in the language of the window and exports (``region`` is "Regio" in Dutch).
KNOWN_LABELS: dict[str, str] = {
    "region": "Region",
    "role": "Role",
    "respondent": "Respondent",
    "date": "Date",
    "organisation": "Organisation",
}


#: The attribute regions are compared by, as an English or a Dutch metadata sheet names it: the grouping
#: the Documents panel, the Quotes filter, Compare and the exports choose first.
REGION_KEYS = ("region", "regio")
#: The attributes Codewerk shows in columns of their own (the Quotes dock's Region and Role, the transcript's
#: header, the exports' Role column and citations), by each name a metadata sheet may give them.
SAME_AS: dict[str, tuple[str, ...]] = {
    "region": REGION_KEYS,
    "role": ("role", "rol", "functie"),
    "date": ("date", "datum"),
    "respondent": ("respondent",),
}


def known_value(attributes: Mapping[str, str], key: str) -> str:
    """The value of a known attribute under any of its names (``regio`` for ``region``), else ""."""
    for name in SAME_AS.get(key, (key,)):
        value = attributes.get(name)
        if value:
            return value
    return ""


def known_keys(keys: Iterable[str], key: str) -> str | None:
    """Which of ``keys`` a known attribute goes by (the first of its names present), if any."""
    present = set(keys)
    return next((name for name in SAME_AS.get(key, (key,)) if name in present), None)


def present_key(keys: Iterable[str], key: str) -> str:
    """The name ``key`` goes by among a project's attribute ``keys``: ``region`` is ``regio`` in a project
    whose metadata sheet was Dutch (and ``regio`` is ``region`` in an English one); a key the project has,
    or one Codewerk knows no other name for, stays as it is (normalised by :func:`attribute_key`)."""
    wanted = attribute_key(key)
    present = set(keys)
    if wanted in present:
        return wanted
    for names in SAME_AS.values():
        if wanted in names:
            return next((name for name in names if name in present), wanted)
    return wanted


def attribute_label(key: str, language: str | None = None) -> str:
    """How an attribute's name is shown: a known attribute in the current language (or ``language``), any
    other as it was stored with its first letter capitalised (``region`` → "Regio" in Dutch, ``sector`` →
    "Sector")."""
    known = KNOWN_LABELS.get(key)
    if known is not None:
        return say(known) if language is None else text_in(language, known)
    return key[:1].upper() + key[1:]


def attribute_word(key: str, language: str | None = None) -> str:
    """An attribute's name inside a sentence ("per regio", "Oordelen voor regio Zwolle"): a known
    attribute in the current language (or ``language``), lower-case; any other as it was stored."""
    return attribute_label(key, language).lower() if key in KNOWN_LABELS else key


def attribute_key(key: str) -> str:
    """Attribute keys are compared and stored lower-case and trimmed: ``Region`` is ``region``."""
    cleaned = " ".join(str(key).split()).lower()
    if not cleaned:
        raise InvalidInputError(say("an attribute needs a name"))
    if len(cleaned) > 100:
        raise InvalidInputError(say("attribute name '{cleaned}…' is too long", cleaned=cleaned[:30]))
    return cleaned


def clean_attributes(attributes: Mapping[str, str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (attributes or {}).items():
        text = " ".join(str(value).split()) if value is not None else ""
        if text:
            out[attribute_key(key)] = text
    return out
