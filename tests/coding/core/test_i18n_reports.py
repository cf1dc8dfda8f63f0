"""What the message-id scan cannot see, checked here (issue 17 item 4): a report line or the reason an
element was skipped written in English in place (an f-string never reaches the catalogue), and a number
formatted into text with the English decimal point (``f"{x:.2f}"`` instead of ``number(x, ".2f")``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from coding.core import i18n
from tests.coding.core.test_i18n_messages import message_ids

ROOT = Path(__file__).resolve().parents[3]

#: Functions whose strings are a report a person reads.
REPORTS = {"lines", "line", "skipped_lines", "_speaker_lines", "_counts", "describe"}
#: Calls whose second argument is the reason a person reads: ``Skipped(element, reason)``,
#: ``state.skip(element, reason)``, ``state.adjust(element, reason)``.
REASONS = {"Skipped", "skip", "adjust"}
#: The catalogue's calls: what is inside them is a message id.
CATALOGUE = {"text", "say", "marked", "i18n.text", "output_text"}
#: Numbers written for a program, not a person: CSV cells, the XML of an Excel cell.
FOR_PROGRAMS = {"_csv_cells", "value_cell"}


def _words(node: ast.AST) -> bool:
    """A literal or f-string with a word of ours in it (three letters or more)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        literal = node.value
    elif isinstance(node, ast.JoinedStr):
        literal = " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    else:
        return False
    return re.search(r"[A-Za-z]{3}", literal) is not None


def _inside_catalogue(tree: ast.AST) -> set[int]:
    """The ids of every node inside a catalogue call (a message id and its fields), and of keys looked up."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        called = ast.unparse(node.func) if isinstance(node, ast.Call) else ""
        if called in CATALOGUE:
            inside |= {id(n) for arg in [*node.args, *node.keywords] for n in ast.walk(arg)}
        elif called.endswith(".get"):  # element.get("name"): a key, not words
            inside |= {id(arg) for arg in node.args}
    return inside


def english_in_place(source: str, where: str = "") -> list[str]:
    """Report lines and skip reasons of ``source`` written in English in place."""
    tree = ast.parse(source)
    said = _inside_catalogue(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in REPORTS:
            body = node.body[1:] if ast.get_docstring(node) else node.body
            for statement in body:
                for inner in ast.walk(statement):
                    if id(inner) in said or not _words(inner):
                        continue
                    if isinstance(inner, ast.Constant) and any(
                        isinstance(j, ast.JoinedStr) and inner in j.values for j in ast.walk(statement)
                    ):
                        continue  # a piece of an f-string: the f-string itself is reported
                    found.append(f"{where}:{inner.lineno}: {ast.unparse(inner)[:70]}")
        if isinstance(node, ast.Call) and len(node.args) >= 2:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in REASONS and _words(node.args[1]) and id(node.args[1]) not in said:
                found.append(f"{where}:{node.lineno}: {ast.unparse(node.args[1])[:70]}")
    return found


def english_numbers(source: str, where: str = "") -> list[str]:
    """Numbers formatted into text with the English decimal mark: ``f"{x:.2f}"``, ``f"{share:.0%}"``."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in FOR_PROGRAMS:
            skip |= {id(n) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None and id(node) not in skip:
            spec = ast.unparse(node.format_spec)
            if re.search(r"[.,][0-9]*[efg%]|,", spec):
                found.append(f"{where}:{node.lineno}: {{{ast.unparse(node.value)}:{spec}}}")
    return found


def _sources() -> list[tuple[str, str]]:
    paths = [*(ROOT / "coding").rglob("*.py"), *(ROOT / "app").rglob("*.py")]
    return [(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT))) for p in sorted(paths)]


def test_no_report_line_or_skip_reason_is_english_in_place() -> None:
    found = [
        hit
        for source, where in _sources()
        if where.startswith("coding")
        for hit in english_in_place(source, where)
    ]
    assert not found, "English in a report, not through the catalogue (say(…, field=…)):\n" + "\n".join(found)


def test_no_number_is_written_into_text_with_the_english_decimal_point() -> None:
    found = [hit for source, where in _sources() for hit in english_numbers(source, where)]
    assert not found, "a number formatted in place (use coding.core.numbers.number/percent):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    "source",
    [
        'def lines(self):\n    return [f"Imported {n} document(s)"]\n',
        'def lines(self):\n    out = []\n    out.append("Already in the project")\n    return out\n',
        'def _counts(c):\n    return ", ".join(parts) or "nothing"\n',
        'def read(e):\n    skipped.append(Skipped(describe(e), f"colour {c} is not #RRGGBB"))\n',
        'def read(self, e):\n    self.skip(where, "not coded; Codewerk keeps coded passages")\n',
    ],
)
def test_the_report_scan_finds_english(source: str) -> None:
    assert english_in_place(source)


def test_the_report_scan_lets_said_lines_and_data_pass() -> None:
    source = (
        'def lines(self):\n    """The report."""\n'
        '    out = [say("Imported {count} document(s)", count=n)]\n'
        '    out += [f"  - {p.file}: {p.reason}" for p in self.skipped]\n    return out\n'
        'def read(e):\n    skipped.append(Skipped(describe(e), say("has no text")))\n'
    )
    assert english_in_place(source) == []


@pytest.mark.parametrize(
    "source",
    [
        'x = f"{score:.2f}"',
        'x = f"{share:.0%} of all"',
        'x = f"{n:,} words"',
        'x = tr("c = {c}").format(c=f"{c:.2f}")',
    ],
)
def test_the_number_scan_finds_a_point(source: str) -> None:
    assert english_numbers(source)


def test_the_number_scan_lets_csv_and_integers_pass() -> None:
    source = 'def _csv_cells(r):\n    return f"{r:.6f}"\nx = f"{n:3d}% {when:%Y-%m-%d}"\n'
    assert english_numbers(source) == []


def test_a_removed_dutch_entry_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalogue check fails when a report line's or an undo step's Dutch goes missing."""
    dutch = dict(i18n._CATALOGUES["nl"])
    for english in (
        "Imported {count} document(s)",
        "Create code {name}",
        "is a picture; Codewerk imports text",
    ):
        assert english in message_ids() and english in dutch
        del dutch[english]
    monkeypatch.setitem(i18n._CATALOGUES, "nl", dutch)
    missing = sorted(english for english in message_ids() if english not in i18n._CATALOGUES["nl"])
    assert missing == [
        "Create code {name}",
        "Imported {count} document(s)",
        "is a picture; Codewerk imports text",
    ]
