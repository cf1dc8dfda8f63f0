"""Memos as ``Description``: how QualCoder and MAXQDA carry them, and how Codewerk writes them too.

QualCoder reads and writes a coding's memo as the ``Description`` of its ``PlainTextSelection``, a
document's memo as the ``Description`` of its ``TextSource``, a code's memo as the code's
``Description`` and the project memo as the project's; it ignores ``Note``\\ s. Codewerk writes
its memos both ways: as ``Note``\\ s (which keep titles, authors and times) and, composed by
:func:`compose`, as the ``Description`` of the element the notes belong to.

Reading, a ``Description`` that is exactly what :func:`compose` makes of the element's notes is
that copy and is not imported twice (:func:`own_part`); anything else in it is a memo of its own.
A code's ``Description`` is its definition first, then (after a blank line) the composed memos.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Between the parts of a composed Description.
SEPARATOR = "\n\n"


def memo_part(title: str | None, text: str) -> str:
    """One memo in a Description: its text, under its title when it has one."""
    text = text.strip()
    title = (title or "").strip()
    return f"{title}\n{text}" if title and text else title or text


def compose(parts: Iterable[str]) -> str:
    """The Description written for these memo parts (empty ones left out, repeats written once)."""
    unique = dict.fromkeys(p.strip() for p in parts if p and p.strip())
    return SEPARATOR.join(unique)


def _normal(text: str) -> str:
    return "\n".join(
        line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    )


def own_part(description: str, parts: Iterable[str]) -> str:
    """What a Description says beyond the composed copy of ``parts`` (``""`` when it is only that copy).

    ``definition\n\n<copy>`` gives ``definition`` exactly (a code's Description as Codewerk writes it).
    """
    copy = compose(parts)
    if not copy:
        return description
    suffix = SEPARATOR + copy
    if description.endswith(suffix):
        return description[: -len(suffix)]
    text, normal_copy = _normal(description), _normal(copy)
    if text == normal_copy:
        return ""
    if text.endswith(SEPARATOR + normal_copy):  # line ends changed on the way (CRLF, trailing spaces)
        return text[: -len(SEPARATOR + normal_copy)].rstrip()
    return description
