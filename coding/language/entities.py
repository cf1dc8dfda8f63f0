"""Finding names in a transcript: candidates for anonymisation, never replaced unconfirmed.

Sources, strongest first: the respondent register (a respondent's name and aliases →
``[R5]``), named entities of a trained pipeline when one is installed, organisation patterns
(``Stichting …``, ``… B.V.``, ``ROC …``), people by title (``wethouder Jansen``) and capitalised
name sequences (``Marieke de Boer``), and a list of Dutch municipalities (→ ``[gemeente]``).
Where candidates overlap, the stronger source wins, then the longer mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from coding.core.i18n import text as say
from coding.language.register import RespondentInfo

PERSON = "[naam]"
PLACE = "[gemeente]"
ORGANISATION = "[organisatie]"

SOURCE_RANK = {"register": 0, "entities": 1, "organisation": 2, "title": 3, "name": 4, "place": 5}

_UPPER = "A-ZÀ-ÖØ-Þ"
_CAP = rf"[{_UPPER}][a-zà-öø-ÿ'’]+(?:-[{_UPPER}]?[a-zà-öø-ÿ]+)*"
_PARTICLE = r"(?:van der|van den|van de|van 't|van|de|den|der|ter|ten|te|in 't|op de|el|al)"
_NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP}){{1,3}}"
_NAME_RE = re.compile(rf"(?<![\w\[]){_NAME}(?![\w\]])")
_TITLES = r"meneer|mevrouw|mevr\.|mw\.|dhr\.|de heer|wethouder|burgemeester|directeur|gedeputeerde|minister"
_TITLE_RE = re.compile(
    rf"\b(?i:{_TITLES})"
    rf"[ \t]+((?:{_PARTICLE}[ \t]+)?{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})*)"
)
_ORG_RE = re.compile(
    rf"\b(?:(?:Stichting|Vereniging|Coöperatie|Cooperatie|ROC|Hogeschool|Universiteit|Gemeente|Werkbedrijf|"
    rf"Werkplein|Sociale Dienst)[ \t]+{_CAP}(?:[ \t-]+{_CAP})*"
    rf"|{_CAP}(?:[ \t]+{_CAP})*[ \t]+(?:B\.V\.|BV|N\.V\.|NV|Groep|Holding)(?![\w.]))"
)
_ENTITY_PLACEHOLDERS = {
    "PER": PERSON,
    "PERSON": PERSON,
    "GPE": PLACE,
    "LOC": PLACE,
    "ORG": ORGANISATION,
    "NORP": None,
}


@dataclass(frozen=True)
class Mention:
    """A possible name at ``text[start:end]`` and what would replace it."""

    start: int
    end: int
    text: str
    kind: str  # respondent, person, place, organisation
    replacement: str
    source: str  # register, entities, organisation, title, name, place
    reason: str


@cache
def municipalities() -> frozenset[str]:
    data = resources.files("coding.language").joinpath("data", "gemeenten.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def _flexible(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in name.split()]
    return re.compile(r"(?<![\w\[])" + r"\s+".join(words) + r"(?![\w\]])", re.IGNORECASE)


def register_variants(entry: RespondentInfo) -> list[str]:
    """The full name, its aliases, and the surname with particles (``de Vries`` of ``Jan de Vries``)."""
    variants = [entry.name, *entry.aliases]
    words = entry.name.split()
    if len(words) >= 2:
        variants.append(" ".join(words[1:]))
    return [v for v in dict.fromkeys(variants) if len(v) >= 2]


def register_mentions(text: str, register: Sequence[RespondentInfo]) -> list[Mention]:
    out = []
    for entry in register:
        for variant in register_variants(entry):
            for match in _flexible(variant).finditer(text):
                out.append(
                    Mention(
                        match.start(),
                        match.end(),
                        match.group(),
                        "respondent",
                        entry.placeholder,
                        "register",
                        say("name of respondent {code} in the register", code=entry.code),
                    )
                )
    return out


#: Words that begin a capitalised sequence that is not a person: "Regio Zwolle", "Gemeente Ede".
NOT_A_PERSON = frozenset(
    [
        "regio",
        "gemeente",
        "gemeenten",
        "provincie",
        "werkbedrijf",
        "werkbedrijven",
        "werkplein",
        "stichting",
        "ministerie",
        "rijk",
        "college",
        "raad",
        "uwv",
        "roc",
        "mbo",
        "hbo",
        "wsw",
        "sw",
        "participatiewet",
        "banenafspraak",
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "interview",
        "transcript",
        "datum",
        "noord",
        "zuid",
        "oost",
        "west",
        "midden",
    ]
)


def _names(
    text: str,
    starts: set[int],
    is_stop: Callable[[str], bool],
    is_word: Callable[[str], bool],
    places: set[str],
) -> Iterator[re.Match[str]]:
    position = 0
    while (match := _NAME_RE.search(text, position)) is not None:
        words = match.group().split()
        first = words[0].lower()
        at_start = match.start() in starts or _line_start(text, match.start())
        if is_stop(first) or first in NOT_A_PERSON or (at_start and is_word(first)):
            position = match.start() + len(words[0])  # try again from the next word
            continue
        position = match.end()
        if any(w in places or w.lower() in NOT_A_PERSON for w in words) or match.group() in places:
            continue
        yield match


def pattern_mentions(
    text: str,
    sentence_starts: Iterable[int],
    *,
    places: Iterable[str] = (),
    is_stop: Callable[[str], bool] = lambda _word: False,
    is_word: Callable[[str], bool] = lambda _word: False,
) -> list[Mention]:
    """Organisations, titled people, capitalised name sequences and municipalities.

    ``is_stop`` and ``is_word`` tell function words and ordinary words (lower case), so that
    "De Werkbedrijven" or a sentence opening "Zeker Jan" is not taken for a name.
    """
    out: list[Mention] = []
    starts = set(sentence_starts)
    for match in _ORG_RE.finditer(text):
        out.append(
            Mention(
                match.start(),
                match.end(),
                match.group(),
                "organisation",
                ORGANISATION,
                "organisation",
                say("looks like the name of an organisation"),
            )
        )
    for match in _TITLE_RE.finditer(text):
        out.append(
            Mention(
                match.start(1),
                match.end(1),
                match.group(1),
                "person",
                PERSON,
                "title",
                say("a name after “{title}”", title=text[match.start() : match.start(1)].strip()),
            )
        )
    place_names = set(municipalities()) | set(places)
    for match in _names(text, starts, is_stop, is_word, place_names):
        out.append(
            Mention(
                match.start(),
                match.end(),
                match.group(),
                "person",
                PERSON,
                "name",
                say("capitalised words that look like a person's name"),
            )
        )
    if place_names:
        alternatives = "|".join(re.escape(p) for p in sorted(place_names, key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w\[-])(?:{alternatives})(?![\w\]-])", text):
            out.append(
                Mention(
                    match.start(),
                    match.end(),
                    match.group(),
                    "place",
                    PLACE,
                    "place",
                    say("name of a municipality"),
                )
            )
    return out


def _line_start(text: str, position: int) -> bool:
    line = text.rfind("\n", 0, position) + 1
    return not text[line:position].strip() or bool(
        re.fullmatch(r"[\s\[\]\d:().-]*\w*\s*:\s*", text[line:position])
    )


def entity_mentions(entities: Iterable[tuple[int, int, str, str]]) -> list[Mention]:
    """Named entities of a trained pipeline: ``(start, end, text, label)``."""
    out = []
    for start, end, text, label in entities:
        replacement = _ENTITY_PLACEHOLDERS.get(
            label.upper(), ORGANISATION if label.upper() == "ORG" else None
        )
        if replacement is None:
            continue
        kind = {PERSON: "person", PLACE: "place", ORGANISATION: "organisation"}[replacement]
        out.append(
            Mention(
                start,
                end,
                text,
                kind,
                replacement,
                "entities",
                say("named entity ({label}) found by the pipeline", label=label),
            )
        )
    return out


def resolve(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the strongest source wins, then the longer mention."""
    ranked = sorted(mentions, key=lambda m: (SOURCE_RANK.get(m.source, 9), -(m.end - m.start), m.start))
    chosen: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= other.start or other.end <= mention.start for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
