"""The language of Codewerk's output (export labels, CLI messages): English or Dutch.

The window translates itself with Qt's translator (``resources/translations/codewerk_nl.ts``); the
domain has no Qt, so the words that end up inside an export or on the command line come from this
small catalogue (export labels here; the domain's messages in :mod:`coding.core.nl_messages` and
:mod:`coding.core.nl_files`, the command line's in :mod:`coding.core.nl_cli`, the undo steps' names
in :mod:`coding.core.nl_undo`, the reports after an import or merge in :mod:`coding.core.nl_reports`, the command line's help in
:mod:`coding.core.nl_help`). ``text("Quotes per concept")`` gives the label in the current language; an English
text without a Dutch entry stays as it is (so names and data pass through untouched). Templates take
their fields by name: ``text("Judgements for {group}", group="Zwolle")``.

The language: ``--language nl|en`` on the CLI, else the ``CODEWERK_LANGUAGE`` environment variable,
else the choice saved in the window's preferences, else the system locale (Dutch when it is ``nl``).
"""

from __future__ import annotations

import configparser
import locale
import os
import string
import sys
from pathlib import Path
from typing import Any, Literal

from coding.core import nl_cli, nl_files, nl_help, nl_messages, nl_reports, nl_undo, numbers

Language = Literal["en", "nl"]
LANGUAGES: tuple[Language, ...] = ("en", "nl")
#: How each language names itself (for the preferences and ``--language``'s help).
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "nl": "Nederlands"}

_DUTCH: dict[str, str] = {
    # Excel: sheets, headers, titles
    "Overview": "Overzicht",
    "Frequencies": "Frequenties",
    "Codebook": "Codeboek",
    "Concept": "Concept",
    "Code": "Code",
    "Respondent": "Respondent",
    "Role": "Rol",
    "Region": "Regio",
    "Date": "Datum",
    "Organisation": "Organisatie",
    "Document": "Document",
    "Quote": "Citaat",
    "Quotes": "Citaten",
    "Memo": "Memo",
    "Start": "Begin",
    "End": "Eind",
    "Page": "Pagina",
    "Review": "Beoordeling",
    "Score": "Oordeel",
    "Justification": "Onderbouwing",
    "Evidence": "Bewijs",
    "Total": "Totaal",
    "Question": "Vraag",
    "Guide": "Leidraad",
    "Answers per guide question": "Antwoorden per vraag uit de leidraad",
    "{count} interview(s)": "{count} interview(s)",
    "(not asked, or not found)": "(niet gesteld, of niet gevonden)",
    "[not confirmed: {confidence}]": "[niet bevestigd: {confidence}]",
    "Description": "Beschrijving",
    "Scale": "Schaal",
    "Kind": "Soort",
    "File": "Bestand",  # column headers of codewerk media and guide
    "Status": "Status",
    "Confidence": "Zekerheid",
    "Label": "Label",
    "Judgement": "Oordeel",
    "Judgement {label}": "Oordeel {label}",
    "Judgements": "Oordelen",
    "Judgements for {group}": "Oordelen voor {group}",
    "1 quote as evidence": "1 citaat als bewijs",
    "{count} quotes as evidence": "{count} citaten als bewijs",
    "{group} note": "{group} onderbouwing",
    "Scores for the charts ({scale})": "Scores voor de grafieken ({scale})",
    "No concept is judged yet (judgements are made in Compare); the quotes follow on the next sheets.": (
        "Nog geen concept beoordeeld (oordelen geeft u in Vergelijken); de citaten staan op de volgende bladen."
    ),
    "All coded passages (each once)": "Alle gecodeerde fragmenten (elk één keer)",
    "Coded passages": "Gecodeerde fragmenten",
    "Coded passages per concept and {attribute}": "Gecodeerde fragmenten per concept en {attribute}",
    "Spider chart: judgements per concept, one line per {attribute} ({numbering})": (
        "Spingrafiek: oordelen per concept, één lijn per {attribute} ({numbering})"
    ),
    "Bar chart: judgements per concept, one bar per {attribute} ({numbering})": (
        "Staafgrafiek: oordelen per concept, één staaf per {attribute} ({numbering})"
    ),
    "Co-occurrence": "Samen voorkomen",
    "Co-occurrence of codes": "Samen voorkomen van codes",
    "Co-occurrence of the concepts": "Samen voorkomen van de concepten",
    "Matrix": "Matrix",
    "Sheet": "Blad",
    # Word
    "Quotes per concept": "Citaten per concept",
    "Quotes per concept – {name}": "Citaten per concept – {name}",
    "{name} · by {key}": "{name} · per {key}",
    "respondents' words only, […] where the interviewer was left out": (
        "alleen de woorden van respondenten, […] waar de interviewer is weggelaten"
    ),
    "Document memos": "Documentmemo's",
    "Analysis": "Analyse",
    "No quotes.": "Geen citaten.",
    "No coded passages.": "Geen gecodeerde fragmenten.",
    "Without quotes or judgements: ": "Zonder citaten of oordelen: ",
    "Memo on {path}": "Memo bij {path}",
    "Memo: {memo}": "Memo: {memo}",
    "Unit: {unit}. Cells: {cells}.": "Eenheid: {unit}. Cellen: {cells}.",
    "Cells: {cells}.": "Cellen: {cells}.",
    "Concepts × {by}": "Concepten × {by}",
    # document properties
    "{name}, quotes and judgements by {key}": "{name}, citaten en oordelen per {key}",
    "{name} — comparison by {key}": "{name} — vergelijking per {key}",
    "{attribute} {value}: judgement per concept ({numbering})": "{attribute} {value}: oordeel per concept ({numbering})",
    "Exported by Codewerk": "Geëxporteerd met Codewerk",
    "qualitative research; quotes": "kwalitatief onderzoek; citaten",
    "Codewerk export": "Codewerk-export",
    " · evidence": " · bewijs",
    " · coded by {names}": " · gecodeerd door {names}",
    "{name} – coded transcript": "{name} – gecodeerd transcript",
    "{project}, coded transcript of {name}": "{project}, gecodeerd transcript van {name}",
    "Coded transcript": "Gecodeerd transcript",
    "Coded transcript · {described}": "Gecodeerd transcript · {described}",
    "Passages": "Fragmenten",
    "Contents": "Inhoud",
    "Page ": "Pagina ",
    "&A – page &P of &N": "&A – pagina &P van &N",
    " of ": " van ",
    "Saved queries": "Opgeslagen zoekvragen",
    "Cannot run now: {error}": "Kan nu niet worden uitgevoerd: {error}",
    "Review ({reviewer}, {status})": "Beoordeling ({reviewer}, {status})",
    "(none)": "(geen waarde)",  # the group without a value (NO_GROUP), as the window says it
    "dimension": "dimensie",  # a code's kind in the codebook sheets (concept, indicator, code: the same)
    # Review words
    "agreed": "akkoord",
    "question": "vraag",
    "disagree": "oneens",
    # Analysis workbooks (co-occurrence, code × case matrix)
    " — documents with {key} = {value}": " — documenten met {key} = {value}",
    "Unit: {unit} — {description}": "Eenheid: {unit} — {description}",
    "Measure: {measure} — {description}": "Maat: {measure} — {description}",
    "Code × {by} matrix": "Code × {by}-matrix",
    "Unit: document": "Eenheid: document",
    "Unit: documents by {by}": "Eenheid: documenten per {by}",
    "overlap": "overlap",
    "sentence": "zin",
    "turn": "beurt",
    "document": "document",
    "count": "aantal",
    "presence": "aanwezigheid",
    "overlapping passages (a run of overlapping passages of the two codes counts once)": (
        "overlappende fragmenten (een reeks overlappende fragmenten van de twee codes telt één keer)"
    ),
    "the same indexed sentence": "dezelfde geïndexeerde zin",
    "the same speaker turn (outside turns: the same paragraph)": "dezelfde sprekersbeurt (buiten beurten: dezelfde alinea)",
    "the same document": "hetzelfde document",
    "count of units in which both codes apply (diagonal: in which the code applies)": (
        "aantal eenheden waarin beide codes voorkomen (diagonaal: waarin de code voorkomt)"
    ),
    "c-coefficient n12 / (n1 + n2 − n12), 0 to 1": "c-coëfficiënt n12 / (n1 + n2 − n12), 0 tot 1",
    "presence: 1 if the code occurs in the column's documents, else 0": (
        "aanwezigheid: 1 als de code voorkomt in de documenten van de kolom, anders 0"
    ),
    "count of coded passages of the code (with its subcodes) in the column's documents": (
        "aantal gecodeerde fragmenten van de code (met haar subcodes) in de documenten van de kolom"
    ),
    # Agreement workbook and the method in words
    "Agreement": "Overeenstemming",
    "Disagreements": "Verschillen",
    "Units": "Eenheden",
    "Cohen κ": "Cohens κ",
    "κ 95% low": "κ 95% onder",
    "κ 95% high": "κ 95% boven",
    "Krippendorff α": "Krippendorffs α",
    "α 95% low": "α 95% onder",
    "α 95% high": "α 95% boven",
    "Both": "Beide",
    "{coder} only": "Alleen {coder}",
    "Neither": "Geen van beide",
    "Why n/a": "Waarom n.v.t.",
    "n/a": "n.v.t.",
    "Method": "Methode",
    "Text": "Tekst",
    "The unit of analysis was the document: a code counted as present in a document for a coder when that "
    "coder had applied it anywhere in the document.": (
        "De analyse-eenheid was het document: een code gold voor een codeur als aanwezig in een document "
        "wanneer die codeur haar ergens in het document had toegekend."
    ),
    "The unit of analysis was the coded segment: for each code, the two coders' passages were matched one to "
    "one when they overlapped by at least {share} of the shorter passage (largest overlaps first). A matched "
    "pair counted as agreement, a passage without a match as a disagreement. At this level no unit is left "
    "uncoded by both coders, so the chance-corrected coefficients are conservative.": (
        "De analyse-eenheid was het gecodeerde segment: per code werden de fragmenten van de twee codeurs één "
        "op één gekoppeld wanneer ze ten minste {share} van het kortste fragment overlapten (grootste overlap "
        "eerst). Een gekoppeld paar telde als overeenstemming, een fragment zonder koppeling als verschil. Op "
        "dit niveau blijft geen eenheid door beide codeurs ongecodeerd, zodat de voor toeval gecorrigeerde "
        "coëfficiënten conservatief zijn."
    ),
    "{count} document(s) split into sentences by the text index (spaCy)": (
        "{count} document(en) door de tekstindex (spaCy) in zinnen gesplitst"
    ),
    "{count} document(s) split at sentence-ending punctuation and line ends": (
        "{count} document(en) gesplitst bij leestekens aan het eind van een zin en bij regeleinden"
    ),
    "The unit of analysis was the sentence{sources}: a code counted as present in a sentence for a coder when "
    "that coder's passages with the code covered at least {share} of its characters.": (
        "De analyse-eenheid was de zin{sources}: een code gold voor een codeur als aanwezig in een zin wanneer "
        "de fragmenten van die codeur met de code ten minste {share} van de tekens ervan bedekten."
    ),
    "The unit of analysis was the speaker turn (its spoken text, without the speaker label): a code counted "
    "as present in a turn for a coder when that coder's passages with the code covered at least {share} of "
    "its characters.": (
        "De analyse-eenheid was de sprekersbeurt (de gesproken tekst, zonder sprekerslabel): een code gold "
        "voor een codeur als aanwezig in een beurt wanneer de fragmenten van die codeur met de code ten minste "
        "{share} van de tekens ervan bedekten."
    ),
    "The unit of analysis was the character: every character of the documents was a unit, coded with a code "
    "when one of the coder's passages with that code contained it (α over characters, not Krippendorff's "
    "unitizing αu).": (
        "De analyse-eenheid was het teken: elk teken van de documenten was een eenheid, gecodeerd met een code "
        "wanneer een van de fragmenten van de codeur met die code het bevatte (α over tekens, niet "
        "Krippendorffs unitizing-αu)."
    ),
    "Intercoder agreement between {coder_a} (A) and {coder_b} (B) was computed in Codewerk over {documents} "
    "document(s) chosen and {codes} code(s), each coded independently.": (
        "De intercoderbetrouwbaarheid tussen {coder_a} (A) en {coder_b} (B) is in Codewerk berekend over "
        "{documents} gekozen document(en) en {codes} code(s), door elk onafhankelijk gecodeerd."
    ),
    "Intercoder agreement between {coder_a} (A) and {coder_b} (B) was computed in Codewerk over {documents} "
    "document(s) that both coders coded and {codes} code(s), each coded independently.": (
        "De intercoderbetrouwbaarheid tussen {coder_a} (A) en {coder_b} (B) is in Codewerk berekend over "
        "{documents} document(en) die beide codeurs codeerden en {codes} code(s), door elk onafhankelijk "
        "gecodeerd."
    ),
    "Per code we report the number of units, percent agreement, Cohen's κ (chance agreement from each coder's "
    "own distribution), Brennan and Prediger's κ (chance agreement fixed at 1/k with k = 2: present or "
    "absent) and Krippendorff's α for nominal data.": (
        "Per code rapporteren we het aantal eenheden, het percentage overeenstemming, Cohens κ "
        "(toevalsovereenstemming uit de eigen verdeling van elke codeur), de κ van Brennan en Prediger "
        "(toevalsovereenstemming vast op 1/k met k = 2: aanwezig of afwezig) en Krippendorffs α voor nominale "
        "gegevens."
    ),
    "95% confidence intervals for κ and α are the 2.5th and 97.5th percentiles of {draws} bootstrap "
    "resamples of the units (seed {seed}).": (
        "De 95%-betrouwbaarheidsintervallen voor κ en α zijn het 2,5e en 97,5e percentiel van {draws} "
        "bootstrapsteekproeven van de eenheden (seed {seed})."
    ),
    "The overall row (*) pools the decisions of all codes, one per unit and code.": (
        "De totaalrij (*) voegt de beslissingen van alle codes samen, één per eenheid en code."
    ),
    "κ and α are reported as n/a, with the reason, when they are undefined because the coders showed no "
    "variation.": (
        "κ en α staan als n.v.t. vermeld, met de reden, wanneer ze niet gedefinieerd zijn omdat de codeurs "
        "geen variatie lieten zien."
    ),
    # Review import report
    "{file}: review by {reviewer}: {added} mark(s) added, {changed} changed, {cleared} cleared, "
    "{unchanged} unchanged": (
        "{file}: beoordeling door {reviewer}: beoordelingen toegevoegd: {added}, gewijzigd: {changed}, "
        "gewist: {cleared}, ongewijzigd: {unchanged}"
    ),
    "Not applied, no longer in the project (or the hidden id was changed): {count}": (
        "Niet verwerkt, niet meer in het project (of het verborgen id is gewijzigd): {count}"
    ),
    "Not applied, the text changed since the export: {count}": (
        "Niet verwerkt, de tekst is sinds de export gewijzigd: {count}"
    ),
    "Not applied, unknown values (use {marks}): {count}": "Niet verwerkt, onbekende waarden (gebruik {marks}): {count}",
    # CLI
    "the c-coefficient n12/(n1+n2−n12)": "de c-coëfficiënt n12/(n1+n2−n12)",
    "units in which both codes apply": "eenheden waarin beide codes voorkomen",
    "Unit: {unit}; cells: {what}; n: units in which the code applies.": (
        "Eenheid: {unit}; cellen: {what}; n: eenheden waarin de code voorkomt."
    ),
    "1 if the code occurs, else 0": "1 als de code voorkomt, anders 0",
    "coded passages": "gecodeerde fragmenten",
    "Rows: codes (with their subcodes); columns: {by}; cells: {what}.": (
        "Rijen: codes (met hun subcodes); kolommen: {by}; cellen: {what}."
    ),
    "{count} disagreement(s):": "Verschillen: {count}",
    "Attached {count} guide question(s) from {source}": "Vragen uit de leidraad gekoppeld uit {source}: {count}",
    "{count} interviewer turn(s) ask no guide question:": (
        "Beurten van de interviewer die geen vraag uit de leidraad stellen: {count}"
    ),
    "{count} answer(s) to {question}": "Antwoorden op {question}: {count}",
    "{count} mark(s)": "Beoordelingen: {count}",
    # CLI
    "Exported {path}": "Geëxporteerd: {path}",
    "error": "fout",
}

#: English words said differently from their message id: the domain's marker of the group without a
#: value (``NO_GROUP``, "(none)" in data: CSV cells, JSON, ``--groups``) is said "(no value)", as the
#: window says it (the Documents panel, Compare), "(geen waarde)" in Dutch.
_ENGLISH: dict[str, str] = {"(none)": "(no value)"}

_CATALOGUES: dict[Language, dict[str, str]] = {
    "en": _ENGLISH,
    "nl": {
        **_DUTCH,
        **nl_messages.DUTCH,
        **nl_files.DUTCH,
        **nl_cli.DUTCH,
        **nl_undo.DUTCH,
        **nl_reports.DUTCH,
        **nl_help.DUTCH,
    },
}

#: The language in force (set on first use or by set_language).
_current: dict[str, Language] = {}


def environment_language() -> Language | None:
    """``CODEWERK_LANGUAGE`` (``nl``/``en``), which wins over the saved choice (tests, scripts)."""
    chosen = os.environ.get("CODEWERK_LANGUAGE", "").strip().lower()
    return "nl" if chosen == "nl" else "en" if chosen == "en" else None


def system_language() -> Language:
    """``nl`` when the system locale says Dutch, else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return "nl" if found.lower().startswith(("nl", "dutch")) else "en"


def settings_file() -> Path:
    """The window's settings (QSettings' INI file for organisation and application "Codewerk")."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "Codewerk" / "Codewerk.ini"


def saved_language() -> Language | None:
    """The language chosen in the window's preferences, if any (so the CLI follows the window)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file(), encoding="utf-8")
    except (OSError, configparser.Error):
        return None
    value = parser.get("General", "language", fallback="").strip().lower()
    return value if value in LANGUAGES else None


def language() -> Language:
    """The language output is written in now."""
    if "language" not in _current:
        _current["language"] = environment_language() or saved_language() or system_language()
    return _current["language"]


def set_language(chosen: str | None) -> Language:
    """Choose the output language (``None``: the environment's, else the window's saved choice, else
    the system's). Returns the language now in force."""
    if chosen is None:
        _current["language"] = environment_language() or saved_language() or system_language()
    elif chosen in ("en", "nl"):
        _current["language"] = "nl" if chosen == "nl" else "en"
    else:
        raise ValueError(f"unknown language {chosen!r}: choose one of {', '.join(LANGUAGES)}")
    return _current["language"]


class _Formatter(string.Formatter):
    """Fills a Dutch template: a number field gets the decimal comma (``{similarity:.2f}`` → 0,83)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if numbers.is_number(value):
            return numbers.number(value, format_spec, lang="nl")
        return str(super().format_field(value, format_spec))


_DUTCH_FORMAT = _Formatter()


def text(english: str, /, **fields: object) -> str:
    """``english`` in the current language, its ``{fields}`` filled in (a number in the language's own
    way: :mod:`coding.core.numbers`)."""
    chosen = language()
    found = _CATALOGUES[chosen].get(english, english)
    if not fields:
        return found
    if chosen == "nl" and any(numbers.is_number(v) for v in fields.values()):
        return _DUTCH_FORMAT.vformat(found, (), fields)
    return found.format(**fields)


def text_in(chosen: str, english: str, /) -> str:
    """``english`` in the language ``chosen`` (an export written in a language of its own)."""
    return _CATALOGUES["nl" if chosen == "nl" else "en"].get(english, english)


def reason_of(problem: BaseException) -> str:
    """A problem the models layer raised (``ProjectFileProblem``, ``ServerProblem``: it has no
    catalogue) in the current language: its English ``reason`` template with its ``fields``."""
    reason = getattr(problem, "reason", None)
    if not isinstance(reason, str):
        return str(problem)
    return text(reason, **getattr(problem, "fields", {}))


def marked(english: str, /) -> str:
    """``english`` itself: marks a message kept in a constant for the catalogue; :func:`text` translates
    it where it is shown (a constant is made before the language is chosen)."""
    return english


def texts(labels: tuple[str, ...] | list[str]) -> list[str]:
    return [text(label) for label in labels]
