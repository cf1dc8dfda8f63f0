"""File dialogs that never open a file themselves: every file chooser of the window goes through here.

Qt's file dialog asks the MIME database what each listed file is, and for a name it does not know
(``studie.codewerk``) the database opens the file and reads its first bytes. Opening and closing a
project file in this process drops every POSIX lock the process holds on it (Linux, macOS): SQLite's
locks of the open project. A script or ``codewerk`` command that then opens and closes the project
takes itself for its last user, checkpoints and deletes the write-ahead log the window is still
writing to, and the window's next minutes of work go into a deleted file. So the dialogs here list
files with an icon provider that looks only at names (``type`` and ``icon`` from the suffix), and are
Qt's own dialog except on Windows (whose locks a closed handle does not drop), since a native dialog
running in this process may read files too.

The functions mirror ``QFileDialog``'s static ones: ``(path, chosen filter)`` or ``""`` when cancelled.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QFileInfo, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QHeaderView, QTreeView, QWidget

Option = QFileDialog.Option


class NameOnlyIcons(QFileIconProvider):
    """Icons and types from a file's name alone: nothing listed is opened."""

    def icon(self, what: QFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("file_dialogs", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("file_dialogs", "File")
        return QCoreApplication.translate("file_dialogs", "{suffix} file").format(suffix=suffix.upper())


@cache
def _icons() -> NameOnlyIcons:
    return NameOnlyIcons()


def dialog(
    parent: QWidget | None, caption: str, directory: str = "", filter: str = "", options: Option | None = None
) -> QFileDialog:
    """A file dialog listing ``directory`` (a folder, or a file name to suggest in it) with
    :class:`NameOnlyIcons`: made on the file system's root, given the provider, then moved there, so
    nothing of the folder is listed before the provider is in place."""
    box = QFileDialog(parent, caption, QDir.rootPath())
    if sys.platform != "win32":
        box.setOption(Option.DontUseNativeDialog)
    if options is not None:
        box.setOptions(box.options() | options)
    box.setIconProvider(_icons())
    _readable_columns(box)
    if filter:
        box.setNameFilters(filter.split(";;"))
    if directory:
        info = QFileInfo(directory)
        if info.isDir():
            box.setDirectory(directory)
        else:
            named = info.path() not in ("", ".")  # a bare name ("hits.csv"): where the last dialog was
            box.setDirectory(
                info.absolutePath() if named else _REMEMBERED.get("folder") or QDir.currentPath()
            )
            box.selectFile(info.fileName())
    else:
        box.setDirectory(_REMEMBERED.get("folder") or QDir.currentPath())
    return box


def _readable_columns(box: QFileDialog) -> None:
    """Qt's dialog opens about 630 pixels wide with columns of fixed widths, which cut a file's size and
    type ("668...KiB", "CO...nd"): it opens wider (within the screen), the size, type and date columns as
    wide as what they show, the name taking the rest."""
    screen = box.screen().availableGeometry() if box.screen() is not None else None
    width = min(900, screen.width() - 80) if screen is not None else 900
    box.resize(max(width, box.sizeHint().width()), max(520, box.sizeHint().height()))
    tree = box.findChild(QTreeView, "treeView")  # the detail view of Qt's own dialog
    if tree is None:
        return
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


#: ``folder``: where the last accepted dialog was, where a dialog given no folder opens (as Qt's do).
_REMEMBERED: dict[str, str] = {}


def start_in(folder: Path) -> None:
    """Where a dialog given no folder opens from now on (until one is accepted elsewhere): the folder
    of the project just opened, where its transcripts and exports usually are."""
    _REMEMBERED["folder"] = str(folder)


def _run(box: QFileDialog) -> tuple[list[str], str]:
    """The chosen paths and name filter, or ``([], "")`` when cancelled."""
    try:
        if box.exec() != QFileDialog.DialogCode.Accepted:
            return [], ""
        _REMEMBERED["folder"] = box.directory().absolutePath()
        return box.selectedFiles(), box.selectedNameFilter()
    finally:
        box.deleteLater()


def open_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", filter: str = ""
) -> tuple[str, str]:
    box = dialog(parent, caption, directory, filter)
    box.setFileMode(QFileDialog.FileMode.ExistingFile)
    files, chosen = _run(box)
    return (files[0], chosen) if files else ("", "")


def open_file_names(
    parent: QWidget | None, caption: str = "", directory: str = "", filter: str = ""
) -> tuple[list[str], str]:
    box = dialog(parent, caption, directory, filter)
    box.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(box)


def save_file_name(
    parent: QWidget | None,
    caption: str = "",
    directory: str = "",
    filter: str = "",
    *,
    options: Option | None = None,
) -> tuple[str, str]:
    box = dialog(parent, caption, directory, filter, options)
    box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    box.setFileMode(QFileDialog.FileMode.AnyFile)
    files, chosen = _run(box)
    return (files[0], chosen) if files else ("", "")


def existing_directory(parent: QWidget | None, caption: str = "", directory: str = "") -> str:
    box = dialog(parent, caption, directory, options=Option.ShowDirsOnly)
    box.setFileMode(QFileDialog.FileMode.Directory)
    files, _chosen = _run(box)
    return files[0] if files else ""


def hidden(folder: Path) -> bool:
    """A folder file managers do not show: it or a folder above it is named with a leading dot (the demo
    project's ``~/.local/share/Codewerk``)."""
    return any(part.startswith(".") and part not in (".", "..") for part in Path(folder).parts)


def documents_folder() -> Path:
    """The user's Documents folder (the home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
