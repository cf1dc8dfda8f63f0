"""The window's own preferences in QSettings: recent projects, window and dock layout, coder name."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Codewerk"
APPLICATION = "Codewerk"
MAX_RECENT = 10
#: Project files whose mark at a checked close is kept (``checked_mark``).
MAX_CHECKED = 20


def settings() -> QSettings:
    """Codewerk's settings file (an INI file in the user's configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def recent_projects() -> list[Path]:
    """Recently opened project files that still exist, most recent first."""
    return [Path(p) for p in _as_list(settings().value("recent_projects")) if Path(p).exists()]


def remember_project(path: Path) -> None:
    resolved = str(Path(path).resolve())
    items = [p for p in _as_list(settings().value("recent_projects")) if p != resolved]
    store = settings()
    store.setValue("recent_projects", [resolved, *items][:MAX_RECENT])
    store.sync()


def forget_project(path: Path) -> None:
    resolved = str(Path(path).resolve())
    store = settings()
    store.setValue("recent_projects", [p for p in _as_list(store.value("recent_projects")) if p != resolved])
    store.sync()


def _checked_marks(store: QSettings | None = None) -> dict[str, str]:
    try:
        marks = json.loads(str((store or settings()).value("checked_files", "{}")))
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in marks.items()} if isinstance(marks, dict) else {}


def checked_mark(path: Path) -> str | None:
    """The mark of the project file at ``path`` when Codewerk last closed it checked (``Project.close_checked``)."""
    return _checked_marks().get(str(Path(path).resolve()))


def remember_checked_mark(path: Path, mark: str | None, store: QSettings | None = None) -> None:
    """Keep (or, with ``None``, forget) the mark of a project file closed checked; the last
    ``MAX_CHECKED`` files are kept. ``store``: the settings to keep it in (a check in a thread of its
    own: those in use when the file closed, ``closed_checks``)."""
    resolved = str(Path(path).resolve())
    store = store or settings()
    marks = _checked_marks(store)
    marks.pop(resolved, None)
    if mark is not None:
        marks[resolved] = mark
    store.setValue("checked_files", json.dumps(dict(list(marks.items())[-MAX_CHECKED:])))
    store.sync()


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    store = settings()
    store.setValue("window/geometry", geometry)
    store.setValue("window/state", state)
    store.sync()


def coder_name() -> str | None:
    value = settings().value("coder")
    return str(value) if value else None


def set_coder_name(name: str) -> None:
    store = settings()
    store.setValue("coder", name)
    store.sync()


def demo_path() -> Path:
    """Where the demo project lives (built on first use)."""
    folder = Path.home() / ".local" / "share" / "Codewerk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "demo.codewerk"


def click_to_code() -> bool:
    """Whether clicking a code codes the selection: an explicit mode, off unless the user turned it on."""
    value = settings().value("click_to_code", False)
    return value not in (False, "false", "0", 0)


def set_click_to_code(enabled: bool) -> None:
    store = settings()
    store.setValue("click_to_code", enabled)
    store.sync()


def export_options() -> dict[str, object]:
    """The export dialog's last choices (format, grouping, separator, checks, folder)."""
    value = settings().value("export/options")
    try:
        loaded = json.loads(str(value)) if value else {}
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def save_export_options(options: dict[str, object]) -> None:
    store = settings()
    store.setValue("export/options", json.dumps(options))
    store.sync()


#: Projects whose export folder is kept (``export_folder``): the last ones exported from.
MAX_EXPORT_FOLDERS = 50


def _export_folders(store: QSettings) -> dict[str, str]:
    try:
        folders = json.loads(str(store.value("export/folders", "{}")))
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in folders.items()} if isinstance(folders, dict) else {}


def remembered_export_folder(project_path: Path) -> Path | None:
    """The folder last exported to from the project at ``project_path``, while it exists."""
    value = _export_folders(settings()).get(str(Path(project_path).resolve()))
    return Path(value) if value and Path(value).is_dir() else None


def remember_export_folder(project_path: Path, folder: Path) -> None:
    """Keep where the project's last export went (per project: each study has its own folder)."""
    store = settings()
    folders = _export_folders(store)
    key = str(Path(project_path).resolve())
    folders.pop(key, None)
    folders[key] = str(Path(folder).resolve())
    store.setValue("export/folders", json.dumps(dict(list(folders.items())[-MAX_EXPORT_FOLDERS:])))
    store.sync()


def folder(key: str) -> Path | None:
    """A folder remembered for a kind of file (``second_coder/folder``: where packages for a second
    coder go and come back), or None when none was remembered or it is gone."""
    value = str(settings().value(key) or "")
    return Path(value) if value and Path(value).is_dir() else None


def remember_folder(key: str, path: Path) -> None:
    store = settings()
    store.setValue(key, str(path))
    store.sync()


def saved_state(key: str) -> QByteArray | None:
    """A saved geometry or splitter state of a window or widget (``compare/geometry`` …)."""
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_state(key: str, state: QByteArray) -> None:
    store = settings()
    store.setValue(key, state)
    store.sync()


def flag(key: str, default: bool = False) -> bool:
    value = settings().value(key, default)
    return value not in (False, "false", "0", 0)


def set_flag(key: str, value: bool) -> None:
    store = settings()
    store.setValue(key, value)
    store.sync()


def table_sort(key: str) -> tuple[int, bool] | None:
    """The column a table was last sorted by and whether descending (``quotes/sort`` …), or None."""
    value = str(settings().value(key) or "")
    column, _, order = value.partition(" ")
    if not column.isdigit() or order not in ("ascending", "descending"):
        return None
    return int(column), order == "descending"


def save_table_sort(key: str, column: int, descending: bool) -> None:
    store = settings()
    store.setValue(key, f"{column} {'descending' if descending else 'ascending'}")
    store.sync()
