"""One room per platform: a platform stated in one module and entered in the registry is offered by the command
line, recognised by detection, imported, and given its batch-ship and sample files, with nothing else changed.

The fake stands where Kuaishou would go once it has an export layout of its own (it has none yet: its files are
read through a column mapping).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy.orm import Session

from sellerdesk.cli import build_parser, main
from sellerdesk.domain.enums import OrderStatus, Platform
from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.records import FileKind, ItemRecord, OrderRecord, ParsedFile
from sellerdesk.domain.sample_rows import SampleOrder
from sellerdesk.models import Order, OrderItem, Shop
from sellerdesk.platforms import detect_headers, detect_path, parse_file, registry
from sellerdesk.platforms.base import Layout, LayoutMatch, LayoutParser, RowReader, aliases, header_set
from sellerdesk.platforms.generic import generic_status
from sellerdesk.platforms.samples import Row, SampleExport, china_time
from sellerdesk.platforms.spec import PlatformSpec
from sellerdesk.services.samples import write_export
from sellerdesk.services.shipping import ShipEntry, enter_tracking, write_batch_ship_files
from sellerdesk.sheets.reading import Table
from sellerdesk.sheets.shipping import ShipLayout

HEADER = ("快手订单号", "快手商品", "快手数量", "快手实付金额", "快手付款时间", "快手订单状态")


class KuaishouTestParser(LayoutParser):
    platform = Platform.KUAISHOU
    layouts = (
        Layout(
            name="kuaishou_test_orders",
            kind=FileKind.ORDERS,
            aliases=aliases(
                {
                    "order_id": ("快手订单号",),
                    "title": ("快手商品",),
                    "qty": ("快手数量",),
                    "paid": ("快手实付金额",),
                    "paid_at": ("快手付款时间",),
                    "status": ("快手订单状态",),
                }
            ),
            required=("order_id", "paid", "paid_at", "status"),
            signature=header_set(" ".join(HEADER)),
            min_signature=3,
        ),
    )

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        for row_no, cells in table.rows():
            result.rows += 1
            reader.load(row_no, cells)
            order_id, paid = reader.ident("order_id"), reader.money("paid")
            line = ItemRecord(order_id, title=reader.text("title"), qty=reader.qty("qty"), paid_cents=paid)
            order = OrderRecord(
                Platform.KUAISHOU,
                order_id,
                status=generic_status(reader.text("status")),
                status_raw=reader.text("status"),
                paid_at=reader.when("paid_at"),
                goods_cents=paid,
                paid_cents=paid,
                items=[line],
                source_row=row_no,
            )
            if reader.problems:
                result.bad_rows.add(row_no)
            else:
                result.orders.append(order)
                result.final = len(result.orders)


def sample_rows(order: SampleOrder) -> Iterator[Row]:
    for line in order.lines:
        yield [order.order_id, line.title, str(line.qty), f"{order.paid_cents / 100:.2f}", china_time(order.paid_at),
               "待发货"]  # fmt: skip


FAKE = PlatformSpec(
    Platform.KUAISHOU,
    display_name="Kuaishou (test)",
    default_shop_name="快手测试店",
    parser=KuaishouTestParser(),
    ship=ShipLayout(order_id=("快手订单编号",), carrier=("快递公司",), tracking=("快递单号",), carriers=("中通快递",)),
    seller_url="https://s.kwaixiaodian.com/order/detail?id={id}",
    samples=(SampleExport("kuaishou_test_orders", HEADER, sample_rows, "utf-8-sig"),),
)


@pytest.fixture
def kuaishou_room(monkeypatch: pytest.MonkeyPatch) -> PlatformSpec:
    """The fake entered in the registry, the one line a new platform adds."""
    monkeypatch.setitem(registry.PLATFORMS, Platform.KUAISHOU, FAKE)
    return FAKE


def _export(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        out.writerow(["2400001234567890", "收纳盒", "2", "59.80", "2026-08-03 10:15:00", "待发货"])
        out.writerow(["2400001234567891", "衣架", "1", "19.90", "2026-08-03 11:00:00", "已发货"])
    return path


def test_the_command_line_offers_what_the_registry_holds(
    kuaishou_room: PlatformSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = build_parser().parse_args(["import", "orders.csv", "--platform", "kuaishou"])
    assert args.platform == "kuaishou"
    monkeypatch.delitem(registry.PLATFORMS, Platform.XIAOHONGSHU)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["import", "orders.csv", "--platform", "xiaohongshu"])


def test_detection_recognises_its_files(kuaishou_room: PlatformSpec, tmp_path: Path) -> None:
    assert detect_headers(HEADER).platform is Platform.KUAISHOU
    detection = detect_path(_export(tmp_path / "快手订单.csv"))
    assert (detection.platform, detection.kind, detection.importable) == (Platform.KUAISHOU, FileKind.ORDERS, True)
    result = parse_file(tmp_path / "快手订单.csv")
    assert [(o.order_id, o.paid_cents, o.status) for o in result.orders] == [
        ("2400001234567890", 5980, OrderStatus.PAID),
        ("2400001234567891", 1990, OrderStatus.SHIPPED),
    ]


def test_without_its_room_the_file_is_not_recognised(tmp_path: Path) -> None:
    assert not detect_path(_export(tmp_path / "快手订单.csv")).matched


def test_the_command_line_imports_it_without_a_mapping(
    kuaishou_room: PlatformSpec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _export(tmp_path / "快手订单.csv")
    code = main(["--db", str(tmp_path / "shop.sqlite"), "import", str(path), "--platform", "kuaishou", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    (summary,) = json.loads(out)
    assert (summary["platform"], summary["shop"], summary["created"]) == ("kuaishou", "快手测试店", 2)


def _kuaishou_orders(session: Session) -> list[Order]:
    shop = Shop(platform="kuaishou", name="快手测试店")
    session.add(shop)
    session.flush()
    paid = datetime(2026, 8, 3, 2, 15, tzinfo=UTC)
    orders = [
        Order(
            shop_id=shop.id, platform="kuaishou", platform_order_id=i, status="paid", paid_at=paid, paid_cents=5980,
            items=[OrderItem(sub_order_id=i, title="收纳盒", qty=2, paid_cents=5980)],
        )
        for i in ("2400001234567890", "2400001234567891")
    ]  # fmt: skip
    session.add_all(orders)
    session.flush()
    return orders


def test_the_ship_file_writer_writes_its_layout(kuaishou_room: PlatformSpec, session: Session, tmp_path: Path) -> None:
    orders = _kuaishou_orders(session)
    enter_tracking(session, [ShipEntry(o.id, "中通", f"7800000000{n:04d}", o.version) for n, o in enumerate(orders)])
    (path,) = write_batch_ship_files(session, Platform.KUAISHOU, tmp_path)
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name("发货").to_python()
    assert rows[:2] == [["快手订单编号", "快递公司", "快递单号"], ["2400001234567890", "中通快递", "78000000000000"]]
    assert book.get_sheet_by_name("物流公司").to_python() == [["中通快递"]]


def test_a_platform_without_a_ship_layout_is_refused_clearly(session: Session, tmp_path: Path) -> None:
    _kuaishou_orders(session)  # Kuaishou as it really is: read through a mapping, no batch-ship file
    with pytest.raises(ValidationError) as info:
        write_batch_ship_files(session, Platform.KUAISHOU, tmp_path)
    assert info.value.code == "no_ship_layout"


def test_the_sample_writer_writes_its_export(kuaishou_room: PlatformSpec, session: Session, tmp_path: Path) -> None:
    _kuaishou_orders(session)
    assert write_export(session, "kuaishou_test_orders", tmp_path / "k.csv") == 2
    with (tmp_path / "k.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(HEADER)
    assert rows[1][0] == "2400001234567890" and rows[1][4] == "2026-08-03 10:15:00"


def test_every_room_states_a_name_a_shop_and_consistent_parts() -> None:
    for platform in Platform:
        spec = registry.spec_of(platform)
        assert spec.platform is platform and spec.display_name and spec.default_shop_name
        if spec.parser is not None:
            assert spec.parser.platform is platform
            assert spec.amount_columns and spec.ship is not None and spec.samples and spec.seller_url
