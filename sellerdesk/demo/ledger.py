"""Stock movement rows of the demo, numbered in one sequence whoever writes them (order lines, the stock year)."""

from __future__ import annotations

from sellerdesk.demo.base import Ids, Sink, TimeText
from sellerdesk.services.stock import LINE_MOVEMENT_COLUMNS

MOVEMENT_COLUMNS = ("id", *LINE_MOVEMENT_COLUMNS, "staff_id", "import_batch_id")


class Movements:
    def __init__(self, sink: Sink, ids: Ids, clock: TimeText, warehouses: dict[str, int]) -> None:
        self.sink = sink
        self.ids = ids
        self.text = clock
        self.warehouses = warehouses
        self.next_id = ids.peek("stock_movements")

    def add(
        self,
        sku_id: int,
        warehouse: str,
        kind: str,
        on_hand: int,
        reserved: int,
        at: int,
        reason: str,
        *,
        staff: int | None = None,
        ref: str = "",
        item_id: int | None = None,
    ) -> None:
        # The sink hands out new buffers after each chunk: look the list up every time.
        self.sink.rows["stock_movements"].append(
            (
                self.next_id,
                sku_id,
                self.warehouses[warehouse],
                kind,
                on_hand,
                reserved,
                self.text(at),
                reason,
                item_id,
                ref,
                staff,
                None,
            )
        )
        self.next_id += 1

    def claim_ids(self) -> None:
        self.ids.claim_until("stock_movements", self.next_id)
