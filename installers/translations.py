"""Updates and compiles the Dutch translation: ``python -m installers.translations`` (``make translations``).

1. ``pyside6-lupdate`` collects every ``tr``/``QCoreApplication.translate`` string of ``app/`` into
   ``resources/translations/codewerk_nl.ts``, keeping the Dutch already written (new strings come in
   as unfinished; write their Dutch with Qt Linguist, ``pyside6-linguist``, or in the XML).
2. ``pyside6-lrelease`` compiles it to ``codewerk_nl.qm``, the file the window loads (committed, so a
   fresh checkout and the wheel have it; ``tests/app/shell/test_dutch.py`` checks it is up to date).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[dev]')")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "app").rglob("*.py"))


def update(language: str) -> Path:
    ts = FOLDER / f"codewerk_{language}.ts"
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )
    return ts


def release(language: str, folder: Path = FOLDER) -> Path:
    """Compile the ``.ts`` into a new ``.qm`` put in place of the old one: a running window has the old
    file mapped (QTranslator), and lrelease writing over it in place crashed it or left it half English."""
    ts = folder / f"codewerk_{language}.ts"
    qm = ts.with_suffix(".qm")
    fresh = qm.with_suffix(".qm.new")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    os.replace(fresh, qm)
    return qm


def main() -> int:
    for language in LANGUAGES:
        update(language)
        release(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
