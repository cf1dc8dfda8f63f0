"""Starting the window: ``python main.py [PROJECT] [--demo] [--smoke]``."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.shell import closed_checks, project_files, settings, translation
from app.shell.app_icon import app_icon
from app.shell.main_window import MainWindow
from app.shell.theme import Theme
from app.widgets.long_operation import install_stop_on_quit
from coding.cli.parser import CodewerkParser


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = CodewerkParser(
        prog="codewerk gui", description="Open the Codewerk window."
    )  # its help in Dutch too
    parser.add_argument("project", nargs="?", help="a .codewerk project file")
    parser.add_argument("--demo", action="store_true", help="open the demo project (built on first use)")
    parser.add_argument("--smoke", action="store_true", help="start, render once and exit (for tests and CI)")
    return parser.parse_args(argv)


def demo_path() -> Path:
    return settings.demo_path()


_theme: Theme | None = None


def application() -> QApplication:
    """The QApplication, created once with Codewerk's names and the system's light or dark palette."""
    global _theme  # noqa: PLW0603 (one application, one theme, set when it is created)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0]])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    if _theme is None:
        translation.install()
        app.setWindowIcon(app_icon())
        app.setDesktopFileName("codewerk")  # the .desktop file's name (installers/linux)
        _theme = Theme(app)
        install_stop_on_quit()
    return app


def theme() -> Theme | None:
    return _theme


def run(argv: list[str]) -> int:
    args = _parse(argv)
    app = application()
    window = MainWindow()
    if _theme is not None:
        _theme.changed.connect(window.view.refresh_palette)
    opened = True
    if args.demo:
        opened = window.open_demo()
    elif args.project:
        opened = window.open_project(args.project, showing=True)  # its transcript after the first paint
    if args.smoke and not opened:
        print(f"codewerk: error: {window.last_problem}", file=sys.stderr)
        window.close()
        return 1
    window.show()
    if args.smoke:
        app.processEvents()
        window.grab()
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    finish(window)
    gc.freeze()  # the program ends: the system frees its memory at once, no collection walks it first
    return int(code)


def finish(window: MainWindow) -> None:
    """The program's end, after its event loop: the project closed (if the loop ended before the window closed:
    ``--smoke``) and its file's connections closed, the file whole. Its check, when quick, keeps its mark for
    the next opening; a long one (15–33 s on the huge project under load, the window already gone) is stopped
    and keeps none: the program does not linger."""
    project_files.close_project(window, ending=True)
    closed_checks.wait(grace=closed_checks.END_GRACE_S)
