"""Coding many passages at once: one action, all or nothing, undone and redone as one step."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coding import Aspect, Project
from coding.core.changes import Change
from coding.core.errors import CodewerkError, InvalidInputError, NotFoundError
from tests.coding.dump import dump

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends

DOC = "R5_uwv_zwolle"


def _span(project: Project, passage: str) -> tuple[int, int]:
    return project.documents.find_passage(DOC, passage)


def test_codes_every_passage_with_one_undo_step(coded_project: Project) -> None:
    project = coded_project
    before = dump(project.path)
    undo_count = project.history.undo_count
    changes: list[Change] = []
    project.subscribe(changes.append)
    trust = _span(project, "We spreken elkaar elke week.")
    urgency = _span(project, "er staan veel mensen aan de kant")
    ids = project.codings.code_many(
        [
            (DOC, "4b", *trust),
            (DOC, "Frequentie van contact", *trust, "wekelijks"),  # same passage, second code
            (DOC, "Urgentiebesef", urgency[0] - 1, urgency[1]),  # the space before is trimmed
        ]
    )
    assert len(ids) == 3
    assert project.history.undo_count == undo_count + 1
    assert project.history.undo_text == "Code 3 passages"
    assert len(changes) == 1 and changes[0].touches(Aspect.CODINGS)

    infos = [project.codings.get(coding_id) for coding_id in ids]
    assert [info.text for info in infos] == [
        "We spreken elkaar elke week.",
        "We spreken elkaar elke week.",
        "er staan veel mensen aan de kant",
    ]
    assert infos[0].passage_id == infos[1].passage_id  # one passage, two codes
    assert infos[1].memo == "wekelijks" and infos[0].coder == "tester"
    assert project.codes.get(infos[2].code_id).name == "Urgentiebesef"
    after = dump(project.path)

    project.undo()
    assert dump(project.path) == before
    project.redo()
    assert dump(project.path) == after


def test_reuses_an_existing_passage(coded_project: Project) -> None:
    existing = coded_project.quotes(code="4a")[0]
    [coding_id] = coded_project.codings.code_many(
        [(existing.document_id, "Betrouwbaarheid", existing.start, existing.end)]
    )
    assert coded_project.codings.get(coding_id).passage_id == existing.passage_id


@pytest.mark.parametrize(
    ("item", "error", "message"),
    [
        ((DOC, "4a", 10, 5), InvalidInputError, "R5_uwv_zwolle: span 10:5"),
        ((DOC, "4a", 0, 10_000), InvalidInputError, "R5_uwv_zwolle: span 0:10000"),
        ((DOC, "Bestaat niet", 0, 5), NotFoundError, "Bestaat niet"),
        (("R99", "4a", 0, 5), NotFoundError, "R99"),
    ],
)
def test_one_bad_item_codes_nothing(
    coded_project: Project, item: tuple[str, str, int, int], error: type[Exception], message: str
) -> None:
    before = dump(coded_project.path)
    undo_count = coded_project.history.undo_count
    good = (DOC, "4b", *_span(coded_project, "We spreken elkaar elke week."))
    with pytest.raises(error, match=message):
        coded_project.codings.code_many([good, item])
    assert dump(coded_project.path) == before
    assert coded_project.history.undo_count == undo_count


def test_an_existing_coding_is_refused_or_skipped(coded_project: Project) -> None:
    existing = coded_project.quotes(code="4a", include_subcodes=False)[0]
    new = _span(coded_project, "We spreken elkaar elke week.")
    items = [(DOC, "4a", existing.start, existing.end), (DOC, "4a", *new)]
    before = dump(coded_project.path)
    with pytest.raises(InvalidInputError, match="already coded with 'Positieve verwachtingen"):
        coded_project.codings.code_many(items)
    assert dump(coded_project.path) == before

    ids = coded_project.codings.code_many(items, skip_existing=True)
    assert [coded_project.codings.get(i).text for i in ids] == ["We spreken elkaar elke week."]
    # the same passage and code twice in one batch counts as a duplicate too
    twice = (DOC, "4c", *new)
    with pytest.raises(InvalidInputError, match="already coded"):
        coded_project.codings.code_many([twice, twice])
    assert len(coded_project.codings.code_many([twice, twice], skip_existing=True)) == 1


def test_nothing_to_do_is_not_an_action(coded_project: Project) -> None:
    undo_count = coded_project.history.undo_count
    assert coded_project.codings.code_many([]) == []
    existing = coded_project.quotes(code="4a", include_subcodes=False)[0]
    assert (
        coded_project.codings.code_many([(DOC, "4a", existing.start, existing.end)], skip_existing=True) == []
    )
    assert coded_project.history.undo_count == undo_count


def test_many_passages_in_many_documents(project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    files = []
    for number in range(1, 4):
        path = tmp_path / f"R{number}.txt"
        path.write_text(
            "".join(f"[00:00:{i:02d}] R{number}: Zin nummer {i} over coördinatie 🙂.\n" for i in range(40)),
            encoding="utf-8",
        )
        files.append(path)
    project.import_files(files)
    items = []
    for doc in project.documents.list():
        text = project.documents.text(doc.id)
        start = 0
        for _ in range(40):
            end = text.index("\n", start)
            items.append((doc.name, "Coördinatie", start, end))
            start = end + 1
    ids = project.codings.code_many(items)
    assert len(ids) == 120 == len(project.quotes(code="Coördinatie"))
    assert all(q.text.endswith("coördinatie 🙂.") for q in project.quotes(code="Coördinatie"))
    project.undo()
    assert project.quotes() == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_batches_are_all_or_nothing_and_undo_exactly(
    coded_project: Project, data: st.DataObject
) -> None:
    project = coded_project
    length = project.documents.get(DOC).length
    text = project.documents.text(DOC)
    codes = [c.id for c in project.codes.tree()][:6]
    good = st.integers(0, length - 1).flatmap(lambda a: st.tuples(st.just(a), st.integers(a + 1, length)))
    bad = st.tuples(st.integers(-2, length + 2), st.integers(-2, length + 2))
    spans = st.sampled_from([good] * 9 + [bad]).flatmap(lambda strategy: strategy)  # mostly valid
    items = data.draw(
        st.lists(st.tuples(st.sampled_from(codes), spans), max_size=8).map(
            lambda drawn: [(DOC, code, start, end) for code, (start, end) in drawn]
        )
    )
    skip = data.draw(st.booleans())
    before = dump(project.path)
    undo_count = project.history.undo_count
    try:
        ids = project.codings.code_many(items, skip_existing=skip)
    except CodewerkError:
        event("refused")
        assert dump(project.path) == before
        assert project.history.undo_count == undo_count
        return
    event(f"coded {len(ids)}")
    infos = [project.codings.get(i) for i in ids]
    for info in infos:  # every new coding is a trimmed, non-empty passage of the text
        assert info.text == text[info.start : info.end] == info.text.strip() != ""
    assert len({(i.passage_id, i.code_id) for i in infos}) == len(infos)
    if not ids:
        assert dump(project.path) == before
        return
    after = dump(project.path)
    project.undo()
    assert dump(project.path) == before
    project.redo()
    assert dump(project.path) == after
