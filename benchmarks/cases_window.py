"""Benchmarks of the window: starting on the large project, the transcript view on the long transcript.

Opening the large project runs in a fresh process (``benchmarks/window_probe.py``): interpreter
start to the main window's first paint, offscreen, and that process's peak RSS.

The transcript-view benchmarks are written against the most likely API of the workbench window
(issue 4): ``app.transcript_view.TranscriptView`` built from the project bridge (or the project),
with a method that shows a document by id. Adjust ``_open_view`` when that API differs.
"""

from __future__ import annotations

import inspect
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.registry import Case, Context, Sample, Unavailable, benchmark, first_attribute, need_module
from coding import Project

ROOT = Path(__file__).resolve().parents[1]


def _offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def _require_application() -> None:
    need_module("app.application", "app.application (the window)", attribute="run")


def probe_window(project: Path) -> Sample:
    """Start a fresh process on ``project`` and measure until its main window is shown."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.window_probe", str(project)],
        cwd=ROOT,
        env=_offscreen_env(),
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
    requires=_require_application,
    limits=(
        "Interpreter start and importing PySide6, SQLAlchemy and alembic (the schema check), then the "
        "window's first queries; memory is mostly the Qt libraries and the Python runtime."
    ),
)
def open_large_project(ctx: Context) -> Case:
    path = ctx.project_copy("large")
    return Case(lambda: probe_window(path), note="fresh process each run; peak RSS of that process")


# -- the transcript view (issue 4) ---------------------------------------------------------------
def _require_view() -> None:
    need_module("app.transcript_view", "the transcript view (app.transcript_view.TranscriptView)")


def _open_view(project: Project) -> tuple[Any, Any, Any]:
    """(QApplication, view, show(document_id)) for the transcript view on ``project``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    view_class = need_module(
        "app.transcript_view",
        "the transcript view (app.transcript_view.TranscriptView)",
        attribute="TranscriptView",
    )
    from app.project_bridge import ProjectBridge

    app = QApplication.instance() or QApplication([sys.argv[0]])
    bridge = ProjectBridge(project)
    parameters = list(inspect.signature(view_class).parameters)
    first = parameters[0] if parameters else ""
    view = view_class(project if first == "project" else bridge)
    view._benchmark_bridge = bridge  # keep it alive as long as the view
    show = first_attribute(
        view,
        ("show_document", "set_document", "open_document", "load_document"),
        "TranscriptView.show_document",
    )
    view.resize(1000, 800)
    view.show()
    app.processEvents()
    return app, view, show


def _painted(app: Any, view: Any) -> None:
    app.processEvents()
    view.repaint()


@benchmark(
    "open_long_transcript_view",
    "Open the long transcript (300,000 characters, 3,000 codings) in the view with highlights and stripes",
    target=0.5,
    sizes=("long", "thesis"),
    repeats=5,
    quick_repeats=2,
    requires=_require_view,
    limits="Laying out the text and building one highlight per coded passage and the stripe lanes.",
)
def open_long_transcript_view(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("long"))
    document = project.documents.list()[0].id
    other = project.import_files([ctx.corpus("tiny" if ctx.scale else "thesis").files("txt")[0]])
    app, view, show = _open_view(project)
    placeholder = other.imported[0].id if other.imported else None

    def before() -> None:  # show another document, so that every run opens the long one afresh
        if placeholder is not None:
            show(placeholder)
            _painted(app, view)

    def run() -> None:
        show(document)
        _painted(app, view)

    def close() -> None:
        view.close()
        project.close()

    return Case(run, before=before, close=close, warmup=1)


@benchmark(
    "apply_coding_view",
    "Apply one coding with the long transcript in the view (committed and shown)",
    target=0.05,
    sizes=("long",),
    repeats=20,
    quick_repeats=5,
    requires=_require_view,
    limits="The write transaction plus the view's refresh of the changed document's highlights.",
)
def apply_coding_view(ctx: Context) -> Case:
    project = Project.open(ctx.project_copy("long"), coder="bench")
    document = project.documents.list()[0].id
    code = project.codes.create("Benchmark", inductive=True).id
    text = project.documents.text(document)
    app, view, show = _open_view(project)
    show(document)
    _painted(app, view)
    rng = random.Random(4)
    starts = iter(sorted(rng.sample(range(0, len(text) - 500, 7), 200)))

    def run() -> None:
        start = text.find(" ", next(starts)) + 1
        end = text.find(" ", start + 80)
        if start <= 0 or end < 0:
            raise Unavailable("a passage to code")
        project.codings.code(document, code, start, end)
        _painted(app, view)  # the view refreshes from the change notification

    def close() -> None:
        view.close()
        project.close()

    def after() -> None:
        project.undo()
        _painted(app, view)

    return Case(run, after=after, close=close, warmup=2, note="undone after each run (untimed)")
