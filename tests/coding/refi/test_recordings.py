"""Recordings in REFI-QDA: a document with a recording is written as ``AudioSource``/``VideoSource``
with its ``Transcript`` and ``SyncPoint``\\ s (valid against Project.xsd), and read back: the
recording attached, the coded passages on their text, the sync points timing the turns."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree

from coding import Project
from coding.refi.exchange import import_exchange, import_into_file
from coding.refi.names import EXTENSION_PART
from coding.refi.schemas import PROJECT_SCHEMA, schema_errors
from tests.coding.refi.helpers import NS, canonical, guid, write_qdpx
from tests.recordings import write_wav

Q = f"{{{NS}}}"


def _with_recordings(project: Project, folder: Path) -> tuple[Path, Path]:
    audio = write_wav(folder / "R9_gemeente_eindhoven.wav", seconds=1.0)
    video = folder / "R9_vervolg.mp4"
    video.write_bytes(write_wav(folder / "film.wav", seconds=0.5).read_bytes())
    project.media.attach("R9_gemeente_eindhoven", audio)
    project.media.attach("R9_vervolg", video)
    project.history.clear()
    return audio, video


def _qde(archive: Path) -> bytes:
    with zipfile.ZipFile(archive) as zipped:
        return zipped.read("project.qde")


def test_a_recorded_document_is_an_audio_source_with_its_transcript(
    rich_project: Project, tmp_path: Path
) -> None:
    audio, _video = _with_recordings(rich_project, tmp_path)
    out = rich_project.export(tmp_path / "out.qdpx")
    qde = _qde(out)
    assert schema_errors(qde, PROJECT_SCHEMA) == []
    root = etree.fromstring(qde)
    doc = rich_project.documents.get("R9_gemeente_eindhoven")
    text = rich_project.documents.text(doc.id)
    assert [e.get("name") for e in root.iter(f"{Q}TextSource")] == ["R5_uwv_zwolle"]
    (source,) = root.iter(f"{Q}AudioSource")
    assert source.get("guid") == doc.guid and source.get("name") == "R9_gemeente_eindhoven"
    assert source.get("path") == audio.resolve().as_uri()
    (transcript,) = source.iter(f"{Q}Transcript")
    assert transcript.get("plainTextPath") == f"internal://{doc.guid}.txt"
    with zipfile.ZipFile(out) as zipped:
        assert zipped.read(f"sources/{doc.guid}.txt").decode("utf-8") == text
    points = {p.get("guid"): p for p in transcript.iter(f"{Q}SyncPoint")}
    # each turn's start in code points, its time in milliseconds
    timed = sorted(
        (int(p.get("position")), int(p.get("timeStamp"))) for p in points.values() if p.get("timeStamp")
    )
    assert timed == [(t.start, round(t.timestamp * 1000)) for t in rich_project.documents.turns(doc.id)]
    assert [ms for _pos, ms in timed] == [3000, 9000, 30000]
    selections = list(transcript.iter(f"{Q}TranscriptSelection"))
    spans = {
        (
            int(points[s.get("fromSyncPoint")].get("position")),
            int(points[s.get("toSyncPoint")].get("position")),
        )
        for s in selections
    }
    assert spans == {(p.start, p.end) for p in rich_project.codings.passages(doc.id)}
    assert all(text[a:b] == s.get("name") for s in selections for a, b in [_span(s, points)])
    assert all(s.find(f"{Q}Coding/{Q}CodeRef") is not None for s in selections)
    # the attributes and the case stay with the source
    assert source.find(f"{Q}VariableValue") is not None
    assert any(ref.get("targetGUID") == doc.guid for ref in root.iter(f"{Q}SourceRef"))
    (film,) = root.iter(f"{Q}VideoSource")
    assert film.get("name") == "R9_vervolg" and film.find(f"{Q}Transcript") is not None


def _span(selection: etree._Element, points: dict[str, etree._Element]) -> tuple[int, int]:
    return (
        int(points[selection.get("fromSyncPoint")].get("position")),
        int(points[selection.get("toSyncPoint")].get("position")),
    )


def test_recordings_round_trip(rich_project: Project, tmp_path: Path) -> None:
    audio, video = _with_recordings(rich_project, tmp_path)
    rich_project.export(tmp_path / "out.qdpx")
    report = import_into_file(tmp_path / "copy.codewerk", tmp_path / "out.qdpx")
    assert report.skipped == [] and report.adjusted == []
    assert report.added["recordings"] == 2
    with Project.open(tmp_path / "copy.codewerk") as copy:
        assert canonical(copy) == canonical(rich_project)
        recordings = {m.document: m for m in copy.media.list()}
        assert recordings["R9_gemeente_eindhoven"].location == audio
        assert recordings["R9_gemeente_eindhoven"].stored_path == "R9_gemeente_eindhoven.wav"  # beside it
        assert recordings["R9_vervolg"].kind == "video" and recordings["R9_vervolg"].found
        original = rich_project.media.get("R9_vervolg")
        assert original is not None and recordings["R9_vervolg"].sha256 == original.sha256
        assert video.exists()
    # importing into the project it came from adds nothing: its own recordings stay
    report = import_exchange(rich_project, tmp_path / "out.qdpx")
    assert report.added["recordings"] == 0 and sum(report.added.values()) == 0


def test_a_moved_recording_is_attached_and_can_be_relinked(rich_project: Project, tmp_path: Path) -> None:
    audio, _video = _with_recordings(rich_project, tmp_path)
    rich_project.export(tmp_path / "out.qdpx")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.move(audio, elsewhere / audio.name)
    with Project.create(tmp_path / "copy.codewerk", codebook=None) as copy:
        report = import_exchange(copy, tmp_path / "out.qdpx")
        assert [(a.element, a.reason) for a in report.adjusted] == [
            (
                "recording of 'R9_gemeente_eindhoven'",
                f"{audio} was not found; attached anyway, find it with Relink (--relink DIR)",
            )
        ]
        info = copy.media.get("R9_gemeente_eindhoven")
        assert info is not None and not info.found
        assert [m.document for m in copy.media.relink(elsewhere)] == ["R9_gemeente_eindhoven"]
        copy.undo()  # the relink
        copy.undo()  # the import, recordings and all
        assert copy.media.list() == [] and copy.documents.list() == []


TRANSCRIPT = "I: Hoe gaat het?\nR4: Goed, we vertrouwen elkaar.\nI: Dank u.\n"


def _other_tool(tmp_path: Path, recording: str, *, selections: str = "") -> Path:
    """A .qdpx as another tool writes one: no Codewerk extension, the text without time labels."""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="ander">
  <CodeBook><Codes><Code guid="{guid(1)}" name="Vertrouwen" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <AudioSource guid="{guid(2)}" name="R4 interview" path="{recording}">
      <Transcript guid="{guid(3)}" name="R4.txt" plainTextPath="internal://{guid(3)}.txt">
        <SyncPoint guid="{guid(10)}" position="0" timeStamp="0"/>
        <SyncPoint guid="{guid(11)}" position="17" timeStamp="4500"/>
        <SyncPoint guid="{guid(12)}" position="21"/>
        <SyncPoint guid="{guid(13)}" position="48"/>
        <SyncPoint guid="{guid(14)}" position="49" timeStamp="61250"/>
        <TranscriptSelection guid="{guid(20)}" name="Goed, we vertrouwen elkaar." fromSyncPoint="{guid(12)}" toSyncPoint="{guid(13)}">
          <Coding guid="{guid(21)}"><CodeRef targetGUID="{guid(1)}"/></Coding>
        </TranscriptSelection>
        {selections}
      </Transcript>
      <AudioSelection guid="{guid(30)}" begin="1000" end="2000">
        <Coding guid="{guid(31)}"><CodeRef targetGUID="{guid(1)}"/></Coding>
      </AudioSelection>
    </AudioSource>
  </Sources>
</Project>"""
    assert schema_errors(qde.encode("utf-8"), PROJECT_SCHEMA) == []
    return write_qdpx(tmp_path / "ander.qdpx", qde, {f"sources/{guid(3)}.txt": TRANSCRIPT})


def test_another_tools_audio_source_becomes_a_timed_document_with_its_recording(tmp_path: Path) -> None:
    wav = write_wav(tmp_path / "R4.wav", seconds=0.5)
    path = _other_tool(
        tmp_path,
        wav.as_uri(),
        selections=f'<TranscriptSelection guid="{guid(22)}" fromSyncPoint="{guid(12)}" toSyncPoint="{guid(99)}"/>',
    )
    report = import_into_file(tmp_path / "p.codewerk", path)
    assert sorted((s.element, s.reason) for s in report.skipped) == [
        (
            "AudioSelection in AudioSource 'R4 interview'",
            "a stretch of the recording, not a passage of its transcript",
        ),
        (
            f"TranscriptSelection {guid(22)} in AudioSource 'R4 interview'",
            "does not name two sync points of its transcript",
        ),
    ]
    with Project.open(tmp_path / "p.codewerk") as project:
        assert project.documents.text("R4 interview") == TRANSCRIPT
        turns = project.documents.turns("R4 interview")
        assert [(t.speaker, t.timestamp) for t in turns] == [("I", 0.0), ("R4", 4.5), ("I", 61.25)]
        (quote,) = project.quotes()
        assert quote.text == "Goed, we vertrouwen elkaar." and quote.time_label == "00:00:04"
        info = project.media.get("R4 interview")
        assert info is not None and info.found and info.stored_path == "R4.wav" and info.kind == "audio"


def test_a_recording_that_cannot_be_attached_is_reported_and_the_transcript_imported(tmp_path: Path) -> None:
    for recording, reason in (
        (
            "internal://R4.m4a",
            "is inside the .qdpx; Codewerk links recordings instead of copying them (attach it with codewerk media)",
        ),
        ("https://example.org/R4.mp3", "its path https://example.org/R4.mp3 is not a file on this computer"),
        ("R4.mp3", f"{tmp_path / 'R4.mp3'} was not found; attach it with codewerk media"),
        (
            "R4.flac",
            f"{tmp_path / 'R4.flac'}: is not a supported recording (use mp3, m4a, wav, ogg, mp4, webm)",
        ),
    ):
        target = tmp_path / "p.codewerk"
        target.unlink(missing_ok=True)
        report = import_into_file(target, _other_tool(tmp_path, recording))
        assert ("recording of 'R4 interview'", reason) in [(s.element, s.reason) for s in report.skipped]
        with Project.open(target) as project:
            assert project.media.list() == []
            assert len(project.quotes()) == 1
            assert [t.timestamp for t in project.documents.turns("R4 interview")] == [0.0, 4.5, 61.25]


def test_without_the_extension_a_codewerk_export_still_brings_its_recording(
    rich_project: Project, tmp_path: Path
) -> None:
    _with_recordings(rich_project, tmp_path)
    out = rich_project.export(tmp_path / "out.qdpx")
    bare = tmp_path / "bare.qdpx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(bare, "w") as target:
        for item in source.infolist():
            if item.filename != EXTENSION_PART:
                target.writestr(item, source.read(item))
    report = import_into_file(tmp_path / "bare.codewerk", bare)
    assert report.added["recordings"] == 2
    with Project.open(tmp_path / "bare.codewerk") as copy:
        assert [t.timestamp for t in copy.documents.turns("R9_gemeente_eindhoven")] == [3.0, 9.0, 30.0]
        assert {q.text for q in copy.quotes()} == {q.text for q in rich_project.quotes()}
