"""The wheel, built once per test run from a copy of the checkout, and a fresh environment with it.

Building takes a few seconds (pip builds in isolation, with setuptools from the package index); the
fresh environment gets the wheel itself and borrows the third-party packages of the environment
running the tests through a ``.pth`` line (installing PySide6 and spaCy again would take minutes).
The checkout is never on its path: the source folder exists only as the build's temporary copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: What the wheel holds (pyproject's packages.find and py-modules).
PACKAGES = ("app", "coding", "models", "codebooks", "resources")
MODULES = ("main.py",)
PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check")


def checkout_files() -> list[str]:
    """The checkout's files as git sees them (tracked, and new files not ignored), relative paths."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted(name for name in listed.split("\0") if name and (ROOT / name).is_file())


def package_files() -> list[str]:
    return [
        name
        for name in checkout_files()
        if name in MODULES or (name.split("/", 1)[0] in PACKAGES and "/" in name)
    ]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("the wheel is built from the files git lists; no git checkout here")
    source = tmp_path_factory.mktemp("source")
    for name in checkout_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [*PIP, "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (built,) = out.glob("codewerk-*.whl")
    return built


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the wheel installed, and a folder to work in outside the checkout."""

    python: Path
    bin: Path
    site_packages: Path
    home: Path
    work: Path

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH")
        }
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            QT_QPA_PLATFORM="offscreen",
            PATH=f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}",
            CODEWERK_CODER="student",
        )
        return env

    def run(self, *argv: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        command = [str(part) for part in argv]
        if command[0] in ("codewerk", "python"):
            command[0] = str(self.bin / command[0])
        return subprocess.run(
            command,
            cwd=self.work,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    root = tmp_path_factory.mktemp("fresh")
    venv.create(root / "env", with_pip=False, symlinks=os.name != "nt")
    bindir = root / "env" / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    result = subprocess.run(
        [*PIP, "--python", str(python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    site_packages = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    borrowed = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site_packages / "zz_borrowed_dependencies.pth").write_text("\n".join(borrowed) + "\n", encoding="utf-8")
    for folder in ("home", "work"):
        (root / folder).mkdir()
    return Installed(python, bindir, site_packages, root / "home", root / "work")
