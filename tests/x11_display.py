"""An X server of its own for the few tests that need what only Qt's X11 platform does (its keyboard
scheme: a text field's Ctrl+E): ``xvfb()`` starts Xvfb on a free display and yields its name; the
test is skipped, with the reason, where Xvfb is not installed (.ci/run installs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

#: What Qt prints when its xcb platform cannot load (a library missing): the machine, not the test.
NO_XCB = "Could not load the Qt platform plugin"


@contextmanager
def xvfb(size: str = "1366x768x24") -> Iterator[str]:
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as answer:
            number = answer.readline().strip()  # written once the server takes clients
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_on_x11(display: str, args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``args`` (a Python program) with Qt's xcb platform on ``display``; skipped where Qt's xcb
    platform cannot load on this machine."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=180, check=False, **kwargs)
    if result.returncode != 0 and NO_XCB in result.stderr:
        pytest.skip(f"Qt's xcb platform does not load here: {result.stderr.strip().splitlines()[-1]}")
    return result
