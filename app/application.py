"""Starting the window: ``python main.py [PROJECT] [--demo] [--smoke]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from coding import Project
from coding.demo import build_demo_project
from coding.errors import CodewerkError


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="codewerk gui", description="Open the Codewerk window.")
    parser.add_argument("project", nargs="?", help="a .codewerk project file")
    parser.add_argument("--demo", action="store_true", help="open the demo project (built on first use)")
    parser.add_argument("--smoke", action="store_true", help="start, render once and exit (for tests and CI)")
    return parser.parse_args(argv)


def demo_path() -> Path:
    folder = Path.home() / ".local" / "share" / "Codewerk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "demo.codewerk"


def run(argv: list[str]) -> int:
    args = _parse(argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    project: Project | None = None
    try:
        if args.demo:
            path = demo_path()
            project = Project.open(path) if path.exists() else build_demo_project(path)
        elif args.project:
            project = Project.open(args.project)
    except CodewerkError as exc:
        if args.smoke:
            print(f"codewerk: error: {exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "Codewerk", str(exc))
    window = QMainWindow()
    window.setWindowTitle(f"Codewerk — {project.path.name}" if project else "Codewerk")
    documents = project.documents.list() if project else []
    window.setCentralWidget(QLabel("\n".join(d.name for d in documents) or "No project open"))
    window.resize(1200, 800)
    window.show()
    if args.smoke:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    if project is not None:
        project.close()
    return int(code)
