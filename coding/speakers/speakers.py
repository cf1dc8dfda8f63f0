"""Speaker rules of a project: label patterns, renamed labels, labels that are no speaker, interviewers.

A document's turns are *derived*: the speaker labels found in its text (with the project's
patterns) are refined by the rules, so re-detecting turns after a change of the rules never
loses a rename. Everything here is pure: no database, no Qt.

Settings (project ``setting`` table, JSON values):

``speaker_patterns``
    list of regular expressions (see :mod:`coding.speakers.turns`); absent: the defaults.
``speaker_names``
    ``{"*": {label: name}, "<document guid>": {label: name}}``: a label as found in the text is
    shown as ``name`` (in every document, or in one document). Labels compare case- and
    accent-insensitively.
``not_speakers``
    labels that were detected but are no speaker (``Toelichting:``); their lines join the turn before.
``interviewer_speakers``
    speaker names that are interviewers; absent: :data:`DEFAULT_INTERVIEWERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedTurn
from coding.core.text import fold
from coding.speakers.turns import compile_patterns, detect_turns, parse_timestamp

PATTERNS_SETTING = "speaker_patterns"
NAMES_SETTING = "speaker_names"
NOT_SPEAKERS_SETTING = "not_speakers"
INTERVIEWERS_SETTING = "interviewer_speakers"
SPEAKER_SETTINGS = (PATTERNS_SETTING, NAMES_SETTING, NOT_SPEAKERS_SETTING, INTERVIEWERS_SETTING)
ALL_DOCUMENTS = "*"

#: Speaker names that are taken for the interviewer until the project says otherwise.
DEFAULT_INTERVIEWERS: tuple[str, ...] = (
    "I",
    "Int",
    "Int.",
    "Interviewer",
    "Interviewers",
    "Interviewer(s)",
    "Interviewster",
    "Onderzoeker",
    "Onderzoekster",
    "Researcher",
    "Question",
    "Gespreksleider",
    "Moderator",
    "Q",
    "V",
    "Vraag",
)
#: Formats whose turns come from subtitle cues, not from labels in the text.
SUBTITLE_FORMATS = frozenset({"vtt", "srt"})
#: Formats without turns (policy documents).
NO_TURN_FORMATS = frozenset({"pdf"})
MAX_NAME_LENGTH = 200

# The start of each line a subtitle import writes: "[00:01:02] Speaker: text" or "[00:01:02] text".
_SUBTITLE_STAMP = re.compile(r"\[(?P<timestamp>\d+:\d{2}:\d{2})\] ")
_SUBTITLE_LABEL = re.compile(r"(?P<speaker>[^\n]*?): ")
_NUMBERED = re.compile(r"^(?P<role>.+?)\s+(?:\d{1,3}|[a-z])$")  # "interviewer 2", not "r5"


def check_speaker_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise InvalidInputError(say("a speaker needs a name"))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInputError(
            say(
                "a speaker name can have at most {MAX_NAME_LENGTH} characters",
                MAX_NAME_LENGTH=MAX_NAME_LENGTH,
            )
        )
    return cleaned


def check_patterns(patterns: Sequence[str]) -> tuple[str, ...]:
    """Validate speaker patterns (a bad regular expression raises InvalidInputError naming it)."""
    cleaned = tuple(str(p) for p in patterns if str(p).strip())
    if not cleaned:
        raise InvalidInputError(say("give at least one speaker pattern (or go back to the default patterns)"))
    compile_patterns(cleaned)
    return cleaned


@dataclass(frozen=True)
class SpeakerRules:
    """The speaker settings of a project, ready to apply.

    The folded forms of the names, labels and interviewers are computed once per instance (on
    first use; a frozen dataclass without slots keeps them in its ``__dict__``): the checks below
    run for every turn.
    """

    patterns: tuple[str, ...] | None = None
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    not_speakers: tuple[str, ...] = ()
    interviewers: tuple[str, ...] = DEFAULT_INTERVIEWERS

    @staticmethod
    def from_settings(setting: Callable[[str], Any]) -> SpeakerRules:
        """Rules from a getter of raw setting values (``None`` when a setting is absent)."""
        patterns = setting(PATTERNS_SETTING)
        names = setting(NAMES_SETTING) or {}
        not_speakers = setting(NOT_SPEAKERS_SETTING) or ()
        interviewers = setting(INTERVIEWERS_SETTING)
        return SpeakerRules(
            patterns=tuple(patterns) if patterns else None,
            names={str(scope): dict(mapping) for scope, mapping in dict(names).items()},
            not_speakers=tuple(not_speakers),
            interviewers=DEFAULT_INTERVIEWERS if interviewers is None else tuple(interviewers),
        )

    def settings(self) -> dict[str, Any]:
        """The setting values of these rules (``None``: the setting is removed, defaults apply)."""
        names = {scope: dict(m) for scope, m in self.names.items() if m}
        return {
            PATTERNS_SETTING: list(self.patterns) if self.patterns is not None else None,
            NAMES_SETTING: names or None,
            NOT_SPEAKERS_SETTING: list(self.not_speakers) or None,
            INTERVIEWERS_SETTING: None
            if self.interviewers == DEFAULT_INTERVIEWERS
            else list(self.interviewers),
        }

    # -- names -----------------------------------------------------------------------------
    @cached_property
    def _folded_names(self) -> dict[str, dict[str, str]]:
        """``names`` by folded label; of labels that fold alike, the first one counts."""
        folded: dict[str, dict[str, str]] = {}
        for scope, mapping in self.names.items():
            by_key = folded[scope] = {}
            for raw, name in mapping.items():
                by_key.setdefault(fold(raw), name)
        return folded

    @cached_property
    def _folded_not_speakers(self) -> frozenset[str]:
        return frozenset(fold(item) for item in self.not_speakers)

    @cached_property
    def _folded_interviewers(self) -> frozenset[str]:
        return frozenset(fold(item) for item in self.interviewers)

    def name_for(self, label: str, document: str | None = None) -> str:
        """The name a label found in the text is shown as (``document``: the document's guid)."""
        key = fold(label)
        for scope in (document, ALL_DOCUMENTS):
            if scope is None:
                continue
            by_key = self._folded_names.get(scope, {})
            if key in by_key:
                return by_key[key]
        return label

    def with_name(self, label: str, name: str, document: str | None = None) -> SpeakerRules:
        """These rules with ``label`` shown as ``name`` (in one document, or everywhere)."""
        scope = document or ALL_DOCUMENTS
        mapping = {raw: new for raw, new in self.names.get(scope, {}).items() if fold(raw) != fold(label)}
        default = label if scope == ALL_DOCUMENTS else self.name_for(label)
        if name != default:
            mapping[label] = name
        names = {**self.names, scope: mapping}
        return replace(self, names={k: v for k, v in names.items() if v})

    def is_not_speaker(self, label: str) -> bool:
        return fold(label) in self._folded_not_speakers

    def is_interviewer(self, name: str) -> bool:
        """``Interviewer 2`` counts as an interviewer when ``Interviewer`` does."""
        marks = self._folded_interviewers
        key = fold(name)
        if key in marks:
            return True
        numbered = _NUMBERED.match(key)
        return bool(numbered and numbered.group("role") and numbered.group("role") in marks)

    # -- turns -----------------------------------------------------------------------------
    def refine(self, turns: Sequence[ParsedTurn], document: str | None = None) -> tuple[ParsedTurn, ...]:
        """Apply the rules to turns as detected: drop labels that are no speaker, rename the rest.

        The lines of a dropped label belong to the turn before it (or to no turn at the start).
        """
        out: list[ParsedTurn] = []
        for turn in turns:
            if turn.speaker and self.is_not_speaker(turn.speaker):
                if out:
                    out[-1] = replace(out[-1], end=turn.end)
                continue
            name = self.name_for(turn.speaker, document) if turn.speaker else turn.speaker
            out.append(replace(turn, speaker=name) if name != turn.speaker else turn)
        return tuple(out)

    def detect(
        self, text: str, source_format: str, stored: Sequence[ParsedTurn] = ()
    ) -> tuple[ParsedTurn, ...]:
        """Turns with their labels as written in ``text`` (before :meth:`refine`).

        ``stored``: the document's turns as stored (subtitle documents need them, see
        :func:`subtitle_turns`).
        """
        if source_format in NO_TURN_FORMATS:
            return ()
        if source_format in SUBTITLE_FORMATS:
            return subtitle_turns(text, stored)
        return detect_turns(text, self.patterns)


def subtitle_turns(text: str, stored: Sequence[ParsedTurn] = ()) -> tuple[ParsedTurn, ...]:
    """The turns, with their labels as written, of a text a subtitle import wrote.

    Each turn is one line ``[HH:MM:SS] Speaker: text`` (``[HH:MM:SS] text`` without a speaker).
    ``stored`` (the document's turns as stored) tells exactly where each label ends and keeps the
    cue times to the millisecond; a line that starts no stored turn was merged into the turn
    before (its label is no speaker), so it has a label.
    """
    known = {turn.start: turn for turn in stored}
    turns = []
    position = 0
    for line in text.split("\n"):
        stamp = _SUBTITLE_STAMP.match(line)
        end = position + len(line.rstrip())
        if stamp is not None:
            previous = known.get(position)
            label_start = position + stamp.end()
            if previous is not None and label_start <= previous.body_start <= end:
                speaker = (
                    text[label_start : previous.body_start].removesuffix(": ")
                    if previous.body_start >= label_start + 2
                    else ""
                )
                body_start = previous.body_start
                seconds = previous.timestamp
            else:
                label = _SUBTITLE_LABEL.match(line, stamp.end())
                speaker = label.group("speaker") if label else ""
                body_start = position + (label.end() if label else stamp.end())
                seconds = None
            turns.append(
                ParsedTurn(
                    speaker=speaker,
                    start=position,
                    end=end,
                    body_start=min(body_start, end),
                    timestamp=seconds if seconds is not None else parse_timestamp(stamp.group("timestamp")),
                )
            )
        position += len(line) + 1
    return tuple(turns)
