"""Every column header the command line prints in a table is said in Dutch too: ``codewerk media``
printed ``Document  Soort  File  Status`` under ``--language nl``."""

from __future__ import annotations

import ast
from pathlib import Path

from coding.core import i18n

CLI = Path(__file__).resolve().parents[3] / "coding" / "cli"


def _headers() -> set[tuple[str, str]]:
    """(module, header) of every literal header of a printed table (``header=(…)``, ``print_table((…)``)."""
    found: set[tuple[str, str]] = set()
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            labels: list[ast.expr] = []
            if isinstance(node, ast.keyword) and node.arg == "header" and isinstance(node.value, ast.Tuple):
                labels = node.value.elts
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "print_table"
                and node.args
                and isinstance(node.args[0], ast.Tuple)
            ):
                labels = node.args[0].elts
            found |= {
                (path.name, e.value)
                for e in labels
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
    return found


def test_every_printed_table_header_has_its_dutch() -> None:
    headers = _headers()
    assert ("media.py", "File") in headers  # the scan finds the headers
    dutch = i18n._CATALOGUES["nl"]  # as tests/coding/core/test_i18n_messages.py reads it
    assert sorted((module, label) for module, label in headers if label not in dutch) == []
