"""Merging a coder's project file back: every coding, memo, review mark and judgement of the other
file comes in as that coder's, through the same engine as a ``.qdpx`` import.

The other file is copied first (the user's file is never touched, not even upgraded), exported as
REFI-QDA in a temporary folder, read back and merged with :class:`ImportExchange`: documents, codes,
passages and codings match by GUID (a package keeps them), else by name and text; so merging twice
adds nothing, and the merge is one undoable step. A document whose text was changed in one of the
two files since the package was made is re-anchored with the diff of document replacement
(:func:`~coding.core.text_remap.remap_spans`); passages that cannot be re-anchored are listed.
Things both files changed differently (a code renamed in both, a judgement given in both) are
listed as conflicts; the project's version is kept.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coding.core.errors import InvalidInputError, ProjectFileError
from coding.core.i18n import reason_of
from coding.core.i18n import text as say
from coding.core.parsed import plain
from coding.core.text_remap import remap_spans
from coding.project import Project
from coding.refi.elements import Skipped
from coding.refi.exchange import check_recordings
from coding.refi.import_command import ImportExchange
from coding.refi.package import copy_project_file
from coding.refi.project_reader import RefiProject, read_qdpx
from coding.refi.project_writer import write_qdpx
from coding.refi.report import ExchangeReport
from models import Code, Document, Judgement
from models.database import ProjectFileProblem, inspect_file


@dataclass
class PreparedMerge:
    """What :func:`read_merge` read of the other file, for :func:`apply_merge`."""

    data: RefiProject
    file_name: str
    conflicts: list[Skipped]


def merge_project(project: Project, other: Path | str) -> ExchangeReport:
    """Merge the project file ``other`` into ``project`` (one undoable step); a refused file leaves
    the project exactly as it was."""
    return apply_merge(project, read_merge(project, other))


def read_merge(project: Project, other: Path | str) -> PreparedMerge:
    """Read and check the project file ``other`` against ``project`` without changing either (any
    thread: it reads only); :func:`apply_merge` then merges it."""
    other = Path(other)
    if other.resolve() == project.path.resolve():
        raise InvalidInputError(say("{name}: this is the open project itself", name=other.name))
    try:
        inspect_file(other)
    except ProjectFileProblem as exc:
        raise ProjectFileError(say("{name}: {exc}", name=other.name, exc=reason_of(exc))) from exc
    with tempfile.TemporaryDirectory(prefix="codewerk-merge-") as folder:
        copy = Path(folder) / "other.codewerk"
        copy_project_file(other, copy)
        theirs = Project.open(copy)
        try:
            conflicts = _conflicts(project, theirs, other.name)
            archive = Path(folder) / "other.qdpx"
            write_qdpx(theirs, archive, media_base=other.parent)
        finally:  # ``project`` stays open: what it froze stays frozen (Project.close)
            theirs.close(release=False)
        data = read_qdpx(archive)
    check_recordings(data, None if project.is_team_project else project.path.parent)
    data.name = other.stem
    data.skipped.extend(_reanchor(project, data, other.name))
    return PreparedMerge(data, other.name, conflicts)


def apply_merge(project: Project, prepared: PreparedMerge) -> ExchangeReport:
    """Merge what :func:`read_merge` read: one command, one undoable step."""
    report: ExchangeReport = project.execute(ImportExchange(prepared.data, prepared.file_name, merge=True))
    report.conflicts.extend(prepared.conflicts)
    return report


def _codes(project: Project) -> dict[str, tuple[str, str]]:
    """Code GUID → (name, path)."""
    return {c.guid: (c.name, c.path_text) for c in project.codes.tree()}


def _conflicts(project: Project, theirs: Project, file_name: str) -> list[Skipped]:
    ours, other = _codes(project), _codes(theirs)
    shared_paths = {path for _name, path in ours.values()} & {path for _name, path in other.values()}
    if other and not (ours.keys() & other.keys()) and not shared_paths:
        raise InvalidInputError(
            say(
                (
                    "{file_name}: its codebook shares no code with this project's (another "
                    "codebook); nothing was merged"
                ),
                file_name=file_name,
            )
        )
    conflicts = [
        Skipped(
            say("Code '{name}'", name=path),
            say(
                "is called '{other}' in {file}; kept '{name}'",
                other=other[guid][0],
                file=file_name,
                name=name,
            ),
        )
        for guid, (name, path) in ours.items()
        if guid in other and other[guid][0] != name
    ]
    judged = _judgements(project)
    for key, score in _judgements(theirs).items():
        if key in judged and judged[key] != score:
            attribute, value, guid = key
            name = (ours.get(guid) or other.get(guid) or (guid, guid))[1]
            conflicts.append(
                Skipped(
                    say(
                        "Judgement of '{name}' for {attribute} {value}",
                        name=name,
                        attribute=attribute,
                        value=value,
                    ),
                    say(
                        "'{score}' in {file}, '{here}' here; kept '{here}'",
                        score=score,
                        file=file_name,
                        here=judged[key],
                    ),
                )
            )
    return conflicts


def _judgements(project: Project) -> dict[tuple[str, str, str], str]:
    with project.store.read() as session:
        return {
            (attribute, value, guid): score
            for attribute, value, guid, score in session.execute(
                select(Judgement.attribute, Judgement.value, Code.guid, Judgement.score).join(
                    Code, Code.id == Judgement.code_id
                )
            )
        }


def _reanchor(project: Project, data: RefiProject, file_name: str) -> list[Skipped]:
    """Carry the other file's passages over to this project's text where a document's text differs."""
    with project.store.read() as session:
        texts = {guid: text for guid, text in session.execute(select(Document.guid, Document.text))}
    lost: list[Skipped] = []
    for source in data.sources:
        text = texts.get(source.guid)
        if text is None:
            continue
        old = plain(source.text)
        if text == old:
            continue
        spans = remap_spans(old, text, [(s.start, s.end) for s in source.selections])
        kept = []
        for selection, span in zip(source.selections, spans, strict=True):
            if span is None:
                lost.append(
                    Skipped(
                        say(
                            "Passage {start}–{end} of '{name}' in {file}",
                            start=selection.start,
                            end=selection.end,
                            name=source.name,
                            file=file_name,
                        ),
                        say(
                            "its text was changed since; it could not be re-anchored: “{text}”",
                            text=old[selection.start : selection.end][:60],
                        ),
                    )
                )
                continue
            selection.start, selection.end = span
            kept.append(selection)
        source.selections = kept
        source.text = text
    return lost
