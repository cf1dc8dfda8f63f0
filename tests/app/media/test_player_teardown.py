"""Stopping and unloading a playing recording (closing the project) must never hang the app.

The FFmpeg backend's audio renderer, deleted in its own thread, used to wait for the GIL (to look
for a Python override of the QAudioOutput's ``disconnectNotify``) while holding Qt's signal-slot
mutex, as the main thread, holding the GIL, waited for that mutex in ``stop()``: a deadlock that
hung ``make test`` in ``test_player_dock.py``. ``player_stress`` repeats play-then-stop in a process
of its own; a hang there fails this test at the timeout instead of hanging the suite. The race is
timing-dependent: without the fix a 12-second run hung about half the time on a loaded machine
(``python -m tests.app.media.player_stress 40 --unsettled`` hung 2 runs of 2).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
#: Seconds of play-then-stop rounds; the process gets 45 s more to start and finish before it is
#: taken as hung (a round is at most 8 s of waiting).
STRESS_SECONDS = 12
GRACE_SECONDS = 45


@pytest.mark.slow
def test_stopping_a_playing_recording_again_and_again_never_hangs() -> None:
    pytest.importorskip("PySide6.QtMultimedia")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.app.media.player_stress", str(STRESS_SECONDS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # FFmpeg's own chatter, one block per round
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(timeout=STRESS_SECONDS + GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("stopping a playing recording hung (deadlock between the GIL and a Qt mutex)")
    if process.returncode == 2 and "cannot play here" in out:
        pytest.skip(out.strip())
    assert process.returncode == 0, out
    lines = out.split()
    assert lines[-2] == "ok" and int(lines[-1]) > 0, out
