"""Importing files: parse, attach metadata, store one document per transaction, report everything."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coding.core.context import ProjectContext
from coding.core.errors import CodewerkError, DiskFullError, FileImportError
from coding.core.i18n import text as say
from coding.core.numbers import count
from coding.core.records import DocumentInfo
from coding.core.store import is_disk_full
from coding.core.text import fold, name_from_file, natural_key
from coding.documents.document_commands import LostPassage, NewDocument, ReplaceDocumentText
from coding.documents.document_service import DocumentService
from coding.importing.metadata_sheet import MetadataSheet, read_metadata
from coding.importing.parsers import SUPPORTED_EXTENSIONS, ParsedDocument, ParsedTurn, parse_file
from coding.speakers.speaker_service import SpeakerService

if TYPE_CHECKING:
    from coding.importing.import_preview import ImportPreview
    from coding.undo.group import GroupScope

log = logging.getLogger(__name__)

#: Called before each file with (index, total, file name); returning ``False`` cancels the rest.
Progress = Callable[[int, int, str], bool | None]


@dataclass(frozen=True)
class ImportProblem:
    file: str
    reason: str


@dataclass(frozen=True)
class ReplacedDocument:
    document: DocumentInfo
    lost: tuple[LostPassage, ...]


@dataclass
class ImportReport:
    imported: list[DocumentInfo] = field(default_factory=list)
    replaced: list[ReplacedDocument] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)
    warnings: list[ImportProblem] = field(default_factory=list)
    rows_without_file: list[str] = field(default_factory=list)
    files_without_row: list[str] = field(default_factory=list)
    cancelled: bool = False
    #: Why the whole import stopped with nothing stored (a full disk), and the files not imported.
    stopped: str | None = None
    not_imported: list[str] = field(default_factory=list)
    #: Per stored document: each speaker with its number of turns, in order of appearance.
    speakers: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.cancelled and self.stopped is None

    def lines(self, *, skipped: bool = True) -> list[str]:
        """The summary a user reads after an import (without the skipped files when ``skipped`` is false:
        the CLI prints those to stderr, see :meth:`skipped_lines`)."""
        head = say("Imported {count} document(s)", count=len(self.imported))
        if self.replaced:
            head += say(", replaced {count}", count=len(self.replaced))
        out = [head]
        for doc in self.imported:
            encoding = f", {encoding_label(doc.encoding)}" if doc.encoding else ""
            out.append(
                say(
                    "  + {name} ({format}{encoding}, {length} characters)",
                    name=doc.name,
                    format=doc.source_format,
                    encoding=encoding,
                    length=doc.length,
                )
            )
            out.extend(self._speaker_lines(doc.name))
        for item in self.replaced:
            if item.lost:
                kept = say("{count} coded passage(s) could not be kept", count=len(item.lost))
            else:
                kept = say("all codings kept")
            out.append(say("  ~ {name}: text replaced, {kept}", name=item.document.name, kept=kept))
            for passage in item.lost:
                out.append(
                    say(
                        '      lost {start}:{end} [{codes}] "{text}"',
                        start=passage.start,
                        end=passage.end,
                        codes=", ".join(passage.codes),
                        text=_short(passage.text),
                    )
                )
            out.extend(self._speaker_lines(item.document.name))
        if skipped:
            out.extend(self.skipped_lines())
        out.extend(say("Note: {file}: {reason}", file=p.file, reason=p.reason) for p in self.warnings)
        if self.rows_without_file:
            out.append(
                say(
                    "Metadata rows for files that were not imported: {names}",
                    names=", ".join(self.rows_without_file),
                )
            )
        if self.files_without_row:
            out.append(
                say("Imported files without a metadata row: {names}", names=", ".join(self.files_without_row))
            )
        if self.cancelled:
            out.append(say("Import cancelled; the files before the cancel were imported."))
        return out

    def skipped_lines(self) -> list[str]:
        """Each file that was not imported, with the reason."""
        if not self.skipped:
            return []
        return [
            say("Skipped {count} file(s):", count=len(self.skipped)),
            *(f"  - {p.file}: {p.reason}" for p in self.skipped),
        ]

    def _speaker_lines(self, name: str) -> list[str]:
        """``speakers: I (12 turns), R5 (11 turns)``, wrapped; beyond :data:`SPEAKERS_LISTED` speakers
        (a focus group's transcript where every line looked like a label) the ones with most turns and
        how many others."""
        speakers = self.speakers.get(name)
        if not speakers:
            return []
        shown, others, other_turns = summarise_speakers(speakers)
        parts = [
            say("{speaker} (1 turn)", speaker=speaker)
            if turns == 1
            else say("{speaker} ({count} turns)", speaker=speaker, count=turns)
            for speaker, turns in shown
        ]
        if others:
            parts.append(
                say("… and {count} others ({turns} turns)", count=count(others), turns=count(other_turns))
            )
        return wrap(say("speakers: "), parts, indent="      ")


#: How many speakers an import report names per document before it summarises the rest.
SPEAKERS_LISTED = 30
#: How wide a report line grows before it wraps (a terminal's 100 columns).
LINE_WIDTH = 100


def summarise_speakers(
    speakers: Sequence[tuple[str, int]], limit: int = SPEAKERS_LISTED
) -> tuple[list[tuple[str, int]], int, int]:
    """The speakers to name (all of them, or the ``limit`` with most turns, in order of appearance),
    how many are left unnamed and how many turns those have."""
    if len(speakers) <= limit:
        return list(speakers), 0, 0
    ranked = sorted(range(len(speakers)), key=lambda i: (-speakers[i][1], i))
    kept = sorted(ranked[:limit])
    left = ranked[limit:]
    return [speakers[i] for i in kept], len(left), sum(speakers[i][1] for i in left)


def wrap(first: str, parts: Sequence[str], *, indent: str, width: int = LINE_WIDTH) -> list[str]:
    """``indent + first + parts`` joined with ", ", on lines of at most ``width`` characters where the
    parts allow (the next lines indented under the first part)."""
    lines: list[str] = []
    line = indent + first
    under = " " * len(line)
    for index, part in enumerate(parts):
        piece = part + ("," if index < len(parts) - 1 else "")
        if line.strip() and line != indent + first and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = under + piece
        else:
            line = line + ("" if line == indent + first else " ") + piece
    lines.append(line)
    return lines


ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


def encoding_label(encoding: str | None) -> str:
    """How an encoding is shown: ``Windows-1252`` for ``cp1252``."""
    if not encoding:
        return ""
    return ENCODING_LABELS.get(encoding.lower(), encoding)


def _names(names: Sequence[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """The files to import in the natural order of their names (``R2`` before ``R10``, as a researcher numbers
    interviews: a shell's ``R*.docx`` and a file dialog's selection come in character order); a folder stands for
    the supported files directly inside it. Files of the same name keep the order given."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS]
            out.extend(found or [path])  # an empty folder is reported, not silently nothing
        else:
            out.append(path)
    return sorted(out, key=lambda p: natural_key(p.name))


@dataclass(frozen=True)
class PreparedFile:
    """A file read, parsed and hashed, not yet stored; ``problem`` says why it cannot be imported.

    Preparing never touches the project, so the window does it in a worker thread.
    """

    path: Path
    parsed: ParsedDocument | None = None
    sha256: str | None = None
    problem: str | None = None


def prepare_file(path: Path, patterns: Sequence[str] | None = None) -> PreparedFile:
    """Parse and hash one file (no database access; safe to call from any thread)."""
    try:
        if not path.exists():
            raise FileImportError(path, say("no such file"))
        if path.is_dir():
            raise FileImportError(path, say("is a folder with no files Codewerk can import"))
        parsed = parse_file(path, speaker_patterns=patterns, encoded=True)
        return PreparedFile(path, parsed, _sha256(path))
    except CodewerkError as exc:
        return PreparedFile(path, problem=exc.reason if isinstance(exc, FileImportError) else str(exc))
    except OSError as exc:
        return PreparedFile(path, problem=say("cannot be read ({value})", value=exc.strerror or exc))
    except Exception as exc:  # a parser bug must not stop a batch: report the file and go on
        log.exception("importing %s failed", path)
        return PreparedFile(
            path, problem=say("could not be read ({error}: {exc})", error=exc.__class__.__name__, exc=exc)
        )


@dataclass(frozen=True)
class Duplicate:
    """A document already in the project that a file would duplicate: the one of the same name
    (or else the one with the same content), which a replace updates."""

    document: DocumentInfo
    same_content: DocumentInfo | None = None

    @property
    def reason(self) -> str:
        if self.same_content is not None:
            return say("already imported as '{name}' (same content)", name=self.same_content.name)
        return say("a document named '{name}' already exists", name=self.document.name)


#: Whether to replace a document already in the project: a fixed answer, or a question per file.
ReplaceDecision = bool | Callable[[Path, Duplicate], bool]


class ImportBatch:
    """One import, file by file: the CLI runs it in a loop, the window prepares the files in a
    worker thread and stores each here on the UI thread.

    The whole import is one undo group (one transaction, one undo step, one change announced when
    :meth:`finish` commits it); each file is stored in a savepoint of it, so a file the project
    refuses is skipped without touching the others.
    """

    def __init__(
        self,
        context: ProjectContext,
        documents: DocumentService,
        speakers: SpeakerService,
        paths: Sequence[Path | str],
        *,
        meta: Path | str | MetadataSheet | None = None,
        attributes: Mapping[str, str] | None = None,
    ) -> None:
        self._context = context
        self._documents = documents
        self.sheet = read_metadata(meta) if isinstance(meta, Path | str) else meta
        self.files = expand_paths(paths)
        self.attributes = dict(attributes or {})
        self.report = ImportReport()
        self.rules = speakers.rules()
        self._matched_rows: set[int] = set()
        known = documents.list(with_counts=False)  # names and hashes only
        self._by_name = {fold(d.name): d for d in known}
        self._by_sha = {d.sha256: d for d in known if d.sha256}
        self._scope: GroupScope | None = None
        self._stopped: DiskFullError | None = None

    @property
    def patterns(self) -> Sequence[str] | None:
        return self.rules.patterns

    def prepare(self, path: Path) -> PreparedFile:
        return prepare_file(path, self.patterns)

    def attributes_for(self, path: Path) -> dict[str, str]:
        """The sheet's row for the file, overridden by the attributes given for all files."""
        row = self.sheet.row_for(path.name) if self.sheet is not None else None
        values = dict(row.attributes) if row is not None else {}
        values.update(self.attributes)
        return values

    def duplicate_of(self, prepared: PreparedFile) -> Duplicate | None:
        same_content = self._by_sha.get(prepared.sha256) if prepared.sha256 else None
        same_name = self._by_name.get(fold(name_from_file(prepared.path.stem)))
        target = same_name or same_content
        if target is None:
            return None
        document = self._documents.get(target.id)  # with its number of codings, for the question
        return Duplicate(document, document if same_content is target else same_content)

    def store(self, prepared: PreparedFile, replace: ReplaceDecision = False) -> None:
        """Store one prepared file in its own transaction, or record why it was skipped."""
        path = prepared.path
        if self._stopped is not None:
            raise self._stopped
        if self._scope is None:
            self._scope = self._context.group(say("Import documents"))
            self._scope.open()
        try:
            if prepared.problem is not None or prepared.parsed is None:
                raise FileImportError(path, prepared.problem or say("could not be read"))
            self._store(prepared, prepared.parsed, replace)
        except Exception as exc:
            if is_disk_full(exc):
                raise self._stop_for_full_disk(path) from exc
            if not isinstance(exc, CodewerkError):
                raise
            reason = exc.reason if isinstance(exc, FileImportError) else str(exc)
            self.report.skipped.append(ImportProblem(name_from_file(path.name), reason))
            return
        row = self.sheet.row_for(path.name) if self.sheet is not None else None
        if row is not None:
            self._matched_rows.add(row.line)
        elif self.sheet is not None:
            self.report.files_without_row.append(name_from_file(path.name))

    def _store(self, prepared: PreparedFile, parsed: ParsedDocument, replace: ReplaceDecision) -> None:
        path = prepared.path
        duplicate = self.duplicate_of(prepared)
        values = self.attributes_for(path)
        if duplicate is None:
            new = _new_document(
                path,
                name_from_file(path.stem),
                parsed,
                prepared.sha256,
                values,
                self.rules.refine(parsed.turns),
            )
            info = self._documents.add(new)
            self.report.imported.append(info)
        else:
            wanted = replace(path, duplicate) if callable(replace) else replace
            if not wanted:
                if callable(replace):
                    raise FileImportError(path, say("{reason}; not replaced", reason=duplicate.reason))
                if duplicate.same_content is not None:
                    raise FileImportError(path, duplicate.reason)
                raise FileImportError(
                    path,
                    say(
                        (
                            "{reason}; use replace to update its text (codings are kept where their passage "
                            "is unchanged)"
                        ),
                        reason=duplicate.reason,
                    ),
                )
            target = duplicate.document
            turns = self.rules.refine(parsed.turns, target.guid)
            new = _new_document(path, target.name, parsed, prepared.sha256, values, turns)
            lost = self._context.execute(ReplaceDocumentText(target.id, new))
            info = self._documents.get(target.id)
            self.report.replaced.append(ReplacedDocument(info, tuple(lost)))
        self._by_name = {k: v for k, v in self._by_name.items() if v.id != info.id}
        self._by_sha = {k: v for k, v in self._by_sha.items() if v.id != info.id}
        self._by_name[fold(info.name)] = info
        if info.sha256:
            self._by_sha[info.sha256] = info
        speakers = Counter(t.speaker for t in new.turns if t.speaker)
        if speakers:
            self.report.speakers[info.name] = list(speakers.items())
        self.report.warnings.extend(ImportProblem(name_from_file(path.name), w) for w in parsed.warnings)

    def commit(self) -> None:
        """Commit what was stored so far as one undo step (``finish`` does it too)."""
        scope, self._scope = self._scope, None
        if scope is None:
            return
        stored = len(self.report.imported) + len(self.report.replaced)
        children = scope.group.children
        if stored == 1 and len(children) == 1:
            scope.group.text = children[0].text
        else:
            scope.group.text = say("Import {count} documents", count=stored)
        try:
            scope.commit()  # a failed commit is rolled back: nothing of the import stays
        except Exception as exc:
            if is_disk_full(exc):
                raise self._stop_for_full_disk(None) from exc
            raise

    def _stop_for_full_disk(self, path: Path | None) -> DiskFullError:
        """No room left for the project: forget everything this import stored (one transaction,
        rolled back) and say so once; every file of the batch is reported as not imported."""
        self.abort()
        report = self.report
        report.imported.clear()
        report.replaced.clear()
        report.speakers.clear()
        report.not_imported = [name_from_file(p.name) for p in self.files]
        store = self._context.store
        names = _names(report.not_imported)
        count = len(self.files)
        files = say("file") if count == 1 else say("files")
        if path is not None:
            what = say(
                "the import stopped while storing {file}. Nothing was imported and the project is as it "
                "was ({count} {files} not imported: {names})",
                file=path.name,
                count=count,
                files=files,
                names=names,
            )
        else:
            what = say(
                "the import stopped. Nothing was imported and the project is as it was ({count} {files} "
                "not imported: {names})",
                count=count,
                files=files,
                names=names,
            )
        error = store.disk_full(what)
        report.stopped = str(error)
        self._stopped = error
        return error

    def abort(self) -> None:
        """Forget everything this import stored (nothing of it stays, nothing is announced)."""
        scope, self._scope = self._scope, None
        if scope is not None:
            scope.abort()

    def finish(self, *, cancelled: bool = False) -> ImportReport:
        if self._stopped is not None:
            raise self._stopped
        self.commit()
        self.report.cancelled = cancelled
        if self.sheet is not None:
            self.report.rows_without_file = [
                r.file for r in self.sheet.rows if r.line not in self._matched_rows
            ]
        return self.report


class ImportService:
    def __init__(self, context: ProjectContext, documents: DocumentService, speakers: SpeakerService) -> None:
        self._context = context
        self._documents = documents
        self._speakers = speakers

    def batch(
        self,
        paths: Sequence[Path | str],
        *,
        meta: Path | str | MetadataSheet | None = None,
        attributes: Mapping[str, str] | None = None,
    ) -> ImportBatch:
        """An import to run file by file (the window's import); a bad metadata sheet raises here."""
        return ImportBatch(
            self._context, self._documents, self._speakers, paths, meta=meta, attributes=attributes
        )

    def preview(
        self,
        paths: Sequence[Path | str],
        *,
        meta: Path | str | MetadataSheet | None = None,
        attributes: Mapping[str, str] | None = None,
    ) -> ImportPreview:
        """What importing ``paths`` would do (nothing parsed or written; see :func:`preview_import`)."""
        from coding.importing.import_preview import preview_import  # it uses expand_paths from here

        return preview_import(
            self._documents.list(with_counts=False), paths, meta=meta, attributes=attributes
        )

    def import_files(
        self,
        paths: Sequence[Path | str],
        *,
        meta: Path | str | MetadataSheet | None = None,
        attributes: Mapping[str, str] | None = None,
        replace: ReplaceDecision = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import files (or folders) as one action (one transaction, one undo step); a bad file
        never stops the rest.

        ``meta`` assigns attributes per file; ``attributes`` apply to every file and win over the
        sheet. A file whose content or name is already in the project is skipped, unless
        ``replace`` is true (or, as a function of the file and the :class:`Duplicate`, says so):
        then the document's text is replaced and its codings re-anchored.
        """
        batch = self.batch(paths, meta=meta, attributes=attributes)
        total = len(batch.files)
        try:
            for index, path in enumerate(batch.files):
                if progress is not None and progress(index, total, path.name) is False:
                    return batch.finish(cancelled=True)
                batch.store(batch.prepare(path), replace)
        except DiskFullError:
            raise  # nothing of it was stored
        except BaseException:
            batch.commit()  # an unforeseen error (or Ctrl+C) keeps what was stored, as one step
            raise
        if progress is not None:
            progress(total, total, "")
        return batch.finish()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _new_document(
    path: Path,
    name: str,
    parsed: ParsedDocument,
    digest: str | None,
    values: dict[str, str],
    turns: Sequence[ParsedTurn],
) -> NewDocument:
    return NewDocument(
        name=name,
        text=parsed.text,
        source_format=parsed.source_format,
        original_filename=name_from_file(path.name),
        sha256=digest,
        encoding=parsed.encoding,
        attributes=values,
        turns=tuple(turns),
        pages=parsed.pages,
    )
