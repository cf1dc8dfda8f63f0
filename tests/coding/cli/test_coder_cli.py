"""`--coder NAME` on the command line: each coder codes in their own layer; quotes filter by layer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.coding.cli.conftest import Run


def test_two_coders_code_one_passage_and_a_repeat_is_refused(annas_studie: str, run: Run) -> None:
    words = ("--text", "vertrouw ik de andere partijen volledig")
    assert run("code", "studie.codewerk", "R5", "4a", *words, "--coder", "Anna")[0] == 0
    assert run("code", "studie.codewerk", "R5", "4a", *words, "--coder", "Bram")[0] == 0
    code, out, err = run("code", "studie.codewerk", "R5", "4a", *words, "--coder", "Bram")
    assert code == 1 and out == ""
    assert err.startswith("codewerk: error: this passage is already coded with") and "by Bram" in err
    _, out, _ = run("quotes", "studie.codewerk", "--format", "json")
    assert sorted(q["coder"] for q in json.loads(out)) == ["Anna", "Bram"]
    _, out, _ = run("quotes", "studie.codewerk", "--coder", "Bram", "--format", "json")
    assert [q["coder"] for q in json.loads(out)] == ["Bram"]


def test_compare_and_export_take_a_coder_layer(annas_studie: str, tmp_path: Path, run: Run) -> None:
    run("code", annas_studie, "R5", "4a", "--text", "vertrouw ik de andere partijen", "--coder", "Anna")
    run("code", annas_studie, "R5", "Urgentiebesef", "--text", "De urgentie is hoog", "--coder", "Bram")

    def counted(*extra: str) -> dict[str, int]:
        _, out, _ = run("compare", "studie.codewerk", "--show", "quotes", "--format", "json", *extra)
        return {row["path"]: row["total"] for row in json.loads(out)["rows"] if row["total"]}

    assert set(counted()) >= {"Urgentiebesef", "Vertrouwen"}
    assert "Urgentiebesef" not in counted("--coder", "Anna") and "Vertrouwen" in counted("--coder", "Anna")
    assert counted("--coder", "consensus") == {}
    assert run("export", "studie.codewerk", "bram.csv", "--coder", "Bram")[0] == 0
    text = (tmp_path / "bram.csv").read_text(encoding="utf-8-sig")
    assert "De urgentie is hoog" in text and "vertrouw ik" not in text
    assert run("export", "studie.codewerk", "bram.xlsx", "--coder", "Bram")[0] == 0
