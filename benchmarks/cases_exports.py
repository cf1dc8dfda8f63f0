"""Benchmarks of the Excel and Word exports (issue 5) and of REFI-QDA exchange (issue 7).

Each is skipped until its exporter is registered in ``coding.exporting.EXPORTERS``; they call the
public ``Project.export`` as a user's script would. The ``.qdpx`` import looks for an
``import_qdpx(project, path)`` function in the most likely modules; adjust ``_qdpx_importer``
when the REFI issue lands with another name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.cases_project import remove_project
from benchmarks.registry import Case, Context, Unavailable, benchmark, need_exporter, need_module
from coding import Project

XLSX = "the Excel export (a '.xlsx' writer in coding.exporting.EXPORTERS, issue 5)"
DOCX = "the Word export (a '.docx' writer in coding.exporting.EXPORTERS, issue 5)"
QDPX = "the REFI-QDA export (a '.qdpx' writer in coding.exporting.EXPORTERS, issue 7)"
QDPX_IMPORT = "the REFI-QDA import (import_qdpx in coding.refi / coding.refi_qda / coding.qdpx, issue 7)"


def _exporter(suffix: str, what: str) -> None:
    need_exporter(suffix, what)


def _export_case(ctx: Context, suffix: str, **options: Any) -> Case:
    project = Project.open(ctx.project_copy("large"))
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
    "export_qdpx_large",
    "REFI-QDA (.qdpx) export of the large project",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".qdpx", QDPX),
    limits="Writing project.qde (one element per coding) and one source file per document into the zip.",
)
def export_qdpx_large(ctx: Context) -> Case:
    return _export_case(ctx, ".qdpx")


def _qdpx_importer() -> Callable[..., Any]:
    for module in ("coding.refi", "coding.refi_qda", "coding.qdpx", "coding.importers.qdpx"):
        try:
            return need_module(module, QDPX_IMPORT, attribute="import_qdpx")  # type: ignore[no-any-return]
        except Unavailable:
            continue
    raise Unavailable(QDPX_IMPORT)


def _require_qdpx_import() -> None:
    _exporter(".qdpx", QDPX)
    _qdpx_importer()


@benchmark(
    "import_qdpx_large",
    "REFI-QDA (.qdpx) import of the large project into a new project",
    sizes=("large",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    limits="Parsing project.qde with defusedxml and inserting every document, code and coding.",
)
def import_qdpx_large(ctx: Context) -> Case:
    import_qdpx = _qdpx_importer()
    with Project.open(ctx.project_copy("large")) as source:
        archive = source.export(ctx.scratch("large.qdpx"))
    state: dict[str, Project] = {}

    def before() -> None:
        state["project"] = Project.create(ctx.scratch("imported.codewerk"), codebook=None, coder="bench")

    def run() -> None:
        import_qdpx(state["project"], archive)

    def after() -> None:
        project = state.pop("project")
        project.close()
        remove_project(project.path)

    return Case(run, before=before, after=after)
