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


_FIELDS = ("name", "users", "codes", "sets", "cases", "sources", "notes", "project_notes", "description")


@pytest.mark.parametrize("chunk", [1, 97, 4096])
def test_read_a_few_bytes_at_a_time_it_gives_what_the_whole_tree_gives(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Sections and sources are read once complete: the parser reports no events, and whatever
    chunk ends inside a source, a selection or a section, only complete ones are read."""
    path = rich_project.export(tmp_path / "out.qdpx")
    whole = _whole(path, monkeypatch)
    monkeypatch.setattr(project_stream, "_CHUNK", chunk)
    names: list[str] = []
    streamed = read_qdpx(path, names.append)
    assert streamed.sources and names == [s.name for s in streamed.sources]
    for field in (*_FIELDS, "extension"):
        assert getattr(streamed, field) == getattr(whole, field), field
    assert streamed.skipped == whole.skipped and streamed.adjusted == whole.adjusted


@pytest.mark.parametrize("chunk", [5, 65536])
def test_the_roots_own_description_and_notes_are_kept_between_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """What the root holds itself (read when the document ends) is not let go with the sections."""
    xml = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x">
      <Description>Over het project</Description>
      <Sources><TextSource guid="{guid(2)}" name="Notitie"><PlainTextContent>Gesprek één.</PlainTextContent>
        <PlainTextSelection guid="{guid(3)}" startPosition="0" endPosition="7"/></TextSource>
        <TextSource guid="{guid(4)}" name="Tweede"><PlainTextContent>Nog een.</PlainTextContent></TextSource>
      </Sources>
      <NoteRef targetGUID="{guid(5)}"/>
      <Notes><Note guid="{guid(5)}" name="Memo"><PlainTextContent>Een memo.</PlainTextContent></Note></Notes>
    </Project>"""
    path = write_qdpx(tmp_path / "hand.qdpx", xml)
    whole = _whole(path, monkeypatch)
    monkeypatch.setattr(project_stream, "_CHUNK", chunk)
    streamed = read_qdpx(path)
    assert streamed.description == whole.description == "Over het project"
    assert streamed.project_notes == whole.project_notes == [guid(5)]
    assert [s.name for s in streamed.sources] == ["Notitie", "Tweede"]
    for field in _FIELDS:
        assert getattr(streamed, field) == getattr(whole, field), field
