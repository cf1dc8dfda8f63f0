"""Opening and closing projects in the main window: new, open, demo, team server, recent projects,
a copy, and the coder's name; the window's title, pages and panels follow the open project."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog

from app.shell import closed_checks, extra_windows, project_copy, settings
from app.shell.workspace import Workspace
from app.widgets import file_dialogs, long_operation, operations
from app.widgets.after_paint import after_first_paint
from app.widgets.translated import role_name
from app.widgets.worker_write import abandon_writes
from coding import Project
from coding.core.ids import DocumentId
from coding.project_file import PROJECT_SUFFIX

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow

START, WORKBENCH = 0, 1


def open_project(window: MainWindow, path: Path | str, *, showing: bool = False) -> bool:
    """Open the project at ``path`` in ``window`` (``showing``: a window about to be shown, as the
    program starts on a project: its first document opens after its first paint, as in a shown one)."""
    project = operations.attempt(
        window,
        lambda: _open_as_coder(path),
        notice=True,
        title=QCoreApplication.translate("MainWindow", "Open project"),
    )
    if project is None:
        settings.forget_project(Path(path))
        if window.isVisible():  # (else it reads the recent list when it shows)
            window.start.reload()
        return False
    set_project(window, project, showing=showing)
    return True


def connect_team(window: MainWindow) -> bool:
    """Start screen → Connect to a team project…: where the server is, who the user is."""
    from app.shell.team_connect import TeamConnectDialog

    dialog = TeamConnectDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if not window.open_project(dialog.url()):
        return False
    dialog.keep()
    return True


def new_project(window: MainWindow, path: Path | str, codebook: str | None = "rwb") -> bool:
    path = Path(path)
    if path.suffix != PROJECT_SUFFIX:
        path = path.with_name(path.name + PROJECT_SUFFIX)
    project = operations.attempt(
        window,
        lambda: Project.create(path, codebook=codebook, coder=settings.coder_name()),
        notice=True,
        title=QCoreApplication.translate("MainWindow", "New project"),
    )
    if project is None:
        return False
    set_project(window, project)
    return True


def open_demo(window: MainWindow, path: Path | None = None) -> bool:
    path = path or settings.demo_path()
    if path.exists():
        return window.open_project(path)
    from coding.demo import build_demo_project  # it reads the demo's texts: loaded when first built

    project = operations.attempt(
        window,
        lambda: build_demo_project(path, coder=settings.coder_name() or "demo"),
        notice=True,
        title=QCoreApplication.translate("MainWindow", "Demo project"),
    )
    if project is None:
        return False
    set_project(window, project)
    return True


def set_project(window: MainWindow, project: Project, *, showing: bool = False) -> None:
    """The window on ``project``: its docks, title and layout; its first coded document (else its first)
    opens right after the window's next paint when the window shows (or is ``showing``), so that the
    window is painted without waiting for a transcript, at once in a hidden window."""
    window.close_project()
    workspace = Workspace(project, window)
    window.workspace = workspace
    workspace.changed.connect(window.view.on_change)  # first: the transcript paints before the docks
    workspace.changed.connect(window._after_change)
    window.undo_group.addStack(workspace.undo_stack)
    window.undo_group.setActiveStack(workspace.undo_stack)
    workspace.indexer.finished.connect(
        lambda report: (
            None
            if report.cancelled
            else workspace.tell(QCoreApplication.translate("MainWindow", "Search index ready"))
        )
    )
    window.view.set_workspace(workspace)
    for dock in (window.documents_dock, window.codebook_dock, window.quotes_dock, window.details_dock):
        dock.set_workspace(workspace)
    window.player_dock.set_workspace(workspace)
    if project.is_team_project:  # the recent list keeps files (an address may hold a password)
        window.setWindowTitle(
            QCoreApplication.translate("MainWindow", "Codewerk — {name} (team project, {role})").format(
                name=project.path.name, role=role_name(project.role)
            )
        )
        workspace.reachability.connect(window.connection_banner.show_reachable)
    else:
        settings.remember_project(project.path)
        window.setWindowTitle(f"Codewerk — {project.path.name}")
        file_dialogs.start_in(project.path.parent)  # transcripts, sheets and exports: beside the project
    window.pages.setCurrentIndex(WORKBENCH)
    window.window_actions.set_project_open(True)
    _geometry, state = settings.window_state()
    if state is None or not window.restoreState(state):
        window.default_layout()
    for dock_widget in window.docks:
        dock_widget.toggleViewAction().setEnabled(True)
    model = window.documents_dock.model  # (its documents listed in a worker after the first paint)
    listed = model.document_ids() if model is not None and model.listed else project.documents.order()
    if listed:  # the first document with codings, else the first: one document loaded
        first = project.documents.first_coded(listed) or listed[0]
        if window.isVisible() or showing:
            _open_after_paint(window, workspace, first)
        else:
            window.open_document(first)
    else:  # a new project: the header says how documents come in
        window.panel.set_header(None, no_documents=True)
    workspace.tell(
        QCoreApplication.translate("MainWindow", "Opened {location} — every action is saved at once").format(
            location=project.location
        )
    )
    workspace.settle()
    after_first_paint(window.view.viewport(), lambda: extra_windows.prepare_search(window))
    if project.unchecked:
        after_first_paint(window.view.viewport(), lambda: _check_file(window, workspace))


def _open_after_paint(window: MainWindow, workspace: Workspace, first: DocumentId) -> None:
    """``first`` opens right after the window's next paint (its transcript, the details dock's facts: 0.03 s
    of the GUI thread before the first paint of the huge project); meanwhile the header names it and the
    Documents dock marks it. A document the user opens first, or the project closed, cancels it."""
    model = window.documents_dock.model
    listed = model.document(first) if model is not None else None
    window.panel.set_header(listed or workspace.project.documents.get(first))
    window.documents_dock.set_current(first)
    window.first_document = first

    def due() -> None:
        if window.workspace is workspace and window.first_document == first:
            window.open_document(first)  # (clears ``first_document``)

    after_first_paint(window.view.viewport(), due)


def _check_file(window: MainWindow, workspace: Workspace) -> None:
    """The damage check of a large project file, in a worker while the window is in use (it reads
    on its own connection, ≈ 0.15 s per 100 MB); a damaged file is closed with one message naming it."""
    if window.workspace is not workspace:
        return
    project = workspace.project

    def damaged(_error: BaseException) -> None:
        if window.workspace is workspace:  # (the message was shown) and it is still the one open
            window.close_project()

    long_operation.LongOperation(
        window,
        lambda _progress: project.check_file(),
        title=QCoreApplication.translate("MainWindow", "Checking the project file"),
        failure=damaged,
        show="status",
    ).start()


def close_project(window: MainWindow, *, ending: bool = False) -> None:
    """File → Close (``ending``: the window closes, the program ends: ``Workspace.close``)."""
    if window.workspace is None:
        return
    workspace = window.workspace
    # a write in a worker holds the project until it is over: stopped first (rolled back unless committed),
    # so that the memo being typed can be saved (refused meanwhile, it was lost)
    abandon_writes(workspace.project)
    window.details_dock.save_memo()
    save_layout(window)
    window.workspace = None
    window.first_document = None
    extra_windows.close_all(window)
    for dock in (window.documents_dock, window.codebook_dock, window.quotes_dock, window.details_dock):
        dock.set_workspace(None)
    window.player_dock.set_workspace(None)
    window.view.set_workspace(None)
    window.undo_group.removeStack(workspace.undo_stack)
    workspace.close(ending=ending)
    workspace.deleteLater()
    show_start(window)


def show_start(window: MainWindow) -> None:
    window.setWindowTitle("Codewerk")
    if window.isVisible():  # else when the window shows (``MainWindow.showEvent``): one started on a
        window.start.reload()  # project never builds its start screen before its first paint
    window.pages.setCurrentIndex(START)
    window.window_actions.set_project_open(False)
    window.player_dock.hide()
    for dock in window.docks:
        dock.hide()
        dock.toggleViewAction().setEnabled(False)
    window.panel.set_header(None)


def save_layout(window: MainWindow) -> None:
    if window.workspace is not None:
        settings.save_window_state(window.saveGeometry(), window.saveState())


def save_copy(window: MainWindow) -> None:
    """File → Save a copy…: the project file copied elsewhere (a backup)."""
    if window.workspace is not None:
        project_copy.save_copy(window, window.workspace.project)


# -- dialogs ------------------------------------------------------------------------------
def projects_folder() -> Path:
    """Where New project and Open look first: the folder of the project opened last (a student keeps
    her projects together, seldom in her home folder) that a file manager shows (never the demo's hidden
    ``~/.local/share/Codewerk``: a new study made there is lost to her), else the Documents folder. The
    recent list holds only files that still exist."""
    for path in settings.recent_projects():
        if not file_dialogs.hidden(path.parent):
            return path.parent
    return file_dialogs.documents_folder()


def ask_new_project(window: MainWindow) -> None:
    name, _filter = file_dialogs.save_file_name(
        window,
        QCoreApplication.translate("MainWindow", "New project"),
        str(projects_folder() / f"studie{PROJECT_SUFFIX}"),
        QCoreApplication.translate("MainWindow", "Codewerk projects (*{suffix})").format(
            suffix=PROJECT_SUFFIX
        ),
    )
    if not name:
        return
    choices = [
        QCoreApplication.translate("MainWindow", "Regionale Werkbedrijven (built-in codebook “rwb”)"),
        QCoreApplication.translate("MainWindow", "Empty code tree"),
        QCoreApplication.translate("MainWindow", "A codebook file (.yaml, .qdc)…"),
    ]
    choice, ok = QInputDialog.getItem(
        window,
        QCoreApplication.translate("MainWindow", "New project"),
        QCoreApplication.translate("MainWindow", "Start with:"),
        choices,
        0,
        False,
    )
    if not ok:
        return
    if choice == choices[2]:  # the student's own codebook: its codes, scales and favourite keys
        book, _filter = file_dialogs.open_file_name(
            window,
            QCoreApplication.translate("MainWindow", "Choose a codebook"),
            str(Path(name).parent),
            QCoreApplication.translate("MainWindow", "Codebooks (*.yaml *.yml *.qdc)"),
        )
        if book:
            window.new_project(name, book)
        return
    window.new_project(name, "rwb" if choice == choices[0] else None)


def ask_open_project(window: MainWindow) -> None:
    name, _filter = file_dialogs.open_file_name(
        window,
        QCoreApplication.translate("MainWindow", "Open project"),
        str(projects_folder()),
        QCoreApplication.translate("MainWindow", "Codewerk projects (*{suffix});;All files (*)").format(
            suffix=PROJECT_SUFFIX
        ),
    )
    if name:
        window.open_project(name)


def ask_coder_name(window: MainWindow) -> None:
    current = window.workspace.project.coder if window.workspace else (settings.coder_name() or "")
    name, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("MainWindow", "Your name"),
        QCoreApplication.translate("MainWindow", "Name stored with your codings and reviews:"),
        text=current,
    )
    if ok and name.strip():
        settings.set_coder_name(name.strip())
        if window.workspace is not None:
            window.workspace.project.coder = name.strip()
            if window.quotes_dock.model is not None:
                window.quotes_dock.model.set_codes(window.quotes_dock.model.codes)


def fill_recent_menu(window: MainWindow) -> None:
    window.recent_menu.clear()
    paths = settings.recent_projects()
    for path in paths:
        action = window.recent_menu.addAction(path.name)
        action.setToolTip(str(path))
        action.triggered.connect(lambda _c=False, p=path: window.open_project(p))
    if not paths:
        empty = window.recent_menu.addAction(QCoreApplication.translate("MainWindow", "No recent projects"))
        empty.setEnabled(False)


def _open_as_coder(path: Path | str) -> Project:
    """Open a project under the window's coder name, unless it is a package made for a coder."""
    closed_checks.settle(Path(path))  # the same file closed a moment ago: its connections closed first
    # a large file is checked after the window shows; one unchanged since it was closed checked is not
    project = Project.open(path, check_later=True, checked_mark=settings.checked_mark(Path(path)))
    name = settings.coder_name()
    if project.preset_coder is None and name and not project.is_team_project:  # a team knows its logins
        project.coder = name
    return project
