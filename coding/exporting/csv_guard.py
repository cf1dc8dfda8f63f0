"""Which CSV cells a spreadsheet would evaluate, and the guard that keeps them text.

A CSV cell cannot be marked as text. Excel evaluates a cell that starts with ``=``, and one that
starts with ``+``, ``-`` or ``@`` when the rest reads as a formula (``-2+3``, ``@SUM(A1:A9)``,
``-cmd|' /C calc'!A0``, ``- ja dat klopt`` → ``#NAME?``). Those get a leading apostrophe (the
``apostrophe`` guard, the default), which Excel hides and LibreOffice Calc shows. Text no
spreadsheet reads as a formula is never changed: a judgement's ``-/-`` or ``+/+``, a phone number
``+31 6 12345678``, a number ``-5``, ``- 50% van de mensen``, ``-ja?``.
``none`` writes every cell as it is (for reading the file with a program, not a spreadsheet).
"""

from __future__ import annotations

import re
from typing import Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say

#: ``--csv-guard`` choices; the first is the default.
CSV_GUARDS = ("apostrophe", "none")
DEFAULT_CSV_GUARD = CSV_GUARDS[0]

_WHITESPACE_LEAD = "\t\r\n"  # Excel drops these before a formula; a space it keeps
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?")
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
    | (?P<number>(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?)
    | (?P<string>"([^"]|"")*")
    | (?P<sheet>'([^']|'')*')
    | (?P<error>\#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A))
    | (?P<name>(\$?[^\W\d]|[_\\])[\w.$]*)
    | (?P<operator><>|<=|>=|[-+*/^&=<>:%])
    | (?P<punct>[(),;|!{}@])
    """,
    re.VERBOSE,
)


def check_guard(guard: str | None) -> str:
    """The guard to use (``None``: the default); an unknown one is refused."""
    guard = guard or DEFAULT_CSV_GUARD
    if guard not in CSV_GUARDS:
        raise InvalidInputError(
            say(
                "the CSV guard must be one of {CSV_GUARDS} (not '{guard}')",
                CSV_GUARDS=", ".join(CSV_GUARDS),
                guard=guard,
            )
        )
    return guard


def would_evaluate(value: str) -> bool:
    """Whether a spreadsheet opening the CSV would read ``value`` as a formula."""
    text = value.lstrip(_WHITESPACE_LEAD)
    if len(text) < 2 or text[0] not in "=+-@":
        return False
    if text[0] == "=":
        return True
    if _NUMBER.fullmatch(text):
        return False  # read as a number: shown as written
    tokens = _tokens(text)
    return tokens is not None and _Parser(tokens).formula()


def guarded(value: Any, guard: str = DEFAULT_CSV_GUARD) -> Any:
    """``value`` as it goes into a CSV cell: text a spreadsheet would evaluate gets an apostrophe."""
    if guard == "apostrophe" and isinstance(value, str) and would_evaluate(value):
        return "'" + value
    return value


def _tokens(text: str) -> list[tuple[str, str]] | None:
    out: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        kind = match.lastgroup or ""
        out.append((kind, match.group()))
        position = match.end()
    return out


class _Parser:
    """A recogniser for spreadsheet formula syntax (Excel's, which Calc accepts too)."""

    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0

    def formula(self) -> bool:
        try:
            self.expression(union=True)
        except _NotAFormula:
            return False
        self.skip_space()
        return self.at == len(self.tokens)

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.at += 1
        return token

    def skip_space(self) -> bool:
        skipped = False
        while self.peek()[0] == "space":
            self.at += 1
            skipped = True
        return skipped

    def expect(self, text: str) -> None:
        self.skip_space()
        if self.take()[1] != text:
            raise _NotAFormula

    def expression(self, *, union: bool = False) -> None:
        """Operands and operators; with ``union``, ``A1,B1`` (outside a function's arguments)."""
        referable = self.term()
        while True:
            mark = self.at
            spaced = self.skip_space()
            kind, text = self.peek()
            if kind == "operator" and text != "%":
                self.take()
                referable = self.term()
            elif referable and (
                (spaced and (kind in ("name", "sheet") or text == "("))  # intersection: A1 B1
                or (union and text in (",", ";"))  # union: A1,B1 (;: where , is the decimal mark)
            ):
                if text in (",", ";"):
                    self.take()
                referable = self.term()
                if not referable:
                    raise _NotAFormula
            else:
                self.at = mark
                return

    def term(self) -> bool:
        """One operand with its signs; whether it can be a reference (for the intersection)."""
        self.skip_space()
        while self.peek()[1] in ("+", "-", "@"):
            self.take()
            self.skip_space()
        referable = self.primary()
        while self.peek()[1] == "%":
            self.take()
        return referable

    def primary(self) -> bool:
        kind, text = self.take()
        if kind in ("number", "string", "error"):
            return False
        if text == "(":
            self.expression()
            while self.peek()[1] in (",", ";"):
                self.take()
                self.expression()
            self.expect(")")
            return True
        if text == "{":
            self.arguments("}")
            return False
        if kind == "sheet":
            self.expect("!")
            return self.reference_after_sheet()
        if kind != "name":
            raise _NotAFormula
        follow = self.peek()[1]
        if follow == "(":
            self.take()
            self.arguments(")")
            return True
        if follow == "|":  # dynamic data exchange (cmd|'/C calc'!A0): whatever follows, it runs
            self.at = len(self.tokens)
            return True
        if follow == "!":
            self.take()
            return self.reference_after_sheet()
        return True

    def reference_after_sheet(self) -> bool:
        if self.take()[0] not in ("name", "number"):
            raise _NotAFormula
        return True

    def arguments(self, close: str) -> None:
        """Arguments up to ``close``; an argument may be empty (``IF(A1,,1)``)."""
        self.skip_space()
        if self.peek()[1] == close:
            self.take()
            return
        while True:
            self.skip_space()
            if self.peek()[1] not in (",", ";", close):
                self.expression()
            self.skip_space()
            separator = self.take()[1]
            if separator == close:
                return
            if separator not in (",", ";"):
                raise _NotAFormula


class _NotAFormula(Exception):
    pass
