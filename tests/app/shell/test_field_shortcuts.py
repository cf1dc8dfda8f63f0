"""Ctrl+E (Export) and Ctrl+K (Code with) work while the cursor is in a text field on Linux.

Qt's keyboard scheme there gives text fields Ctrl+E (end of line), Ctrl+K (delete to the end) and
Ctrl+U (delete the line); a field claimed them before the window's shortcuts (its ShortcutOverride),
so Export did nothing from the document filter (seen under Xvfb with xdotool). The offscreen platform
has Windows' keyboard scheme, where fields have no such keys: this test runs the window with Qt's X11
platform on an X server of its own (``tests/x11_display.py``), the keys sent by QTest through the
window's shortcut machinery, as a key press from X is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.x11_display import run_on_x11, xvfb

ROOT = Path(__file__).resolve().parents[3]


def test_window_shortcuts_win_over_a_text_fields_emacs_keys_on_x11(demo_copy: Path, tmp_path: Path) -> None:
    with xvfb() as display:
        result = run_on_x11(
            display,
            [
                sys.executable,
                "-m",
                "tests.app.shell.field_keys_probe",
                str(demo_copy),
                str(tmp_path / "settings"),
            ],
            cwd=ROOT,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert "Ctrl+E" in seen["end_of_line"]  # the X11 scheme, in which fields claimed the key
    assert seen["line_ctrl_e"] == ["export"]  # the document filter (a line edit)
    assert seen["line_cursor"] == 0  # the field did not take it as well
    assert seen["memo_ctrl_e"] == ["export"]  # the document memo
    assert seen["quote_text_ctrl_e"] == ["export"]  # the Quotes dock's text filter
    assert seen["line_ctrl_k"] == ["pick"]  # Code with
    assert seen["line_after_ctrl_k"] == "zwolle"
    # the field keeps its other keys: Ctrl+D deletes a letter there, never the window's Delete
    # (remove the coding); Ctrl+U, which no shortcut has, still empties the line
    assert seen["line_ctrl_d"] == []
    assert seen["line_after_ctrl_d"] == "wolle"
    assert seen["line_ctrl_u"] == []
    assert seen["line_after_ctrl_u"] == ""
