"""How wide text is in 11-point Calibri, the font of an exported workbook's cells, to count the lines a
wrapped cell takes (``xlsx_cells.wrapped_lines``).

The advance widths are Calibri's (and Carlito's, the metric-compatible font LibreOffice uses in its place),
in 1/2048 of an em, for the printable ASCII characters and Latin-1 with Latin Extended-A (the accented
letters of Dutch and its neighbours). Any other character counts as a whole em, wider than any letter
here, so a line with unusual characters is counted long rather than short.
"""

from __future__ import annotations

UNITS_PER_EM = 2048
#: 11-point text: points per font unit.
POINTS_PER_UNIT = 11 / UNITS_PER_EM

_ASCII = (
    "463 667 821 1020 1038 1464 1397 452 621 621 1020 1020 511 627 517 791 1038 1038 1038 1038 1038 1038 "
    "1038 1038 1038 1038 548 548 1020 1020 1020 949 1831 1185 1114 1092 1260 1000 941 1292 1276 516 653 "
    "1064 861 1751 1322 1356 1058 1378 1112 941 998 1314 1162 1822 1063 998 959 628 791 628 1020 1020 596 "
    "981 1076 866 1076 1019 625 964 1076 470 490 931 470 1636 1076 1080 1076 1076 714 801 686 1076 925 "
    "1464 887 927 809 644 943 644 1020 "
)  # U+0020 … U+007E
_LATIN = (
    "667 1020 1038 1020 1038 1020 1020 804 1709 824 1049 1020 0 1038 807 694 1020 688 685 598 1126 1200 "
    "517 629 504 865 1049 1303 1375 1383 949 1185 1185 1185 1185 1185 1185 1563 1092 1000 1000 1000 1000 "
    "516 516 516 516 1279 1322 1356 1356 1356 1356 1356 1020 1359 1314 1314 1314 1314 998 1058 1080 981 "
    "981 981 981 981 981 1583 866 1019 1019 1019 1019 470 470 470 470 1076 1076 1080 1080 1080 1080 1080 "
    "1020 1084 1076 1076 1076 1076 927 1076 927 1185 981 1185 981 1185 981 1092 866 1092 866 1092 866 "
    "1092 866 1260 1164 1279 1130 1000 1019 1000 1019 1000 1019 1000 1019 1000 1019 1292 964 1292 964 "
    "1292 964 1292 964 1276 1076 1344 1091 516 470 516 470 516 470 516 470 516 470 1170 960 653 490 1064 "
    "931 931 861 470 861 470 866 540 1118 765 880 507 1322 1076 1322 1076 1322 1076 1186 1287 1076 1356 "
    "1080 1356 1080 1356 1080 1775 1740 1112 714 1112 714 1112 714 941 801 941 801 941 801 941 801 998 "
    "686 998 708 998 700 1314 1076 1314 1076 1314 1076 1314 1076 1314 1076 1314 1076 1822 1464 998 927 "
    "998 959 809 959 809 959 809 497 "
)  # U+00A1 … U+017F (0: not in the font)
_PUNCTUATION = {
    "\u2018": 511,
    "\u2019": 511,
    "\u201c": 857,
    "\u201d": 857,
    "\u2013": 1020,
    "\u2014": 1854,
    "\u2026": 1414,
    "\u20ac": 1038,
    "\u2022": 1020,
    "\u00a0": 463,
}


class _Widths(dict[str, int]):
    """Font units per character; a character not in the table is an em wide."""

    def __missing__(self, char: str) -> int:
        return UNITS_PER_EM


def _table() -> _Widths:
    table = _Widths()
    for offset, units in enumerate(_ASCII.split()):
        table[chr(0x20 + offset)] = int(units)
    for offset, units in enumerate(_LATIN.split()):
        if units != "0":
            table[chr(0xA1 + offset)] = int(units)
    table.update(_PUNCTUATION)
    return table


#: Font units per character. Sums of whole units are exact, so a line that just fits is counted alike
#: however its widths are added up.
WIDTHS = _table()
#: The widest character: ``len(text) * WIDEST`` units is more than any text of it takes.
WIDEST = UNITS_PER_EM


def units(text: str) -> int:
    """The width of ``text`` in font units (kerning left out); ``* POINTS_PER_UNIT`` in points."""
    return sum(map(WIDTHS.__getitem__, text))
