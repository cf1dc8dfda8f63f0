"""`codewerk guide PROJECT show|import|match|answers`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding.cli.main import main

CORPUS = Path(__file__).parents[2] / "data" / "devcorpus"


@pytest.fixture
def studie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "studie", "--coder", "tester"]) == 0
    capsys.readouterr()
    return "studie.codewerk"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_a_guide_lists_what_it_placed_and_what_not(
    studie: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "guide", studie, "import", str(CORPUS / "guide_styles.txt"))
    assert code == 0
    assert out.startswith("Attached 10 guide question(s) from guide_styles.txt")
    assert "  4b  Vertrouwen/Transparantie en open communicatie/" in out
    assert err.strip() == "Could not place 2 question(s), no code has the reference: 2, 11"
    code, out, _ = run(capsys, "guide", studie, "show", "--format", "json")
    shown = {entry["question"]: entry for entry in json.loads(out)}
    assert shown["4b"]["text"] == "Wordt informatie open gedeeld?"
    assert shown["4b"]["prompts"] == ["ook de tegenvallers?"]


def test_a_bad_guide_is_one_message(studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "guide", studie, "import", "leeg.txt")
    assert (code, out, err) == (1, "", "codewerk: error: leeg.txt: is empty\n")


def test_match_gives_the_guide_question_of_each_interviewer_turn(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transcript = (
        "Interview R8\n\n"
        "I: Goed, de opname loopt. Dank voor uw tijd.\n"
        "R8: Graag gedaan.\n"
        "I: Wie coördineert de samenwerking eigenlijk, en bij welke organisatie werkt die persoon?\n"
        "R8: Dat is de programmamanager van het platform.\n"
        "I: En worden cijfers en informatie open gedeeld tussen de partijen?\n"
        "R8: Ja, alles gaat op tafel.\n"
    )
    (tmp_path / "R8.txt").write_text(transcript, encoding="utf-8")
    assert main(["import", studie, "R8.txt"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "guide", studie, "match", "--documents", "R8", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [m["question"] for m in found] == ["6a", "4b"]
    first = found[0]
    assert set(first) == {"document", "start", "end", "question", "confidence", "confirmed"}
    assert transcript[first["start"] :].startswith("I: Wie coördineert")
    assert transcript[first["end"] - 8 : first["end"]] == "persoon?"
    assert 0 < first["confidence"] <= 1 and first["confirmed"] is False
    code, out, _ = run(capsys, "guide", studie, "match")
    assert "R8" in out and "6a" in out
    assert "1 interviewer turn(s) ask no guide question" in out and "Goed, de opname loopt" in out
