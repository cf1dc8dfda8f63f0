"""Where an export goes first: a folder the user sees and finds again.

The folder last exported to from this project (kept per project in the settings), else the project's
own folder, unless that is hidden or gone: the demo project lives in ``~/.local/share/Codewerk``, a
folder file managers do not show, and its exports went there. Then the Documents folder (the home
folder where there is none). Every export of the window proposes its file there and keeps the folder
chosen; file dialogs ask before replacing a file, the export dialog itself too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.shell import settings
from app.widgets import file_dialogs
from app.widgets.file_dialogs import documents_folder, hidden


def export_folder(project_path: Path) -> Path:
    """Where the project's next export is proposed (see the module's description)."""
    remembered = settings.remembered_export_folder(project_path)
    if remembered is not None:
        return remembered
    own = Path(project_path).parent
    return own if own.is_dir() and not hidden(own) else documents_folder()


def remember(project_path: Path, target: Path) -> None:
    """The project's export went to ``target``: its folder is proposed next time."""
    settings.remember_export_folder(project_path, Path(target).parent)


def ask_export_file(
    parent: QWidget | None, caption: str, project_path: Path, file_name: str, filter: str
) -> Path | None:
    """Ask where to export (the dialog asks before replacing a file); the folder chosen is kept for
    the project. ``None`` when the user cancelled."""
    name, _filter = file_dialogs.save_file_name(
        parent, caption, str(export_folder(project_path) / file_name), filter
    )
    if not name:
        return None
    remember(project_path, Path(name))
    return Path(name)
