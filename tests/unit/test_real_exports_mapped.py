"""Real downloads (tests/data/real, as published by their sellers) imported end to end, their monthly figures
compared with a hand count made here straight from the file (csv module + Decimal, China time as written).

* The 2020 Tmall data set: a thin order-level file (7 columns, no status, no items) read through a
  column mapping, both ways the mapping can say what was paid.
* The Pinduoduo custom column set without 支付时间 (订单成交时间 read in its place, with a note).
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.models import Order
from sellerdesk.platforms import parse_file
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.services.imports import ImportOptions, import_paths
from sellerdesk.services.reports import monthly_figures

REAL = Path(__file__).parent.parent / "data" / "real"
TMALL = REAL / "Data_analysis__tmall_order_report.csv"
PDD_CUSTOM = REAL / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-09-20-06-33.csv"

# The file's own header cells carry trailing spaces (收货地址 , 订单付款时间 ); the mapping need not.
TMALL_NET = MappingSpec(
    Platform.TAOBAO,
    {
        "order_id": "订单编号",
        "created_at": "订单创建时间",
        "paid_at": "订单付款时间",
        "order_paid_net": "买家实际支付金额",
        "order_refund": "退款金额",
        "address": "收货地址",
    },
    "天猫旗舰店",
)
TMALL_GROSS = MappingSpec(
    Platform.TAOBAO,
    {**{k: v for k, v in TMALL_NET.columns.items() if k != "order_paid_net"}, "order_paid": "总金额"},
    "天猫旗舰店",
)


@dataclass(frozen=True)
class HandCount:
    paid_orders: int = 0
    gmv: Decimal = Decimal(0)
    refund: Decimal = Decimal(0)
    refunded_orders: int = 0
    units: int = 0

    def add(self, paid: Decimal, refund: Decimal, units: int = 0) -> HandCount:
        return HandCount(
            self.paid_orders + 1,
            self.gmv + paid,
            self.refund + refund,
            self.refunded_orders + (refund > 0),
            self.units + units,
        )

    def cents(self) -> dict[str, int]:
        return {
            "paid_orders": self.paid_orders,
            "gmv_cents": int(self.gmv * 100),
            "refund_cents": int(self.refund * 100),
            "refunded_orders": self.refunded_orders,
            "units": self.units,
        }


def _rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader)]
        return [dict(zip(header, (c.strip() for c in cells), strict=True)) for cells in reader]


def _tmall_by_hand(month: str) -> HandCount:
    """platform-formats.md §1.2.2: paid = 买家实际支付金额 + 退款金额 (= 总金额 on every paid row)."""
    count = HandCount()
    for row in _rows(TMALL):
        if not row["订单付款时间"].startswith(month):  # China time as written: its month is the shop's
            continue
        net, refund = Decimal(row["买家实际支付金额"]), Decimal(row["退款金额"])
        assert net + refund == Decimal(row["总金额"])
        count = count.add(net + refund, refund)
    return count


def _pdd_by_hand(month: str) -> HandCount:
    """Paid when 订单成交时间 is set; refunded (the whole paid amount, no 退款金额 column) when 售后状态 or
    订单状态 says 退款成功 (metrics.md)."""
    count = HandCount()
    for row in _rows(PDD_CUSTOM, "utf-8-sig"):
        if not row["订单成交时间"].startswith(month):
            continue
        paid = Decimal(row["用户实付金额(元)"])
        refunded = row["售后状态"] == "退款成功" or row["订单状态"].endswith("退款成功")
        count = count.add(paid, paid if refunded else Decimal(0), int(row["商品数量(件)"]))
    return count


def _figures(session: Session, year: int, month: int) -> dict[str, int]:
    figures = monthly_figures(session, year, month).to_json()
    return {key: figures[key] for key in ("paid_orders", "gmv_cents", "refund_cents", "refunded_orders", "units")}


def test_tmall_thin_file_through_the_mapping_gives_the_hand_counted_figures(session: Session) -> None:
    started = time.perf_counter()
    (result,) = import_paths(session, [TMALL], options=ImportOptions(mapping=TMALL_NET))
    took = time.perf_counter() - started
    assert (result.platform, result.kind, result.shop, result.created, result.problems) == (
        "taobao", "orders", "天猫旗舰店", 28_010, (),
    )  # fmt: skip
    assert took < 15, took  # ~2 s on SQLite; 28,010 orders
    expected = _tmall_by_hand("2020-02")
    assert expected.paid_orders == 24_081  # the file's paid orders, all in February
    assert _figures(session, 2020, 2) == expected.cents()


def test_tmall_mapped_gross_or_net_reads_the_same_orders() -> None:
    """总金额 mapped as the paid amount, or 买家实际支付金额 as the amount net of refunds: the same orders."""
    gross = parse_file(TMALL, Platform.TAOBAO, mapping=TMALL_GROSS.columns).orders
    net = parse_file(TMALL, Platform.TAOBAO, mapping=TMALL_NET.columns).orders
    paid = [o for o in net if o.paid_at is not None]
    assert [(o.paid_cents, o.refund_cents, o.status) for o in paid] == [
        (o.paid_cents, o.refund_cents, o.status) for o in gross if o.paid_at is not None
    ]
    states = {(o.status, o.refund_state) for o in net}
    assert states == {
        (OrderStatus.PENDING_PAYMENT, RefundState.NONE),  # no payment time: not a sale
        (OrderStatus.PAID, RefundState.NONE),
        (OrderStatus.PAID, RefundState.REFUNDED),  # partly refunded (514 rows)
        (OrderStatus.REFUNDED, RefundState.REFUNDED),
    }
    assert sum(o.status is OrderStatus.PAID and o.refund_state is RefundState.REFUNDED for o in net) == 514
    assert all(o.items == [] for o in net)  # no line columns: orders without lines, 0 units


def test_pdd_custom_columns_without_paid_time_import_with_a_note(session: Session) -> None:
    (result,) = import_paths(session, [PDD_CUSTOM])
    assert (result.platform, result.created, result.problems) == ("pdd", 4821, ())
    (note,) = result.notes
    assert (note.code, note.column, note.stand_in) == ("fallback_column", "支付时间", "订单成交时间")
    assert result.to_json()["notes"][0]["stand_in"] == "订单成交时间"
    for year, month in ((2026, 4), (2026, 5), (2026, 6)):
        assert _figures(session, year, month) == _pdd_by_hand(f"{year}-{month:02d}").cents(), month


def test_pdd_amounts_statement_holds_on_every_real_row() -> None:
    """AMOUNT_COLUMNS (platforms/pdd/parser.py): 用户实付金额 = 商品总价 + 邮费 − 店铺优惠折扣 − 平台优惠折扣."""
    for row in _rows(PDD_CUSTOM, "utf-8-sig"):
        money = {k: Decimal(v) for k, v in row.items() if k.endswith("(元)")}
        assert money["用户实付金额(元)"] == (
            money["商品总价(元)"] + money["邮费(元)"] - money["店铺优惠折扣(元)"] - money["平台优惠折扣(元)"]
        )
        assert money["商家实收金额(元)"] == money["商品总价(元)"] + money["邮费(元)"] - money["店铺优惠折扣(元)"]


PDD_FULL = REAL / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-08-13-20-43.csv"
PDD_OLD_RESAVED = REAL / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-07-15-00-27.csv"


def test_pdd_full_then_newer_custom_then_older_resaved_says_what_the_newest_says(session: Session) -> None:
    """06-08 (as downloaded), then 06-09 (newer, custom columns, 订单成交时间 only), then 06-07 (older, re-saved
    in Excel: times without seconds): the months say what 06-09 says, refunds included, and every stored
    payment time keeps the seconds 06-08 gave it (a stand-in column or a cut time never replaces it)."""
    for path in (PDD_FULL, PDD_CUSTOM, PDD_OLD_RESAVED):
        import_paths(session, [path])
        session.commit()
    for year, month in ((2026, 4), (2026, 5), (2026, 6)):
        assert _figures(session, year, month) == _pdd_by_hand(f"{year}-{month:02d}").cents(), month
    exact = {
        row["订单号"]: row["支付时间"] for row in _rows(PDD_FULL, "utf-8-sig") if row["支付时间"]
    }  # China time as written, to the second
    stored = dict(session.execute(select(Order.platform_order_id, Order.paid_at)).all())
    shown = {k: (v + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S") for k, v in stored.items() if v is not None}
    assert {k: shown[k] for k in exact} == exact
