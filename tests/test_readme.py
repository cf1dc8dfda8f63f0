"""The README's walk-through works as written: the shell quick start and the Python example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after_heading: str, language: str) -> str:
    section = README.split(after_heading, 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert match, f"no {language} block after {after_heading!r}"
    return match.group(1)


def test_python_example_runs(tmp_path: Path) -> None:
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    code = _block("## Scripting", "python")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert "R8 Vertrouwen/Betrouwbaarheid" in result.stdout
    assert (tmp_path / "vergelijking.csv").exists()


def test_command_line_quick_start_runs(tmp_path: Path) -> None:
    bindir = Path(sys.executable).parent
    if not (bindir / "codewerk").exists():
        pytest.skip("codewerk console script not installed in this environment (run `make test`)")
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    lines = [
        line.split("  #", 1)[0].strip()
        for line in _block("## From clone to a coded quote", "sh").splitlines()
        if line.startswith("codewerk ")
    ]
    assert len(lines) >= 6
    script = "set -e\n" + "\n".join(lines)
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Dat vertrouwen is er gewoon" in result.stdout
    assert "1 quote(s)" in result.stdout


def test_install_lines_name_what_exists() -> None:
    """The README's first lines tell a student how to install: the targets, files and wheel it names exist."""
    opening = README.split("\n## ", 1)[0]
    assert "Install it:" in opening
    installing = opening + README.split("## Installing", 1)[1].split("\n## ", 1)[0]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make ([\w-]+)", README)):
        assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"README names `make {target}`"
    for path in ("installers/linux/install.sh", ".github/workflows/release.yml", "benchmarks/RESULTS.md"):
        assert path in installing and (ROOT / path).exists(), path
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert version and f"codewerk-{version.group(1)}-py3-none-any.whl" in installing
