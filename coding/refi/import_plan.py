"""What the notes and cases of a REFI-QDA file mean in Codewerk (pure: no project involved).

Notes become, by where they are referenced:

* from a ``Coding``: a review mark when named ``Review: agreed|question|disagree`` and written
  by a known user (how Codewerk exports review marks), else part of the coding's memo;
* from a ``PlainTextSelection``: part of the memo of each of its codings (a selection without
  codings keeps its notes as a memo of the document, with the passage quoted);
* from the project, a code or a source: a memo of the project, that code or that document;
* from nowhere: a project memo. Notes that are Codewerk judgements (listed in the extension)
  are not memos.

Memos other tools keep as ``Description`` (QualCoder, MAXQDA: a selection's is its codings' memo, a
source's the document memo, the project's the project memo; a case's becomes a project memo named
after the case) are read as well, less the copy of the notes Codewerk writes there
(:mod:`coding.refi.descriptions`).

Document attributes come from the Cases that link the source (their VariableValues, and the
case's name as ``case`` when it is not already one of them), from Sets of sources (``key::value``
as ATLAS.ti names document groups, else ``<set name> = yes``), and from the source's own
VariableValues, which win.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from coding.core.i18n import text as say
from coding.core.parsed import plain
from coding.core.text import fold
from coding.refi.descriptions import memo_part, own_part
from coding.refi.elements import RNote, RSelection, RSource, Skipped
from coding.refi.names import derived_guid
from coding.refi.project_reader import RefiProject

REVIEW_NOTE = re.compile(r"^Review: (agreed|question|disagree)$")


@dataclass
class MemoPlan:
    note: RNote
    document: str | None = None  # source GUID
    code: str | None = None  # code GUID
    title: str | None = None
    text: str | None = None


@dataclass
class ReviewPlan:
    note: RNote
    status: str
    user: str  # the note's user, known to the project


@dataclass
class NotePlan:
    coding_memos: dict[str, str] = field(default_factory=dict)  # coding GUID → memo text
    reviews: dict[str, list[ReviewPlan]] = field(default_factory=dict)  # coding GUID → marks
    memos: list[MemoPlan] = field(default_factory=list)
    uncoded: set[str] = field(default_factory=set)  # selection GUIDs without codings


class _Texts:
    """The text of the source last asked for, decoded once (a source holds its text as UTF-8)."""

    def __init__(self) -> None:
        self._last: tuple[RSource, str] | None = None

    def __call__(self, source: RSource) -> str:
        if self._last is None or self._last[0] is not source:
            self._last = (source, plain(source.text))
        return self._last[1]


def _quote(selection: RSelection, text: str) -> str:
    passage = " ".join(text[selection.start : selection.end].split())
    return f"«{passage[:300]}{'…' if len(passage) > 300 else ''}»"


def plan_notes(project: RefiProject, skipped: list[Skipped]) -> NotePlan:
    plan = NotePlan()
    text_of = _Texts()
    notes = project.notes
    judgements = {a.guid for a in project.extension.judgements}
    used: set[str] = set(judgements)

    def known(guid: str, where: str) -> RNote | None:
        note = notes.get(guid)
        if note is None and guid not in judgements:
            skipped.append(
                Skipped(say("NoteRef in {where}", where=where), say("refers to no note ({guid})", guid=guid))
            )
        return None if guid in judgements else note

    coding_parts: dict[str, list[str]] = defaultdict(list)
    for source in project.sources:
        for selection in source.selections:
            where = f"selection in '{source.name}'"
            selection_notes = [n for g in selection.notes if (n := known(g, where))]
            for coding in selection.codings:
                for guid in coding.notes:
                    note = known(guid, where)
                    if note is None:
                        continue
                    used.add(note.guid)
                    review = REVIEW_NOTE.match(note.name)
                    if review and note.user is not None and note.user in project.users:
                        plan.reviews.setdefault(coding.guid, []).append(
                            ReviewPlan(note, review.group(1), note.user)
                        )
                    elif note.text:
                        coding_parts[coding.guid].append(note.text)
                for note in selection_notes:
                    if note.text:
                        coding_parts[coding.guid].append(note.text)
            for note in selection_notes:
                used.add(note.guid)
            if not selection.codings:
                plan.uncoded.add(selection.guid)
                for note in selection_notes:
                    title = note.name or "Note on a passage"
                    text = f"{_quote(selection, text_of(source))}\n\n{note.text}"
                    plan.memos.append(MemoPlan(note, document=source.guid, title=title, text=text))
        for coding in source.whole_codings:
            for guid in coding.notes:
                note = known(guid, f"'{source.name}'")
                if note is not None and note.text:
                    used.add(note.guid)
                    coding_parts[coding.guid].append(note.text)
    _description_memos(project, plan, coding_parts)
    plan.coding_memos = {guid: "\n\n".join(parts) for guid, parts in coding_parts.items()}

    def memo(guid: str, where: str, *, document: str | None = None, code: str | None = None) -> None:
        note = known(guid, where)
        if note is not None and note.guid not in used:
            used.add(note.guid)
            plan.memos.append(MemoPlan(note, document=document, code=code))

    for guid in project.project_notes:
        memo(guid, "the project")
    for root in project.codes:
        for code in root.walk():
            for guid in code.notes:
                memo(guid, f"code '{code.name}'", code=code.guid)
    for source in project.sources:
        for guid in source.notes:
            note = notes.get(guid)
            if note is not None and note.passages and note.guid not in used:  # an annotation
                used.add(note.guid)
                quoted = [_quote(RSelection("", a, b, None, None), text_of(source)) for a, b in note.passages]
                plan.memos.append(
                    MemoPlan(
                        note,
                        document=source.guid,
                        title=note.name or "Note on a passage",
                        text="\n".join(quoted) + f"\n\n{note.text}",
                    )
                )
            memo(guid, f"'{source.name}'", document=source.guid)
    for guid in notes:
        memo(guid, "the project")
    return plan


def _description_note(owner: str, text: str, name: str = "") -> RNote:
    """A memo read from a ``Description`` (a GUID derived from its owner's: importing twice adds nothing)."""
    return RNote(derived_guid(owner, "description"), name, text, None, None, None)


def _description_memos(project: RefiProject, plan: NotePlan, coding_parts: dict[str, list[str]]) -> None:
    """Memos kept as ``Description`` (QualCoder, MAXQDA), less what only copies the notes (Codewerk).

    A selection's Description is the memo of each of its codings (of the document, with the
    passage quoted, when it has none); a source's, a document memo; the project's, a project memo;
    a case's, a project memo named after the case.
    """
    text_of = _Texts()
    notes = project.notes

    def parts(guids: list[str]) -> list[str]:
        return [memo_part(n.name, n.text) for g in guids if (n := notes.get(g)) is not None]

    for source in project.sources:
        for selection in source.selections:
            if not selection.description:
                continue
            copied = [
                memo_part(None, n.text)
                for coding in selection.codings
                for g in coding.notes
                if (n := notes.get(g)) is not None and not REVIEW_NOTE.match(n.name)
            ]
            own = own_part(selection.description, copied)
            if not own:
                continue
            for coding in selection.codings:
                if own not in coding_parts[coding.guid]:
                    coding_parts[coding.guid].append(own)
            if not selection.codings:
                text = f"{_quote(selection, text_of(source))}\n\n{own}"
                note = _description_note(selection.guid, own, "Note on a passage")
                plan.memos.append(MemoPlan(note, document=source.guid, title=note.name, text=text))
        own = own_part(source.description, parts(source.notes))
        if own:
            plan.memos.append(MemoPlan(_description_note(source.guid, own), document=source.guid))
    own = own_part(project.description, parts(project.project_notes))
    if own:
        plan.memos.append(MemoPlan(_description_note(f"project {project.name}", own)))
    for case in project.cases:
        if case.description:
            name = f"Case {case.name}" if case.name else "Case"
            plan.memos.append(MemoPlan(_description_note(case.guid, case.description, name)))


def document_attributes(project: RefiProject, adjusted: list[Skipped]) -> dict[str, dict[str, str]]:
    """Attributes per source GUID, from cases, sets of sources and the sources' own values."""
    names = {source.guid: source.name for source in project.sources}
    result: dict[str, dict[str, str]] = {guid: {} for guid in names}

    def give(source: str, raw_key: str, value: str, origin: str) -> None:
        values = result.get(source)
        key = " ".join(raw_key.split()).lower()
        if values is None or not key or not value:
            return
        if len(key) > 100:
            adjusted.append(
                Skipped(origin, say("attribute name '{name}…' is too long; not used", name=key[:30]))
            )
            return
        current = values.get(key)
        if current is None:
            values[key] = value
        elif fold(current) != fold(value):
            adjusted.append(
                Skipped(
                    origin,
                    say(
                        "'{name}' already has {key} = '{current}'; '{value}' was not used",
                        name=names[source],
                        key=key,
                        current=current,
                        value=value,
                    ),
                )
            )

    for case in project.cases:
        values = dict(case.values)
        own_names = {fold(names.get(s, "")) for s in case.sources}
        if case.name and fold(case.name) not in {fold(v) for v in values.values()} | own_names:
            values.setdefault("case", case.name)
        for source_guid in case.sources:
            for key, value in values.items():
                give(source_guid, key, value, f"Case '{case.name}'" if case.name else "a Case without a name")
    for code_set in project.sets:
        if not code_set.sources or not code_set.name:
            continue
        key, separator, value = code_set.name.partition("::")
        if not separator or not key.strip() or not value.strip():
            key, value = code_set.name, "yes"
        for source_guid in code_set.sources:
            give(source_guid, key.strip(), value.strip(), f"Set '{code_set.name}'")
    for source in project.sources:
        own: dict[str, str] = {}
        for key, value in source.values.items():
            own[" ".join(key.split()).lower()[:100]] = value
        result[source.guid] = {**result[source.guid], **own}
    return result
