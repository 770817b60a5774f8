"""Order import service, on SQLite and PostgreSQL: exact figures, idempotency, undo, no regression."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import OrderStatus
from sellerdesk.models import ImportBatch, Order, OrderItem, Sku
from sellerdesk.services.catalog import import_catalog
from sellerdesk.services.imports import ORDER_CHUNK, ImportOptions, ImportRefused, import_paths, undo_batch
from sellerdesk.services.reports import monthly_figures

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
ORDER_FILES = [
    "ExportOrderList202609030915.csv",
    "ExportOrderDetailList202609030915.csv",
    "jd_orders.csv",
    "pdd_orders.csv",
    "douyin_orders.csv",
]
EXPECTED: dict[str, Any] = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
FIGURE_KEYS = ("paid_orders", "gmv_cents", "refund_cents", "refunded_orders", "net_sales_cents", "units", "aov_cents")


def _files(names: list[str] = ORDER_FILES) -> list[Path]:
    return [SAMPLES / n for n in names]


def _snapshot(session: Session) -> dict[str, Any]:
    """Every order and line as plain tuples, to compare the whole database before and after."""
    orders = session.execute(select(Order.__table__).order_by(Order.id)).all()
    items = session.execute(select(OrderItem.__table__).order_by(OrderItem.id)).all()
    return {"orders": [tuple(r) for r in orders], "items": [tuple(r) for r in items]}


def _figures(session: Session) -> dict[str, Any]:
    return monthly_figures(session, 2026, 8).to_json()


def test_sample_exports_give_the_expected_figures(session: Session) -> None:
    import_catalog(session, SAMPLES / "catalog.xlsx")
    results = import_paths(session, _files())
    got = _figures(session)
    for key in FIGURE_KEYS:
        assert got[key] == EXPECTED[key], key
    assert set(got["by_platform"]) == set(EXPECTED["by_platform"])
    for platform, expected in EXPECTED["by_platform"].items():
        for key in FIGURE_KEYS:
            assert got["by_platform"][platform][key] == expected[key], (platform, key)
    assert session.scalar(select(func.count()).select_from(Order)) == EXPECTED["all_orders_in_files"]
    unlinked = session.scalar(select(func.count()).select_from(OrderItem).where(OrderItem.sku_id.is_(None)))
    assert unlinked == EXPECTED["unknown_code_lines"]
    assert all(not r.problems for r in results)


def test_the_same_files_twice_change_nothing(session: Session) -> None:
    import_paths(session, _files())
    before = _snapshot(session)
    again = import_paths(session, _files())
    assert all(r.created == 0 and r.updated == 0 for r in again), [(r.file_name, r.updated) for r in again]
    assert sum(r.unchanged for r in again) > 0
    assert _snapshot(session) == before


@pytest.mark.parametrize("order", ["orders_first", "items_first"])
def test_taobao_pair_in_either_order(session: Session, order: str) -> None:
    pair = ORDER_FILES[:2] if order == "orders_first" else ORDER_FILES[1::-1]
    for name in pair:  # one after the other, as two separate imports
        import_paths(session, _files([name]))
    taobao = _figures(session)["by_platform"]["taobao"]
    for key in FIGURE_KEYS:
        assert taobao[key] == EXPECTED["by_platform"]["taobao"][key], key


def test_undo_restores_exactly(session: Session) -> None:
    first = import_paths(session, _files(["jd_orders.csv"]))
    after_first = _snapshot(session)
    second = import_paths(session, _files(["pdd_orders.csv", "douyin_orders.csv"]))
    for result in reversed(second):
        assert result.batch_id is not None
        undo_batch(session, result.batch_id)
    assert _snapshot(session) == after_first
    assert first[0].batch_id is not None
    undo_batch(session, first[0].batch_id)
    assert session.scalar(select(func.count()).select_from(Order)) == 0
    assert {b.status for b in session.scalars(select(ImportBatch))} == {"undone"}


def _pdd_variant(tmp_path: Path, name: str, replace: tuple[str, str]) -> Path:
    text = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig")
    header, first, *_ = text.splitlines()
    assert replace[0] in first
    path = tmp_path / name
    path.write_text(header + "\n" + first.replace(*replace) + "\n", encoding="utf-8-sig")
    return path


def test_an_older_export_never_moves_an_order_backwards(session: Session, tmp_path: Path) -> None:
    newer = _pdd_variant(tmp_path, "newer.csv", ("已发货，待签收", "已签收"))
    older = _pdd_variant(tmp_path, "older.csv", ("已发货，待签收", "待发货"))
    import_paths(session, [newer])
    result = import_paths(session, [older])[0]
    order = session.scalars(select(Order)).one()
    assert order.status == OrderStatus.COMPLETED
    assert result.updated == 0


def test_a_newer_export_updates_what_changed(session: Session, tmp_path: Path) -> None:
    older = _pdd_variant(tmp_path, "older.csv", ("已发货，待签收", "待发货"))
    newer = _pdd_variant(tmp_path, "newer.csv", ("已发货，待签收", "已签收"))
    import_paths(session, [older])
    result = import_paths(session, [newer])[0]
    assert (result.created, result.updated) == (0, 1)
    assert session.scalars(select(Order)).one().status == OrderStatus.COMPLETED


def test_undo_of_a_batch_that_recorded_columns_since_dropped(session: Session, tmp_path: Path) -> None:
    """A batch imported before migration 0012 recorded previous values of columns that no longer exist."""
    from sellerdesk.models import ImportChange

    def content() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:  # an undo bumps the version
        columns = [c for c in Order.__table__.c if c.name not in ("version", "updated_at")]
        return [tuple(r) for r in session.execute(select(*columns).order_by(Order.id))], _snapshot(session)["items"]

    import_paths(session, [_pdd_variant(tmp_path, "older.csv", ("已发货，待签收", "待发货"))])
    after_first = content()
    result = import_paths(session, [_pdd_variant(tmp_path, "newer.csv", ("已发货，待签收", "已签收"))])[0]
    assert result.batch_id is not None and result.updated == 1
    changes = session.scalars(select(ImportChange).where(ImportChange.batch_id == result.batch_id)).all()
    updated = [c for c in changes if c.action == "updated"]
    assert updated
    for change in updated:
        change.before = {**(change.before or {}), "close_reason": "", "locked": False, "imported_at": "2026-08-01"}
    line_id = session.scalars(select(OrderItem.id)).first()
    assert line_id is not None
    session.add(ImportChange(batch_id=result.batch_id, table_name="order_items", row_id=line_id, action="updated",
                             before={"carrier": "中通快递", "status_raw": "待发货"}))  # fmt: skip
    session.flush()
    undo_batch(session, result.batch_id)
    assert content() == after_first
    assert session.scalars(select(Order.status)).one() == OrderStatus.PAID


def test_a_bad_file_refuses_the_whole_run(session: Session, tmp_path: Path) -> None:
    import_paths(session, _files(["jd_orders.csv"]))
    before = _snapshot(session)
    bad = _pdd_variant(tmp_path, "bad_money.csv", ("0.00,99.00,99.00", "0.00,九十九,99.00"))
    with pytest.raises(ImportRefused) as info:
        import_paths(session, [SAMPLES / "douyin_orders.csv", bad])
    problems = [p for r in info.value.results for p in r.problems]
    assert problems
    assert problems[0].file == "bad_money.csv"
    assert problems[0].row == 2
    assert problems[0].value == "九十九"
    assert "实" in problems[0].column or "金额" in problems[0].column
    assert _snapshot(session) == before
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == 1


def test_valid_rows_can_be_accepted_and_the_batch_says_so(session: Session, tmp_path: Path) -> None:
    text = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    text[1] = text[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    path = tmp_path / "partly_bad.csv"
    path.write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    result = import_paths(session, [path], options=ImportOptions(accept_valid_rows=True))[0]
    assert result.refused == 1
    assert result.created == len(text) - 2
    batch = session.get(ImportBatch, result.batch_id)
    assert batch is not None
    assert batch.partial
    assert batch.refused == 1
    assert batch.problems[0]["value"] == "九十九"


def test_catalog_links_lines_imported_before_their_codes(session: Session) -> None:
    import_paths(session, _files(["douyin_orders.csv"]))
    unlinked_before = session.scalar(select(func.count()).where(OrderItem.sku_id.is_(None)))
    result = import_catalog(session, SAMPLES / "catalog.xlsx")
    assert result.created == session.scalar(select(func.count()).select_from(Sku))
    assert result.relinked_lines > 0
    unlinked_after = session.scalar(select(func.count()).where(OrderItem.sku_id.is_(None)))
    assert unlinked_after == unlinked_before - result.relinked_lines


def test_samples_copied_from_shared_are_intact() -> None:
    for name in [*ORDER_FILES, "catalog.xlsx", "expected.json"]:
        assert (SAMPLES / name).stat().st_size > 0


def test_an_unknown_layout_imports_with_a_saved_mapping(session: Session, tmp_path: Path) -> None:
    from sellerdesk.domain.enums import Platform
    from sellerdesk.domain.errors import ImportFileError
    from sellerdesk.platforms import read_export
    from sellerdesk.platforms.generic import MappingSpec
    from sellerdesk.services.mappings import save_mapping

    path = tmp_path / "kuaishou_orders.csv"
    path.write_text(
        "订单号,付款时间,商品数量,实付款,商品名称,SKU编码\n"
        "2611000000000001,2026-08-02 10:00:00,2,99.80,小林家居 乳胶枕,LJ-1002-3M\n"
        "2611000000000002,2026-08-03 11:00:00,1,49.90,小林家居 毛巾,LJ-1006-2S\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as info:
        import_paths(session, [path])
    assert info.value.code == "not_an_export"
    header = read_export(path).header
    mapping = {"order_id": "订单号", "paid_at": "付款时间", "qty": "商品数量", "order_paid": "实付款",
               "title": "商品名称", "seller_code": "SKU编码"}  # fmt: skip
    save_mapping(session, header, MappingSpec(Platform.KUAISHOU, mapping, "快手小店"))
    (result,) = import_paths(session, [path])  # next time: no question asked
    assert (result.platform, result.shop, result.created) == ("kuaishou", "快手小店", 2)
    figures = _figures(session)["by_platform"]["kuaishou"]
    assert (figures["paid_orders"], figures["gmv_cents"], figures["units"]) == (2, 14970, 3)


def test_preview_says_what_each_file_is_and_writes_nothing(session: Session, tmp_path: Path) -> None:
    from sellerdesk.services.imports import preview_paths

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    other = tmp_path / "notes.csv"
    other.write_text("日期,内容\n2026-08-01,开会\n", encoding="utf-8")
    previews = preview_paths(session, [SAMPLES / "ExportOrderList202609030915.csv", SAMPLES / "pdd_orders.csv",
                                       empty, other])  # fmt: skip
    taobao, pdd, bad, unknown = previews
    assert (taobao.platform, taobao.kind, taobao.shop, taobao.orders) == (
        "taobao",
        "taobao_orders",
        "小林家居旗舰店",
        400,
    )
    assert (pdd.platform, pdd.rows, pdd.problems) == ("pdd", 300, ())
    assert (bad.importable, bad.error_code) == (False, "empty_file")
    assert unknown.needs_mapping
    assert unknown.header == ("日期", "内容")
    assert session.scalar(select(func.count()).select_from(Order)) == 0


def test_stock_and_daily_roll_up_follow_imports_and_undo(session: Session) -> None:
    from datetime import date

    from sellerdesk.models import StockMovement
    from sellerdesk.services.rollup import sum_orders_by_day, sum_rollup_by_day
    from sellerdesk.services.stock import stock_balances

    import_catalog(session, SAMPLES / "catalog.xlsx")
    (result,) = import_paths(session, _files(["pdd_orders.csv"]))
    first, last = date(2026, 7, 1), date(2026, 9, 30)
    # Both are unordered row sets (a GROUP BY, a table read): compared sorted, not in the order a backend returns.
    assert sorted(sum_rollup_by_day(session, first, last)) == sorted(sum_orders_by_day(session, first, last))
    linked = session.scalar(select(func.count()).select_from(OrderItem).where(OrderItem.sku_id.is_not(None)))
    booked = session.scalar(select(func.count(func.distinct(StockMovement.order_item_id))))
    assert 0 < booked <= linked  # lines of paid orders are reserved or shipped out; cancelled ones book nothing
    reserved = sum(b.reserved for b in stock_balances(session))
    to_ship = session.scalar(
        select(func.coalesce(func.sum(OrderItem.qty), 0))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.status == "paid", OrderItem.sku_id.is_not(None))
    )
    assert reserved == to_ship
    assert result.batch_id is not None
    undo_batch(session, result.batch_id)
    assert (
        session.scalar(select(func.count()).select_from(StockMovement).where(StockMovement.order_item_id.is_not(None)))
        == 0
    )
    assert sum(b.reserved for b in stock_balances(session)) == 0
    assert sum_rollup_by_day(session, first, last) == sum_orders_by_day(session, first, last) == []


@pytest.mark.parametrize("name", ORDER_FILES)
def test_insert_rows_are_the_stated_values_over_the_defaults(name: str) -> None:
    """Inserts build whole rows as tuples; merges use the stated values. Both say the same of each order."""
    from sellerdesk.domain.orders import cap_refund
    from sellerdesk.domain.records import FileKind
    from sellerdesk.platforms import parse_file
    from sellerdesk.services import order_merge as om

    parsed = parse_file(SAMPLES / name)
    from_lines = parsed.kind == FileKind.TAOBAO_ITEMS
    for record in parsed.orders:
        expected: dict[str, Any] = dict.fromkeys(om.ORDER_TEXT_FIELDS, "")
        expected.update(dict.fromkeys(om.ORDER_AMOUNT_FIELDS, 0))
        expected.update(dict.fromkeys(om.ORDER_TIME_FIELDS))
        expected.update(buyer_id=7, units=0, refund_cents=0)
        expected.update(om.order_values(record, amounts_from_lines=from_lines))
        expected["refund_cents"] = cap_refund(expected["refund_cents"], expected["paid_cents"])
        row = om.new_order_row(record, amounts_from_lines=from_lines, buyer_id=7)
        assert dict(zip(om.ORDER_COLUMNS, row, strict=True)) == expected, record.order_id


def test_buyers_are_created_once_and_linked(session: Session) -> None:
    from sellerdesk.models import Buyer
    from sellerdesk.services.imports import is_identifying_nick

    import_paths(session, _files(["jd_orders.csv"]))
    orders = session.execute(select(Order.buyer_nick, Order.buyer_id, Buyer.nick).outerjoin(Buyer)).all()
    assert any(buyer_id is not None for _, buyer_id, _ in orders)
    for nick, buyer_id, buyer_nick in orders:
        assert (buyer_id is not None) == is_identifying_nick(nick), nick
        assert buyer_nick in (None, nick)
    buyers = session.scalar(select(func.count()).select_from(Buyer))
    import_paths(session, _files(["jd_orders.csv"]))
    assert session.scalar(select(func.count()).select_from(Buyer)) == buyers


def _many_pdd_orders(tmp_path: Path, count: int, *, last: tuple[str, str] | None = None) -> Path:
    """A PDD export of ``count`` orders (the sample's first row with new ids); ``last`` edits the last row."""
    header, first, *_ = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    rows = [first.replace("260731-216766565177693", f"260731-{n:015d}") for n in range(count)]
    if last is not None:
        rows[-1] = rows[-1].replace(*last)
    path = tmp_path / f"pdd_{count}.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def test_a_problem_after_written_batches_still_changes_nothing(session: Session, tmp_path: Path) -> None:
    # Orders are written while the rest of the file is parsed: a problem in the last row comes after
    # several batches were written, and the whole file must still be refused.
    import_paths(session, _files(["jd_orders.csv"]))
    before = _snapshot(session)
    batches = session.scalar(select(func.count()).select_from(ImportBatch))
    path = _many_pdd_orders(tmp_path, 2 * ORDER_CHUNK + 10, last=("0.00,99.00,99.00", "0.00,九十九,99.00"))
    with pytest.raises(ImportRefused) as info:
        import_paths(session, [path])
    (result,) = info.value.results
    assert [p.row for p in result.problems] == [2 * ORDER_CHUNK + 11]
    assert result.rows == 2 * ORDER_CHUNK + 10
    assert _snapshot(session) == before
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == batches
    assert _indexes_missing(session) == set()  # dropped for the large first import, back with the rollback
    (ok,) = import_paths(session, [_many_pdd_orders(tmp_path, 2 * ORDER_CHUNK + 10)])
    assert ok.created == 2 * ORDER_CHUNK + 10  # the same session imports the good file afterwards
    assert _indexes_missing(session) == set()  # and built again after it


def test_reimport_reads_the_stored_orders_in_lookups_within_the_bound_value_limit(
    session: Session, tmp_path: Path, backend: str
) -> None:
    import sqlite3

    path = _many_pdd_orders(tmp_path, 1100)
    import_paths(session, [path])
    before = _snapshot(session)
    limit = None
    if backend == "sqlite":  # SQLite's limit before 3.32: the stored orders and lines are read in two lookups a batch
        dbapi = session.connection().connection.driver_connection
        assert isinstance(dbapi, sqlite3.Connection)
        limit = dbapi.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    try:
        (again,) = import_paths(session, [path])
        unchanged = _snapshot(session)
        newer = _many_pdd_orders(tmp_path, 1100, last=("已发货，待签收", "已签收"))
        (update,) = import_paths(session, [newer])
    finally:
        if limit is not None:
            dbapi.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1100)
    assert unchanged == before
    assert (update.created, update.updated, update.unchanged) == (0, 1, 1099)
    status = session.scalar(select(Order.status).where(Order.platform_order_id == "260731-000000000001099"))
    assert status == "completed"


def _indexes_missing(session: Session) -> set[str]:
    """Indexes the models declare on orders and their lines that the database lacks."""
    from sqlalchemy import Table, inspect

    missing = set()
    for table in (Order.__table__, OrderItem.__table__):
        assert isinstance(table, Table)
        present = {i["name"] for i in inspect(session.connection()).get_indexes(table.name)}
        missing |= {str(i.name) for i in table.indexes} - present
    return missing


def test_a_file_sorted_apart_imports_like_the_original(session: Session, tmp_path: Path) -> None:
    # Someone sorted the JD export in Excel: an order's rows are no longer together. The streamed parse
    # notices, and the file is imported whole, to the same orders and figures.
    original = SAMPLES / "jd_orders.csv"
    header, *rows = original.read_text(encoding="gb18030").splitlines()
    assert rows[0].split(",")[0] == rows[1].split(",")[0]  # the first order has two rows
    moved = tmp_path / "jd_sorted.csv"
    moved.write_text("\n".join([header, *rows[1:], rows[0]]) + "\n", encoding="gb18030")

    def outcome(path: Path) -> tuple[Any, ...]:
        (result,) = import_paths(session, [path])
        lines = session.execute(select(OrderItem.sub_order_id, OrderItem.qty, OrderItem.paid_cents)).all()
        orders = session.execute(select(Order.platform_order_id, Order.paid_cents, Order.units, Order.status)).all()
        return result.created, sorted(orders), sorted(lines), _figures(session)

    savepoint = session.begin_nested()
    expected = outcome(original)
    savepoint.rollback()
    assert outcome(moved) == expected


def test_a_cancelled_import_stops_its_parser(session: Session, tmp_path: Path) -> None:
    import threading

    from sellerdesk.domain.errors import Cancelled

    path = _many_pdd_orders(tmp_path, 3 * ORDER_CHUNK)
    calls: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        import_paths(session, [path], progress=lambda done, total: calls.append((done, total)),
                     cancelled=lambda: len(calls) >= 1)  # fmt: skip
    assert not [t for t in threading.enumerate() if t.name.startswith("parse ")]
    assert calls and calls[0][1] >= 3 * ORDER_CHUNK  # progress in rows, of an estimated total


def test_a_file_broken_after_written_batches_changes_nothing(session: Session, tmp_path: Path) -> None:
    from sellerdesk.domain.errors import ImportFileError

    import_paths(session, _files(["jd_orders.csv"]))
    before = _snapshot(session)
    path = _many_pdd_orders(tmp_path, 2 * ORDER_CHUNK + 10)
    with path.open("a", encoding="utf-8") as fh:  # a cell beyond the csv module's field limit: unreadable
        fh.write('x,260731-999999999999999,"' + "长" * 200_000 + '"\n')
    with pytest.raises(ImportFileError) as info:
        import_paths(session, [path])
    assert info.value.code == "cell_too_long"
    assert _snapshot(session) == before
