"""Marking texts for translation where they are defined (module constants, column headers) and
translating them where they are shown, after the translator is installed."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged; pyside6-lupdate collects it under ``context`` for the .ts file."""
    del context  # only for lupdate
    return text


#: ``coding.core.counting.COUNT_RULE`` marked for translation (shown in the Codebook's and Compare's tips);
#: tests/app/shell/test_dutch.py checks the two stay the same text.
COUNT_RULE_TEXT = QT_TRANSLATE_NOOP(
    "Counting", "a passage counts once per code with its subcodes, however many of their codes it carries"
)


def count_rule() -> str:
    """The counting rule in the window's language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Counting", COUNT_RULE_TEXT)


#: The coder layers' names (``coding.core.coder_layers.LAYERS``) marked for translation.
LAYER_NAMES = {
    "all": QT_TRANSLATE_NOOP("Layers", "All coders"),
    "mine": QT_TRANSLATE_NOOP("Layers", "Mine"),
    "others": QT_TRANSLATE_NOOP("Layers", "Other coders"),
    "consensus": QT_TRANSLATE_NOOP("Layers", "Consensus"),
}


def layer_name(layer: str, english: str) -> str:
    """A coder layer's name in the window's language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Layers", LAYER_NAMES.get(layer, english))


#: The kinds of codes in a codebook file (``coding.codebook.codebook_file.KINDS``) marked for translation.
CODE_KINDS = {
    "concept": QT_TRANSLATE_NOOP("CodeKinds", "concept"),
    "dimension": QT_TRANSLATE_NOOP("CodeKinds", "dimension"),
    "indicator": QT_TRANSLATE_NOOP("CodeKinds", "indicator"),
    "code": QT_TRANSLATE_NOOP("CodeKinds", "code"),
}


def code_kind(kind: str) -> str:
    """A code's kind in the window's language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("CodeKinds", CODE_KINDS.get(kind, kind))


def number(value: int) -> str:
    """A count with thousands separated as the window's language writes them (2,604 or 2.604)."""
    from coding.core.numbers import count

    return count(value)


#: The group of the documents without a value for an attribute, wherever the window shows one (the
#: Documents panel's groups, the Quotes dock's value filter, Compare's columns): one text, one translation.
NO_VALUE = QT_TRANSLATE_NOOP("Groups", "(no value)")


#: The data of a value filter's "(no value)" choice (the Quotes dock's, the Search panel's, Co-occurrence's):
#: the documents without a value for the chosen attribute; never an attribute's value.
WITHOUT_VALUE = "\x00no value"


def no_value() -> str:
    """The text "(no value)" in the window's language."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Groups", NO_VALUE)


def group_label(value: str) -> str:
    """A group (a value of the attribute regions are compared by) as shown: the documents without a value
    are "(no value)", as in the Documents panel, not the domain's marker ``NO_GROUP`` ("(none)")."""
    from coding.judgements.comparison import NO_GROUP

    return no_value() if value == NO_GROUP else value


#: A team project's roles (``coding.core.server_store``) marked for translation: the window's title names
#: the user's ("Codewerk — studie (teamproject, eigenaar)").
ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("Roles", "owner"),
    "coder": QT_TRANSLATE_NOOP("Roles", "coder"),
    "reviewer": QT_TRANSLATE_NOOP("Roles", "reviewer"),
}


def role_name(role: str) -> str:
    """A team project's role in the window's language (an unknown one as it is)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Roles", ROLE_NAMES[role]) if role in ROLE_NAMES else role
