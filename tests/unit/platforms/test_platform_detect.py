"""Detection across platforms, whole-file errors, and the generic (user-mapped) parser."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from exportfiles import DY_LINES, JD_BASE, PDD_NEW, TB_D2, TB_L2, cols, row, write_csv

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.records import FileKind
from sellerdesk.platforms import (
    GENERIC_FIELDS,
    GenericParser,
    detect_headers,
    detect_path,
    missing_fields,
    parse_file,
    parse_table,
    suggest_mapping,
)
from sellerdesk.sheets.reading import Table

KUAISHOU = cols("订单号|商品名称|SKU编码|数量|实付款|付款时间|下单时间|订单状态|售后状态|收货人|快递单号")


@pytest.mark.parametrize(
    ("header", "platform", "kind"),
    [
        (TB_L2, Platform.TAOBAO, FileKind.TAOBAO_ORDERS),
        (TB_D2, Platform.TAOBAO, FileKind.TAOBAO_ITEMS),
        (JD_BASE, Platform.JD, FileKind.ORDER_LINES),
        (PDD_NEW, Platform.PDD, FileKind.ORDERS),
        (DY_LINES, Platform.DOUYIN, FileKind.ORDER_LINES),
    ],
)
def test_headers_alone_identify_each_export(header: list[str], platform: Platform, kind: FileKind) -> None:
    detection = detect_headers(header, "export.csv")
    assert (detection.platform, detection.kind, detection.missing_required) == (platform, kind, ())
    assert detection.importable
    others = [detect_headers(header, platform=p) for p in Platform if p is not platform]
    assert all(o.score < detection.score for o in others)


def test_file_name_hint_decides_between_taobao_files() -> None:
    both = cols(
        "订单编号|标题|价格|购买数量|商品属性|套餐信息|买家会员名|收货地址|买家实际支付金额|订单状态|订单付款时间|订单创建时间"
    )
    assert detect_headers(both, "ExportOrderList202608.csv").kind is FileKind.TAOBAO_ORDERS
    assert detect_headers(both, "ExportOrderDetailList202608.csv").kind is FileKind.TAOBAO_ITEMS


def test_unrelated_csv_is_not_an_export(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "工资表.csv", ["姓名", "部门", "工资"], [{"姓名": "张三", "部门": "客服", "工资": "5000"}]
    )
    detection = detect_path(path)
    assert not detection.matched and detection.platform is None and detection.kind is None
    assert "map the columns" in detection.message
    with pytest.raises(ImportFileError) as exc:
        parse_file(path)
    assert (exc.value.code, exc.value.params["file"]) == ("not_an_export", "工资表.csv")


def test_missing_required_columns(tmp_path: Path) -> None:
    header = [h for h in JD_BASE if h not in ("应付金额", "付款确认时间")]
    path = write_csv(tmp_path / "jd.csv", header, [{"订单号": "1", "订购数量": "1", "订单状态": "完成"}])
    detection = detect_path(path)
    assert (detection.platform, detection.missing_required, detection.importable) == (
        Platform.JD,
        ("应付金额", "付款确认时间"),
        False,
    )
    with pytest.raises(ImportFileError) as exc:
        parse_file(path)
    assert exc.value.code == "missing_columns"
    assert exc.value.params["columns"] == ["应付金额", "付款确认时间"]


def test_platform_argument_restricts_detection(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", PDD_NEW, [], encoding="utf-8-sig")
    assert parse_file(path, Platform.PDD).orders == []  # a header-only export is fine: no orders
    with pytest.raises(ImportFileError) as exc:
        parse_file(path, Platform.JD)
    assert exc.value.code == "not_an_export"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ExportOrderList2026.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as exc:
        parse_file(path)
    assert exc.value.code == "empty_file"


# --- generic / user-mapped files ------------------------------------------------------------------------


def _kuaishou_rows() -> list[dict[str, str]]:
    common = {"付款时间": "2026-08-01 10:00:00", "下单时间": "2026-08-01 09:59:00", "收货人": "赵**"}
    first = {**common, "订单号": "2400000001", "实付款": "99.00", "订单状态": "订单成功"}
    return [
        {**first, "商品名称": "A", "SKU编码": "LJ-1", "数量": "1"},
        {**first, "商品名称": "B", "SKU编码": "LJ-2", "数量": "2"},
        {**common, "订单号": "2400000002", "商品名称": "C", "数量": "1", "实付款": "50.00", "订单状态": "订单失败"}
        | {"售后状态": "退款成功"},
    ]


def test_kuaishou_file_through_a_mapping(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "快手订单.csv", KUAISHOU, _kuaishou_rows(), encoding="utf-8-sig")
    assert not detect_path(path).matched
    mapping = suggest_mapping(KUAISHOU)
    assert mapping["order_id"] == "订单号" and mapping["order_paid"] == "实付款" and mapping["qty"] == "数量"
    assert mapping["seller_code"] == "SKU编码" and mapping["paid_at"] == "付款时间"
    assert missing_fields(mapping) == []
    parsed = parse_file(path, Platform.KUAISHOU, mapping=mapping)
    assert (parsed.platform, parsed.kind, parsed.problems) == (Platform.KUAISHOU, FileKind.ORDER_LINES, [])
    first, second = parsed.orders
    assert first.paid_cents == 9900  # an order-level column repeated per line: counted once
    assert [(i.sub_order_id, i.seller_code, i.qty) for i in first.items] == [
        ("2400000001", "LJ-1", 1),
        ("2400000001#2", "LJ-2", 2),
    ]
    assert first.status is OrderStatus.COMPLETED and first.receiver_name == "赵**"
    assert (second.status, second.refund_state, second.refund_cents) == (
        OrderStatus.CLOSED,
        RefundState.REFUNDED,
        None,
    )


def test_mapping_with_line_amounts(tmp_path: Path) -> None:
    mapping = {"order_id": "订单号", "paid_at": "付款时间", "qty": "数量", "line_paid": "实付款", "title": "商品名称"}
    table = Table.from_rows(KUAISHOU, [row(KUAISHOU, r) for r in _kuaishou_rows()[:2]], file_name="x.csv")
    (order,) = parse_table(table, Platform.XIAOHONGSHU, mapping=mapping).orders
    assert (order.platform, order.paid_cents) == (Platform.XIAOHONGSHU, 19800)


def test_incomplete_or_wrong_mappings() -> None:
    table = Table.from_rows(KUAISHOU, [row(KUAISHOU, _kuaishou_rows()[0])], file_name="x.csv")
    assert missing_fields({"order_id": "订单号"}) == ["paid_at", "order_paid"]
    # a quantity only with line columns; a refund amount with a paid amount net of refunds
    assert missing_fields({"order_id": "订单号", "paid_at": "付款时间", "line_paid": "实付款"}) == ["qty"]
    assert missing_fields({"order_id": "订单号", "paid_at": "付款时间", "order_paid_net": "实付款"}) == ["order_refund"]
    with pytest.raises(ImportFileError) as exc:
        parse_table(table, mapping={"order_id": "订单号", "paid_at": "付款时间", "qty": "数量"})
    assert (exc.value.code, exc.value.params["columns"]) == ("missing_columns", ["order_paid"])
    with pytest.raises(ImportFileError) as exc:
        parse_table(table, mapping={"order_id": "订单号", "paid_at": "支付时间", "qty": "数量", "order_paid": "实付款"})
    assert exc.value.params["columns"] == ["支付时间"]  # mapped to a header the file does not have
    with pytest.raises(ImportFileError) as exc:
        GenericParser({"order_no": "订单号"})
    assert exc.value.code == "bad_mapping"


def test_generic_fields_list() -> None:
    names = [f.name for f in GENERIC_FIELDS]
    assert len(names) == len(set(names))
    assert {f.name for f in GENERIC_FIELDS if f.required} == {"order_id", "paid_at"}


@pytest.mark.parametrize("sample", ["jd_orders.csv", "pdd_orders.csv", "douyin_orders.csv"])
def test_a_garbled_status_is_a_warning_on_every_platform(tmp_path: Path, sample: str) -> None:
    """A status text no rule knows (mojibake) is named with file, row, column and value; the row imports."""
    source = Path(__file__).parents[2] / "data" / "samples" / sample
    encoding = "gbk" if sample == "jd_orders.csv" else "utf-8-sig"
    with source.open(encoding=encoding, newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index(next(h for h in rows[0] if h.strip() == "订单状态"))
    rows[1][column] = "艏乙逊⒒酰"
    path = tmp_path / sample
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    parsed = parse_file(path)
    assert parsed.problems == []
    warning = next(w for w in parsed.warnings if w.code == "unknown_status")
    assert (warning.file, warning.row, warning.column.strip(), warning.value.strip()) == (
        sample,
        2,
        "订单状态",
        "艏乙逊⒒酰",
    )
