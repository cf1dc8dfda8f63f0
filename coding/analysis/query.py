"""Code queries: ``Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef``.

Grammar (operators in capitals; anything else is part of a code's name)::

    query   := either
    either  := both ("OR" both)*
    both    := negated (("AND" ["NOT"] | "NOT") negated)*    A NOT B is A AND NOT B
    negated := "NOT" negated | near
    near    := primary (("NEAR" n | "FOLLOWS" [n]) primary)*
    primary := CODE | "(" query ")"
    CODE    := words that are not operators ("Culturele verschillen"), or "a quoted name"

A query holds in a unit (a turn, a sentence, a document). ``A NEAR n B`` holds in a unit where
one side applies and the other applies at most ``n`` units away (in the same document), on both
sides' units; ``A FOLLOWS B`` where ``A`` applies in a later unit than ``B`` (with ``n``: at most
``n`` units later), again on both sides' units. NEAR and FOLLOWS bind tightest, then NOT, AND, OR.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say

OPERATORS = ("AND", "OR", "NOT", "NEAR", "FOLLOWS")


class QuerySyntaxError(InvalidInputError):
    """A query that does not parse; ``position`` is the code-point offset of the problem."""

    def __init__(self, query: str, position: int, reason: str) -> None:
        self.query = query
        self.position = position
        self.reason = reason
        shown = " ".join(query[:position].split()) + " ‸" + (" " if query[position:].strip() else "")
        shown += " ".join(query[position:].split())
        super().__init__(f"query: {reason} at position {position + 1}: {shown.strip()}")


@dataclass(frozen=True)
class Code:
    name: str
    position: int


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    left: Node
    right: Node


@dataclass(frozen=True)
class Or:
    left: Node
    right: Node


@dataclass(frozen=True)
class Near:
    left: Node
    right: Node
    distance: int


@dataclass(frozen=True)
class Follows:
    """``left`` in a later unit than ``right``, at most ``distance`` units later (``None``: any)."""

    left: Node
    right: Node
    distance: int | None


Node = Code | Not | And | Or | Near | Follows


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "name" (quoted), "(", ")", "end"
    text: str
    position: int


_TOKEN = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<quoted>[^"]*)(?P<closing>"?)|(?P<word>[^\s()"]+))'
)


def _tokens(query: str) -> Iterator[_Token]:
    position = 0
    while True:
        match = _TOKEN.match(query, position)
        if match is None or match.end() == position:
            rest = len(query) - len(query[position:].lstrip())
            yield _Token("end", "", rest if position < len(query) else len(query))
            return
        if match.group("open"):
            yield _Token("(", "(", match.start("open"))
        elif match.group("close"):
            yield _Token(")", ")", match.start("close"))
        elif match.group("quoted") is not None:
            start = match.start("quoted") - 1
            if not match.group("closing"):
                raise QuerySyntaxError(query, start, 'a quoted name is not closed (")')
            yield _Token("name", match.group("quoted"), start)
        else:
            yield _Token("word", match.group("word"), match.start("word"))
        position = match.end()


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = list(_tokens(query))
        self.at = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.at]

    def operator(self, *names: str) -> str | None:
        token = self.token
        if token.kind == "word" and token.text in names:
            self.at += 1
            return token.text
        return None

    def fail(self, reason: str, token: _Token | None = None) -> QuerySyntaxError:
        return QuerySyntaxError(self.query, (token or self.token).position, reason)

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise self.fail(say("the query is empty"))
        node = self.either()
        if self.token.kind == ")":
            raise self.fail(say("this ')' closes no '('"))
        if self.token.kind != "end":
            raise self.fail(say("an operator ({OPERATORS}) expected", OPERATORS=", ".join(OPERATORS)))
        return node

    def either(self) -> Node:
        node = self.both()
        while self.operator("OR"):
            node = Or(node, self.both())
        return node

    def both(self) -> Node:
        node = self.negated()
        while True:
            if self.operator("AND"):
                node = And(node, Not(self.negated()) if self.operator("NOT") else self.negated())
            elif self.operator("NOT"):
                node = And(node, Not(self.negated()))
            else:
                return node

    def negated(self) -> Node:
        if self.operator("NOT"):
            return Not(self.negated())
        return self.near()

    def near(self) -> Node:
        node = self.primary()
        while True:
            operator = self.operator("NEAR", "FOLLOWS")
            if operator is None:
                return node
            distance = self.distance(required=operator == "NEAR")
            right = self.primary()
            node = Near(node, right, distance or 0) if operator == "NEAR" else Follows(node, right, distance)

    def distance(self, *, required: bool) -> int | None:
        token = self.token
        if token.kind == "word" and token.text.isdigit():
            self.at += 1
            return int(token.text)
        if required:
            raise self.fail(say("NEAR needs a number of units (NEAR 2)"))
        return None

    def primary(self) -> Node:
        token = self.token
        if token.kind == "(":
            self.at += 1
            node = self.either()
            if self.token.kind != ")":
                raise self.fail(say("')' expected"))
            self.at += 1
            return node
        if token.kind == "name":
            self.at += 1
            if not token.text.strip():
                raise self.fail(say("an empty code name"), token)
            return Code(" ".join(token.text.split()), token.position)
        words: list[str] = []
        while self.token.kind == "word" and self.token.text not in OPERATORS:
            words.append(self.token.text)
            self.at += 1
        if not words:
            what = say("the end") if token.kind == "end" else f"'{token.text}'"
            raise self.fail(say("a code name expected, not {what}", what=what), token)
        return Code(" ".join(words), token.position)


def parse_query(query: str) -> Node:
    """The query as a tree; a :class:`QuerySyntaxError` names the position of a mistake."""
    return _Parser(query).parse()


def codes_of(node: Node, *, positive: bool | None = None) -> list[Code]:
    """The codes a query names, in order (``positive``: only those not under an odd number of
    NOTs, or ``False``: only those that are)."""
    out: list[Code] = []

    def walk(current: Node, negated: bool) -> None:
        if isinstance(current, Code):
            if positive is None or positive != negated:
                out.append(current)
        elif isinstance(current, Not):
            walk(current.operand, not negated)
        else:
            walk(current.left, negated)
            walk(current.right, negated)

    walk(node, False)
    return out
