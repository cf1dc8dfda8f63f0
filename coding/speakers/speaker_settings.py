"""Reading the project's speaker rules inside a session that is already open."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coding.core.project_settings import read_settings
from coding.speakers.speakers import SPEAKER_SETTINGS, SpeakerRules


def read_speaker_rules(session: Session) -> SpeakerRules:
    """The project's speaker rules as stored (defaults where a setting is absent)."""
    return SpeakerRules.from_settings(read_settings(session, SPEAKER_SETTINGS).get)
