"""Word and lemma frequencies per region, stop words and fillers left out."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError
from coding.language.frequencies import write_frequencies_csv


def test_lemma_frequencies_per_region_without_stop_words(indexed: Project) -> None:
    table = indexed.assist.frequencies(by="region", top=50)
    assert table.groups == ("Midden-Gelderland", "Zwolle") and table.unit == "lemma"
    rows = {row.term: row for row in table.rows}
    # vertrouwen: the question's, vertrouwde, vertrouwt, vertrouwden in Zwolle; vertrouwt, vertrouwen in
    # Arnhem. "vertrouwd" is a lemma of its own in the lookup table (the adjective), counted apart.
    assert rows["vertrouwen"].counts == {"Zwolle": 4, "Midden-Gelderland": 2}
    assert rows["vertrouwen"].total == 6 and table.rows[0].term == "vertrouwen"
    assert rows["vertrouwd"].total == 1
    assert not {"de", "het", "en", "ik", "we", "u"} & set(rows)  # stop words
    assert "ja" not in rows  # a filler of spoken Dutch
    assert "👍" not in rows  # not a word
    assert table.totals["Zwolle"] > 0
    assert rows["vertrouwen"].share("Zwolle", table.totals) > rows["vertrouwen"].share(
        "Midden-Gelderland", table.totals
    )


def test_word_frequencies_and_answers_only(indexed: Project) -> None:
    words = {row.term: row.total for row in indexed.assist.frequencies(unit="word", top=100).rows}
    assert words["vertrouwde"] == 1 and "vertrouwen" in words
    answers = {row.term: row.counts for row in indexed.assist.frequencies(top=100, answers_only=True).rows}
    assert answers["vertrouwen"] == {"Zwolle": 3, "Midden-Gelderland": 1}  # the questions left out
    assert "uwv" not in answers  # the header is no answer either


def test_groups_by_any_attribute_and_filters(indexed: Project, tmp_path: Path) -> None:
    table = indexed.assist.frequencies(by="role", where={"region": "Zwolle"}, top=5)
    assert table.groups == ("UWV",)
    out = tmp_path / "freq.csv"
    write_frequencies_csv(table, out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["Lemma", "Total", "UWV"] and len(rows) == 6
    with pytest.raises(InvalidInputError, match=r"freq\.csv: already exists"):
        write_frequencies_csv(table, out)


def test_fillers_are_left_out_whatever_their_accents_in_answers_only_too(
    indexed: Project, import_ede: Callable[[str, str], None]
) -> None:
    # "hé" is not in the list of fillers, but folds to "he", which is
    import_ede("Hoe was het begin?", "Hé, het vertrouwen groeide. Hé! Oké.")
    for unit, grew in (("word", "groeide"), ("lemma", "groeien")):
        everything = {row.term for row in indexed.assist.frequencies(unit=unit, top=500).rows}
        answers = {row.term for row in indexed.assist.frequencies(unit=unit, top=500, answers_only=True).rows}
        assert grew in everything and grew in answers
        assert "hé" not in everything and "hé" not in answers, unit
        assert "oké" not in everything and "oké" not in answers, unit
