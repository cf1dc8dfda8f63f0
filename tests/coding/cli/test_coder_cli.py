"""`--coder NAME` on the command line: each coder codes in their own layer; quotes filter by layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding.cli.main import main
from tests.conftest import TRANSCRIPT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_two_coders_code_one_passage_and_a_repeat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "R5.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert run(capsys, "new", "studie", "--coder", "Anna")[0] == 0
    assert run(capsys, "import", "studie.codewerk", "R5.txt")[0] == 0
    words = ("--text", "vertrouw ik de andere partijen volledig")
    assert run(capsys, "code", "studie.codewerk", "R5", "4a", *words, "--coder", "Anna")[0] == 0
    assert run(capsys, "code", "studie.codewerk", "R5", "4a", *words, "--coder", "Bram")[0] == 0
    code, out, err = run(capsys, "code", "studie.codewerk", "R5", "4a", *words, "--coder", "Bram")
    assert code == 1 and out == ""
    assert err.startswith("codewerk: error: this passage is already coded with") and "by Bram" in err
    _, out, _ = run(capsys, "quotes", "studie.codewerk", "--format", "json")
    assert sorted(q["coder"] for q in json.loads(out)) == ["Anna", "Bram"]
    _, out, _ = run(capsys, "quotes", "studie.codewerk", "--coder", "Bram", "--format", "json")
    assert [q["coder"] for q in json.loads(out)] == ["Bram"]
