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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

#: Calls whose result is in the window's language: Qt's translation, and the project's helpers that call
#: it (app/widgets/translated.py, app/shell/translation.py, the per-module ``_tr``/``_t``).
TRANSLATING = {"translate", "tr", "_tr", "_t", "count_rule", "layer_name", "code_kind", "number"}

#: Where a text is shown, and which arguments are the texts: positions and keyword names. ``None`` as the
#: position list: every positional argument.
SINKS: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
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
    "QProgressDialog": ((0, 1), ()),
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
SHOWN_RETURNS = {"data", "headerData"}

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
#: What is removed before looking for words: markup and entities, file patterns and names (*.xlsx,
#: codewerk.codewerk), format fields ({name}, %s, %n, %1), URLs, and ``#rrggbb`` colours.
NON_WORD_PATTERNS = [
    r"<[^>]*>",
    r"&[a-z]+;|&#\d+;",
    r"[\w*-]*\.[a-z0-9]{2,5}\b",
    r"\{[^{}]*\}",
    r"%\d|%[sdnfr]",
    r"\w+://\S+",
    r"#[0-9a-fA-F]{3,8}\b",
]


def words(text: str) -> list[str]:
    """The words of ``text`` that would have to be translated."""
    for pattern in NON_WORD_PATTERNS:
        text = re.sub(pattern, " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in NOT_WORDS]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    sink: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.sink}: {self.text!r}"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Module:
    """One module: its functions by name, and where each is called (for parameters and returns)."""

    def __init__(self, path: str, tree: ast.Module) -> None:
        self.path = path
        self.tree = tree
        self.parents: dict[ast.AST, ast.AST] = {}
        self.functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self.calls: dict[str, list[ast.Call]] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Call):
                self.calls.setdefault(_name(node.func), []).append(node)

    def scope(self, node: ast.AST) -> ast.AST:
        """The function (or the module) ``node`` is in."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                return node
        return self.tree

    def english(self, node: ast.expr, depth: int = 0) -> list[tuple[ast.AST, str]]:
        """The untranslated texts (with the node they are written at) that ``node`` evaluates to."""
        if depth > 4:
            return []
        if isinstance(node, ast.Constant):
            text = node.value
            return [(node, text)] if isinstance(text, str) and text not in SHOWN_AS_IS and words(text) else []
        if isinstance(node, ast.JoinedStr):
            fixed = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            found = [(node, ast.unparse(node))] if words(fixed) else []
            for part in node.values:  # what is filled in: f"{mark} {name} — {outcome}"
                if isinstance(part, ast.FormattedValue):
                    found += self.english(part.value, depth)
            return found
        if isinstance(node, ast.BinOp):
            return self.english(node.left, depth) + self.english(node.right, depth)
        if isinstance(node, ast.IfExp):
            return self.english(node.body, depth) + self.english(node.orelse, depth)
        if isinstance(node, ast.BoolOp):
            return [found for value in node.values for found in self.english(value, depth)]
        if isinstance(node, ast.List | ast.Tuple):
            return [found for value in node.elts for found in self.english(value, depth)]
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            return self.english(node.elt, depth)  # [f"Memo: {memo}" for memo in memos]
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        if isinstance(node, ast.Name):
            return self._variable(node, depth)
        return []  # an attribute, a subscript, …: not a text written here

    def _call(self, node: ast.Call, depth: int) -> list[tuple[ast.AST, str]]:
        name = _name(node.func)
        if name in TRANSLATING:
            return []
        translated = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call)
        if name == "format" and translated and _name(node.func.value.func) in TRANSLATING:
            # translate(…, "{count} quotes").format(count=…): only what is filled in
            return [
                f for a in [*node.args, *(k.value for k in node.keywords)] for f in self.english(a, depth)
            ]
        if isinstance(node.func, ast.Attribute) and name in ("format", "join", "strip", "replace"):
            found = self.english(node.func.value, depth)  # "Exported to {path}".format(…), ", ".join([…])
            if name in ("join", "format"):  # what is joined or filled in
                found += [f for argument in node.args for f in self.english(argument, depth)]
                found += [f for keyword in node.keywords for f in self.english(keyword.value, depth)]
            return found
        if name in ("str", "QTextDocumentFragment") or not name:
            return []
        found = []
        for function in self.functions.get(name, []):  # a function of this module: what it returns
            for returned in ast.walk(function):
                if (
                    isinstance(returned, ast.Return)
                    and returned.value is not None
                    and self.scope(returned) is function
                ):
                    found += self.english(returned.value, depth + 1)
        return found

    def _variable(self, node: ast.Name, depth: int) -> list[tuple[ast.AST, str]]:
        scope = self.scope(node)
        found: list[tuple[ast.AST, str]] = []
        for inner in ast.walk(scope):
            if self.scope(inner) is not scope and inner is not scope:
                continue
            if (
                isinstance(inner, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in inner.targets)
            ) or (
                isinstance(inner, ast.AugAssign | ast.AnnAssign)
                and (
                    isinstance(inner.target, ast.Name)
                    and inner.target.id == node.id
                    and inner.value is not None
                )
            ):
                found += self.english(inner.value, depth + 1)
            elif (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and isinstance(inner.func.value, ast.Name)
                and inner.func.value.id == node.id
                and inner.func.attr in ("append", "extend", "insert")
            ):  # parts.append("Rows without a file: " + …)
                found += [f for argument in inner.args for f in self.english(argument, depth + 1)]
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            found += self._parameter(scope, node.id, depth)
        return found

    def _parameter(
        self, function: ast.FunctionDef | ast.AsyncFunctionDef, name: str, depth: int
    ) -> list[tuple[ast.AST, str]]:
        """What the callers in this module give for parameter ``name`` of ``function``."""
        arguments = [*function.args.posonlyargs, *function.args.args]
        names = [a.arg for a in arguments]
        if name not in names and name not in [a.arg for a in function.args.kwonlyargs]:
            return []
        found: list[tuple[ast.AST, str]] = []
        for call in self.calls.get(function.name, []):
            position = names.index(name) if name in names else None
            if (
                position is not None
                and names
                and names[0] in ("self", "cls")
                and isinstance(call.func, ast.Attribute)
            ):
                position -= 1
            given = [k.value for k in call.keywords if k.arg == name]
            if position is not None and 0 <= position < len(call.args):
                given.append(call.args[position])
            for value in given:
                found += self.english(value, depth + 1)
        return found

    def findings(self) -> Iterator[Finding]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Return) and node.value is not None:
                function = self.scope(node)
                if isinstance(function, ast.FunctionDef) and function.name in SHOWN_RETURNS:
                    for written, text in self.english(node.value):
                        yield Finding(self.path, getattr(written, "lineno", node.lineno), function.name, text)
            if not isinstance(node, ast.Call):
                continue
            sink = _name(node.func)
            if sink not in SINKS:
                continue
            positions, keywords = SINKS[sink]
            given = [
                argument
                for index, argument in enumerate(node.args)
                if positions is None or index in positions
            ]
            given += [k.value for k in node.keywords if k.arg in keywords]
            for argument in given:
                for written, text in self.english(argument):
                    yield Finding(self.path, getattr(written, "lineno", node.lineno), sink, text)


def findings(sources: dict[str, str]) -> list[Finding]:
    """Every untranslated text reaching a sink in ``sources`` (path → code)."""
    found = {f for path, code in sources.items() for f in _Module(path, ast.parse(code)).findings()}
    return sorted(found, key=lambda f: (f.path, f.line, f.text))


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
            if isinstance(node, ast.Call) and _name(node.func) in ("translate", "tr") and node.args:
                text = (
                    node.args[1] if _name(node.func) == "translate" and len(node.args) > 1 else node.args[0]
                )
                if isinstance(text, ast.JoinedStr | ast.BinOp) or (
                    isinstance(text, ast.Call) and _name(text.func) == "format"
                ):
                    built.append(f"{path}:{node.lineno} {ast.unparse(text)}")
    assert not built, "translated texts built before translating:\n" + "\n".join(built)


SAMPLE = """
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
