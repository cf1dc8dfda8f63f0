"""Opening a project and starting the window load only what they use.

Parsers (python-docx, pypdf, defusedxml), exporters (openpyxl with numpy, lxml), PyYAML and alembic
are imported when a file is parsed, exported, a codebook read or a schema upgraded, not at start-up.
Checked in a fresh interpreter, since this test session has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from coding import Project

HEAVY = ("alembic", "openpyxl", "numpy", "docx", "pypdf", "lxml", "defusedxml", "yaml")

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


def _modules_after(imports: str, path: Path) -> set[str]:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(imports=imports), str(path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def _heavy(modules: set[str]) -> list[str]:
    return [name for name in HEAVY if name in modules]


def test_opening_a_project_imports_no_parser_exporter_or_alembic(coded_project: Project) -> None:
    coded_project.close()
    assert _heavy(_modules_after("from coding import Project", coded_project.path)) == []


def test_the_window_module_imports_no_parser_exporter_or_alembic(coded_project: Project) -> None:
    coded_project.close()
    imports = "import app.main_window, app.application\nfrom coding import Project"
    assert _heavy(_modules_after(imports, coded_project.path)) == []


def test_the_exchange_names_load_on_first_use(coded_project: Project, tmp_path: Path) -> None:
    import coding.refi
    from coding.exporting import EXPORTERS

    assert {".csv", ".docx", ".xlsx", ".qdpx", ".qdc"} <= set(EXPORTERS)
    assert coding.refi.write_qdpx.__module__ == "coding.refi.project_writer"
    assert coding.refi.ExchangeReport.__name__ == "ExchangeReport"
    coding.refi.write_qdc(coded_project, tmp_path / "codes.qdc", by="region")
    assert coding.refi.read_qdc(tmp_path / "codes.qdc").walk()
