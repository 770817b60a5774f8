"""The month's best-selling SKUs by net sales: horizontal bars, the best on top."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from sellerdesk.services.reports import SkuFigures
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.charts.base import ChartView, LabelAxis, ValueAxis, elide, fixed_width_axis
from sellerdesk.ui.resources import theme_colour

LABEL_PIXELS = 190  # the SKU names' column, at most


def sku_label(sku: SkuFigures) -> str:
    """Seller code and title, as people know the SKU (unlinked lines: the platform's title)."""
    name = " ".join(part for part in (sku.title or sku.product, sku.spec) if part)
    return f"{sku.seller_code} {name}".strip() if sku.seller_code else name


class TopSkusChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = LabelAxis("left")
        super().__init__(
            left=self._axis, bottom=ValueAxis("bottom", lambda v: fmt.money_whole(round(v))), parent=parent
        )
        item = self.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.35)
        item.getAxis("bottom").setStyle(maxTickLevel=0)
        self._skus: tuple[SkuFigures, ...] = ()
        self.set_hover(self._hover_text)

    @property
    def skus(self) -> tuple[SkuFigures, ...]:
        return self._skus

    def set_skus(self, skus: Sequence[SkuFigures]) -> None:
        self._skus = tuple(skus)
        plot = self.getPlotItem()
        plot.clear()
        count = len(self._skus)
        names = [elide(sku_label(s), LABEL_PIXELS) for s in self._skus]
        fixed_width_axis(self._axis, names, LABEL_PIXELS + 14)
        if not count:
            self._axis.set_labels([])
            return
        # The best on top: row 0 is drawn highest.
        y = [count - 1 - i for i in range(count)]
        values = [s.goods.net_sales_cents / 100 for s in self._skus]
        bars = pg.BarGraphItem(x0=0, y=y, height=0.62, width=values, brush=theme_colour("accent"), pen=pg.mkPen(None))
        plot.addItem(bars)
        self._axis.set_labels(list(zip(y, names, strict=True)))
        plot.setYRange(-0.6, count - 0.4, padding=0)
        plot.setXRange(0, max(max(values) * 1.05, 1.0), padding=0)

    def _hover_text(self, _x: float, y: float) -> str | None:
        index = len(self._skus) - 1 - round(y)
        if not 0 <= index < len(self._skus):
            return None
        sku = self._skus[index]
        return self.tr("{sku}\nNet sales {net} · %n unit(s) · refunds {refunds}", "", sku.goods.units).format(
            sku=sku_label(sku), net=fmt.money(sku.goods.net_sales_cents), refunds=fmt.money(sku.goods.refund_cents)
        )
