"""The reports after an import or merge in Dutch (issue 17 item 4): ``codewerk import``'s summary,
``import-qdpx`` (created, merged, skipped), ``package``/``merge``; and a focus group's thousands of
detected speakers summarised instead of one line of 1,840 names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coding.core import i18n
from coding.importing.import_service import ImportReport, summarise_speakers, wrap
from tests.coding.cli.conftest import Run
from tests.coding.refi.helpers import guid, write_qdpx

#: Words that give an English report line away (none of them is Dutch).
ENGLISH = re.compile(
    r"\b(Imported|Skipped|replaced|characters|speakers|turns?|Already|kept|nothing|Merged|from)\b"
)


def _english(lines: str) -> list[str]:
    return [line for line in lines.splitlines() if ENGLISH.search(line)]


def test_the_import_report_in_dutch(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "R5.txt").write_text("I: Hoe gaat het?\nR5: Goed, dank je.\nI: En verder?\nR5: Ook goed.\n")
    (tmp_path / "leeg.txt").write_bytes(b"")
    assert run("new", "studie.codewerk")[0] == 0
    code, out, err = run("--language", "nl", "import", "studie.codewerk", "R5.txt", "leeg.txt")
    assert code == 1  # a file was skipped
    assert out.startswith("Geïmporteerd: 1 document(en)\n  + R5 (txt, UTF-8, ")
    assert "      sprekers: I (2 beurten), R5 (2 beurten)" in out
    assert "Overgeslagen bestanden (1):\n  - leeg.txt: " in err
    assert not _english(out + err), out + err


def test_a_qdpx_import_and_merge_report_in_dutch(run: Run, tmp_path: Path) -> None:
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
      <PictureSource guid="{guid(1)}" name="Foto" path="internal://f.png"/>
      <TextSource guid="{guid(2)}" name="T"><PlainTextContent>Tekst hier.</PlainTextContent></TextSource>
    </Sources></Project>"""
    path = write_qdpx(tmp_path / "x.qdpx", qde)
    project = str(tmp_path / "p.codewerk")
    code, out, _ = run("--language", "nl", "import-qdpx", project, str(path))
    assert code == 0
    assert "Geïmporteerd uit x.qdpx: 1 document" in out
    assert (
        "Overgeslagen elementen (1):\n  - PictureSource 'Foto': is een afbeelding; Codewerk importeert tekst"
        in out
    )
    _, again, _ = run("--language", "nl", "import-qdpx", project, str(path))
    assert (
        "Geïmporteerd uit x.qdpx: niets" in again
        and "Al in het project (ongewijzigd gelaten): 1 document" in again
    )
    assert not _english(out + again), out + again


def test_package_and_merge_report_in_dutch(annas_studie: str, run: Run) -> None:
    words = ("--text", "vertrouw ik de andere partijen volledig")
    code, out, err = run("--language", "nl", "package", "studie.codewerk", "bram.codewerk", "--coder", "Bram")
    assert code == 0, err
    assert out.startswith("1 document(en) en 54 codes verpakt voor Bram: bram.codewerk (zonder coderingen")
    assert run("code", "bram.codewerk", "R5", "4a", *words)[0] == 0
    code, out, err = run("--language", "nl", "merge", "studie.codewerk", "bram.codewerk")
    assert code == 0, err
    assert out.startswith("Samengevoegd uit bram.codewerk: 1 codeur, 1 fragment, 1 codering\n")
    assert "Al in het project (ongewijzigd gelaten): 54 codes, 1 document" in out


def test_thousands_of_speakers_are_summarised_and_wrapped() -> None:
    """A 45 MB focus group where 1,840 labels were detected: the 30 with most turns, then how many others."""
    speakers = [(f"Deelnemer {n}", 1 + (n % 7 == 0) * 40) for n in range(1840)]
    report = ImportReport(speakers={"focusgroep": speakers})
    i18n.set_language("nl")
    try:
        lines = report._speaker_lines("focusgroep")
    finally:
        i18n.set_language("en")
    assert len(lines) < 20 and all(len(line) <= 100 for line in lines), lines
    said = " ".join(line.strip() for line in lines)
    assert said.startswith("sprekers: Deelnemer 0 (41 beurten), Deelnemer 7 (41 beurten),")
    assert said.endswith("… en 1.810 andere (11.130 beurten)")
    assert sum(said.count(f"Deelnemer {n} ") for n in range(0, 1840, 7)) == 30


@given(
    turns=st.lists(st.integers(1, 500), min_size=0, max_size=120),
    limit=st.integers(1, 40),
)
def test_the_summary_names_the_busiest_speakers_in_order(turns: list[int], limit: int) -> None:
    speakers = [(f"S{n}", count) for n, count in enumerate(turns)]
    shown, others, other_turns = summarise_speakers(speakers, limit)
    assert len(shown) == min(limit, len(speakers)) and others == len(speakers) - len(shown)
    assert sum(c for _, c in shown) + other_turns == sum(turns)
    assert shown == sorted(shown, key=lambda s: int(s[0][1:]))  # order of appearance kept
    if others:
        assert min(c for _, c in shown) >= max(c for s, c in speakers if (s, c) not in shown)


@given(parts=st.lists(st.text(alphabet="abcdefgh()", min_size=1, max_size=30), max_size=60))
def test_wrapping_keeps_every_part_and_the_width(parts: list[str]) -> None:
    lines = wrap("sprekers: ", parts, indent="      ")
    assert all(len(line) <= 100 for line in lines)
    assert " ".join(line.strip() for line in lines) == ("sprekers: " + ", ".join(parts)).strip()
