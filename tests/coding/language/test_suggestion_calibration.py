"""A threshold per code calibrated from the leave-one-document-out evaluation, stored in the project (issue 20
item 2), and the suggestions offered in proportion to the corpus."""

from __future__ import annotations

import json

import pytest

from coding import Project
from coding.cli.main import main
from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.calibration import (
    MAX_THRESHOLD,
    MIN_PASSAGES,
    Calibration,
    CodeCalibration,
    calibrate_code,
)
from coding.language.suggestions.service import MIN_PER_CODE, PER_DOCUMENT, per_code_limit

D1, D2, D3 = DocumentId(1), DocumentId(2), DocumentId(3)
CODE = CodeId(5)
#: Five coded passages in three documents.
CODED = [(D1, 0, 10), (D1, 100, 110), (D2, 0, 10), (D2, 100, 110), (D3, 0, 10)]


def test_the_threshold_is_the_lowest_score_from_which_enough_are_right() -> None:
    suggested = [
        ((D1, 2, 5), 0.9),  # right
        ((D2, 2, 5), 0.8),  # right
        ((D3, 50, 60), 0.7),  # wrong
        ((D1, 102, 104), 0.6),  # right
        ((D2, 50, 60), 0.5),  # wrong
        ((D3, 70, 80), 0.4),  # wrong
    ]
    # from 0.6: 3 of 4 right (75 %); from 0.5: 3 of 5 (60 %) — 0.6 is the lowest reaching 70 %
    found = calibrate_code(CODE, "X", suggested, CODED, target=0.7)
    assert (found.threshold, found.suggested, found.right, found.found) == (0.6, 4, 3, 3)
    assert found.precision == 0.75 and found.recall == pytest.approx(3 / 5)
    assert found.describe().startswith(
        "Measured precision 75%: 3 of 4 suggestions right, 3 of 5 coded passages"
    )
    # a stricter target: from 0.8 all are right, but no threshold is set above MAX_THRESHOLD
    strict = calibrate_code(CODE, "X", suggested, CODED, target=0.9)
    assert MAX_THRESHOLD < 0.8
    assert (strict.threshold, strict.suggested, strict.right, strict.found) == (MAX_THRESHOLD, 2, 2, 2)
    assert calibrate_code(CODE, "X", suggested, CODED, target=0.7).threshold == 0.6


def test_a_threshold_stops_at_the_highest_one_allowed_and_says_what_is_offered_from_there() -> None:
    suggested = [
        ((D1, 2, 5), 0.95),  # right
        ((D2, 50, 60), 0.9),  # wrong
        ((D2, 2, 5), 0.8),  # right
        ((D3, 50, 60), 0.72),  # wrong
        ((D3, 70, 80), 0.6),  # wrong
    ]
    # 70 % is reached only from 0.95 (1 of 1; from 0.8: 2 of 3); the threshold stops at MAX_THRESHOLD, from where
    # 2 of the 3 suggestions are right and 2 passages found
    found = calibrate_code(CODE, "X", suggested, CODED, target=0.7)
    assert (found.threshold, found.suggested, found.right, found.found) == (MAX_THRESHOLD, 3, 2, 2)


def test_when_no_score_reaches_the_target_the_best_f1_is_taken() -> None:
    suggested = [((D3, 50, 60), 0.9), ((D1, 2, 5), 0.8), ((D2, 2, 5), 0.7), ((D2, 60, 70), 0.6)]
    found = calibrate_code(CODE, "X", suggested, CODED, target=0.95)
    # from 0.9: P 0; from 0.8: P 1/2, R 1/5 (F1 0.29); from 0.7: P 2/3, R 2/5 (F1 0.5); from 0.6: P 1/2, R 2/5
    assert found.threshold == 0.7


def test_too_little_coded_tells_nothing_and_sets_no_threshold() -> None:
    few = CODED[: MIN_PASSAGES - 1]
    found = calibrate_code(CODE, "X", [((D1, 2, 5), 0.9)], few)
    assert found.threshold is None and found.precision is None and not found.enough
    assert found.describe() == (
        "Too little coded to tell how far to trust these: 4 passages in 2 documents (needs 5 in 2)."
    )
    one_document = [(D1, n * 100, n * 100 + 10) for n in range(6)]
    assert not calibrate_code(CODE, "X", [], one_document).enough


def test_the_stored_form_reads_back_and_bad_values_are_ignored() -> None:
    calibration = Calibration(0.7, 3, (CodeCalibration(CODE, "A/B", 6, 3, 0.45, 5, 4, 5),))
    assert Calibration.from_json(json.loads(json.dumps(calibration.to_json()))) == calibration
    assert Calibration.from_json({"codes": [{"id": "x"}]}) is None and Calibration.from_json(None) is None


def test_the_number_of_suggestions_follows_the_corpus() -> None:
    assert per_code_limit(1) == MIN_PER_CODE
    assert per_code_limit(21) == PER_DOCUMENT * 21
    assert per_code_limit(400) == PER_DOCUMENT * 400


def _coded(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    folder = tmp_path_factory.mktemp("calibration")
    answers = [
        "De gemeenten vertrouwden elkaar eerst niet, en de werkgevers vertrouwden de gemeenten evenmin.",
        "Wij vertrouwden de gemeenten niet, want de gemeenten kwamen hun afspraken niet na.",
        "De werkgevers vertrouwden ons niet; de gemeenten vertrouwden de werkgevers ook niet.",
    ]
    for number, answer in enumerate(answers, start=1):
        (folder / f"D{number}.txt").write_text(
            f"I: Hoe was het begin?\nR{number}: {answer}\nI: En het weer?\n"
            f"R{number}: Het regende de hele dag, en de zon scheen pas 's avonds weer.\n",
            encoding="utf-8",
        )
    uncoded = [
        "De gemeenten vertrouwden de werkgevers eerst helemaal niet.",
        "Eerst ging het moeizaam, de gemeenten vertrouwden ons nog niet en de vergaderingen duurden lang.",
    ]
    for number, answer in enumerate(uncoded, start=4):
        (folder / f"D{number}.txt").write_text(f"I: Hoe ging het?\nR{number}: {answer}\n", encoding="utf-8")
    project.import_files([folder / f"D{n}.txt" for n in (1, 2, 3, 4, 5)])
    project.codes.create("Wantrouwen", parent=None)
    for number, answer in enumerate(answers, start=1):
        first, second = answer.split(", ", 1) if ", " in answer else answer.split("; ", 1)
        project.code(f"D{number}", "Wantrouwen", text=first)
        if number < 3:
            project.code(f"D{number}", "Wantrouwen", text=second)
    project.assist.index()
    return project


def test_calibrating_stores_the_thresholds_in_one_undoable_step(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    coded = _coded(project, tmp_path_factory)
    service = coded.assist.suggestions
    assert service.calibration() is None
    calibration = service.calibrate(sources=["similar"])
    (code,) = calibration.codes
    assert (code.code_path, code.coded, code.documents, code.enough) == ("Wantrouwen", 5, 3, True)
    assert code.threshold is not None and service.calibration() == calibration
    # a threshold above every score: nothing is offered any more
    service.calibrate(sources=["similar"], target=1.01)  # no score reaches it: the best F1 is kept
    assert service.calibration() is not None
    coded.undo()
    assert service.calibration() == calibration
    coded.undo()
    assert service.calibration() is None


def test_suggestions_below_their_codes_threshold_are_not_offered(
    project: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    coded = _coded(project, tmp_path_factory)
    service = coded.assist.suggestions
    before = service.candidates("Wantrouwen", sources=["similar"])
    assert {c.document_id for c in before} >= {4, 5} and len({c.score for c in before}) > 1
    lowest = min(c.score for c in before)
    from coding.language.suggestions.commands import StoreCalibration

    value = Calibration(
        0.7, 3, (CodeCalibration(before[0].code_id, "Wantrouwen", 5, 3, lowest + 1e-6, 1, 1, 1),)
    )
    coded.context.execute(StoreCalibration(value.to_json()))
    after = service.candidates("Wantrouwen", sources=["similar"])
    assert [c for c in before if c.score > lowest] == after
    # the evaluation scores what is offered: above every score, nothing is
    value = Calibration(0.7, 3, (CodeCalibration(before[0].code_id, "Wantrouwen", 5, 3, 1.0, 1, 1, 1),))
    coded.context.execute(StoreCalibration(value.to_json()))
    assert service.evaluate(sources=["similar"]).overall.suggested == 0
    assert service.evaluate(sources=["similar"], calibrated=False).overall.suggested == 3


def test_cli_calibrate(
    project: Project, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _coded(project, tmp_path_factory)
    path = coded.path
    coded.close()
    capsys.readouterr()
    assert main(["suggest", str(path), "--calibrate", "--sources", "similar", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["target"] == 0.7 and result["documents"] == 3
    (item,) = result["codes"]
    assert item["code"] == "Wantrouwen" and item["enough"] is True and item["threshold"] is not None
    assert main(["suggest", str(path), "--calibrate", "--sources", "similar"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:4] == ["Code", "Coded", "Documents", "Threshold"]
    assert "Thresholds stored" in out
