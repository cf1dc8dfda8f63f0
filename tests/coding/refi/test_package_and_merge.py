"""A blind package for a second coder and merging it back: GUIDs match, idempotent, one undo step,
re-anchoring of changed text, conflicts listed, bad files refused with the project unchanged."""

from __future__ import annotations

import gc
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import CodewerkError, InvalidInputError, ProjectFileError
from coding.refi.merge import merge_project
from coding.refi.package import package_for_coder
from tests.coding.dump import dump
from tests.conftest import TRANSCRIPT

DOC = "R5_uwv_zwolle"
TRUST = "vertrouw ik de andere partijen volledig"
WEEKLY = "We spreken elkaar elke week."


@pytest.fixture
def package(coded_project: Project, tmp_path: Path) -> Path:
    coded_project.memos.write("waarom zo?", title="Vraag", code="4a")
    coded_project.judgements.assess("Zwolle", "Urgentiebesef", "+", note="hoog")
    report = package_for_coder(coded_project, tmp_path / "bram.codewerk", coder="Bram")
    assert report.documents == (DOC,) and report.coder == "Bram"
    return report.path


def test_package_has_documents_and_codebook_without_anyones_work(
    coded_project: Project, package: Path
) -> None:
    with Project.open(package) as theirs:
        assert theirs.coder == "Bram" and theirs.preset_coder == "Bram"
        assert [d.name for d in theirs.documents.list()] == [DOC]
        assert theirs.documents.get(DOC).attributes == coded_project.documents.get(DOC).attributes
        assert theirs.documents.text(DOC) == coded_project.documents.text(DOC)
        assert len(theirs.codes.tree()) == len(coded_project.codes.tree())
        assert theirs.quotes() == [] and theirs.memos.list() == [] and theirs.judgements.list() == []
        assert len(theirs.documents.turns(DOC)) == len(coded_project.documents.turns(DOC))
    with Project.open(package, coder="Carla") as explicit:
        assert explicit.coder == "Carla"  # a name given explicitly wins over the preset


def test_package_refuses_to_overwrite_and_can_hold_only_the_codebook(
    coded_project: Project, package: Path, tmp_path: Path
) -> None:
    before = package.read_bytes()
    with pytest.raises(InvalidInputError, match=r"bram\.codewerk: already exists"):
        package_for_coder(coded_project, package, coder="Bram")
    assert package.read_bytes() == before
    only = package_for_coder(coded_project, tmp_path / "codes.codewerk", coder="Bram", codebook_only=True)
    assert only.documents == () and only.codes == len(coded_project.codes.tree())


def test_merge_brings_the_second_coders_work_in_once_as_one_step(
    coded_project: Project, package: Path
) -> None:
    with Project.open(package) as theirs:
        theirs.code(DOC, "4a", text=TRUST)
        theirs.code(DOC, "4a", text=WEEKLY)
        theirs.memos.write("mijn twijfel", title="Bram", document=DOC)
    project = coded_project
    before = dump(project.path)
    undo_count = project.history.undo_count
    report = merge_project(project, package)
    assert (
        report.added["codings"] == 2 and report.added["documents"] == 0 and report.existing["documents"] == 1
    )
    assert report.added["memos"] == 1 and report.conflicts == [] and report.skipped == []
    trust = project.quotes(code="4a", include_subcodes=False)
    assert sorted((q.text, q.coder or "") for q in trust) == [
        (WEEKLY, "Bram"),
        (TRUST, "Bram"),
        (TRUST, "tester"),
    ]
    assert project.history.undo_count == undo_count + 1
    again = merge_project(project, package)
    assert sum(again.added.values()) == 0  # idempotent
    assert project.history.undo_count == undo_count + 1  # nothing written, no step recorded
    project.undo()  # the merge comes off in one step
    assert dump(project.path) == before


def test_a_merge_leaves_frozen_what_the_open_project_froze(coded_project: Project, package: Path) -> None:
    """The coder's file is opened and closed inside the open project: its close does not hand what the open
    project (the window's settled records, a find's words) froze back to the collector, whose next full
    collection walked it all (1.5–4 s on the huge project)."""
    kept: list[object] = []
    kept.append(kept)  # long-lived, in a cycle
    gc.freeze()  # as the window's settling
    try:
        assert merge_project(coded_project, package).added["documents"] == 0
        assert gc.get_freeze_count() > 0
        assert not any(found is kept for found in gc.get_objects())  # still frozen: no collection walks it
    finally:
        gc.unfreeze()


def test_changed_text_is_reanchored_and_lost_passages_listed(
    coded_project: Project, package: Path, tmp_path: Path
) -> None:
    with Project.open(package) as theirs:
        theirs.code(DOC, "4a", text=TRUST)
        theirs.code(DOC, "Urgentiebesef", text="De urgentie is hoog")
    # Meanwhile the first coder corrected the transcript: a line was added before, a word changed.
    changed = ("Opmerking vooraf.\n" + TRANSCRIPT).replace("De urgentie is hoog", "De urgentie is enorm")
    (tmp_path / "R5_uwv_zwolle.txt").write_text(changed, encoding="utf-8")
    coded_project.import_files([tmp_path / "R5_uwv_zwolle.txt"], replace=True)
    assert coded_project.documents.text(DOC).startswith("Opmerking vooraf.")
    report = merge_project(coded_project, package)
    bram = coded_project.quotes(coder="Bram")
    assert [(q.text, q.code_path) for q in bram] == [
        (TRUST, "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet")
    ]
    text = coded_project.documents.text(DOC)
    assert text[bram[0].start : bram[0].end] == TRUST
    assert [s.reason for s in report.skipped if "could not be re-anchored" in s.reason] == [
        "its text was changed since; it could not be re-anchored: “De urgentie is hoog”"
    ]


def test_conflicts_are_listed_and_the_projects_version_kept(coded_project: Project, package: Path) -> None:
    with Project.open(package) as theirs:
        theirs.codes.rename("Urgentiebesef", "Urgentie")
        theirs.judgements.assess("Zwolle", "Urgentie", "-")
    coded_project.codes.rename("Urgentiebesef", "Gevoelde urgentie")
    report = merge_project(coded_project, package)
    assert [c.element for c in report.conflicts] == [
        "Code 'Gevoelde urgentie'",
        "Judgement of 'Gevoelde urgentie' for region Zwolle",
    ]
    assert "Conflicts 2 (the project's version kept):" in report.lines()
    assert coded_project.codes.get("Gevoelde urgentie").name == "Gevoelde urgentie"
    [judgement] = coded_project.judgements.list()
    assert judgement.score == "+"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("geen project", encoding="utf-8"), "not a Codewerk project"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
    ],
)
def test_a_file_that_is_not_a_project_is_refused(
    coded_project: Project, tmp_path: Path, make, message
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bram.codewerk"
    make(bad)
    before = dump(coded_project.path)
    with pytest.raises(ProjectFileError, match=rf"bram\.codewerk: {message}"):
        merge_project(coded_project, bad)
    assert dump(coded_project.path) == before


def test_a_newer_project_and_another_codebook_are_refused(
    coded_project: Project, package: Path, tmp_path: Path
) -> None:
    before = dump(coded_project.path)
    newer = tmp_path / "newer.codewerk"
    newer.write_bytes(package.read_bytes())
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    with pytest.raises(ProjectFileError, match=r"newer\.codewerk: was written by a newer Codewerk"):
        merge_project(coded_project, newer)
    with Project.create(tmp_path / "other.codewerk", codebook=None) as other:
        other.codes.create("Iets anders")
    with pytest.raises(CodewerkError, match=r"other\.codewerk: its codebook shares no code"):
        merge_project(coded_project, tmp_path / "other.codewerk")
    with pytest.raises(InvalidInputError, match="the open project itself"):
        merge_project(coded_project, coded_project.path)
    assert dump(coded_project.path) == before
