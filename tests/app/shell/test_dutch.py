"""The window in Dutch: every menu, dock, window (each tab) and every dialog an action of the menus opens
show no string of ours in English; Edit → Preferences chooses the language and remembers it; the compiled
.qm is up to date."""

from __future__ import annotations

import ast
import html
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app.shell import settings, translation
from coding.core import i18n

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "codewerk_nl.ts"
#: Names and words that are the same in Dutch (never flagged); the demo's attribute names (region, role,
#: date, organisation) are shown in Dutch (regio, rol, datum, organisatie), respondent is the same word.
ALLOWED = {"Codewerk", "Excel", "Word", "CSV", "REFI-QDA", "PostgreSQL", "Memo", "Code", "Codes", "Document"}
ALLOWED |= {"Type", "Database", "Top", "Per", "Overlap", "Consensus", "Interviewer"}
ALLOWED |= {"Respondent", "respondent", "demo"}


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).strip()


def _catalogue() -> tuple[set[str], set[str]]:
    """English sources and their Dutch translations in codewerk_nl.ts (without access-key &)."""
    content = TS.read_text(encoding="utf-8")
    pairs = re.findall(r"<source>(.*?)</source>.*?<translation[^>]*>(.*?)</translation>", content, re.S)
    sources = {line for s, _ in pairs for line in _lines(html.unescape(s))}
    return sources, {line for _, t in pairs for line in _lines(html.unescape(t))}


def _lines(text: str) -> set[str]:
    """The text itself, and its lines without markup (a label or browser shows HTML as plain lines)."""
    found = {_plain(text)}
    if "<" in text:
        found |= {_plain(html.unescape(line)) for line in re.split(r"<[^>]*>|\n", text)}
    return {line for line in found if line}


def _patterns(sources: Iterable[str] | None = None) -> list[re.Pattern[str]]:
    """Every f-string of the window's code (or of ``sources``) as a pattern: ``f"Selection {a}–{b}"``
    shown in English."""
    texts = (
        sources
        if sources is not None
        else (p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py"))
    )
    found = []
    for text in texts:
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.JoinedStr):
                continue
            parts = [p.value if isinstance(p, ast.Constant) else None for p in node.values]
            words = " ".join(p for p in parts if isinstance(p, str))
            if (
                len(re.findall("[a-z]", " ".join(w for w in re.findall(r"\w+", words) if w not in ALLOWED)))
                < 6
            ):
                continue  # too little of ours to tell (f"{a} of {b}" matches Dutch too)
            if "<" in words:
                continue  # markup built from parts: its words are checked as literals
            found.append(re.compile("".join(".+?" if p is None else re.escape(p) for p in parts)))
    return found


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
                found |= _lines(node.value)
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
            w.accessibleName(),
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
        elif isinstance(w, QTabBar):
            yield from (w.tabText(i) for i in range(w.count()))
            yield from (w.tabToolTip(i) for i in range(w.count()))
        elif isinstance(w, QTextEdit):
            yield from (w.placeholderText(), *w.toPlainText().splitlines())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            yield from _model_texts(w.model())
        for action in w.actions():
            yield from (action.text(), action.toolTip(), action.statusTip())


def _model_texts(model, parent: QModelIndex | None = None) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Headers, and the texts and tips of the first rows (a tree's top rows)."""
    parent = parent or QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns if orientation == Qt.Orientation.Horizontal else min(model.rowCount(parent), 30)
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value
    for row in range(min(model.rowCount(parent), 30)):
        for column in range(columns):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, column, parent), role)
                if isinstance(value, str):
                    yield from value.splitlines()


def _templates(sources: set[str]) -> list[re.Pattern[str]]:
    """Our texts with ``{fields}`` (filled in with ``.format``) as patterns: ``Imported (3)`` in English."""
    found = []
    for source in sources:
        parts = re.split(r"\{\w*\}", source)
        if len(parts) > 1 and len(re.findall("[a-z]", " ".join(parts))) >= 6:
            found.append(re.compile(".+?".join(re.escape(part) for part in parts)))
    return found


def _english(
    texts: Iterable[str],
    sources: set[str],
    dutch: set[str],
    ours: set[str],
    patterns: list[re.Pattern[str]] | None = None,
) -> list[str]:
    left = set()
    patterns = _patterns() + _templates(sources) if patterns is None else patterns
    for text in texts:
        for plain in _lines(text.removeprefix("⚠ ")):
            if plain in dutch or plain in ALLOWED or _keys(plain) or re.fullmatch("#[0-9a-f]{6}", plain):
                continue
            if plain in sources or plain in ours or any(p.fullmatch(plain) for p in patterns):
                left.add(plain)
    return sorted(left)


def _keys(text: str) -> bool:
    """A shortcut such as Ctrl+Shift+A or Return / Shift+Return (the same in Dutch)."""
    key = r"(?:(?:Ctrl|Shift|Alt|Meta)\+)*(?:[A-Z0-9]|F\d+|Esc|Return|Enter|Tab|Del|Delete|Backspace|Space)"
    return re.fullmatch(rf"{key}(?: / {key})*", text) is not None


def _actions(menu: QMenu | QMenuBar) -> Iterator[QAction]:
    for action in menu.actions():
        if action.menu() is not None:
            yield from _actions(action.menu())
        elif not action.isSeparator():
            yield action


def _tabs_texts(top: QWidget) -> Iterator[str]:
    """A window's texts with each tab of each tab widget shown in turn."""
    yield from _texts(top)
    for tabs in top.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield from _texts(tabs.widget(index))


def _opened_texts(qtbot, trigger, status: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """Trigger; collect the texts of every dialog that opens (closing each: a chain stops at the first),
    and the message left in the status bar."""
    seen: list[str] = []

    def collect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.extend(_tabs_texts(dialog))
            dialog.close()

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(collect)
    timer.start()
    try:
        trigger()
        qtbot.wait(120)
    finally:
        timer.stop()
    collect()
    seen.append(status.statusBar().currentMessage())  # type: ignore[attr-defined]
    return seen


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


def test_every_window_and_dialog_of_the_menus_in_dutch(dutch, qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from app.shell import project_files
    from app.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    sources, dutch_texts = _catalogue()
    ours = _literals()
    texts = _opened_texts(qtbot, lambda: project_files.connect_team(window), window)
    assert window.open_project(demo_copy), window.last_problem
    a = window.window_actions
    skipped = {a.quit, a.close_project, a.open_demo}  # they end the walk
    walked = []
    for action in _actions(window.menuBar()):
        if action in skipped or action.isCheckable() or not action.isEnabled():
            continue
        texts += _opened_texts(qtbot, action.trigger, window)
        walked.append(action.text())
        if window.workspace is None:  # an action closed the project: open it again
            assert window.open_project(demo_copy), window.last_problem
    assert len(walked) > 40, walked
    quote = next(iter(window.workspace.project.quotes()))  # type: ignore[union-attr]
    window.jump_to_quote(quote)  # a coding current: the coding actions open their dialogs
    for action in (a.pick, a.respondent_words, a.speaker_turns, a.edit_memo, a.uncode):
        texts += _opened_texts(qtbot, action.trigger, window)
    window.codebook_dock.tree.setFocus()
    window.codebook_dock.select_code(quote.code_id)
    for action in _actions(window.codebook_dock.context_menu()):  # New code…, Merge into…, Delete… …
        if action.isEnabled() and not action.isCheckable():
            texts += _opened_texts(qtbot, action.trigger, window)
    menu = window.controller.context_menu(window.view.viewport().rect().center())  # the transcript's menu
    texts += _menu_texts(menu)
    assert len(menu.actions()) > 4, [a.text() for a in menu.actions()]
    window.quotes_dock.discussion_button.setChecked(True)
    window.player_dock.show()
    a.cooccurrence.trigger()
    QApplication.processEvents()
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            texts += _tabs_texts(top)
    names = {type(top).__name__ for top in QApplication.topLevelWidgets() if top.isVisible()}
    assert {"AnalysisWindow", "AgreementWindow", "LanguageWindow", "MemoListWindow"} <= names, names
    assert {"AttributeTableWindow", "CompareWindow"} & names, names
    left = _english(texts, sources, dutch_texts, ours)
    window.close_project()
    assert not left, f"left in English in the Dutch windows and dialogs: {left}"


def test_the_import_summary_in_dutch(dutch, project, transcript_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.importing.import_summary import summary_html, summary_title

    (tmp_path / "kapot.docx").write_bytes(b"no docx")
    report = project.import_files([transcript_file, tmp_path / "kapot.docx"])
    report = project.import_files([transcript_file], replace=True)  # replaced, with its codings kept
    sources, dutch_texts = _catalogue()
    shown = [summary_title(report), *_lines(summary_html(report))]
    assert summary_title(report).startswith("Importeren voltooid")
    assert _english(["Imported (2)"], sources, dutch_texts, set()) == ["Imported (2)"]  # a template, filled
    assert not _english(shown, sources, dutch_texts, _literals())


def test_the_check_finds_english(dutch, qtbot) -> None:  # type: ignore[no-untyped-def]
    sources, dutch_texts = _catalogue()
    label = QLabel("Export quotes and judgements")  # one of ours, given untranslated
    qtbot.addWidget(label)
    assert _english(_texts(label), sources, dutch_texts, _literals()) == ["Export quotes and judgements"]
    label.setText("Selection 3–9 (6 characters)")  # an f-string of ours, filled in
    patterns = _patterns(['f"Selection {a}–{b} ({n} characters)"'])
    assert _english(_texts(label), sources, dutch_texts, _literals(), patterns) == [label.text()]
    label.setText("Selectie 3–9 (6 tekens)")
    assert _english(_texts(label), sources, dutch_texts, _literals(), patterns) == []


def test_the_counting_rule_and_layers_are_marked_as_in_the_domain(dutch) -> None:  # type: ignore[no-untyped-def]
    from app.widgets import translated
    from coding.core.coder_layers import LAYERS
    from coding.core.counting import COUNT_RULE

    assert translated.COUNT_RULE_TEXT == COUNT_RULE
    assert translated.count_rule() != COUNT_RULE  # its Dutch
    assert {k: v for k, v in translated.LAYER_NAMES.items()} == LAYERS


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
