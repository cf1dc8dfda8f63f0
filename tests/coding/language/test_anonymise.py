"""The respondent register, finding names, and replacing them with every coding kept in place."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError
from coding.core.parsed import ParsedPage, ParsedTurn
from coding.documents.document_commands import NewDocument
from coding.language.entities import pattern_mentions
from tests.coding.dump import dump


def test_register_add_edit_remove_are_undoable(project: Project) -> None:
    register = project.assist.register
    register.add("R5", "Jan de Vries", aliases=["Jantje"], note="UWV Zwolle")
    register.add("R10", "Marieke Jansen")
    register.add("R9", "Piet Pietersen")
    assert [e.code for e in register.list()] == ["R5", "R9", "R10"]
    assert register.get("r5").aliases == ("Jantje",) and register.get("R5").placeholder == "[R5]"
    register.update("R9", name="Piet Pieterse")
    assert register.get("R9").name == "Piet Pieterse"
    project.undo()
    assert register.get("R9").name == "Piet Pietersen"
    register.remove("R10")
    assert [e.code for e in register.list()] == ["R5", "R9"]
    with pytest.raises(InvalidInputError, match="already in the register"):
        register.add("r5", "Iemand Anders")
    with pytest.raises(InvalidInputError, match="needs a name"):
        register.add("R11", "  ")


def test_register_exports_on_its_own_and_never_with_quotes(coded_project: Project, tmp_path: Path) -> None:
    register = coded_project.assist.register
    register.add("R5", "Gerrit Geheimnaam", aliases=["=HYPERLINK(1)"])
    out = tmp_path / "register.csv"
    register.export_csv(out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows == [["code", "name", "aliases", "note"], ["R5", "Gerrit Geheimnaam", "'=HYPERLINK(1)", ""]]
    with pytest.raises(InvalidInputError, match="already exists"):
        register.export_csv(out)
    quotes = tmp_path / "quotes.csv"
    coded_project.export(quotes)
    assert "Geheimnaam" not in quotes.read_text(encoding="utf-8-sig")


def test_register_import_checks_the_whole_file_first(project: Project, tmp_path: Path) -> None:
    good = tmp_path / "namen.csv"
    good.write_text("code;name;aliases\nR1;Anna de Boer;Anna; De Boer\nR2;Kees Smit;\n", encoding="utf-8")
    assert [e.code for e in project.assist.register.import_csv(good)] == ["R1", "R2"]
    bad = tmp_path / "kapot.csv"
    bad.write_text("code,name\nR3,Els\nR4,\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"kapot\.csv, line 3: respondent R4 needs a name"):
        project.assist.register.import_csv(bad)
    assert [e.code for e in project.assist.register.list()] == ["R1", "R2"]


def test_candidates_come_from_the_register_patterns_and_the_municipality_list(indexed: Project) -> None:
    indexed.assist.register.add("R5", "Jan de Vries")
    mentions = indexed.assist.anonymiser.mentions()
    found = {(m.document, m.text): (m.kind, m.replacement, m.source) for m in mentions}
    assert found[("R5_uwv_zwolle", "Jan de Vries")] == ("respondent", "[R5]", "register")
    assert found[("R5_uwv_zwolle", "Kampen")] == ("place", "[gemeente]", "place")
    assert found[("R9_wethouder_arnhem", "Pietersen")] == ("person", "[naam]", "title")
    assert found[("R9_wethouder_arnhem", "Marieke Jansen")] == ("person", "[naam]", "name")
    assert found[("R9_wethouder_arnhem", "Stichting Werkkracht")] == (
        "organisation",
        "[organisatie]",
        "organisation",
    )
    assert found[("R9_wethouder_arnhem", "Arnhem")] == ("place", "[gemeente]", "place")
    assert ("R9_wethouder_arnhem", "De cijfers") not in found and (
        "R9_wethouder_arnhem",
        "Het vertrouwen",
    ) not in found
    only_places = indexed.assist.anonymiser.mentions(kinds=["place"])
    assert {m.kind for m in only_places} == {"place"}


def test_sentence_openings_and_function_words_are_not_names() -> None:
    text = "Zeker Jan. Als Jan de Vries belt, gaat De Werkbedrijven Regio goed."
    mentions = pattern_mentions(
        text, [0, 11], is_stop=lambda w: w in {"als", "de"}, is_word=lambda w: w in {"zeker", "als", "de"}
    )
    assert [m.text for m in mentions] == ["Jan de Vries"]


def test_replacing_names_keeps_codings_turns_and_suggestions_in_place(indexed: Project) -> None:
    indexed.assist.register.add("R5", "Jan de Vries")
    doc = indexed.documents.find("R5_uwv_zwolle")
    sentence = "Nu vertrouwt iedereen elkaar, en we hebben Jan de Vries altijd vertrouwd."
    indexed.code(doc.id, "4a", text=sentence, memo="kern")
    indexed.code(doc.id, "Vertrouwen", text="de Vries")  # inside a name: covers the placeholder after
    indexed.code(doc.id, "Urgentiebesef", text="In Kampen vertrouwden ze ons meteen.")
    # a suggestion after the name and holding the place: both move with the replacements
    suggestion = next(
        s for s in indexed.assist.suggestions.refresh() if s.document == doc.name and "Kampen" in s.text
    )
    before = dump(indexed.path)
    mentions = [
        m for m in indexed.assist.anonymiser.mentions([doc.id]) if m.text in ("Jan de Vries", "Kampen")
    ]
    report = indexed.assist.anonymiser.replace(mentions)
    assert (report.documents, report.replacements) == (1, 2)
    text = indexed.documents.text(doc.id)
    assert (
        "Jan de Vries" not in text and "[R5] altijd vertrouwd" in text and "In [gemeente] vertrouwden" in text
    )
    quotes = {q.code_path.split("/")[-1]: q for q in indexed.quotes()}
    assert quotes["Positieve verwachtingen over intenties en inzet"].text == (
        "Nu vertrouwt iedereen elkaar, en we hebben [R5] altijd vertrouwd."
    )
    assert quotes["Positieve verwachtingen over intenties en inzet"].memo == "kern"
    assert quotes["Vertrouwen"].text == "[R5]"
    assert quotes["Urgentiebesef"].text == "In [gemeente] vertrouwden ze ons meteen."
    for quote in quotes.values():
        assert text[quote.start : quote.end] == quote.text
    turns = indexed.documents.turns(doc.id)
    assert [text[t.body_start : t.end][:12] for t in turns] == [
        "Hoe ervaart ",
        "Ik vertrouwd",
        "Komen de par",
        "Ja, de werkg",
    ]
    moved = indexed.assist.suggestions.get(suggestion.id)
    assert text[moved.start : moved.end] == moved.text
    # the index is rebuilt from the new text before the next search
    assert [line.hit for line in indexed.assist.search(r"\[R5\]", "regex").lines] == ["[R5]"]
    assert [line.hit for line in indexed.assist.search("r5").lines] == ["R5", "R5"]  # header and placeholder
    assert indexed.assist.search("Kampen").lines == ()
    # one action: undo restores every row as it was
    indexed.undo()
    after = dump(indexed.path)
    for table in ("document", "passage", "coding", "turn", "suggestion"):
        assert after[table] == before[table], table


def test_replacing_refuses_when_the_text_changed(indexed: Project) -> None:
    mentions = indexed.assist.anonymiser.mentions(["R9_wethouder_arnhem"])
    indexed.assist.anonymiser.replace([mentions[0]])
    with pytest.raises(InvalidInputError, match="no longer"):
        indexed.assist.anonymiser.replace([mentions[0]])


def test_speaker_labels_and_pages_follow(project: Project) -> None:
    text = "Jan de Vries: Goedemorgen allemaal.\nI: Dag Jan de Vries.\n"
    turns = (ParsedTurn("Jan de Vries", 0, 35, 14), ParsedTurn("I", 36, 56, 39))
    pages = (ParsedPage(1, 0, 36), ParsedPage(2, 36, 57))
    doc = project.documents.add(NewDocument("notulen", text, "txt", turns=turns, pages=pages))
    project.assist.register.add("R1", "Jan de Vries")
    project.assist.anonymiser.replace(project.assist.anonymiser.mentions([doc.id], kinds=["respondent"]))
    new = project.documents.text(doc.id)
    assert new == "[R1]: Goedemorgen allemaal.\nI: Dag [R1].\n"
    assert [
        (t.speaker, new[t.start : t.end], new[t.body_start : t.end]) for t in project.documents.turns(doc.id)
    ] == [
        ("[R1]", "[R1]: Goedemorgen allemaal.", "Goedemorgen allemaal."),
        ("I", "I: Dag [R1].", "Dag [R1]."),
    ]
    assert [(p.number, new[p.start : p.end]) for p in project.documents.pages(doc.id)] == [
        (1, "[R1]: Goedemorgen allemaal.\n"),
        (2, "I: Dag [R1].\n"),
    ]
