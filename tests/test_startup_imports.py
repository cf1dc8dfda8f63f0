"""Opening a project and starting the window load only what they use.

Parsers (python-docx, pypdf, defusedxml), exporters (openpyxl with numpy, lxml), PyYAML, alembic
and spaCy are imported when a file is parsed, exported, a codebook read, a schema upgraded or a
text searched, not at start-up; so are language assistance (``project.assist``) and the window's
dialogs (Compare, Export, Import, Search and suggestions, Speakers, Anonymise). Checked in a fresh
interpreter, since this test session has imported everything already.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from tests.fresh_interpreter import last_json_line

HEAVY = ("alembic", "openpyxl", "numpy", "docx", "pypdf", "lxml", "defusedxml", "yaml", "spacy")
#: Modules behind ``project.assist`` that start-up never needs (``coding.language`` itself is a bare package).
LANGUAGE = (
    "coding.language.assistant",
    "coding.language.pipeline",
    "coding.language.indexer",
    "coding.language.search",
    "coding.language.suggestions.service",
    "coding.language.anonymise",
)
#: Services the project builds when first asked for (``project.guide``, ``.analysis``, ``.importer``,
#: ``.comparison``), a review file's reading and the demo project: the window asks for them after
#: its first paint (the guide's marks, the saved queries) or when the user acts.
SERVICES = (
    "coding.guide.guide_service",
    "coding.analysis.analysis_service",
    "coding.importing.import_service",
    "coding.importing.parsers",
    "coding.judgements.comparison",
    "coding.reviews.review_import",
    "coding.demo",
)
#: The window's dialogs and extra windows, imported by the slots that open them.
DIALOGS = (
    "app.judgements.compare_window",
    "app.exporting.export_dialog",
    "app.importing.import_dialog",
    "app.importing.import_setup",
    "app.language.language_window",
    "app.language.search_panel",
    "app.language.suggestion_queue",
    "app.language.suggestion_table",
    "app.language.frequency_view",
    "app.speakers.speakers_dialog",
    "app.language.anonymise_dialog",
    "PySide6.QtCharts",
)

SCRIPT = """
import json, sys
{imports}
project = Project.open(sys.argv[1])
project.documents.list()
project.codes.tree()
project.quotes()
project.close()
print(json.dumps(sorted(sys.modules)))
"""

WINDOW_SCRIPT = """
import json, sys, time
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from app.shell.application import application
from app.shell.main_window import MainWindow
app = application()
window = MainWindow()
window.show()
assert window.open_project(sys.argv[1]), window.last_problem
for _ in range(20):  # the first paint, then the Quotes dock lists every quote
    app.processEvents()
for _ in range(3000):  # its first rows are read in a worker: until they arrive (a busy machine)
    if window.quotes_dock.model is not None and window.quotes_dock.model.loaded:
        break
    app.processEvents()
    time.sleep(0.01)
assert window.quotes_dock.model is not None and window.quotes_dock.model.loaded
window.close()
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(script: str, *args: str) -> set[str]:
    return set(last_json_line(script, *args))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in modules]


def test_opening_a_project_imports_no_parser_exporter_alembic_or_spacy(coded_project: Project) -> None:
    coded_project.close()
    modules = _modules_after(SCRIPT.format(imports="from coding import Project"), str(coded_project.path))
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, LANGUAGE) == []
    assert _loaded(modules, SERVICES) == []


def test_the_window_module_imports_no_parser_exporter_alembic_or_dialog(coded_project: Project) -> None:
    coded_project.close()
    imports = "import app.shell.main_window, app.shell.application\nfrom coding import Project"
    modules = _modules_after(SCRIPT.format(imports=imports), str(coded_project.path))
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, LANGUAGE) == []
    assert _loaded(modules, DIALOGS) == []


def test_a_project_open_in_the_window_loads_none_of_them(coded_project: Project, tmp_path: Path) -> None:
    coded_project.close()
    modules = _modules_after(WINDOW_SCRIPT, str(coded_project.path), str(tmp_path / "settings"))
    assert (
        "app.shell.main_window" in modules and "app.quotes.quotes_dock" in modules
    )  # the script ran the window
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, LANGUAGE) == []
    assert _loaded(modules, DIALOGS) == []


FIRST_PAINT_SCRIPT = """
import json, sys, time
import main
main.load_window()
from app.shell.main_window import MainWindow
opened = MainWindow.open_project

def slowly(self, *args, **kwargs):  # opening takes sys.argv[3] seconds more (a loaded machine)
    result = opened(self, *args, **kwargs)
    time.sleep(float(sys.argv[3]))
    return result

MainWindow.open_project = slowly
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication.instance() or QApplication([sys.argv[0]])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (
            event.type() == QEvent.Type.Paint
            and "modules" not in seen
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            seen["modules"] = sorted(sys.modules)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
assert main.gui([sys.argv[1], "--smoke"]) == 0
print(json.dumps(seen["modules"]))
"""


@pytest.mark.parametrize("opening", [0.0, 1.5])
def test_the_window_s_first_paint_waits_for_none_of_the_later_services(
    coded_project: Project, tmp_path: Path, opening: float
) -> None:
    """As the user starts it (``main.gui``): nothing of the services the window asks for only after
    its first paint, nor parsers, exporters, language assistance or dialogs, is imported before it; also
    when opening the project takes longer than ``after_first_paint`` waits for a widget's paint (1.5 s: a
    loaded machine), which loaded the saved queries' analyses before the window showed."""
    coded_project.close()
    modules = _modules_after(
        FIRST_PAINT_SCRIPT, str(coded_project.path), str(tmp_path / "settings"), str(opening)
    )
    assert "app.shell.main_window" in modules and "coding.project" in modules  # the window was painted
    assert _loaded(modules, SERVICES) == []
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, LANGUAGE) == []
    assert _loaded(modules, DIALOGS) == []


def test_the_services_left_for_later_are_there_when_first_asked_for(coded_project: Project) -> None:
    from coding.analysis.analysis_service import AnalysisService
    from coding.guide.guide_service import GuideService
    from coding.importing.import_service import ImportService
    from coding.judgements.comparison import ComparisonService

    built = (coded_project.guide, coded_project.analysis, coded_project.importer, coded_project.comparison)
    assert [type(service) for service in built] == [
        GuideService,
        AnalysisService,
        ImportService,
        ComparisonService,
    ]
    again = (coded_project.guide, coded_project.analysis, coded_project.importer, coded_project.comparison)
    assert all(first is second for first, second in zip(built, again, strict=True))  # one each per project
    assert coded_project.analysis.saved_queries() == []
    assert coded_project.comparison.attributes()


def test_language_assistance_is_there_when_first_asked_for(coded_project: Project) -> None:
    assert "_assist" in vars(coded_project) and vars(coded_project)["_assist"] is None
    assistant = coded_project.assist
    assert assistant is coded_project.assist  # one per project
    assert [d.reason for d in assistant.stale()] == ["not indexed"]
    hits = assistant.search("vertrouwen", "lemma")
    assert [line.hit for line in hits.lines] == ["vertrouwen", "vertrouw"]


def test_the_exchange_names_load_on_first_use(coded_project: Project, tmp_path: Path) -> None:
    import coding.refi
    from coding.exporting import EXPORTERS

    assert {".csv", ".docx", ".xlsx", ".qdpx", ".qdc"} <= set(EXPORTERS)
    assert coding.refi.write_qdpx.__module__ == "coding.refi.project_writer"
    assert coding.refi.ExchangeReport.__name__ == "ExchangeReport"
    coding.refi.write_qdc(coded_project, tmp_path / "codes.qdc", by="region")
    assert coding.refi.read_qdc(tmp_path / "codes.qdc").walk()


ORDER_SCRIPT = """
import json, sys
import main
main.load_window()
print(json.dumps(list(sys.modules)))
"""


def test_the_window_imports_the_domain_before_pyside6() -> None:
    """PySide6's import hook reads the source of every module imported after PySide6 (≈ 0.1 s for
    SQLAlchemy, the models and the services): ``main.load_window`` (what ``main.gui`` and the start
    benchmark run first) imports them before it."""
    order = last_json_line(ORDER_SCRIPT)  # sys.modules keeps the order of importing
    assert "app.shell.main_window" in order
    pyside = order.index("PySide6")
    for domain in ("sqlalchemy", "sqlalchemy.orm", "models", "models.analysis", "coding.project"):
        assert order.index(domain) < pyside, f"{domain} is imported after PySide6"
    late = [name for name in order[pyside:] if name.split(".")[0] in ("sqlalchemy", "models")]
    assert late == []
