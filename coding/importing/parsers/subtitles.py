"""Subtitle files (.vtt WebVTT, .srt SubRip): cues become speaker turns.

The speaker of a cue comes from a ``<v Name>`` voice tag or from a leading label that a
speaker pattern matches (``Name: …``). Consecutive cues of the same speaker are merged
into one turn (texts joined with a space); a cue without a speaker that follows a turn
with a speaker continues that turn. Cues without any speaker before that stay separate.

Each turn becomes one line ``[HH:MM:SS] Speaker: text`` (``[HH:MM:SS] text`` without a
speaker); the timestamp is the start of the turn's first cue. Tags (``<c>``, ``<i>``,
in-cue timestamps, ``{\\an8}``), NOTE/STYLE/REGION blocks, cue identifiers, SRT
numbers and the WEBVTT header are dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedDocument, ParsedTurn
from coding.core.text import normalise_text
from coding.importing.parsers.plain_text import decode_text
from coding.importing.parsers.safety import MAX_TEXT_FILE_BYTES, read_bytes
from coding.speakers.turns import (
    DEFAULT_SPEAKER_PATTERNS,
    compile_patterns,
    match_label,
    parse_timestamp,
)

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"[ \t]*(?P<start>{_STAMP})[ \t]*-->[ \t]*{_STAMP}")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
_TAG = re.compile(r"<[^>]*>")
_ASS_TAG = re.compile(r"\{\\[^}]*\}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NON_CUE_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t]|$)")


@dataclass
class _Turn:
    speaker: str
    timestamp: float
    texts: list[str] = field(default_factory=list)


def parse_subtitles(
    path: Path, source_format: str, speaker_patterns: Sequence[str] | None = None
) -> ParsedDocument:
    data = read_bytes(path, MAX_TEXT_FILE_BYTES)
    raw, _encoding, warnings = decode_text(path, data)
    if source_format == "vtt" and not raw.lstrip().startswith("WEBVTT"):
        warnings.append("the WEBVTT header line is missing")
    patterns = compile_patterns(
        tuple(DEFAULT_SPEAKER_PATTERNS if speaker_patterns is None else speaker_patterns)
    )
    turns: list[_Turn] = []
    cue_count = skipped = 0
    for number, block in enumerate(_BLANK_LINE.split(raw.strip())):
        lines = block.split("\n")
        if _NON_CUE_BLOCKS.match(lines[0]):
            continue
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        match = None if timing is None else _TIMING.match(lines[timing])
        if timing is None or match is None:
            header = number == 0 and lines[0].startswith("WEBVTT") and timing is None
            skipped += 0 if header or not block.strip() else 1
            continue
        cue_count += 1
        start = parse_timestamp(match.group("start")) or 0.0
        payload = " ".join(line.strip() for line in lines[timing + 1 :])
        for speaker, text in _passages(payload, patterns):
            _add(turns, speaker, start, text)
    if cue_count == 0:
        raise FileImportError(path, say("contains no subtitle cues"))
    if skipped:
        warnings.append(f"{skipped} block(s) without a valid cue timing line were skipped")
    return _document(turns, source_format, warnings)


def _passages(payload: str, patterns: Sequence[re.Pattern[str]]) -> list[tuple[str | None, str]]:
    """(speaker or None, clean text) for each voice of one cue."""
    voices = list(_VOICE.finditer(payload))
    pieces: list[tuple[str | None, str]] = []
    if not voices or voices[0].start() > 0:
        pieces.append((None, payload[: voices[0].start()] if voices else payload))
    for index, voice in enumerate(voices):
        end = voices[index + 1].start() if index + 1 < len(voices) else len(payload)
        pieces.append((" ".join((voice.group("name") or "").split()) or None, payload[voice.end() : end]))
    passages = []
    for speaker, text in pieces:
        text = _clean(text)
        if speaker is None:
            label = match_label(text, patterns)
            if label is not None:
                speaker = " ".join(label.group("speaker").split())
                text = text[label.end() :].strip()
        if text:
            passages.append((normalise_text(speaker) if speaker else None, text))
    return passages


def _clean(text: str) -> str:
    text = html.unescape(_TAG.sub("", _ASS_TAG.sub("", text)))
    return normalise_text(" ".join(text.split()))


def _add(turns: list[_Turn], speaker: str | None, start: float, text: str) -> None:
    current = turns[-1] if turns else None
    if current is not None and (speaker == current.speaker or (speaker is None and current.speaker)):
        current.texts.append(text)
    else:
        turns.append(_Turn(speaker or "", start, [text]))


def _document(turns: list[_Turn], source_format: str, warnings: list[str]) -> ParsedDocument:
    lines: list[str] = []
    parsed: list[ParsedTurn] = []
    position = 0
    for turn in turns:
        seconds = int(turn.timestamp)
        stamp = f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] "
        prefix = f"{stamp}{turn.speaker}: " if turn.speaker else stamp
        line = prefix + " ".join(turn.texts)
        parsed.append(
            ParsedTurn(
                speaker=turn.speaker,
                start=position,
                end=position + len(line),
                body_start=position + len(prefix),
                timestamp=turn.timestamp,
            )
        )
        lines.append(line)
        position += len(line) + 1
    return ParsedDocument(
        text=normalise_text("\n".join(lines)),
        source_format=source_format,
        encoding=None,
        turns=tuple(parsed),
        pages=(),
        warnings=tuple(warnings),
    )
