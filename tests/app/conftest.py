"""Qt tests run offscreen. Screenshots go to a temporary folder, so that a test run never changes
the tree; ``make screenshots`` (``CODEWERK_SCREENSHOTS=docs/screenshots``) writes them for the docs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SCREENSHOTS = Path(
    os.environ.get("CODEWERK_SCREENSHOTS") or tempfile.mkdtemp(prefix="codewerk-screenshots-")
).resolve()


# -- the window on a copy of the demo project ------------------------------------------------------
import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings (recent projects, layout) in a temporary folder, never the user's own."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


#: How long a test's long operations (worker threads) may take to end after the test before it fails.
WORKERS_END_S = 10


@pytest.fixture(autouse=True)
def no_worker_left_running() -> Iterator[None]:
    """A test fails when a long operation it started (a worker thread: a read, a write, an export) is
    still running after it and its fixtures ended: left running it reads or writes during the tests that
    follow (through classes they patch, on projects they do not know), which made them fail by order."""
    yield
    import sys

    if "app.shell.closed_checks" in sys.modules:  # a closed file's check, in a thread of its own
        from app.shell import closed_checks

        closed_checks.wait()
    if "app.widgets.long_operation" not in sys.modules:
        return
    from PySide6.QtTest import QTest

    from app.widgets import long_operation

    def running() -> list[long_operation.LongOperation]:  # the list itself may still be patched by the test
        return [operation for operation in long_operation.running_operations() if operation.running]

    for _ in range(WORKERS_END_S * 20):
        if not running():
            return
        QTest.qWait(50)
    left = sorted(operation.title for operation in running())
    long_operation.stop_all()
    pytest.fail(f"long operations still running after the test: {left}")


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once per test run (copy it before changing it)."""
    from coding.demo import build_demo_project

    path = tmp_path_factory.mktemp("demo") / "demo.codewerk"
    build_demo_project(path, coder="demo").close()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "studie.codewerk"
    shutil.copyfile(demo_file, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{demo_file}{suffix}")
        if extra.exists():
            shutil.copyfile(extra, Path(f"{target}{suffix}"))
    return target


@pytest.fixture
def window(qtbot, demo_copy: Path):  # type: ignore[no-untyped-def]
    """The main window with a copy of the demo project open, shown and active."""
    from PySide6.QtWidgets import QApplication

    from app.shell.application import application
    from app.shell.main_window import MainWindow

    application()
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1500, 950)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    assert main.open_project(demo_copy), main.last_problem
    QApplication.processEvents()
    # the first counts, made in workers after the first paint, are in: the window has settled
    qtbot.waitUntil(lambda: main.documents_dock.model.counted and main.codebook_dock.model.counted)
    qtbot.waitUntil(lambda: main.quotes_dock.model.loaded)  # the first quotes, read in a worker
    qtbot.waitUntil(lambda: main.view.document_id is not None)  # the first document, after the first paint
    yield main
    main.close_project()


@pytest.fixture
def shown(qtbot):  # type: ignore[no-untyped-def]
    """The main window shown at 1500×950 with no project yet (tests that open one themselves)."""
    from app.shell.application import application
    from app.shell.main_window import MainWindow

    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close_project()


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The interface and the domain's messages in Dutch for one test, English again after it."""
    from app.shell import translation
    from app.shell.application import application
    from coding.core import i18n

    application()
    monkeypatch.setenv("CODEWERK_LANGUAGE", "nl")
    assert translation.install() == "nl"
    assert i18n.language() == "nl"
    yield
    monkeypatch.setenv("CODEWERK_LANGUAGE", "en")
    translation.install("en")
