"""A .qdpx import detects speaker turns as every other import: the project's speaker rules apply."""

from __future__ import annotations

import json
from pathlib import Path

from coding import Project
from coding.refi.exchange import import_exchange
from tests.coding.refi.helpers import guid, write_qdpx

INTERVIEW = "I: Hoe gaat het?\nR1: Goed, dank u.\nToelichting: lacht\nR1: En verder gaat het ook.\n"
POLICY = "Artikel 1: Dit is beleid.\nR1: Geen spreker in een pdf.\n"


def _qde() -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Elders" origin="Other tool">
  <Sources>
    <TextSource guid="{guid(20)}" name="Interview elders" plainTextPath="internal://{guid(20)}.txt"/>
    <TextSource guid="{guid(21)}" name="Beleid" plainTextPath="internal://{guid(21)}.txt"/>
  </Sources>
</Project>"""


def test_qdpx_import_follows_the_projects_speaker_rules(tmp_path: Path) -> None:
    transcript = tmp_path / "eerste.txt"
    transcript.write_text("I: Wie bent u?\nR1: Ik ben Anna.\n", encoding="utf-8")
    extension = {"format": "codewerk-refi/1", "documents": {guid(21): {"source_format": "pdf"}}}
    path = write_qdpx(
        tmp_path / "elders.qdpx",
        _qde(),
        {
            f"sources/{guid(20)}.txt": INTERVIEW,
            f"sources/{guid(21)}.txt": POLICY,
            "codewerk/extension.json": json.dumps(extension),
        },
    )
    with Project.create(tmp_path / "regels.codewerk", codebook=None, coder="tester") as project:
        project.import_files([transcript])
        project.speakers.rename("R1", "Anna")
        project.speakers.set_not_speaker("Toelichting")

        report = import_exchange(project, path)

        assert report.added["documents"] == 2
        turns = [(t.speaker, t.start, t.end) for t in project.documents.turns("Interview elders")]
        first, second = INTERVIEW.index("R1: Goed"), INTERVIEW.index("R1: En")
        assert turns == [  # a turn ends before its line break
            ("I", 0, first - 1),
            ("Anna", first, second - 1),  # the "Toelichting:" line joins this turn
            ("Anna", second, len(INTERVIEW) - 1),
        ]
        assert project.documents.get("Beleid").source_format == "pdf"
        assert project.documents.turns("Beleid") == []  # a pdf has no turns
        assert {s.name: s.documents for s in project.speakers.list()} == {
            "I": ("eerste", "Interview elders"),
            "Anna": ("eerste", "Interview elders"),
        }
