"""Importing files: parse, attach metadata, store one document per transaction, report everything."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as replace_fields
from pathlib import Path
from typing import TYPE_CHECKING

from coding.document_commands import LostPassage, NewDocument, ReplaceDocumentText
from coding.errors import CodewerkError, FileImportError
from coding.importers import SUPPORTED_EXTENSIONS, ParsedDocument, parse_file
from coding.metadata_sheet import MetadataSheet, read_metadata
from coding.records import DocumentInfo
from coding.text import fold, natural_key

if TYPE_CHECKING:
    from coding.project import Project

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

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.cancelled

    def lines(self) -> list[str]:
        """The summary a user reads after an import."""
        out = [
            f"Imported {len(self.imported)} document(s)"
            + (f", replaced {len(self.replaced)}" if self.replaced else "")
        ]
        for doc in self.imported:
            encoding = f", {doc.encoding}" if doc.encoding else ""
            out.append(f"  + {doc.name} ({doc.source_format}{encoding}, {doc.length} characters)")
        for item in self.replaced:
            kept = (
                "all codings kept"
                if not item.lost
                else f"{len(item.lost)} coded passage(s) could not be kept"
            )
            out.append(f"  ~ {item.document.name}: text replaced, {kept}")
            for passage in item.lost:
                codes = ", ".join(passage.codes)
                out.append(f'      lost {passage.start}:{passage.end} [{codes}] "{_short(passage.text)}"')
        if self.skipped:
            out.append(f"Skipped {len(self.skipped)} file(s):")
            out.extend(f"  - {p.file}: {p.reason}" for p in self.skipped)
        out.extend(f"Note: {p.file}: {p.reason}" for p in self.warnings)
        if self.rows_without_file:
            out.append("Metadata rows for files that were not imported: " + ", ".join(self.rows_without_file))
        if self.files_without_row:
            out.append("Imported files without a metadata row: " + ", ".join(self.files_without_row))
        if self.cancelled:
            out.append("Import cancelled; the files before the cancel were imported.")
        return out


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder stands for the supported files directly inside it, by name."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(
                sorted(
                    (p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS),
                    key=lambda p: natural_key(p.name),
                )
            )
        else:
            out.append(path)
    return out


class ImportService:
    def __init__(self, project: Project) -> None:
        self._project = project

    def import_files(
        self,
        paths: Sequence[Path | str],
        *,
        meta: Path | str | MetadataSheet | None = None,
        attributes: Mapping[str, str] | None = None,
        replace: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import files (or folders); each file is one transaction, a bad file never stops the rest.

        ``meta`` assigns attributes per file; ``attributes`` apply to every file and win over the
        sheet. A file whose content or name is already in the project is skipped, unless
        ``replace`` is true: then the document's text is replaced and its codings re-anchored.
        """
        sheet = read_metadata(meta) if isinstance(meta, Path | str) else meta
        files = expand_paths(paths)
        report = ImportReport()
        seen_rows: set[int] = set()
        patterns = self._project.speaker_patterns()
        for index, path in enumerate(files):
            if progress is not None and progress(index, len(files), path.name) is False:
                report.cancelled = True
                break
            row = sheet.row_for(path.name) if sheet is not None else None
            if row is not None:
                seen_rows.add(row.line)
            values = dict(row.attributes) if row is not None else {}
            values.update(attributes or {})
            try:
                self._import_one(path, values, replace, patterns, report)
            except CodewerkError as exc:
                reason = exc.reason if isinstance(exc, FileImportError) else str(exc)
                report.skipped.append(ImportProblem(path.name, reason))
                continue
            if sheet is not None and row is None:
                report.files_without_row.append(path.name)
        if progress is not None and not report.cancelled:
            progress(len(files), len(files), "")
        if sheet is not None:
            report.rows_without_file = [r.file for r in sheet.rows if r.line not in seen_rows]
        return report

    def _import_one(
        self,
        path: Path,
        values: dict[str, str],
        replace: bool,
        patterns: Sequence[str] | None,
        report: ImportReport,
    ) -> None:
        if not path.exists():
            raise FileImportError(path, "no such file")
        if path.is_dir():
            raise FileImportError(path, "is a folder")
        parsed = parse_file(path, speaker_patterns=patterns)
        digest = _sha256(path)
        documents = self._project.documents.list(with_counts=False)
        same_content = next((d for d in documents if d.sha256 == digest), None)
        name = path.stem
        same_name = next((d for d in documents if fold(d.name) == fold(name)), None)
        new = _new_document(path, name, parsed, digest, values)
        if same_content is not None and not replace:
            raise FileImportError(path, f"already imported as '{same_content.name}' (same content)")
        if same_name is not None or same_content is not None:
            target = same_name or same_content
            assert target is not None
            if not replace:
                raise FileImportError(
                    path,
                    f"a document named '{target.name}' already exists; use replace to update its text "
                    "(codings are kept where their passage is unchanged)",
                )
            lost = self._project.execute(
                ReplaceDocumentText(target.id, replace_fields(new, name=target.name))
            )
            report.replaced.append(ReplacedDocument(self._project.documents.get(target.id), tuple(lost)))
        else:
            report.imported.append(self._project.documents.add(new))
        report.warnings.extend(ImportProblem(path.name, w) for w in parsed.warnings)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _new_document(
    path: Path, name: str, parsed: ParsedDocument, digest: str, values: dict[str, str]
) -> NewDocument:
    return NewDocument(
        name=name,
        text=parsed.text,
        source_format=parsed.source_format,
        original_filename=path.name,
        sha256=digest,
        encoding=parsed.encoding,
        attributes=values,
        turns=parsed.turns,
        pages=parsed.pages,
    )
