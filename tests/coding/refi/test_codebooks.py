"""REFI-QDA codebooks (.qdc) as codebook files: new projects, loading, merging; other tools' files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.codebook.codebook_file import read_codebook
from coding.core.errors import CodebookError
from coding.refi.exchange import import_exchange
from tests.coding.refi.helpers import guid

ATLAS_QDC = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:0:4 Codebook.xsd"
    origin="ATLAS.ti Win 23.4.0" xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="{guid(1).upper()}" name="code1" color="#46AA00" isCodable="true">
      <Description>description</Description>
      <Code guid="{guid(2).upper()}" name="sub/code" isCodable="false"/>
      <Code guid="{guid(3).upper()}" name="Sub code" isCodable="true"/>
      <Code guid="{guid(4).upper()}" name="sub code" isCodable="true"/>
    </Code>
  </Codes>
  <Sets>
    <Set name="code group 1" guid="{guid(9).upper()}">
      <Description>kategorie 1</Description>
      <MemberCode guid="{guid(1).upper()}" />
    </Set>
  </Sets>
</CodeBook>"""


def test_codewerk_qdc_round_trips_into_a_new_project_with_everything(
    project: Project, tmp_path: Path
) -> None:
    project.code_sets.create("Relationeel", ["Vertrouwen", "Urgentiebesef"], description="r")
    path = project.export(tmp_path / "rwb.qdc")
    with Project.create(tmp_path / "nieuw.codewerk", codebook=path) as fresh:

        def view(p: Project) -> list[tuple[object, ...]]:
            return [
                (
                    c.guid,
                    c.path,
                    c.colour,
                    c.description,
                    c.label,
                    c.kind,
                    c.question,
                    c.scale,
                    c.search_terms,
                )
                for c in p.codes.tree()
            ]

        assert view(fresh) == view(project)
        [code_set] = fresh.code_sets.list()
        assert code_set.name == "Relationeel" and code_set.description == "r"
        assert [fresh.codes.get(c).name for c in code_set.members] == ["Vertrouwen", "Urgentiebesef"]
        # the judgement scale came along, so judging works as in the source project
        assert fresh.codes.resolve("4a").scale == ("-/-", "-", "+/-", "+", "+/+")


def test_other_tools_qdc_is_read_and_made_acceptable(tmp_path: Path) -> None:
    path = tmp_path / "atlas.qdc"
    path.write_text(ATLAS_QDC, encoding="utf-8")
    spec = read_codebook(path)
    [root] = spec.codes
    assert (root.name, root.colour, root.description, root.guid) == (
        "code1",
        "#46aa00",
        "description",
        guid(1),
    )
    assert [c.name for c in root.children] == ["sub∕code", "Sub code", "sub code (2)"]
    assert [c.colour for c in root.children] == ["#46aa00"] * 3  # inherited
    assert spec.sets[0].members == (guid(1),)
    with Project.create(tmp_path / "p.codewerk", codebook=path) as project:
        assert len(project.codes.tree()) == 4
        assert project.code_sets.list()[0].name == "code group 1"


def test_loading_the_same_qdc_twice_keeps_guids_unique(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "atlas.qdc"
    path.write_text(ATLAS_QDC, encoding="utf-8")
    project.codes.load_codebook(path)
    project.codes.rename("code1", "code1 oud")
    project.codes.load_codebook(path)  # the GUIDs are taken: the second copy gets new ones
    guids = [c.guid for c in project.codes.tree()]
    assert len(guids) == len(set(guids))


def test_merging_a_qdc_into_a_project_matches_by_guid(project: Project, tmp_path: Path) -> None:
    path = project.export(tmp_path / "rwb.qdc")
    report = import_exchange(project, path)
    assert sum(report.added.values()) == 0 and report.existing["codes"] == len(project.codes.tree())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes/></CodeBook>", "has no codes"),
        ("<Project xmlns='urn:QDA-XML:project:1.0' name='x'/>", "not a REFI-QDA codebook"),
        ("<CodeBook", "not well-formed"),
    ],
)
def test_unusable_qdc_is_refused_with_the_reason(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.qdc"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError, match=f"bad.qdc: .*{message}"):
        read_codebook(path)
