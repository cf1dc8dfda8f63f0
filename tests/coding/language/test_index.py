"""The stored index: sentences and words with offsets, rebuilt when a text changes, gone with it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.core.text import fold
from coding.documents.document_commands import NewDocument, ReplaceDocumentText
from coding.language import assistant as assistant_module
from coding.language import chunks as chunks_module
from coding.language import index_batches as index_batches_module
from coding.language import indexer as indexer_module
from coding.language.chunks import index_pieces
from coding.speakers.turns import detect_turns


def _rows(project: Project, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(project.path)) as conn:
        return conn.execute(sql, params).fetchall()


def test_words_and_sentences_are_stored_with_offsets_into_the_text(indexed: Project) -> None:
    doc = indexed.documents.find("R5_uwv_zwolle")
    text = indexed.documents.text(doc.id)
    tokens = _rows(
        indexed,
        'SELECT k.start, k."end", t.form, t.lemma FROM token k JOIN term t ON t.id = k.term_id '
        "WHERE k.document_id = ? ORDER BY k.position",
        doc.id,
    )
    assert tokens, "the document was indexed"
    for start, end, form, _lemma in tokens:
        assert text[start:end].lower() == form
    lemmas = {form: lemma for _s, _e, form, lemma in tokens}
    assert lemmas["vertrouwde"] == "vertrouwen" and lemmas["vertrouwden"] == "vertrouwen"
    forms = [form for _s, _e, form, _l in tokens]
    # speaker labels and timestamps are not words of the conversation; punctuation is not stored
    assert "r5" in forms  # the header "Interview R5 – UWV" is text
    assert forms.count("i") == 0 and "00:00:12" not in forms and "." not in forms
    assert "👍" in forms  # an emoji is a word-like token; offsets count it as one code point
    sentences = _rows(
        indexed, 'SELECT start, "end" FROM sentence WHERE document_id = ? ORDER BY number', doc.id
    )
    texts = [text[s:e] for s, e in sentences]
    assert "Ik vertrouwde de gemeenten eerst niet." in texts
    assert "Komen de partners hun afspraken na?" in texts
    assert all("[00:" not in t for t in texts)


def test_index_pieces_cover_turn_bodies_and_paragraphs_outside_turns() -> None:
    text = "Kop\n\nTweede alinea\n[00:01] I: Vraag?\n[00:02] R5: Antwoord.\n"
    turns = [(t.start, t.body_start, t.end) for t in detect_turns(text)]
    assert [text[a:b] for a, b in index_pieces(text, turns)] == [
        "Kop",
        "Tweede alinea",
        "Vraag?",
        "Antwoord.",
    ]


def test_only_stale_documents_are_indexed_and_progress_is_reported(two_regions: Project) -> None:
    assert {d.reason for d in two_regions.assist.stale()} == {"not indexed"}
    calls: list[tuple[int, int, str]] = []
    report = two_regions.assist.index(lambda done, total, name: calls.append((done, total, name)))
    assert report.documents == 2 and report.tokens > 30 and report.sentences >= 8
    total = calls[0][1]
    assert total == sum(d.length for d in two_regions.documents.list())
    assert calls[-1] == (total, total, "") and [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert two_regions.assist.stale() == []
    assert two_regions.assist.index().documents == 0  # nothing to do


def test_cancelling_stops_before_the_next_document(two_regions: Project) -> None:
    report = two_regions.assist.index(lambda done, total, name: name != "R9_wethouder_arnhem")
    assert report.cancelled and report.documents == 1
    assert [d.name for d in two_regions.assist.stale()] == ["R9_wethouder_arnhem"]


def test_replacing_the_text_makes_the_index_stale_and_search_rebuilds_it(indexed: Project) -> None:
    doc = indexed.documents.find("R9_wethouder_arnhem")
    new_text = indexed.documents.text(doc.id).replace("groeit langzaam", "groeide langzaam")
    turns = detect_turns(new_text)
    indexed.execute(ReplaceDocumentText(doc.id, NewDocument(doc.name, new_text, "txt", turns=turns)))
    assert [(d.name, d.reason) for d in indexed.assist.stale()] == [("R9_wethouder_arnhem", "text changed")]
    hits = indexed.assist.search("groeien", "lemma")
    assert [line.hit for line in hits.lines] == ["groeide"]
    assert indexed.assist.stale() == []


def test_the_index_goes_with_its_document_and_comes_back_with_undo(indexed: Project) -> None:
    doc = indexed.documents.find("R5_uwv_zwolle")
    before = _rows(indexed, "SELECT count(*) FROM token WHERE document_id = ?", doc.id)[0][0]
    indexed.documents.delete(doc.id)
    assert _rows(indexed, "SELECT count(*) FROM token WHERE document_id = ?", doc.id)[0][0] == 0
    assert _rows(indexed, "SELECT count(*) FROM sentence WHERE document_id = ?", doc.id)[0][0] == 0
    indexed.undo()
    assert _rows(indexed, "SELECT count(*) FROM token WHERE document_id = ?", doc.id)[0][0] == before
    assert indexed.assist.stale() == []
    assert indexed.assist.search("vertrouwde", index=False).lines


def test_search_without_indexing_lists_what_was_not_searched(two_regions: Project) -> None:
    result = two_regions.assist.search("vertrouwen", "lemma", index=False)
    assert result.lines == () and set(result.unindexed) == {"R5_uwv_zwolle", "R9_wethouder_arnhem"}


def test_vocabulary_keys_are_folded(indexed: Project) -> None:
    rows = _rows(indexed, "SELECT form, norm, lemma_key, stem FROM term WHERE form = 'vertrouwde'")
    assert rows == [("vertrouwde", "vertrouwde", "vertrouwen", "vertrouw")]
    assert fold("Coördinatie") == "coordinatie"


def _count_passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the passes over the texts that find the stale documents."""
    passes: list[int] = []
    real = indexer_module.stale_documents

    def counting(*args: Any, **kwargs: Any) -> list[indexer_module.StaleDocument]:
        passes.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(indexer_module, "stale_documents", counting)
    monkeypatch.setattr(assistant_module, "stale_documents", counting)
    return passes


def test_search_reads_the_texts_once_to_index_what_is_new(
    indexed: Project, import_ede: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    passes = _count_passes(monkeypatch)
    import_ede("Hoe was het begin?", "Stroef, maar het vertrouwen groeide.")
    names: list[str] = []
    result = indexed.assist.search(
        "vertrouwen", "lemma", progress=lambda done, total, name: names.append(name)
    )
    assert "R12_uwv_ede" in names and names[-1] == ""
    assert "R12_uwv_ede" in {line.document for line in result.lines} and result.unindexed == ()
    assert len(passes) == 1
    # every document is known to be indexed now: no pass at all
    indexed.assist.frequencies()
    indexed.assist.suggestions.candidates("Vertrouwen")
    indexed.assist.search("vertrouwen", "lemma")
    assert len(passes) == 1 and indexed.assist.stale() == []


def test_a_changed_document_is_indexed_again_with_one_pass(
    indexed: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert indexed.assist.search("groeien", "lemma").lines  # every document is known to be indexed
    passes = _count_passes(monkeypatch)
    doc = indexed.documents.find("R9_wethouder_arnhem")
    new_text = indexed.documents.text(doc.id).replace("groeit langzaam", "groeide langzaam")
    indexed.execute(
        ReplaceDocumentText(doc.id, NewDocument(doc.name, new_text, "txt", turns=detect_turns(new_text)))
    )
    table = indexed.assist.frequencies(unit="word", top=200)
    assert "groeide" in {row.term for row in table.rows} and len(passes) == 1
    assert [line.hit for line in indexed.assist.search("groeien", "lemma").lines] == ["groeide"]
    assert len(passes) == 1


def test_cancelled_indexing_leaves_the_rest_unsearched(
    two_regions: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = two_regions.assist.search(
        "vertrouwen", "lemma", progress=lambda done, total, name: name != "R9_wethouder_arnhem"
    )
    assert result.unindexed == ("R9_wethouder_arnhem",)
    assert {line.document for line in result.lines} == {"R5_uwv_zwolle"}
    assert [d.name for d in two_regions.assist.stale()] == ["R9_wethouder_arnhem"]


def test_one_enormous_turn_is_indexed_in_pieces_and_blocks_nothing(
    two_regions: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 item 3: a turn longer than spaCy's ``max_length`` (E088) broke every later index and search.

    The limits are scaled down (spaCy's to 30,000 characters, a piece to 5,000) so the case stays quick; a
    turn of 100,000 characters without a blank line is then far over spaCy's limit, as a million would be.
    """
    monkeypatch.setattr(chunks_module, "MAX_PIECE", 5_000, raising=False)
    two_regions.assist.pipeline.nlp.max_length = 30_000
    sentence = "Het vertrouwen tussen de partners groeit langzaam maar zeker "
    long = tmp_path / "R30_focusgroep.txt"
    long.write_text("[00:00:01] R30: " + sentence * (100_000 // len(sentence)) + "\n", encoding="utf-8")
    two_regions.import_files([long])
    report = two_regions.assist.index()
    assert report is not None
    hits = two_regions.assist.search("vertrouwen", "lemma")
    assert not hits.unindexed
    found = {line.document for line in hits.lines}
    assert {"R30_focusgroep", "R9_wethouder_arnhem"} <= found
    doc = two_regions.documents.find("R30_focusgroep")
    text = two_regions.documents.text(doc.id)
    tokens = _rows(two_regions, 'SELECT start, "end" FROM token WHERE document_id = ?', doc.id)
    assert len(tokens) == sum(1 for w in text.split() if w.isalpha())  # every word; no label, no time
    assert all(text[s:e].isalpha() for s, e in tokens)


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n!”"), min_size=0, max_size=400),
    st.integers(min_value=8, max_value=60),
)
def test_bounded_pieces_cover_the_span_in_order_and_none_is_too_long(text: str, limit: int) -> None:
    pieces = chunks_module._bounded(text, (0, len(text)), limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a < b or (a == b == len(text)) for a, b in pieces)
    assert all(b - a <= limit for a, b in pieces)
    assert all(pieces[i][1] == pieces[i + 1][0] for i in range(len(pieces) - 1))


def test_a_write_that_failed_leaves_no_term_id_behind_for_the_next_run(
    two_regions: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second document's new terms are inserted, then its words fail to go in: the transaction is rolled
    back, and the same indexer indexing again inserts those terms again (it kept their ids by the forms'
    slots): no word names a term that is not there (the index writes without foreign-key checks)."""
    indexer = two_regions.assist.indexer()
    real = indexer_module.insert_columns
    tokens_written: list[int] = []

    def failing_second(raw: Any, insert: str, columns: Any) -> None:
        if "INSERT INTO token" in insert:
            tokens_written.append(1)
            if len(tokens_written) == 2:
                raise OSError("disk full")
        real(raw, insert, columns)

    monkeypatch.setattr(indexer_module, "insert_columns", failing_second)
    with pytest.raises(OSError, match="disk full"):
        indexer.run()
    assert _rows(two_regions, "SELECT count(*) FROM text_index") == [(1,)]
    indexer.run()
    assert _rows(two_regions, "SELECT count(*) FROM text_index") == [(2,)]
    orphans = "SELECT count(*) FROM token WHERE term_id NOT IN (SELECT id FROM term)"
    assert _rows(two_regions, orphans) == [(0,)]


@pytest.mark.parametrize("change", ["text", "turns", "nothing"])
@pytest.mark.parametrize(("batch_characters", "after"), [(400_000, 0), (40, 0), (40, 1)])
def test_a_text_or_its_turns_changed_while_indexed_leave_the_document_stale(
    two_regions: Project, monkeypatch: pytest.MonkeyPatch, change: str, batch_characters: int, after: int
) -> None:
    """While a document is analysed (read, then spaCy at work) its text is replaced by one of the same
    length, or a turn ends a character earlier: its index is not stored, and it is indexed again next time.
    In one batch (and before the first of many) the stored bytes are compared with those read; after the
    first of many, the text is hashed again."""
    doc = two_regions.documents.find("R9_wethouder_arnhem")
    text = two_regions.documents.text(doc.id)
    real = indexer_module.analyse

    def edit() -> None:
        with closing(sqlite3.connect(two_regions.path)) as conn, conn:
            if change == "text":
                conn.execute("UPDATE document SET text = ? WHERE id = ?", (text.replace("a", "e", 1), doc.id))
            elif change == "turns":
                conn.execute(
                    'UPDATE turn SET "end" = "end" - 1 WHERE id = '
                    "(SELECT max(id) FROM turn WHERE document_id = ?)",
                    (doc.id,),
                )

    def changing(*args: Any, **kwargs: Any) -> Any:
        for number, batch in enumerate(real(*args, **kwargs)):
            if number == after:
                edit()
            yield batch

    monkeypatch.setattr(index_batches_module, "BATCH_CHARACTERS", batch_characters)
    monkeypatch.setattr(indexer_module, "analyse", changing)
    result = two_regions.assist.indexer().index_document(doc.id)
    stored = _rows(two_regions, "SELECT count(*) FROM text_index WHERE document_id = ?", doc.id)
    stale = [d.name for d in two_regions.assist.stale()]
    if change == "nothing":
        assert result is not None and result[0] > 30 and stored == [(1,)]
        assert "R9_wethouder_arnhem" not in stale
    else:
        assert result is None and stored == [(0,)] and "R9_wethouder_arnhem" in stale
