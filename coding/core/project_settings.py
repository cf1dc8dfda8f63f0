"""The project's settings (JSON values by key): read inside an open session, or read and written
through :class:`ProjectSettings`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.core.changes import Aspect, Change
from coding.core.store import Store
from models import Setting

#: The setting that names the coder a second coder's package was made for: opening the package
#: codes under that name unless a name is given explicitly (``--coder``).
PRESET_CODER = "preset_coder"


def read_settings(session: Session, keys: Iterable[str] | None = None) -> dict[str, Any]:
    """The stored settings (only ``keys`` when given); an absent setting has no entry."""
    query = select(Setting.key, Setting.value)
    if keys is not None:
        query = query.where(Setting.key.in_(list(keys)))
    return {key: value for key, value in session.execute(query)}


class ProjectSettings:
    """The project's settings (language, favourite codes, place names …) by key, JSON values.

    Settings are preferences, not undoable edits: writing one commits at once and is announced
    as a change of the settings. Speaker rules are changed through the speakers feature
    (undoable, since they re-detect the turns)."""

    def __init__(self, store: Store, announce: Callable[[Change], None]) -> None:
        self._store = store
        self._announce = announce

    def get(self, key: str, default: Any = None) -> Any:
        with self._store.read() as session:
            value = session.execute(select(Setting.value).where(Setting.key == key)).scalar_one_or_none()
        return default if value is None else value

    def write(self, values: Mapping[str, Any]) -> None:
        def merge(session: Session) -> None:
            for key, value in values.items():
                session.merge(Setting(key=key, value=value))

        self._store.transact(merge)
        self._announce(Change.about(Aspect.SETTINGS))
