"""A bar chart of the frequency table (concepts × group values), which can be saved as PNG or SVG."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.widgets.translated import group_label
from coding.core.errors import InvalidInputError
from coding.judgements.comparison import FrequencyTable

#: Distinguishable colours for the groups (Paul Tol's bright scheme), in column order.
GROUP_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")
IMAGE_SUFFIXES = (".png", ".svg")


class FrequencyChart(QWidget):
    """Horizontal bars: one category per top-level code, one bar per group value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        title_font = self.chart.titleFont()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.chart.setTitleFont(title_font)
        self.view = QChartView(self.chart)
        self.view.setObjectName("frequencyChart")
        self.view.setAccessibleName(QCoreApplication.translate("FrequencyChart", "Quotes per concept chart"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.categories: list[str] = []
        self.series_names: list[str] = []

    def set_table(self, table: FrequencyTable) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        selected = {row.code.id for row in table.rows}
        tops = [row for row in table.rows if row.code.parent_id not in selected]
        # QHorizontalBarSeries draws the first category at the bottom: reverse to read top-down
        tops.reverse()
        self.categories = [row.code.name for row in tops]
        self.series_names = [group_label(value) for value in table.values]
        series = QHorizontalBarSeries()
        series.setBarWidth(0.85)
        for column, value in enumerate(table.values):
            bars = QBarSet(group_label(value))
            bars.setColor(QColor(GROUP_COLOURS[column % len(GROUP_COLOURS)]))
            for row in tops:
                bars.append(row.counts[column])
            series.append(bars)
        self.chart.addSeries(series)
        if table.measure == "documents":
            what = QCoreApplication.translate("FrequencyChart", "Documents")
            title = QCoreApplication.translate("FrequencyChart", "Documents per concept and {attribute}")
        else:
            what = QCoreApplication.translate("FrequencyChart", "Coded passages")
            title = QCoreApplication.translate("FrequencyChart", "Coded passages per concept and {attribute}")
        self.chart.setTitle(title.format(attribute=table.attribute))
        categories = QBarCategoryAxis()
        categories.append(self.categories)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        counts = QValueAxis()
        counts.setRange(0, max(1, max((max(r.counts, default=0) for r in tops), default=0)))
        counts.applyNiceNumbers()
        counts.setLabelFormat("%d")
        counts.setTitleText(what)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(counts)

    def save(self, path: Path | str, size: QSize | None = None) -> Path:
        """Save as PNG or SVG (by the file's suffix); ``size`` defaults to the widget's size."""
        return save_chart(self.view, path, size)


def plain_title(title: str) -> str:
    """A chart title as plain text (a file's metadata): line breaks as spaces, entities read."""
    return html.unescape(title.replace("<br>", " "))


def save_chart(view: QChartView, path: Path | str, size: QSize | None = None) -> Path:
    """Save what a chart view shows as PNG or SVG (by the file's suffix); ``size`` defaults to the
    view's size (900 × 600 when it was never shown)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise InvalidInputError(
            QCoreApplication.translate("FrequencyChart", "{name}: save the chart as .png or .svg").format(
                name=path.name
            )
        )
    size = size or (view.size() if view.width() > 50 else QSize(900, 600))
    if suffix == ".png":
        if view.size() != size:
            view.resize(size)
        if not view.grab().save(str(path), "PNG"):
            raise InvalidInputError(_not_written(path))
        return path
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(plain_title(view.chart().title()))
    painter = QPainter(generator)
    try:
        view.render(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    if not path.exists():
        raise InvalidInputError(_not_written(path))
    return path


def _not_written(path: Path) -> str:
    return QCoreApplication.translate("FrequencyChart", "{name}: could not be written").format(name=path.name)
