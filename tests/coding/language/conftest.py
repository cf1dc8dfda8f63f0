"""Small Dutch transcripts with inflected verbs, names and places, in two regions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coding import Project

ZWOLLE = (
    "Interview R5 – UWV, regio Zwolle\n"
    "\n"
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Ik vertrouwde de gemeenten eerst niet. Nu vertrouwt iedereen elkaar, "
    "en we hebben Jan de Vries altijd vertrouwd.\n"
    "[00:00:40] I: Komen de partners hun afspraken na?\n"
    "[00:00:45] R5: Ja, de werkgevers komen hun afspraken na. In Kampen vertrouwden ze ons meteen. 👍\n"
)
ARNHEM = (
    "[00:00:03] Interviewer: Wordt informatie open gedeeld tussen de partijen?\n"
    "[00:00:09] R9: De cijfers gaan gewoon op tafel. Wethouder Pietersen deelt alles met Stichting Werkkracht.\n"
    "[00:00:30] Interviewer: Vertrouwt u de anderen?\n"
    "[00:00:35] R9: Het vertrouwen groeit langzaam. Marieke Jansen van de gemeente Arnhem belt mij elke week.\n"
)


@pytest.fixture
def two_regions(project: Project, tmp_path: Path) -> Project:
    zwolle = tmp_path / "R5_uwv_zwolle.txt"
    zwolle.write_text(ZWOLLE, encoding="utf-8")
    arnhem = tmp_path / "R9_wethouder_arnhem.txt"
    arnhem.write_text(ARNHEM, encoding="utf-8")
    project.import_files([zwolle], attributes={"respondent": "R5", "region": "Zwolle", "role": "UWV"})
    project.import_files(
        [arnhem], attributes={"respondent": "R9", "region": "Midden-Gelderland", "role": "wethouder"}
    )
    return project


@pytest.fixture
def indexed(two_regions: Project) -> Project:
    two_regions.assist.index()
    return two_regions


@pytest.fixture
def import_ede(indexed: Project, tmp_path: Path) -> Callable[[str, str], None]:
    """Imports a third transcript, R12 in Ede: one interviewer question and R12's answer."""

    def add(question: str, answer: str) -> None:
        third = tmp_path / "R12_uwv_ede.txt"
        third.write_text(f"[00:00:02] I: {question}\n[00:00:05] R12: {answer}\n", encoding="utf-8")
        indexed.import_files([third])

    return add
