"""`codewerk guide PROJECT show|import|match|answers`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from coding.cli.main import main
from tests.coding.cli.conftest import Run

CORPUS = Path(__file__).parents[2] / "data" / "devcorpus"


@pytest.fixture
def studie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(tmp_path)
    assert main(["new", "studie", "--coder", "tester"]) == 0
    capsys.readouterr()
    return "studie.codewerk"


def test_import_a_guide_lists_what_it_placed_and_what_not(studie: str, run: Run) -> None:
    code, out, err = run("guide", studie, "import", str(CORPUS / "guide_styles.txt"))
    assert code == 0
    assert out.startswith("Attached 11 guide question(s) from guide_styles.txt")
    assert out.endswith("  11  Outcomes\n")
    assert "  4b  Vertrouwen/Transparantie en open communicatie/" in out
    assert err.strip() == "Could not place 1 question(s), no code has the reference: 2"
    code, out, _ = run("guide", studie, "show", "--format", "json")
    shown = {entry["question"]: entry for entry in json.loads(out)}
    assert shown["4b"]["text"] == "Wordt informatie open gedeeld?"
    assert shown["4b"]["prompts"] == ["ook de tegenvallers?"]


def test_a_bad_guide_is_one_message(studie: str, tmp_path: Path, run: Run) -> None:
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    code, out, err = run("guide", studie, "import", "leeg.txt")
    assert (code, out, err) == (1, "", "codewerk: error: leeg.txt: is empty\n")


def test_a_guide_with_several_problems_is_one_message_naming_each(
    studie: str, tmp_path: Path, run: Run
) -> None:
    (tmp_path / "dubbel.txt").write_text("1a. Een?\n1a. Twee?\n99z. Drie?\n", encoding="utf-8")
    _, before, _ = run("guide", studie, "show", "--format", "json")
    code, out, err = run("guide", studie, "import", "dubbel.txt", "--strict")
    assert (code, out) == (1, "")
    assert err == (
        "codewerk: error: dubbel.txt: question 1a appears twice (lines 1 and 2); "
        "question 99z (line 3): no code has reference 99z\n"
    )
    assert run("guide", studie, "show", "--format", "json")[1] == before


def test_match_gives_the_guide_question_of_each_interviewer_turn(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], run: Run
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
    code, out, _ = run("guide", studie, "match", "--documents", "R8", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [m["question"] for m in found] == ["6a", "4b"]
    first = found[0]
    assert set(first) == {"document", "start", "end", "question", "confidence", "confirmed"}
    assert transcript[first["start"] :].startswith("I: Wie coördineert")
    assert transcript[first["end"] - 8 : first["end"]] == "persoon?"
    assert 0 < first["confidence"] <= 1 and first["confirmed"] is False
    code, out, _ = run("guide", studie, "match")
    assert "R8" in out and "6a" in out
    assert "1 interviewer turn(s) ask no guide question" in out and "Goed, de opname loopt" in out


R8 = (
    "Interview R8\n\n"
    "I: Wie coördineert de samenwerking eigenlijk, en bij welke organisatie werkt die persoon?\n"
    "R8: Dat is de programmamanager van het platform.\n"
    "I: Kunt u daar een voorbeeld van geven?\n"
    "R8: Zij zit elke agenda voor.\n"
    "I: En worden cijfers en informatie open gedeeld tussen de partijen?\n"
    "R8: Ja, alles gaat op tafel.\n"
)
R2 = R8.replace("R8", "R2").replace("programmamanager van het platform", "secretaris van de gemeente Arnhem")


def test_answers_to_one_question_per_region(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], run: Run
) -> None:
    (tmp_path / "R8.txt").write_text(R8, encoding="utf-8")
    (tmp_path / "R2.txt").write_text(R2, encoding="utf-8")
    assert main(["import", studie, "R8.txt", "--attr", "region=Zwolle"]) == 0
    assert main(["import", studie, "R2.txt", "--attr", "region=Midden-Gelderland"]) == 0
    capsys.readouterr()
    code, out, _ = run("guide", studie, "answers", "6a", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [(a["document"], a["attributes"]["region"]) for a in found] == [
        ("R8", "Zwolle"),
        ("R2", "Midden-Gelderland"),
    ]
    # the follow-up prompt asks no new question: the answer runs on to the next guide question
    assert found[0]["answer"] == "Dat is de programmamanager van het platform.\nZij zit elke agenda voor."
    assert R8[found[0]["start"] : found[0]["end"]].startswith("R8: Dat is")
    code, out, _ = run("guide", studie, "answers", "6a", "--where", "region=zwolle", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Document", "region", "Start", "End", "Confidence", "Answer"]
    assert [row[:2] for row in rows[1:]] == [["R8", "Zwolle"]]
    assert rows[1][5].endswith("Zij zit elke agenda voor.")
    code, out, err = run("guide", studie, "answers", "12z")
    assert code == 1 and err.startswith("codewerk: error: no guide question 12z (guide questions: 1a, 1b")


def test_confirm_clear_and_reset_a_match(
    studie: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], run: Run
) -> None:
    (tmp_path / "R8.txt").write_text(R8, encoding="utf-8")
    assert main(["import", studie, "R8.txt"]) == 0
    capsys.readouterr()

    def matches() -> list[tuple[int, str, bool]]:
        _, out, _ = run("guide", studie, "match", "--format", "json")
        return [(m["start"], m["question"], m["confirmed"]) for m in json.loads(out)]

    first, third = R8.index("I: Wie"), R8.index("I: En worden")
    follow_up = R8.index("I: Kunt u")
    assert matches() == [(first, "6a", False), (third, "4b", False)]
    assert run("guide", studie, "confirm", "R8", str(first), "6a")[0] == 0
    assert run("guide", studie, "clear", "R8", str(third), "4b")[0] == 0
    assert run("guide", studie, "confirm", "R8", str(follow_up), "6c")[0] == 0
    assert matches() == [(first, "6a", True), (follow_up, "6c", True)]
    _, out, _ = run("guide", studie, "answers", "6a", "--format", "json")
    assert json.loads(out)[0]["confirmed"] is True
    assert json.loads(out)[0]["answer"] == "Dat is de programmamanager van het platform."  # 6c asked next
    assert run("guide", studie, "reset", "R8", str(third), "4b")[0] == 0
    assert (third, "4b", False) in matches()
    code, _, err = run("guide", studie, "confirm", "R8", str(first + 1), "6a")
    assert code == 1 and "no interviewer turn starts at" in err
