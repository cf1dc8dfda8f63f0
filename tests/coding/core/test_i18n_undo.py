"""The names of undo steps in Dutch (issue 17 item 4): a command's text is a message id of the
catalogue (``marked``, or said with its fields), never English written in place, and Edit → Undo says
it in the language chosen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coding import Project
from coding.core import i18n

ROOT = Path(__file__).resolve().parents[3]
CODING = ROOT / "coding"

#: Calls whose (first) argument names an undo step: ``Group("…")``, ``project.group("…")``,
#: ``ChangeSpeakers("…", edit)``, and the step name a service passes on (``_code(…, text)``).
NAMING_CALLS = {"Group", "group", "ChangeSpeakers"}


def _english(node: ast.expr | None) -> bool:
    """A literal or f-string with words in it (or a choice between such)."""
    if isinstance(node, ast.IfExp):
        return _english(node.body) or _english(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_english(value) for value in node.values)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.Constant) and any(c.isalpha() for c in str(v.value)) for v in node.values
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "rstrip":
        return _english(node.func.value)
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(c.isalpha() for c in node.value)
    )


def _names_a_step(target: ast.expr) -> bool:
    """``self.text``, ``command.text``, ``scope.group.text`` (not a Word paragraph's ``cell.text``)."""
    if not (isinstance(target, ast.Attribute) and target.attr == "text"):
        return False
    owner = ast.unparse(target.value)
    return owner in ("self", "command") or owner.endswith("group")


def bare_step_names(source: str, where: str = "") -> list[str]:
    """Every place in ``source`` that names an undo step with English written in place: ``text = "…"``
    in a class, ``self.text = f"…"``, ``Group("…")``, ``text="…"`` passed on, a default ``text: str =
    "…"``, or a local variable of English passed to a command."""
    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                targets = (
                    item.targets
                    if isinstance(item, ast.Assign)
                    else [item.target]
                    if isinstance(item, ast.AnnAssign)
                    else []
                )
                value = getattr(item, "value", None)
                if any(isinstance(t, ast.Name) and t.id == "text" for t in targets) and _english(value):
                    found.append(f"{where}:{item.lineno}")
        elif isinstance(node, ast.Assign):
            if any(_names_a_step(t) for t in node.targets) and _english(node.value):
                found.append(f"{where}:{node.lineno}")
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0] if node.args else None
            regex_group = (
                isinstance(first, ast.Constant) and str(first.value).isidentifier()
            )  # match.group("open")
            if name in NAMING_CALLS and _english(first) and not regex_group:
                found.append(f"{where}:{node.lineno}")
            found += [
                f"{where}:{node.lineno}" for k in node.keywords if k.arg == "text" and _english(k.value)
            ]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            positional = [*arguments.posonlyargs, *arguments.args]
            with_default = positional[len(positional) - len(arguments.defaults) :]
            pairs = [
                *zip(with_default, arguments.defaults, strict=True),
                *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
            ]
            found += [f"{where}:{node.lineno}" for arg, d in pairs if arg.arg == "text" and _english(d)]
            found += _locals_passed_on(node, where)
    return found


def _locals_passed_on(function: ast.FunctionDef | ast.AsyncFunctionDef, where: str) -> list[str]:
    """``text = f"Mark {name} as interviewer"`` then ``ChangeSpeakers(text, …)`` or ``self._code(…, text)``."""
    english = {
        t.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _english(node.value)
        for t in node.targets
        if isinstance(t, ast.Name) and t.id in ("text", "label")
    }
    found = []
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and english):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        passed = [a for a in node.args if isinstance(a, ast.Name) and a.id in english]
        if passed and (name in NAMING_CALLS or name == "_code"):
            found.append(f"{where}:{node.lineno}")
    return found


def test_no_undo_step_is_named_in_english_written_in_place() -> None:
    bare = []
    for path in sorted(CODING.rglob("*.py")):
        bare += bare_step_names(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not bare, (
        "an undo step named in English in place (use marked(…) or say(…, field=…)):\n" + "\n".join(bare)
    )


@pytest.mark.parametrize(
    "source",
    [
        'class Move(Command):\n    text = "Move code"\n',
        'def f(self, name):\n    self.text = f"Create code {name}"\n',
        'def f(self, n):\n    self.text = "Rename" if n else "Edit"\n',
        'def f(self, name):\n    command.text = f"Code all with {name}"\n',
        'def f(self, n):\n    with self._context.group(f"Attach {n} recording(s)"):\n        pass\n',
        'def f(self, d, new):\n    self.execute(AttachMedia(d, new, text="Relink recording"))\n',
        'def f(self, marks, *, reviewer, text: str = "Import review"):\n    pass\n',
        'def f(self, name, edit):\n    text = f"Mark {name} as respondent"\n    self.run(ChangeSpeakers(text, edit))\n',
        'def f(self):\n    self.run(ChangeSpeakers("Detect speakers again", edit))\n',
    ],
)
def test_the_scan_finds_each_way_of_naming_a_step_in_english(source: str) -> None:
    assert bare_step_names(source)


def test_the_scan_lets_marked_and_said_names_pass() -> None:
    source = (
        'class Move(Command):\n    text = marked("Move code")\n'
        'def f(self, name, d, new):\n    self.text = say("Create code {name}", name=name)\n'
        '    self.execute(AttachMedia(d, new, text=say("Relink recording")))\n'
        "    text = document_text(writer, d)\n"
    )
    assert bare_step_names(source) == []


def test_the_undo_history_speaks_dutch(interviews: Project) -> None:
    i18n.set_language("nl")
    code = interviews.codes.create("Werkdruk")
    assert interviews.history.undo_text == "Code Werkdruk maken"
    interviews.codes.rename(code.id, "Werkdruk en stress")
    assert interviews.history.undo_text == "Code hernoemen"  # a class's fixed name, said when shown
    interviews.history.undo()
    assert interviews.history.redo_text == "Code hernoemen"
    i18n.set_language("en")
    assert interviews.history.redo_text == "Rename code"  # the same step, shown in English now


def test_every_command_class_of_the_domain_has_a_name_with_its_dutch() -> None:
    """A command class that sets no text of its own shows the base's "Change" ("Wijziging"): each
    named text is in the catalogue (the message-id scan checks the rest)."""
    from coding.undo.command import Command

    dutch = i18n._CATALOGUES["nl"]
    assert Command.text in dutch
    for path in sorted(CODING.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if (
                        isinstance(item, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == "text" for t in item.targets)
                        and isinstance(item.value, ast.Call)
                        and ast.unparse(item.value.func) == "marked"
                    ):
                        english = item.value.args[0]
                        assert isinstance(english, ast.Constant) and english.value in dutch, path
