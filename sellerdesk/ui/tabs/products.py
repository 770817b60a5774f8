"""Products: the catalog's SKUs with price, cost and stock from the ledger."""

from __future__ import annotations

from typing import Any

from sellerdesk.services import browse
from sellerdesk.services.browse import ProductRow
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.tablemodels.paged import RIGHT, Column, Source
from sellerdesk.ui.tabs.list_tab import ListTab


class ProductsTab(ListTab):
    key = "products"
    icon_name = "products"
    stale_on = frozenset({"products", "stock"})
    default_sort = ("seller_code", False)

    def title(self) -> str:
        return self.tr("Products")

    def source(self) -> Source[Any]:
        return Source(browse.count_products, browse.product_page)

    def columns(self) -> list[Column[Any]]:
        def low_stock(row: ProductRow) -> str:
            if not row.low_stock:
                return ""
            return self.tr("Below the safety stock of {count}").format(count=fmt.count(row.safety_stock))

        return [
            Column("seller_code", self.tr("Seller code"), lambda r: r.seller_code, width=150),
            Column("title", self.tr("Title"), lambda r: r.title, width=300, full_tooltip=True),
            Column("spec", self.tr("Variant"), lambda r: r.spec, width=220, full_tooltip=True),
            Column("price", self.tr("Price"), lambda r: fmt.money(r.price_cents), RIGHT, 100, newest_first=True),
            Column("cost", self.tr("Cost"), lambda r: fmt.money(r.cost_cents), RIGHT, 100, newest_first=True),
            Column("on_hand", self.tr("On hand"), lambda r: fmt.count(r.on_hand), RIGHT, 90),
            Column("available", self.tr("Available"), lambda r: fmt.count(r.available), RIGHT, 100, warning=low_stock),
            Column("safety_stock", self.tr("Safety stock"), lambda r: fmt.count(r.safety_stock), RIGHT, 100),
        ]

    def count_text(self, count: int) -> str:
        return self.tr("%Ln SKU(s)", "", count)

    def empty_text(self) -> str:
        return self.tr(
            "No products yet.\nSKUs appear here with their seller codes once the catalog is filled in "
            "or order exports are imported."
        )

    def search_placeholder(self) -> str:
        return self.tr("Search seller code, title, variant or barcode")
