"""The refund rate of each of the last 12 months, by payment month (docs/metrics.md)."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QWidget

from sellerdesk.services.reports import MonthRefunds
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.charts.base import ChartView, LabelAxis, ValueAxis
from sellerdesk.ui.resources import theme_colour


def _month_label(month: str, with_year: bool) -> str:
    year, number = (int(part) for part in month.split("-"))
    layout = (
        QCoreApplication.translate("RefundTrendChart", "MMM yyyy", "date format: Qt QDate pattern, month and year")
        if with_year
        else "MMM"
    )
    return QLocale().toString(QDate(year, number, 1), layout)


class RefundTrendChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("bottom")
        super().__init__(
            bottom=self._axis, left=ValueAxis("left", lambda v: fmt.percent_bp(round(v * 100))), parent=parent
        )
        self._months: tuple[MonthRefunds, ...] = ()
        self._partial = True
        self.set_hover(self._hover_text)

    @property
    def months(self) -> tuple[MonthRefunds, ...]:
        return self._months

    def set_months(self, months: Sequence[MonthRefunds], *, last_is_partial: bool = True) -> None:
        """The months oldest first; the last one (this month, still running) is drawn open and dashed."""
        self._months = tuple(months)
        self._partial = last_is_partial
        plot = self.getPlotItem()
        plot.clear()
        if not self._months:
            self._axis.set_labels([])
            return
        count = len(self._months)
        rates = [m.figures.refund_rate_bp / 100 for m in self._months]  # percent, for drawing only
        colour, surface = theme_colour("danger"), theme_colour("surface")
        whole = count - 1 if last_is_partial and count > 1 else count
        plot.addItem(
            pg.PlotDataItem(
                list(range(whole)),
                rates[:whole],
                pen=pg.mkPen(colour, width=2),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=pg.mkPen(surface, width=1),
            )
        )
        if whole < count:
            plot.addItem(
                pg.PlotDataItem(
                    [count - 2, count - 1],
                    rates[-2:],
                    pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine),
                    symbol=["o", "o"],
                    symbolSize=7,
                    symbolBrush=[colour, surface],
                    symbolPen=pg.mkPen(colour, width=1.5),
                )
            )
        # Every other month is labelled, always the last one; the year with the first month and with January.
        self._axis.set_labels(
            [
                (i, _month_label(m.month, i == 0 or m.month.endswith("-01")))
                for i, m in enumerate(self._months)
                if i % 2 == (count - 1) % 2 or i == 0
            ]
        )
        plot.setXRange(-0.5, count - 0.1, padding=0)  # room for the last month's label (pyqtgraph drops cut ones)
        plot.setYRange(0, max(max(rates) * 1.2, 1.0), padding=0)

    def _hover_text(self, x: float, _y: float) -> str | None:
        index = round(x)
        if not 0 <= index < len(self._months):
            return None
        month = self._months[index]
        figures = month.figures
        text = self.tr("{month}: refund rate {rate}\n%n refunded of {orders} paid orders", "", figures.refunded_orders)
        text = text.format(
            month=_month_label(month.month, True),
            rate=fmt.percent_bp(figures.refund_rate_bp),
            orders=fmt.count(figures.paid_orders),
        )
        if self._partial and index == len(self._months) - 1:
            text += "\n" + self.tr("This month so far: refunds of recent orders are still to come.")
        return text
