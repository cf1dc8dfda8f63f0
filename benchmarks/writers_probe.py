"""One writer of the concurrent-writers benchmark, in its own process.

``python -m benchmarks.writers_probe MODE PROJECT SECONDS CODE CODER OUT`` codes passages of
``PROJECT`` with ``CODE`` as ``CODER`` for ``SECONDS`` seconds and writes a JSON report to ``OUT``:
``ok`` (how many codings it was told were committed), ``failed`` (the messages of the actions that
were refused or raised), ``latencies`` (seconds per successful action) and, for the window,
``refreshes`` (how often it refreshed from what the others committed).

MODE is ``api`` (a script: ``Project.code`` in a loop), ``cli`` (``codewerk code`` started again
and again) or ``window`` (the main window, offscreen, coding through the operation helper every
50 ms while it polls for the others' changes). Each writer codes its own spans (10 characters
apart, 6 long) of every document in turn, so no two actions of one writer hit the same passage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAUSE = 0.005  # a script does a little work between two writes


def spans(documents: list[tuple[str, int]]) -> Iterator[tuple[str, int, int]]:
    offset = 0
    while True:
        for name, length in documents:
            if offset + 6 <= length:
                yield name, offset, offset + 6
        offset += 10


def _documents(project: Path) -> list[tuple[str, int]]:
    from coding import Project

    with Project.open(project) as opened:
        return [(d.name, d.length) for d in opened.documents.list(with_counts=False)]


def run_api(project: Path, seconds: float, code: str, coder: str) -> dict[str, Any]:
    from coding import CodewerkError, Project

    report: dict[str, Any] = {"ok": 0, "failed": [], "latencies": []}
    with Project.open(project, coder=coder) as opened:
        deadline = time.monotonic() + seconds
        for name, start, end in spans(_documents(project)):
            if time.monotonic() > deadline:
                break
            began = time.perf_counter()
            try:
                opened.code(name, code, start, end)
            except CodewerkError as exc:
                report["failed"].append(str(exc))
            else:
                report["ok"] += 1
                report["latencies"].append(time.perf_counter() - began)
            time.sleep(PAUSE)
    return report


def run_cli(project: Path, seconds: float, code: str, coder: str) -> dict[str, Any]:
    report: dict[str, Any] = {"ok": 0, "failed": [], "latencies": []}
    deadline = time.monotonic() + seconds
    for name, start, end in spans(_documents(project)):
        if time.monotonic() > deadline:
            break
        began = time.perf_counter()
        command = [sys.executable, "-m", "coding.cli.main", "code", str(project), name, code]
        done = subprocess.run(
            [*command, "--span", f"{start}:{end}", "--coder", coder],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            report["ok"] += 1
            report["latencies"].append(time.perf_counter() - began)
        else:
            report["failed"].append(done.stderr.strip()[-300:])
    return report


def run_window(project: Path, seconds: float, code: str, coder: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.shell.application import application
    from app.shell.main_window import MainWindow

    documents = _documents(project)
    app = application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    if not window.open_project(project):
        raise RuntimeError(window.last_problem)
    workspace = window.workspace
    assert workspace is not None
    workspace.project.coder = coder
    refreshes = [0]
    look = workspace.look_outside

    def counted() -> bool:
        noticed = look()
        refreshes[0] += int(noticed)
        return noticed

    workspace.look_outside = counted  # type: ignore[method-assign]
    workspace._outside.timeout.disconnect()
    workspace._outside.timeout.connect(counted)
    report: dict[str, Any] = {"ok": 0, "failed": [], "latencies": []}
    todo = spans(documents)
    deadline = time.monotonic() + seconds

    def act() -> None:
        if time.monotonic() > deadline:
            timer.stop()
            QTimer.singleShot(700, app.quit)  # one more look at the others' changes
            return
        name, start, end = next(todo)
        began = time.perf_counter()
        project = workspace.project
        if workspace.perform(lambda: project.code(name, code, start, end)):
            report["ok"] += 1
            report["latencies"].append(time.perf_counter() - began)
        else:
            report["failed"].append(window.last_problem or "refused")

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(act)
    timer.start()
    app.exec()
    report["refreshes"] = refreshes[0]
    window.close_project()
    window.close()
    QApplication.processEvents()
    return report


def main(argv: list[str]) -> int:
    mode, project, seconds, code, coder, out = argv
    runner = {"api": run_api, "cli": run_cli, "window": run_window}[mode]
    report = runner(Path(project), float(seconds), code, coder)
    Path(out).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
