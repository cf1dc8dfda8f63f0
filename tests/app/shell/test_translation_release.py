"""``python -m installers.translations`` compiles the Dutch without disturbing a window that is running."""

from __future__ import annotations

import shutil
from pathlib import Path

from installers import translations


def test_compiling_the_translation_puts_a_new_file_in_place(tmp_path: Path) -> None:
    """A window running while the .qm it had mapped (QTranslator) was compiled over in place went half
    English, and once crashed (SIGSEGV in QtCore): the new file now replaces the old one."""
    ts = translations.FOLDER / "codewerk_nl.ts"
    shutil.copy(ts, tmp_path / ts.name)
    shutil.copy(ts.with_suffix(".qm"), tmp_path / "codewerk_nl.qm")
    before = (tmp_path / "codewerk_nl.qm").stat().st_ino
    qm = translations.release("nl", folder=tmp_path)
    assert qm.stat().st_ino != before
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codewerk_nl.qm", "codewerk_nl.ts"]
