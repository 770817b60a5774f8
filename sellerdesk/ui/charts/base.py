"""What every home-page chart shares: a quiet, static plot in the theme's colours, axes with our own labels,
hover tooltips, and one colour per platform.

Imports pyqtgraph: import this module only where a chart is first drawn (see the package docstring).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from sellerdesk.ui.resources import theme_colour

# Distinct and stable: a platform keeps its colour in every chart.
PLATFORM_COLOURS = {
    "taobao": "#ff7a1a",
    "jd": "#e5383b",
    "pdd": "#8a5cf6",
    "douyin": "#1e9bd7",
    "kuaishou": "#f5b700",
    "xiaohongshu": "#e84f9c",
    "other": "#7d8794",
}

Hover = Callable[[float, float], str | None]  # view (x, y) → tooltip text, or None for none


def platform_colour(platform: str) -> QColor:
    return QColor(PLATFORM_COLOURS.get(platform, PLATFORM_COLOURS["other"]))


def _font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.5))
    return font


class ValueAxis(pg.AxisItem):  # type: ignore[misc]
    """Tick values turned into text by ``label`` (money, percentages); the spacing stays pyqtgraph's."""

    def __init__(self, orientation: str, label: Callable[[float], str]) -> None:
        super().__init__(orientation)
        self._label = label

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._label(v) for v in values]


class LabelAxis(pg.AxisItem):  # type: ignore[misc]
    """Ticks at given positions with given texts (days, months, SKUs)."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self._ticks: list[tuple[float, str]] = []

    def set_labels(self, ticks: Sequence[tuple[float, str]]) -> None:
        self._ticks = list(ticks)
        self.setTicks([self._ticks, []])


class ChartView(pg.PlotWidget):  # type: ignore[misc]
    """A plot that does not pan, zoom or offer pyqtgraph's context menu: a dashboard figure, not a tool."""

    def __init__(
        self,
        *,
        bottom: pg.AxisItem | None = None,
        left: pg.AxisItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        axes = {k: v for k, v in (("bottom", bottom), ("left", left)) if v is not None}
        super().__init__(parent=parent, background=theme_colour("surface"), axisItems=axes)
        self.setMinimumHeight(170)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=False, y=True, alpha=0.35)
        item.getViewBox().setDefaultPadding(0.02)
        font, text, border = _font(), theme_colour("text-muted"), theme_colour("border")
        for name in ("bottom", "left"):
            axis = item.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen(text)
            axis.setPen(border)
            axis.setStyle(tickLength=0, tickTextOffset=6)
        self._hover: Hover | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def sizeHint(self) -> QSize:
        """A dashboard chart's modest wish; it grows with the room it is given. (pyqtgraph asks for 640 × 480:
        on Home that made the rows taller than a laptop's screen and cut the daily chart's bars off.)"""
        return QSize(480, 260)

    def set_hover(self, hover: Hover) -> None:
        self._hover = hover

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._hover is None:
            return
        box = self.getPlotItem().getViewBox()
        if not box.sceneBoundingRect().contains(scene_pos):
            QToolTip.hideText()
            return
        point = box.mapSceneToView(scene_pos)
        text = self._hover(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()


def fixed_width_axis(axis: pg.AxisItem, texts: Sequence[str], limit: int) -> None:
    """A vertical axis as wide as its longest label (up to ``limit`` pixels): pyqtgraph only grows it."""
    metrics = QFontMetrics(_font())
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    axis.setWidth(min(widest + 14, limit))


def elide(text: str, pixels: int) -> str:
    return QFontMetrics(_font()).elidedText(text, Qt.TextElideMode.ElideRight, pixels)
