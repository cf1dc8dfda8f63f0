"""The command line run in-process: ``run("quotes", path, "--format", "json")`` gives its exit code,
its standard output and its standard error."""

from __future__ import annotations

from typing import Protocol

import pytest

from coding.cli.main import main


class Run(Protocol):
    def __call__(self, *args: str) -> tuple[int, str, str]: ...


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run_cli(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli
