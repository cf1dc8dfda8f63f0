"""The release workflow (Windows and macOS; it cannot run here) builds the way `make app` does."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_release_builds_windows_and_macos_with_the_same_spec() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["app"]
    assert {entry["os"] for entry in job["strategy"]["matrix"]["include"]} == {
        "windows-latest",
        "macos-latest",
    }
    commands = " ".join(step.get("run", "") for step in job["steps"])
    assert "installers/codewerk.spec" in commands and "--smoke" in commands
    assert "installers/codewerk.spec" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert (ROOT / "installers" / "codewerk.spec").is_file()
