"""Small shared pieces of the REFI-QDA exchange: namespaces, GUIDs, date-times, XML-safe text."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache

from coding.core.text import fold

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
#: Older drafts (``urn:QDA-XML:project:0:4``) and files without a namespace are read as well.
PROJECT_NS_PREFIX = "urn:QDA-XML:project"
CODEBOOK_NS_PREFIX = "urn:QDA-XML:codebook"

#: The Codewerk-specific part of a ``.qdpx`` (see the package docstring); other tools ignore it.
EXTENSION_PART = "codewerk/extension.json"
#: The processing instruction that carries the same data in a ``.qdc`` (ignored by schemas and tools).
EXTENSION_PI = "codewerk"

_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")
#: Namespace of the GUIDs Codewerk derives for things it stores without one (variables, cases, notes).
_DERIVED = uuid.UUID("6f1d8a52-3c1e-4f0b-9a57-2f4c1b0e7d31")


#: Local names of the tags met so far (a file has a few dozen; a hostile one may not: bounded).
_LOCAL_NAMES: dict[str, str] = {}


def local_name(tag: object) -> str:
    """``{urn:QDA-XML:project:1.0}Code`` → ``Code`` (comments and PIs have no string tag: ``""``)."""
    name = _LOCAL_NAMES.get(tag)  # type: ignore[call-overload]  # first: met before (almost every call)
    if name is not None:
        return name
    if not isinstance(tag, str):
        return ""
    name = tag.rsplit("}", 1)[-1]
    if len(_LOCAL_NAMES) < 4096:
        _LOCAL_NAMES[tag] = name
    return name


def namespace_of(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


#: A GUID as Codewerk and most tools write it (lower case, no braces): its own canonical form.
CANONICAL_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@lru_cache(maxsize=4096)  # a coding's user and code: the same few GUIDs, one string each
def clean_guid(value: str | None) -> str | None:
    """The canonical (lower-case, no braces) form of a GUID, or ``None`` if ``value`` is not one."""
    if not value:
        return None
    match = _GUID.match(value.strip())
    return match.group(1).lower() if match else None


def own_guid(value: str | None) -> str | None:
    """:func:`clean_guid` of an element's own GUID (each one different: 400,000 in a large file),
    without the cache that shares the strings of references."""
    if value is not None and len(value) == 36 and CANONICAL_GUID.fullmatch(value):
        return value
    return clean_guid(value)


def guid_key(value: str | None) -> str | None:
    """How references are matched: the canonical GUID, or the trimmed raw text of a malformed one."""
    if value is None or not value.strip():
        return None
    return clean_guid(value) or value.strip()


def derived_guid(*parts: str) -> str:
    """A GUID that is the same every time for the same parts (stable across exports)."""
    return str(uuid.uuid5(_DERIVED, "\x1f".join(parts)))


#: A time as SQLite holds what SQLAlchemy stored: ``2026-12-05 21:00:10.881973`` (naive UTC).
_STORED_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}")


def format_datetime(value: datetime | str | None) -> str | None:
    """A stored (naive UTC) time as ``xsd:dateTime`` with ``Z``. A ``str`` is a time as the
    database driver gives it (SQLite's text, :func:`coding.core.plain_rows.plain_row_stream`):
    the same text as for its ``datetime``, without building one."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 26 and _STORED_TIME.fullmatch(value):
            if value.endswith(".000000"):  # as isoformat(): no fraction when it is zero
                return f"{value[:10]}T{value[11:19]}Z"
            return f"{value[:10]}T{value[11:]}Z"
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat() + "Z"


#: Stored times, each followed by a line break (:func:`format_datetimes`; ASCII digits, the quicker
#: test: a time with others is written one at a time, as :func:`format_datetime` writes it).
_STORED_TIMES = re.compile(
    r"(?:[0-9]{4}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]{6}\n)*"
)


def format_datetimes(values: Sequence[datetime | str]) -> list[str | None]:
    """:func:`format_datetime` of each of ``values``: SQLite's stored texts (a source's passages or
    codings) checked by one pattern over them joined and written by replacing in the joined text
    (the one space, a zero fraction, the ``Z``), not one call per time (400,000 at ten times the
    large corpus); anything else one at a time."""
    if not values:
        return []
    try:
        joined = "\n".join(values) + "\n"  # type: ignore[arg-type]  # a datetime: TypeError
    except TypeError:
        return [format_datetime(value) for value in values]
    if _STORED_TIMES.fullmatch(joined) is not None:
        written = joined.replace(" ", "T").replace(".000000\n", "\n").replace("\n", "Z\n")
        times: list[str | None] = list(written[:-1].split("\n"))
        if len(times) == len(values):  # (a value holding a line break of its own: one at a time)
            return times
    return [format_datetime(value) for value in values]


def parse_datetime(value: str | None) -> datetime | None:
    """An ``xsd:dateTime`` as naive UTC; ``None`` when missing or not a date-time."""
    if not value:
        return None
    text = value.strip()
    if text.endswith("Z"):  # UTC, as Codewerk and most tools write it: naive as it stands
        try:
            naive = datetime.fromisoformat(text[:-1])
        except ValueError:
            pass
        else:
            if naive.tzinfo is None:
                return naive
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        # More than six fractional digits (.NET writes seven): keep microseconds.
        match = re.match(r"^(.*T\d\d:\d\d:\d\d)\.(\d+)(.*)$", text)
        if match is None:
            return None
        try:
            parsed = datetime.fromisoformat(f"{match.group(1)}.{match.group(2)[:6]:0<6}{match.group(3)}")
        except ValueError:
            return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def stored_time(value: str | None) -> datetime | str | None:
    """:func:`parse_datetime` of ``value``; but a time written as Codewerk and most tools write it
    (``2026-12-05T21:00:10.881973Z``, or ``2026-12-05T21:00:10Z`` when the fraction is zero) as the
    text SQLAlchemy stores for its naive UTC time in SQLite (``2026-12-05 21:00:10.881973``): the
    date checked by the C parser, the text cut from the file's, not a ``datetime`` made and then
    written again by ``isoformat`` when it is inserted (≈ 0.3 s of an import's 400,000 selections
    and codings at ten times the large corpus; :func:`coding.undo.bulk_rows.stored_time`)."""
    if value is not None:
        shape = value[4:20:3]  # the separators: 2026-12-05T21:00:10.881973Z
        if shape == "--T::." and len(value) == 27 and value[26] == "Z":
            try:
                _from_iso(value)  # a real date and time, ASCII digits
            except ValueError:
                return parse_datetime(value)
            return value[:26].replace("T", " ")
        if shape == "--T::Z" and len(value) == 20:
            try:
                _from_iso(value)
            except ValueError:
                return parse_datetime(value)
            return value[:19].replace("T", " ") + ".000000"
    return parse_datetime(value)


_from_iso = datetime.fromisoformat


def clean_name(name: str, limit: int) -> str:
    """A name Codewerk accepts: no '/', whitespace collapsed, at most ``limit`` characters."""
    return " ".join(name.replace("/", "∕").split())[:limit] or "(unnamed)"


def numbered(name: str, taken: set[str], limit: int) -> str:
    """``name``, or ``name (2)``, ``name (3)``… : the first whose folded form is not in ``taken``."""
    candidate, number = name, 1
    while fold(candidate) in taken:
        number += 1
        candidate = f"{name[: limit - 6]} ({number})"
    return candidate


def unique_question(question: str | None, taken: set[str]) -> str | None:
    """A code's question reference, or ``None`` when another code took it (folded) already;
    a question that is kept is added to ``taken``."""
    if question and fold(question) in taken:
        return None
    if question:
        taken.add(fold(question))
    return question


def hex_colour(value: str | None) -> str | None:
    """``#RGB`` or ``#RRGGBB`` (any case) as lower-case ``#rrggbb``; ``None`` for anything else."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
        return text.lower()
    if re.fullmatch(r"#[0-9A-Fa-f]{3}", text):
        return "#" + "".join(ch * 2 for ch in text[1:]).lower()
    return None
