"""How long each user action blocks the GUI thread, on a project copy (issue 19's audit).

``python -m benchmarks.gui_audit PROJECT [--only NAME,NAME] [--scratch DIR]`` opens PROJECT (a
copy: some actions write to it) in the real ``MainWindow``, offscreen, and runs the actions one by
one the way the menus do. A heartbeat ``QTimer`` every 20 ms records the longest gap between two
beats while an action runs (until its long operations ended and the window settled): that gap is
how long the window could not answer a click or paint. Prints one JSON line per action: ``block``
(longest gap, seconds), ``wall`` (trigger to settled), ``cpu`` (process CPU seconds, all threads),
``gui_cpu`` (CPU seconds of the GUI thread), ``worker`` (whether a ``LongOperation`` ran).

``--stacks`` writes every thread's stack to ``SCRATCH/late-stacks.txt`` each time the heartbeat is half a
second late (``faulthandler``'s C watchdog: it needs no GIL, so it also shows a worker holding the GIL in one
long C call) and prints the GUI thread's most sampled stacks per action; ``--profile`` prints a cProfile of each
action's GUI thread, timed by that thread's CPU.

File dialogs and yes/no questions are answered by the script (paths in the scratch folder); a
measurement, not a test: the figures depend on the machine's load (print ``/proc/loadavg``).
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import json
import os
import pstats
import shutil
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.monotonic()
        self.gap = 0.0
        self.count = 0
        #: ``--stacks``: where every thread's stack goes while the GUI thread is late by ``late`` seconds.
        self.dump: Any = None
        self.late = 0.5
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        if self.dump is not None:  # a C watchdog: dumps every thread's stack without the GIL when late
            faulthandler.dump_traceback_later(self.late, repeat=True, file=self.dump)
        now = time.monotonic()
        self.gap = max(self.gap, now - self.last)
        self.last = now
        self.count += 1

    def reset(self) -> None:
        self.last = time.monotonic()
        self.gap = 0.0
        self.count = 0


class StallSampler:
    """``--stacks``: while the heartbeat is late by more than ``late`` seconds, samples the GUI thread's
    stack every ``every`` seconds (the poor man's py-spy: what the frozen thread is doing or waiting on)."""

    def __init__(self, beat: Heartbeat, late: float = 0.3, every: float = 0.1) -> None:
        import threading

        self.beat, self.late, self.every = beat, late, every
        self.gui = threading.get_ident()
        self.samples: Counter[tuple[str, ...]] = Counter()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        import threading

        while True:
            time.sleep(self.every)
            if time.monotonic() - self.beat.last > self.late:
                frames = sys._current_frames()
                for ident, frame in frames.items():
                    if ident == threading.get_ident():
                        continue
                    stack = traceback.extract_stack(frame)[-14 if ident == self.gui else -8 :]
                    who = "GUI" if ident == self.gui else "worker"
                    self.samples[(who, *(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack))] += 1

    def report(self, name: str) -> None:
        for stack, count in self.samples.most_common(8):
            print(f"-- {name}: {count} samples of {self.every} s", file=sys.stderr)
            for line in stack:
                print(f"   {line}", file=sys.stderr)
        self.samples.clear()


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/gui_audit"))
    parser.add_argument("--stacks", action="store_true", help="print the GUI thread's stacks while frozen")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each action's GUI thread")
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=None,
        help="sys.setswitchinterval while long operations run (Python's default: 0.005 s)",
    )
    args = parser.parse_args(argv)
    scratch: Path = args.scratch
    scratch.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    from app.shell.application import application
    from app.shell.main_window import MainWindow
    from app.widgets import long_operation, operations

    app = application()
    answers: dict[str, str] = {}
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (answers["save"], ""))  # type: ignore[method-assign]
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (answers["open"], ""))  # type: ignore[method-assign]
    QInputDialog.getText = staticmethod(lambda *a, **k: ("Second", True))  # type: ignore[method-assign]
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)  # type: ignore[method-assign]

    only = {name for name in args.only.split(",") if name}
    switch_interval = sys.getswitchinterval()
    beat = Heartbeat()
    sampler = StallSampler(beat) if args.stacks else None
    if args.stacks:
        beat.dump = (scratch / "late-stacks.txt").open("w")
    window = MainWindow()
    window.resize(1500, 950)
    window.show()
    for _ in range(5):
        app.processEvents()

    started: list[long_operation.LongOperation] = []
    original_start = long_operation.LongOperation.start

    def spying_start(self: long_operation.LongOperation) -> long_operation.LongOperation:
        started.append(self)
        return original_start(self)

    long_operation.LongOperation.start = spying_start  # type: ignore[method-assign]

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.002)

    def measure(
        name: str, action: Callable[[], Any], done: Callable[[], bool] | None = None, timeout: float = 600.0
    ) -> None:
        if (
            only
            and not any(part in name for part in only)
            and name not in ("open project", "idle after opening")
        ):
            return
        spin(0.1)
        started.clear()
        beat.reset()
        if sampler is not None:
            sampler.samples.clear()
        profile = cProfile.Profile(time.thread_time) if args.profile else None  # the GUI thread's CPU
        if profile is not None:
            profile.enable()
        wall0, cpu0, gui0 = time.monotonic(), time.process_time(), time.thread_time()
        error = ""
        try:
            action()
        except Exception as exc:
            error = repr(exc)
        call = time.monotonic() - wall0
        deadline = time.monotonic() + timeout
        longest = call

        def pump() -> None:
            nonlocal longest
            t = time.monotonic()
            app.processEvents()
            longest = max(longest, time.monotonic() - t)
            time.sleep(0.002)

        if args.switch_interval is not None:
            sys.setswitchinterval(args.switch_interval)
        while True:
            while time.monotonic() < deadline and (
                long_operation.running_operations() or (done is not None and not done())
            ):
                pump()
            end = time.monotonic() + 0.4
            while time.monotonic() < end:  # deferred refreshes after the action (they may start more)
                pump()
            if not long_operation.running_operations() or time.monotonic() > deadline:
                break
        sys.setswitchinterval(switch_interval)
        for widget in QApplication.topLevelWidgets():  # boxes an action left open
            if isinstance(widget, QMessageBox) and widget.isVisible():
                widget.close()
        print(
            json.dumps(
                {
                    "action": name,
                    "block": round(max(beat.gap, longest), 3),
                    "call": round(call, 3),
                    "longest_pump": round(longest, 3),
                    "beats": beat.count,
                    "wall": round(time.monotonic() - wall0 - 0.4, 3),
                    "cpu": round(time.process_time() - cpu0, 3),
                    "gui_cpu": round(time.thread_time() - gui0, 3),
                    "worker": [op.title for op in started],
                    "problem": error or window.last_problem,
                    "load": Path("/proc/loadavg").read_text().split()[0],
                }
            ),
            flush=True,
        )
        if profile is not None:
            profile.disable()
            print(f"-- {name}: the GUI thread's calls", file=sys.stderr)
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        if sampler is not None:
            sampler.report(name)
        window.setProperty(operations.PROBLEM, "")

    measure("open project", lambda: window.open_project(args.project))
    assert window.workspace is not None
    from app.shell import extra_windows

    wait_ms = getattr(extra_windows, "PREPARE_SEARCH_AFTER_MS", 3000)  # (the same wait on an older tree)
    idle_until = [0.0]

    def look_at_the_window() -> None:  # a user reads the window a few seconds: what it prepares meanwhile
        idle_until[0] = time.monotonic() + wait_ms / 1000 + 0.5

    measure("idle after opening", look_at_the_window, done=lambda: time.monotonic() > idle_until[0])
    workspace = window.workspace
    project = workspace.project
    documents = project.documents.list()
    measure("open a document", lambda: window.open_document(documents[len(documents) // 2].id))

    # -- windows of analysis ------------------------------------------------------------------
    measure("compare window (judgement grid)", window.compare)
    measure("co-occurrence", lambda: window.analyse("cooccurrence"))
    measure("code x case matrix", lambda: window.analyse("matrix"))
    if window.analysis_window is not None:
        analysis = window.analysis_window

        def export_table() -> None:
            answers["save"] = str(scratch / "cooc.xlsx")
            analysis.cooccurrence.export()

        measure("analysis export xlsx", export_table)
    measure("intercoder agreement", window.show_agreement)
    measure("search window", window.search)
    language = window.language_window
    if language is not None:

        def lemma() -> None:
            language.search.query.setText("vertrouwen")
            language.search.run_search()

        measure("lemma search vertrouwen", lemma)

        def frequencies() -> None:
            language.tabs.setCurrentWidget(language.frequencies)
            language.frequencies.refresh()

        measure("frequencies", frequencies)

        # One concept, as the step's name (and issue 19's row) says: the scope left at "All codes"
        # found every code's suggestions (≈ 50 s CPU and 2.2-2.4 GB at ten times the corpus).
        scope = language.suggestions.scope
        concept = next((at for at in range(scope.count()) if "Vertrouwen" in scope.itemText(at)), -1)
        if concept >= 0:
            scope.setCurrentIndex(concept)

        def suggestions() -> None:
            language.tabs.setCurrentWidget(language.suggestions)
            language.suggestions.find_suggestions()

        measure("suggestions for one concept" if concept >= 0 else "suggestions for all codes", suggestions)
    measure(
        "guide window", lambda: __import__("app.shell.window_wiring", fromlist=["x"]).guide_window(window)
    )

    # -- exports --------------------------------------------------------------------------------
    from app.exporting.export_dialog import ExportDialog
    from app.exporting.refi_actions import export_exchange as export_exchange_file

    def export(suffix: str, kind: str | None, file: str) -> Callable[[], Any]:
        def run() -> Any:
            dialog = ExportDialog(project, window)
            dialog.set_format(suffix, kind)
            if kind == "review":
                dialog.reviewer_edit.setText("Supervisor")
            dialog.path_edit.setText(str(scratch / file))
            dialog.open()
            return dialog.run_export(close=True)

        return run

    measure("export Excel (quotes per group)", export(".xlsx", None, "quotes.xlsx"))
    measure("export Word (quotes per concept)", export(".docx", "quotes", "quotes.docx"))
    measure("export CSV", export(".csv", None, "quotes.csv"))
    measure("export review workbook", export(".xlsx", "review", "review.xlsx"))
    measure("export .qdc", lambda: export_exchange_file(window, project, ".qdc", scratch / "c.qdc"))
    measure("export .qdpx", lambda: export_exchange_file(window, project, ".qdpx", scratch / "p.qdpx"))

    # -- files ----------------------------------------------------------------------------------
    from app.agreement import second_coder
    from app.shell import project_files

    def save_copy() -> None:
        answers["save"] = str(scratch / "copy.codewerk")
        Path(answers["save"]).unlink(missing_ok=True)
        project_files.save_copy(window)

    measure("save a copy", save_copy)
    package = scratch / "package.codewerk"
    package.unlink(missing_ok=True)
    measure(
        "prepare second coder package",
        lambda: second_coder.prepare_package(window, project, "Second", package),
    )
    if package.exists():
        measure("merge second coder project", lambda: second_coder.merge_coder(window, project, package))
    from benchmarks.gui_audit_writes import run_writes

    run_writes(window, measure, only, scratch)  # bulk writes, their undo and redo
    if not only or "import .qdpx" in only or "undo .qdpx import" in only:
        from app.exporting.refi_actions import import_exchange_file
        from coding import Project

        archive = scratch / "p.qdpx"
        if not archive.exists():  # the export above, when it was not measured this run
            project.export(archive)
        empty = scratch / "empty.codewerk"
        for leftover in (empty, Path(f"{empty}-wal"), Path(f"{empty}-shm")):
            leftover.unlink(missing_ok=True)
        Project.create(empty, codebook=None).close()
        window.open_project(empty)  # File → Open (not measured), then File → Import a REFI-QDA project
        assert window.workspace is not None
        fresh = window.workspace.project
        measure("import .qdpx", lambda: import_exchange_file(window, fresh, archive))
        measure("undo .qdpx import", window.workspace.undo)  # Edit → Undo
    # -- the end, as the program ends (``application.run``): the window closed, then ``finish`` ---------------
    wall0, cpu0 = time.monotonic(), time.process_time()
    window.close()
    app.processEvents()
    closed = time.monotonic() - wall0
    from app.shell.application import finish

    finish(window)
    print(
        json.dumps(
            {
                "action": "program end (close, finish)",
                "close": round(closed, 3),
                "wall": round(time.monotonic() - wall0, 3),
                "cpu": round(time.process_time() - cpu0, 3),
                "load": Path("/proc/loadavg").read_text().split()[0],
            }
        ),
        flush=True,
    )
    shutil.rmtree(scratch / "settings", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
