"""Benchmarks of the window: starting on the large project, the transcript view, the Quotes dock.

Opening the large project runs in a fresh process (``benchmarks/window_probe.py``): interpreter
start to the main window's first paint, offscreen, and that process's peak RSS.

The others drive the real ``MainWindow`` (offscreen, 1500 × 950) the way a user does: the Documents
dock's ``open_document``, a selection in the ``TranscriptView`` coded through the
``CodingController``, Edit → Undo, the Quotes dock's filter widgets. Painting is forced with
``repaint()`` inside the timed part, so the figures include drawing the visible highlights, stripes
and rows, not only the data work. The docks' deferred refresh after a change runs untimed (it comes
after the transcript has been painted, as it does for a user).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from itertools import cycle
from pathlib import Path
from typing import Any

from benchmarks.cases_project import random_spans
from benchmarks.registry import Case, Context, Sample, benchmark, need_module
from coding import Project
from coding.core.ids import CodeId

ROOT = Path(__file__).resolve().parents[1]


def _child_env(settings: Path) -> dict[str, str]:
    # XDG_CONFIG_HOME: the started window keeps its recent projects and layout away from the user's own.
    # Bytecode is cached beside the settings, never in the tree: an installed Codewerk starts from
    # compiled modules (compiling ≈ 190 of them from source took ≈ 0.4 s of every start measured
    # with PYTHONDONTWRITEBYTECODE); the case's untimed first run writes the cache.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(settings / "pycache"),
        "XDG_CONFIG_HOME": str(settings),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _require_window() -> None:
    need_module(
        "app.shell.main_window", "the main window (app.shell.main_window.MainWindow)", attribute="MainWindow"
    )


def probe_window(project: Path, settings: Path) -> Sample:
    """Start a fresh process on ``project`` and measure until its main window is shown."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.window_probe", str(project)],
        cwd=ROOT,
        env=_child_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = process.communicate(timeout=120)
    if process.returncode != 0:
        raise RuntimeError(f"the window did not start: {err.strip()[-500:]}")
    report = json.loads(out.strip().splitlines()[-1])
    return Sample(seconds=report["shown"] - started, rss_mb=report["peak_rss_mb"], cpu_seconds=report["cpu"])


@benchmark(
    "open_large_project",
    "Open the large project: process start to main window shown (offscreen)",
    target=1.5,
    target_rss_mb=400,
    sizes=("large",),
    repeats=9,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits=(
        "Interpreter start and importing PySide6 (≈ 0.15 s) and SQLAlchemy with the models (≈ 0.2 s); "
        "building the window; the first queries (the documents, the code tree, the first coded transcript "
        "with its passages; the counts and the quote list follow the first paint) and the first paint. Parsers, "
        "exporters, alembic, spaCy, language assistance and the dialogs are not imported; the Quotes "
        "dock lists the 20,000 quotes right after "
        "the first paint (`quotes_dock_list_all`). Memory is mostly the Qt libraries and the Python "
        "runtime."
    ),
)
def open_large_project(ctx: Context) -> Case:
    return open_project_case(ctx, "large")


def open_project_case(ctx: Context, size: str) -> Case:
    path = ctx.project_copy(size)
    settings = ctx.workdir / "settings"
    return Case(
        lambda: probe_window(path, settings),
        warmup=1,
        note="fresh process each run (bytecode compiled by the untimed first); peak RSS of that process",
    )


# -- the window in this process -------------------------------------------------------------------
class Window:
    """The main window on a project, shown offscreen, with its settings in the scratch folder."""

    def __init__(self, ctx: Context, project: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings

        from app.shell.application import application
        from app.shell.main_window import MainWindow

        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ctx.workdir / "settings")
        )
        self.app = application()
        self.window = MainWindow()
        self.window.resize(1500, 950)
        self.window.show()
        if not self.window.open_project(project):
            raise RuntimeError(f"the window could not open {project}: {self.window.last_problem}")
        self.settle_reads()
        assert self.window.workspace is not None
        self.project = self.window.workspace.project
        self.view = self.window.view

    def settle(self) -> None:
        """Let the event loop run what is queued (deferred dock refreshes, first paints)."""
        for _ in range(3):
            self.app.processEvents()

    def settle_reads(self) -> None:
        """Settle, and wait for the reads a view started in a worker thread (the Quotes dock's whole
        list after its first rows): untimed, and not overlapping the next timed run's CPU time."""
        from app.widgets.long_operation import running_operations

        self.settle()
        quotes = self.window.quotes_dock.model

        def reading() -> bool:
            return (
                bool(running_operations())
                or self.window.first_document is not None  # (opened right after the first paint)
                or (quotes is not None and quotes.loaded and not quotes.complete)
            )

        deadline = time.monotonic() + 120
        while reading() and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.002)
        self.settle()

    def paint_view(self) -> None:
        self.view.viewport().repaint()
        self.view.margin.repaint()

    def close(self) -> None:
        from app.shell import closed_checks

        self.window.close()
        self.app.processEvents()
        # The closed file's check writes its mark into the scratch settings from a thread of its own: wait
        # for it, or removing the scratch folder races it ("Directory not empty: 'Codewerk'").
        closed_checks.wait()


def _coded(result: Any, window: Window) -> None:
    if result is None:
        raise RuntimeError(f"the coding was refused: {window.window.last_problem}")


@benchmark(
    "open_long_transcript_view",
    "Open the long transcript in the window's transcript view, painted with highlights and stripes",
    target=0.5,
    sizes=("long", "thesis"),
    repeats=7,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits=(
        "Reading the passages with their codings (positions and codings from covering indexes as the "
        "driver's rows, then one frozen record each: the records are most of it) and the turns; Qt's "
        "setPlainText of the text (blocks only: a paragraph is laid out and its speaker labels "
        "formatted when first shown); the passage index and the lane count (the deepest paragraph); "
        "then painting the visible lines with the stripes laid out around them."
    ),
)
def open_long_transcript_view(ctx: Context) -> Case:
    return open_transcript_case(ctx, "long")


def open_transcript_case(ctx: Context, size: str) -> Case:
    path = ctx.project_copy(size)
    with Project.open(path, coder="bench") as project:
        documents = project.documents.list()
        long = max(documents, key=lambda d: d.length)
        others = [d.id for d in documents if d.id != long.id]  # the tiny corpus (tests) has three
        if not others:
            other = project.import_files([ctx.corpus("thesis").files("txt")[0]])
            if not other.imported:
                raise RuntimeError("; ".join(other.lines()[:3]))
            others = [other.imported[0].id]
        short = others[0]
    window = Window(ctx, path)

    def before() -> None:  # another document first, so that every run opens the long one afresh
        window.window.open_document(short)
        window.paint_view()
        window.settle()

    def run() -> None:
        window.window.open_document(long.id)
        window.paint_view()

    return Case(
        run,
        before=before,
        close=window.close,
        warmup=1,
        note=f"{long.length:,} characters, {long.coding_count or 0:,} codings; from another document",
    )


def _coding_window(ctx: Context, size: str = "long") -> tuple[Window, CodeId, list[tuple[int, int]]]:
    path = ctx.project_copy(size)
    with Project.open(path, coder="bench") as project:
        code = project.codes.create("Benchmark", inductive=True).id
    window = Window(ctx, path)
    spans = random_spans(window.view.text, random.Random(4), 60)
    return window, code, spans


@benchmark(
    "apply_coding_view",
    "Apply one coding from a selection in the long transcript (committed and shown)",
    target=0.05,
    sizes=("long",),
    repeats=30,
    quick_repeats=5,
    trace=False,
    requires=_require_window,
    limits=(
        "The write transaction (validation, two inserts, commit in WAL mode), re-reading the passages "
        "of the coded range only, splicing them into the passage index and re-laying the stripes "
        "between the free paragraph boundaries around them, then painting."
    ),
)
def apply_coding_view(ctx: Context) -> Case:
    return apply_view_case(ctx, "long", docks=False)


def apply_view_case(ctx: Context, size: str, *, docks: bool) -> Case:
    """Code a selection in the transcript view; with ``docks`` the docks' deferred refresh is timed too."""
    window, code, spans = _coding_window(ctx, size)
    passages = cycle(spans)
    assert window.view.document_id is not None  # the window opens on the long transcript
    shown = {d.id: d for d in window.project.documents.list()}[window.view.document_id]
    codings = f"{shown.coding_count or 0:,}"
    undo = window.window.window_actions.undo

    def before() -> None:
        start, end = next(passages)
        window.view.select_span(start, end, centre=True)
        window.paint_view()
        window.settle()

    def run() -> None:
        _coded(window.window.controller.code_selection(code), window)
        window.paint_view()
        if docks:
            window.settle()

    def after() -> None:
        window.settle()  # the docks' deferred refresh
        undo.trigger()
        window.paint_view()
        window.settle()

    return Case(
        run,
        before=before,
        after=after,
        close=window.close,
        warmup=2,
        note=(
            f"{codings} codings in the document; undone after each run (untimed)"
            + ("; the docks' refresh timed too" if docks else "")
        ),
    )


@benchmark(
    "undo_coding_view",
    "Undo one coding (Edit → Undo) with the long transcript in the view, shown",
    sizes=("long",),
    repeats=20,
    quick_repeats=3,
    trace=False,
    requires=_require_window,
    limits=(
        "The undo transaction, then as a coding: the passages of the coded range re-read and spliced "
        "in (an undo names the span it touched), the stripes around it laid out again; then painting."
    ),
)
def undo_coding_view(ctx: Context) -> Case:
    window, code, spans = _coding_window(ctx)
    passages = cycle(spans)
    undo = window.window.window_actions.undo

    def before() -> None:
        start, end = next(passages)
        window.view.select_span(start, end, centre=True)
        _coded(window.window.controller.code_selection(code), window)
        window.paint_view()
        window.settle()

    def run() -> None:
        undo.trigger()
        window.paint_view()

    return Case(run, before=before, after=window.settle, close=window.close, warmup=1)


@benchmark(
    "scroll_long_transcript_view",
    "Scroll the long transcript to another place and paint it",
    sizes=("long",),
    repeats=20,
    quick_repeats=3,
    trace=False,
    requires=_require_window,
    limits=(
        "Qt laying out the newly visible paragraphs and formatting their speaker labels; the stripes "
        "laid out between free paragraph boundaries around what is shown; highlights of the visible lines."
    ),
)
def scroll_long_transcript_view(ctx: Context) -> Case:
    window = Window(ctx, ctx.project_copy("long"))
    bar = window.view.verticalScrollBar()
    places = cycle([bar.maximum() * step // 23 for step in range(0, 23, 5)] * 7)

    def run() -> None:
        bar.setValue(next(places))
        window.paint_view()

    return Case(run, close=window.close, warmup=1, note="a different fifth of the text each run")


# -- the Quotes dock on the large project --------------------------------------------------------
def _quotes_window(ctx: Context, size: str = "large") -> Window:
    window = Window(ctx, ctx.project_copy(size))
    model = window.window.quotes_dock.model
    assert model is not None
    if not model.loaded:  # listed right after the first paint; a hidden dock waits
        model.set_codes(None)
    window.settle_reads()
    return window


def _quote_count(window: Window) -> str:
    model = window.window.quotes_dock.model
    assert model is not None
    return f"{model.listed():,} quotes listed"


@benchmark(
    "quotes_dock_list_all",
    "Quotes dock: list every quote of the large project (what it does right after the window shows)",
    sizes=("large",),
    repeats=5,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits=(
        "The first 128 rows read code by code in the codebook's order (`QuoteService.first`) and the "
        "count of the rest; the quotes of the rows painted, built a window of 128 at a time. The whole "
        "list with what filters, sorts and changes need of every row (`QuoteService.facts(listed=True)`) "
        "is read in a worker after the paint, untimed."
    ),
)
def quotes_dock_list_all(ctx: Context) -> Case:
    return list_all_case(ctx, "large")


def list_all_case(ctx: Context, size: str) -> Case:
    window = _quotes_window(ctx, size)
    dock = window.window.quotes_dock
    assert dock.model is not None
    model = dock.model

    def run() -> None:
        model.set_codes(None)
        dock.table.viewport().repaint()

    return Case(run, after=window.settle_reads, close=window.close, warmup=1, note=_quote_count(window))


def _filter_case(ctx: Context, apply: str, size: str = "large") -> Case:
    window = _quotes_window(ctx, size)
    dock = window.window.quotes_dock

    def clear() -> None:
        dock.text.clear()
        dock.set_attribute_filter("region", "")
        dock.review.setCurrentIndex(0)
        window.settle()

    actions = {
        "region": lambda: dock.set_attribute_filter("region", "Zwolle"),
        "text": lambda: dock.text.setText("vertrouwen"),
    }

    def run() -> None:
        actions[apply]()
        dock.table.viewport().repaint()

    def note() -> str:
        clear()
        run()
        window.settle_reads()  # a first text filter over a long list reads the texts in a worker
        model = dock.model
        assert model is not None
        shown = model.rowCount()
        clear()
        return f"{shown:,} of {model.listed():,} quotes shown"

    return Case(run, before=clear, close=window.close, warmup=1, note=note())


@benchmark(
    "quotes_dock_filter_region",
    "Quotes dock: filter all 20,000 quotes by region (Zwolle), shown",
    target=0.1,
    sizes=("large",),
    repeats=9,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits="Folded attribute values per document, one pass over every coding's document in memory, the reset.",
)
def quotes_dock_filter_region(ctx: Context) -> Case:
    return _filter_case(ctx, "region")


@benchmark(
    "quotes_dock_filter_text",
    "Quotes dock: filter all 20,000 quotes by text ('vertrouwen' in quote or memo), shown",
    target=0.1,
    sizes=("large",),
    repeats=9,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits="A substring test per coding over texts read and folded on the first text filter; the reset.",
)
def quotes_dock_filter_text(ctx: Context) -> Case:
    return _filter_case(ctx, "text")


@benchmark(
    "quotes_dock_sort",
    "Quotes dock: sort all 20,000 quotes by region (the column header), shown",
    target=0.1,
    sizes=("large",),
    repeats=9,
    quick_repeats=2,
    trace=False,
    requires=_require_window,
    limits=(
        "Python's sort of the coding ids by a natural-order key per distinct value; the layout change "
        "with the selection's persistent indexes moved. The time and review columns sort by the times "
        "and marks read per coding (`QuoteService.times`, `reviews_by`), not by building every quote."
    ),
)
def quotes_dock_sort(ctx: Context) -> Case:
    from PySide6.QtCore import Qt

    from app.quotes.quote_table_model import REGION

    window = _quotes_window(ctx)
    table = window.window.quotes_dock.table
    orders = cycle([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])

    def run() -> None:
        table.sortByColumn(REGION, next(orders))
        table.viewport().repaint()

    return Case(run, close=window.close, warmup=1, note=_quote_count(window))
