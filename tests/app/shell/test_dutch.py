"""The window in Dutch: every menu, dock and the dialogs translated so far show no string of ours in
English; Edit → Preferences chooses the language and remembers it; the compiled .qm is up to date."""

from __future__ import annotations

import ast
import html
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from app.shell import settings, translation
from coding.core import i18n

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "codewerk_nl.ts"
#: Names and words that are the same in Dutch (never flagged), and the demo project's own attribute
#: names (region, role: data, shown capitalised in the grouping and filter lists).
ALLOWED = {"Codewerk", "Excel", "Word", "CSV", "REFI-QDA", "PostgreSQL", "Memo", "Code", "Codes", "Document"}
ALLOWED |= {"Region", "Role", "Respondent"}


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).strip()


def _catalogue() -> tuple[set[str], set[str]]:
    """English sources and their Dutch translations in codewerk_nl.ts (without access-key &)."""
    content = TS.read_text(encoding="utf-8")
    pairs = re.findall(r"<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>", content, re.S)
    return {_plain(html.unescape(s)) for s, _ in pairs}, {_plain(html.unescape(t)) for _, t in pairs}


def _literals() -> set[str]:
    """Every string literal of the window's code: a displayed one not translated is one of ours left in English."""
    found: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.search("[a-z]{2}", node.value)
            ):
                found.add(_plain(node.value))
    return found


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield from (action.text(), action.toolTip(), action.statusTip())
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _texts(widget: QWidget) -> Iterator[str]:
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        yield from (
            w.toolTip(),
            w.windowTitle() if isinstance(w, QDockWidget | QDialog) or w is widget else "",
        )
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QGroupBox):
            yield w.title()
        elif isinstance(w, QLineEdit):
            yield w.placeholderText()
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        for action in w.actions():
            yield from (action.text(), action.toolTip(), action.statusTip())


def _english(texts: Iterable[str], sources: set[str], dutch: set[str], ours: set[str]) -> list[str]:
    left = set()
    for text in texts:
        plain = _plain(text)
        if plain and plain not in dutch and plain not in ALLOWED and (plain in sources or plain in ours):
            left.add(plain)
    return sorted(left)


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from app.shell.application import application

    application()
    monkeypatch.setenv("CODEWERK_LANGUAGE", "nl")
    assert translation.install() == "nl"
    yield
    monkeypatch.setenv("CODEWERK_LANGUAGE", "en")
    translation.install("en")


def _modal_texts(qtbot, trigger) -> list[str]:  # type: ignore[no-untyped-def]
    """Trigger, collect the texts of the dialog that opens, close it."""
    seen: list[str] = []

    def collect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, collect)
            return
        seen.extend(_texts(dialog))
        seen.append("<dialog>")
        dialog.close()

    QTimer.singleShot(50, collect)
    trigger()
    qtbot.waitUntil(lambda: "<dialog>" in seen, timeout=5000)
    return seen


def test_window_menus_docks_and_dialogs_in_dutch(dutch, qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from app.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    sources, dutch_texts = _catalogue()
    ours = _literals()
    start = list(_texts(window))
    assert window.open_project(demo_copy), window.last_problem
    QApplication.processEvents()
    texts = start + list(_texts(window))
    for menu_action in window.menuBar().actions():
        texts += _menu_texts(menu_action.menu())
    assert "Bestand" in {_plain(t) for t in texts} and "Codeboek" in {_plain(t) for t in texts}
    a = window.window_actions
    for action in (a.export, a.import_files, a.preferences):
        texts += _modal_texts(qtbot, action.trigger)
    a.compare.trigger()
    QApplication.processEvents()
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top is not window:
            texts += _texts(top)
    window.codebook_dock.tree.setFocus()
    texts += _menu_texts(window.codebook_dock.context_menu())
    left = _english(texts, sources, dutch_texts, ours)
    window.close_project()
    assert not left, (
        f"left in English in the Dutch window: {left} (wrap them in tr/QCoreApplication.translate, run "
        "python -m installers.translations and write their Dutch in resources/translations/codewerk_nl.ts)"
    )


def test_the_check_finds_english(dutch, qtbot) -> None:  # type: ignore[no-untyped-def]
    sources, dutch_texts = _catalogue()
    label = QLabel("Export quotes and judgements")  # one of ours, given untranslated
    qtbot.addWidget(label)
    assert _english(_texts(label), sources, dutch_texts, _literals()) == ["Export quotes and judgements"]


def test_preferences_choose_and_remember_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.shell.application import application
    from app.shell.preferences import PreferencesDialog

    application()
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.language
    combo.setFocus()
    while combo.currentData() != "nl":
        qtbot.keyClick(combo, "N")  # "Nederlands"
    dialog.accept()
    try:
        assert settings.settings().value("language") == "nl"
        assert translation.saved_language() == "nl"
        assert i18n.language() == "en"  # CODEWERK_LANGUAGE=en (the tests' pin) still wins
    finally:
        translation.save_language(None)
        translation.install("en")


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    from installers.translations import tool

    fresh = tmp_path / "codewerk_nl.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    committed = TS.with_suffix(".qm").read_bytes()
    assert fresh.read_bytes() == committed, "run python -m installers.translations and commit the .qm"
    assert "unfinished" not in TS.read_text(encoding="utf-8"), "a string has no Dutch yet"
    assert sys.executable
