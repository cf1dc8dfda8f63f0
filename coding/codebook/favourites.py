"""Favourite codes: the first nine are on the number keys 1–9 of the transcript view.

Favourites are a project preference (a setting, not an undoable edit), stored by code GUID so that
they survive renames, moves and the undo of a delete. Deleted codes simply drop out of the list.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from coding.core.context import CodeRef, Resolver
from coding.core.ids import CodeId
from coding.core.project_settings import ProjectSettings

SETTING = "favourite_codes"
KEYS = 9


class Favourites:
    def __init__(self, resolve: Resolver, settings: ProjectSettings) -> None:
        self._resolve = resolve
        self._settings = settings

    def _guids(self) -> builtins.list[str]:
        value = self._settings.get(SETTING, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def list(self) -> list[CodeId]:
        """Favourite codes in key order (existing codes only)."""
        by_guid = {code.guid: code.id for code in self._resolve.code_tree()}
        return [by_guid[g] for g in self._guids() if g in by_guid]

    def key_of(self, code_id: CodeId) -> int | None:
        """The number key (1–9) of a favourite, or None."""
        favourites = self.list()[:KEYS]
        return favourites.index(code_id) + 1 if code_id in favourites else None

    def on_key(self, key: int) -> CodeId | None:
        favourites = self.list()
        return favourites[key - 1] if 1 <= key <= min(KEYS, len(favourites)) else None

    def set(self, codes: Sequence[CodeRef]) -> None:
        tree = self._resolve.code_tree()
        guids: builtins.list[str] = []
        for ref in codes:
            guid = tree.get(self._resolve.code(ref)).guid
            if guid not in guids:
                guids.append(guid)
        # keep favourites of codes that are deleted now: an undo of the delete brings them back
        existing = {code.guid for code in tree}
        kept = [g for g in self._guids() if g not in existing and g not in guids]
        self._settings.write({SETTING: guids + kept})

    def add(self, code: CodeRef) -> None:
        self.set([*self.list(), code])

    def remove(self, code: CodeRef) -> None:
        code_id = self._resolve.code(code)
        self.set([c for c in self.list() if c != code_id])

    def toggle(self, code: CodeRef) -> bool:
        """Add or remove a favourite; returns whether it is one now."""
        code_id = self._resolve.code(code)
        if code_id in self.list():
            self.remove(code_id)
            return False
        self.add(code_id)
        return True
