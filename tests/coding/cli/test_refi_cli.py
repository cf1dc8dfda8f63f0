"""The command line: export to .qdpx/.qdc, import-qdpx (create or merge), new --codebook file.qdc."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.cli.main import main
from tests.coding.refi.helpers import guid, write_qdpx


def test_export_and_import_qdpx_create_then_merge(
    coded_project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded_project.close()
    out = tmp_path / "uit.qdpx"
    assert main(["export", str(coded_project.path), str(out)]) == 0
    assert out.exists()
    target = tmp_path / "kopie"
    assert main(["import-qdpx", str(target), str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Created {target}.codewerk" in printed
    assert "Imported from uit.qdpx:" in printed and "2 codings" in printed and "1 document" in printed
    assert main(["import-qdpx", f"{target}.codewerk", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Imported from uit.qdpx: nothing" in printed
    assert "Already in the project (kept as they are):" in printed
    assert main(["quotes", f"{target}.codewerk", "--code", "Urgentiebesef", "--format", "csv"]) == 0
    assert "De urgentie is hoog" in capsys.readouterr().out


def test_import_lists_what_was_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
      <PictureSource guid="{guid(1)}" name="Foto" path="internal://f.png"/>
      <TextSource guid="{guid(2)}" name="T"><PlainTextContent>Tekst hier.</PlainTextContent></TextSource>
    </Sources></Project>"""
    path = write_qdpx(tmp_path / "x.qdpx", qde)
    assert main(["import-qdpx", str(tmp_path / "p.codewerk"), str(path)]) == 0
    printed = capsys.readouterr().out
    assert "Skipped 1 element(s):" in printed
    assert "  - PictureSource 'Foto': is a picture; Codewerk imports text" in printed


def test_refused_import_prints_one_error_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_qdpx(tmp_path / "bad.qdpx", "<Project/>", {"../x.txt": "x"})
    assert main(["import-qdpx", str(tmp_path / "p.codewerk"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("codewerk: error: bad.qdpx: refused: the entry '../x.txt'")
    assert not (tmp_path / "p.codewerk").exists()


def test_new_project_with_a_qdc_codebook(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "boek.qdc"
    assert main(["export", str(project.path), str(book)]) == 0
    assert main(["new", str(tmp_path / "nieuw"), "--codebook", str(book)]) == 0
    assert f"({len(project.codes.tree())} codes)" in capsys.readouterr().out
    with Project.open(tmp_path / "nieuw.codewerk") as fresh:
        assert [c.guid for c in fresh.codes.tree()] == [c.guid for c in project.codes.tree()]
