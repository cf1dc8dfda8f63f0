"""The Codewerk-specific data REFI-QDA has no element for, as JSON keyed by REFI GUIDs.

In a ``.qdpx`` it is the zip part ``codewerk/extension.json``; in a ``.qdc`` a processing
instruction ``<?codewerk {...}?>`` before the root element. Other tools ignore both; Codewerk
reads them back so that a round trip keeps code scales, labels, question references, the
documents' original file facts and speaker turns, and the judgements. Reading is defensive:
an entry of the wrong shape is dropped and reported, never trusted.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, repeat
from operator import is_not
from typing import Any, TypeVar, overload

from coding.core.i18n import text as say
from coding.core.records import CodeInfo
from coding.refi.names import clean_guid, format_datetime, parse_datetime
from coding.refi.snapshot import Snapshot

FORMAT = "codewerk-refi/1"
T = TypeVar("T")
_CODE_KINDS = frozenset({"concept", "dimension", "indicator", "code"})


@dataclass(frozen=True)
class CodeExtras:
    label: str = ""
    kind: str = "code"
    question: str | None = None
    category: str = ""
    scale: tuple[str, ...] | None = None
    search_terms: tuple[str, ...] = ()
    inductive: bool = False


#: A speaker turn: speaker, start, end, body start, timestamp (seconds).
Turn = tuple[str, int, int, int, float | None]


@dataclass(frozen=True)
class DocumentExtras:
    source_format: str | None = None
    original_filename: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    turns: Sequence[Turn] | None = None
    pages: tuple[tuple[int, int, int], ...] = ()
    #: The recording's kind, SHA-256 and size, to find it again when it is not where ``path`` says.
    media: tuple[str, str, int] | None = None


@dataclass(frozen=True)
class JudgementExtras:
    guid: str
    code: str
    attribute: str
    value: str
    score: str
    justification: str
    coder: str | None
    updated_at: datetime | None
    evidence: tuple[str, ...]


@dataclass
class Extension:
    language: str | None = None
    codes: dict[str, CodeExtras] = field(default_factory=dict)
    documents: dict[str, DocumentExtras] = field(default_factory=dict)
    judgements: list[JudgementExtras] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# -- writing --------------------------------------------------------------------------------
def code_extras(code: CodeInfo) -> dict[str, Any]:
    return {
        "label": code.label,
        "kind": code.kind,
        "question": code.question,
        "category": code.category,
        "scale": list(code.scale) if code.scale is not None else None,
        "search_terms": list(code.search_terms),
        "inductive": code.inductive,
    }


def codebook_extension(snapshot: Snapshot) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "language": snapshot.language,
        "codes": {code.guid: code_extras(code) for code in snapshot.tree},
    }


def project_extension(snapshot: Snapshot, passage_guids: Mapping[int, str]) -> dict[str, Any]:
    codes = {code.id: code.guid for code in snapshot.tree}
    coders = {coder.id: coder.guid for coder in snapshot.coders.values()}
    data = codebook_extension(snapshot)
    data["documents"] = {
        doc.guid: {
            "source_format": doc.source_format,
            "original_filename": doc.original_filename,
            "sha256": doc.sha256,
            "encoding": doc.encoding,
            "turns": doc.turns,  # tuples: the same JSON arrays, without a list per turn
            "pages": [list(page) for page in doc.pages],
            "media": None
            if doc.media is None
            else {"kind": doc.media.kind, "sha256": doc.media.sha256, "size": doc.media.size},
        }
        for doc in snapshot.documents
    }
    data["judgements"] = [
        {
            "guid": a.guid,
            "code": codes[a.code_id],
            "attribute": a.attribute,
            "value": a.value,
            "score": a.score,
            "justification": a.justification,
            "coder": coders.get(a.coder_id) if a.coder_id is not None else None,
            "updated_at": format_datetime(a.updated_at),
            "evidence": [passage_guids[s] for s in a.evidence if s in passage_guids],
        }
        for a in snapshot.judgements
    ]
    return data


def dumps(data: Mapping[str, Any]) -> str:
    """Compact JSON that can also sit inside an XML processing instruction (no ``?>``)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace(">", "\\u003e")


# -- reading --------------------------------------------------------------------------------
def _text(value: Any, default: str = "") -> str:
    return value.strip() if isinstance(value, str) else default


def _optional_text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _strings(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return tuple(item.strip() for item in value if item.strip())


def _code(raw: Any) -> CodeExtras | None:
    if not isinstance(raw, dict):
        return None
    scale = raw.get("scale")
    scale_values = None if scale is None else _strings(scale)
    if scale is not None and (not scale_values or len(set(scale_values)) != len(scale_values)):
        return None
    kind = _text(raw.get("kind"), "code")
    return CodeExtras(
        label=_text(raw.get("label")),
        kind=kind if kind in _CODE_KINDS else "code",
        question=_optional_text(raw.get("question")),
        category=_text(raw.get("category")),
        scale=scale_values,
        search_terms=_strings(raw.get("search_terms")) or (),
        inductive=raw.get("inductive") is True,
    )


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class TurnColumns(Sequence[Turn]):
    """A document's turns as the extension gives them, kept column by column: the three positions
    of each in one array, the timestamps in another, the speakers as shared strings. A research
    group's file holds 400,000 turns; as a tuple each (with its integers) they were ≈ 70 MB of
    what an import reads, and ≈ 16 MB so. Iterating gives each turn as a tuple."""

    __slots__ = ("_numbers", "_present", "_speakers", "_stamps")

    def __init__(self) -> None:
        self._speakers: list[str] = []
        self._numbers = array("q")  # start, end, body start of each turn
        self._stamps = array("d")
        self._present = bytearray()  # whether each turn has a timestamp

    def __len__(self) -> int:
        return len(self._speakers)

    @overload
    def __getitem__(self, index: int) -> Turn: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Turn]: ...
    def __getitem__(self, index: int | slice) -> Turn | Sequence[Turn]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        n = self._numbers
        stamp = self._stamps[index] if self._present[index] else None
        return (self._speakers[index], n[3 * index], n[3 * index + 1], n[3 * index + 2], stamp)

    def __iter__(self) -> Iterator[Turn]:
        numbers = iter(self._numbers)
        for speaker, stamp, present in zip(self._speakers, self._stamps, self._present, strict=True):
            yield (speaker, next(numbers), next(numbers), next(numbers), stamp if present else None)

    def columns(self) -> tuple[list[str], Sequence[int], Sequence[int], Sequence[int], list[float | None]]:
        """The turns column by column: speakers, starts, ends, body starts, timestamps."""
        stamps = [
            stamp if present else None for stamp, present in zip(self._stamps, self._present, strict=True)
        ]
        numbers = self._numbers
        return self._speakers, numbers[0::3], numbers[1::3], numbers[2::3], stamps

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


def _turns(raw: Any) -> Sequence[Turn] | None:
    if isinstance(raw, _Parsed):  # read while the JSON was decoded (_decoded)
        return raw.turns
    if not isinstance(raw, list):
        return None
    turns = TurnColumns()
    if not raw:
        return turns
    # Checked and stored column by column, each by calls in C (400,000 turns in a research
    # group's file: a turn of a Python loop each was ≈ 0.4 s). Decoded JSON: an integer is
    # exactly an int (a bool is not one), a string exactly a str, a list exactly a list.
    if set(map(type, raw)) != {list} or set(map(len, raw)) != {5}:
        return None
    speakers, starts, ends, bodies, stamps = zip(*raw, strict=True)
    if set(map(type, speakers)) != {str} or not set(map(type, starts + ends + bodies)) <= {int}:
        return None
    stamp_types = set(map(type, stamps))
    if not stamp_types <= _STAMP_TYPES:
        return None
    shared: dict[str, str] = {}  # one string per speaker, not one per turn
    try:
        numbers = array("q", chain.from_iterable(zip(starts, ends, bodies, strict=True)))
    except OverflowError:  # a position no array holds: as tuples (the import finds it does not fit)
        return _tuples(raw, shared)
    turns._numbers = numbers
    turns._speakers = list(map(shared.setdefault, speakers, speakers))
    if stamp_types == {type(None)}:
        turns._stamps = array("d", bytes(8 * len(stamps)))
        turns._present = bytearray(len(stamps))
    else:
        turns._stamps = array("d", [0.0 if stamp is None else float(stamp) for stamp in stamps])
        turns._present = bytearray(map(is_not, stamps, repeat(None)))
    return turns


#: What a turn's timestamp may be in decoded JSON.
_STAMP_TYPES = {type(None), float, int}


def _tuples(raw: list[Any], speakers: dict[str, str]) -> tuple[Turn, ...] | None:
    """The turns as tuples (a position beyond 64 bits: the import then finds they do not fit)."""
    turns = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 5 and isinstance(item[0], str)):
            return None
        stamp = item[4]
        if not all(_int(v) for v in item[1:4]) or (
            stamp is not None and (isinstance(stamp, bool) or not isinstance(stamp, int | float))
        ):
            return None
        turns.append(
            (
                speakers.setdefault(item[0], item[0]),
                item[1],
                item[2],
                item[3],
                None if stamp is None else float(stamp),
            )
        )
    return tuple(turns)


class _Parsed:
    """A document's ``turns`` read as soon as the JSON decoder built them (see :func:`_decoded`)."""

    __slots__ = ("turns",)

    def __init__(self, turns: Sequence[Turn] | None) -> None:
        self.turns = turns


def _decoded(entry: dict[str, Any]) -> dict[str, Any]:
    """Each JSON object as it is decoded: a document's turns are read into columns there and then,
    so the decoder's lists of all documents' turns (≈ 100 MB in a research group's file) never
    stand at once."""
    turns = entry.get("turns")
    if isinstance(turns, list):
        entry["turns"] = _Parsed(_turns(turns))
    return entry


def _pages(raw: Any) -> tuple[tuple[int, int, int], ...]:
    if not isinstance(raw, list):
        return ()
    pages = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 3 and all(_int(v) for v in item)):
            return ()
        pages.append((item[0], item[1], item[2]))
    return tuple(pages)


def _media(raw: Any) -> tuple[str, str, int] | None:
    if not isinstance(raw, dict):
        return None
    kind, sha256, size = raw.get("kind"), raw.get("sha256"), raw.get("size")
    if kind not in ("audio", "video") or not isinstance(sha256, str) or len(sha256) != 64:
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    return str(kind), sha256.lower(), size


def _document(raw: Any) -> DocumentExtras | None:
    if not isinstance(raw, dict):
        return None
    return DocumentExtras(
        source_format=_optional_text(raw.get("source_format")),
        original_filename=_optional_text(raw.get("original_filename")),
        sha256=_optional_text(raw.get("sha256")),
        encoding=_optional_text(raw.get("encoding")),
        turns=_turns(raw.get("turns")),
        pages=_pages(raw.get("pages")),
        media=_media(raw.get("media")),
    )


def _judgement(raw: Any) -> JudgementExtras | None:
    if not isinstance(raw, dict):
        return None
    guid, code = clean_guid(_text(raw.get("guid"))), clean_guid(_text(raw.get("code")))
    attribute, value = _text(raw.get("attribute")), _text(raw.get("value"))
    evidence = _strings(raw.get("evidence") or [])
    if not (guid and code and attribute and value) or evidence is None:
        return None
    return JudgementExtras(
        guid=guid,
        code=code,
        attribute=attribute,
        value=value,
        score=_text(raw.get("score")),
        justification=_text(raw.get("justification")),
        coder=clean_guid(_text(raw.get("coder"))),
        updated_at=parse_datetime(_text(raw.get("updated_at"))),
        evidence=tuple(g for g in (clean_guid(e) for e in evidence) if g),
    )


def _entries(
    data: dict[str, Any], section: str, reader: Callable[[Any], T | None], where: str, problems: list[str]
) -> dict[str, T]:
    """The well-formed entries of one section keyed by GUID; each malformed one is added to ``problems``."""
    entries: dict[str, T] = {}
    raw = data.get(section) or {}
    for guid, entry in raw.items() if isinstance(raw, dict) else ():
        parsed = reader(entry)
        key = clean_guid(guid)
        if parsed is None or key is None:
            problems.append(
                say("{where}: {section} entry '{guid}' is malformed", where=where, section=section, guid=guid)
            )
        else:
            entries[key] = parsed
    return entries


def parse_extension(text: str, where: str) -> Extension:
    """Read extension JSON; problems are listed in :attr:`Extension.problems`, never raised."""
    extension = Extension()
    try:
        data = json.loads(text, object_hook=_decoded)
    except (ValueError, RecursionError):
        extension.problems.append(
            say("{where}: not valid JSON; Codewerk's extra data was not read", where=where)
        )
        return extension
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        extension.problems.append(
            say("{where}: unknown format; Codewerk's extra data was not read", where=where)
        )
        return extension
    extension.language = _optional_text(data.get("language"))
    extension.codes = _entries(data, "codes", _code, where, extension.problems)
    extension.documents = _entries(data, "documents", _document, where, extension.problems)
    # Files written before the glossary's names (Codewerk 0.1) call them "assessments".
    judgements = data.get("judgements", data.get("assessments"))
    for index, entry in enumerate(judgements or []):
        parsed_judgement = _judgement(entry)
        if parsed_judgement is None:
            extension.problems.append(
                say("{where}: judgement {value} is malformed", where=where, value=index + 1)
            )
        else:
            extension.judgements.append(parsed_judgement)
    return extension
