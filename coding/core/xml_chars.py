"""Text for XML written by hand or through a library: the characters XML 1.0 cannot hold, and the
escaping of element text. One place for the Word, Excel and REFI-QDA writers."""

from __future__ import annotations

import re

#: Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return, the
#: non-characters U+FFFE and U+FFFF, and lone surrogates (a str can carry them; no encoder can).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (they are dropped)."""
    return NOT_XML.sub("", value)


def escape_content(text: str) -> str:
    """Element text as lxml writes it: ``& < >`` and the carriage return (which an XML reader would
    turn into a line feed) as references. ``text`` holds only characters XML can hold."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text
