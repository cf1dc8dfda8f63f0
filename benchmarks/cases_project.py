"""Benchmarks of the foundation: import, opening, retrieval, coding, CSV export (no window)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from benchmarks.registry import Case, Context, benchmark
from coding import Project
from coding.core.ids import CodeId, DocumentId


def _import_case(ctx: Context, kind: str) -> Case:
    corpus = ctx.corpus("thesis", docx=kind == "docx", project=False)
    files = corpus.files(kind)
    state: dict[str, Project] = {}

    def before() -> None:
        state["project"] = Project.create(ctx.scratch("import.codewerk"), codebook="rwb", coder="bench")

    def run() -> None:
        report = state["project"].import_files(files, meta=corpus.metadata)
        if not report.ok or len(report.imported) != len(files):
            raise RuntimeError("; ".join(report.lines()[:4]))

    def after() -> None:
        project = state.pop("project")
        project.close()
        remove_project(project.path)

    manifest = corpus.manifest()
    note = f"{len(files)} files, {manifest['characters']:,} characters, with metadata.csv"
    return Case(run, before=before, after=after, note=note)


IMPORT_LIMITS = (
    "speaker-turn detection with the speaker patterns over every line, hashing the file, and one transaction "
    "per document (document, attributes, ≈ 200 turns)."
)


@benchmark(
    "import_thesis_docx",
    "Import the thesis corpus (.docx) into a new project",
    target=3.0,
    sizes=("thesis",),
    docx=True,
    repeats=7,
    limits="Opening the package with python-docx and walking its XML; then " + IMPORT_LIMITS,
)
def import_thesis_docx(ctx: Context) -> Case:
    return _import_case(ctx, "docx")


@benchmark(
    "import_thesis_txt",
    "Import the thesis corpus (.txt) into a new project",
    target=3.0,
    sizes=("thesis",),
    repeats=7,
    limits="Decoding the files; then " + IMPORT_LIMITS,
)
def import_thesis_txt(ctx: Context) -> Case:
    return _import_case(ctx, "txt")


@benchmark(
    "open_large_project_services",
    "Open the large project through the services (documents, code tree, counts)",
    sizes=("large",),
    repeats=5,
    limits="Reading the document list with its attributes and coding counts (one GROUP BY over all codings).",
)
def open_large_project_services(ctx: Context) -> Case:
    path = ctx.project_copy("large")

    def run() -> None:
        with Project.open(path) as project:
            project.documents.list()
            project.codes.tree()
            project.codes.counts(include_subcodes=True)

    return Case(run, note="Project.open, documents.list, codes.tree, codes.counts")


@benchmark(
    "load_long_transcript_services",
    "Read the long transcript's text, turns and coded passages (what the view shows)",
    sizes=("long",),
    repeats=5,
    limits="Building 3,000 frozen passage records with their codings; the text itself is one row.",
)
def load_long_transcript_services(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("long"))
    document = project.documents.list()[0].id

    def run() -> int:
        project.documents.text(document)
        project.documents.turns(document)
        return len(project.codings.passages(document))

    return Case(run, close=project.close, warmup=1, note="documents.text + turns + codings.passages")


@benchmark(
    "quote_retrieval_region",
    "Quote retrieval: one concept (Vertrouwen) in one region (Zwolle), large project",
    target=0.1,
    sizes=("large",),
    repeats=20,
    quick_repeats=3,
    limits=(
        "Turning rows into frozen Quote records and sorting them; the filter itself runs in SQLite "
        "(index on coding.code_id)."
    ),
)
def quote_retrieval_region(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    found: list[int] = []

    def run() -> None:
        found.append(len(project.quotes(code="Vertrouwen", where={"region": "Zwolle"})))

    def close() -> None:
        project.close()

    case = Case(run, close=close, warmup=1)
    run()
    case.note = f"{found[-1]:,} quotes of {len(project.quotes()):,}"
    return case


@benchmark(
    "quote_retrieval_all",
    "Quote retrieval: all 20,000 quotes of the large project (what the quote list and exports start from)",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits=(
        "About 7 µs per quote: SQLAlchemy result rows and one frozen Quote record each; Python's cyclic "
        "garbage collector takes a quarter to a third of it here (the window builds its lists with the "
        "collector paused, `quotes_dock_list_all`)."
    ),
)
def quote_retrieval_all(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    case = Case(lambda: project.quotes(), close=project.close, warmup=1)
    case.note = f"{len(project.quotes()):,} quotes"
    return case


def random_spans(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Word-aligned passages of 40–400 characters, all different."""
    spans: set[tuple[int, int]] = set()
    while len(spans) < count:
        start = rng.randrange(0, len(text) - 500)
        start = text.find(" ", start) + 1
        end = text.find(" ", start + rng.randrange(40, 400))
        if start > 0 and end > start:
            spans.add((start, end))
    return sorted(spans)


def _apply_case(ctx: Context, size: str) -> Case:
    project = Project.open(ctx.project_copy(size), coder="bench")
    document = project.documents.list()[0]
    code = project.codes.create("Benchmark", inductive=True).id
    text = project.documents.text(document.id)
    spans = iter(random_spans(text, random.Random(8), 200))

    def run() -> None:
        start, end = next(spans)
        project.codings.code(DocumentId(document.id), CodeId(code), start, end)

    return Case(
        run,
        after=project.undo,
        close=project.close,
        warmup=2,
        note=f"in a document with {document.coding_count:,} codings; undone after each run (untimed)",
    )


@benchmark(
    "apply_coding_long",
    "Apply one coding through the services (long transcript, 3,000 codings)",
    target=0.05,
    sizes=("long",),
    repeats=30,
    quick_repeats=5,
    limits="One write transaction (validation reads, two inserts, commit in WAL mode) plus reading the new coding back.",
)
def apply_coding_long(ctx: Context) -> Case:
    return _apply_case(ctx, "long")


@benchmark(
    "apply_coding_large",
    "Apply one coding through the services (large project, 20,000 codings)",
    target=0.05,
    sizes=("large",),
    repeats=30,
    quick_repeats=5,
    limits="As for the long transcript; the project's size does not enter (indexed lookups only).",
)
def apply_coding_large(ctx: Context) -> Case:
    return _apply_case(ctx, "large")


@benchmark(
    "code_many_large",
    "Code every coded passage of the large project again with a new code, as one action (codings.code_many)",
    sizes=("large",),
    repeats=5,
    quick_repeats=1,
    trace=False,
    limits=(
        "Validating every span, then per table one INSERT … RETURNING for the first row's id and one "
        "executemany for the rest, in one transaction; the undo deletes them in one executemany per table."
    ),
)
def code_many_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"), coder="bench")
    code = project.codes.create("Benchmark", inductive=True).id
    # every coded passage once more, with a new code
    passages = dict.fromkeys((q.document_id, q.start, q.end) for q in project.quotes())
    unique = [(document, code, start, end) for document, start, end in passages]

    def run() -> None:
        project.codings.code_many(unique)

    return Case(
        run,
        after=project.undo,
        close=project.close,
        note=f"{len(unique):,} passages in {len({i[0] for i in unique})} documents; undone after each run",
    )


def _judged_project(ctx: Context) -> Project:
    """A copy of the large project with a judgement per concept with a scale and region (untimed)."""
    project = Project.open(ctx.project_copy("large"), coder="bench")
    rng = random.Random(5)
    for region in project.documents.attribute_values("region"):
        for code in project.codes.tree().roots():
            if code.scale:
                project.assess(region, code.id, rng.choice(code.scale), note=f"oordeel voor {region}")
    return project


@benchmark(
    "comparison_grid_large",
    "Judgement grid: quotes and documents per code and region with the judgements, large project",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits=(
        "One pass over the 20,000 codings with their documents' region, counting passages and "
        "documents per code and its ancestors; the judgements are one small query."
    ),
)
def comparison_grid_large(ctx: Context) -> Case:
    project = _judged_project(ctx)
    grid = project.comparison.grid()
    judged = sum(cell.judgement is not None for row in grid.rows for cell in row.cells)
    note = f"{len(grid.rows)} codes × {len(grid.values)} regions, {judged} judgements"
    return Case(lambda: project.comparison.grid(), close=project.close, warmup=1, note=note)


@benchmark(
    "frequencies_large",
    "Frequency table: documents per code and region (each document counted once), large project",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits="The same tally as the judgement grid, without the judgements.",
)
def frequencies_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    return Case(lambda: project.comparison.frequencies(measure="documents"), close=project.close, warmup=1)


@benchmark(
    "export_csv_large",
    "CSV export of the large project (per region)",
    sizes=("large",),
    repeats=7,
    quick_repeats=2,
    limits="Retrieving and sorting every quote, then the csv module; no spreadsheet styling.",
)
def export_csv_large(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("large"))
    target: list[Path] = []

    def run() -> None:
        target.append(project.export(ctx.scratch("export.csv"), by="region"))

    def after() -> None:
        target.pop().unlink()

    return Case(run, after=after, close=project.close, note=f"{len(project.quotes()):,} quotes")


def remove_project(path: Path) -> None:
    for leftover in path.parent.glob(f"{path.name}*"):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
