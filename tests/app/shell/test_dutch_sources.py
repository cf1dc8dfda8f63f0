"""A static check of the window's code: no English text of ours reaches the screen without going through
Qt's translation system.

It reads every ``app/**.py`` and finds the texts (string literals, f-strings, ``+``/``%``/``.format`` built
from them) given to what shows text to the user — ``operations.tell``/``refuse``, message boxes, labels,
buttons, actions, menus, tabs, tips, status bars, progress titles and texts, charts — directly, through a
local variable, through a parameter of the function (its callers' arguments in the same module) or as what a
function of the same module returns. A text is fine when it comes from ``QCoreApplication.translate``,
``self.tr`` or one of the project's helpers that translate; English words left in it are reported with file
and line. The walk in ``test_dutch.py`` sees what is on screen; this sees the texts the walk cannot reach
(a status message after an export, a progress title, a chart title, a refusal).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests import source_texts
from tests.source_texts import Finding, Rules, Sinks, called_name

ROOT = Path(__file__).resolve().parents[3]

#: Calls whose result is in the window's language: Qt's translation, and the project's helpers that call
#: it (app/widgets/translated.py, app/shell/translation.py, the per-module ``_tr``/``_t``).
TRANSLATING = {"translate", "tr", "_tr", "_t", "count_rule", "layer_name", "code_kind", "number"}

#: Where a text is shown, and which arguments are the texts: positions and keyword names. ``None`` as the
#: position list: every positional argument.
SINKS: Sinks = {
    # app/widgets/operations.py: the status line and the message boxes of refusals and failures
    "tell": ((1,), ()),
    "refuse": ((1,), ("title",)),
    "fail": ((2,), ("title",)),
    "attempt": ((), ("title",)),
    "perform": ((), ("title",)),
    "LongOperation": ((), ("title",)),
    # progress text shown under a progress bar: progress(done, total, text)
    "progress": ((2,), ("text",)),
    "advance": ((2,), ("text",)),
    # widgets and their texts
    "setText": ((0,), ()),
    "setWindowTitle": ((0,), ()),
    "setToolTip": ((0,), ()),
    "setStatusTip": ((0,), ()),
    "setWhatsThis": ((0,), ()),
    "setPlaceholderText": ((0,), ()),
    "setAccessibleName": ((0,), ()),
    "setAccessibleDescription": ((0,), ()),
    "showMessage": ((0,), ()),
    "setInformativeText": ((0,), ()),
    "setLabelText": ((0,), ()),
    "setCancelButtonText": ((0,), ()),
    "setSpecialValueText": ((0,), ()),
    "setHtml": ((0,), ()),
    "setPlainText": ((0,), ()),
    "appendPlainText": ((0,), ()),
    "appendHtml": ((0,), ()),
    "insertPlainText": ((0,), ()),
    "insertHtml": ((0,), ()),
    "setTitle": ((0,), ()),  # QGroupBox, QMenu, QChart
    "setTitleText": ((0,), ()),  # a chart's axis
    "setName": ((0,), ()),  # a chart series: its name is in the legend
    "setTabText": ((1,), ()),
    "setTabToolTip": ((1,), ()),
    "setItemText": ((1,), ()),
    "setHeaderLabels": ((0,), ()),
    "setHorizontalHeaderLabels": ((0,), ()),
    "setVerticalHeaderLabels": ((0,), ()),
    "addItem": ((0,), ()),  # addItem(text, data): the data is not shown
    "addItems": ((0,), ()),
    "insertItem": ((1,), ()),
    "addAction": ((0,), ()),
    "addMenu": ((0,), ()),
    "addTab": ((1,), ()),
    "insertTab": ((2,), ()),
    "addButton": ((0,), ()),
    "QLabel": ((0,), ()),
    "QPushButton": ((0,), ()),
    "QToolButton": ((0,), ()),
    "QCheckBox": ((0,), ()),
    "QRadioButton": ((0,), ()),
    "QGroupBox": ((0,), ()),
    "QAction": ((0,), ()),
    "QMenu": ((0,), ()),
    "QBarSet": ((0,), ()),
    "QMessageBox": ((1, 2), ()),  # QMessageBox(icon, title, text, …)
    "information": ((1, 2), ()),  # QMessageBox.information(parent, title, text)
    "warning": ((1, 2), ()),
    "critical": ((1, 2), ()),
    "question": ((1, 2), ()),
    "getText": ((1, 2), ()),  # QInputDialog
    "getItem": ((1, 2), ()),
    "getInt": ((1, 2), ()),
    "getSaveFileName": ((1, 3), ("caption", "filter")),  # QFileDialog
    "getOpenFileName": ((1, 3), ("caption", "filter")),
    "getOpenFileNames": ((1, 3), ("caption", "filter")),
    "getExistingDirectory": ((1,), ("caption",)),
    "save_file_name": ((1, 3), ("caption", "filter")),  # app.widgets.file_dialogs, QFileDialog's like
    "ask_export_file": ((1, 4), ("caption", "filter")),  # app.exporting.export_folder
    "open_file_name": ((1, 3), ("caption", "filter")),
    "open_file_names": ((1, 3), ("caption", "filter")),
    "existing_directory": ((1,), ("caption",)),
    "QProgressDialog": ((0, 1), ()),
    "Column": ((1,), ("tooltip",)),  # RecordTableModel's columns: what a cell and its tip show
    "QStandardItem": (None, ()),
    "QTableWidgetItem": (None, ()),
    "QTreeWidgetItem": (None, ()),
    "QListWidgetItem": (None, ()),
}


def _refusals() -> set[str]:
    """The domain's refusals (``CodewerkError`` and its kinds): their message is shown by ``refuse``."""
    from coding.core import errors

    kinds = {errors.CodewerkError}
    while True:
        more = {sub for kind in kinds for sub in kind.__subclasses__()} - kinds
        if not more:
            return {kind.__name__ for kind in kinds}
        kinds |= more


SINKS |= {name: ((0,), ()) for name in _refusals()}
SINKS["ImportProblem"] = ((1,), ("reason",))  # listed with its reason in the import summary

#: Methods of item models whose returned values are shown (a cell's text or tip, a column header).
SHOWN_RETURNS = {"data", "headerData", "cell"}  # cell: RecordTableModel's hook for data()

#: Words that are the same in Dutch, or not words of ours: product and format names, and the demo's
#: attribute names (data, not interface). Anything else of two letters or more in a shown text is English.
NOT_WORDS = {
    "Codewerk",  # the product
    "Excel",
    "Word",
    "CSV",
    "REFI",
    "QDA",
    "QDPX",
    "QDC",
    "XLSX",
    "DOCX",
    "PDF",
    "PNG",
    "SVG",
    "HTML",
    "PostgreSQL",
    "SQLite",  # product and format names
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Del",  # key names in a shortcut
    "px",
    "pt",  # units in a style sheet
}
#: Whole texts that are shown as they are, with why.
SHOWN_AS_IS = {
    # app/speakers/speakers_dialog.py: an example regular expression after the translated hint; its
    # words are the speaker labels of a Dutch transcript and a group name Python requires in English
    "\n(?P<speaker>Vraag|Antwoord)\\s*\\d*:",
}
RULES = Rules(
    translating=frozenset(TRANSLATING),
    sinks=SINKS,
    shown_returns=frozenset(SHOWN_RETURNS),
    not_words=frozenset(NOT_WORDS),
    shown_as_is=frozenset(SHOWN_AS_IS),
    opaque=frozenset({"str", "repr", "len", "QTextDocumentFragment"}),
    marking=frozenset({"QT_TRANSLATE_NOOP"}),
)
words = RULES.words


def findings(sources: dict[str, str]) -> list[Finding]:
    """Every untranslated text reaching a sink of the window in ``sources`` (path → code)."""
    return source_texts.findings(sources, RULES)


def app_sources() -> dict[str, str]:
    return {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "app").rglob("*.py"))
    }


def test_no_english_text_of_ours_reaches_the_screen_untranslated() -> None:
    left = findings(app_sources())
    assert not left, (
        "shown without translation (wrap in QCoreApplication.translate(context, '… {field}')"
        ".format(field=…), run python -m installers.translations, write the Dutch in codewerk_nl.ts):\n"
        + "\n".join(map(str, left))
    )


def test_texts_given_to_translate_are_literals() -> None:
    """``translate(ctx, f"…")`` or ``translate(ctx, "…".format(…))`` is never found by pyside6-lupdate:
    the Dutch can never be written for it. The text must be a literal (or a constant marked with
    ``QT_TRANSLATE_NOOP``); fields are filled in after translating."""
    built = []
    for path, code in app_sources().items():
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call) and called_name(node.func) in ("translate", "tr") and node.args:
                text = (
                    node.args[1]
                    if called_name(node.func) == "translate" and len(node.args) > 1
                    else node.args[0]
                )
                if isinstance(text, ast.JoinedStr | ast.BinOp) or (
                    isinstance(text, ast.Call) and called_name(text.func) == "format"
                ):
                    built.append(f"{path}:{node.lineno} {ast.unparse(text)}")
    assert not built, "translated texts built before translating:\n" + "\n".join(built)


SAMPLE = """
NO_SCORE = QT_TRANSLATE_NOOP("J", "(no score)")
LABELS = {"a": "Some label"}
KINDS = (("radar", QT_TRANSLATE_NOOP("J", "Spider chart")),)
MODES = ((QT_TRANSLATE_NOOP("J", "Judgements"), "judgements"),)


def note_for(plan):
    return f"already in the project as {plan.existing}", None


class Files(RecordTableModel):
    COLUMNS = (Column(QT_TRANSLATE_NOOP("Column", "File"), lambda plan: plan.name or "unnamed"),)

    def cell(self, plan, index, role):
        return note_for(plan)[0]

def written(self, target):
    operations.tell(self, f"Exported to {target}")
    box = QMessageBox(QMessageBox.Icon.Information, translate("x", "Exported"), f"Exported to\\n{target}")
    LongOperation(self, work, title=f"Export to {path.name}", success=written)

def done(parent, source):
    text = f"Import of {source.name} cancelled; nothing was changed"
    operations.tell(parent, text)

class Chart:
    def set_series(self, series):
        title = translate("c", "Judgements per concept and {a}").format(a=series.attribute)
        title += f" (not judged yet: {', '.join(series.unjudged)})"
        self._draw(series, title)

    def _draw(self, series, title):
        self.chart.setTitle(title)

    def _log(self, name, outcome):
        self.log.appendPlainText(f"✓ {name} — {outcome}")

    def store(self, lost):
        self._log("a.docx", "imported")
        self.label.setText(self._describe(lost))

    def fill(self, kind):
        for kind, label in KINDS:
            self.box.addItem(label, kind)
        for label, mode in MODES:
            self.box.addItem(translate("J", label), mode)
        self.box.addItem(NO_SCORE, "")
        self.box.addItem(translate("J", NO_SCORE))
        self.box.addItem(LABELS[kind])

    def _describe(self, lost):
        return translate("c", "%n lost", None, lost) if lost else "nothing lost"
"""


def test_the_check_finds_english_however_it_reaches_the_screen() -> None:
    found = {(f.sink, f.text) for f in findings({"sample.py": SAMPLE})}
    assert found == {
        ("tell", "f'Exported to {target}'"),  # directly
        ("QMessageBox", "f'Exported to\\n{target}'"),  # a message box's text
        ("LongOperation", "f'Export to {path.name}'"),  # a progress title
        ("tell", "f'Import of {source.name} cancelled; nothing was changed'"),  # through a variable
        ("setTitle", "f\" (not judged yet: {', '.join(series.unjudged)})\""),  # += and a parameter
        ("appendPlainText", "imported"),  # filled into an f-string through a parameter
        ("setText", "nothing lost"),  # returned by a function of the module
        ("addItem", "(no score)"),  # a constant marked for translation, shown untranslated
        ("addItem", "Some label"),  # a constant table's value
        ("addItem", "Spider chart"),  # a column of a constant table looped over (not its keys)
        ("cell", "f'already in the project as {plan.existing}'"),  # an item model's cell, via a function
        ("Column", "unnamed"),  # what a column's function gives a cell
    }, found


def test_translated_texts_and_non_words_pass() -> None:
    code = """
def shown(self, target, n):
    operations.tell(self, QCoreApplication.translate("E", "Exported to {path}").format(path=target))
    self.label.setText(self.tr("%n quote(s)", None, n))
    self.count.setText(f"{n} / {n + 1}")
    self.title.setText(f"<b>{target.name}</b> — ⚠ 3 × 4")
    self.filter.setText("Excel (*.xlsx)")
    self.patterns.setPlaceholderText(self.tr("Patterns, e.g.") + "\\n(?P<speaker>Vraag|Antwoord)\\\\s*\\\\d*:")
"""
    assert findings({"sample.py": code}) == []
    assert words("Exported to {path}: 12 × codewerk.xlsx") == ["Exported", "to"]
