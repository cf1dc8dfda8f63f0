"""The scores chart of the Compare view: each group's judgement of each concept on 1 (``-/-``) … 5
(``+/+``), as a spider (radar) chart or as grouped bars; saved as PNG or SVG like the frequency chart.

The numbers come from :func:`coding.judgements.comparison.score_series`. A concept a group has no judgement
for has no point: the spider's line breaks there (a missing judgement is not a low one).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPolarChart,
    QScatterSeries,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.judgements.frequency_chart import GROUP_COLOURS, save_chart
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.judgements.comparison import SCORE_MAX, SCORE_MIN, ScoreSeries

RADAR, BARS = "radar", "bars"
#: The chart kinds and their names (translated where they are shown, in the "ScoreChart" context).
KINDS = (
    (RADAR, QT_TRANSLATE_NOOP("ScoreChart", "Spider chart")),
    (BARS, QT_TRANSLATE_NOOP("ScoreChart", "Bar chart")),
)


def _style(chart: QChart) -> None:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    font = chart.titleFont()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    chart.setTitleFont(font)


#: Characters of names on a line under the scores chart's title (bold and larger: with "(not judged yet: " about 480 pixels).
TITLE_LINE = 48


def _name_lines(names: Sequence[str], width: int) -> list[str]:
    """Names joined with ", " into lines of about ``width`` characters, broken only between names."""
    lines: list[str] = []
    for name in names:
        if lines and len(lines[-1]) + 2 + len(name) <= width:
            lines[-1] += ", " + name
        else:
            if lines:
                lines[-1] += ","
            lines.append(name)
    return lines


def wrapped(name: str, width: int = 16) -> str:
    """A long concept name on two or more lines (``<br>``: axis labels are rich text)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _score_axis(labels: tuple[str, ...]) -> QCategoryAxis:
    """0 … 5 with the scale's values at 1 … 5 (0 is the centre of the spider: no score)."""
    axis = QCategoryAxis()
    axis.setRange(0, SCORE_MAX)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for number, label in zip(range(SCORE_MIN, SCORE_MAX + 1), labels, strict=False):
        axis.append(label, number)
    return axis


class ScoreChart(QWidget):
    """A spider chart and a bar chart of one :class:`ScoreSeries`; ``set_kind`` shows one of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.radar = QPolarChart()
        self.bars = QChart()
        for chart in (self.radar, self.bars):
            _style(chart)
        self.radar_view = QChartView(self.radar)
        self.radar_view.setObjectName("scoreRadar")
        self.radar_view.setAccessibleName(
            QCoreApplication.translate("ScoreChart", "Scores per group, radar chart")
        )
        self.bars_view = QChartView(self.bars)
        self.bars_view.setObjectName("scoreBars")
        self.bars_view.setAccessibleName(
            QCoreApplication.translate("ScoreChart", "Scores per group, bar chart")
        )
        self.stack = QStackedWidget(self)
        for view in (self.radar_view, self.bars_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.stack.addWidget(view)
        # Why bars show while the spider is chosen (else it looks as if the choice did nothing).
        self.hint = QLabel(
            QCoreApplication.translate(
                "ScoreChart", "A spider chart needs at least three judged concepts: shown as bars until then."
            )
        )
        self.hint.setObjectName("spiderHint")
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(6, 2, 6, 2)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey in light and dark themes
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack)
        self.kind = RADAR
        self.series: ScoreSeries | None = None
        self.categories: list[str] = []
        self.series_names: list[str] = []

    @property
    def shown_kind(self) -> str:
        """The kind shown: the one chosen, but bars while fewer than three concepts are judged (a
        spider of one or two concepts is a dot or a single line)."""
        if self.kind == RADAR and self.series is not None and not self.series.spider:
            return BARS
        return self.kind

    @property
    def view(self) -> QChartView:
        """The chart view shown now."""
        return self.radar_view if self.shown_kind == RADAR else self.bars_view

    @property
    def chart(self) -> QChart:
        return self.view.chart()

    def set_kind(self, kind: str) -> None:
        if kind not in (RADAR, BARS):
            raise ValueError(f"a scores chart is '{RADAR}' or '{BARS}', not '{kind}'")
        self.kind = kind
        self._show_view()

    def _show_view(self) -> None:
        self.stack.setCurrentWidget(self.view)
        self.hint.setVisible(self.kind != self.shown_kind)

    def set_series(self, series: ScoreSeries) -> None:
        self.series = series
        self.categories = [code.name for code in series.concepts]
        self.series_names = list(series.values)
        title = QCoreApplication.translate("ScoreChart", "Judgements per concept and {attribute}").format(
            attribute=series.attribute
        )
        if series.empty:
            title += QCoreApplication.translate("ScoreChart", " — none yet: judge concepts in the grid")
        elif series.unjudged:
            # the groups not judged yet on lines of their own under the title: on one line with it the
            # title ran past the chart's edge and was cut ("… (nog niet beoordeeld: Midden-Gelderland, Zuido…")
            names = _name_lines(series.unjudged, TITLE_LINE)
            unjudged = QCoreApplication.translate("ScoreChart", " (not judged yet: {concepts})").format(
                concepts="\n".join(names)
            )
            lines = [html.escape(line) for line in unjudged.strip().split("\n")]
            title = "<br>".join([html.escape(title), *lines])
        self._draw_radar(series, title)
        self._draw_bars(series, title)
        self._show_view()

    def _clear(self, chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _draw_radar(self, series: ScoreSeries, title: str) -> None:
        chart = self.radar
        self._clear(chart)
        chart.setTitle(title)
        count = max(len(series.concepts), 1)
        angles = QCategoryAxis()
        angles.setRange(0, count)
        angles.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        angles.setStartValue(0)
        for number, code in enumerate(series.concepts):
            angles.append(wrapped(code.name), number)
        radial = _score_axis(series.labels)
        radial.setLabelsColor(QColor("#666666"))
        chart.addAxis(angles, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        for column, value in enumerate(series.values):
            colour = QColor(GROUP_COLOURS[column % len(GROUP_COLOURS)])
            scores = series.scores[column]
            points = QScatterSeries()
            points.setName(value)
            points.setColor(colour)
            points.setBorderColor(colour)
            points.setMarkerSize(9)
            for angle, score in enumerate(scores):
                if score is not None:
                    points.append(QPointF(angle, score))
            lines = _runs(scores)
            for run in lines:
                line = QLineSeries()
                line.setPen(QPen(colour, 2.4))
                for x, y in run:
                    line.append(QPointF(x, y))
                chart.addSeries(line)
                line.attachAxis(angles)
                line.attachAxis(radial)
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)
            chart.addSeries(points)
            points.attachAxis(angles)
            points.attachAxis(radial)

    def _draw_bars(self, series: ScoreSeries, title: str) -> None:
        chart = self.bars
        self._clear(chart)
        chart.setTitle(title)
        bars = QBarSeries()
        bars.setBarWidth(0.85)
        for column, value in enumerate(series.values):
            bar_set = QBarSet(value)
            bar_set.setColor(QColor(GROUP_COLOURS[column % len(GROUP_COLOURS)]))
            for score in series.scores[column]:
                bar_set.append(score if score is not None else 0)  # no bar where there is no judgement
            bars.append(bar_set)
        chart.addSeries(bars)
        categories = QBarCategoryAxis()
        categories.append([wrapped(name, 14) for name in self.categories] or [""])
        categories.setTruncateLabels(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(categories)
        scores = _score_axis(series.labels)
        scores.setTitleText(QCoreApplication.translate("ScoreChart", "Judgement"))
        chart.addAxis(scores, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(scores)

    def save(self, path: Path | str, size: QSize | None = None) -> Path:
        """Save the chart shown (spider or bars) as PNG or SVG, by the file's suffix."""
        return save_chart(self.view, path, size)


def _runs(scores: tuple[float | None, ...]) -> list[list[tuple[float, float]]]:
    """The spider's line pieces between neighbouring judged concepts, once around the circle: the
    first concept comes again at angle ``len(scores)`` to close it. A gap breaks the line; a piece
    needs two points (a lone score shows as its marker)."""
    count = len(scores)
    pieces: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for angle in range(count + 1 if count > 1 else 0):
        score = scores[angle % count]
        if score is None:
            if len(current) > 1:
                pieces.append(current)
            current = []
            continue
        current.append((float(angle), float(score)))
    if len(current) > 1:
        pieces.append(current)
    return pieces
