"""Tracking entry and batch-ship upload files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ConflictError, ValidationError
from sellerdesk.models import Order, Shop
from sellerdesk.platforms.registry import spec_of
from sellerdesk.services.shipping import ShipEntry, enter_tracking, write_batch_ship_files


def _orders(session: Session, platform: str, ids: list[str]) -> list[Order]:
    shop = Shop(platform=platform, name=f"{platform} shop")
    session.add(shop)
    session.flush()
    paid = datetime(2026, 8, 1, tzinfo=UTC)
    orders = [Order(shop_id=shop.id, platform=platform, platform_order_id=i, status="paid", paid_at=paid) for i in ids]
    session.add_all(orders)
    session.flush()
    return orders


def test_carrier_names_become_the_platforms_full_names() -> None:
    assert spec_of(Platform.TAOBAO).official_carrier("圆通") == "圆通速递"
    assert spec_of(Platform.PDD).official_carrier("sf") == "顺丰速运"
    assert spec_of(Platform.JD).official_carrier("京东") == "京东物流"
    assert spec_of(Platform.JD).official_carrier("京东快递") == "京东快递"  # typed in full: kept
    assert spec_of(Platform.TAOBAO).official_carrier("火星快递") is None
    assert spec_of(Platform.KUAISHOU).official_carrier("中通") == "中通快递"  # no ship layout: the common names


def test_tracking_is_validated_before_anything_is_written(session: Session) -> None:
    a, b = _orders(session, "taobao", ["2786218520199193598", "2786222518677808188"])
    entries = [ShipEntry(a.id, "圆通", "YT1234567890123", a.version), ShipEntry(b.id, "火星", "X1", b.version)]
    with pytest.raises(ValidationError):
        enter_tracking(session, entries)
    assert a.tracking_no == ""
    enter_tracking(session, entries[:1])
    assert (a.carrier, a.tracking_no) == ("圆通速递", "YT1234567890123")
    with pytest.raises(ConflictError):
        enter_tracking(session, [ShipEntry(a.id, "中通", "ZT1234567890", a.version - 1)])


def test_batch_ship_file_keeps_long_ids_as_text(session: Session, tmp_path: Path) -> None:
    orders = _orders(session, "taobao", ["2786218520199193598", "2786222518677808188"])
    enter_tracking(
        session, [ShipEntry(o.id, "中通快递", f"7800000000{n:04d}", o.version) for n, o in enumerate(orders)]
    )
    (path,) = write_batch_ship_files(session, Platform.TAOBAO, tmp_path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("发货").to_python()
    assert rows[0] == ["订单编号", "物流公司", "运单号"]
    assert rows[1] == ["2786218520199193598", "中通快递", "78000000000000"]
    assert all(isinstance(cell, str) for row in rows for cell in row)
    carriers = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("物流公司").to_python()
    assert ["圆通速递"] in carriers


def test_the_platforms_template_is_filled_and_its_sheets_kept(session: Session, tmp_path: Path) -> None:
    (order,) = _orders(session, "pdd", ["260731-216766565177693"])
    enter_tracking(session, [ShipEntry(order.id, "极兔", "JT0012345678901", order.version)])
    template = tmp_path / "template.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["批量发货模板（请勿修改表头）"])
    sheet.append(["订单号", "快递公司", "快递单号", "备注"])
    book.create_sheet("快递公司列表").append(["极兔速递"])
    book.save(template)
    (path,) = write_batch_ship_files(session, Platform.PDD, tmp_path, template=template)
    filled = load_workbook(path)
    assert filled.sheetnames == ["Sheet", "快递公司列表"]
    ws = filled["Sheet"]
    assert [c.value for c in ws[3]][:3] == ["260731-216766565177693", "极兔速递", "JT0012345678901"]
    assert ws["C3"].number_format == "@"


def test_nothing_to_ship_is_said_clearly(session: Session, tmp_path: Path) -> None:
    _orders(session, "jd", ["386277118615"])
    with pytest.raises(ValidationError) as info:
        write_batch_ship_files(session, Platform.JD, tmp_path)
    assert info.value.code == "nothing_to_ship"
