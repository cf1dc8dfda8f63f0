"""Stress the Player dock's player teardown: a new dock's player plays a recording, then stops and
unloads it (what closing the project does), round after round, while Python threads want the GIL.
Run as a program in a process of its own (``test_player_teardown.py`` does, with a timeout), because
the deadlock it looks for hangs the process for good; it prints ``ok ROUNDS`` when all rounds ended.

``python -m tests.app.media.player_stress [seconds] [--unsettled]``: ``--unsettled`` leaves out
:func:`app.media.player_dock.settle_overrides`, to see the hang it prevents (2026-12-06, load 9 on
2 cores: 2 of 2 runs hung within 40 s, after 53 and 96 rounds, gdb showing the GIL / signal-slot
mutex inversion; with it 2 of 2 runs did 110 rounds each in 40 s).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(seconds: float, settled: bool = True) -> int:
    import shiboken6
    from PySide6.QtCore import QEventLoop, QUrl
    from PySide6.QtWidgets import QApplication

    from app.media import player_dock
    from tests.recordings import write_wav

    if not settled:
        player_dock.settle_overrides = lambda *_objects: None
    app = QApplication.instance() or QApplication([])
    recording = write_wav(Path(tempfile.mkdtemp(prefix="player-stress-")) / "R9.wav", seconds=4.0)
    url = QUrl.fromLocalFile(str(recording))
    busy = True

    def spin() -> None:  # Python code that wants the GIL, as the app's workers do
        count = 0
        while busy:
            count += 1

    for _ in range(2):
        threading.Thread(target=spin, daemon=True).start()

    def wait(condition: Callable[[], bool], milliseconds: int) -> None:
        end = time.monotonic() + milliseconds / 1000
        while not condition() and time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    rounds = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        dock = player_dock.PlayerDock()  # a new player and audio output, as each window has its own
        player = dock._ensure_player()
        player.setSource(url)
        wait(lambda d=dock, p=player: d.problem is not None or p.duration() > 0, 5000)
        if dock.problem:
            print(f"cannot play here: {dock.problem}", flush=True)
            return 2
        player.play()
        wait(lambda p=player: p.position() > 100, 3000)  # the audio renderer runs in its own thread
        player.stop()  # what PlayerDock._load does when the project closes: stop and unload
        player.setSource(QUrl())
        shiboken6.delete(dock)
        rounds += 1
    busy = False
    print(f"ok {rounds}", flush=True)
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    code = main(float(arguments[0]) if arguments else 10.0, settled="--unsettled" not in sys.argv)
    sys.stdout.flush()
    os._exit(code)  # not through the interpreter's finalisation with Qt objects alive: not what is tested
