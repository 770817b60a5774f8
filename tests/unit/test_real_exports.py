"""Real downloads that sellers published (tests/data/real, personal data masked), imported as a shop would,
on SQLite and PostgreSQL, and compared key by key with figures computed here by hand from the files.

Taobao 2019: four order/item pairs of one shop (one order file re-saved in Excel, one item file with a
mojibake status, one pair trimmed). Tmall 2026: the 千牛 xlsx (54 columns, 总金额 is a list price).
Pinduoduo June 2026: a full download, and an older one re-saved in Excel (times without seconds).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.models import Order
from sellerdesk.platforms import parse_file
from sellerdesk.services.imports import import_paths
from sellerdesk.services.reports import monthly_figures

REAL = Path(__file__).parent.parent / "data" / "real"
STAMPS = ("201903101120", "201903121048", "201903141540", "201903291704")


def _order_file(stamp: str) -> Path:
    return REAL / f"Mac-Python-3.X__ExportOrderList{stamp}.csv"


def _item_file(stamp: str) -> Path:
    return REAL / f"Mac-Python-3.X__ExportOrderDetailList{stamp}.csv"


def _csv_rows(path: Path) -> list[dict[str, str]]:
    encoding = "gb18030" if "101120" in path.name and "OrderList" in path.name else "utf-8"
    with path.open(encoding=encoding, newline="") as fh:
        return [{k.strip(): v.strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _cents(text: str) -> int:
    return int(Decimal(text.removesuffix("元") or "0") * 100)


@dataclass
class Hand:
    """Monthly figures computed from the files themselves (metrics.md)."""

    paid_orders: int = 0
    gmv_cents: int = 0
    refund_cents: int = 0
    refunded_orders: int = 0
    units: int = 0

    def add(self, gross: int, refund: int, units: int) -> None:
        self.paid_orders += 1
        self.gmv_cents += gross
        self.refund_cents += refund
        self.refunded_orders += refund > 0
        self.units += units

    def expect(self) -> dict[str, int]:
        aov = (self.gmv_cents * 2 + self.paid_orders) // (2 * self.paid_orders) if self.paid_orders else 0
        return {
            "paid_orders": self.paid_orders,
            "gmv_cents": self.gmv_cents,
            "refund_cents": self.refund_cents,
            "refunded_orders": self.refunded_orders,
            "net_sales_cents": self.gmv_cents - self.refund_cents,
            "units": self.units,
            "aov_cents": aov,
        }


def _figures(session: Session, year: int, month: int) -> dict[str, int]:
    got = monthly_figures(session, year, month).to_json()
    return {k: got[k] for k in Hand().expect()}


def _taobao_2019_by_hand() -> dict[str, int]:
    """Each order as the newest order file that lists it says (gross = 买家实际支付金额 + 退款金额); units
    from the newest item file that lists the order."""
    newest: dict[str, dict[str, str]] = {}
    units: dict[str, int] = {}
    for stamp in STAMPS:  # oldest first: later files overwrite
        newest.update({_digits(r["订单编号"]): r for r in _csv_rows(_order_file(stamp))})
        lines: dict[str, int] = {}
        for row in _csv_rows(_item_file(stamp)):
            key = _digits(row["订单编号"])
            lines[key] = lines.get(key, 0) + int(row["购买数量"])
        units.update(lines)
    hand = Hand()
    for order_id, row in newest.items():
        if row["订单付款时间"] in ("", "null"):
            continue
        refund = _cents(row["退款金额"])
        hand.add(_cents(row["买家实际支付金额"]) + refund, refund, units[order_id])
    return hand.expect()


def test_taobao_2019_all_files_at_once(session: Session) -> None:
    files = [f(stamp) for stamp in STAMPS for f in (_order_file, _item_file)]
    results = import_paths(session, files)
    got = _figures(session, 2019, 3)
    assert got == _taobao_2019_by_hand()
    assert (got["paid_orders"], got["units"]) == (116, 149)
    assert got["refunded_orders"] == 7 and got["gmv_cents"] == 618_760  # the refunded orders' money counts
    assert all(not r.problems for r in results)


@pytest.mark.parametrize(
    "order",
    [STAMPS[::-1], (STAMPS[2], STAMPS[3], STAMPS[0], STAMPS[1]), (STAMPS[3], STAMPS[0], STAMPS[2], STAMPS[1])],
    ids=["newest-first", "mixed-1", "mixed-2"],
)
def test_taobao_2019_pair_by_pair_in_any_order(session: Session, order: tuple[str, ...]) -> None:
    for stamp in order:
        import_paths(session, [_item_file(stamp), _order_file(stamp)])
        session.commit()
    assert _figures(session, 2019, 3) == _taobao_2019_by_hand()


def test_trimmed_pair_names_its_item_file_only_orders(session: Session) -> None:
    stamp = STAMPS[0]
    in_order_file = {_digits(r["订单编号"]) for r in _csv_rows(_order_file(stamp))}
    item_only = [_digits(r["订单编号"]) for r in _csv_rows(_item_file(stamp))]
    item_only = list(dict.fromkeys(i for i in item_only if i not in in_order_file))
    assert len(item_only) == 30

    orders_result, items_result = import_paths(session, [_item_file(stamp), _order_file(stamp)])
    assert orders_result.incomplete_orders == 0
    assert items_result.incomplete_orders == 30
    assert list(items_result.incomplete_examples) == item_only[:10]
    assert items_result.to_json()["incomplete_orders"] == {"count": 30, "first": item_only[:10]}
    stored = session.scalars(select(Order.platform_order_id).where(Order.incomplete)).all()
    assert sorted(stored) == sorted(item_only)
    # Incomplete orders are in no figure: the month counts the order file's paid orders only.
    paid_in_file = [r for r in _csv_rows(_order_file(stamp)) if r["订单付款时间"]]
    assert _figures(session, 2019, 3)["paid_orders"] == len(paid_in_file)


def test_mojibake_status_is_named_not_silently_dropped(session: Session) -> None:
    stamp = STAMPS[2]
    rows = _csv_rows(_item_file(stamp))
    broken = [n for n, r in enumerate(rows, start=2) if "交易" not in r["订单状态"] and "卖家" not in r["订单状态"]]
    assert len(broken) == 1
    _, items_result = import_paths(session, [_order_file(stamp), _item_file(stamp)])
    assert not items_result.problems  # the row imports (its order's status comes from the order file)
    (warning,) = items_result.warnings
    assert (warning.file, warning.row, warning.column, warning.code) == (
        _item_file(stamp).name,
        broken[0],
        "订单状态",
        "unknown_status",
    )
    assert warning.value == rows[broken[0] - 2]["订单状态"]


TMALL_2026 = REAL / "ShopOps__ExportOrderList26594515418.xlsx"


def test_tmall_2026_xlsx_alone(session: Session) -> None:
    rows = CalamineWorkbook.from_path(str(TMALL_2026)).get_sheet_by_index(0).to_python()
    header = [str(h) for h in rows[0]]
    col = {name: header.index(name) for name in header}
    hand = Hand()
    for row in rows[1:]:
        paid_at = str(row[col["订单付款时间"]])
        if paid_at.startswith("2026-05"):
            refund = _cents(str(row[col["退款金额"]]))
            hand.add(_cents(str(row[col["买家实付金额"]])) + refund, refund, int(row[col["宝贝总数量"]]))

    (result,) = import_paths(session, [TMALL_2026])
    assert (result.platform, result.kind, result.rows, result.problems) == ("taobao", "taobao_orders", 8519, ())
    assert result.shop == "趣白旗舰店"
    got = _figures(session, 2026, 5)
    assert got == hand.expect()
    assert got["paid_orders"] == 6150
    # 总金额 is a list price in this layout: it is never what was paid.
    listed = sum(_cents(str(r[col["总金额"]])) for r in rows[1:] if str(r[col["订单付款时间"]]).startswith("2026-05"))
    assert got["gmv_cents"] != listed
    # A one-product order gets its single line from the order-level columns (商家编码, 商品属性SKU).
    order = session.scalars(select(Order).where(Order.platform_order_id == "5119030443240023201")).one()
    (line,) = order.items
    assert (line.seller_code, line.qty, line.paid_cents, order.status) == ("QBPH004", 1, 16900, "paid")
    assert "买家已付款,等待卖家发货" in order.status_raw  # half-width comma, mapped all the same


PDD = {
    "06-07": REAL / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-07-15-00-27.csv",
    "06-08": REAL / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-08-13-20-43.csv",
}


def _paid_times(session: Session) -> dict[str, datetime | None]:
    return dict(session.execute(select(Order.platform_order_id, Order.paid_at)).all())


def test_pinduoduo_older_resaved_export_never_overwrites_a_newer_one(session: Session) -> None:
    (newer,) = import_paths(session, [PDD["06-08"]])
    session.commit()
    figures, times = _figures(session, 2026, 5), _paid_times(session)
    memos = dict(session.execute(select(Order.platform_order_id, Order.seller_memo)).all())
    refund_states = dict(session.execute(select(Order.platform_order_id, Order.refund_state)).all())

    (older,) = import_paths(session, [PDD["06-07"]])
    session.commit()
    assert older.exported_at is not None and newer.exported_at is not None and older.exported_at < newer.exported_at
    assert _figures(session, 2026, 5) == figures
    after = _paid_times(session)
    assert {k: after[k] for k in times} == times  # no stored time lost its seconds
    new_memos = dict(session.execute(select(Order.platform_order_id, Order.seller_memo)).all())
    assert all(new_memos[k] == v for k, v in memos.items() if v)  # a memo is filled, never replaced
    new_states = dict(session.execute(select(Order.platform_order_id, Order.refund_state)).all())
    assert {k: new_states[k] for k in refund_states} == refund_states
    count = session.scalar(select(func.count()).select_from(Order))
    assert count is not None and count >= len(times)


def _pdd_paid_times(path: Path) -> dict[str, datetime | None]:
    """支付时间 as the file says it (China time, cells end in a TAB), as UTC."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    times: dict[str, datetime | None] = {}
    for row in rows:
        text = row["支付时间"].strip()
        when = datetime.fromisoformat(text) - timedelta(hours=8) if text else None
        times[row["订单号"].strip()] = when.replace(tzinfo=UTC) if when else None
    return times


def test_pinduoduo_older_export_first_then_newer_takes_the_newer_word(session: Session) -> None:
    import_paths(session, [PDD["06-07"]])
    session.commit()
    import_paths(session, [PDD["06-08"]])
    session.commit()
    stored = _paid_times(session)
    by_hand = _pdd_paid_times(PDD["06-08"])
    assert {k: stored[k] for k in by_hand} == by_hand  # exact times replaced the re-saved file's minutes


def test_taobao_2019_order_file_details_as_downloaded() -> None:
    """§1.2.2 on a real file: every cell quoted, ="…" ids, 'null phones, No: tracking, 0.00元, an address with
    a null district, a (000000) placeholder post code, the two address shapes, 订单未关闭 for open orders."""
    parsed = parse_file(_order_file("201903291704"))
    assert (parsed.problems, parsed.warnings, parsed.header_generation) == ([], [], "L3")
    orders = {o.order_id: o for o in parsed.orders}
    first = orders["390846466150827166"]  # 省 市 区    街道 详细: a run of spaces, no post code
    assert (first.receiver_province, first.receiver_city, first.receiver_district) == (
        "新疆维吾尔自治区",
        "昌吉回族自治州",
        "昌吉市",
    )
    assert first.receiver_address.startswith("延安北路街道 ") and first.receiver_zip == ""
    assert (first.receiver_phone, first.tracking_no, first.carrier) == ("152****7170", "73221919600599", "中通快递")
    assert (first.paid_cents, first.refund_cents, first.close_reason) == (10900, 0, "订单未关闭")
    assert all("null" not in (o.receiver_phone + o.receiver_district + o.buyer_message) for o in orders.values())
    null_district = [o for o in orders.values() if o.receiver_zip == "832000"]  # 石河子市 null ***(832000)
    assert null_district and all(o.receiver_district == "" for o in null_district)
    no_district = [o for o in orders.values() if o.receiver_address.startswith("向阳街道")]  # 省   市    街道 …
    assert no_district and all((o.receiver_city, o.receiver_district) == ("石河子市", "") for o in no_district)
    placeholder = [o for o in orders.values() if o.receiver_province == "四川省" and o.receiver_city == "内江市"]
    assert placeholder and all(o.receiver_zip == "" for o in placeholder)


def test_taobao_2019_item_file_codes_and_closed_unpaid_orders() -> None:
    """In the item file 外部系统编号 and 商家编码 carry the same code (or both null); closed-unpaid orders of the
    order file have no item rows."""
    stamp = "201903291704"
    items = parse_file(_item_file(stamp))
    lines = [line for order in items.orders for line in order.items]
    assert lines and all(line.seller_code == "" or line.seller_code.isdigit() for line in lines)
    raw = _csv_rows(_item_file(stamp))
    assert all(r["外部系统编号"] == r["商家编码"] for r in raw)
    unpaid = {_digits(r["订单编号"]) for r in _csv_rows(_order_file(stamp)) if r["订单关闭原因"] == "买家未付款"}
    assert len(unpaid) == 11 and not unpaid & {o.order_id for o in items.orders}
