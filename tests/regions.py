"""A small comparison project shared by the comparison, export, CLI and window tests.

Five regions, two of which share their first 31 characters and one whose name Excel refuses as a sheet
name, a document without a region, passages that look like spreadsheet formulas, a passage coded with
a concept and one of its indicators, and judgements with a justification and evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coding import Project
from coding.core.ids import CodeId, PassageId
from coding.documents.document_commands import NewDocument

HOSTILE = "Noord/Zuid: [test]*?"
LONG_A = "Midden-Gelderland en omstreken, de regio Arnhem"
LONG_B = "Midden-Gelderland en omstreken, de regio Nijmegen"
FORMULA = '=HYPERLINK("http://example.org","klik hier")'

TEXTS = {
    "R10_onderwijs": (
        "I: Vertrouwt u de anderen?\n"
        "R10: Ik vertrouw de andere partijen volledig, ze komen hun afspraken na.\n"
        "R10: De urgentie is hoog in de regio.\n"
    ),
    "R2_uwv": (
        "I: Hoe is het vertrouwen?\n"
        "R2: Het vertrouwen groeit, al gaat het langzaam.\n"
        "R2: -/- zou ik zeggen over de cijfers die we kregen.\n"
    ),
    "R5_onderwijs": (
        "R5: Informatie wordt eerlijk gedeeld in het overleg.\n"
        f"R5: {FORMULA}\n"
        "R5: @iedereen moet meedoen, zegt de wethouder.\n"
    ),
    "R7_gemeente": "R7: Vertrouwen is er zeker tussen de wethouders. 👍\n",
    "R8_vakbond": "R8: +31 6 1234 5678 is het nummer van het loket, dat werkt prima.\n",
    "D9_beleidsnota": "De regio's werken samen aan een inclusieve arbeidsmarkt.\n",
}

ATTRIBUTES = {
    "R10_onderwijs": {"respondent": "R10", "region": "Zwolle", "role": "Onderwijs", "date": "2017-06-01"},
    "R2_uwv": {"respondent": "R2", "region": "Zwolle", "role": "UWV", "date": "2017-06-02"},
    "R5_onderwijs": {"respondent": "R5", "region": HOSTILE, "role": "Onderwijs"},
    "R7_gemeente": {"respondent": "R7", "region": LONG_A, "role": "Wethouder"},
    "R8_vakbond": {"respondent": "R8", "region": LONG_B, "role": "Vakbond"},
    "D9_beleidsnota": {"role": "Beleid"},
}

#: (document, code, passage, memo)
CODINGS = [
    ("R10_onderwijs", "4a", "Ik vertrouw de andere partijen volledig", "sterk vertrouwen"),
    ("R10_onderwijs", "Vertrouwen", "Ik vertrouw de andere partijen volledig", ""),
    ("R10_onderwijs", "Urgentiebesef", "De urgentie is hoog in de regio.", ""),
    ("R2_uwv", "Vertrouwen", "Het vertrouwen groeit, al gaat het langzaam.", "groeiend"),
    ("R2_uwv", "4b", "-/- zou ik zeggen over de cijfers die we kregen.", ""),
    ("R5_onderwijs", "4b", "Informatie wordt eerlijk gedeeld in het overleg.", "=SUM(A1:A3)"),
    ("R5_onderwijs", "Vertrouwen", FORMULA, ""),
    ("R5_onderwijs", "Urgentiebesef", "@iedereen moet meedoen, zegt de wethouder.", ""),
    ("R7_gemeente", "4c", "Vertrouwen is er zeker tussen de wethouders. 👍", ""),
    ("R8_vakbond", "Vertrouwen", "+31 6 1234 5678 is het nummer van het loket, dat werkt prima.", ""),
    ("D9_beleidsnota", "Urgentiebesef", "De regio's werken samen aan een inclusieve arbeidsmarkt.", ""),
]


@dataclass(frozen=True)
class Regions:
    project: Project
    trust: CodeId
    urgency: CodeId
    zwolle_evidence: PassageId


def build_regions(project: Project, *, region_key: str = "region") -> Regions:
    """The project; ``region_key="regio"`` names the region as a Dutch metadata sheet does (the
    judgements and the quotes filter below still say ``region``, as every default does)."""
    for name, text in TEXTS.items():
        attributes = {(region_key if k == "region" else k): v for k, v in ATTRIBUTES[name].items()}
        project.documents.add(NewDocument(name=name, text=text, source_format="txt", attributes=attributes))
    for document, code, passage, memo in CODINGS:
        project.code(document, code, text=passage, memo=memo)
    trust = project.codes.id_of("Vertrouwen")
    urgency = project.codes.id_of("Urgentiebesef")
    evidence = project.quotes("Vertrouwen", where={"region": "Zwolle"}, documents=["R2_uwv"])[0].passage_id
    project.assess("Zwolle", trust, "+", note="partners komen afspraken na", evidence=[evidence])
    project.assess(HOSTILE, trust, "-/-", note="=niet goed")
    project.assess("Zwolle", urgency, "+/+", note="hoge urgentie")
    project.assess(LONG_B, trust, "+/-", note="")
    return Regions(project, trust, urgency, evidence)


def quote_sheet_rows(sheet: Any) -> list[list[Any]]:
    """The rows of a group sheet of the Excel export from its quote header on (a group with
    judgements lists them above the quotes)."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(rows) if row[:3] == ["Concept", "Code", "Respondent"])
    return rows[start:]
