"""Issue 14 item 4 / issue 19: indexing streams a batch at a time, the lexical way or per token,
and whatever the batch size or the way the stored index is the same."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.ids import DocumentId
from coding.core.text import trim_span
from coding.language import index_batches
from coding.language.chunks import index_pieces
from coding.language.index_batches import IndexBatch, TermKey, analyse, groups
from coding.language.pipeline import LanguagePipeline, pipeline_for
from tests.coding.language.conftest import ARNHEM, ZWOLLE

WORDS = [
    "vertrouwen", "Vertrouwde", "gemeenten", "werkgevers", "één", "coördinatie", "Zwolle", "R5",
    "zo'n", "e-mail", "3,5", "€", "👍", "...", "!", "?", ",", "(ja)", "«nee»", "naïef", "2017",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "\n", ". ", "! ", "? ", "\u00a0", "  ", "\n\n", ": ", "\t"]


#: (position, start, end, sentence number, (form, lemma), alphabetic)
TokenRow = tuple[int, int, int, int, TermKey, bool]


def _rows(batches: list[IndexBatch]) -> tuple[list[TokenRow], list[tuple[int, int, int]]]:
    tokens: list[TokenRow] = []
    sentences: list[tuple[int, int, int]] = []
    for batch in batches:
        for position, start, end, number, slot in zip(
            batch.positions.tolist(),
            batch.starts.tolist(),
            batch.ends.tolist(),
            batch.sentence_numbers.tolist(),
            batch.term_index.tolist(),
            strict=True,
        ):
            tokens.append((position, start, end, number, batch.terms[slot], batch.alpha[slot]))
        sentences.extend(batch.sentences)
    return tokens, sentences


texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=80).map(
    lambda parts: "".join(word + separator for word, separator in parts)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, limit=st.integers(min_value=1, max_value=400))
def test_the_lexical_way_gives_the_rows_of_the_per_token_way_in_any_batches(text: str, limit: int) -> None:
    pipeline = pipeline_for("nl")
    assert pipeline.lexical
    pieces = index_pieces(text, [])
    per_token = _rows(list(analyse(pipeline, text, pieces, lexical=False)))
    lexical = _rows(list(analyse(pipeline, text, pieces, lexical=True, limit=limit)))
    assert lexical == per_token
    tokens, sentences = per_token
    for _position, start, end, _number, (form, _lemma), _alpha in tokens:
        assert text[start:end].lower() == form
    for _number, start, end in sentences:
        assert text[start:end] == text[start:end].strip() and start < end
    assert [s[0] for s in sentences] == list(range(len(sentences)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts,
    cuts=st.lists(st.integers(min_value=0, max_value=2_000), max_size=16),
    join=st.integers(min_value=1, max_value=300),
    limit=st.integers(min_value=1, max_value=600),
)
@example(text="Dat klopt\tNee.", cuts=[10, 11], join=300, limit=600)  # a space run ends with its piece
@example(text="Ja. \n Nee, niet. Zo!", cuts=[3, 6, 17], join=5, limit=600)
def test_pieces_tokenized_joined_give_the_rows_of_each_piece_alone(
    text: str, cuts: list[int], join: int, limit: int
) -> None:
    """Any pieces (space at their edges, pieces next to each other or apart, empty ones), joined
    into texts of any size: the rows of spaCy's run (tokenizer, sentencizer, lemmas) on each piece
    alone."""
    pipeline = pipeline_for("nl")
    points = sorted({0, len(text), *(min(cut, len(text)) for cut in cuts)})
    pieces = [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
    pieces += [(end, end) for _start, end in pieces[:1]]  # an empty piece
    pieces.sort()
    per_token = _rows(list(analyse(pipeline, text, pieces, lexical=False)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_batches, "JOIN_CHARACTERS", join)
        lexical = _rows(list(analyse(pipeline, text, pieces, lexical=True, limit=limit)))
        assert lexical == per_token
        # the forms are learned (and their terms numbered) as when spaCy read each piece alone:
        # piece by piece, in the order of the set of its forms; for pieces as indexing cuts them,
        # without space at their edges (else the space runs where pieces join are other forms)
        trimmed = [span for span in (trim_span(text, *piece) for piece in pieces) if span[0] < span[1]]
        lexicon = index_batches.LexicalCache()
        for _batch in analyse(pipeline, text, trimmed, lexicon, lexical=True, limit=limit):
            pass
    learned: list[int] = []
    for start, end in trimmed:
        for orth in set(doc_orths(pipeline, text[start:end])):
            if orth not in learned and lexicon.slot[orth] >= 0:
                learned.append(orth)
    assert [lexicon.slot[orth] for orth in learned] == list(range(len(lexicon.keys)))


def doc_orths(pipeline: LanguagePipeline, text: str) -> list[int]:
    return [token.orth for token in pipeline.nlp.make_doc(text)]


def test_a_sentence_component_of_its_own_is_read_per_token() -> None:
    """Only spaCy's own ``Sentencizer`` is followed on the columns; another sentence component
    (here one that starts a sentence at every comma too) is run by spaCy, per token."""
    import spacy
    from spacy.language import Language
    from spacy.pipeline import Sentencizer

    class CommaSentences(Sentencizer):
        pass

    @Language.factory("test_comma_sentences")
    def _make(nlp: Language, name: str) -> CommaSentences:
        return CommaSentences(name=name, punct_chars=[".", ","])

    nlp = spacy.blank("nl")
    nlp.add_pipe("test_comma_sentences", name="sentencizer")
    pipeline = LanguagePipeline("nl", nlp, "test", trained=False, stop_words=frozenset())
    assert pipeline.lexical and pipeline.sentence_marks() is None
    text = "Ja, dat klopt. Nee"
    pieces = index_pieces(text, [])
    rows = _rows(list(analyse(pipeline, text, pieces, lexical=True)))
    assert rows == _rows(list(analyse(pipeline, text, pieces, lexical=False)))
    assert [s[1:] for s in rows[1]] == [(0, 3), (4, 14), (15, 18)]  # the comma's rule kept


@given(lengths=st.lists(st.integers(min_value=1, max_value=50), max_size=30), limit=st.integers(1, 120))
@settings(max_examples=50, deadline=None)
def test_groups_keep_order_and_stay_under_the_limit_unless_one_piece_is_longer(
    lengths: list[int], limit: int
) -> None:
    pieces, position = [], 0
    for length in lengths:
        pieces.append((position, position + length))
        position += length + 1
    grouped = list(groups(pieces, limit))
    assert [p for group in grouped for p in group] == pieces
    for group in grouped:
        assert len(group) == 1 or sum(end - start for start, end in group) <= limit


def _index_tables(path: Path) -> tuple[list[tuple[object, ...]], ...]:
    with closing(sqlite3.connect(path)) as connection:
        return (
            connection.execute(
                'SELECT k.document_id, k.position, k.start, k."end", k.sentence, t.form, t.lemma '
                "FROM token k JOIN term t ON t.id = k.term_id ORDER BY 1, 2"
            ).fetchall(),
            connection.execute(
                'SELECT document_id, number, start, "end" FROM sentence ORDER BY 1, 2'
            ).fetchall(),
            connection.execute(
                "SELECT document_id, text_hash, tokens, sentences FROM text_index ORDER BY 1"
            ).fetchall(),
        )


@pytest.fixture
def long_transcripts(project: Project, tmp_path: Path) -> Project:
    path = tmp_path / "R5_lang.txt"
    path.write_text((ZWOLLE + ARNHEM) * 20, encoding="utf-8")
    other = tmp_path / "R9.txt"
    other.write_text(ARNHEM, encoding="utf-8")
    project.import_files([path, other])
    return project


def test_a_text_stored_in_many_batches_is_indexed_as_in_one(
    long_transcripts: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = long_transcripts
    project.assist.index()
    whole = _index_tables(project.store.path)
    with closing(sqlite3.connect(project.store.path)) as connection, connection:
        connection.execute("DELETE FROM text_index")
    monkeypatch.setattr(index_batches, "BATCH_CHARACTERS", 300)  # about 40 transactions for R5_lang
    calls: list[int] = []

    def progress(done: int, total: int, name: str) -> None:
        calls.append(done)

    report = project.assist.index(progress)
    assert report.documents == 2 and not report.cancelled
    assert _index_tables(project.store.path) == whole
    assert len(calls) > 20 and calls == sorted(calls)
    found = project.assist.search("vertrouwen", "lemma")
    assert len(found.lines) > 40 and found.unindexed == ()


def test_a_run_cancelled_inside_a_long_text_leaves_it_stale_then_completes(
    long_transcripts: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = long_transcripts
    monkeypatch.setattr(index_batches, "BATCH_CHARACTERS", 300)
    steps: list[int] = []

    def cancel_midway(done: int, total: int, name: str) -> bool:
        steps.append(done)
        return len(steps) < 6

    report = project.assist.index(cancel_midway)
    assert report.cancelled
    stale = project.assist.stale()
    assert [doc.name for doc in stale] == ["R5_lang", "R9"]
    assert stale[0].reason == "text changed"  # its index row still says "pending"
    report = project.assist.index()
    assert report.documents == 2 and not project.assist.stale()
    (document,) = [d for d in project.documents.list() if d.name == "R5_lang"]
    indexer = project.assist.indexer()
    with closing(sqlite3.connect(project.store.path)) as connection:
        stored = connection.execute(
            "SELECT tokens FROM text_index WHERE document_id = ?", (int(document.id),)
        ).fetchone()[0]
        counted = connection.execute(
            "SELECT count(*) FROM token WHERE document_id = ?", (int(document.id),)
        ).fetchone()[0]
    assert stored == counted > 0
    again = indexer.index_document(DocumentId(int(document.id)))
    assert again is not None and again[0] == counted
