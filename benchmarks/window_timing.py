"""Measure the transcript window on a long transcript: open, apply one coding, filter 20,000 quotes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/window_timing.py [--keep DIR]

Builds (once, in a temporary folder) a project with one 300,000-character transcript carrying 3,000
codings plus 17 shorter transcripts, 20,000 codings in all; then drives the real MainWindow and prints
wall-clock times. Painting is forced with ``repaint()`` so the figures include drawing the visible
highlights and stripes, not only the data work.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coding import Project
from coding.coder_rows import ensure_coder
from coding.commands.command import Command, Writer
from coding.ids import DocumentId

WORDS = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "ik",
    "je",
    "dat",
    "die",
    "is",
    "niet",
    "op",
    "te",
    "we",
    "zijn",
    "er",
    "maar",
    "met",
    "voor",
    "als",
    "wel",
    "ook",
    "gemeente",
    "werkgever",
    "samenwerking",
    "vertrouwen",
    "regio",
    "afspraken",
    "urgentie",
    "coördinatie",
    "één",
    "café",
    "uitkering",
    "vacature",
]


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
    return words[0].upper() + words[1:] + rng.choice(".?!.")


def transcript(rng: random.Random, size: int, respondent: str) -> str:
    lines = [f"Interview {respondent} – synthetisch testtranscript", ""]
    seconds, total, turn = 0, 0, 0
    while total < size:
        seconds += rng.randint(5, 60)
        who = "I" if turn % 2 == 0 else respondent
        body = " ".join(_sentence(rng) for _ in range(rng.randint(1, 6) if who != "I" else 1))
        if turn % 50 == 7:
            body += " 👍"
        line = f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] {who}: {body}"
        lines.append(line)
        total += len(line) + 1
        turn += 1
    return "\n".join(lines)[:size].rstrip() + "\n"


class BulkCodings(Command):
    """Thousands of codings in one transaction (set-up only; the window codes one at a time)."""

    text = "Benchmark codings"

    def __init__(self, document_id: DocumentId, text: str, spans: list[tuple[int, int, int]]) -> None:
        super().__init__()
        self.document_id, self.document_text, self.spans = document_id, text, spans

    def plan(self, writer: Writer) -> None:
        coder = ensure_coder(writer, "benchmark")
        segments = writer.insert_many(
            "segment",
            [
                {"document_id": self.document_id, "start": s, "end": e, "text": self.document_text[s:e]}
                for s, e, _ in self.spans
            ],
        )
        writer.insert_many(
            "coding",
            [
                {
                    "segment_id": seg["id"],
                    "code_id": code,
                    "coder_id": coder,
                    "memo": "memo" if n % 7 == 0 else "",
                }
                for n, (seg, (_s, _e, code)) in enumerate(zip(segments, self.spans, strict=True))
            ],
        )
        writer.touch(self.document_id)


def _spans(rng: random.Random, text: str, count: int, codes: list[int]) -> list[tuple[int, int, int]]:
    seen: set[tuple[int, int]] = set()
    out = []
    while len(out) < count:
        start = rng.randrange(0, len(text) - 400)
        end = start + rng.randint(20, 400)
        while text[start].isspace():
            start += 1
        while text[end - 1].isspace():
            end -= 1
        if (start, end) not in seen:
            seen.add((start, end))
            out.append((start, end, rng.choice(codes)))
    return out


def build(folder: Path) -> Path:
    path = folder / "benchmark.codewerk"
    if path.exists():
        return path
    rng = random.Random(4)
    project = Project.create(path, codebook="rwb", coder="benchmark")
    regions = ["Midden-Gelderland", "Zwolle", "Zuidoost-Brabant"]
    files = []
    big = folder / "R99_lang_zwolle.txt"
    big.write_text(transcript(rng, 300_000, "R99"), encoding="utf-8")
    files.append((big, "Zwolle", "R99"))
    for number in range(1, 18):
        small = folder / f"R{number}_kort.txt"
        small.write_text(transcript(rng, 24_000, f"R{number}"), encoding="utf-8")
        files.append((small, regions[number % 3], f"R{number}"))
    for file, region, respondent in files:
        project.import_files([file], attributes={"region": region, "respondent": respondent, "role": "UWV"})
    codes = [c.id for c in project.codes.tree()]
    for document in project.documents.list():
        text = project.documents.text(document.id)
        count = 3000 if document.name.startswith("R99") else 1000
        project.execute(BulkCodings(document.id, text, _spans(rng, text, count, codes)))
    project.history.clear()
    project.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="build the project in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="codewerk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    path = build(folder)
    print(f"project: {path} (built in {time.perf_counter() - started:.1f} s)")
    print(
        f"load average when starting: {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores"
    )

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    from app.application import application
    from app.main_window import MainWindow
    from app.quote_table_model import REGION

    app = application()
    window = MainWindow()
    window.resize(1500, 950)
    window.show()
    started = time.perf_counter()
    window.open_project(path)
    app.processEvents()
    print(f"open project (all docks, first document): {1000 * (time.perf_counter() - started):.0f} ms")
    project = window.workspace.project
    big = project.documents.find("R99_lang_zwolle")
    small = project.documents.find("R1_kort")
    view = window.view

    def paint() -> None:
        view.viewport().repaint()
        view.margin.repaint()

    opens = []
    for _ in range(5):
        window.open_document(small.id)
        app.processEvents()
        started = time.perf_counter()
        window.open_document(big.id)
        paint()
        opens.append(time.perf_counter() - started)
        app.processEvents()
    print(
        f"open the 300,000-character transcript with {len(view.index)} passages, painted: "
        f"median {1000 * statistics.median(opens):.0f} ms, min {1000 * min(opens):.0f} ms, "
        f"max {1000 * max(opens):.0f} ms"
    )

    rng = random.Random()  # a kept project must not get the same passages twice
    codes = [c.id for c in project.codes.tree()]
    applies = []
    while len(applies) < 20:
        start = rng.randrange(1000, len(view.text) - 1000)
        view.select_span(start, start + rng.randint(30, 200), centre=True)
        paint()
        app.processEvents()
        started = time.perf_counter()
        coded = window.controller.code_selection(rng.choice(codes))
        paint()
        if coded is not None:
            applies.append(time.perf_counter() - started)
        app.processEvents()  # the docks' deferred refresh, outside the measured time
    print(
        f"apply one coding (commit, refresh, repaint) at {len(view.index)} passages: "
        f"median {1000 * statistics.median(applies):.1f} ms, min {1000 * min(applies):.1f} ms, "
        f"max {1000 * max(applies):.1f} ms"
    )

    undos = []
    for _ in range(10):
        started = time.perf_counter()
        window.actions.undo.trigger()
        paint()
        undos.append(time.perf_counter() - started)
        app.processEvents()
    print(f"undo one coding (whole transcript re-read): median {1000 * statistics.median(undos):.1f} ms")

    scrolls = []
    bar = view.verticalScrollBar()
    for step in range(20):
        bar.setValue(bar.maximum() * step // 20)
        started = time.perf_counter()
        paint()
        scrolls.append(time.perf_counter() - started)
    print(
        f"repaint after a scroll: median {1000 * statistics.median(scrolls):.1f} ms, max {1000 * max(scrolls):.1f} ms"
    )

    model = window.quotes_dock.model
    started = time.perf_counter()
    model.set_codes(None)
    print(f"list all {len(model._all)} quotes: {1000 * (time.perf_counter() - started):.0f} ms")
    app.processEvents()  # the text keys are folded right after the list is shown (idle time)
    dock = window.quotes_dock
    timings = {}
    for label, action in (
        ("region = Zwolle", lambda: dock.set_attribute_filter("region", "Zwolle")),
        ("text 'vertrouwen'", lambda: dock.text.setText("vertrouwen")),
        ("text 'vertrouwen gemeente'", lambda: dock.text.setText("vertrouwen gemeente")),
        ("review = unreviewed", lambda: dock.review.setCurrentIndex(dock.review.findData("unreviewed"))),
        (
            "clear all filters",
            lambda: (
                dock.text.clear(),
                dock.set_attribute_filter("region", ""),
                dock.review.setCurrentIndex(0),
            ),
        ),
    ):
        started = time.perf_counter()
        action()
        app.processEvents()
        timings[label] = time.perf_counter() - started
        print(f"filter quotes, {label}: {1000 * timings[label]:.0f} ms → {model.rowCount()} rows")
    started = time.perf_counter()
    dock.table.sortByColumn(REGION, dock.table.horizontalHeader().sortIndicatorOrder())
    app.processEvents()
    print(f"sort {model.rowCount()} quotes by region: {1000 * (time.perf_counter() - started):.0f} ms")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
