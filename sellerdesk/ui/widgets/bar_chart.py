"""A small bar chart of one value per day, painted directly (no chart library to load at start-up)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from sellerdesk.ui.resources import theme_colour


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar (shown when there is room)
    value: int  # whole units, e.g. yuan
    tooltip: str


def nice_step(maximum: int, lines: int = 4) -> int:
    """A round grid step (1, 2 or 5 × 10^k) so about ``lines`` grid lines cover ``maximum``."""
    raw = max(1, -(-maximum // lines))
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


class BarChart(QWidget):
    """Bars with a value axis; ``axis_label`` turns a grid value into text (e.g. ``¥20,000``)."""

    def __init__(self, axis_label: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axis_label = axis_label
        self._bars: tuple[Bar, ...] = ()
        self._hover = -1
        self._plot = QRectF()
        self.setMouseTracking(True)
        self.setMinimumHeight(200)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = tuple(bars)
        self._hover = -1
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((b.value for b in self._bars), default=0)
        step = nice_step(top)
        ceiling = max(step * -(-top // step), step)
        labels = [self._axis_label(v) for v in range(0, ceiling + 1, step)]
        metrics = painter.fontMetrics()
        left = max(metrics.horizontalAdvance(t) for t in labels) + 12
        self._plot = QRectF(left, 8, self.width() - left - 4, self.height() - 16 - metrics.height())
        self._paint_grid(painter, labels)
        self._paint_bars(painter, self._plot, ceiling)

    def _paint_grid(self, painter: QPainter, labels: list[str]) -> None:
        plot = self._plot
        line_height = painter.fontMetrics().height()
        right_middle = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, text in enumerate(labels):
            y = plot.bottom() - plot.height() * i / (len(labels) - 1)
            painter.setPen(theme_colour("grid"))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(theme_colour("text-muted"))
            painter.drawText(QRectF(0, y - line_height / 2, plot.left() - 8, line_height), right_middle, text)

    def _paint_bars(self, painter: QPainter, plot: QRectF, ceiling: int) -> None:
        if not self._bars:
            return
        slot = plot.width() / len(self._bars)
        metrics = painter.fontMetrics()
        label_every = max(1, -(-metrics.horizontalAdvance("30") * 2 // max(int(slot), 1)))
        painter.setPen(Qt.PenStyle.NoPen)
        for i, bar in enumerate(self._bars):
            height = plot.height() * bar.value / ceiling
            rect = QRectF(plot.left() + i * slot + slot * 0.18, plot.bottom() - height, slot * 0.64, height)
            painter.setBrush(theme_colour("accent-strong" if i == self._hover else "accent"))
            painter.drawRoundedRect(rect, 2, 2)
            if i % label_every == 0:
                painter.setPen(theme_colour("text-muted"))
                text_rect = QRectF(plot.left() + i * slot - slot, plot.bottom() + 4, slot * 3, metrics.height())
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label)
                painter.setPen(Qt.PenStyle.NoPen)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._bar_at(event.position().x())
        if index != self._hover:
            self._hover = index
            self.update()
        if index >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self._bars[index].tooltip, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()

    def _bar_at(self, x: float) -> int:
        plot = self._plot
        if not self._bars or not plot.left() <= x < plot.right():
            return -1
        return min(int((x - plot.left()) / (plot.width() / len(self._bars))), len(self._bars) - 1)

    def bar_centre(self, index: int) -> QPoint:
        """Where bar ``index`` is drawn (for tests)."""
        plot = self._plot
        slot = plot.width() / len(self._bars)
        return QPoint(int(plot.left() + (index + 0.5) * slot), int(plot.bottom() - 2))
