"""Issue 19: the .qdpx export is streamed (project.qde source by source, texts one at a time) and
writes exactly what the whole tree serialised at once would; it reports progress and can be
cancelled, leaving nothing."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from coding import Project
from coding.refi.names import EXTENSION_PART
from coding.refi.project_writer import ExportCancelled, project_parts
from coding.refi.snapshot import take_snapshot

_MODIFIED = re.compile(rb'modifiedDateTime="[^"]*"')


def test_the_streamed_archive_is_what_the_whole_snapshot_gives(rich_project: Project, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    path = rich_project.export(
        tmp_path / "out.qdpx", progress=lambda done, total, name: seen.append((done, total, name)) is None
    )
    whole = take_snapshot(rich_project)
    qde, extension = project_parts(whole)
    with zipfile.ZipFile(path) as archive:
        streamed = archive.read("project.qde")
        assert _MODIFIED.sub(b"", streamed, count=1) == _MODIFIED.sub(b"", qde, count=1)
        assert archive.read(EXTENSION_PART).decode("utf-8") == extension
        for doc in whole.documents:
            assert archive.read(f"sources/{doc.guid}.txt").decode("utf-8") == doc.text
    documents = len(whole.documents)
    assert documents >= 2
    assert [done for done, _total, _name in seen] == list(range(2 * documents + 1))
    assert {total for _done, total, _name in seen} == {2 * documents}
    assert [name for _done, _total, name in seen[1:]] == [d.name for d in whole.documents] * 2


@pytest.mark.parametrize("stop_at", [0, 1, 3])
def test_a_cancelled_export_writes_nothing(rich_project: Project, tmp_path: Path, stop_at: int) -> None:
    target = tmp_path / "out.qdpx"
    with pytest.raises(ExportCancelled, match=r"^the export was cancelled; nothing was written$"):
        rich_project.export(target, progress=lambda done, total, name: done < stop_at)
    assert [p.name for p in tmp_path.iterdir() if "out" in p.name or p.suffix == ".qdpx"] == []


def test_a_write_that_fails_in_the_deflating_thread_is_raised_on_the_exporting_one() -> None:
    from coding.refi.zip_streams import Deflating as _Deflating

    class Full:
        def __init__(self) -> None:
            self.written: list[bytes] = []

        def write(self, data: bytes) -> int:
            if len(self.written) == 2:
                raise OSError(28, "No space left on device")
            self.written.append(data)
            return len(data)

    out = Full()

    def write_all() -> None:
        with _Deflating(out, depth=1) as deflating:  # type: ignore[arg-type]
            for n in range(100):
                deflating.write(bytes([n]))

    with pytest.raises(OSError, match="No space left"):
        write_all()
    assert out.written == [b"\x00", b"\x01"]


def test_the_texts_written_behind_keep_their_order_and_a_failed_one_is_raised_here(tmp_path: Path) -> None:
    from coding.refi.zip_streams import TextsBehind

    texts = [
        (f"sources/{n}.txt", f"tekst {n} " * (1000 * n) if n % 2 else f"tekst {n}".encode()) for n in range(9)
    ]
    with zipfile.ZipFile(tmp_path / "ok.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with TextsBehind(archive, depth=2) as behind:
            for name, text in texts:
                behind.write(name, text)
        archive.writestr("last.json", "{}")  # after the block: the thread is done with the archive
    with zipfile.ZipFile(tmp_path / "ok.zip") as archive:
        assert archive.namelist() == [name for name, _text in texts] + ["last.json"]
        assert [archive.read(name) for name, _text in texts] == [
            text if isinstance(text, bytes) else text.encode() for _name, text in texts
        ]

    class Full:
        def __init__(self) -> None:
            self.written = 0

        def open(self, name: str, mode: str, force_zip64: bool = False) -> object:
            if self.written == 2:
                raise OSError(28, "No space left on device")
            self.written += 1
            return zipfile.ZipFile(tmp_path / f"{self.written}.zip", "w").open(name, mode)

    full = Full()

    def write_all() -> None:
        with TextsBehind(full, depth=1) as behind:  # type: ignore[arg-type]
            for name, text in texts:
                behind.write(name, text)

    with pytest.raises(OSError, match="No space left"):
        write_all()
    assert full.written == 2


def test_project_qde_goes_to_the_deflating_thread_in_blocks_of_qde_block(
    rich_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Few hand-overs to the deflating thread (each costs both threads a wait for the GIL): the
    blocks are ``QDE_BLOCK`` long but the last, and together they are the archive's project.qde."""
    from coding.refi import project_writer
    from coding.refi.zip_streams import Deflating

    blocks: list[bytes] = []

    class Recording(Deflating):
        def write(self, data: bytes) -> int:
            blocks.append(data)
            return super().write(data)

    monkeypatch.setattr(project_writer, "Deflating", Recording)
    monkeypatch.setattr(project_writer, "QDE_BLOCK", 4096)
    path = rich_project.export(tmp_path / "out.qdpx")
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
    assert b"".join(blocks) == qde
    assert len(qde) > 2 * 4096
    assert len(blocks) > 2
    assert all(len(block) >= 4096 for block in blocks[:-1])
