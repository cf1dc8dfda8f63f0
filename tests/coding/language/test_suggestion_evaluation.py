"""``codewerk suggest --evaluate``: leave-one-document-out recall, precision and F1 against the project's codings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.cli.main import main
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.evaluation import Score, Span, evaluate_spans, score_spans

#: Three answers in three interviews. The researcher coded "Wantrouwen" on the first sentence of A and B and on
#: A's sentence about the coffee (nothing like the others); B's second answer resembles the coded ones but is
#: not coded, C is not coded at all (so not scored).
A = "I: Hoe begon het?\nR1: Ik vertrouwde de gemeenten eerst niet. De koffie was koud.\n"
B = (
    "I: En bij u?\nR2: De gemeenten vertrouwden wij eerst echt niet. Het regende die dag.\nI: En later?\n"
    "R2: Eerst vertrouwden de gemeenten de werkgevers niet, en de werkgevers vertrouwden de gemeenten evenmin.\n"
)
C = "I: Wat vond u van de zaal?\nR3: De zaal was groot en de stoelen waren hard.\n"


@pytest.fixture
def coded_project(project: Project, tmp_path: Path) -> Project:
    for name, text in (("A", A), ("B", B), ("C", C)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    project.import_files([tmp_path / f"{name}.txt" for name in "ABC"])
    project.codes.create("Wantrouwen", parent=None)
    project.codes.create("Weer", parent=None)
    project.code("A", "Wantrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
    project.code("A", "Wantrouwen", text="De koffie was koud.")
    project.code("B", "Wantrouwen", text="De gemeenten vertrouwden wij eerst echt niet.")
    project.assist.index()
    return project


def test_each_document_is_scored_as_if_its_codings_did_not_exist(coded_project: Project) -> None:
    # By hand. The unit is the respondent's answer turn. Leaving A out, the code's profile is B's coded
    # sentence: A's answer resembles it (suggested, right: it is coded) and overlaps both of A's passages (the
    # coffee too: found). Leaving B out, the profile is A's two passages: B's first answer (right) and its second
    # (not coded: wrong) are suggested. Coded 3, found 3; suggested 3, right 2.
    evaluation = coded_project.assist.suggestions.evaluate(sources=["similar"])
    assert evaluation.documents == 2
    assert [c.code_path for c in evaluation.codes] == ["Wantrouwen"]  # the only code with codings
    score = evaluation.codes[0].score
    assert (score.coded, score.found, score.suggested, score.right) == (3, 3, 3, 2)
    assert score.recall == 1.0 and score.precision == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(0.8)
    assert evaluation.overall == score
    # nothing stored, nothing changed
    assert coded_project.assist.suggestions.list() == []


def test_codes_chosen_without_codings_say_there_is_nothing_to_tell(coded_project: Project) -> None:
    evaluation = coded_project.assist.suggestions.evaluate(["Weer", "Wantrouwen"], sources=["similar"])
    assert [c.code_path for c in evaluation.codes] == ["Wantrouwen", "Weer"]  # codebook order
    weer = evaluation.codes[1].score
    assert (weer.coded, weer.suggested, weer.recall, weer.precision, weer.f1) == (0, 0, None, None, None)


def test_cli_table_and_json(coded_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    path = coded_project.path
    coded_project.close()
    capsys.readouterr()
    assert main(["suggest", str(path), "--evaluate", "--sources", "similar", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 2 and "overlaps" in result["rule"]
    assert result["codes"] == [
        {
            "code": "Wantrouwen",
            "coded": 3,
            "found": 3,
            "suggested": 3,
            "right": 2,
            "recall": 1.0,
            "precision": pytest.approx(2 / 3),
            "f1": pytest.approx(0.8),
        }
    ]
    assert result["overall"]["coded"] == 3
    assert main(["suggest", str(path), "--evaluate", "--codes", "Weer", "--sources", "similar"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Code", "Coded", "Found", "Suggested", "Right", "Recall", "Precision", "F1"]
    assert lines[2].split() == ["Weer", "0", "0", "0", "0", "–", "–", "–"]
    assert lines[-1].startswith("Leave-one-document-out over 2 coded document(s)")
    assert main(["suggest", str(path), "--codes", "Weer"]) == 1
    assert "--codes goes with --evaluate" in capsys.readouterr().err
    for option in ("--evaluate", "--calibrate"):  # tables and JSON only, nothing measured or stored
        assert main(["suggest", str(path), option, "--format", "csv"]) == 1
        assert f"{option} prints --format table or json" in capsys.readouterr().err


def test_counts_by_hand() -> None:
    d1, d2 = DocumentId(1), DocumentId(2)
    code = CodeId(7)
    coded = [(d1, 0, 10), (d1, 20, 30), (d2, 0, 10)]
    # touches (10 is the end: no overlap), overlaps the second, overlaps the third twice, another document
    suggested = [(d1, 10, 15), (d1, 25, 40), (d2, 2, 4), (d2, 5, 8), (d1, 50, 60)]
    assert score_spans(suggested, coded) == Score(coded=3, found=2, suggested=5, right=3)
    evaluation = evaluate_spans([(code, "X"), (CodeId(8), "Y")], {code: suggested}, {code: coded}, 2)
    assert evaluation.overall == Score(3, 2, 5, 3)
    assert evaluation.overall.f1 == pytest.approx(2 * (2 / 3) * (3 / 5) / (2 / 3 + 3 / 5))


def _spans(documents: int = 3) -> st.SearchStrategy[list[Span]]:
    span = st.tuples(st.integers(0, documents - 1), st.integers(0, 60), st.integers(1, 20)).map(
        lambda t: (DocumentId(t[0]), t[1], t[1] + t[2])
    )
    return st.lists(span, max_size=12)


@settings(max_examples=60, deadline=None)
@given(_spans(), _spans(), _spans())
def test_metric_invariants(suggested: list[Span], coded: list[Span], more: list[Span]) -> None:
    score = score_spans(suggested, coded)
    assert 0 <= score.found <= score.coded == len(coded)
    assert 0 <= score.right <= score.suggested == len(suggested)
    for ratio in (score.recall, score.precision, score.f1):
        assert ratio is None or 0.0 <= ratio <= 1.0
    if score.f1 is not None and score.recall is not None and score.precision is not None:
        assert (
            min(score.recall, score.precision) - 1e-9 <= score.f1 <= max(score.recall, score.precision) + 1e-9
        )
    # more suggestions never find fewer passages; suggesting the passages themselves finds all, all right
    assert score_spans(suggested + more, coded).found >= score.found
    perfect = score_spans(coded, coded)
    assert perfect.found == perfect.coded and perfect.right == perfect.suggested
    # overall adds up the codes
    a, b = CodeId(1), CodeId(2)
    evaluation = evaluate_spans([(a, "a"), (b, "b")], {a: suggested, b: more}, {a: coded, b: more}, 3)
    assert evaluation.overall == evaluation.codes[0].score + evaluation.codes[1].score


def test_a_search_term_alone_must_resemble_what_is_coded(coded_project: Project, tmp_path: Path) -> None:
    project = coded_project
    project.codes.create("Zaal", parent=None, search_terms=["zaal"])
    found = project.assist.suggestions.candidates("Zaal", sources=["terms"])
    assert [(c.document_id, c.sources) for c in found] == [(project.documents.get("C").id, ("terms",))]
    # coded on the coffee: C's sentence about the hall shares no word with it, and is no longer suggested
    project.code("A", "Zaal", text="De koffie was koud.")
    assert project.assist.suggestions.candidates("Zaal", sources=["terms"]) == []
    # coded on a sentence like it: suggested again
    (tmp_path / "D.txt").write_text(
        "I: En de zaal?\nR4: De zaal was klein en de stoelen waren hard.\n", "utf-8"
    )
    project.import_files([tmp_path / "D.txt"])
    project.code("D", "Zaal", text="De zaal was klein en de stoelen waren hard.")
    found = project.assist.suggestions.candidates("Zaal", sources=["terms"])
    assert [project.documents.get(c.document_id).name for c in found] == ["C"]
