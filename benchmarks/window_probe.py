"""Start the application on a project, offscreen, and report when its main window was first shown.

``python -m benchmarks.window_probe PROJECT`` runs ``main.gui([PROJECT, "--smoke"])`` (what
``python main.py PROJECT`` and ``codewerk gui PROJECT`` run)
(start, render once, exit) and prints one JSON line: ``shown`` (CLOCK_MONOTONIC seconds when the
main window, or a widget in it, was first painted; if the event loop quits before a paint event,
when the window had been rendered once with ``grab()``), ``how``, ``cpu`` (CPU seconds of this process until then) and
``peak_rss_mb`` (see :func:`benchmarks.machine.peak_rss_mb`). The caller compares ``shown`` with its own clock taken before it started this
process, so the figure spans interpreter start, imports, opening the project and the first paint.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The window's modules in the order `main.gui` imports them (the domain before PySide6, whose
    # import hook reads the source of every module imported after it): importing PySide6 first
    # here would measure a start no user has.
    from main import gui, load_window

    load_window()
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication.instance() or QApplication([sys.argv[0]])
    marks: dict[str, float] = {}

    def render_shown_windows() -> None:
        # The offscreen platform can quit before the first paint event (quitting closes the
        # windows first): then render the shown window once ourselves, so that the figure always
        # includes painting it.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                widget.grab()
                marks["rendered"] = time.monotonic()
                marks.setdefault("cpu", time.process_time())

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if (
                kind == QEvent.Type.Paint
                and "painted" not in marks
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)
            ):
                marks["painted"] = time.monotonic()
                marks["cpu"] = time.process_time()
            elif kind == QEvent.Type.Quit and "painted" not in marks and "rendered" not in marks:
                render_shown_windows()
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    app.aboutToQuit.connect(lambda: marks.setdefault("quit", time.monotonic()))

    code = gui([*argv, "--smoke"])
    app.removeEventFilter(spy)
    shown = marks.get("painted") or marks.get("rendered") or marks.get("quit", time.monotonic())
    from benchmarks.machine import peak_rss_mb  # after the measurement: it imports importlib.metadata

    print(
        json.dumps(
            {
                "code": code,
                "shown": shown,
                "how": "painted" if "painted" in marks else "rendered" if "rendered" in marks else "quit",
                "cpu": marks.get("cpu", time.process_time()),
                "peak_rss_mb": peak_rss_mb(),
            }
        ),
        flush=True,
    )
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
