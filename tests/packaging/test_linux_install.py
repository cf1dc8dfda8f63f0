"""The Linux desktop integration: menu entry, icons, and the *.codewerk file type opened with Codewerk.

installers/linux/install.sh is run on a stand-in bundle (a script that records how it was started) into
a temporary home; tests/packaging/test_app_bundle.py runs it on the real bundle of `make app`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installers" / "linux"
INSTALL = LINUX / "install.sh"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop integration")


def install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PREFIX_BIN": str(home / "bin"),
        "PREFIX_LIB": str(home / "lib"),
    }
    return subprocess.run(
        ["bash", str(INSTALL), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "codewerk"
    folder.mkdir(parents=True)
    program = folder / "codewerk"
    program.write_text('#!/bin/sh\necho "started with: $*"\n', encoding="utf-8")
    program.chmod(0o755)
    return folder


def test_the_desktop_file_is_valid() -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate not installed (apt package desktop-file-utils, see .ci/run)")
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / "codewerk.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_install_puts_menu_entry_icons_and_file_type_in_place(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    result = install(home, str(bundle))
    assert result.returncode == 0, result.stderr
    share = home / "share"

    desktop = (share / "applications" / "codewerk.desktop").read_text(encoding="utf-8")
    program = home / "lib" / "codewerk" / "codewerk"
    assert f"Exec={program} %f" in desktop
    assert "MimeType=application/x-codewerk;" in desktop
    started = subprocess.run(
        [str(home / "bin" / "codewerk"), "studie.codewerk"], capture_output=True, text=True, check=False
    )
    assert started.stdout.strip() == "started with: studie.codewerk"

    for size in (16, 32, 48, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "codewerk.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "codewerk.svg").is_file()
    assert (share / "mime" / "packages" / "codewerk.xml").is_file()

    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database not installed (apt package shared-mime-info, see .ci/run)")
    # The shared MIME database compiled from our file: *.codewerk is application/x-codewerk.
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-codewerk:*.codewerk" in globs
    if shutil.which("xdg-mime") is not None:
        default = (home / "config" / "mimeapps.list").read_text(encoding="utf-8")
        assert "application/x-codewerk=codewerk.desktop" in default


def test_install_without_a_bundle_says_so_and_uninstall_removes_it(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home"
    missing = install(home, str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "run `make app` first" in missing.stderr
    assert install(home, str(bundle)).returncode == 0
    removed = install(home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not (home / "lib" / "codewerk").exists()
    assert not (home / "bin" / "codewerk").exists()
    assert not (home / "share" / "applications" / "codewerk.desktop").exists()
    assert "application/x-codewerk" not in (home / "share" / "mime" / "globs2").read_text(encoding="utf-8")
