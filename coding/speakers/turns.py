"""Speaker turns in transcript text.

A speaker pattern is a regular expression matched at the start of each line, with a
named group ``speaker`` and optionally a named group ``timestamp``. The first pattern
that matches a line starts a new turn there; lines that match no pattern belong to the
current turn, and text before the first turn (a header) belongs to none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedTurn

MAX_SPEAKER_LENGTH = 40

_TS = r"(?:\d{1,2}:)?\d{1,3}:\d{2}(?:[.,]\d{1,3})?"
_BOLD = r"(?:\*\*|__)?"  # Markdown: **Jan:** or **Jan**:
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_NAME_WORD = rf"[{_UPPER}][\w'’.\-]{{0,24}}"
_PARTICLE = r"(?:van|de|der|den|ten|ter|te|het|'t|’t|la|le|du|da|di|von|el|al)"
# One to four capitalised words, Dutch particles in between: "Jan de Vries", "R5", "Int.".
_NAME = rf"(?:{_PARTICLE}[ \t]+){{0,3}}{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,3}}{_NAME_WORD}){{0,3}}"
# Roles with a number or letter ("Spreker 1", "Respondent A"); any case.
_ROLE = (
    r"(?i:interviewer|interviewster|interviewee|respondent|geïnterviewde|spreker|speaker"
    r"|deelnemer|participant|moderator|onderzoeker|gespreksleider)(?:[ \t]*\d{1,3}|[ \t]+[A-Z]\b)?"
)
# Header fields and sentence openings that look like "Name:" but are not speakers.
_HEADER = (
    r"(?i:datum|date|locatie|location|plaats|place|tijd|tijdstip|time|duur|duration|onderwerp"
    r"|subject|topic|thema|titel|title|project|interview|interviewnummer|transcript|transcriptie"
    r"|transcribent|bestand|file|pagina|page|opmerking|opmerkingen|notitie|notities|noot|note"
    r"|notes|nb|aanwezig|aanwezigen|deelnemers|organisatie|functie|leeftijd|geslacht|opleiding"
    r"|beroep|naam|name|versie|version|status|bron|source|taal|language|samenvatting|summary"
    r"|doel|begin|einde|start|eind|starttijd|eindtijd|opname|recording|codering"
    r"|ja|nee|nou|dus|maar|en|of|want|ook|toen|daarna|vervolgens|bijvoorbeeld|namelijk|kortom"
    r"|ik|wij|we|jij|je|hij|zij|ze|het|dat|dit|die|zoals|oké|oke|okay|ok|goed|precies|inderdaad"
    r"|zeker|yes|no|so|but|and|then|because)\b"
)
_LABEL = rf"(?!{_HEADER})(?P<speaker>{_ROLE}|{_NAME})"
_COLON = rf"[ \t]*{_BOLD}[ \t]*:{_BOLD}"
_STAMP_BEFORE = rf"(?:[\[(]?(?P<timestamp>{_TS})[\])]?[ \t]*(?:[-–—|][ \t]*)?)?"

DEFAULT_SPEAKER_PATTERNS: tuple[str, ...] = (
    # "I: [00:12:31] …" — timestamp in brackets right after the label
    rf"[ \t]*{_BOLD}{_LABEL}{_COLON}[ \t]*[\[(](?P<timestamp>{_TS})[\])]",
    # "[00:12:31] I: …", "(12:31) Jan de Vries: …", "00:12:31 R5: …", "Interviewer: …"
    rf"[ \t]*{_STAMP_BEFORE}{_BOLD}{_LABEL}{_COLON}",
    # "Jan de Vries [00:12:31]: …" or a label line "Spreker 1  00:00:05"
    rf"[ \t]*{_BOLD}{_LABEL}{_BOLD}[ \t]*[\[(]?(?P<timestamp>{_TS})[\])]?(?:{_COLON}|[ \t]*$)",
    # a label line "00:00:03 Spreker 1" (roles only: "12:30 Lunch" is not a turn)
    rf"[ \t]*[\[(]?(?P<timestamp>{_TS})[\])]?[ \t]+(?!{_HEADER})(?P<speaker>{_ROLE})[ \t]*$",
)


@lru_cache(maxsize=32)
def compile_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compile speaker patterns; raise InvalidInputError for an unusable one."""
    compiled = []
    for number, pattern in enumerate(patterns, start=1):
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            raise InvalidInputError(
                say(
                    "speaker pattern {number} is not a valid regular expression: {exc}",
                    number=number,
                    exc=exc,
                )
            ) from None
        if "speaker" not in regex.groupindex:
            raise InvalidInputError(
                say("speaker pattern {number} has no (?P<speaker>…) group", number=number)
            )
        compiled.append(regex)
    return tuple(compiled)


def parse_timestamp(value: str | None) -> float | None:
    """``HH:MM:SS``, ``H:MM:SS`` or ``MM:SS`` with an optional ``.mmm``/``,mmm`` → seconds."""
    if not value:
        return None
    parts = value.strip().replace(",", ".").split(":")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        return None
    if not 2 <= len(numbers) <= 3 or numbers[-1] >= 60 or (len(numbers) == 3 and numbers[1] >= 60):
        return None
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


def match_label(line: str, patterns: Sequence[re.Pattern[str]]) -> re.Match[str] | None:
    """The first pattern match at the start of ``line`` that names a plausible speaker."""
    for regex in patterns:
        match = regex.match(line)
        if match is not None:
            speaker = " ".join((match.group("speaker") or "").split())
            if speaker and len(speaker) <= MAX_SPEAKER_LENGTH:
                return match
    return None


def detect_turns(text: str, patterns: Sequence[str] | None = None) -> tuple[ParsedTurn, ...]:
    """Find speaker turns in ``text`` (already normalised); see the module docstring."""
    scanner = TurnScanner(patterns)
    scanner.feed(text)
    return scanner.finish()


class TurnScanner:
    """:func:`detect_turns` over a text given in pieces (a long file read a megabyte at a time):
    ``feed`` each piece in order, then ``finish``. Only the line being read is held, never the
    text, and the turns come out as :func:`detect_turns` finds them in the whole text."""

    def __init__(self, patterns: Sequence[str] | None = None) -> None:
        self._compiled = compile_patterns(tuple(DEFAULT_SPEAKER_PATTERNS if patterns is None else patterns))
        self._pending: list[str] = []  # the start of a line whose end has not come yet
        self._position = 0  # where the next line starts
        self._turns: list[ParsedTurn] = []
        self._names: dict[str, str] = {}  # one string per speaker, not one per turn
        # The open turn (its start, speaker and timestamp), the end of its last visible character so
        # far and its first visible character after the label (None: none yet).
        self._open: tuple[int, str, float | None] | None = None
        self._end = 0
        self._body: int | None = None

    def feed(self, piece: str) -> None:
        start = 0
        newline = piece.find("\n")
        while newline >= 0:
            line = piece[start:newline]
            if self._pending:
                line = "".join([*self._pending, line])
                self._pending.clear()
            self._line(line)
            start = newline + 1
            newline = piece.find("\n", start)
        if start < len(piece):
            self._pending.append(piece[start:])

    def finish(self) -> tuple[ParsedTurn, ...]:
        """The turns found; the text after the last line break is its last line."""
        self._line("".join(self._pending))
        self._pending.clear()
        self._close()
        turns, self._turns = tuple(self._turns), []
        return turns

    def _line(self, line: str) -> None:
        position = self._position
        self._position += len(line) + 1
        match = match_label(line, self._compiled)
        label_end = 0
        if match is not None:
            self._close()
            speaker = " ".join(match.group("speaker").split())
            speaker = self._names.setdefault(speaker, speaker)
            timestamp = parse_timestamp(_group(match, "timestamp"))
            label_end = match.end()
            self._open = (position, speaker, timestamp)
            self._end = position
            self._body = None
        if self._open is None:
            return
        visible = len(line.rstrip())
        if visible:
            self._end = position + visible
            if self._body is None and visible > label_end:
                rest = line[label_end:visible]
                self._body = position + label_end + len(rest) - len(rest.lstrip())

    def _close(self) -> None:
        if self._open is None:
            return
        start, speaker, timestamp = self._open
        end = self._end
        body_start = end if self._body is None else min(self._body, end)
        self._turns.append(ParsedTurn(speaker, start, end, body_start, timestamp))
        self._open = None


def _group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def speakers(turns: Sequence[ParsedTurn]) -> list[tuple[str, int]]:
    """Each speaker with its number of turns, in order of first appearance."""
    return list(Counter(turn.speaker for turn in turns).items())
