"""Ten theses in one project (issue 19): the interactive steps at ten times the corpus.

``huge`` is ten times the large project (2,000 documents, 200,000 codings); ``very_long`` is one
transcript ten times the long one (3 million characters, 30,000 codings). Both are built on demand
and cached, and ``--quick`` leaves these cases out. Each names the 1× benchmark of the same step
(``scale_of``), so RESULTS.md shows the two figures side by side with the issue's target. The cases
reuse the 1× setups with another corpus; only ``apply_coding_docks_*`` is new at both scales (the
1× ``apply_coding_view`` leaves the docks' refresh untimed, the issue's row includes it).
"""

from __future__ import annotations

from benchmarks.cases_exports import (
    QDPX,
    XLSX,
    _export_case,
    _exporter,
    _require_qdpx_import,
    import_qdpx_case,
    undo_import_case,
)
from benchmarks.cases_language import (
    SUGGESTION_LIMITS,
    _first_suggestions,
    _require_language,
    index_case,
    lemma_search_case,
)
from benchmarks.cases_window import (
    _filter_case,
    _require_window,
    apply_view_case,
    list_all_case,
    open_project_case,
    open_transcript_case,
)
from benchmarks.registry import Case, Context, benchmark

HUGE = "ten times the large project: 2,000 documents, 200,000 codings"
VERY_LONG = "the very long transcript: 3 million characters, 30,000 codings"


@benchmark(
    "quotes_dock_list_all_huge",
    f"Quotes dock: list every quote, {HUGE}",
    target=0.15,
    sizes=("huge",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="quotes_dock_list_all",
    limits=(
        "As `quotes_dock_list_all`, ten times the rows: the first 128 rows read code by code in the "
        "codebook's order (`QuoteService.first`: the first code's 6,700 codings joined to their passages "
        "and sorted in Python, ≈ 20 ms), the count of the rest (≈ 9 ms), building the first window's "
        "quotes (≈ 12 ms), the reset and the paint. The whole list with its facts (`facts(listed=True)`, "
        "≈ 0.3 s) is read in a worker after the paint, untimed."
    ),
)
def quotes_dock_list_all_huge(ctx: Context) -> Case:
    return list_all_case(ctx, "huge")


@benchmark(
    "quotes_dock_filter_text_huge",
    f"Quotes dock: filter every quote by text ('vertrouwen' in quote or memo), shown, {HUGE}",
    target=0.15,
    sizes=("huge",),
    repeats=5,
    quick_repeats=1,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="quotes_dock_filter_text",
    limits=(
        "A substring test per coding over the folded texts, then the reset. The first text filter's "
        "reading and folding of every text and memo (≈ 0.7 s) runs in a worker, untimed."
    ),
)
def quotes_dock_filter_text_huge(ctx: Context) -> Case:
    return _filter_case(ctx, "text", "huge")


DOCKS_LIMITS = (
    "The write transaction; the transcript splicing the passages of the coded range and re-laying the "
    "stripes between the free paragraph boundaries around it; then the docks' deferred refresh on the GUI "
    "thread: the Quotes dock re-reads by id the codings the change names and inserts or removes rows, the "
    "Codebook and Documents counts are adjusted by the codings the change lists (no recount); Qt relaying "
    "out and painting the docks."
)


@benchmark(
    "apply_coding_docks_large",
    "One coding in a document of the large project from a selection, the docks' refresh included",
    sizes=("large",),
    repeats=15,
    quick_repeats=3,
    trace=False,
    requires=_require_window,
    limits=DOCKS_LIMITS,
)
def apply_coding_docks_large(ctx: Context) -> Case:
    return apply_view_case(ctx, "large", docks=True)


@benchmark(
    "apply_coding_docks_huge",
    f"One coding in a document from a selection, the docks' refresh included, {HUGE}",
    target=0.03,
    sizes=("huge",),
    repeats=7,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="apply_coding_docks_large",
    limits=DOCKS_LIMITS,
)
def apply_coding_docks_huge(ctx: Context) -> Case:
    return apply_view_case(ctx, "huge", docks=True)


@benchmark(
    "open_transcript_view_very_long",
    f"Open {VERY_LONG}, in the transcript view, painted",
    target=0.25,
    sizes=("very_long", "thesis"),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="open_long_transcript_view",
    limits="As `open_long_transcript_view`, ten times the text and passages.",
)
def open_transcript_view_very_long(ctx: Context) -> Case:
    return open_transcript_case(ctx, "very_long")


@benchmark(
    "apply_coding_view_very_long",
    f"Apply one coding from a selection in {VERY_LONG}, the docks' refresh included",
    target=0.03,
    sizes=("very_long",),
    repeats=7,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="apply_coding_view",
    limits=DOCKS_LIMITS,
)
def apply_coding_view_very_long(ctx: Context) -> Case:
    return apply_view_case(ctx, "very_long", docks=True)


@benchmark(
    "open_huge_project",
    f"Open the project: process start to main window shown (offscreen), {HUGE}",
    target=0.8,
    sizes=("huge",),
    repeats=3,
    quick_repeats=1,
    trace=False,
    requires=_require_window,
    quick=False,
    scale_of="open_large_project",
    limits=(
        "Imports (≈ 0.4 s CPU: SQLAlchemy ≈ 0.2 s with the asyncio and importlib.metadata it loads, "
        "PySide6 with its signature support ≈ 0.1 s, the models and the services the window shows with; "
        "guide, analysis, import and comparison load on first use), building the window (≈ 0.06 s), the "
        "document list of 2,000 documents read as the driver's rows and laid out expanded, the code tree, "
        "the first coded transcript and the first layout and paint (≈ 0.2 s together). After the first "
        "paint: the documents' and codes' counts in worker threads, every quote listed (in a worker) and "
        "sorted by the saved column."
    ),
)
def open_huge_project(ctx: Context) -> Case:
    return open_project_case(ctx, "huge")


@benchmark(
    "lemma_search_huge",
    f"Lemma search 'vertrouwen', {HUGE}",
    target=0.15,
    sizes=("huge",),
    repeats=3,
    quick_repeats=1,
    requires=_require_language,
    quick=False,
    scale_of="lemma_search_large",
    limits=(
        "As `lemma_search_large`: 70,683 hits read from the covering term index, then the first screen "
        "(40 lines in context)."
    ),
)
def lemma_search_huge(ctx: Context) -> Case:
    return lemma_search_case(ctx, "huge")


@benchmark(
    "suggestions_huge",
    f"Suggested codings for one concept (Vertrouwen), first time in a session, {HUGE}",
    target=2.0,
    target_rss_mb=400,
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    quick=False,
    scale_of="suggestions_large",
    limits=SUGGESTION_LIMITS,
)
def suggestions_huge(ctx: Context) -> Case:
    return _first_suggestions(ctx, "huge", "Vertrouwen", warm=False)


@benchmark(
    "index_huge",
    f"Indexing from scratch, {HUGE} (about 15 million words)",
    target=60.0,
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=_require_language,
    quick=False,
    scale_of="index_large",
    limits=(
        "As `index_large` (2026-12-07/08, stages side by side at load 3–7, CPU 41–44 s with the guide's "
        "matches): the covering term index built after the rows ≈ 12–16 s (SQLite's sorter in 1 MiB runs, the "
        "index written through the WAL), spaCy's tokenizer and the rows from its columns ≈ 11 s (the tokenizer "
        "≈ 8 s), SQLite's inserts of 15 million token rows ≈ 8.6 s, commits and each batch's glue ≈ 5 s, "
        "reading the texts and cutting them into pieces ≈ 2.6 s, content words and bags ≈ 2.2 s, the guide's "
        "matches (made while each document is indexed) ≈ 2.1 s, the text check (bytes compared by SQLite) "
        "≈ 0.5 s; one core; memory stays at one batch (peak RSS ≈ 240–260 MB). Wall above CPU is the run "
        "queue at the machine's load: the main thread blocks ≈ 1–2 s a run (the batches commit unsynced, "
        "2026-12-08)."
    ),
)
def index_huge(ctx: Context) -> Case:
    return index_case(ctx, "huge", warm=False)


@benchmark(
    "export_qdpx_huge",
    f"REFI-QDA (.qdpx) export, {HUGE}",
    target=5.0,
    target_rss_mb=400,
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".qdpx", QDPX),
    quick=False,
    scale_of="export_qdpx_large",
    limits=(
        "As `export_qdpx_large` (stages timed on the exporting thread, 2026-12-07 night, load 4–8): "
        "passages, codings and reviews read and grouped per document ≈ 0.9 s (SQLite's rows alone ≈ 0.6 s), "
        "each source's selections as text ≈ 0.55 s (one f-string per selection and coding), "
        "the snapshot's documents and 400,000 turns ≈ 0.35–0.5 s, the extension JSON ≈ 0.23 s; deflating "
        "(≈ 1.2 s) is done by threads of their own, project.qde's while the sources are built (handed over "
        "2 MiB at a time: each hand-over costs both threads a wait for the GIL) and the texts' while the next "
        "are read and the extension is built; after its last source the exporting thread waits for the "
        "texts' deflating (≈ 0.5 s). At load 5–8 the wall time is 2–3 times the CPU time (≈ 3.7–4 s), the "
        "run queue (2026-12-08). Memory is the documents' turns."
    ),
)
def export_qdpx_huge(ctx: Context) -> Case:
    return _export_case(ctx, ".qdpx", "huge")


@benchmark(
    "import_qdpx_huge",
    f"REFI-QDA (.qdpx) import into a new, empty project, {HUGE}",
    target=8.0,
    target_rss_mb=400,
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    quick=False,
    scale_of="import_qdpx_large",
    limits=(
        "As `import_qdpx_large`: what was read is kept for the one import command (≈ 250 MB above the "
        "bare process: texts as UTF-8, the selections with their codings, the turns in columns): the peak "
        "is the read's; inserted rows are let go as inserted (their ids kept). CPU at load 3-5: the read ≈ 5 s "
        "(the C XML parser and inflating ≈ 2.5 s, the sources' selections ≈ 1.7 s, their texts ≈ 0.9 s, the "
        "extension ≈ 0.5 s), the merge ≈ 3.5 s: SQLite's inserts ≈ 2 s (documents 0.3, turns 0.5, passages 0.5, "
        "codings 0.7 s; 500 rows a statement), the passages' and codings' GUID indexes built after their rows "
        "≈ 0.4 s, the commit ≈ 0.1 s (copying the 209 MB log into the file, ≈ 0.3 s CPU and ≈ 1 s wall, is left "
        "to a thread after it), the rest ≈ 1 s of Python. All on one thread: the read's Python and the writes do "
        "not overlap in threads (each statement waits for the GIL), and the machine's load doubles the wall time: "
        "the importing thread waits on nothing else (2026-12-08, load 5–7: 0.06–0.22 s blocked of 15–26 s, "
        "the durable commit's sync of the log ≈ 0.05 s)."
    ),
)
def import_qdpx_huge(ctx: Context) -> Case:
    return import_qdpx_case(ctx, "huge")


@benchmark(
    "undo_import_qdpx_huge",
    f"Undo the REFI-QDA import into a new project (Edit → Undo), {HUGE}",
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=_require_qdpx_import,
    quick=False,
    scale_of="undo_import_qdpx_large",
    limits=(
        "As `undo_import_qdpx_large` (the import untimed before; its peak is the process's, so no memory "
        "figure of the undo's own: ≈ 330 MB, measured with the peak reset). CPU at load 2-3 (2026-12-08): "
        "≈ 4.2 s: the rows read back for redo ≈ 2.4 s (fetching ≈ 1 s, zlib ≈ 0.9 s), the codings deleted "
        "with the orphan-passage trigger ≈ 1 s, documents and turns ≈ 0.5 s; asking whether anything hangs "
        "on the codings ≈ 0.1 s."
    ),
)
def undo_import_qdpx_huge(ctx: Context) -> Case:
    return undo_import_case(ctx, "huge")


@benchmark(
    "export_xlsx_huge",
    f"Excel export per region (200,000 quotes), {HUGE}",
    target=12.0,
    sizes=("huge",),
    repeats=1,
    quick_repeats=1,
    trace=False,
    requires=lambda: _exporter(".xlsx", XLSX),
    quick=False,
    scale_of="export_xlsx_large",
    limits="As `export_xlsx_large`: openpyxl writing one cell object per value.",
)
def export_xlsx_huge(ctx: Context) -> Case:
    return _export_case(ctx, ".xlsx", "huge")
