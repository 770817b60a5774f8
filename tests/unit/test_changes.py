"""Every mutating service says what it changed (its ``Changes``): the runner broadcasts exactly that, so no
screen has to declare what a service touched, and an undo names the same kinds as what it undoes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy.orm import Session

from sellerdesk import demo
from sellerdesk.domain.changes import ALL, Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.services import catalog, imports, mappings

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
NOTHING = Changes()


def test_an_import_and_its_undo_name_the_same_kinds(session: Session) -> None:
    checked = imports.import_paths(session, [SAMPLES / "jd_orders.csv"], options=imports.ImportOptions(dry_run=True))
    assert checked.changes == NOTHING  # a dry run keeps nothing
    results = imports.import_paths(session, [SAMPLES / "jd_orders.csv"])
    assert results.changes == imports.IMPORTED
    assert {"orders", "stock", "products", "shops", "imports", "tickets"} == {  # a refund export opens tickets
        k for k, v in dataclasses.asdict(results.changes).items() if v
    }
    (result,) = results  # still the list of each file's result
    assert result.batch_id is not None
    assert imports.undo_batch(session, result.batch_id) == results.changes


def test_a_catalog_import_says_what_it_wrote(session: Session) -> None:
    result = catalog.import_catalog(session, SAMPLES / "catalog.xlsx")
    assert result.created and result.changes == Changes(products=True, orders=True, stock=True)
    assert catalog.CatalogResult(file_name="empty.xlsx").changes == NOTHING


def test_saving_a_column_mapping_may_add_a_shop(session: Session) -> None:
    header = ["订单号", "付款时间", "商品数量", "实付款"]
    mapping = {"order_id": "订单号", "paid_at": "付款时间", "qty": "商品数量", "order_paid": "实付款"}
    saved = mappings.save_mapping(session, header, MappingSpec(Platform.KUAISHOU, mapping, "快手小店"))
    assert saved.changes == Changes(shops=True) and saved.mapping.shop == "快手小店"


def test_the_demo_shop_changes_everything() -> None:
    counts = {f.name: 0 for f in dataclasses.fields(demo.DemoSummary)}
    assert demo.DemoSummary(**counts).changes == ALL
