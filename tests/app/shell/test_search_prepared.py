"""The Search and suggestions window's modules (numpy, the language services) are imported in a worker a while
after a project opened, so that its first opening does not import them on the GUI thread (0.3–0.7 s of a frozen
window, whatever the project's size). Checked in a fresh interpreter: this test session has imported them all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coding import Project
from tests.fresh_interpreter import WATCH_IMPORTS, last_json_line

SCRIPT = (
    WATCH_IMPORTS
    + """from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from app.shell import extra_windows
from app.shell.application import application
from app.shell.main_window import MainWindow
from app.widgets import long_operation
extra_windows.PREPARE_SEARCH_AFTER_MS = int(sys.argv[3])
app = application()
window = MainWindow()
window.show()
assert window.open_project(sys.argv[1]), window.last_problem
started = time.monotonic()
titles = []
# watch for argv[4] seconds, or (argv[5] = 1) until "Preparing search" showed, however busy the machine
until_prepared = sys.argv[5] == "1"
while time.monotonic() - started < float(sys.argv[4]):
    if until_prepared and "Preparing search" in titles:
        break
    app.processEvents()
    titles += [op.title for op in long_operation.running_operations() if op.title not in titles]
    time.sleep(0.005)
while long_operation.running_operations():
    app.processEvents()
before = len(imported)
window.search()
assert window.language_window is not None and window.language_window.isVisible()
app.processEvents()
window.close()
print(json.dumps({"titles": titles, "prepared": imported[:before], "search": imported[before:]}))
"""
)


def _run(
    project: Path, settings: Path, after_ms: int, watch_s: float, *, until_prepared: bool = False
) -> dict[str, list[Any]]:
    result: dict[str, list[Any]] = last_json_line(
        SCRIPT, str(project), str(settings), str(after_ms), str(watch_s), "1" if until_prepared else "0"
    )
    return result


def _heavy(name: str) -> bool:
    return name == "numpy" or name.startswith(("numpy.", "coding.language"))


def test_the_search_window_opens_without_importing_numpy_or_the_language_services(
    coded_project: Project, tmp_path: Path
) -> None:
    coded_project.close()
    seen = _run(coded_project.path, tmp_path / "settings", after_ms=200, watch_s=60, until_prepared=True)
    assert "Preparing search" in seen["titles"]
    prepared = {name: on_gui for name, on_gui in seen["prepared"] if _heavy(name)}
    assert "numpy" in prepared and "coding.language.assistant" in prepared
    assert not any(prepared.values())  # every one of them in the worker
    left = [name for name, _gui in seen["search"] if _heavy(name)]
    assert left == []  # nothing left for the window's opening


def test_opened_at_once_the_search_window_imports_them_itself(coded_project: Project, tmp_path: Path) -> None:
    """Opened before the preparation begins, the window imports what it needs itself, on the GUI thread (as
    before: what the test above sees would be seen)."""
    coded_project.close()
    seen = _run(coded_project.path, tmp_path / "settings", after_ms=60_000, watch_s=0.3)
    assert "Preparing search" not in seen["titles"]
    assert ("numpy", True) in [(name, on_gui) for name, on_gui in seen["search"]]
