"""Undo groups: several commands are one action — one transaction, one undo step, one change."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Aspect, Project
from coding.codebook.code_commands import CreateCode
from coding.core.changes import Change
from coding.core.errors import CodewerkError, InvalidInputError
from coding.core.ids import CodeId, DocumentId
from coding.passages.coding_commands import ApplyCoding
from coding.undo.group import Group
from tests.coding.dump import dump


@pytest.fixture
def document(coded_project: Project) -> DocumentId:
    return coded_project.documents.find("R5_uwv_zwolle").id


def _watch(project: Project) -> list[Change]:
    seen: list[Change] = []
    project.subscribe(seen.append)
    return seen


def test_a_group_of_commands_is_one_undo_step_and_one_change(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    before = dump(project.path)
    steps = project.history.undo_count
    seen = _watch(project)
    group = Group(
        "Create code Werkdruk and code passage",
        [
            CreateCode(None, "Werkdruk", inductive=True),
            lambda code_id: ApplyCoding(document, code_id, 40, 60, coder="tester"),
        ],
    )
    code_id, coding_id = project.execute(group)
    assert project.codes.get(code_id).name == "Werkdruk"
    assert project.codings.get(coding_id).code_id == code_id
    assert project.history.undo_count == steps + 1
    assert project.history.undo_text == "Create code Werkdruk and code passage"
    assert len(seen) == 1 and seen[0].touches(Aspect.CODES) and seen[0].touches(Aspect.CODINGS)
    project.undo()
    assert dump(project.path) == before
    assert len(seen) == 2
    project.redo()
    assert project.codings.get(coding_id).code_id == code_id  # the same ids again


def test_when_the_second_child_fails_nothing_of_the_first_remains(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    before = dump(project.path)
    steps = project.history.undo_count
    seen = _watch(project)
    group = Group(
        "Create code and code passage",
        [
            CreateCode(None, "Werkdruk", inductive=True),
            lambda code_id: ApplyCoding(document, code_id, 60, 40, coder="tester"),  # end before start
        ],
    )
    with pytest.raises(CodewerkError):
        project.execute(group)
    assert dump(project.path) == before
    assert project.history.undo_count == steps
    assert seen == []
    assert "Werkdruk" not in [c.name for c in project.codes.tree().codes]


def test_services_called_inside_project_group_are_one_action(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    steps = project.history.undo_count
    seen = _watch(project)
    with project.group("Create code Werkdruk and code passage"):
        code = project.codes.create("Werkdruk")
        coding = project.codings.code(document, code.id, 40, 60)  # the new code resolves inside the group
        assert project.codings.get(coding.id).code_id == code.id  # reads see what the group wrote
        assert seen == []  # nothing announced before the group ends
    assert project.history.undo_count == steps + 1
    assert len(seen) == 1
    project.undo()
    assert "Werkdruk" not in [c.name for c in project.codes.tree().codes]
    assert all(c.code_id != code.id for p in project.codings.passages(document) for c in p.codings)


def test_a_failing_service_call_rolls_the_whole_group_back(
    coded_project: Project, document: DocumentId
) -> None:
    project = coded_project
    before = dump(project.path)
    steps = project.history.undo_count
    seen = _watch(project)

    def create_and_code() -> None:
        with project.group("Create code and code passage"):
            code = project.codes.create("Werkdruk")
            project.codings.code(document, code.id, 60, 40)

    with pytest.raises(InvalidInputError):
        create_and_code()
    assert dump(project.path) == before
    assert project.history.undo_count == steps
    assert seen == []
    with pytest.raises(CodewerkError):
        project.codes.get("Werkdruk")  # the cached code tree forgot it too
    project.codes.create("Werkdruk")  # and the project works on as before
    assert project.history.undo_count == steps + 1


def test_a_group_inside_a_group_joins_it(coded_project: Project) -> None:
    project = coded_project
    steps = project.history.undo_count
    with project.group("outer"):
        project.codes.create("A")
        with project.group("inner"):
            project.codes.create("B")
    assert project.history.undo_count == steps + 1
    assert project.history.undo_text == "outer"


def test_an_empty_group_records_nothing(coded_project: Project) -> None:
    steps = coded_project.history.undo_count
    seen = _watch(coded_project)
    with coded_project.group("nothing"):
        pass
    assert coded_project.history.undo_count == steps and seen == []


def test_importing_several_files_is_one_transaction_and_one_undo_step(
    project: Project, tmp_path: Path
) -> None:
    paths = []
    for number in range(3):
        path = tmp_path / f"R{number}.txt"
        path.write_text(f"[00:00:01] R{number}: Wij werken samen, deel {number}.\n", encoding="utf-8")
        paths.append(path)
    (tmp_path / "broken.docx").write_bytes(b"not a word file")
    paths.append(tmp_path / "broken.docx")
    seen = _watch(project)
    steps = project.history.undo_count
    report = project.import_files(paths)
    assert [d.name for d in report.imported] == ["R0", "R1", "R2"]
    assert [p.file for p in report.skipped] == ["broken.docx"]  # a bad file does not stop the rest
    assert project.history.undo_count == steps + 1
    assert len(seen) == 1
    project.undo()
    assert project.documents.list() == []


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fail_at=st.integers(min_value=0, max_value=3), count=st.integers(min_value=1, max_value=4))
def test_a_group_is_all_or_nothing(
    tmp_path_factory: pytest.TempPathFactory, fail_at: int, count: int
) -> None:
    path = tmp_path_factory.mktemp("group") / "p.codewerk"
    with Project.create(path, codebook=None, coder="tester") as project:
        before = dump(path)
        children = [CreateCode(None, f"code {i}") for i in range(count)]
        if fail_at < count:
            children[fail_at] = CreateCode(CodeId(999), "no such parent")
            with pytest.raises(CodewerkError):
                project.execute(Group("codes", children))
            assert dump(path) == before
            assert not project.history.can_undo
        else:
            project.execute(Group("codes", children))
            assert len(project.codes.tree().codes) == count
            project.undo()
            assert dump(path) == before


def test_an_import_can_be_undone_after_its_documents_were_indexed(project: Project, tmp_path: Path) -> None:
    """The search index (built in the background right after an import) is derived from the
    documents: it is no one's work that would stop the import's undo."""
    paths = []
    for number in range(2):
        path = tmp_path / f"R{number}.txt"
        path.write_text(f"[00:00:01] R{number}: Wij werken samen.\n", encoding="utf-8")
        paths.append(path)
    report = project.import_files(paths)
    with sqlite3.connect(project.path) as conn:  # what the indexer writes, as another connection
        for document in report.imported:
            conn.execute(
                'INSERT INTO sentence (document_id, number, start, "end") VALUES (?, 0, 0, 10)',
                (document.id,),
            )
    project.undo()
    assert project.documents.list() == []
