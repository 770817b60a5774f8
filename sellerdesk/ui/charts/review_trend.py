"""One person's review scores over the months: a line of the overall score (0–100) with its grade, and the
grade thresholds as quiet dashed lines so a score can be read against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QWidget

from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.charts.base import ChartView, LabelAxis, ValueAxis
from sellerdesk.ui.resources import theme_colour


class TrendPoint(Protocol):
    """One month of the chart (``services.reviews.TrendPoint``): "YYYY-MM", the score ×100 or None, the grade."""

    @property
    def month(self) -> str: ...

    @property
    def score_bp(self) -> int | None: ...

    @property
    def grade(self) -> str: ...


def month_label(month: str, with_year: bool) -> str:
    year, number = (int(part) for part in month.split("-"))
    layout = (
        QCoreApplication.translate("ReviewTrendChart", "MMM yyyy", "date format: Qt QDate pattern, month and year")
        if with_year
        else "MMM"
    )
    return QLocale().toString(QDate(year, number, 1), layout)


class ReviewTrendChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("bottom")
        super().__init__(bottom=self._axis, left=ValueAxis("left", lambda v: f"{v:.0f}"), parent=parent)
        self.setMinimumHeight(220)
        self._points: tuple[TrendPoint, ...] = ()
        self.set_hover(self._hover_text)

    @property
    def points(self) -> tuple[TrendPoint, ...]:
        return self._points

    def set_points(self, points: Sequence[TrendPoint], thresholds: Sequence[tuple[str, int]] = ()) -> None:
        """The months oldest first; ``thresholds`` (grade, lowest score ×100) drawn as dashed lines."""
        self._points = tuple(points)
        plot = self.getPlotItem()
        plot.clear()
        count = len(self._points)
        muted = theme_colour("text-muted")
        for grade, low in thresholds:
            if 0 < low < 10000:
                line = pg.InfiniteLine(
                    pos=low / 100,
                    angle=0,
                    pen=pg.mkPen(theme_colour("border"), width=1, style=Qt.PenStyle.DashLine),
                    label=grade,
                    labelOpts={"position": 0.02, "color": muted, "anchors": [(0, 1), (0, 1)]},
                )
                plot.addItem(line)
        scored = [(i, p) for i, p in enumerate(self._points) if p.score_bp is not None]
        colour, surface = theme_colour("accent"), theme_colour("surface")
        if scored:
            plot.addItem(
                pg.PlotDataItem(
                    [i for i, _ in scored],
                    [p.score_bp / 100 for _, p in scored if p.score_bp is not None],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=8,
                    symbolBrush=colour,
                    symbolPen=pg.mkPen(surface, width=1),
                )
            )
            for i, p in scored:
                text = pg.TextItem(p.grade, color=theme_colour("text"), anchor=(0.5, 1.3))
                text.setPos(i, (p.score_bp or 0) / 100)
                plot.addItem(text)
        step = 1 if count <= 8 else 2
        self._axis.set_labels(
            [
                (i, month_label(p.month, i == 0 or p.month.endswith("-01")))
                for i, p in enumerate(self._points)
                if (count - 1 - i) % step == 0 or i == 0
            ]
        )
        plot.setXRange(-0.5, max(count - 0.5, 0.5), padding=0)
        plot.setYRange(-3, 108, padding=0)  # room for a 0 score's grade below its point

    def _hover_text(self, x: float, _y: float) -> str | None:
        index = round(x)
        if not 0 <= index < len(self._points):
            return None
        point = self._points[index]
        if point.score_bp is None:
            return self.tr("{month}: not scored yet").format(month=month_label(point.month, True))
        return self.tr("{month}: score {score}, grade {grade}").format(
            month=month_label(point.month, True), score=fmt.score_bp(point.score_bp), grade=point.grade or "–"
        )
