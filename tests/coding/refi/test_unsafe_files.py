"""Unsafe or unusable exchange files are refused with one clear message, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import CodebookError, FileImportError
from coding.refi import archive
from coding.refi.exchange import import_exchange, import_into_file
from tests.coding.dump import dump
from tests.coding.refi.helpers import guid, write_qdpx
from tests.coding.zip_damage import damage_member

GOOD_QDE = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="p">
<CodeBook><Codes><Code guid="{guid(1)}" name="Vertrouwen" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="{guid(2)}" name="T" plainTextPath="internal://t.txt"/></Sources></Project>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&secret;"/>"""


def _traversal(path: Path) -> None:
    write_qdpx(path, GOOD_QDE, {"sources/t.txt": "tekst", "../../evil.txt": "x"})


def _absolute(path: Path) -> None:
    write_qdpx(path, GOOD_QDE, {"sources/t.txt": "tekst", "/etc/evil.txt": "x"})


def _drive(path: Path) -> None:
    write_qdpx(path, GOOD_QDE, {"sources/t.txt": "tekst", "C:\\Windows\\evil.txt": "x"})


def _bomb(path: Path) -> None:
    write_qdpx(path, GOOD_QDE, {"sources/t.txt": b"\0" * (20 * 1024 * 1024)})


def _laughs(path: Path) -> None:
    write_qdpx(path, LAUGHS)


def _external(path: Path) -> None:
    write_qdpx(path, EXTERNAL)


def _no_qde(path: Path) -> None:
    write_qdpx(path, GOOD_QDE, {"sources/t.txt": "tekst"}, qde_name="sources/project.xml")


def _not_zip(path: Path) -> None:
    path.write_text("<Project/>", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _broken_xml(path: Path) -> None:
    write_qdpx(path, "<Project xmlns='urn:QDA-XML:project:1.0' name='p'><Users>")


def _other_xml(path: Path) -> None:
    write_qdpx(path, "<html><body/></html>")


def _deep(path: Path) -> None:
    codes = "".join(f'<Code guid="{guid(n)}" name="c{n}" isCodable="true">' for n in range(5000))
    write_qdpx(
        path,
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>{codes}'
        + "</Code>" * 5000
        + "</Codes></CodeBook></Project>",
    )


def _encrypted(path: Path) -> None:
    write_qdpx(path, GOOD_QDE)
    data = bytearray(path.read_bytes())  # set the "encrypted" flag in the local and central headers
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    path.write_bytes(bytes(data))


def _damaged(member: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        write_qdpx(path, GOOD_QDE, {"sources/t.txt": "tekst " * 200})
        damage_member(path, member)

    return build


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "traversal": (_traversal, "points outside the archive"),
    "absolute": (_absolute, "points outside the archive"),
    "drive": (_drive, "points outside the archive"),
    "bomb": (_bomb, "zip bomb"),
    "laughs": (_laughs, "declares XML entities"),
    "external": (_external, "declares XML entities"),
    "no qde": (_no_qde, "has no project.qde"),
    "not zip": (_not_zip, "not a zip archive"),
    "empty": (_empty, "empty"),
    "broken xml": (_broken_xml, "not well-formed XML"),
    "other xml": (_other_xml, "not a REFI-QDA project"),
    "encrypted": (_encrypted, "encrypted"),
    "deep": (_deep, "nested more than 100 levels"),
    "damaged project.qde": (_damaged("project.qde"), "the archive is damaged .'project.qde'"),
    "damaged source": (_damaged("sources/t.txt"), "the archive is damaged .'sources/t.txt'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unsafe_file_is_refused_and_nothing_is_written(case: str, tmp_path: Path) -> None:
    build, message = CASES[case]
    bad = tmp_path / "bad.qdpx"
    build(bad)
    with Project.create(tmp_path / "p.codewerk", codebook="rwb") as project:
        before = dump(project.path)
        with pytest.raises(FileImportError, match=message) as raised:
            import_exchange(project, bad)
        assert str(raised.value).startswith("bad.qdpx: ")
        assert dump(project.path) == before
        assert not project.history.can_undo
    new_project = tmp_path / "new.codewerk"
    with pytest.raises(FileImportError, match=message):
        import_into_file(new_project, bad)
    assert not new_project.exists()
    assert not (tmp_path.parent / "evil.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["bad.qdpx", "p.codewerk", *_sqlite_leftovers(tmp_path)]
    )


def _sqlite_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("p.codewerk-")]


def test_too_much_text_in_total_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_READ_BYTES", 1000)
    path = write_qdpx(
        tmp_path / "big.qdpx", GOOD_QDE, {"sources/t.txt": "x" * 600, "sources/u.txt": "y" * 600}
    )
    with (
        Project.create(tmp_path / "p.codewerk", codebook=None) as project,
        pytest.raises(FileImportError, match="zip bomb"),
    ):
        import_exchange(project, path)


def test_a_codebook_with_entities_is_refused_before_a_project_is_created(tmp_path: Path) -> None:
    evil = tmp_path / "evil.qdc"
    evil.write_text(
        LAUGHS.replace("Project", "CodeBook").replace("project:1.0", "codebook:1.0"), encoding="utf-8"
    )
    with pytest.raises(CodebookError, match=r"evil.qdc: .*XML entities"):
        Project.create(tmp_path / "p.codewerk", codebook=evil)
    assert not (tmp_path / "p.codewerk").exists()


@pytest.mark.parametrize(
    "declaration",
    [
        '<!ENTITY % p "x">',  # a parameter entity
        '<!ENTITY pic SYSTEM "pic.gif" NDATA gif>',  # an unparsed entity
        '<!ENTITY lol "lol">',
    ],
)
def test_an_entity_declared_after_a_long_prologue_is_refused(declaration: str, tmp_path: Path) -> None:
    """project.qde is parsed a chunk at a time; the DTD is read whole before any of it is parsed."""
    comments = "".join(f"<!-- {n:06d} {'x' * 90} -->\n" for n in range(2000))  # ≈ 200 KB
    qde = f'<?xml version="1.0"?>\n<!DOCTYPE Project [\n{comments}<!NOTATION gif SYSTEM "gif">\n{declaration}\n]>\n'
    path = write_qdpx(tmp_path / "bad.qdpx", qde + GOOD_QDE, {"sources/t.txt": "tekst"})
    with Project.create(tmp_path / "p.codewerk", codebook=None) as project:
        before = dump(project.path)
        with pytest.raises(FileImportError, match=r"bad\.qdpx: .*declares XML entities"):
            import_exchange(project, path)
        assert dump(project.path) == before


def test_a_dtd_without_entities_is_read(tmp_path: Path) -> None:
    qde = '<?xml version="1.0"?>\n<!DOCTYPE Project [\n<!ELEMENT Project ANY>\n]>\n'
    path = write_qdpx(tmp_path / "ok.qdpx", qde + GOOD_QDE, {"sources/t.txt": "tekst"})
    with Project.create(tmp_path / "p.codewerk", codebook=None) as project:
        report = import_exchange(project, path)
        assert report.added["documents"] == 1
