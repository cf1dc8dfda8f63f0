"""Co-occurrence and matrices through the services, checked against a count from the quote list."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path

import pytest

from coding import Project
from coding.analysis.reading import paragraph_units
from coding.analysis.units import UnitSpans, turn_units
from coding.core.errors import CodewerkError
from coding.core.records import Quote

CONCEPTS = ("Vertrouwen", "Urgentiebesef", "Coördinatie", "Stabiliteit")
SUBCODES = ("Vertrouwen/Betrouwbaarheid", "Coördinatie/De coördinerende partij")


def _code_randomly(project: Project, seed: int, count: int = 40) -> None:
    rng = random.Random(seed)
    documents = project.documents.list()
    items = []
    seen = set()
    for _ in range(count):
        document = rng.choice(documents)
        start = rng.randrange(document.length - 1)
        end = min(document.length, start + rng.randint(1, 40))
        code = rng.choice(CONCEPTS + SUBCODES)
        if (document.id, code, start, end) in seen:
            continue
        seen.add((document.id, code, start, end))
        items.append((document.id, project.codes.id_of(code), start, end))
    project.codings.code_many(items, skip_existing=True)


def _units(project: Project, unit: str, document_id: int) -> UnitSpans:
    text = project.documents.text(document_id)
    if unit == "document":
        return UnitSpans((0,), (len(text),))
    turns = [(t.start, t.end) for t in project.documents.turns(document_id)]
    return turn_units(turns, text) if turns else paragraph_units(text)


def _applies(quotes: list[Quote], project: Project, unit: str) -> dict[str, set[tuple[int, int]]]:
    """Per concept: the units any of its quotes (its own or its subcodes') share a character with."""
    out: dict[str, set[tuple[int, int]]] = {concept: set() for concept in CONCEPTS}
    units = {d.id: _units(project, unit, d.id) for d in project.documents.list()}
    for quote in quotes:
        spans = units[quote.document_id]
        for index in range(len(spans)):
            start, end = spans.span(index)
            if max(start, quote.start) < min(end, quote.end):
                out[quote.concept].add((quote.document_id, index))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("unit", ["turn", "document"])
def test_counts_match_a_count_from_the_quotes(interviews: Project, unit: str, seed: int) -> None:
    _code_randomly(interviews, seed)
    table = interviews.analysis.cooccurrence(unit=unit, codes=list(CONCEPTS))
    applies = _applies(interviews.quotes(), interviews, unit)
    codes = {c.name: c.id for c in table.codes}
    assert [c.name for c in table.codes] == list(CONCEPTS)
    for a in CONCEPTS:
        assert table.n(codes[a]) == len(applies[a])
    for a, b in combinations(CONCEPTS, 2):
        assert table.count(codes[a], codes[b]) == len(applies[a] & applies[b]), (a, b)
    assert {(r.code_a.name, r.code_b.name) for r in table.rows()} == set(combinations(CONCEPTS, 2))


def test_overlap_counts_runs_of_overlapping_passages_once(interviews: Project) -> None:
    p = interviews
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="vertrouwen elkaar")
    p.code("R5", "Vertrouwen/Betrouwbaarheid", text="Goed.")
    p.code("R5", "Coördinatie", text="Hoog, één op de vijf")
    p.code("R6", "Urgentiebesef", text="Te weinig.")
    table = p.analysis.cooccurrence(unit="overlap", codes=["Vertrouwen", "Coördinatie", "Urgentiebesef"])
    trust, urgency, coordination = (c.id for c in table.codes)  # codebook order
    assert table.n(trust) == 2 and table.n(coordination) == 2 and table.n(urgency) == 1
    assert table.count(trust, coordination) == 1 and table.count(trust, urgency) == 0
    assert table.c(trust, coordination) == pytest.approx(1 / 3)
    # each code by itself: Betrouwbaarheid's passage no longer counts for Vertrouwen
    only = p.analysis.cooccurrence(unit="turn", codes=["Vertrouwen", "Coördinatie"], include_subcodes=False)
    assert only.n(trust) == 1 and only.count(trust, coordination) == 1
    quotes = p.analysis.cooccurrence_quotes("Vertrouwen", "Coördinatie", unit="overlap")
    assert sorted(q.text for q in quotes) == ["We vertrouwen elkaar.", "vertrouwen elkaar"]
    at_turns = p.analysis.cooccurrence_quotes("Vertrouwen", "Coördinatie", unit="turn")
    assert sorted(q.text for q in at_turns) == ["Goed.", "We vertrouwen elkaar.", "vertrouwen elkaar"]


def test_groups_by_attribute_and_the_coder(interviews: Project) -> None:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="Goed.")
    p.code("R6", "Vertrouwen", text="Werk voor iedereen.")
    p.code("R6", "Coördinatie", text="Te weinig.", coder="ander")
    table = p.analysis.cooccurrence(unit="document", by="region", codes=["Vertrouwen", "Coördinatie"])
    assert table.groups == ("Zwolle", "(none)")
    trust, coordination = (c.id for c in table.codes)
    assert table.count(trust, coordination, "Zwolle") == 1 and table.count(trust, coordination, "(none)") == 1
    mine = p.analysis.cooccurrence(
        unit="document", by="region", codes=["Vertrouwen", "Coördinatie"], coder="tester"
    )
    assert mine.count(trust, coordination, "(none)") == 0 and mine.n(trust, "(none)") == 1
    quotes = p.analysis.cooccurrence_quotes(
        "Vertrouwen", "Coördinatie", unit="document", by="region", group="zwolle"
    )
    assert {q.document for q in quotes} == {"R5"}
    with pytest.raises(CodewerkError, match="no document has the attribute 'rol'"):
        p.analysis.cooccurrence(by="rol")


def test_sentence_units_need_the_index(interviews: Project) -> None:
    with pytest.raises(CodewerkError, match="R5, R6 are not indexed: run `codewerk index` first"):
        interviews.analysis.cooccurrence(unit="sentence")
    with pytest.raises(CodewerkError, match="unit must be one of"):
        interviews.analysis.cooccurrence(unit="paragraph")


def test_matrix_counts_passages_per_document_and_attribute(interviews: Project, tmp_path: Path) -> None:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.documents.set_attributes("R6", {"region": "Zwolle"})
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Vertrouwen/Betrouwbaarheid", text="We vertrouwen elkaar.")  # the same passage
    p.code("R6", "Vertrouwen/Betrouwbaarheid", text="Te weinig.")
    matrix = p.analysis.matrix(codes=["Vertrouwen/Betrouwbaarheid", "Vertrouwen"])
    trust, reliable = (c.id for c in matrix.codes[:2])
    assert matrix.columns == ("R5", "R6")
    assert (matrix.count(trust, "R5"), matrix.count(trust, "R6")) == (1, 1)
    assert matrix.value(reliable, "R6", "presence") == 1 and matrix.maximum("count") == 1
    by_region = p.analysis.matrix(columns="region", codes=["Vertrouwen"], include_subcodes=False)
    assert by_region.columns == ("Zwolle",) and by_region.count(trust, "Zwolle") == 1
    quotes = p.analysis.matrix_quotes("Vertrouwen", "R6")
    assert [q.text for q in quotes] == ["Te weinig."]


# -- code queries ------------------------------------------------------------------------------
def test_a_query_gives_the_quotes_of_its_codes_in_the_turns_it_holds_in(interviews: Project) -> None:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="Goed.")
    p.code("R5", "Vertrouwen/Betrouwbaarheid", text="Hoog, één op de vijf")
    p.code("R5", "Urgentiebesef", text="één op de vijf")
    p.code("R6", "Vertrouwen", text="Werk voor iedereen.")
    p.code("R6", "Stabiliteit", text="Werk voor iedereen.")
    result = p.analysis.query("Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef")
    assert [(u.document, p.documents.text(u.document_id)[u.start : u.end][:6]) for u in result.units] == [
        ("R5", "[00:00"),
        ("R6", "R: Wer"),
    ]
    assert [(q.document, q.text) for q in result.quotes] == [
        ("R5", "Goed."),
        ("R5", "We vertrouwen elkaar."),
        ("R6", "Werk voor iedereen."),
        ("R6", "Werk voor iedereen."),
    ]
    assert {q.code_path for q in result.quotes if q.document == "R6"} == {"Vertrouwen", "Stabiliteit"}
    # the trust of R5's second answer is a subcode's; without subcodes it no longer counts
    assert len(p.analysis.query("Vertrouwen AND Urgentiebesef").units) == 1
    assert p.analysis.query("Vertrouwen AND Urgentiebesef", include_subcodes=False).units == ()
    zwolle = p.analysis.query("Vertrouwen", where={"Region": "zwolle"})
    assert {q.document for q in zwolle.quotes} == {"R5"}
    near = p.analysis.query(
        "Coördinatie NEAR 2 Urgentiebesef", speaker="R5"
    )  # R5's answers are 2 turns apart
    assert len(near.units) == 2
    assert p.analysis.query("Urgentiebesef FOLLOWS Coördinatie").units != ()
    assert p.analysis.query("Coördinatie FOLLOWS Urgentiebesef").units == ()
    whole = p.analysis.query("Vertrouwen AND Urgentiebesef AND Coördinatie", unit="document")
    assert [u.document for u in whole.units] == ["R5"]


def test_query_mistakes_name_their_place(interviews: Project) -> None:
    with pytest.raises(CodewerkError, match=r"unknown code 'Vertrouwn'.* at position 1: ‸ Vertrouwn"):
        interviews.analysis.query("Vertrouwn AND Coördinatie")
    with pytest.raises(CodewerkError, match="no turn of speaker 'R9'"):
        interviews.analysis.query("Vertrouwen", speaker="R9")
    with pytest.raises(CodewerkError, match="no document matches region=Twente"):
        interviews.analysis.query("Vertrouwen", where={"region": "Twente"})


def test_saved_queries_run_again_replace_and_undo(interviews: Project) -> None:
    p = interviews
    p.documents.set_attributes("R5", {"region": "Zwolle"})
    p.code("R5", "Vertrouwen", text="We vertrouwen elkaar.")
    p.code("R5", "Coördinatie", text="Goed.")
    saved = p.analysis.save_query(
        "Trust and coordination", "Vertrouwen AND Coördinatie", where={"region": "Zwolle"}
    )
    assert saved.description == "Vertrouwen AND Coördinatie — in one turn, region=Zwolle"
    assert [q.text for q in p.analysis.run_saved("trust AND coordination").quotes] == [
        "Goed.",
        "We vertrouwen elkaar.",
    ]
    p.code("R5", "Coördinatie", text="Hoog, één op de vijf")
    p.code("R5", "Vertrouwen", text="Hoog")
    assert len(p.analysis.run_saved("Trust and coordination").quotes) == 4  # re-runs on what is coded now
    p.analysis.save_query("Trust and coordination", "Vertrouwen NOT Coördinatie", unit="document")
    [again] = p.analysis.saved_queries()
    assert (again.query, again.unit, dict(again.filters)) == ("Vertrouwen NOT Coördinatie", "document", {})
    p.undo()
    assert p.analysis.saved_query("trust and coordination").query == "Vertrouwen AND Coördinatie"
    p.analysis.delete_query("Trust and coordination")
    assert p.analysis.saved_queries() == []
    with pytest.raises(
        CodewerkError, match="no saved query 'Trust and coordination' \\(saved: none saved yet\\)"
    ):
        p.analysis.run_saved("Trust and coordination")
    p.undo()
    assert [q.name for q in p.analysis.saved_queries()] == ["Trust and coordination"]
    with pytest.raises(CodewerkError, match="position"):  # a query with a mistake is not saved
        p.analysis.save_query("broken", "Vertrouwen AND (")
    assert len(p.analysis.saved_queries()) == 1
