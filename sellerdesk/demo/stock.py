"""The demo's stock year around the sales: receipts, sorting of returns, stocktakes, corrections.

The order lines' own movements (reserved, out, back into returns) are written with the orders, by the app's
rule (``demo.orders``). Here each SKU's year is replayed from what they took out and brought back: receipts are
planned month by month from the next month's sales, so stock never goes negative; a few SKUs are left short at
the end so low-stock lists have hits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import pairwise

from sellerdesk.demo.base import CHINA_OFFSET, DAY, HOUR, Sink, day_of_number
from sellerdesk.demo.catalog import Catalog, SkuInfo
from sellerdesk.demo.data import PRODUCTS
from sellerdesk.demo.ledger import Movements
from sellerdesk.demo.orders import OrderStats
from sellerdesk.domain.enums import MovementKind, Role
from sellerdesk.services.stock import DEFECTS, MAIN, RETURNS

LOW_STOCK_SHARE = 0.1  # SKUs whose last receipt falls short
GOOD_RETURN_SHARE = 0.85  # returned units that pass inspection and go back to the main warehouse
STOCKTAKE_SHARE = 0.2  # SKUs with a difference at each quarterly stocktake
CORRECTIONS = 8


@dataclass
class _Ledger:
    """One SKU's running balances while its year is replayed."""

    sku: SkuInfo
    sold: dict[int, int] = field(default_factory=dict)
    returned: dict[int, int] = field(default_factory=dict)
    main: int = 0
    returns: int = 0
    period_sales: dict[int, int] = field(default_factory=dict)  # period start day → units sold in it


class StockWriter:
    def __init__(self, rng: random.Random, catalog: Catalog, sink: Sink, movements: Movements, as_of: int) -> None:
        self.rng = rng
        self.catalog = catalog
        self.sink = sink
        self.movements = movements
        self.as_of = as_of
        self.staff = catalog.staff_of(Role.PRODUCT_SPECIALIST)
        self.first_day = (catalog.start + CHINA_OFFSET) // DAY
        self.last_day = self.first_day + catalog.days - 1
        self.periods = self._period_starts()
        self.month_ends = {start - 1 for start in self.periods[1:]} | {self.last_day - 1}
        self.low_stock: list[int] = []  # SKU indexes ending under their reorder point

    def _period_starts(self) -> list[int]:
        """The first day, then every 1st of a month inside the window (receipts arrive then)."""
        starts = [self.first_day]
        for number in range(self.first_day + 1, self.last_day + 1):
            if day_of_number(number).day == 1:
                starts.append(number)
        return starts

    def write(self, stats: OrderStats) -> None:
        ledgers = [_Ledger(sku) for sku in self.catalog.skus]
        for (index, day), qty in stats.sold.items():
            ledgers[index].sold[day] = qty
        for (index, day), qty in stats.returned.items():
            ledgers[index].returned[day] = qty
        low = {i for i in range(len(ledgers)) if self.rng.random() < LOW_STOCK_SHARE}
        corrections = self._corrections(len(ledgers))
        for index, ledger in enumerate(ledgers):
            if ledger.sold:
                self._replay(ledger, index in low, corrections.get(index))
                if ledger.main < ledger.sku.reorder_point:
                    self.low_stock.append(index)
            if self.sink.full():
                self.sink.spill()
        self.sink.flush()
        self.movements.claim_ids()

    def _corrections(self, count: int) -> dict[int, int]:
        """A few SKUs get a correction on some day (SKU index → day number)."""
        return {
            int(self.rng.random() * count): self.first_day + 30 + int(self.rng.random() * (self.catalog.days - 40))
            for _ in range(CORRECTIONS)
        }

    def _replay(self, ledger: _Ledger, short: bool, correction_day: int | None) -> None:
        self._sum_periods(ledger)
        quarter_ends = {d for d in self.periods[1:] if day_of_number(d).month in (1, 4, 7, 10)}
        for day in range(self.first_day, self.last_day + 1):
            if day in ledger.period_sales:
                self._receipt(ledger, day, short and day == self.periods[-1])
            ledger.main -= ledger.sold.get(day, 0)  # the lines' own movements, written with the orders
            ledger.returns += ledger.returned.get(day, 0)
            if day in self.month_ends:
                self._sort_returns(ledger, day)
            if day + 1 in quarter_ends:
                self._stocktake(ledger, day)
            if day == correction_day:
                self._correct(ledger, day)

    def _sum_periods(self, ledger: _Ledger) -> None:
        bounds = [*self.periods, self.last_day + 1]
        for start, end in pairwise(bounds):
            sales = sum(ledger.sold.get(d, 0) for d in range(start, end))
            if sales:  # nothing is bought for a month without sales (not launched yet, or off the shelf)
                ledger.period_sales[start] = sales

    def _receipt(self, ledger: _Ledger, day: int, short: bool) -> None:
        sku, sales = ledger.sku, ledger.period_sales[day]
        if short:  # the last delivery is late: stock ends under the safety level
            target = int(sku.safety_stock * self.rng.uniform(0.0, 0.8))
            qty = max(0, sales + target - ledger.main)
        else:
            need = int(sales * self.rng.uniform(1.05, 1.3)) + sku.safety_stock - ledger.main
            qty = -(-need // sku.min_order_qty) * sku.min_order_qty if need > 0 else 0
        if qty <= 0:
            return
        first = day == self.first_day
        reason = "期初库存" if first else f"采购入库：{PRODUCTS[sku.product_index].supplier}"
        ref = f"RK-{day_of_number(day):%Y%m%d}-{sku.id:04d}"
        ledger.main += qty
        self._add(sku, MAIN, MovementKind.RECEIPT, qty, self._at(day - first, 10), reason, ref)

    def _sort_returns(self, ledger: _Ledger, day: int) -> None:
        """Month end: inspected returns go back to the main warehouse or to defects."""
        if ledger.returns <= 0:
            return
        good = round(ledger.returns * GOOD_RETURN_SHARE)
        ref = f"DB-{day_of_number(day):%Y%m}"
        at = self._at(day + 1, 0) - 1  # the end of the day: after every return the day brought
        for qty, target, reason in (
            (good, MAIN, "退货质检合格，转回主仓"),
            (ledger.returns - good, DEFECTS, "退货质检不合格，转次品仓"),
        ):
            if qty > 0:
                self._add(ledger.sku, RETURNS, MovementKind.TRANSFER_OUT, -qty, at, reason, ref)
                self._add(ledger.sku, target, MovementKind.TRANSFER_IN, qty, at, reason, ref)
        ledger.main += good
        ledger.returns = 0

    def _stocktake(self, ledger: _Ledger, day: int) -> None:
        if self.rng.random() >= STOCKTAKE_SHARE or ledger.main <= 0:
            return
        delta = max(-ledger.main, self.rng.choice((-3, -2, -1, -1, 1, 2)))
        quarter = (day_of_number(day).month - 1) // 3 + 1
        ref = f"PD-{day_of_number(day):%Y}Q{quarter}"
        ledger.main += delta
        self._add(ledger.sku, MAIN, MovementKind.STOCKTAKE, delta, self._at(day, 20), "季度盘点差异", ref)

    def _correct(self, ledger: _Ledger, day: int) -> None:
        delta = max(-ledger.main, self.rng.choice((-10, -5, 5, 10)))
        if delta:
            ledger.main += delta
            self._add(ledger.sku, MAIN, MovementKind.CORRECTION, delta, self._at(day, 11), "入库数量录错更正")

    def _at(self, day: int, hour: float) -> int:
        """China ``hour`` on ``day`` as a UTC instant, never after the demo clock."""
        return min(day * DAY - CHINA_OFFSET + int(hour * HOUR), self.as_of - 60)

    def _add(
        self, sku: SkuInfo, warehouse: str, kind: MovementKind, on_hand: int, at: int, reason: str, ref: str = ""
    ) -> None:
        self.movements.add(sku.id, warehouse, kind.value, on_hand, 0, at, reason, staff=self.staff, ref=ref)
