"""The application bundle of `make app` (PyInstaller, one folder), as a student starts it.

Runs on the bundle named by CODEWERK_APP (`make app-check` sets it after building); `make test`
does not build the bundle (minutes), so without one these tests are skipped with that reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import TRANSCRIPT
from tests.packaging.conftest import ROOT

pytestmark = pytest.mark.slow

NAME = "codewerk.exe" if sys.platform == "win32" else "codewerk"
CLI = "codewerk-cli.exe" if sys.platform == "win32" else "codewerk-cli"


@pytest.fixture(scope="module")
def program() -> Path:
    folder = os.environ.get("CODEWERK_APP")
    if not folder:
        pytest.skip("no application bundle: `make app-check` builds one and runs these tests on it")
    path = (ROOT / folder / NAME).resolve()
    assert path.is_file(), f"CODEWERK_APP={folder}: no {NAME} in it (run `make app`)"
    return path


def run(program: Path, home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")},
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "CODEWERK_CODER": "student",
    }
    return subprocess.run(
        [str(program), *map(str, args)],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_bundle_starts_the_window(program: Path, tmp_path: Path) -> None:
    started = run(program, tmp_path, "--smoke")
    assert started.returncode == 0, started.stderr[-2000:]
    demo = run(program, tmp_path, "--demo", "--smoke")
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert (tmp_path / ".local" / "share" / "Codewerk" / "demo.codewerk").exists()


def test_the_bundle_imports_a_transcript_and_exports_xlsx(program: Path, tmp_path: Path) -> None:
    (tmp_path / "R5_uwv_zwolle.txt").write_text(TRANSCRIPT, encoding="utf-8")
    project = tmp_path / "studie.codewerk"
    for step in (
        ("new", project),
        ("import", project, tmp_path / "R5_uwv_zwolle.txt", "--attr", "region=Zwolle"),
        ("code", project, "R5_uwv_zwolle", "4a", "--text", "vertrouw ik  de andere partijen"),
        ("assess", project, "Zwolle", "Vertrouwen", "+/+"),
        ("export", project, tmp_path / "vergelijking.xlsx", "--by", "region"),
    ):
        # The console program for commands; the window program takes them too.
        result = run(program.with_name(CLI) if step[0] != "assess" else program, tmp_path, *step)
        assert result.returncode == 0, f"{step[0]}: {result.stderr[-2000:]}"
        assert "error" not in result.stderr, f"{step[0]}: {result.stderr[-2000:]}"
    book = openpyxl.load_workbook(tmp_path / "vergelijking.xlsx", read_only=True)
    cells = {str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row}
    assert "Zwolle" in cells and "vertrouw ik de andere partijen" in " ".join(cells)
    # The project the bundle wrote opens in its window too (a double-click on the file).
    opened = run(program, tmp_path, project, "--smoke")
    assert opened.returncode == 0, opened.stderr[-2000:]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")
def test_install_script_installs_the_bundle(program: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    env.update(
        XDG_CONFIG_HOME=str(home / "config"), PREFIX_BIN=str(home / "bin"), PREFIX_LIB=str(home / "lib")
    )
    result = subprocess.run(
        ["bash", str(ROOT / "installers" / "linux" / "install.sh"), str(program.parent)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    started = run(home / "bin" / "codewerk", tmp_path, "--smoke")
    assert started.returncode == 0, started.stderr[-2000:]
