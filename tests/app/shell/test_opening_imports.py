"""Opening a project imports the guide's matching and the analyses (the margin's guide marks, the query bar's
saved queries) in workers, not on the GUI thread: on the huge project they froze the window 0.1–0.2 s right
after its first paint. Checked in a fresh interpreter: this test session has imported them already."""

from __future__ import annotations

from pathlib import Path

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
extra_windows.PREPARE_SEARCH_AFTER_MS = 600_000  # (the Search window's preparation: not in this test)
app = application()
window = MainWindow()
window.show()
assert window.open_project(sys.argv[1]), window.last_problem
bar = window.quotes_dock.query_bar
started = time.monotonic()
while time.monotonic() - started < 60 and (
    bar.saved.count() < 2
    or all(name != "coding.guide.guide_service" for name, _gui in imported)
    or long_operation.running_operations()
):
    app.processEvents()
    time.sleep(0.005)
saved = [bar.saved.itemText(i) for i in range(bar.saved.count())]
window.close()
print(json.dumps({"imported": imported, "saved": saved}))
"""
)


def test_opening_a_project_imports_the_guide_and_the_analyses_in_workers(
    coded_project: Project, tmp_path: Path
) -> None:
    project = coded_project
    project.analysis.save_query("Samen", "Vertrouwen AND Urgentiebesef")
    project.close()
    seen = last_json_line(SCRIPT, str(project.path), str(tmp_path / "settings"))
    assert seen["saved"] == ["Saved queries", "Samen"]  # the saved queries arrived
    on_gui = dict((name, gui) for name, gui in reversed(seen["imported"]))  # the first import of each
    for module in ("coding.guide.guide_service", "coding.analysis.analysis_service"):
        assert module in on_gui, module
        assert not on_gui[module], f"{module} imported on the GUI thread"
