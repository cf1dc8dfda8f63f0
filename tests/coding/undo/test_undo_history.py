"""Every edit is one undoable command: undo restores the database exactly, redo replays it exactly."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.changes import Aspect, Change
from coding.core.errors import CodewerkError
from tests.coding.dump import dump
from tests.conftest import TRANSCRIPT


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    source = folder / "R5.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    other = folder / "R9.txt"
    other.write_text("[00:00:01] R9: Wij werken goed samen met de gemeente.\n", encoding="utf-8")
    path = folder / "template.codewerk"
    with Project.create(path, codebook="rwb") as project:
        project.import_files([source], attributes={"region": "Zwolle", "respondent": "R5"})
        project.import_files([other], attributes={"region": "Zwolle", "respondent": "R9"})
        project.code("R5", "4a", text="vertrouw ik de andere partijen volledig")
    return path


def _fresh(template: Path, tmp_path: Path, name: str) -> Project:
    target = tmp_path / name
    shutil.copy(template, target)
    return Project.open(target, coder="tester")


_COUNTER = itertools.count()

OPERATIONS = (
    "code",
    "uncode",
    "span",
    "memo",
    "create_code",
    "rename_code",
    "move_code",
    "merge_codes",
    "delete_code",
    "assess",
    "review",
    "attribute",
    "delete_document",
    "document_memo",
)


def _run(project: Project, op: str, data: st.DataObject) -> None:
    documents = project.documents.list()
    tree = project.codes.tree()
    quotes = project.quotes()
    codes = list(tree)
    pick_code = lambda: data.draw(st.sampled_from(codes)).id  # noqa: E731
    if op == "code" and documents:
        doc = data.draw(st.sampled_from(documents))
        start = data.draw(st.integers(0, doc.length - 1))
        end = data.draw(st.integers(start + 1, doc.length))
        project.codings.code(doc.id, pick_code(), start, end, memo=data.draw(st.sampled_from(["", "memo ✓"])))
    elif op == "uncode" and quotes:
        project.codings.uncode(data.draw(st.sampled_from(quotes)).coding_id)
    elif op == "span" and quotes:
        quote = data.draw(st.sampled_from(quotes))
        length = project.documents.get(quote.document_id).length
        start = data.draw(st.integers(0, length - 1))
        project.codings.set_span(quote.passage_id, start, data.draw(st.integers(start + 1, length)))
    elif op == "memo" and quotes:
        project.codings.set_memo(data.draw(st.sampled_from(quotes)).coding_id, data.draw(st.text(max_size=8)))
    elif op == "create_code":
        parent = data.draw(st.none() | st.sampled_from(codes)) if codes else None
        project.codes.create(data.draw(st.sampled_from(["Nieuw", "Inductief 😀", "Vertrouwen"])), parent)
    elif op == "rename_code" and codes:
        project.codes.rename(pick_code(), data.draw(st.sampled_from(["Anders", "Betrouwbaarheid", "Één"])))
    elif op == "move_code" and codes:
        parent = data.draw(st.none() | st.sampled_from(codes))
        project.codes.move(pick_code(), parent.id if parent else None, data.draw(st.integers(0, 5)))
    elif op == "merge_codes" and len(codes) > 1:
        project.codes.merge(pick_code(), pick_code())
    elif op == "delete_code" and codes:
        project.codes.delete(pick_code())
    elif op == "assess" and codes:
        code = data.draw(st.sampled_from(codes))
        score = data.draw(st.sampled_from([*(code.scale or ("vrije tekst",)), "fout"]))
        evidence = [q.passage_id for q in quotes[:2]]
        project.assess("zwolle", code.id, score, note="omdat", evidence=evidence)
    elif op == "review" and quotes:
        status = data.draw(st.sampled_from(["agreed", "question", "disagree", None]))
        quote = data.draw(st.sampled_from(quotes))
        if status is None:
            project.reviews.clear(quote.coding_id)
        else:
            project.reviews.mark(quote.coding_id, status, "opmerking")
    elif op == "attribute" and documents:
        doc = data.draw(st.sampled_from(documents))
        project.documents.set_attributes(
            doc.id, {"region": data.draw(st.sampled_from(["Zwolle", "", "Arnhem"]))}
        )
    elif op == "delete_document" and documents:
        project.documents.delete(data.draw(st.sampled_from(documents)).id)
    elif op == "document_memo" and documents:
        project.memos.write("Opvallend 🙂", document=data.draw(st.sampled_from(documents)).id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_undo_and_redo_exactly(template: Path, tmp_path: Path, data: st.DataObject) -> None:
    project = _fresh(template, tmp_path, f"p{next(_COUNTER)}.codewerk")
    try:
        states = [dump(project.path)]
        for op in data.draw(st.lists(st.sampled_from(OPERATIONS), min_size=1, max_size=12)):
            before = dump(project.path)
            try:
                _run(project, op, data)
            except CodewerkError:
                assert dump(project.path) == before, f"failed {op} left changes behind"
                continue
            after = dump(project.path)
            if after != before:
                states.append(after)
        assert len(states) - 1 == project.history.undo_count
        for expected in reversed(states[:-1]):
            project.undo()
            assert dump(project.path) == expected
        for expected in states[1:]:
            project.redo()
            assert dump(project.path) == expected
    finally:
        project.close()


def test_every_change_is_announced_once(coded_project: Project) -> None:
    changes: list[Change] = []
    coded_project.subscribe(changes.append)
    quote = coded_project.quotes()[0]
    coded_project.codings.set_memo(quote.coding_id, "belangrijk")
    assert (
        len(changes) == 1
        and changes[0].touches(Aspect.CODINGS)
        and changes[0].affects_document(quote.document_id)
    )
    coded_project.undo()
    assert len(changes) == 2 and changes[1].tables == frozenset({"coding"})
    coded_project.codes.rename("Vertrouwen", "Vertrouwen tussen partijen")
    assert changes[-1].touches(Aspect.CODES) and changes[-1].document_ids is None
    assert coded_project.codes.resolve("Vertrouwen tussen partijen").name == "Vertrouwen tussen partijen"


def test_undo_texts_name_the_action(coded_project: Project) -> None:
    history = coded_project.history
    assert history.undo_text == "Code passage with Urgentiebesef"
    coded_project.undo()
    assert history.redo_text == "Code passage with Urgentiebesef"
    assert len(coded_project.quotes()) == 1
    coded_project.redo()
    assert len(coded_project.quotes()) == 2
