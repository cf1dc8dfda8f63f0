"""Importing REFI-QDA files into a project: read and check everything first, then one command."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from coding.core.collector import collector_paused
from coding.core.errors import FileImportError
from coding.core.i18n import text
from coding.project import Project
from coding.refi.import_command import ImportExchange
from coding.refi.media_xml import prepare_recordings
from coding.refi.project_reader import RefiProject, read_codebook_only, read_qdpx
from coding.refi.report import ExchangeReport

QDPX = ".qdpx"
QDC = ".qdc"


def read_exchange_file(path: Path | str, advance: Callable[[str], None] | None = None) -> RefiProject:
    """Read and check a ``.qdpx`` or ``.qdc``; unsafe or unusable files raise :class:`FileImportError`.
    ``advance(name)`` after each source of a ``.qdpx`` (it may raise to stop)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == QDPX:
        return read_qdpx(path, advance)
    if suffix == QDC:
        return read_codebook_only(path)
    raise FileImportError(
        path, text("not a REFI-QDA file (expected .qdpx for a project or .qdc for a codebook)")
    )


def check_recordings(data: RefiProject, base: Path | None) -> None:
    """Find the recordings the sources name (hash and size read now, before the project is touched);
    ``base``: the project's folder, that paths beside it are stored relative to."""
    found = {s.guid: (s.name, s.recording) for s in data.sources if s.recording is not None}
    if not found:
        return
    known = {guid: data.extension.documents[guid].media for guid in found if guid in data.extension.documents}
    data.recordings, skipped, adjusted = prepare_recordings(found, known, base)
    data.skipped.extend(skipped)
    data.adjusted.extend(adjusted)


def _base(project: Project) -> Path | None:
    return None if project.is_team_project else project.path.parent


def read_for_import(
    project: Project, path: Path | str, advance: Callable[[str], None] | None = None
) -> RefiProject:
    """Everything :func:`import_exchange` reads and checks before it touches the project (no
    database access: the window runs it in a worker thread, then :func:`apply_import`)."""
    data = read_exchange_file(path, advance)
    check_recordings(data, _base(project))
    return data


def apply_import(project: Project, data: RefiProject, path: Path | str) -> ExchangeReport:
    """Merge what :func:`read_for_import` read: one command, one undoable step."""
    report: ExchangeReport = project.execute(ImportExchange(data, Path(path).name))
    return report


def sources_in(path: Path | str) -> int:
    """About how many text sources a ``.qdpx`` holds (its ``sources/`` files), for progress."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return sum(1 for name in archive.namelist() if name.lower().startswith("sources/"))
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def import_exchange(project: Project, path: Path | str) -> ExchangeReport:
    """Merge a ``.qdpx`` project or ``.qdc`` codebook into ``project``: one undoable step.

    Everything is read and checked before the project is touched; what cannot be imported is
    listed in the report (element and reason), the rest is imported.
    """
    path = Path(path)
    with collector_paused():  # read and merge in one pause (import_paused)
        data = read_exchange_file(path)
        check_recordings(data, _base(project))
        report: ExchangeReport = project.execute(ImportExchange(data, path.name))
    return report


def import_paused() -> AbstractContextManager[None]:
    """The cyclic collector paused around a read and its merge together (a caller of
    :func:`read_for_import` and :func:`apply_import`): each pause alone ends with one collection
    walking every object the read made (its 200,000 selections and codings at ten times the large
    corpus, ≈ 0.3 s), which holds no cycles."""
    return collector_paused()


def import_into_file(
    project_path: Path | str, path: Path | str, *, coder: str | None = None
) -> ExchangeReport:
    """Merge ``path`` into the project file, creating it (with an empty code tree) if it does not exist.

    A project created here is removed again if the import fails, so a refused file leaves nothing.
    """
    project_path = Path(project_path)
    path = Path(path)
    with collector_paused():  # read and merge in one pause (import_paused)
        return _import_into_file(project_path, path, coder)


def _import_into_file(project_path: Path, path: Path, coder: str | None) -> ExchangeReport:
    data = read_exchange_file(path)
    if project_path.exists():
        with Project.open(project_path, coder=coder) as project:
            check_recordings(data, _base(project))
            return project.execute(ImportExchange(data, path.name))
    project = Project.create(project_path, codebook=None, coder=coder)
    try:
        if data.extension.language:
            project.set_setting("language", data.extension.language)
        check_recordings(data, _base(project))
        report: ExchangeReport = project.execute(ImportExchange(data, path.name))
        project.history.clear()
    except BaseException:
        project.discard()
        raise
    project.close()
    report.created_project = True
    return report
