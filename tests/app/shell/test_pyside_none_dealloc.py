"""Regression guard: PySide6 6.12.0 on CPython 3.11 aborts with ``Fatal Python error: none_dealloc``
after a few thousand calls of methods that return None. pyproject.toml pins PySide6 below 6.12."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(20_000):
    label.setText(str(i))      # returns None
    label.setToolTip("tip")    # returns None
print("survived", label.text())
"""


def test_twenty_thousand_calls_returning_none_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert "none_dealloc" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived 19999"


def test_installed_pyside_is_below_the_broken_release() -> None:
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), (
        f"PySide6 {PySide6.__version__}: verify the none_dealloc fix, then lift the pin"
    )
