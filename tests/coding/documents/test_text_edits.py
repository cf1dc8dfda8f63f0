"""Correcting a transcript in place: the edits a diff finds rebuild the corrected text exactly, every
coding stays on its passage (growing or shrinking with an edit inside it), and one undo restores the
project exactly."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.errors import InvalidInputError
from coding.core.text_remap import apply_replacements
from coding.documents.text_edits import text_edits
from tests.coding.dump import dump

TRANSCRIPT = (
    "[00:00:01] I: Hoe verloopt de samenwerking?\n"
    "[00:00:05] R9: We spreken elkaar elke week en ik vertrouw ze.\n"
    "[00:00:20] I: En de urgentie?\n"
    "[00:00:25] R9: Die is hoog, heel hoog.\n"
)

_text = st.text(alphabet="ab \n€😊é", max_size=40)


@settings(max_examples=150, deadline=None)
@given(_text, _text)
def test_the_edits_make_the_new_text(old: str, new: str) -> None:
    edits = text_edits(old, new)
    assert apply_replacements(old, edits)[0] == new
    assert all(a[1] <= b[0] for a, b in pairwise(edits))
    assert (edits == []) == (old == new)


def test_small_corrections_are_small_edits() -> None:
    old = "regel een\nwe vertrouwen ze\nregel drie\n"
    new = "regel een\nwij vertrouwen hen\nregel drie\n"
    # only the changed letters: "we" → "wij", "ze" → "hen"; the unchanged lines and words stay put
    assert text_edits(old, new) == [(11, 12, "ij"), (24, 25, "h"), (26, 26, "n")]


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "R9.txt").write_text(TRANSCRIPT, encoding="utf-8")
    project.import_files([tmp_path / "R9.txt"])
    project.code("R9", "Vertrouwen", text="ik vertrouw ze")
    project.code("R9", "4a", text="We spreken elkaar elke week")
    project.code("R9", "Urgentiebesef", text="heel hoog")
    project.code("R9", "Coördinatie", text="samenwerking")
    project.history.clear()
    return project


def _quotes(project: Project) -> set[str]:
    return {q.text for q in project.quotes()}


def test_corrections_keep_every_coding_on_its_passage(coded: Project) -> None:
    before = dump(coded.path)
    old = coded.documents.text("R9")
    corrected = (
        old.replace("elkaar elke week", "elkaar nu elke week")  # inside a coded passage
        .replace("ik vertrouw ze", "ik vertrouw hen")  # at a passage's end
        .replace("Hoe verloopt", "Hoe gaat")  # outside every passage
        .replace("samenwerking", "samenwerkingen")  # a whole coded word retyped longer
        .replace("[00:00:20] I:", "[00:00:21] I:")
    )
    result = coded.documents.correct_text("R9", corrected, expected=old)
    assert result.lost == () and result.edits >= 5
    assert coded.documents.text("R9") == corrected
    assert _quotes(coded) == {
        "ik vertrouw hen",
        "We spreken elkaar nu elke week",
        "heel hoog",
        "samenwerkingen",
    }
    assert len(coded.quotes()) == 4
    assert all(corrected[q.start : q.end] == q.text for q in coded.quotes())
    turns = coded.documents.turns("R9")
    assert [corrected[t.start : t.body_start] for t in turns] == [
        "[00:00:01] I: ",
        "[00:00:05] R9: ",
        "[00:00:21] I: ",
        "[00:00:25] R9: ",
    ]
    assert coded.history.undo_count == 1
    coded.undo()
    assert dump(coded.path) == before


def test_deleting_a_coded_passages_words_lists_it(coded: Project) -> None:
    old = coded.documents.text("R9")
    result = coded.documents.correct_text("R9", old.replace(", heel hoog", ""))
    assert [(p.text, p.codes) for p in result.lost] == [("heel hoog", ("Urgentiebesef",))]
    assert _quotes(coded) == {"ik vertrouw ze", "We spreken elkaar elke week", "samenwerking"}


def test_a_correction_from_an_older_text_is_refused(coded: Project) -> None:
    before = dump(coded.path)
    with pytest.raises(InvalidInputError, match="changed meanwhile"):
        coded.documents.correct_text("R9", "iets anders", expected="niet de tekst")
    assert dump(coded.path) == before


_words = st.lists(st.sampled_from(["we", "vertrouwen", "ze", "😊", "é", " ", "\n", "nu", "R9: "]), max_size=6)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 6), _words.map("".join)), max_size=4))
def test_random_corrections_keep_passages_on_their_text_and_undo_exactly(
    coded: Project, cuts: list[tuple[int, int, str]]
) -> None:
    old = coded.documents.text("R9")
    corrected = old
    for at, length, typed in cuts:  # replace a few stretches, from wherever they fall
        at = min(at, len(corrected))
        corrected = corrected[:at] + typed + corrected[at + length :]
    before = dump(coded.path)
    codings = len(coded.quotes())
    result = coded.documents.correct_text("R9", corrected, expected=old)
    text = coded.documents.text("R9")
    assert text == corrected
    quotes = coded.quotes()
    assert all(text[q.start : q.end] == q.text and q.text.strip() for q in quotes)
    assert len(quotes) + sum(len(p.codes) for p in result.lost) >= codings - result.merged
    if corrected != old:
        coded.undo()
    assert dump(coded.path) == before
