"""Codebook files: the shipped rwb codebook, and malformed files rejected whole with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.codebook.codebook_file import parse_codebook, read_codebook
from coding.core.errors import CodebookError, InvalidInputError
from tests.mini_codebook import MINI_CODEBOOK

FIVE = ("-/-", "-", "+/-", "+", "+/+")


def test_rwb_has_the_studys_structure() -> None:
    spec = read_codebook("rwb")
    names = [c.name for c in spec.codes]
    assert names[:6] == [
        "Vertrouwen",
        "Overwinnen van cultuurverschillen",
        "Urgentiebesef",
        "Congruentie van doelen",
        "Coördinatie",
        "Stabiliteit",
    ]
    assert {"Samenstelling", "Focus op lange termijn"} <= set(names)
    codes = spec.walk()
    questions = {c.question: c for c in codes if c.question}
    expected = {"1a", "1b", "1c", "2a", "2b", "3a", "3b", "3c", "3d", "4a", "4b", "4c", "5a", "5b"}
    expected |= {"6a", "6b", "6c", "7a", "7b", "8a", "8b", "8c", "9a", "9b", "10a", "10b"}
    assert expected <= set(questions)
    assert questions["4a"].scale == FIVE
    assert questions["5a"].scale is None  # open text
    assert questions["9a"].scale is None
    assert questions["6a"].scale == ("een van de partijen", "onafhankelijke partij")
    assert all(c.label and c.description for c in codes)
    trust = spec.codes[0]
    assert trust.label == "Trust" and trust.kind == "concept" and trust.scale == FIVE
    assert [d.kind for d in trust.children] == ["dimension"] * 3
    assert all(child.colour == trust.colour for child in trust.walk())


def test_project_gets_the_codebook_in_order(project: Project) -> None:
    tree = project.codes.tree()
    assert tree.codes[0].path == ("Vertrouwen",)
    assert tree.codes[1].path == ("Vertrouwen", "Betrouwbaarheid")
    assert project.codes.resolve("4a").path[0] == "Vertrouwen"
    assert project.history.undo_count == 0  # a new project has nothing to undo


def test_a_users_own_codebook_loads(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CODEBOOK, encoding="utf-8")
    spec = read_codebook(path)
    assert spec.codes[0].scale == ("laag", "hoog")
    child = spec.codes[0].children[0]
    assert (child.kind, child.colour, child.scale, child.question) == ("dimension", "#112233", None, "1a")


def test_a_codebooks_favourites_go_on_a_new_projects_number_keys(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_CODEBOOK + "favourites: [eerste/kind, Eerste]\n", encoding="utf-8")
    spec = read_codebook(path)
    assert spec.favourites == ("Eerste/Kind", "Eerste")  # by path or name, case and accents aside
    with Project.create(tmp_path / "mini.codewerk", codebook=path) as project:
        tree = project.codes.tree()
        assert [tree.get(c).name for c in project.favourites.list()] == ["Kind", "Eerste"]
        assert project.favourites.key_of(project.codes.id_of("Eerste")) == 2
    with Project.create(tmp_path / "rwb.codewerk") as project:  # the built-in codebook: the demo's six
        assert len(project.favourites.list()) == 6
        assert project.codes.tree().get(project.favourites.on_key(1)).name == "Vertrouwen"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("format: codewerk-codebook/1\ncodes: [\n", r"bad\.yaml line \d+: not valid YAML"),
        ("- just a list\n", "not a codebook"),
        ("format: other/1\ncodes: []\n", "'format' must be"),
        ("format: codewerk-codebook/1\ncodes: []\n", "'codes' must be a non-empty list"),
        (
            MINI_CODEBOOK.replace("    scale: s\n", "    scale: s\n    colur: '#000000'\n"),
            r"line 6: code 'Eerste': unknown key 'colur'",
        ),
        (MINI_CODEBOOK.replace("#112233", "blue"), "colour 'blue' is not of the form #RRGGBB"),
        (MINI_CODEBOOK.replace("scale: s", "scale: vijfpunts"), "unknown scale 'vijfpunts'"),
        (MINI_CODEBOOK.replace("name: Kind", "name: Kind/Kleinkind"), "cannot contain '/'"),
        (MINI_CODEBOOK + "  - name: eerste\n", "code 'eerste' appears twice"),
        (MINI_CODEBOOK + "  - name: Tweede\n    question: 1A\n", "question '1A' is also used by 'Kind'"),
        (MINI_CODEBOOK.replace("[laag, hoog]", "[laag, laag]"), "listed twice"),
        (
            MINI_CODEBOOK.replace("name: Kind", "kind: subcode\n        name: Kind"),
            "kind 'subcode' is not one of",
        ),
        (MINI_CODEBOOK + "favourites: [Derde]\n", "favourite 'Derde' is not a code of this codebook"),
        (MINI_CODEBOOK + "favourites: Eerste\n", "'favourites' must be a list of code names"),
        (MINI_CODEBOOK + "favourites: [" + ", ".join(["Eerste"] * 10) + "]\n", "at most 9 codes"),
    ],
)
def test_malformed_codebooks_are_rejected_naming_file_and_place(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError, match=message) as info:
        read_codebook(path)
    assert str(info.value).startswith("bad.yaml")


def test_a_bad_codebook_creates_no_project_and_loads_nothing(tmp_path: Path, project: Project) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI_CODEBOOK.replace("#112233", "rood"), encoding="utf-8")
    target = tmp_path / "nieuw.codewerk"
    with pytest.raises(CodebookError):
        Project.create(target, codebook=bad)
    assert not target.exists()
    before = len(project.codes.tree())
    with pytest.raises(CodebookError):
        project.codes.load_codebook(bad)
    assert len(project.codes.tree()) == before


def test_loading_a_codebook_that_clashes_changes_nothing(project: Project) -> None:
    before = len(project.codes.tree())
    with pytest.raises(Exception, match="already has a top-level code 'Vertrouwen'"):
        project.codes.load_codebook("rwb")
    assert len(project.codes.tree()) == before


def test_unknown_codebook_names_the_built_ins() -> None:
    with pytest.raises(CodebookError, match=r"no such codebook file or built-in codebook \(built in: rwb\)"):
        read_codebook("rbw")


def test_parse_reports_the_line_of_a_yaml_error() -> None:
    with pytest.raises(
        CodebookError, match=r"x\.yaml line 3: not valid YAML \(mapping values are not allowed here\)"
    ):
        parse_codebook("format: codewerk-codebook/1\ncodes:\n  - name: a: b\n", "x.yaml")


CATEGORIES = """
format: codewerk-codebook/1
id: mini
name: Mini
language: nl
codes:
  - name: Relaties
    codable: false
    children:
      - name: Vertrouwen
  - name: Urgentie
"""


def test_a_category_is_loaded_not_codable_and_cannot_be_applied(tmp_path: Path) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(CATEGORIES, encoding="utf-8")
    text = tmp_path / "R1.txt"
    text.write_text("R1: Wij vertrouwen elkaar.\n", encoding="utf-8")
    with Project.create(tmp_path / "p.codewerk", codebook=str(path), coder="t") as project:
        assert {c.name: c.codable for c in project.codes.tree()} == {
            "Relaties": False,
            "Vertrouwen": True,
            "Urgentie": True,
        }
        project.import_files([text])
        with pytest.raises(InvalidInputError, match="'Relaties' is a category"):
            project.code("R1", "Relaties", text="vertrouwen elkaar")
        with pytest.raises(InvalidInputError, match="'Relaties' is a category"):
            project.codings.code_many([("R1", "Vertrouwen", 4, 10), ("R1", "Relaties", 4, 10)])
        assert project.quotes() == []
    path.write_text(CATEGORIES.replace("codable: false", "codable: nee"), encoding="utf-8")
    with pytest.raises(CodebookError, match="'codable' is true or false"):
        read_codebook(path)


def _nested(levels: int) -> str:
    lines, indent = ["format: codewerk-codebook/1", "name: Diep", "codes:"], ""
    for level in range(levels):
        lines += [f"{indent}  - name: c{level}", f"{indent}    children:"]
        indent += "    "
    lines.append(f"{indent}  - name: leaf")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        (40, "codes are nested more than 32 levels deep"),
        (300, "deep.yaml: nested too deeply to be a codebook"),
    ],
)
def test_a_codebook_nested_absurdly_deep_is_refused_with_one_message(
    tmp_path: Path, levels: int, message: str
) -> None:
    """Issue 14 item 6: a codebook nested 300 levels gave a RecursionError traceback."""
    path = tmp_path / "deep.yaml"
    path.write_text(_nested(levels), encoding="utf-8")
    with pytest.raises(CodebookError) as caught:
        read_codebook(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith("deep.yaml")
