"""Screenshots of the Compare view on the demo project (docs/screenshots/), the way the README shows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from app.exporting.export_dialog import ExportDialog
from app.judgements.compare_view import CompareView
from app.shell.project_bridge import ProjectBridge
from coding.demo import build_demo_project
from tests.app.conftest import SCREENSHOTS


def _not_blank(path: Path) -> bool:
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 25) for y in range(0, image.height(), 25)}
    return len(colours) > 5


def test_compare_view_screenshots(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    project = build_demo_project(tmp_path / "demo.codewerk")
    try:
        bridge = ProjectBridge(project)
        view = CompareView(bridge)
        qtbot.addWidget(view)
        view.resize(1500, 860)
        view.show()
        qtbot.waitExposed(view)
        trust = project.codes.id_of("Vertrouwen")
        view.tree.expand(view.model.index_of(trust))
        view.select_cell(trust, "Zwolle")
        assert view.editor.score() == "+/+" and view.editor.passages.rowCount() >= 2
        view.splitter.setSizes([900, 600])
        qtbot.wait(50)
        target = SCREENSHOTS / "compare_view.png"
        assert view.grab().save(str(target))
        assert _not_blank(target)

        view.set_mode("quotes")
        view.left.setSizes([430, 380])
        qtbot.wait(50)
        target = SCREENSHOTS / "compare_frequencies.png"
        assert view.grab().save(str(target))
        assert _not_blank(target)

        chart = view.chart.save(SCREENSHOTS / "compare_chart.png", QSize(900, 560))
        assert _not_blank(chart)

        view.set_mode("scores")  # the judgements as a spider chart and as bars
        assert view.score_chart.categories[:2] == ["Vertrouwen", "Overwinnen van cultuurverschillen"]
        view.left.setSizes([330, 0, 480])
        qtbot.wait(50)
        target = SCREENSHOTS / "compare_scores.png"
        assert view.grab().save(str(target))
        assert _not_blank(target)
        assert _not_blank(view.score_chart.save(SCREENSHOTS / "scores_spider.png", QSize(820, 640)))
        view.set_chart_kind("bars")
        assert _not_blank(view.score_chart.save(SCREENSHOTS / "scores_bars.png", QSize(900, 520)))

        dialog = ExportDialog(project, view)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText("~/Documenten/scriptie/demo-region.xlsx")
        dialog.show()
        qtbot.waitExposed(dialog)
        target = SCREENSHOTS / "export_dialog.png"
        assert dialog.grab().save(str(target))
        dialog.close()
        bridge.detach()
    finally:
        project.close()
