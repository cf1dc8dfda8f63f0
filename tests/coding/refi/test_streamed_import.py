"""Issue 19: project.qde is read as a stream; what it gives is what reading the whole tree gives,
also for a file whose sections are not in the schema's order (read whole then)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from coding import Project
from coding.refi import project_stream
from coding.refi.project_reader import RefiProject, read_qdpx
from tests.coding.refi.helpers import guid, write_qdpx


def _whole(path: Path, monkeypatch: pytest.MonkeyPatch) -> RefiProject:
    """As read before the stream: the whole tree at once (what an out-of-order file gets)."""

    def out_of_order(*_args: object) -> RefiProject:
        raise project_stream.OutOfOrder("forced")

    with monkeypatch.context() as patch:
        patch.setattr(project_stream, "read_stream", out_of_order)
        return read_qdpx(path)


def test_the_stream_reads_what_the_whole_tree_gives(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = rich_project.export(tmp_path / "out.qdpx")
    names: list[str] = []
    streamed = read_qdpx(path, names.append)
    whole = _whole(path, monkeypatch)
    assert streamed.sources and names == [s.name for s in streamed.sources]
    fields = ("name", "users", "codes", "sets", "cases", "sources", "notes", "project_notes", "description")
    for field in (*fields, "extension"):
        assert getattr(streamed, field) == getattr(whole, field), field
    assert streamed.skipped == whole.skipped and streamed.adjusted == whole.adjusted


def test_sections_out_of_the_schema_order_are_read_whole(tmp_path: Path) -> None:
    xml = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x">
      <Cases><Case guid="{guid(7)}" name="R1"><VariableValue><VariableRef targetGUID="{guid(8)}"/>
        <TextValue>Zwolle</TextValue></VariableValue><SourceRef targetGUID="{guid(2)}"/></Case></Cases>
      <Variables><Variable guid="{guid(8)}" name="regio" typeOfVariable="Text"/></Variables>
      <Sources><TextSource guid="{guid(2)}" name="Notitie"><PlainTextContent>Gesprek.</PlainTextContent></TextSource></Sources>
    </Project>"""
    path = write_qdpx(tmp_path / "hand.qdpx", xml)
    project = read_qdpx(path)
    assert [(c.name, c.values) for c in project.cases] == [("R1", {"regio": "Zwolle"})]
    assert [s.name for s in project.sources] == ["Notitie"]
    with zipfile.ZipFile(path) as archive:
        assert "project.qde" in archive.namelist()
