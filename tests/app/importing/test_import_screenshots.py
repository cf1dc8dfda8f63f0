"""Screenshots of the import dialog, the replace question, the summary and the speakers dialog
(docs/screenshots/import_*.png, speakers_dialog.png)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.importing.import_dialog import SUMMARY, ImportDialog
from coding import Project
from tests.app.conftest import SCREENSHOTS

ROLES = ("secretaris", "wethouder", "werkgevers", "vakbond", "uwv", "onderwijs")


def _transcripts(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for number, role in enumerate(ROLES, start=8):
        path = folder / f"R{number}_{role}_zwolle.txt"
        path.write_text(
            f"Interview R{number} – {role}, regio Zwolle\n\n"
            f"[00:00:05] Interviewer: Hoe ervaart u het vertrouwen tussen de partijen?\n"
            f"[00:00:12] R{number}: Dat vertrouwen is er gewoon, we kennen elkaar al jaren.\n"
            f"[00:01:40] Interviewer: En de urgentie?\n"
            f"[00:01:45] R{number}: Hoog; er staan nog veel mensen aan de kant.\n",
            encoding="utf-8",
        )
        paths.append(path)
    legacy = folder / "R14_onderwijs_zwolle_oud.txt"
    legacy.write_bytes("Int: Wat kost het?\r\nR14: Ongeveer € 5.000 per plaatsing.\r\n".encode("cp1252"))
    (folder / "scan_startnotitie.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return [*paths, legacy, folder / "scan_startnotitie.pdf"]


def test_import_screenshots(qtbot: QtBot, project: Project, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    files = _transcripts(tmp_path / "Zwolle")
    earlier = files[4]  # R12, imported before and corrected since
    project.import_files([earlier], attributes={"region": "Zwolle"})
    project.code(earlier.stem, "Vertrouwen", text="Dat vertrouwen is er gewoon")
    corrected = earlier.read_text(encoding="utf-8") + "[00:02:10] Interviewer: Dank u wel.\n"
    earlier.write_text(corrected, encoding="utf-8")
    sheet = tmp_path / "metadata.csv"
    sheet.write_text(
        "bestand;respondent;rol\n"
        + "".join(f"R{n}_{role}_zwolle.txt;R{n};{role}\n" for n, role in enumerate(ROLES, start=8))
        + "R15_vakbond_eindhoven.txt;R15;vakbond\n",
        encoding="utf-8",
    )

    dialog = ImportDialog(project)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    dialog.setup.add_paths([tmp_path / "Zwolle"])
    dialog.setup.set_metadata_sheet(sheet)
    dialog.setup.set_common_attributes({"region": "Zwolle"})
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SCREENSHOTS / "import_dialog.png"))

    def answer(box: QMessageBox) -> None:
        def shoot_and_replace() -> None:
            dialog.grab().save(str(SCREENSHOTS / "import_progress.png"))
            box.grab().save(str(SCREENSHOTS / "import_replace_question.png"))
            next(b for b in box.buttons() if b.text() == "Replace").click()

        QTimer.singleShot(50, shoot_and_replace)

    dialog.replaceQuestion.connect(answer)
    dialog.setup.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == SUMMARY, timeout=20000)
    dialog.grab().save(str(SCREENSHOTS / "import_summary.png"))
    dialog.speakers_button.click()
    speakers = dialog.speakers_dialog
    assert speakers is not None
    qtbot.waitExposed(speakers)
    speakers.select("Int")
    speakers.grab().save(str(SCREENSHOTS / "speakers_dialog.png"))
    for name in (
        "import_dialog",
        "import_progress",
        "import_replace_question",
        "import_summary",
        "speakers_dialog",
    ):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 5000
