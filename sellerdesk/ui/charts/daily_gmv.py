"""GMV per day, stacked by platform, over the last 30, 90 or 365 days (the daily roll-up's series)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sellerdesk.services.reports import DayFigures
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.charts.base import ChartView, LabelAxis, ValueAxis, platform_colour
from sellerdesk.ui.widgets.util import named

RANGES = (30, 90, 365)


def _yuan_axis(value: float) -> str:
    """A tick of the cents axis (bars are drawn in cents) as whole yuan."""
    return fmt.money_whole(round(value) // 100)


class DailyGmvChart(QWidget):
    """Signals: range_changed(int): the user chose another number of days."""

    range_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: tuple[DayFigures, ...] = ()
        self._platforms: tuple[str, ...] = ()
        self._range = RANGES[0]
        self._shown: tuple[DayFigures, ...] = ()
        self._axis = LabelAxis("bottom")
        self.view = ChartView(bottom=self._axis, left=ValueAxis("left", _yuan_axis))
        self.view.set_hover(self._hover_text)
        self.legend = named(QLabel(), "chartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for days in RANGES:
            button = named(QPushButton(self.tr("%n days", "", days)), "rangeButton")
            button.setCheckable(True)
            button.setChecked(days == self._range)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.buttons.addButton(button, days)
            switch.addWidget(button)
        self.buttons.idClicked.connect(self.set_range)
        top = QHBoxLayout()
        top.addWidget(self.legend, 1)
        top.addLayout(switch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    @property
    def range_days(self) -> int:
        return self._range

    @property
    def shown_days(self) -> tuple[DayFigures, ...]:
        return self._shown

    def set_days(self, days: Sequence[DayFigures], platforms: Sequence[str]) -> None:
        """The whole series (the longest range, oldest first); the chart shows the chosen range's end of it."""
        self._days, self._platforms = tuple(days), tuple(platforms)
        self._draw()

    def set_range(self, days: int) -> None:
        if days not in RANGES:
            raise ValueError(f"unsupported range {days}")
        button = self.buttons.button(days)
        if not button.isChecked():
            button.setChecked(True)
        if days != self._range:
            self._range = days
            self._draw()
            self.range_changed.emit(days)

    # ------------------------------------------------------------ drawing

    def _draw(self) -> None:
        plot = self.view.getPlotItem()
        plot.clear()
        shown = self._days[-self._range :]
        self._shown = shown
        platforms = [p for p in self._platforms if any(p in d.by_platform for d in shown)]
        self.legend.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{platform_colour(p).name()}">■</span> {labels.platform(p)}' for p in platforms
            )
        )
        if not shown:
            return
        x = np.arange(len(shown), dtype=float)
        base = np.zeros(len(shown))
        width = {30: 0.72, 90: 0.8}.get(self._range, 1.0)
        for platform in platforms:
            cents = np.array([_gmv(d, platform) for d in shown], dtype=float)  # plot coordinates, in cents
            colour = platform_colour(platform)
            bars = pg.BarGraphItem(x=x, y0=base.copy(), height=cents, width=width, brush=colour, pen=pg.mkPen(None))
            plot.addItem(bars)
            base += cents
        top_cents = max((sum(_gmv(d, p) for p in platforms) for d in shown), default=0)  # the tallest day
        plot.setYRange(0, max(top_cents * 1.08, 100.0), padding=0)
        plot.setXRange(-0.6, len(shown) + 0.4 + len(shown) / 60, padding=0)  # room for the last day's label
        self._axis.set_labels(_day_ticks([d.day for d in shown]))

    def _hover_text(self, x: float, _y: float) -> str | None:
        index = round(x)
        if not 0 <= index < len(self._shown):
            return None
        day = self._shown[index]
        lines = [f"{fmt.short_day(day.day)}  {fmt.money(day.total.gmv_cents)}"]
        lines.append(self.tr("%n paid order(s)", "", day.total.paid_orders))
        for platform in self._platforms:
            if platform in day.by_platform:
                lines.append(f"{labels.platform(platform)}  {fmt.money(day.by_platform[platform].gmv_cents)}")
        return "\n".join(lines)


def _gmv(day: DayFigures, platform: str) -> int:
    figures = day.by_platform.get(platform)
    return figures.gmv_cents if figures is not None else 0


def _day_ticks(days: Sequence[date]) -> list[tuple[float, str]]:
    """About six labels: every 5th day for a month, every other Monday for a quarter, month starts for a year."""
    if len(days) > 120:
        return [(i, _month(d)) for i, d in enumerate(days) if d.day == 1]
    if len(days) > 45:
        return [(i, fmt.short_day(d)) for i, d in enumerate(days) if d.weekday() == 0 and (d.toordinal() // 7) % 2 == 0]
    last = len(days) - 1
    return [(i, fmt.short_day(days[i])) for i in range(last % 5, len(days), 5)]


def _month(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, 1), "MMM")
