"""Agreement of two coders in a project, at each unit level, with the rules the report states."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError

DOC = "R5_uwv_zwolle"
TRUST = "vertrouw ik de andere partijen volledig"
WEEKLY = "We spreken elkaar elke week."
URGENT = "De urgentie is hoog"


@pytest.fixture
def two_coders(coded_project: Project) -> Project:
    """tester coded TRUST with 4a and URGENT with Urgentiebesef; Bram codes TRUST 4a, WEEKLY 4a, and
    a shorter stretch of URGENT with Urgentiebesef."""
    project = coded_project
    for text, code in ((TRUST, "4a"), (WEEKLY, "4a"), ("urgentie is hoog", "Urgentiebesef")):
        start, end = project.documents.find_passage(DOC, text)
        project.codings.code(DOC, code, start, end, coder="Bram")
    return project


def test_segment_level_matches_overlapping_passages(two_coders: Project) -> None:
    report = two_coders.agreement.report("tester", "Bram", unit="segment", overlap=0.5)
    rows = {r.code.split("/")[0]: r for r in report.rows}
    trust, urgency, overall = rows["Vertrouwen"], rows["Urgentiebesef"], rows["*"]
    assert (trust.units, trust.both, trust.only_a, trust.only_b) == (2, 1, 0, 1)
    assert trust.agreement.value == 0.5
    # "urgentie is hoog" covers 16 of the 19 characters of "De urgentie is hoog": a match.
    assert (urgency.units, urgency.both) == (1, 1)
    assert urgency.kappa.value is None and "no variation" in urgency.kappa.reason
    assert (overall.units, overall.both) == (3, 2)
    assert [(d.text, d.codes_a, d.codes_b) for d in report.disagreements] == [(WEEKLY, (), (trust.code,))]
    assert "at least 50% of the shorter passage" in report.method
    # A passage inside the other overlaps all of the shorter one: a match at any threshold.
    strict = two_coders.agreement.report("tester", "Bram", unit="segment", overlap=1.0)
    assert {r.code.split("/")[0]: r.both for r in strict.rows}["Urgentiebesef"] == 1


def test_document_level(two_coders: Project) -> None:
    report = two_coders.agreement.report("tester", "Bram", unit="document")
    assert report.documents == (DOC,)
    assert all(r.agreement.value == 1.0 and r.units == 1 for r in report.rows[:-1])
    assert report.overall.units == 2 and report.disagreements == ()
    assert report.overall.kappa.value is None  # present for both everywhere: no variation


def test_sentence_level_without_an_index_splits_at_punctuation(two_coders: Project) -> None:
    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    text = two_coders.documents.text(DOC)
    trust = next(r for r in report.rows if r.code.startswith("Vertrouwen"))
    # TRUST lies in "Eerlijk gezegd vertrouw ik de andere partijen volledig." (covered ≥ 50% by both),
    # WEEKLY is its own sentence, coded by Bram only.
    assert (trust.both, trust.only_a, trust.only_b) == (1, 0, 1)
    assert trust.units == trust.both + trust.only_a + trust.only_b + trust.neither
    assert trust.neither > 3
    assert any(text[d.start : d.end] == WEEKLY for d in report.disagreements)
    assert "split at sentence-ending punctuation" in report.method
    assert trust.kappa.value is not None and trust.alpha.value is not None


def test_turn_and_character_levels(two_coders: Project) -> None:
    turns = two_coders.agreement.report("tester", "Bram", unit="turn")
    assert turns.overall.units == 2 * len(two_coders.documents.turns(DOC))
    characters = two_coders.agreement.report("tester", "Bram", unit="character")
    trust = next(r for r in characters.rows if r.code.startswith("Vertrouwen"))
    assert trust.both == len(TRUST) and trust.only_b == len(WEEKLY) and trust.only_a == 0
    assert trust.units == len(two_coders.documents.text(DOC))
    assert [d.text for d in characters.disagreements] == [WEEKLY, "De "]


def test_bad_requests_name_the_problem(two_coders: Project) -> None:
    with pytest.raises(NotFoundError, match=r"no coder named 'Carla'.*coders: Bram, tester"):
        two_coders.agreement.report("tester", "Carla")
    with pytest.raises(InvalidInputError, match="unit 'paragraph'"):
        two_coders.agreement.report("tester", "Bram", unit="paragraph")
    with pytest.raises(InvalidInputError, match="overlap"):
        two_coders.agreement.report("tester", "Bram", overlap=0)
    with pytest.raises(InvalidInputError, match="two different coders"):
        two_coders.agreement.report("Bram", "Bram")


def test_codes_and_documents_can_be_chosen(two_coders: Project) -> None:
    report = two_coders.agreement.report("tester", "Bram", codes=["Urgentiebesef"], documents=[DOC])
    assert [r.code for r in report.rows] == ["Urgentiebesef", "*"]
    assert "1 document(s) chosen and 1 code(s)" in report.method


def test_resolving_disagreements_builds_the_consensus_layer(two_coders: Project) -> None:
    project = two_coders
    report = project.agreement.report("tester", "Bram", unit="segment")
    [weekly] = report.disagreements
    assert weekly.codes_a == () and len(weekly.codes_b) == 1
    project.agreement.resolve(weekly, "b")
    assert project.agreement.consensus(DOC, weekly.start, weekly.end) == weekly.code_ids_b
    [quote] = project.quotes(coder="consensus")
    assert quote.text == WEEKLY
    project.agreement.resolve(weekly, "neither")  # changing one's mind replaces the resolution
    assert project.agreement.consensus(DOC, weekly.start, weekly.end) == ()
    project.undo()
    assert project.agreement.consensus(DOC, weekly.start, weekly.end) == weekly.code_ids_b
    # The coders' own layers are untouched; the consensus layer can be compared like a coder.
    assert len(project.quotes(coder="Bram")) == 3
    against = project.agreement.report("Bram", "consensus", unit="segment", documents=[DOC])
    assert against.overall.both == 1
    with pytest.raises(InvalidInputError, match="'maybe' is not one of a, b, both, neither"):
        project.agreement.resolve(weekly, "maybe")


def test_report_and_disagreements_export_to_excel(two_coders: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from coding.exporting.agreement_xlsx import write_agreement_xlsx

    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    path = write_agreement_xlsx(report, tmp_path / "agreement.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Agreement", "Disagreements"]
    rows = list(book["Agreement"].values)
    assert rows[0][:4] == ("Code", "Units", "Agreement", "Cohen κ")
    assert [r[0] for r in rows[1 : len(report.rows) + 1]] == [r.code for r in report.rows]
    assert rows[-1][0] == "Method" and "sentence" in rows[-1][1]
    assert len(list(book["Disagreements"].values)) == len(report.disagreements) + 1
    with pytest.raises(InvalidInputError, match=r"agreement\.xlsx: already exists"):
        write_agreement_xlsx(report, path)


def test_sentence_level_uses_the_text_index_when_there_is_one(two_coders: Project) -> None:
    two_coders.assist.index()
    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    assert "split into sentences by the text index" in report.method
    assert "punctuation" not in report.method
    trust = next(r for r in report.rows if r.code.startswith("Vertrouwen"))
    assert (trust.both, trust.only_b) == (1, 1)


def test_overlap_counts_what_two_coders_coded_in_the_same_documents(two_coders: Project) -> None:
    project = two_coders
    mine = sum(1 for q in project.quotes() if q.document == DOC and q.coder == "tester")
    assert project.agreement.overlap() == {("Bram", "tester"): min(3, mine)}
    start, end = project.documents.find_passage(DOC, TRUST)
    project.codings.code(DOC, "Urgentiebesef", start, end, coder="Eva")  # one coding: overlaps by one
    assert project.agreement.overlap() == {
        ("Bram", "Eva"): 1,
        ("Bram", "tester"): min(3, mine),
        ("Eva", "tester"): 1,
    }
