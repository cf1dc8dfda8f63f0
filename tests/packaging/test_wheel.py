"""A wheel that works anywhere: built from the checkout, installed into a fresh environment, run from
a folder outside the checkout. Everything the program reads (codebooks, migrations, demo, schemas,
icons, translations) comes from the installed packages through importlib.resources."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import TRANSCRIPT
from tests.packaging.conftest import ROOT, Installed, package_files

pytestmark = pytest.mark.slow


def test_the_wheel_holds_every_file_of_the_packages(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in package_files() if name not in names]
    assert not missing, f"left out of the wheel (pyproject's package-data?): {missing}"
    assert {"codebooks/rwb.yaml", "resources/icons/codewerk.svg", "resources/demo/metadata.csv"} <= names
    assert any(name.startswith("models/migrations/versions/") for name in names)


def test_it_runs_from_the_installed_packages_not_the_checkout(installed: Installed) -> None:
    script = (
        "import json, app, coding, models, resources, codebooks, main;"
        "print(json.dumps([m.__file__ for m in (app, coding, models, resources, codebooks, main)]))"
    )
    result = installed.run("python", "-c", script)
    assert result.returncode == 0, result.stderr
    for module_file in json.loads(result.stdout):
        assert Path(module_file).is_relative_to(installed.site_packages), module_file
        assert not Path(module_file).is_relative_to(ROOT), module_file


def test_window_starts_and_the_demo_imports(installed: Installed) -> None:
    started = installed.run("codewerk", "gui", "--smoke")
    assert started.returncode == 0, started.stderr[-2000:]
    demo = installed.run("codewerk", "gui", "--demo", "--smoke")
    assert demo.returncode == 0, demo.stderr[-2000:]
    project = installed.home / ".local" / "share" / "Codewerk" / "demo.codewerk"
    assert project.exists()

    documents = installed.run("codewerk", "documents", project, "--format", "json")
    assert documents.returncode == 0, documents.stderr
    assert len(json.loads(documents.stdout)) == 6

    out = installed.work / "vergelijking.xlsx"
    exported = installed.run("codewerk", "export", project, out, "--by", "region")
    assert exported.returncode == 0, exported.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    cells = {
        str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
    }
    assert "Zwolle" in cells and "Vertrouwen" in cells

    exchange = installed.run("codewerk", "export", project, installed.work / "demo.qdpx")
    assert exchange.returncode == 0, exchange.stderr  # validated against the packaged QDA-XML schema


def test_a_student_imports_codes_and_exports(installed: Installed) -> None:
    work = installed.work / "studie"
    work.mkdir()
    (work / "R5_uwv_zwolle.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (work / "meta.csv").write_text("file;respondent;region\nR5_uwv_zwolle.txt;R5;Zwolle\n", encoding="utf-8")
    project = work / "studie.codewerk"
    steps = [
        ("new", project),
        ("import", project, work / "R5_uwv_zwolle.txt", "--meta", work / "meta.csv"),
        ("code", project, "R5_uwv_zwolle", "4a", "--text", "vertrouw ik  de andere partijen"),
        ("assess", project, "Zwolle", "Vertrouwen", "+/+"),
        ("export", project, work / "studie.docx"),
    ]
    for step in steps:
        result = installed.run("codewerk", *step)
        assert result.returncode == 0, f"codewerk {step[0]}: {result.stderr}"
    quotes = installed.run("codewerk", "quotes", project, "--code", "Vertrouwen", "--format", "json")
    assert [quote["text"] for quote in json.loads(quotes.stdout)] == ["vertrouw ik de andere partijen"]
    assert (work / "studie.docx").stat().st_size > 0
