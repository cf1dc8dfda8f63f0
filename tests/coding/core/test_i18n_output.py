"""What the domain prints and writes into exports follows ``--language`` (issue 17 item 4), checked by reading
coding/: no English text of ours reaches a printed line, a table row, a Word heading or paragraph, a chart
or sheet title or a file's properties without going through the catalogue (``coding.core.i18n.text``).

The message-id scan (``test_i18n_messages.py``) sees what is given to the catalogue; this sees what never
reaches it: ``print(f"Replaced {n} name(s)" + …)``, ``lines.append(f"{name} is an interviewer")`` printed
later, ``heading(f"Concepts × {by}")`` (``heading`` says a literal, an f-string never matches), a workbook's
``properties.title = f"… comparison by {key}"``.
"""

from __future__ import annotations

from pathlib import Path

from tests.source_texts import Rules, Sinks, findings

ROOT = Path(__file__).resolve().parents[3]

#: The catalogue under its names in coding/ (``text``, ``say``, ``output_text``), what marks a text for it
#: (``marked``: said where it is shown), and what says a problem of the models layer (``reason_of``).
SAYING = frozenset({"text", "say", "output_text", "marked", "texts", "reason_of"})
SINKS: Sinks = {
    "print": ((0,), ()),  # the command line (coding/cli)
    "print_table": ((1,), ()),  # its rows; the header is said by print_table itself
    "print_csv": ((1,), ()),
    "heading": ((0,), ()),  # BodyWriter.heading: says a literal itself
    "paragraph": ((0,), ()),  # BodyWriter.paragraph(text, style)
    "add_paragraph": ((0,), ()),
    "add_run": ((0,), ()),
    "add_heading": ((0,), ()),
    "grey_run": ((1,), ()),
    "document_properties": ((), ("title", "subject")),
    "cell": ((), ("value",)),  # openpyxl: sheet.cell(row=…, column=…, value=…)
    "Mention": ((6,), ("reason",)),  # why a name was found, shown by anonymise (CLI and window)
}
RULES = Rules(
    translating=SAYING,
    sinks=SINKS,
    saying_sinks=frozenset({"heading"}),
    #: A chart's or sheet's title and a file's properties, seen in Excel and Word.
    attributes=frozenset({"title", "subject", "comments", "keywords", "category"}),
    not_words=frozenset({"Codewerk", "REFI", "QDA", "CSV", "Excel", "Word", "PostgreSQL", "spaCy", "UTF"}),
    shown_as_is=frozenset(
        {
            # coding/cli/server.py: SQL for the server's administrator, with its SQL comment
            "ALTER ROLE \"\" PASSWORD '…';  -- a SCRAM verifier, not the password",
            # review files (coding/exporting/review_*.py) speak to a reviewer who may read either
            # language: these lines are in both on purpose (the instructions come in both as well)
            "Project: ",
            "Reviewer / beoordelaar: ",
            "Marks / beoordelingen: ",
        }
    ),
    passing=frozenset({"xml_text", "cell_text"}),
)


def coding_sources() -> dict[str, str]:
    return {
        str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "coding").rglob("*.py"))
        if not p.name.startswith("nl_") and p.name != "i18n.py"  # the catalogue itself
    }


def test_no_english_text_of_ours_is_printed_or_exported_in_place() -> None:
    left = findings(coding_sources(), RULES)
    assert not left, (
        "printed or written into an export in English whatever --language says (say it with "
        "text('… {field}', field=…) and write its Dutch in coding/core/nl_*.py or i18n.py):\n"
        + "\n".join(map(str, left))
    )


SAMPLE = """
def changes(service, names):
    done: list[str] = []
    for name in names:
        done.append(f"{name} is an interviewer")
    return done

def cmd(args):
    for line in changes(args.service, args.names):
        print(line)
    print(f"Replaced {n} name(s)" + (f" ({m} merged)" if m else ""))
    rows.append(("All (each once)", 1, 2))
    print_table(("Code", "Total"), rows)

def export(body, workbook, key):
    body.heading("Analysis", 1)
    body.heading(f"Concepts × {key}", 2)
    workbook.properties.title = f"demo — comparison by {key}"
    print(say(f"Memo: {memo}"))
"""


def test_the_check_finds_english_however_it_is_printed_or_written() -> None:
    found = {(f.sink, f.text) for f in findings({"sample.py": SAMPLE}, RULES)}
    assert found == {
        ("print", "f'{name} is an interviewer'"),  # appended, returned, looped over, printed
        ("print", "f'Replaced {n} name(s)'"),
        ("print", "f' ({m} merged)'"),
        ("print_table", "All (each once)"),  # a table row
        ("heading", "f'Concepts × {key}'"),  # heading says "Analysis", never an f-string
        ("title", "f'demo — comparison by {key}'"),  # a file's property
        ("print", "f'Memo: {memo}'"),  # an f-string given to the catalogue never matches an entry
    }, found


def test_said_texts_and_data_pass() -> None:
    code = """
def cmd(args, rows, body):
    print(say("Replaced {count} name(s)", count=n))
    print(f"{args.project}: {len(rows)}")
    print_table(("Code", "Total"), [(r.code, r.total) for r in rows])
    body.heading(say("Concepts × {by}", by=key), 2)
    body.heading("Analysis", 1)
"""
    assert findings({"sample.py": code}, RULES) == []


def test_the_csv_header_is_in_the_export_language(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The CSV's header says what the workbook's quote sheets say (it was English whatever --language)."""
    from coding.core import i18n
    from tests.regions import build_regions

    build_regions(project)
    before = i18n.language()
    i18n.set_language("nl")
    try:
        project.export(tmp_path / "citaten.csv", delimiter=";")
    finally:
        i18n.set_language(before)
    header = (tmp_path / "citaten.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert header[:8] == ["Regio", "Concept", "Code", "Respondent", "Rol", "Document", "Citaat", "Memo"], (
        header
    )
