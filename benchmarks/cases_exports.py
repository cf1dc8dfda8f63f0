"""Benchmarks of the Excel and Word exports (issue 5) and of REFI-QDA exchange (issue 7).

Each is skipped until its exporter is registered in ``coding.exporting.EXPORTERS``; they call the
public ``Project.export`` as a user's script would. The ``.qdpx`` import calls
``coding.refi.exchange.import_exchange``, what File → Exchange → Import and ``codewerk import-qdpx``
run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.cases_project import remove_project
from benchmarks.registry import Case, Context, benchmark, need_exporter, need_module
from coding import Project

XLSX = "the Excel export (a '.xlsx' writer in coding.exporting.EXPORTERS, issue 5)"
DOCX = "the Word export (a '.docx' writer in coding.exporting.EXPORTERS, issue 5)"
QDPX = "the REFI-QDA export (a '.qdpx' writer in coding.exporting.EXPORTERS, issue 7)"
QDPX_IMPORT = "the REFI-QDA import (coding.refi.exchange.import_exchange, issue 7)"


def _exporter(suffix: str, what: str) -> None:
    need_exporter(suffix, what)


def _export_case(ctx: Context, suffix: str, size: str = "large", **options: Any) -> Case:
    project = Project.open(ctx.project_copy(size))
    written: list[Path] = []

    def run() -> None:
        written.append(project.export(ctx.scratch(f"export{suffix}"), by="region", **options))

    def after() -> None:
        written.pop().unlink()

    return Case(run, after=after, close=project.close)


@benchmark(
    "export_xlsx_large",
    "Excel export of the large project (per region, 20,000 quotes)",
    target=5.0,
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".xlsx", XLSX),
    limits="openpyxl writing one cell object per value; styling and column widths.",
)
def export_xlsx_large(ctx: Context) -> Case:
    case = _export_case(ctx, ".xlsx")
    case.note = "all sheets: overview, one per region, frequencies, codebook"
    return case


@benchmark(
    "export_docx_concept",
    "Word export of one concept (Vertrouwen, all regions), large project",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".docx", DOCX),
    limits="python-docx building one paragraph per quote and attribution.",
)
def export_docx_concept(ctx: Context) -> Case:
    case = _export_case(ctx, ".docx", codes=["Vertrouwen"])
    case.note = "quotes per concept, codes=['Vertrouwen']"
    return case


@benchmark(
    "export_docx_all_concepts",
    "Word export of every concept's quotes (20,000 quotes), large project",
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".docx", DOCX),
    limits=(
        "python-docx creating ≈ 60,000 paragraphs with their runs and styles (lxml elements built "
        "through python-docx's object layer); appending, not inserting, keeps it linear."
    ),
)
def export_docx_all_concepts(ctx: Context) -> Case:
    case = _export_case(ctx, ".docx")
    case.note = "the supervisor's quote book: every concept, all regions"
    return case


@benchmark(
    "export_docx_transcript_long",
    "Word export of the long transcript as a coded transcript (3,000 passages named in comments)",
    sizes=("long",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".docx", DOCX),
    limits="python-docx building the paragraphs, highlighted runs and one Word comment per passage.",
)
def export_docx_transcript_long(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("long"))
    document = project.documents.list()[0]
    written: list[Path] = []

    def run() -> None:
        written.append(
            project.export(ctx.scratch("transcript.docx"), kind="transcript", document=document.name)
        )

    def after() -> None:
        written.pop().unlink()

    return Case(
        run,
        after=after,
        close=project.close,
        note=f"{document.length:,} characters, {document.coding_count or 0:,} codings",
    )


@benchmark(
    "export_qdpx_large",
    "REFI-QDA (.qdpx) export of the large project",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".qdpx", QDPX),
    limits=(
        "Writing each selection and coding as text into its source's serialised element, streamed into "
        "the zip's deflater (a thread of its own), then each text; memory is the snapshot's documents "
        "and turns, not the archive."
    ),
)
def export_qdpx_large(ctx: Context) -> Case:
    return _export_case(ctx, ".qdpx")


def _require_qdpx_import() -> None:
    _exporter(".qdpx", QDPX)
    need_module("coding.refi.exchange", QDPX_IMPORT, attribute="import_exchange")


def _large_archive(ctx: Context, size: str = "large") -> Path:
    with Project.open(ctx.project_copy(size)) as source:
        return source.export(ctx.scratch(f"{size}.qdpx"))


@benchmark(
    "import_qdpx_large",
    "REFI-QDA (.qdpx) import of the large project into a new, empty project (one undoable step)",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    limits=(
        "Reading project.qde as a stream (the standard library's C parser; entities refused by an expat "
        "read of the prologue) and checking it (≈ 45 %), mapping positions, then one transaction inserting "
        "200 documents with their turns, 20,000 passages and codings (bulk executemany, 20,000 rows at a "
        "time) and recording the undo step."
    ),
)
def import_qdpx_large(ctx: Context) -> Case:
    return import_qdpx_case(ctx, "large")


def import_qdpx_case(ctx: Context, size: str) -> Case:
    from coding.refi.exchange import import_exchange

    archive = _large_archive(ctx, size)
    state: dict[str, Project] = {}
    added: list[int] = []

    def before() -> None:
        state["project"] = Project.create(ctx.scratch("imported.codewerk"), codebook=None, coder="bench")

    def run() -> None:
        report = import_exchange(state["project"], archive)
        added.append(sum(report.added.values()))

    def after() -> None:
        project = state.pop("project")
        project.close()
        remove_project(project.path)

    case = Case(run, before=before, after=after)
    case.note = (
        f"{archive.stat().st_size / 1024 / 1024:.1f} MB archive; File → Exchange → Import, CLI import-qdpx"
    )
    return case


@benchmark(
    "import_qdpx_again_large",
    "REFI-QDA (.qdpx) import of the large project into itself (the merge finds everything present)",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    limits="Reading and checking the archive, then matching every element by GUID; nothing is written.",
)
def import_qdpx_again_large(ctx: Context) -> Case:
    from coding.refi.exchange import import_exchange

    archive = _large_archive(ctx)
    project = Project.open(ctx.project_copy("large"), coder="bench")
    added: list[int] = []

    def run() -> None:
        added.append(sum(import_exchange(project, archive).added.values()))

    case = Case(run, close=project.close)
    run()
    case.note = f"added {added[-1]} elements"
    return case


@benchmark(
    "undo_import_qdpx_large",
    "Undo the REFI-QDA import of the large project (Edit → Undo)",
    sizes=("large",),
    repeats=2,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    limits=(
        "Reading the inserted rows back for redo (on SQLite packed as stored: zlib-compressed blocks), "
        "asking the database by runs of ids whether anything hangs on them, then deleting them a run of ids "
        "at a time (the passages' and codings' GUID indexes made again after), the schema's cascades and the "
        "passage trigger, in one transaction."
    ),
)
def undo_import_qdpx_large(ctx: Context) -> Case:
    return undo_import_case(ctx, "large")


def undo_import_case(ctx: Context, size: str) -> Case:
    from coding.refi.exchange import import_exchange

    archive = _large_archive(ctx, size)
    state: dict[str, Project] = {}

    def before() -> None:
        state["project"] = Project.create(ctx.scratch("imported.codewerk"), codebook=None, coder="bench")
        import_exchange(state["project"], archive)

    def run() -> None:
        state["project"].undo()

    def after() -> None:
        project = state.pop("project")
        if project.documents.list(with_counts=False):
            raise RuntimeError("the undo left documents behind")
        project.close()
        remove_project(project.path)

    return Case(run, before=before, after=after, note="import untimed before each run")
