"""Orders: every platform's orders in one list, newest payment first."""

from __future__ import annotations

from typing import Any

from sellerdesk.services import browse
from sellerdesk.services.browse import OrderRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab


def _status(row: OrderRow) -> str:
    refund = labels.refund_state(row.refund_state)
    status = labels.order_status(row.status)
    return f"{status} · {refund}" if refund and refund != status else status


class OrdersTab(ListTab):
    key = "orders"
    icon_name = "orders"
    stale_on = frozenset({"orders", "shops"})
    default_sort = ("paid_at", True)

    def title(self) -> str:
        return self.tr("Orders")

    def source(self) -> Source[Any]:
        return Source(browse.count_orders, browse.order_page)

    def columns(self) -> list[Column[Any]]:
        # Amount and buyer columns have no index to sort a million orders by, so they do not sort.
        return [
            Column("platform", self.tr("Platform"), lambda r: labels.platform(r.platform), width=100),
            Column("shop", self.tr("Shop"), lambda r: r.shop, width=130),
            Column("platform_order_id", self.tr("Order ID"), lambda r: r.platform_order_id, width=170),
            Column("status", self.tr("Status"), _status, width=115),
            Column("paid_at", self.tr("Paid at"), lambda r: fmt.local_time(r.paid_at), width=135, newest_first=True),
            Column("paid_cents", self.tr("Paid"), lambda r: fmt.money(r.paid_cents), RIGHT, 100, sortable=False),
            Column(
                "refund_cents",
                self.tr("Refunded"),
                lambda r: fmt.money(r.refund_cents) if r.refund_cents else "",
                RIGHT,
                85,
                sortable=False,
            ),
            Column("buyer_nick", self.tr("Buyer"), lambda r: r.buyer_nick, width=120, sortable=False),
            Column(
                "tracking_no",
                self.tr("Tracking"),
                lambda r: f"{r.carrier} {r.tracking_no}".strip(),
                width=150,
                full_tooltip=True,
            ),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln order(s)", "", count)

    def empty_text(self) -> str:
        return self.tr(
            "No orders yet.\nOrders from Taobao/Tmall, JD, Pinduoduo and Douyin appear here once their order "
            "exports are imported."
        )

    def search_help(self) -> str:
        return self.tr(
            "Finds the orders whose order ID, buyer, receiver, phone, tracking number, seller codes or "
            "item titles contain the text you type."
        )

    def search_placeholder(self) -> str:
        return self.tr("Search order ID, buyer, tracking no., seller code, item…")
