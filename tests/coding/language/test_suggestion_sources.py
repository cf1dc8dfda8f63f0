"""The suggestion sources over the stored index: batched vectors, term forms, and the corpus data
kept between refreshes (read again when the index or the speaker rules change)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.documents.document_commands import NewDocument, ReplaceDocumentText
from coding.language.speakers import TurnMap, TurnSpan
from coding.language.suggestions.data import DocumentTokens, Turns
from coding.language.suggestions.vectors import bag_counts, cosine, row_dots, tfidf, unit_tfidf
from coding.speakers.turns import detect_turns

INDICATOR_4A = "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"

bags = st.lists(st.lists(st.integers(0, 7), min_size=1, max_size=12), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(bags, st.dictionaries(st.integers(0, 7), st.floats(0.1, 3.0), min_size=1))
def test_batched_tfidf_and_dot_products_are_the_dict_ones(
    bags: list[list[int]], weights: dict[int, float]
) -> None:
    width = 8
    idf = {f"s{stem}": 1.0 + stem / 3 for stem in range(width)}
    rows = np.concatenate([np.full(len(bag), n) for n, bag in enumerate(bags)])
    columns = np.concatenate([np.array(bag) for bag in bags])
    row, column, counts = bag_counts(rows, columns, width)
    unit = unit_tfidf(row, column, counts, np.array([idf[f"s{s}"] for s in range(width)]), len(bags))
    profile = tfidf([f"s{stem}" for stem, w in weights.items() for _ in range(round(w))] or ["s0"], idf)
    dense = np.array([profile.get(f"s{s}", 0.0) for s in range(width)])
    dots = row_dots(row, column, unit, dense, len(bags))
    for n, bag in enumerate(bags):
        expected = tfidf([f"s{stem}" for stem in bag], idf)
        mine = row == n
        got = {f"s{c}": w for c, w in zip(column[mine].tolist(), unit[mine].tolist(), strict=True)}
        assert got.keys() == expected.keys()
        assert all(math.isclose(got[k], expected[k], rel_tol=1e-12) for k in got)
        assert math.isclose(dots[n], cosine(expected, profile), rel_tol=1e-9, abs_tol=1e-12)


@st.composite
def words_and_spans(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    lengths = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 6)), max_size=15))
    words, position = [], 0
    for gap, length in lengths:
        position += gap
        words.append((position, position + length))
        position += length
    spans = draw(st.lists(st.tuples(st.integers(0, position + 2), st.integers(0, 12)), max_size=6))
    return words, [(start, start + length) for start, length in spans]


@settings(max_examples=100, deadline=None)
@given(words_and_spans())
def test_words_in_spans_are_those_wholly_inside(
    case: tuple[list[tuple[int, int]], list[tuple[int, int]]],
) -> None:
    words, spans = case
    empty = np.zeros(0, dtype=np.int32)
    document = DocumentTokens(
        1,  # type: ignore[arg-type]
        np.array([s for s, _ in words], dtype=np.int32),
        np.array([e for _, e in words], dtype=np.int32),
        np.zeros(len(words), dtype=np.int32),
        np.zeros(len(words), dtype=np.int32),
        empty,
        empty,
        Turns(empty, empty, empty, np.zeros(0, dtype=bool)),
    )
    number, index = document.spans([s for s, _ in spans], [e for _, e in spans])
    found = list(zip(number.tolist(), index.tolist(), strict=True))
    expected = [
        (n, i)
        for n, (start, end) in enumerate(spans)
        for i, (s, e) in enumerate(words)
        if start <= s and e <= end
    ]
    assert found == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5), st.booleans()), max_size=6),
    st.lists(st.integers(0, 40), max_size=10),
)
def test_answers_at_is_the_turn_maps_answer(turns: list[tuple[int, int, bool]], positions: list[int]) -> None:
    spans, position = [], 0
    for gap, length, interviewer in turns:
        position += gap
        spans.append(
            TurnSpan(position, position, position + length, "I" if interviewer else "R", interviewer)
        )
        position += length
    empty = np.zeros(0, dtype=np.int32)
    arrays = Turns(
        np.array([t.start for t in spans], dtype=np.int32),
        np.array([t.body_start for t in spans], dtype=np.int32),
        np.array([t.end for t in spans], dtype=np.int32),
        np.array([t.interviewer for t in spans], dtype=bool),
    )
    document = DocumentTokens(1, empty, empty, empty, empty, empty, empty, arrays)  # type: ignore[arg-type]
    got = document.answers_at(np.array(positions, dtype=np.int64)).tolist()
    assert got == [TurnMap(spans).is_answer(p) for p in positions]


def test_a_phrase_is_found_across_punctuation_and_named_as_written(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    import_ede("Hoe gaat het samenwerken?", "Zij komen, hun afspraken na. Dat vind ik fijn.")
    items = indexed.assist.suggestions.refresh("4a", sources=["terms"])
    (found,) = [s for s in items if s.document == "R12_uwv_ede"]
    assert found.text == "Zij komen, hun afspraken na."
    assert "“komen hun afspraken na” (as “komen, hun afspraken na”)" in found.reason


def test_a_regular_expression_term_suggests_its_sentence(indexed: Project) -> None:
    indexed.codes.update("4a", search_terms=["re:werkgever\\w*"])
    items = indexed.assist.suggestions.refresh("4a", sources=["terms"])
    assert [(s.document, s.text) for s in items] == [
        ("R5_uwv_zwolle", "Ja, de werkgevers komen hun afspraken na.")
    ]
    assert "“re:werkgever\\w*” (as “werkgevers”)" in items[0].reason


def test_the_corpus_is_read_again_when_the_speaker_rules_change(indexed: Project) -> None:
    service = indexed.assist.suggestions
    before = {s.document for s in service.refresh("Vertrouwen")}
    assert "R9_wethouder_arnhem" in before
    indexed.speakers.set_interviewer("R9")  # R9's words are questions now, not answers
    after = {s.document for s in service.refresh("Vertrouwen")}
    assert "R9_wethouder_arnhem" not in after and "R5_uwv_zwolle" in after


def test_the_corpus_is_read_again_when_a_text_changes(indexed: Project) -> None:
    service = indexed.assist.suggestions
    assert not any("enthousiasme" in s.text for s in service.refresh("4a"))
    doc = indexed.documents.find("R9_wethouder_arnhem")
    new_text = indexed.documents.text(doc.id).replace(
        "Het vertrouwen groeit langzaam.", "Het enthousiasme groeit langzaam."
    )
    indexed.execute(
        ReplaceDocumentText(doc.id, NewDocument(doc.name, new_text, "txt", turns=detect_turns(new_text)))
    )
    items = service.refresh("4a")
    (found,) = [s for s in items if "enthousiasme" in s.text]
    assert found.text.startswith("Het enthousiasme groeit langzaam.") and found.code_path == INDICATOR_4A
    assert "“enthousiasme”" in found.reason  # found in the new text
    assert not any("Het vertrouwen groeit" in s.text for s in items)
