"""Cell values a database cannot hold and files cut short, on SQLite and PostgreSQL: the same outcome on
both, a problem row (file, row, column, value) instead of an exception; the valid rows import when the
user accepts them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.domain.limits import TEXT_LIMITS
from sellerdesk.models import Order, OrderItem, Refund, Shop
from sellerdesk.platforms import parse_file
from sellerdesk.services.imports import ImportOptions, ImportRefused, import_paths

DATA = Path(__file__).parent.parent / "data"
SAMPLES = DATA / "samples"
REAL_PDD = DATA / "real" / "ShopOps__8248e107e4f1bcf6c24c107dbbbbf803orders_export2026-06-08-13-20-43.csv"

# (data row index, column, value, problem code or "" when the row must import as cleaned)
HOSTILE = [
    (0, "用户实付金额(元)", "1e30", "money_out_of_range"),
    (1, "商品总价(元)", "1e309", "money_out_of_range"),
    (2, "商品数量(件)", "99999999999999999999", "qty_out_of_range"),
    (3, "快递单号", "Y" * 100, "text_too_long"),
    (4, "用户实付金额(元)", "99999999999999999999", "money_out_of_range"),
    (5, "商品总价(元)", "inf", "bad_money"),
    (6, "商品总价(元)", "-1e309", "money_out_of_range"),
    (7, "商品", "竹纤维毛巾\x00加厚", ""),  # NUL dropped: PostgreSQL cannot store it
    (8, "商品", "毛" * 301, "text_too_long"),
    (9, "买家留言", "请\x00尽快发货", ""),  # unbounded text: NUL dropped too
]


def _hostile_pdd(tmp_path: Path) -> tuple[Path, int]:
    rows = list(csv.reader(io.StringIO((SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig"))))
    header = rows[0]
    for index, column, value, _ in HOSTILE:
        rows[index + 1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / "hostile_pdd.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path, len(rows) - 1


def test_the_length_table_is_the_models() -> None:
    columns = {**Order.__table__.c, **OrderItem.__table__.c, **Refund.__table__.c}
    stored_as = {"order_id": Order.platform_order_id, "refund_id": Refund.platform_refund_id, "shop_name": Shop.name}
    for field, limit in TEXT_LIMITS.items():
        column = stored_as[field].property.columns[0] if field in stored_as else columns[field]
        assert column.type.length == limit, field


def test_values_beyond_the_database_are_problem_rows(session: Session, tmp_path: Path) -> None:
    path, rows = _hostile_pdd(tmp_path)
    with pytest.raises(ImportRefused) as info:
        import_paths(session, [path])
    problems = [p for r in info.value.results for p in r.problems]
    expected = {(index + 2, code) for index, _, _, code in HOSTILE if code}
    assert {(p.row, p.code) for p in problems} == expected
    for p in problems:
        assert p.file == path.name and p.column
        assert p.value == next(v for i, c, v, _ in HOSTILE if i + 2 == p.row)
    assert session.scalar(select(func.count()).select_from(Order)) == 0

    result = import_paths(session, [path], options=ImportOptions(accept_valid_rows=True))[0]
    assert result.refused == len(expected)
    assert result.created == rows - len(expected)
    titles = session.scalars(select(OrderItem.title).where(OrderItem.title.like("竹纤维毛巾%"))).all()
    assert titles == ["竹纤维毛巾加厚"]
    assert session.scalar(select(func.count()).where(Order.buyer_message == "请尽快发货")) == 1


def _cut(source: Path, target: Path, size: int) -> Path:
    target.write_bytes(source.read_bytes()[:size])
    return target


def test_the_real_pinduoduo_download_without_a_final_line_break_imports_whole() -> None:
    assert not REAL_PDD.read_bytes().endswith(b"\n")
    parsed = parse_file(REAL_PDD)
    assert parsed.rows == 4815 and not parsed.problems
    assert len(parsed.orders) == 4815


@pytest.mark.parametrize("size", [31508, 31503, 500_000, -1])
def test_a_cut_pinduoduo_download_refuses_its_last_row(tmp_path: Path, size: int) -> None:
    data = REAL_PDD.read_bytes()
    parsed = parse_file(_cut(REAL_PDD, tmp_path / "pdd_cut.csv", size if size > 0 else len(data) + size))
    assert [(p.file, p.code) for p in parsed.problems] == [("pdd_cut.csv", "truncated_row")]
    assert parsed.problems[0].row == parsed.rows + 1
    assert parsed.problems[0].column and parsed.problems[0].value  # where the file stops
    assert len(parsed.orders) == parsed.rows - 1


def test_a_cut_jd_download_keeps_no_cut_seller_code(session: Session, tmp_path: Path) -> None:
    source = SAMPLES / "jd_orders.csv"
    data = source.read_bytes()
    cut = _cut(source, tmp_path / "jd_cut.csv", data.rfind(b"LJ-") + 9)  # LJ-1003-4 for LJ-1003-4M
    with pytest.raises(ImportRefused) as info:
        import_paths(session, [cut])
    codes = {p.code for r in info.value.results for p in r.problems}
    assert codes == {"truncated_row", "order_incomplete"}
    import_paths(session, [cut], options=ImportOptions(accept_valid_rows=True))
    codes_stored = set(session.scalars(select(OrderItem.seller_code)))
    assert "LJ-1003-4" not in codes_stored


def test_a_cut_pinduoduo_file_imports_without_its_last_row_when_accepted(session: Session, tmp_path: Path) -> None:
    source = SAMPLES / "pdd_orders.csv"
    text = source.read_bytes()
    cut = _cut(source, tmp_path / "pdd_cut.csv", len(text) - 40)
    with pytest.raises(ImportRefused):
        import_paths(session, [cut])
    result = import_paths(session, [cut], options=ImportOptions(accept_valid_rows=True))[0]
    assert result.refused == 1
    assert [p.code for p in result.problems] == ["truncated_row"]


@pytest.mark.parametrize(
    ("tail", "cut"),
    [
        ("3,2.00,乙", False),  # whole: no final line break is fine
        ("3,2.0", True),  # short of cells
        ('3,2.00,"乙 商', True),  # ends inside quotes
    ],
)
def test_the_last_csv_record(tmp_path: Path, tail: str, cut: bool) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,订单金额,商品名称\n1,1.00,甲\n2,1.00,甲\n" + tail, encoding="utf-8")
    from sellerdesk.sheets.reading import read_table

    table = read_table(path)
    rows = list(table.rows())
    assert len(rows) == 3
    assert table.cut_rows == ({4} if cut else set())


def _edited(source: Path, target: Path, encoding: str, edits: dict[str, str]) -> Path:
    """The sample with the first data row's cells replaced by header."""
    rows = list(csv.reader(io.StringIO(source.read_bytes().decode(encoding))))
    for column, value in edits.items():
        rows[1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    target.write_bytes(out.getvalue().encode(encoding))
    return target


def test_values_derived_from_one_cell_must_fit_too(tmp_path: Path) -> None:
    """A Taobao address split into parts, a Douyin address joined from two cells: each part checked."""
    taobao = _edited(
        SAMPLES / "ExportOrderList202609030915.csv",
        tmp_path / "ExportOrderList202609030915.csv",
        "gb18030",
        {"收货地址": "浙" * 60 + "省 杭州市 西湖区 文三路148号(" + "3" * 25 + ")"},
    )
    parsed = parse_file(taobao)
    assert [(p.row, p.code, p.column) for p in parsed.problems] == [(2, "text_too_long", "收货地址")] * 2
    douyin = _edited(
        SAMPLES / "douyin_orders.csv",
        tmp_path / "douyin_orders.csv",
        "utf-8",
        {"街道": "街" * 300, "详细地址": "址" * 300},
    )
    parsed = parse_file(douyin)
    assert {(p.row, p.code) for p in parsed.problems} >= {(2, "text_too_long")}


def test_synthetic_line_ids_stay_within_their_column() -> None:
    from sellerdesk.platforms.base import line_id

    seen: dict[str, int] = {}
    ids = [line_id("1" * 48, "9" * 64, seen) for _ in range(3)] + [line_id("2" * 20, "SKU-1", seen)]
    assert all(len(i) <= TEXT_LIMITS["sub_order_id"] for i in ids)
    assert len(set(ids)) == 4 and ids[3] == "22222222222222222222#SKU-1"
    assert line_id("1" * 48, "9" * 64, {}) == ids[0]  # stable: a re-import finds the same line


def test_a_catalog_sheet_with_values_beyond_its_columns(session: Session, tmp_path: Path) -> None:
    from sellerdesk.models import Sku
    from sellerdesk.services.catalog import import_catalog

    path = tmp_path / "catalog.csv"
    path.write_text(
        "商家编码,商品名称,规格,售价\n"
        f"A-1,毛巾,白\x00色,1e30\nA-2,{'长' * 301},白色,9.90\n{'C' * 101},毛巾,白色,9.90\nA-3,浴巾,蓝\x00色,19.90\n",
        encoding="utf-8",
    )
    result = import_catalog(session, path)
    assert {(p.row, p.code) for p in result.problems} == {
        (2, "money_out_of_range"),
        (3, "text_too_long"),
        (4, "text_too_long"),
    }
    result = import_catalog(session, path, accept_valid_rows=True)
    assert session.scalars(select(Sku.spec).where(Sku.seller_code == "A-3")).one() == "蓝色"


def test_count_and_tracking_sheets_keep_nul_out_of_queries(session: Session, tmp_path: Path) -> None:
    from sellerdesk.services import products, shipping

    count = tmp_path / "count.csv"
    count.write_text("商家编码,商品名称,规格,仓库,账面数量,实盘数量\nNO\x00PE,毛巾,白,ma\x00in,0,3\n", encoding="utf-8")
    review = products.read_count_sheet(session, count)  # looked up on PostgreSQL: no NUL may reach it
    assert [(p.code, p.value) for p in review.problems] == [("unknown_code", "NOPE")]
    sheet = tmp_path / "tracking.csv"
    sheet.write_text("订单号,快递公司,运单号\n12\x0034,中通,ZT\x00123456\n", encoding="utf-8")
    assert shipping.tracking_rows_from_sheet(sheet) == [["1234", "中通", "ZT123456"]]
