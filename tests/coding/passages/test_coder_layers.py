"""Coder layers: two coders code the same passage with the same code; one coder cannot repeat it."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import InvalidInputError
from tests.coding.dump import dump

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends

DOC = "R5_uwv_zwolle"
TRUST = "vertrouw ik de andere partijen volledig"


def test_a_second_coder_codes_the_same_passage_with_the_same_code(coded_project: Project) -> None:
    project = coded_project
    [mine] = project.quotes(code="4a", include_subcodes=False)
    theirs = project.codings.code(DOC, "4a", mine.start, mine.end, coder="Bram")
    assert theirs.passage_id == mine.passage_id and theirs.id != mine.coding_id
    quotes = project.quotes(code="4a", include_subcodes=False)
    assert sorted(q.coder or "" for q in quotes) == ["Bram", "tester"]
    assert [q.coder for q in project.quotes(code="4a", include_subcodes=False, coder="Bram")] == ["Bram"]
    [passage] = [p for p in project.codings.passages(DOC) if p.id == mine.passage_id]
    assert sorted(a.coder or "" for a in passage.codings) == ["Bram", "tester"]
    # Undo takes only Bram's coding away; the passage stays with the first coder's.
    project.undo()
    assert [q.coder for q in project.quotes(code="4a", include_subcodes=False)] == ["tester"]


def test_an_exact_repeat_by_the_same_coder_is_refused_and_changes_nothing(coded_project: Project) -> None:
    project = coded_project
    [mine] = project.quotes(code="4a", include_subcodes=False)
    before = dump(project.path)
    with pytest.raises(InvalidInputError, match=r"already coded with 'Positieve verwachtingen.*' by tester"):
        project.codings.code(DOC, "4a", mine.start, mine.end)
    with pytest.raises(InvalidInputError, match="by tester"):
        project.codings.code_many([(DOC, "4a", mine.start, mine.end)])
    assert dump(project.path) == before


def test_code_many_checks_duplicates_per_coder(coded_project: Project) -> None:
    project = coded_project
    [mine] = project.quotes(code="4a", include_subcodes=False)
    item = (DOC, "4a", mine.start, mine.end)
    assert len(project.codings.code_many([item], coder="Bram")) == 1
    assert project.codings.code_many([item], coder="Bram", skip_existing=True) == []
    assert len(project.quotes(code="4a", include_subcodes=False)) == 2


def test_merging_codes_keeps_each_coders_layer(coded_project: Project) -> None:
    project = coded_project
    [mine] = project.quotes(code="4a", include_subcodes=False)
    project.codings.code(DOC, "4b", mine.start, mine.end, coder="Bram")
    project.codings.code(DOC, "4b", mine.start, mine.end)
    source, target = project.codes.id_of("4b"), project.codes.id_of("4a")
    project.codes.merge(source, target)
    quotes = project.quotes(code="4a", include_subcodes=False)
    # tester's two codings of the passage became one; Bram's stays his.
    assert sorted(q.coder or "" for q in quotes) == ["Bram", "tester"]


def test_layers_filter_passages_and_quotes_the_same_way(coded_project: Project) -> None:
    from coding.core.coder_layers import passages_in_layer
    from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter

    project = coded_project
    [mine] = project.quotes(code="4a", include_subcodes=False)
    project.codings.code(DOC, "4a", mine.start, mine.end, coder="Bram")
    project.codings.code(DOC, "4a", mine.start, mine.end, coder="consensus")
    passages = project.codings.passages(DOC)
    layers = {
        layer: sorted(a.coder or "" for p in passages_in_layer(passages, layer, "tester") for a in p.codings)
        for layer in ("all", "mine", "others", "consensus")
    }
    assert layers == {
        "all": ["Bram", "consensus", "tester", "tester"],
        "mine": ["tester", "tester"],
        "others": ["Bram"],
        "consensus": ["consensus"],
    }
    quotes = FilterableQuotes(project.quotes())
    for layer, coders in layers.items():
        shown = quotes.matching(QuoteFilter(layer=layer, me="tester"))
        assert sorted(quotes.quotes[i].coder or "" for i in shown) == coders
