"""A rich project for exchange tests: two regions, emoji and accents, every kind of analysis data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coding import Project
from tests.conftest import TRANSCRIPT

OTHER = (
    "[00:00:03] I: Wat vindt u van de coördinatie?\n"
    "[00:00:09] R9: De secretaris doet het goed 🚀, maar de gemeente neemt te veel ruimte.\n"
    "[00:00:30] R9: Café-gesprekken helpen: naïef is het niet.\n"
)


@pytest.fixture
def rich_project(tmp_path: Path) -> Iterator[Project]:
    """Two documents (one respondent with two interviews), codings with memos, reviews, judgements,
    memos on the project, a document and a code, a code set and an inductive code."""
    (tmp_path / "src").mkdir()
    first = tmp_path / "src" / "R5_uwv_zwolle.txt"
    first.write_text(TRANSCRIPT, encoding="utf-8")
    second = tmp_path / "src" / "R9_gemeente_eindhoven.txt"
    second.write_text(OTHER, encoding="utf-8")
    third = tmp_path / "src" / "R9_vervolg.txt"
    third.write_text("[00:00:01] R9: Nog één ding: 👍🏽 het vertrouwen groeit.\n", encoding="utf-8")
    project = Project.create(tmp_path / "rich.codewerk", codebook="rwb", coder="student")
    project.import_files([first], attributes={"respondent": "R5", "region": "Zwolle", "role": "UWV"})
    project.import_files(
        [second], attributes={"respondent": "R9", "region": "Zuidoost-Brabant", "role": "Gemeente"}
    )
    project.import_files(
        [third], attributes={"respondent": "R9", "region": "Zuidoost-Brabant", "date": "2017-06-01"}
    )
    trust = project.code(
        "R5_uwv_zwolle", "4a", text="vertrouw ik de andere partijen volledig", memo="kern\nregel 2"
    )
    project.code("R5_uwv_zwolle", "Vertrouwen", text="vertrouw ik de andere partijen volledig")
    project.code("R5_uwv_zwolle", "Urgentiebesef", text="De urgentie is hoog", coder="supervisor")
    emoji = project.code("R9_gemeente_eindhoven", "Coördinatie", text="De secretaris doet het goed 🚀")
    project.code("R9_vervolg", "Vertrouwen", text="👍🏽 het vertrouwen groeit")
    inductive = project.codes.create(
        "Café & <cultuur>", parent="Vertrouwen", colour="#aa3311", description="eigen code"
    )
    project.code("R9_gemeente_eindhoven", inductive.id, text="Café-gesprekken helpen")
    project.reviews.mark(trust.id, "agreed", "mooi citaat", reviewer="supervisor")
    project.reviews.mark(emoji.id, "disagree", "", reviewer="supervisor")
    project.reviews.mark(emoji.id, "question", "waarom coördinatie?", reviewer="student")
    project.judgements.assess(
        "Zwolle", "Vertrouwen", "+", note="partners komen afspraken na", evidence=[trust.passage_id]
    )
    project.judgements.assess("Zuidoost-Brabant", "Coördinatie", "+/-", note="")
    project.memos.write("Eerste indruk van het project.", title="Projectmemo")
    project.memos.write("R5 was open & eerlijk 😊", document="R5_uwv_zwolle")
    project.memos.write("Let op: <b>niet</b> verwarren.", title="Definitie", code="Vertrouwen")
    project.code_sets.create(
        "Relationeel", ["Vertrouwen", "Overwinnen van cultuurverschillen"], description="relationele factoren"
    )
    project.history.clear()
    yield project
    project.close()
