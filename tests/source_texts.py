"""Finding English texts of ours that reach a user without being translated, by reading the code.

Shared by the window's check (``tests/app/shell/test_dutch_sources.py``: Qt's ``translate``) and the
domain's (``tests/coding/core/test_i18n_output.py``: ``coding.core.i18n.text``). A :class:`Rules` names
the calls that translate and the *sinks* — where a text is shown, printed or written into an export.
The scan follows texts (literals, f-strings, ``+``/``%``/``.format``/``.join`` built from them) into a
sink directly, through local variables (assigned, ``+=``, ``.append``ed, looped over), through a parameter
of the function (its callers' arguments in the same module) and as what a function of the same module
returns; anything else (an attribute, a subscript, data) is not a text written here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

#: Sink → (positions of its text arguments, or ``None`` for every one; keyword names of its texts).
#: A dict keyed by these is a translation itself (``SHEET_TITLE[content.language]``).
LANGUAGES = {"en", "nl"}
Sinks = dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]]

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


@dataclass(frozen=True)
class Rules:
    #: Calls whose result is in the user's language (``translate``, ``tr``, ``text``, ``say`` …).
    translating: frozenset[str]
    sinks: Sinks
    #: Sinks that translate a literal themselves (``heading("Analysis", 1)`` says it): only a text built
    #: before it (an f-string, a concatenation) is reported there.
    saying_sinks: frozenset[str] = frozenset()
    #: Attributes whose assigned value is shown (``properties.title = …``).
    attributes: frozenset[str] = frozenset()
    #: Functions whose returned values are shown (an item model's ``data``/``headerData``).
    shown_returns: frozenset[str] = frozenset()
    #: Words that are not words of ours (product and format names …), and whole texts shown as they are.
    not_words: frozenset[str] = frozenset()
    shown_as_is: frozenset[str] = frozenset()
    #: Calls whose result is not a text of ours (``str(path)``).
    opaque: frozenset[str] = field(default_factory=lambda: frozenset({"str", "repr", "len"}))
    #: Calls that give their first argument back, cleaned (``xml_text(f"Review: {name}")``).
    passing: frozenset[str] = frozenset()
    #: Calls that only mark their last argument for translation and give it back untranslated
    #: (``QT_TRANSLATE_NOOP(ctx, "…")``): shown as it is, it is English.
    marking: frozenset[str] = frozenset()

    def words(self, text: str) -> list[str]:
        """The words of ``text`` that would have to be translated."""
        for pattern in NON_WORD_PATTERNS:
            text = re.sub(pattern, " ", text)
        return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in self.not_words]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    sink: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.sink}: {self.text!r}"


def called_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


Found = list[tuple[ast.AST, str]]
Function = ast.FunctionDef | ast.AsyncFunctionDef


class Module:
    """One module: its functions by name, and where each is called (for parameters and returns)."""

    def __init__(self, path: str, tree: ast.Module, rules: Rules) -> None:
        self.path = path
        self.tree = tree
        self.rules = rules
        #: The other modules of the sources by dotted name (constants imported from them).
        self.registry: dict[str, Module] = {}
        self.parents: dict[ast.AST, ast.AST] = {}
        self.functions: dict[str, list[Function]] = {}
        self.calls: dict[str, list[ast.Call]] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Call):
                self.calls.setdefault(called_name(node.func), []).append(node)

    def scope(self, node: ast.AST) -> ast.AST:
        """The function (or the module) ``node`` is in."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                return node
        return self.tree

    def english(self, node: ast.expr, depth: int = 0, *, built_only: bool = False) -> Found:
        """The untranslated texts (with the node they are written at) that ``node`` evaluates to;
        ``built_only``: a plain literal is fine (the sink says it)."""
        if depth > 4:
            return []
        words = self.rules.words
        if isinstance(node, ast.Constant):
            text = node.value
            if built_only or not isinstance(text, str) or text in self.rules.shown_as_is:
                return []
            return [(node, text)] if words(text) else []
        if isinstance(node, ast.JoinedStr):
            fixed = "".join(
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            )
            shown = fixed in self.rules.shown_as_is or not words(fixed)  # its fixed parts, fields left out
            found = [] if shown else [(node, ast.unparse(node))]
            for part in node.values:  # what is filled in: f"{mark} {name} — {outcome}"
                if isinstance(part, ast.FormattedValue):
                    found += self.english(part.value, depth)
            return found
        if isinstance(node, ast.BinOp):
            return self.english(node.left, depth) + self.english(node.right, depth)
        if isinstance(node, ast.IfExp):
            return self.english(node.body, depth, built_only=built_only) + self.english(
                node.orelse, depth, built_only=built_only
            )
        if isinstance(node, ast.BoolOp):
            return [f for value in node.values for f in self.english(value, depth, built_only=built_only)]
        if isinstance(node, ast.List | ast.Tuple):
            return [f for value in node.elts for f in self.english(value, depth, built_only=built_only)]
        if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            return self.english(node.elt, depth)  # [f"Memo: {memo}" for memo in memos]
        if isinstance(node, ast.Lambda):
            return self.english(node.body, depth)  # Column("File", lambda plan: plan.path.name)
        if isinstance(node, ast.Starred):
            return self.english(node.value, depth)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        if isinstance(node, ast.Name):
            return self._variable(node, depth, built_only)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            return self._table(node.value.id, depth)  # LABELS[kind]
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call):
            return self.english(node.value, depth)  # note_for(plan)[0]: what the function returns
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys and keys <= LANGUAGES:  # {"en": "Instructions", "nl": "Instructies"}: said per language
                return []
            return [f for value in node.values if value is not None for f in self.english(value, depth)]
        return []  # an attribute, a call's subscript, …: not a text written here

    def _call(self, node: ast.Call, depth: int) -> Found:
        name = called_name(node.func)
        translating = self.rules.translating
        filled = [*node.args, *(k.value for k in node.keywords)]
        if name in translating:  # translate(ctx, "…"), text("… {count}", count=…): only f-strings given
            return [f for a in filled if isinstance(a, ast.JoinedStr) for f in self.english(a, depth)]
        on_call = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call)
        if name == "format" and on_call and called_name(node.func.value.func) in translating:  # type: ignore[attr-defined]
            return [f for a in filled for f in self.english(a, depth)]
        if isinstance(node.func, ast.Attribute) and name in ("format", "join", "strip", "replace"):
            found = self.english(node.func.value, depth)  # "Exported to {path}".format(…), ", ".join([…])
            if name in ("join", "format"):  # what is joined or filled in
                found += [f for a in filled for f in self.english(a, depth)]
            return found
        if name in self.rules.passing and node.args:
            return self.english(node.args[0], depth)
        if name in self.rules.marking and node.args:
            return self.english(node.args[-1], depth)
        if name == "get" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            return self._table(node.func.value.id, depth)  # LABELS.get(kind, kind)
        if name in self.rules.opaque or not name:
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

    def _loops(self, node: ast.AST) -> list[ast.For]:
        """The ``for`` loops ``node`` is inside of."""
        loops = []
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.For):
                loops.append(node)
        return loops

    def _variable(self, node: ast.Name, depth: int, built_only: bool) -> Found:
        scope = self.scope(node)
        loops = self._loops(node)
        found: Found = []
        for inner in ast.walk(scope):
            if self.scope(inner) is not scope and inner is not scope:
                continue
            if isinstance(inner, ast.For) and inner not in loops:
                continue  # a loop variable is the one of the loop the text is used in
            if (
                isinstance(inner, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == node.id for t in inner.targets)
            ) or (
                isinstance(inner, ast.AugAssign | ast.AnnAssign)
                and isinstance(inner.target, ast.Name)
                and inner.target.id == node.id
                and inner.value is not None
            ):
                found += self.english(inner.value, depth + 1, built_only=built_only)  # type: ignore[arg-type]
            elif (
                isinstance(inner, ast.For)
                and isinstance(inner.target, ast.Name)
                and inner.target.id == node.id
            ):
                found += self.english(inner.iter, depth + 1)  # for line in _changes(…): print(line)
            elif isinstance(inner, ast.For) and isinstance(inner.target, ast.Tuple):
                names = [t.id if isinstance(t, ast.Name) else "" for t in inner.target.elts]
                if node.id in names:  # for kind, label in KINDS: the labels
                    found += self._column(inner.iter, names.index(node.id), depth + 1)
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
            if not self._bound(scope, node.id):  # a constant of the module: NO_SCORE = "(no score)"
                found += self._constant(node.id, depth, built_only)
        return found

    def _bound(self, function: Function, name: str) -> bool:
        """Whether ``name`` is a parameter or a local variable of ``function``."""
        arguments = function.args
        every = [
            *arguments.posonlyargs,
            *arguments.args,
            *arguments.kwonlyargs,
            arguments.vararg,
            arguments.kwarg,
        ]
        if any(a is not None and a.arg == name for a in every):
            return True
        return any(
            isinstance(target, ast.Name) and target.id == name and isinstance(target.ctx, ast.Store)
            for target in ast.walk(function)
        )

    def _constant(self, name: str, depth: int, built_only: bool = False) -> Found:
        """What the module assigns to ``name`` at its top level."""
        found: Found = []
        for statement in self.tree.body:
            if (
                isinstance(statement, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
            ) or (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.target.id == name
                and statement.value is not None
            ):
                found += self.english(statement.value, depth + 1, built_only=built_only)
        origin = self._imported(name) if not found else None
        if origin is not None:  # from app.judgements.score_chart import KINDS
            found += origin._constant(name, depth + 1, built_only)
        return found

    def _column(self, rows: ast.expr, index: int, depth: int) -> Found:
        """Item ``index`` of each row of a constant table looped over (``for kind, label in KINDS``)."""
        table = self._value(rows.id) if isinstance(rows, ast.Name) else (self, rows)
        module, value = table if table is not None else (self, None)
        if isinstance(value, ast.Tuple | ast.List):
            cells = [
                row.elts[index]
                for row in value.elts
                if isinstance(row, ast.Tuple | ast.List) and index < len(row.elts)
            ]
            return [f for cell in cells for f in module.english(cell, depth)]
        return self.english(rows, depth)

    def _value(self, name: str) -> tuple[Module, ast.expr] | None:
        """Where a module constant is assigned (here, or in the module it is imported from)."""
        for statement in self.tree.body:
            if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in statement.targets
            ):
                return self, statement.value
        origin = self._imported(name)
        return origin._value(name) if origin is not None else None

    def _imported(self, name: str) -> Module | None:
        """The module of these sources ``name`` is imported from."""
        for statement in self.tree.body:
            if isinstance(statement, ast.ImportFrom) and any(
                a.name == name and a.asname is None for a in statement.names
            ):
                return self.registry.get(statement.module or "")
        return None

    def _table(self, name: str, depth: int) -> Found:
        """The values of a module's dict constant looked up in a sink (``LABELS[kind]``)."""
        return self._constant(name, depth)

    def _parameter(self, function: Function, name: str, depth: int) -> Found:
        """What the callers in this module give for parameter ``name`` of ``function``."""
        names = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
        if name not in names and name not in [a.arg for a in function.args.kwonlyargs]:
            return []
        position = names.index(name) if name in names else None
        found: Found = []
        for call in self.calls.get(function.name, []):
            shift = 1 if names[:1] in (["self"], ["cls"]) and isinstance(call.func, ast.Attribute) else 0
            given = [k.value for k in call.keywords if k.arg == name]
            if position is not None and 0 <= position - shift < len(call.args):
                given.append(call.args[position - shift])
            for value in given:
                found += self.english(value, depth + 1)
        return found

    def _path_of(self, written: ast.AST) -> str:
        """The file a text is written in (a constant may come from another module)."""
        if written in self.parents:
            return self.path
        return next((m.path for m in self.registry.values() if written in m.parents), self.path)

    def findings(self) -> Iterator[Finding]:
        rules = self.rules
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Return) and node.value is not None:
                function = self.scope(node)
                if isinstance(function, ast.FunctionDef) and function.name in rules.shown_returns:
                    for written, text in self.english(node.value):
                        yield Finding(
                            self._path_of(written),
                            getattr(written, "lineno", node.lineno),
                            function.name,
                            text,
                        )
            elif isinstance(node, ast.Assign) and rules.attributes:
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr in rules.attributes:
                        for written, text in self.english(node.value):
                            yield Finding(
                                self._path_of(written),
                                getattr(written, "lineno", node.lineno),
                                target.attr,
                                text,
                            )
            elif isinstance(node, ast.Call) and called_name(node.func) in rules.sinks:
                sink = called_name(node.func)
                positions, keywords = rules.sinks[sink]
                given = [a for i, a in enumerate(node.args) if positions is None or i in positions]
                given += [k.value for k in node.keywords if k.arg in keywords]
                for argument in given:
                    for written, text in self.english(argument, built_only=sink in rules.saying_sinks):
                        yield Finding(
                            self._path_of(written), getattr(written, "lineno", node.lineno), sink, text
                        )


def findings(sources: dict[str, str], rules: Rules) -> list[Finding]:
    """Every untranslated text reaching a sink in ``sources`` (path → code)."""
    modules = {path: Module(path, ast.parse(code), rules) for path, code in sources.items()}
    registry = {
        path.removesuffix(".py").replace("/", ".").removesuffix(".__init__"): m for path, m in modules.items()
    }
    for module in modules.values():
        module.registry = registry
    found = {f for module in modules.values() for f in module.findings()}
    return sorted(found, key=lambda f: (f.path, f.line, f.text))
