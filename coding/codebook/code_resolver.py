"""Find a code by what a user types: a path, a unique name or label, or a question reference."""

from __future__ import annotations

import difflib

from coding.core.errors import AmbiguousError, NotFoundError
from coding.core.i18n import text as say
from coding.core.records import CodeInfo, CodeTree
from coding.core.text import fold


def _names(code: CodeInfo) -> set[str]:
    keys = {fold(code.name)}
    if code.label:
        keys.add(fold(code.label))
    return keys


def _path_matches(code: CodeInfo, tree: CodeTree, parts: list[str]) -> bool:
    """True when the code's path ends with ``parts`` (each part a name or label)."""
    chain: list[CodeInfo] = []
    current: CodeInfo | None = code
    while current is not None:
        chain.append(current)
        current = tree.get(current.parent_id) if current.parent_id is not None else None
    if len(parts) > len(chain):
        return False
    return all(part in _names(node) for part, node in zip(reversed(parts), chain, strict=False))


def resolve_code(tree: CodeTree, reference: str) -> CodeInfo:
    """Resolve ``reference``; case- and accent-insensitive.

    Tried in order: a path (``Vertrouwen/Betrouwbaarheid``, full or its last parts), a question
    reference (``4a``), a name or English label that is unique in the codebook.
    """
    text = reference.strip().strip("/")
    if not text:
        raise NotFoundError(say("no code given"))
    if "/" in text:
        parts = [fold(part) for part in text.split("/") if part.strip()]
        full = [c for c in tree if len(c.path) == len(parts) and _path_matches(c, tree, parts)]
        matches = full or [c for c in tree if _path_matches(c, tree, parts)]
    else:
        key = fold(text)
        matches = [c for c in tree if c.question and fold(c.question) == key]
        if not matches:
            matches = [c for c in tree if fold(c.name) == key]
        if not matches:
            matches = [c for c in tree if c.label and fold(c.label) == key]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(c.path_text for c in matches[:6])
        raise AmbiguousError(
            say(
                "code '{reference}' is ambiguous: {listed} (give the path)",
                reference=reference,
                listed=listed,
            )
        )
    candidates = {c.path_text: c for c in tree}
    candidates.update({c.name: c for c in tree})
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.6)
    hint = say(" (did you mean '{name}'?)", name=close[0]) if close else ""
    raise NotFoundError(say("unknown code '{reference}'{hint}", reference=reference, hint=hint))
