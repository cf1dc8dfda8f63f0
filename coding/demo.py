"""The demo project: six short synthetic Dutch interviews in three regions, partly coded."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from coding.core.errors import CodewerkError
from coding.core.i18n import text
from coding.core.text import natural_key
from coding.project import Project

DEMO_FOLDER = "demo"


def _demo_files() -> resources.abc.Traversable:
    return resources.files("resources").joinpath(DEMO_FOLDER)


def build_demo_project(path: Path | str, *, coder: str = "demo") -> Project:
    """Create the demo project at ``path`` (which must not exist) and return it open."""
    import yaml  # only when the demo is built, not at the window's start

    folder = _demo_files()
    plan: dict[str, Any] = yaml.safe_load(folder.joinpath("codings.yaml").read_text(encoding="utf-8"))
    project = Project.create(path, codebook="rwb", coder=coder)
    try:
        with tempfile.TemporaryDirectory(prefix="codewerk-demo-") as tmp:
            copies = []
            # R1, R4 … R19 (not R12, R15, R19, R1 …): the documents and speakers listed as a researcher counts
            for entry in sorted(folder.iterdir(), key=lambda e: natural_key(e.name)):
                if entry.name.endswith((".txt", ".csv")):
                    target = Path(tmp) / entry.name
                    target.write_bytes(entry.read_bytes())
                    if entry.name.endswith(".txt"):
                        copies.append(target)
            report = project.import_files(copies, meta=Path(tmp) / "metadata.csv")
            if not report.ok:
                raise CodewerkError(
                    text("the demo transcripts did not import: {lines}", lines="; ".join(report.lines()))
                )
        for item in plan.get("codings", []):
            project.code(item["document"], str(item["code"]), text=item["text"], memo=item.get("memo", ""))
        for item in plan.get("judgements", []):
            project.assess(item["region"], item["code"], str(item["score"]), note=item.get("note", ""))
        # the six heart concepts on the number keys 1-6 of the transcript view
        project.favourites.set([str(code) for code in plan.get("favourites", [])])
        project.history.clear()
    except BaseException:
        project.close()
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return project
