"""The judgement grid and the frequency table: counts per code and group, judgements in the cells."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError
from coding.judgements.comparison import NO_GROUP, heat_colour, score_colour
from tests.regions import HOSTILE, LONG_A, LONG_B, build_regions

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends

FIVE = ("-/-", "-", "+/-", "+", "+/+")


@pytest.fixture
def regions(project: Project):  # type: ignore[no-untyped-def]
    return build_regions(project)


def test_columns_are_the_group_values_in_natural_order_with_none_last(regions) -> None:  # type: ignore[no-untyped-def]
    grid = regions.project.comparison.grid("Region")
    assert grid.attribute == "region"
    assert grid.values == (LONG_A, LONG_B, HOSTILE, "Zwolle", NO_GROUP)


def test_rows_follow_the_codebook_with_depth(regions) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    grid = project.comparison.grid()
    assert [row.code.id for row in grid.rows] == [c.id for c in project.codes.tree()]
    trust_row = grid.row(regions.trust)
    assert trust_row.depth == 0
    indicator = grid.row(project.codes.id_of("4a"))
    assert indicator.depth == 2


def test_a_concept_counts_its_subcodes_passages_once_each(regions) -> None:  # type: ignore[no-untyped-def]
    grid = regions.project.comparison.grid()
    trust = grid.row(regions.trust)
    # Zwolle: R10's passage carries Vertrouwen and 4a (one passage), R2 has two passages.
    assert [(c.quotes, c.documents) for c in trust.cells] == [(1, 1), (1, 1), (2, 1), (3, 2), (0, 0)]
    assert (trust.quotes, trust.documents) == (7, 5)
    urgency = grid.row(regions.urgency)
    assert [c.quotes for c in urgency.cells] == [0, 0, 1, 1, 1]


def test_without_subcodes_only_the_codes_own_passages_count(regions) -> None:  # type: ignore[no-untyped-def]
    grid = regions.project.comparison.grid(include_subcodes=False)
    assert grid.cell(regions.trust, "Zwolle").quotes == 2
    assert grid.cell(regions.trust, HOSTILE).quotes == 1


def test_cells_carry_the_judgement_with_evidence(regions) -> None:  # type: ignore[no-untyped-def]
    grid = regions.project.comparison.grid()
    cell = grid.cell(regions.trust, "zwolle")
    assert (cell.score, cell.justification) == ("+", "partners komen afspraken na")
    assert cell.evidence == (regions.zwolle_evidence,)
    assert grid.cell(regions.trust, HOSTILE).score == "-/-"
    assert grid.cell(regions.trust, LONG_A).judgement is None
    assert grid.cell(regions.trust, NO_GROUP).assessable is False
    assert grid.row(regions.trust).judged and not grid.row(regions.project.codes.id_of("4a")).judged


def test_grid_follows_undo_of_a_judgement(regions) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    project.assess(LONG_A, regions.trust, "+/+", note="goed")
    assert project.comparison.grid().cell(regions.trust, LONG_A).score == "+/+"
    project.undo()
    assert project.comparison.grid().cell(regions.trust, LONG_A).judgement is None


def test_grouping_by_another_attribute(regions) -> None:  # type: ignore[no-untyped-def]
    grid = regions.project.comparison.grid("role")
    assert grid.values == ("Beleid", "Onderwijs", "UWV", "Vakbond", "Wethouder")
    assert grid.cell(regions.trust, "Onderwijs").quotes == 3  # R10 one passage, R5 two
    assert grid.cell(regions.trust, "Onderwijs").documents == 2
    assert grid.cell(regions.trust, "Onderwijs").judgement is None  # judgements were per region


def test_codes_and_groups_limit_the_grid(regions) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    grid = project.comparison.grid(codes=["Urgentiebesef"], groups=["zwolle", HOSTILE])
    assert grid.values == (HOSTILE, "Zwolle")
    assert grid.rows[0].code.id == regions.urgency
    assert {row.code.path[0] for row in grid.rows} == {"Urgentiebesef"}
    with pytest.raises(NotFoundError, match="Zwole"):
        project.comparison.grid(groups=["Zwole"])


def test_frequencies_count_passages_or_documents_with_totals_counting_each_once(regions) -> None:  # type: ignore[no-untyped-def]
    service = regions.project.comparison
    quotes = service.frequencies(measure="quotes")
    trust = next(r for r in quotes.rows if r.code.id == regions.trust)
    assert trust.counts == (1, 1, 2, 3, 0) and trust.total == 7
    assert quotes.totals == (1, 1, 3, 4, 1) and quotes.total == 10
    documents = service.frequencies(measure="documents")
    trust = next(r for r in documents.rows if r.code.id == regions.trust)
    assert trust.counts == (1, 1, 1, 2, 0)
    assert documents.totals == (1, 1, 1, 2, 1) and documents.total == 6
    assert quotes.maximum == 3
    with pytest.raises(InvalidInputError):
        service.frequencies(measure="words")  # type: ignore[arg-type]


def test_grid_and_frequencies_in_one_count_equal_grid_and_frequencies(regions) -> None:  # type: ignore[no-untyped-def]
    service = regions.project.comparison
    for measure in ("quotes", "documents"):
        for options in (
            {},
            {"codes": ["Urgentiebesef"], "groups": ["zwolle", NO_GROUP]},
            {"include_subcodes": False},
        ):
            both = service.grid_and_frequencies("region", measure=measure, **options)
            assert both == (
                service.grid("region", **options),
                service.frequencies("region", measure=measure, **options),
            )
    with pytest.raises(InvalidInputError):
        service.grid_and_frequencies(measure="passages")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match="Zwole"):
        service.grid_and_frequencies(groups=["Zwole"])


def test_cell_passages_merge_codes_of_one_passage_in_respondent_order(regions) -> None:  # type: ignore[no-untyped-def]
    passages = regions.project.comparison.cell_passages("Vertrouwen", "Zwolle")
    assert [p.respondent for p in passages] == ["R2", "R2", "R10"]
    assert passages[0].text == "Het vertrouwen groeit, al gaat het langzaam."
    assert passages[0].memos == ("groeiend",)
    last = passages[2]
    assert last.code_paths == (
        "Vertrouwen",
        "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet",
    )
    assert last.memos == ("sterk vertrouwen",)
    none = regions.project.comparison.cell_passages("Urgentiebesef", NO_GROUP)
    assert [p.document for p in none] == ["D9_beleidsnota"]


def test_cell_passages_of_one_coder_are_those_the_grid_counts_for_that_coder(regions) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    before = project.comparison.cell_passages("Vertrouwen", "Zwolle")
    first = before[0]
    project.codings.code(first.document_id, "Urgentiebesef", first.start, first.end, coder="Bram")
    extra = project.comparison.cell_passages("Urgentiebesef", "Zwolle")
    bram = project.comparison.cell_passages("Urgentiebesef", "Zwolle", coder="Bram")
    assert [(p.document_id, p.start, p.end) for p in bram] == [(first.document_id, first.start, first.end)]
    assert len(extra) > len(bram)  # every coder's: the tester's too
    assert (
        len(bram)
        == project.comparison.grid(coder="Bram").cell(project.codes.id_of("Urgentiebesef"), "Zwolle").quotes
    )
    assert project.comparison.cell_passages("Vertrouwen", "Zwolle", coder="Bram") == []


def test_attributes_put_region_first(regions) -> None:  # type: ignore[no-untyped-def]
    assert regions.project.comparison.attributes() == ["region", "date", "respondent", "role"]


def test_an_empty_project_has_rows_but_no_columns(project: Project) -> None:
    grid = project.comparison.grid()
    assert grid.values == () and len(grid.rows) == len(project.codes.tree())
    assert project.comparison.frequencies().total == 0


def test_score_colours_run_from_red_to_green() -> None:
    assert score_colour("-/-", FIVE) == "#F8696B"
    assert score_colour("+/-", FIVE) == "#FFEB84"
    assert score_colour("+/+", FIVE) == "#63BE7B"
    reds = [int(score_colour(s, FIVE)[1:3], 16) for s in FIVE]  # type: ignore[index]
    greens = [int(score_colour(s, FIVE)[3:5], 16) for s in FIVE]  # type: ignore[index]
    assert reds[0] > reds[-1] and greens[0] < greens[-1]
    assert score_colour("", FIVE) is None
    assert score_colour("veel", None) is None
    assert heat_colour(0, 5) is None and heat_colour(5, 5) == "#2B6CB0"
