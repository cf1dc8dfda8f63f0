"""The command line in Dutch (issue 17 item 4): every command run with ``--language nl`` on the demo
project looks up only words of ours that have their Dutch, and its tables and lines read Dutch."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coding import Project
from coding.core import i18n
from coding.demo import build_demo_project
from tests.coding.cli.conftest import Run


class _Recording(dict[str, str]):
    """The Dutch catalogue, noting every English text looked up that it has no Dutch for."""

    def __init__(self, entries: dict[str, str]) -> None:
        super().__init__(entries)
        self.missing: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if key not in self:
            self.missing.add(key)
        return super().get(key, default)


@pytest.fixture(scope="module")
def demo_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.codewerk"
    build_demo_project(path, coder="demo").close()
    return path


@pytest.fixture
def demo(demo_built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "demo.codewerk"
    shutil.copyfile(demo_built, target)
    return target


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> _Recording:
    catalogue = _Recording(i18n._CATALOGUES["nl"])
    monkeypatch.setitem(i18n._CATALOGUES, "nl", catalogue)
    return catalogue


def _data(path: Path) -> set[str]:
    """The project's own words (names, attribute values, code labels): shown as they are."""
    words: set[str] = set()
    with Project.open(path) as project:
        for document in project.documents.list():
            words.add(document.name)
            for key, value in document.attributes.items():
                words |= {key, str(value)}
        for code in project.codes.tree().codes:
            words |= {
                code.name,
                "/".join(code.path),
                code.label,
                code.question or "",
                code.kind,
                *(code.scale or ()),
            }
    return words


def _said_in_dutch() -> list[re.Pattern[str]]:
    """The catalogue's Dutch as patterns: a header made by ``text()`` already (``"Zwolle onderbouwing"``)
    is looked up again when the table prints it."""
    patterns = []
    for english, dutch in i18n._CATALOGUES["nl"].items():
        pieces = re.split(r"\{[^{}]*\}", dutch)
        if dutch == english or len(re.findall(r"[^\W\d_]", "".join(pieces))) < 4:
            continue  # a template of mostly fields would pass anything
        patterns.append(re.compile(".+".join(re.escape(piece) for piece in pieces), re.S))
    return patterns


#: The commands run, each with --language nl (the demo project's path is added after the command).
COMMANDS: list[tuple[str, ...]] = [
    ("documents",),
    ("codes",),
    ("quotes", "--code", "Vertrouwen"),
    ("compare",),
    ("compare", "--show", "quotes"),
    ("compare", "--show", "scores"),
    ("matrix",),
    ("cooccurrence",),
    ("frequencies",),
    ("query", "Vertrouwen"),
    ("queries",),
    ("reviews",),
    ("speakers",),
    ("register", "list"),
    ("guide", "show"),
    ("code", "R12_uwv_zwolle", "Urgentiebesef", "--span", "0:20"),
    ("export",),
]


def test_every_command_in_dutch_uses_only_words_with_their_dutch(
    run: Run, demo: Path, recording: _Recording
) -> None:
    printed: dict[str, str] = {}
    for command in COMMANDS:
        extra = ("demo.xlsx",) if command == ("export",) else ()
        code, out, err = run("--language", "nl", command[0], str(demo), *command[1:], *extra)
        assert code == 0, (command, err)
        printed[" ".join(command)] = out + err
    data = {word.casefold() for word in _data(demo)}
    said = _said_in_dutch()
    missing = {
        english
        for english in recording.missing
        if english.casefold() not in data
        and re.search(r"[A-Za-z]{2}", english)
        and not any(pattern.fullmatch(english) for pattern in said)
    }
    assert not missing, f"words of ours without Dutch, looked up while printing: {sorted(missing)}"
    assert printed["documents"].startswith("Naam") and "Coderingen" in printed["documents"]
    assert "Vraag" in printed["codes"] and "Schaal" in printed["codes"]
    assert "gecodeerd met Urgentiebesef" in printed["code R12_uwv_zwolle Urgentiebesef --span 0:20"]
    assert "citaat" in printed["quotes --code Vertrouwen"].lower()
    assert re.search(r"^I +ja ", printed["speakers"], re.M), printed["speakers"]  # the interviewer's cell


def test_the_check_finds_a_word_without_dutch(run: Run, demo: Path, recording: _Recording) -> None:
    """The check above can fail: a header the catalogue lacks is noted."""
    del recording["Codings"]
    assert run("--language", "nl", "codes", str(demo))[0] == 0
    assert "Codings" in recording.missing
