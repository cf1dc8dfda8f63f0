"""The position bar: a slider over the recording with a mark where each timed turn starts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget


class PositionBar(QSlider):
    """Milliseconds from 0 to the recording's duration; ``set_marks`` takes the turns' times in seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setAccessibleName(QCoreApplication.translate("PositionBar", "Position in the recording"))
        self.setRange(0, 0)
        self.setSingleStep(1000)
        self.setPageStep(5000)
        self._marks: list[float] = []

    def set_marks(self, seconds: list[float]) -> None:
        self._marks = seconds
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks or self.maximum() <= 0:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        painter = QPainter(self)
        colour = QColor(self.palette().highlight().color())
        painter.setPen(QPen(colour, 1))
        for second in self._marks:
            x = groove.left() + groove.width() * min(1.0, second * 1000 / self.maximum())
            painter.drawLine(int(x), groove.top() - 3, int(x), groove.top())
        painter.end()
