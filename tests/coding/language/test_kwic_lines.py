"""Lines built when read equal the lines built at once, and the cheap sorts order them as sort_lines does."""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.ids import DocumentId
from coding.language.corpus import CorpusDocument
from coding.language.kwic import SORT_KEYS, KwicLine, context, sort_lines
from coding.language.kwic_lines import Hit, KwicLines
from coding.language.speakers import TurnMap, TurnSpan

TEXT = st.text(alphabet=st.sampled_from("ab é\nZ.,1 \t"), min_size=1, max_size=80)


def _eager(
    hits: list[Hit],
    docs: dict[DocumentId, CorpusDocument],
    texts: dict[DocumentId, str],
    turns: dict[DocumentId, TurnMap],
    width: int,
) -> list[KwicLine]:
    lines = []
    for doc_id, start, end, sentence in hits:
        turn = turns[doc_id].at(start)
        speaker = turn.speaker if turn is not None else ""
        respondent = docs[doc_id].respondent or (speaker if turn is not None and not turn.interviewer else "")
        left, hit, right = context(texts[doc_id], start, end, width)
        lines.append(
            KwicLine(
                doc_id,
                docs[doc_id].name,
                start,
                end,
                left,
                hit,
                right,
                respondent,
                speaker,
                sentence,
                docs[doc_id].attributes,
            )
        )
    return lines


@st.composite
def corpora(draw: st.DrawFn) -> tuple[KwicLines, list[KwicLine], list[int]]:
    count = draw(st.integers(1, 3))
    docs: dict[DocumentId, CorpusDocument] = {}
    texts: dict[DocumentId, str] = {}
    turns: dict[DocumentId, TurnMap] = {}
    hits: list[Hit] = []
    for n in range(count):
        doc_id = DocumentId(n + 1)
        text = draw(TEXT)
        respondent = draw(st.sampled_from(["", "R2", "R10"]))
        docs[doc_id] = CorpusDocument(
            doc_id,
            draw(st.sampled_from(["R2", "R10", "r2"])),
            n,
            {"respondent": respondent} if respondent else {},
        )
        texts[doc_id] = text
        cut = draw(st.integers(0, len(text)))
        turns[doc_id] = TurnMap([TurnSpan(0, 0, cut, "I", True), TurnSpan(cut, cut, len(text), "R", False)])
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            hits.append((doc_id, start, end, draw(st.none() | st.just((0, len(text))))))
    width = draw(st.integers(1, 30))
    lazy = KwicLines(hits, docs, texts, turns, width)
    asked = draw(st.lists(st.integers(0, max(0, len(hits) - 1)), max_size=8)) if hits else []
    return lazy, _eager(hits, docs, texts, turns, width), asked


@settings(max_examples=60, deadline=None)
@given(corpora())
def test_lines_built_when_read_equal_the_lines_built_at_once(
    case: tuple[KwicLines, list[KwicLine], list[int]],
) -> None:
    lazy, eager, asked = case
    assert len(lazy) == len(eager)
    for index in asked:  # in any order, some twice
        assert lazy[index] == eager[index]
    assert lazy[1:] == eager[1:]
    assert list(lazy) == eager
    assert lazy.built_count() == len(eager)


@st.composite
def numbered(draw: st.DrawFn) -> tuple[KwicLines, list[KwicLine], list[int], list[int]]:
    """Hits naming their sentences by number, looked up in blocks of 1–4 hits; a looked-up
    sentence shorter than its hit (a phrase over two sentences) reaches to the hit's end."""
    lazy, _eager_lines, asked = draw(corpora())
    hits = lazy.hits
    numbered_hits: list[Hit] = []
    spans: dict[tuple[DocumentId, int], tuple[int, int]] = {}
    for doc_id, start, end, _sentence in hits:
        number = draw(st.integers(0, 3))
        spans[(doc_id, number)] = (min(start, number), number + 1)
        numbered_hits.append((doc_id, start, end, number))
    looked_up: list[int] = []

    def sentences(
        wanted: Collection[tuple[DocumentId, int]],
    ) -> dict[tuple[DocumentId, int], tuple[int, int]]:
        looked_up.append(len(wanted))
        return {key: spans[key] for key in wanted}

    out = KwicLines(numbered_hits, lazy._documents, lazy._texts, lazy._turns, lazy._width, sentences)
    out.sentence_block = draw(st.integers(1, 4))
    spanned = [
        (doc_id, start, end, (spans[(doc_id, n)][0], max(spans[(doc_id, n)][1], end)))
        for doc_id, start, end, n in numbered_hits
        if isinstance(n, int)
    ]
    return out, _eager(spanned, lazy._documents, lazy._texts, lazy._turns, lazy._width), asked, looked_up


@settings(max_examples=60, deadline=None)
@given(numbered())
def test_sentences_looked_up_by_block_equal_the_spans_given_at_once(
    case: tuple[KwicLines, list[KwicLine], list[int], list[int]],
) -> None:
    lazy, eager, asked, looked_up = case
    for index in asked:
        assert lazy[index] == eager[index]
        assert all(count <= lazy.sentence_block for count in looked_up)
    assert len(looked_up) <= len(set(asked))
    assert list(lazy.taken(list(range(len(lazy)))[::-1])) == eager[::-1]
    assert list(lazy) == eager


@settings(max_examples=60, deadline=None)
@given(corpora(), st.sampled_from(sorted(SORT_KEYS)), st.booleans())
def test_every_sort_orders_as_sort_lines(
    case: tuple[KwicLines, list[KwicLine], list[int]], by: str, descending: bool
) -> None:
    lazy, eager, asked = case
    for index in asked:
        lazy[index]
    order = lazy.order(by, descending=descending)
    assert [eager[i] for i in order] == sort_lines(eager, by, descending=descending)
    if not lazy.needs_lines(by):
        assert lazy.built_count() == len(set(asked))  # the cheap sorts built nothing


def test_a_search_builds_no_line_until_one_is_read(indexed: Project) -> None:
    result = indexed.assist.search("vertrouwen", "lemma")
    lines = result.lines
    assert isinstance(lines, KwicLines) and lines.built_count() == 0 and len(lines) == 7
    assert all(isinstance(hit[3], int) for hit in lines.hits)  # sentences not looked up yet
    assert lines[3].hit == "vertrouwd" and lines.built_count() == 1
    assert all(isinstance(hit[3], tuple) for hit in lines.hits)  # one block: all looked up at once
    assert [line.hit for line in lines][:2] == ["vertrouwen", "vertrouwde"]


def test_building_stops_when_progress_says_so(indexed: Project) -> None:
    lines = indexed.assist.search("vertrouwen", "lemma").lines
    assert isinstance(lines, KwicLines)
    lines.build(lambda done, total: done < 2, every=1)  # stop after the third line
    assert lines.built_count() == 3
    lines.build()
    assert lines.built_count() == len(lines)
