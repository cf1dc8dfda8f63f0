"""Learning from each accept and reject (issue 20 item 2): an accepted suggestion is one more example of its code,
a rejected one pushes what resembles it down, or out when it is much the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project


def _answers(project: Project, folder: Path, answers: dict[str, str]) -> None:
    for name, answer in answers.items():
        (folder / f"{name}.txt").write_text(f"I: Hoe ging het?\nR1: {answer}\n", encoding="utf-8")
    project.import_files([folder / f"{name}.txt" for name in answers])
    project.codes.create("Wantrouwen", parent=None)
    project.code("R5_uwv_zwolle", "Wantrouwen", text="Ik vertrouwde de gemeenten eerst niet.")
    project.assist.index()


def _offered(project: Project) -> dict[str, tuple[float, str]]:
    found = project.assist.suggestions.refresh("Wantrouwen", sources=["similar"])
    return {s.document: (s.score, s.reason) for s in found}


def test_an_accepted_suggestion_is_one_more_example_of_its_code(
    indexed: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _answers(
        indexed,
        tmp_path_factory.mktemp("accept"),
        {
            "D1": "De gemeenten vertrouwden ons niet, en de werkgevers wantrouwden de wethouders.",
            "D2": "De werkgevers wantrouwden de wethouders, want de wethouders beloofden steeds meer dan ze deden.",
        },
    )
    offered = _offered(indexed)
    assert "D1" in offered and "D2" not in offered  # D2 shares no word with what is coded
    (d1,) = [s for s in indexed.assist.suggestions.list("Wantrouwen") if s.document == "D1"]
    indexed.assist.suggestions.accept(d1.id)
    offered = _offered(indexed)
    assert "D2" in offered  # it resembles the accepted answer
    assert "Resembles" not in offered["D2"][1] and "the 2 passages coded Wantrouwen" in offered["D2"][1]


def test_a_rejected_suggestion_pushes_what_resembles_it_down_or_out(
    indexed: Project, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _answers(
        indexed,
        tmp_path_factory.mktemp("reject"),
        {
            "D1": "De gemeenten vertrouwden de provincie eerst niet, vanwege de provincie.",
            "D2": "De gemeenten vertrouwden de provincie eerst niet, door de provincie.",
            "D3": "De wethouders vertrouwden de gemeenten niet, ze vonden het bestuur te traag en te duur.",
        },
    )
    before = _offered(indexed)
    assert {"D1", "D2", "D3"} <= set(before)
    (d1,) = [s for s in indexed.assist.suggestions.list("Wantrouwen") if s.document == "D1"]
    indexed.assist.suggestions.reject(d1.id)
    after = _offered(indexed)
    assert "D1" not in after and "D2" not in after  # much the same as the rejected one: not offered
    score, reason = after["D3"]  # somewhat like it: lower, and it says why
    assert score < before["D3"][0]
    assert "Ranked lower: it resembles the 1 suggestion you rejected for this code (similarity 0." in reason
    others = set(before) - {"D1", "D2", "D3"}  # the fixture's answers, about other things
    assert all(after[name][0] >= before[name][0] * 0.9 for name in others)
    indexed.undo()  # the refresh after it
    indexed.undo()  # the rejection: as before
    assert _offered(indexed) == before
