"""An export shows the project as it was when the export began, even while another coder writes
(a team server) or another program writes the file: all its reads are one snapshot. Without that,
on a team server each statement saw what was committed when it started, so the passages, the
codings and the document list of one ``.qdpx`` came from different moments: a coding made meanwhile
whose passage had not been read was lost, a deleted coding left its selection behind."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import event, select, text

import coding.refi.snapshot as snapshot_module
from coding import Project
from models import Coding
from tests.coding.interviews import R5, R6

pytestmark = pytest.mark.both_backends

P = "{urn:QDA-XML:project:1.0}"


def _location(project: Project) -> str:
    if project.is_team_project:
        return str(project.store.url.render_as_string(hide_password=False))  # type: ignore[attr-defined]
    return str(project.path)


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    project.import_files([tmp_path / "R5.txt"])
    project.code("R5", "Stabiliteit", 100, 120)
    project.code("R5", "Output", 40, 60)
    project.code("R5", "Output", 130, 150)
    return project


@pytest.fixture
def bob(coded: Project) -> Iterator[Project]:
    """Another coder on the same project (another program on the same file)."""
    with Project.open(_location(coded), coder="bob") as other:
        yield other


def _bob_writes(bob: Project, folder: Path, deleted: int) -> Callable[[], None]:
    """What Bob commits while the export reads: a new interview with a coding, a new coding in
    R5 (on a passage of its own) and one of the existing codings deleted."""

    def write() -> None:
        (folder / "R6.txt").write_text(R6, encoding="utf-8")
        bob.import_files([folder / "R6.txt"])
        bob.code("R6", "Output", 0, 18)
        bob.code("R5", "Stabiliteit", 10, 30)
        bob.codings.uncode(deleted)  # type: ignore[arg-type]

    return write


def _content(path: Path) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """The sources' names and every coding as (source, start, end, code) in the archive."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{P}Code")}
    sources = [s.get("name") or "" for s in root.iter(f"{P}TextSource")]
    codings = []
    for source in root.iter(f"{P}TextSource"):
        for selection in source.iter(f"{P}PlainTextSelection"):
            assert selection.findall(f"{P}Coding"), "a selection without its coding"
            for ref in selection.iter(f"{P}CodeRef"):
                codings.append(
                    (
                        source.get("name") or "",
                        selection.get("startPosition") or "",
                        selection.get("endPosition") or "",
                        codes[ref.get("targetGUID")] or "",
                    )
                )
    return sources, sorted(codings)


def test_a_qdpx_export_is_one_state_while_another_coder_writes(
    coded: Project, bob: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bob commits between the export's read of the passages and its read of the codings: the
    archive holds the project as it was before (every coding with its selection, nothing of Bob's)."""
    coded.export(tmp_path / "before.qdpx")
    race = _bob_writes(bob, tmp_path, _first_coding(coded))
    made: list[int] = []
    real = snapshot_module._Grouped

    class RacedGrouped(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append(1)
            if len(made) == 2:  # the codings' stream: the passages are being read already
                race()
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "_Grouped", RacedGrouped)
    coded.export(tmp_path / "raced.qdpx")
    monkeypatch.setattr(snapshot_module, "_Grouped", real)
    assert len(made) >= 2, "the export no longer reads through _Grouped: move the hook"
    coded.export(tmp_path / "after.qdpx")

    before, raced, after = (_content(tmp_path / f"{n}.qdpx") for n in ("before", "raced", "after"))
    assert before != after  # Bob's work is there once the export is done
    assert raced == before


def _first_coding(project: Project) -> int:
    with project.store.read() as session:
        return min(session.scalars(select(Coding.id)))


def test_a_csv_export_is_one_state_while_another_coder_writes(
    coded: Project, bob: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quote list reads the documents' attributes, then the quotes, then the code tree; Bob's
    commit between them does not show up in the file the export began before it."""
    race = _bob_writes(bob, tmp_path, _first_coding(coded))
    service = coded.quote_service
    real_query = service.query

    def raced_query(*args: Any, **kwargs: Any) -> Any:
        race()
        return real_query(*args, **kwargs)

    monkeypatch.setattr(service, "query", raced_query)
    coded.export(tmp_path / "raced.csv")
    monkeypatch.setattr(service, "query", real_query)
    coded.export(tmp_path / "after.csv")

    def rows(name: str) -> list[list[str]]:
        with (tmp_path / name).open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))

    assert len(rows("raced.csv")) == 1 + 3  # the header and the three codings made before
    assert len(rows("after.csv")) == 1 + 4  # three, one deleted, two more


def _race_at(project: Project, fragment: str, race: Callable[[], None]) -> list[str]:
    """Run ``race`` (once) just before the project sends the first statement holding ``fragment``."""
    fired: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not fired and fragment in statement:
            fired.append(statement)
            race()

    event.listen(project.store.engine, "before_cursor_execute", before)
    return fired


def test_the_comparison_grid_is_one_state_while_another_coder_writes(
    coded: Project, bob: Project, tmp_path: Path
) -> None:
    """The grid lists the documents (its columns), then counts the codings: Bob's new interview and
    deleted coding in between do not make counts that belong to no column or to no moment."""
    before = coded.comparison.grid("region")
    fired = _race_at(coded, "FROM coding JOIN passage", _bob_writes(bob, tmp_path, _first_coding(coded)))
    raced = coded.comparison.grid("region")
    assert fired, "the grid no longer counts the codings in that statement: move the hook"
    assert raced == before
    assert coded.comparison.grid("region") != before


def test_an_agreement_report_is_one_state_while_another_coder_writes(coded: Project, bob: Project) -> None:
    """Bob deletes the interview after the report read both coders' codings and before it read the
    documents: the report is the one of the moment it began (it broke on the missing document)."""
    bob.code("R5", "Output", 40, 62)
    bob.code("R5", "Stabiliteit", 100, 120)
    before = coded.agreement.report("tester", "bob", bootstrap_draws=50)
    fired = _race_at(coded, "document.length", lambda: bob.documents.delete("R5"))
    raced = coded.agreement.report("tester", "bob", bootstrap_draws=50)
    assert fired, "the report no longer reads the documents in that statement: move the hook"
    assert raced == before


def test_a_snapshot_on_a_team_server_is_repeatable_read_and_read_only(coded: Project) -> None:
    if not coded.is_team_project:
        pytest.skip("a file's read transaction is SQLite's own snapshot")
    with coded.store.snapshot(), coded.store.read() as session:
        shown = [
            session.execute(text(f"SHOW {name}")).scalar_one()
            for name in ("transaction_isolation", "transaction_read_only")
        ]
    assert shown == ["repeatable read", "on"]


def test_a_code_matrix_is_one_state_while_another_coder_writes(
    coded: Project, bob: Project, tmp_path: Path
) -> None:
    """The matrix lists the documents (its columns), then reads the codings: Bob's new interview
    in between no longer brings a coding of a document that has no column (it raised KeyError)."""
    before = coded.analysis.matrix()
    fired = _race_at(coded, "FROM coding JOIN passage", _bob_writes(bob, tmp_path, _first_coding(coded)))
    raced = coded.analysis.matrix()
    assert fired, "the matrix no longer reads the codings in that statement: move the hook"
    assert raced == before
    assert coded.analysis.matrix() != before


def test_an_export_has_a_code_another_coder_made_since_the_tree_was_read(
    coded: Project, bob: Project, tmp_path: Path
) -> None:
    """The code tree this program keeps (read before Bob's work, not told of it yet) is read again in the
    export's snapshot: Bob's new code and its coding are exported (before: KeyError, no file), and the
    code matrix counts them."""
    assert "Nieuw" not in {code.name for code in coded.codes.tree()}  # kept
    bob.codes.create("Nieuw")
    bob.code("R5", "Nieuw", 10, 30)
    archive = coded.export(tmp_path / "out.qdpx")
    assert ("R5", "10", "30", "Nieuw") in _content(archive)[1]
    table = coded.export(tmp_path / "out.csv")
    assert "Nieuw" in table.read_text(encoding="utf-8-sig")
    matrix = coded.analysis.matrix()
    assert "Nieuw" in {code.name for code in matrix.codes}
