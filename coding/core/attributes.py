"""Document attributes (region, role, respondent …): how their names are written and compared.

The documents store them, imports read them from metadata sheets, quotes are filtered by them and
the judgement grid groups by one of them; all spell an attribute's name the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say


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
