"""The command line run in-process: ``run("quotes", path, "--format", "json")`` gives its exit code,
its standard output and its standard error."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pytest

from coding.cli.main import main
from tests.conftest import TRANSCRIPT


class Run(Protocol):
    def __call__(self, *args: str) -> tuple[int, str, str]: ...


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run_cli(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli


@pytest.fixture
def annas_studie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> str:
    """``studie.codewerk`` in the current folder, made by coder Anna (no other coder named by the
    environment), with the transcript ``R5.txt`` of region Zwolle imported."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CODEWERK_CODER", raising=False)
    (tmp_path / "R5.txt").write_text(TRANSCRIPT, encoding="utf-8")
    assert run("new", "studie", "--coder", "Anna")[0] == 0
    assert run("import", "studie.codewerk", "R5.txt", "--attr", "region=Zwolle")[0] == 0
    return "studie.codewerk"
