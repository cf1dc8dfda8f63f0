"""Every format end to end through ``project.import_files``: the exact stored text, turns, timestamps,
pages and encoding, with fixtures generated here (Dutch, accents, tables, headers, tracked changes)."""

from __future__ import annotations

import codecs
from pathlib import Path

from docx import Document

from coding import Project
from coding.core.records import TurnInfo
from tests.coding.importing.builders import DOCX_TEXT, _run, make_docx, make_odt, make_pdf


def _turns(infos: list[TurnInfo]) -> list[tuple[str, int, int, int, float | None]]:
    return [(t.speaker, t.start, t.end, t.body_start, t.timestamp) for t in infos]


def _turn(text: str, line: str, speaker: str, label: str, timestamp: float | None = None) -> tuple:
    """The expected turn of a line that starts a turn and runs to the next turn (or the end)."""
    start = text.index(line)
    return (speaker, start, start + len(line), start + len(label), timestamp)


def test_word_transcript_with_header_table_and_tracked_changes(project: Project, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "R3_wijk.docx")
    report = project.import_files([path], attributes={"respondent": "R3"})
    assert report.ok and [d.name for d in report.imported] == ["R3_wijk"]
    text = project.documents.text("R3_wijk")
    assert text == DOCX_TEXT
    question = text.index("I: ")
    first_answer = text.index("R5: Eén")
    second_answer = text.index("R5: Het")
    last = text.index("Marieke: Dat")
    assert _turns(project.documents.turns("R3_wijk")) == [
        ("I", question, first_answer - 1, question + 3, None),
        ("R5", first_answer, second_answer - 1, first_answer + 4, None),
        ("R5", second_answer, last - 1, second_answer + 4, None),
        ("Marieke", last, len(text), last + 9, None),
    ]
    info = project.documents.get("R3_wijk")
    assert (info.source_format, info.encoding, info.original_filename) == ("docx", None, "R3_wijk.docx")
    assert report.speakers == {"R3_wijk": [("I", 1), ("R5", 2), ("Marieke", 1)]}


def test_word_transcript_with_timestamps_and_a_table_in_the_middle(project: Project, tmp_path: Path) -> None:
    document = Document()
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk – niet verspreiden"
    document.add_heading("Interview R8 – wethouder, regio Zwolle", level=1)
    document.add_paragraph("[00:00:05] I: Hoe ervaart u de samenwerking met het UWV?")
    answer = document.add_paragraph("[00:00:12] R8: Die is ")
    answer._p.append(_run("w:ins", "heel "))
    answer._p.append(_run("w:del", "soms ", "w:delText"))
    answer.add_run("goed; we zien elkaar elke week.")
    table = document.add_table(rows=2, cols=3)
    for column, value in enumerate(("Partij", "Rol", "Oordeel")):
        table.cell(0, column).text = value
    for column, value in enumerate(("UWV", "uitvoering", "++")):
        table.cell(1, column).text = value
    document.add_paragraph("(12:31) I: En de coördinatie?")
    document.add_paragraph("00:13:02 R8: Die ligt bij de centrumgemeente, één aanspreekpunt.")
    path = tmp_path / "R8.docx"
    document.save(str(path))

    report = project.import_files([path])
    assert report.ok
    text = project.documents.text("R8")
    lines = [
        "Interview R8 – wethouder, regio Zwolle",
        "[00:00:05] I: Hoe ervaart u de samenwerking met het UWV?",
        "[00:00:12] R8: Die is heel goed; we zien elkaar elke week.",
        "Partij\tRol\tOordeel",
        "UWV\tuitvoering\t++",
        "(12:31) I: En de coördinatie?",
        "00:13:02 R8: Die ligt bij de centrumgemeente, één aanspreekpunt.",
    ]
    assert text == "\n".join(lines)
    assert "Vertrouwelijk" not in text and "soms" not in text
    a, b, c, d = (text.index(line) for line in (lines[1], lines[2], lines[5], lines[6]))
    assert _turns(project.documents.turns("R8")) == [
        ("I", a, a + len(lines[1]), a + len("[00:00:05] I: "), 5.0),
        ("R8", b, c - 1, b + len("[00:00:12] R8: "), 12.0),  # the table belongs to R8's turn
        ("I", c, c + len(lines[5]), c + len("(12:31) I: "), 751.0),
        ("R8", d, len(text), d + len("00:13:02 R8: "), 782.0),
    ]


def test_text_with_crlf_line_endings(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "R1_secretaris.txt"
    path.write_bytes(
        "Interview R1\r\n\r\n[00:00:05] I: Wat is het doel?\r\n[00:00:09] R1: Eén regionale aanpak.\r\n"
        "Dat zeggen we al jaren.\r\n".encode()
    )
    report = project.import_files([path])
    text = project.documents.text("R1_secretaris")
    assert text == (
        "Interview R1\n\n[00:00:05] I: Wat is het doel?\n[00:00:09] R1: Eén regionale aanpak.\n"
        "Dat zeggen we al jaren.\n"
    )
    assert "\r" not in text
    assert _turns(project.documents.turns("R1_secretaris")) == [
        _turn(text, "[00:00:05] I: Wat is het doel?", "I", "[00:00:05] I: ", 5.0),
        _turn(
            text,
            "[00:00:09] R1: Eén regionale aanpak.\nDat zeggen we al jaren.",
            "R1",
            "[00:00:09] R1: ",
            9.0,
        ),
    ]
    assert project.documents.get("R1_secretaris").encoding == "utf-8"
    assert report.warnings == []


def test_legacy_windows_1252_text_is_read_and_the_encoding_recorded_and_reported(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "R2_oud.txt"
    path.write_bytes(
        "I: Wat kost het?\r\nR2: Ongeveer € 5.000, zei de wethouder – één keer.\r\n".encode("cp1252")
    )
    report = project.import_files([path])
    assert project.documents.text("R2_oud") == (
        "I: Wat kost het?\nR2: Ongeveer € 5.000, zei de wethouder – één keer.\n"
    )
    assert project.documents.get("R2_oud").encoding == "cp1252"
    assert [(w.file, w.reason) for w in report.warnings] == [
        ("R2_oud.txt", "not valid UTF-8; read as Windows-1252")
    ]
    summary = report.lines()
    assert "  + R2_oud (txt, Windows-1252, 68 characters)" in summary
    assert "Note: R2_oud.txt: not valid UTF-8; read as Windows-1252" in summary


def test_utf16_text_with_byte_order_mark(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "R3_teams.txt"
    path.write_bytes(
        codecs.BOM_UTF16_LE
        + "Interviewer: Zijn de doelen helder?\nRespondent A: Zeker, geen twijfel 👍\n".encode("utf-16-le")
    )
    project.import_files([path])
    text = project.documents.text("R3_teams")
    assert text == "Interviewer: Zijn de doelen helder?\nRespondent A: Zeker, geen twijfel 👍\n"
    assert project.documents.get("R3_teams").encoding == "utf-16"
    assert _turns(project.documents.turns("R3_teams")) == [
        _turn(text, "Interviewer: Zijn de doelen helder?", "Interviewer", "Interviewer: "),
        _turn(text, "Respondent A: Zeker, geen twijfel 👍", "Respondent A", "Respondent A: "),
    ]


def test_markdown_with_bold_labels(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "R4.md"
    path.write_text("# Interview R4\n\n**I:** Hoe gaat het?\n\n**R4:** Prima, dank je.\n", encoding="utf-8")
    project.import_files([path])
    text = project.documents.text("R4")
    assert text == "# Interview R4\n\n**I:** Hoe gaat het?\n\n**R4:** Prima, dank je.\n"
    assert _turns(project.documents.turns("R4")) == [
        _turn(text, "**I:** Hoe gaat het?", "I", "**I:** "),
        _turn(text, "**R4:** Prima, dank je.", "R4", "**R4:** "),
    ]


def test_opendocument_with_a_table(project: Project, tmp_path: Path) -> None:
    body = (
        '<text:h text:outline-level="1">Interview R9 – café</text:h>'
        "<text:p>I: Wie zitten er aan tafel?</text:p>"
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Gemeente</text:p></table:table-cell>"
        "<table:table-cell><text:p>UWV</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        "<text:p>R9: Iedereen, ook de vakbond en het onderwijs.</text:p>"
    )
    path = make_odt(tmp_path / "R9.odt", body)
    report = project.import_files([path])
    assert report.ok
    text = project.documents.text("R9")
    assert text == (
        "Interview R9 – café\nI: Wie zitten er aan tafel?\nGemeente\tUWV\n"
        "R9: Iedereen, ook de vakbond en het onderwijs."
    )
    assert _turns(project.documents.turns("R9")) == [
        _turn(text, "I: Wie zitten er aan tafel?\nGemeente\tUWV", "I", "I: "),
        _turn(text, "R9: Iedereen, ook de vakbond en het onderwijs.", "R9", "R9: "),
    ]
    assert project.documents.get("R9").source_format == "odt"


def test_pdf_pages_are_recorded_and_a_quote_cites_its_page(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "Startdocument_Zwolle.pdf"
    path.write_bytes(
        make_pdf([["Werkbedrijf Regio Zwolle", "Startdocument 2016"], ["Doel: 2.000 banen in de regio."]])
    )
    report = project.import_files([path], attributes={"region": "Zwolle"})
    assert report.ok
    text = project.documents.text("Startdocument_Zwolle")
    assert text == "Werkbedrijf Regio Zwolle\nStartdocument 2016\n\nDoel: 2.000 banen in de regio."
    pages = project.documents.pages("Startdocument_Zwolle")
    assert [(p.number, text[p.start : p.end]) for p in pages] == [
        (1, "Werkbedrijf Regio Zwolle\nStartdocument 2016"),
        (2, "Doel: 2.000 banen in de regio."),
    ]
    assert project.documents.turns("Startdocument_Zwolle") == []
    project.code("Startdocument_Zwolle", "Urgentiebesef", text="2.000 banen")
    project.code("Startdocument_Zwolle", "Congruentie van doelen", text="Startdocument 2016\n\nDoel")
    quotes = {q.code_path: q for q in project.quotes()}
    assert quotes["Urgentiebesef"].pages == (2,)
    assert quotes["Urgentiebesef"].page_label == "p. 2"
    assert quotes["Congruentie van doelen"].pages == (1, 2)
    assert quotes["Congruentie van doelen"].page_label == "pp. 1–2"


def test_subtitles_with_two_speakers(project: Project, tmp_path: Path) -> None:
    vtt = tmp_path / "Teams_R10.vtt"
    vtt.write_text(
        "WEBVTT\n\n"
        "00:00:01.250 --> 00:00:03.000\n<v Interviewer>Welkom. Hoe is de coördinatie?</v>\n\n"
        "00:00:03.500 --> 00:00:05.000\n<v Interviewer>Vanuit uw rol?</v>\n\n"
        "00:00:06.000 --> 00:00:09.000\n<v Marieke de Vries>Goed, één regisseur.</v>\n\n"
        "00:01:02.040 --> 00:01:04.000\n<v Interviewer>Dank u.</v>\n",
        encoding="utf-8",
    )
    srt = tmp_path / "Zoom_R11.srt"
    srt.write_text(
        "1\n00:00:02,000 --> 00:00:04,000\nI: Zijn de afspraken helder?\n\n"
        "2\n00:00:04,500 --> 00:00:06,000\nR11: Ja, heel helder.\n\n"
        "3\n00:00:06,500 --> 00:00:08,000\nR11: Echt waar.\n",
        encoding="utf-8",
    )
    report = project.import_files([vtt, srt])
    assert report.ok
    text = project.documents.text("Teams_R10")
    assert text == (
        "[00:00:01] Interviewer: Welkom. Hoe is de coördinatie? Vanuit uw rol?\n"
        "[00:00:06] Marieke de Vries: Goed, één regisseur.\n"
        "[00:01:02] Interviewer: Dank u."
    )
    lines = text.split("\n")
    assert _turns(project.documents.turns("Teams_R10")) == [
        _turn(text, lines[0], "Interviewer", "[00:00:01] Interviewer: ", 1.25),
        _turn(text, lines[1], "Marieke de Vries", "[00:00:06] Marieke de Vries: ", 6.0),
        _turn(text, lines[2], "Interviewer", "[00:01:02] Interviewer: ", 62.04),
    ]
    srt_text = project.documents.text("Zoom_R11")
    assert srt_text == "[00:00:02] I: Zijn de afspraken helder?\n[00:00:04] R11: Ja, heel helder. Echt waar."
    assert [(t.speaker, t.timestamp) for t in project.documents.turns("Zoom_R11")] == [
        ("I", 2.0),
        ("R11", 4.5),
    ]
    assert report.speakers == {
        "Teams_R10": [("Interviewer", 2), ("Marieke de Vries", 1)],
        "Zoom_R11": [("I", 1), ("R11", 1)],
    }


def test_a_whole_folder_of_mixed_formats_with_a_metadata_sheet(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    make_docx(folder / "R1.docx")
    (folder / "R2.txt").write_bytes("I: Vraag?\r\nR2: Antwoord met één accent.\r\n".encode("cp1252"))
    (folder / "R3.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v R3>Hallo</v>\n", encoding="utf-8"
    )
    (folder / "beleid.pdf").write_bytes(make_pdf([["Beleidsplan 2017"]]))
    (folder / "notities.xyz").write_text("niet importeren", encoding="utf-8")
    sheet = tmp_path / "meta.csv"
    sheet.write_text(
        "bestand;respondent;regio\nR1.docx;R1;Arnhem\nR2;R2;Zwolle\nR3.vtt;R3;Eindhoven\nR4.docx;R4;Zwolle\n",
        encoding="utf-8",
    )
    report = project.import_files([folder], meta=sheet)
    assert [d.name for d in report.imported] == ["beleid", "R1", "R2", "R3"]
    assert {d.name: d.source_format for d in report.imported} == {
        "beleid": "pdf",
        "R1": "docx",
        "R2": "txt",
        "R3": "vtt",
    }
    assert project.documents.get("R2").attributes == {"regio": "Zwolle", "respondent": "R2"}
    assert report.rows_without_file == ["R4.docx"]
    assert report.files_without_row == ["beleid.pdf"]
