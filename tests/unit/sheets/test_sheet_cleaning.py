"""Every cell-cleaning rule of platform-formats.md §0.2."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from sellerdesk.domain.timeutil import local_to_utc
from sellerdesk.sheets.cleaning import (
    CellError,
    clean,
    clean_code,
    clean_tracking,
    is_scientific,
    normalize_header,
    parse_china_time,
    parse_datetime,
    parse_id,
    parse_money,
    parse_qty,
    to_utc,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  abc  ", "abc"),
        ("\tLJ-1001\t", "LJ-1001"),  # PDD's anti-scientific TAB
        ("\r\n完成\r\n", "完成"),  # JD cells with line breaks
        ("\t", ""),  # a lone TAB is an empty cell
        ("   ", ""),
        ("null", ""),  # Taobao
        ("NULL", ""),
        ("-", ""),  # Douyin 售后状态
        ("--", ""),
        ("None", ""),
        ("nan", ""),
        ("#NULL!", ""),
        ("a-b", "a-b"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('="2786218520199193598"', "2786218520199193598"),  # Taobao ids as an Excel formula string
        ("'138****6876", "138****6876"),  # Taobao phones with a leading apostrophe
        ("\t6900221694608993659\t", "6900221694608993659"),
        ("null", ""),
    ],
)
def test_clean_code(raw: str, expected: str) -> None:
    assert clean_code(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("No:ST848087431240", "ST848087431240"), ("no: YT1", "YT1"), ("NO:1", "1"), ("YT2", "YT2"), ("null", "")],
)
def test_clean_tracking(raw: str, expected: str) -> None:
    assert clean_tracking(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("收货地址 ", "收货地址"),  # Taobao L2 trailing spaces
        (" 用户购买手机号", "用户购买手机号"),  # PDD leading space
        ("商家实收金额（元）", "商家实收金额(元)"),  # full-width parentheses
        ("商家备注等级\n（等级1-5为由高到低）", "商家备注等级(等级1-5为由高到低)"),
        ("\ufeff订单号", "订单号"),
        ("订单 编号\u3000", "订单编号"),
    ],
)
def test_normalize_header(raw: str, expected: str) -> None:
    assert normalize_header(raw) == expected


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("118.00元", 11800),  # Taobao 打款商家金额
        ("¥5", 500),
        ("￥5.5", 550),
        ("1,299.00", 129900),  # Douyin thousands separators
        (" 12 ", 1200),
        ("0", 0),
        ("\t99.00\t", 9900),
        ("-5.00", -500),
        ("12.345", 1235),  # more than 2 decimals: half up
        ("40.93", 4093),
    ],
)
def test_parse_money(raw: str, cents: int) -> None:
    assert parse_money(raw) == cents


@pytest.mark.parametrize("raw", ["", "\t", "null", "-", "--"])
def test_parse_money_empty(raw: str) -> None:
    assert parse_money(raw) is None


@pytest.mark.parametrize("raw", ["abc", "十二", "1.2.3", "12%"])
def test_parse_money_refuses_text(raw: str) -> None:
    with pytest.raises(CellError) as exc:
        parse_money(raw)
    assert exc.value.code == "bad_money"


def test_parse_qty() -> None:
    assert parse_qty("\t2\t") == 2
    assert parse_qty("3.0") == 3  # a number cell
    assert parse_qty("") is None
    for bad in ("2.5", "two", "-1"):
        with pytest.raises(CellError) as exc:
            parse_qty(bad)
        assert exc.value.code == "bad_qty"


def _serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-08-01 10:00:05", datetime(2026, 8, 1, 10, 0, 5)),
        ("2026/8/1 9:05", datetime(2026, 8, 1, 9, 5)),  # re-saved in Excel
        ("2026/8/1 9:05:07", datetime(2026, 8, 1, 9, 5, 7)),
        ("2026-08-01", datetime(2026, 8, 1)),
        ("2026/08/01", datetime(2026, 8, 1)),
        ("2026年8月1日 10:00", datetime(2026, 8, 1, 10, 0)),
        ("2026-08-01T10:00:05", datetime(2026, 8, 1, 10, 0, 5)),
        ("2026-08-01 10:00:05.250", datetime(2026, 8, 1, 10, 0, 5, 250000)),
        ("\t2026-08-01 00:00:05", datetime(2026, 8, 1, 0, 0, 5)),  # PDD TAB
        (str(_serial(date(2026, 8, 1))), datetime(2026, 8, 1)),  # Excel serial
        (f"{_serial(date(2026, 8, 1))}.5", datetime(2026, 8, 1, 12, 0)),
        ("20260801", datetime(2026, 8, 1)),
    ],
)
def test_parse_datetime(raw: str, expected: datetime) -> None:
    assert parse_datetime(raw) == expected


@pytest.mark.parametrize("raw", ["", "\t", "null", "-"])
def test_parse_datetime_empty(raw: str) -> None:
    assert parse_datetime(raw) is None


@pytest.mark.parametrize("raw", ["2026-13-01 10:00:00", "2026-02-30", "yesterday", "10:00", "2026-08-01 25:00"])
def test_parse_datetime_refuses(raw: str) -> None:
    with pytest.raises(CellError) as exc:
        parse_datetime(raw)
    assert exc.value.code == "bad_date"


@pytest.mark.parametrize(
    "naive", [datetime(2026, 8, 1, 0, 0, 5), datetime(2026, 1, 1), datetime(1992, 1, 1), datetime(1988, 7, 1, 12)]
)
def test_to_utc_matches_local_to_utc(naive: datetime) -> None:
    assert to_utc(naive) == local_to_utc(naive)  # 1988: China had summer time then
    assert to_utc(naive, "Europe/Berlin") == local_to_utc(naive, "Europe/Berlin")


@pytest.mark.parametrize(
    "raw",
    [
        "2026-08-01 10:00:05", "\t2026-08-01 00:00:05\t", "1992-01-01 00:00:00", "1988-07-01 12:00:00",
        "2026/8/1 9:05", "2026-08-01T10:00:05", "2026-08-01 10:00:05.250", "20260801", "46235.5", "2026-08-01",
        "", "null", "2026-02-30 10:00:00", "2026-08-01 24:00:00", "2026-08-01 1a:00:05", "２０２６-08-01 10:00:05",
        "2026-08-01 10:00:5 ", "+026-08-01 10:00:05",
    ],
)  # fmt: skip
def test_parse_china_time_is_parse_datetime_then_to_utc(raw: str) -> None:
    def outcome(parse: Callable[[str], datetime | None]) -> object:
        try:
            return parse(raw)
        except CellError as exc:
            return (exc.code, exc.message)

    def general_rule(text: str) -> datetime | None:
        local = parse_datetime(text)
        return None if local is None else to_utc(local)

    assert outcome(parse_china_time) == outcome(general_rule)
    parsed = outcome(parse_china_time)
    if isinstance(parsed, datetime):  # the very UTC object: stored without conversion (db/bulk.py)
        assert parsed.tzinfo is UTC


def test_parse_id() -> None:
    assert parse_id('="2786218520199193598"') == "2786218520199193598"
    assert parse_id("\t6900221694608993659\t") == "6900221694608993659"
    assert parse_id("260731-216766565177693", dashes=True) == "260731-216766565177693"
    assert parse_id("") == ""
    with pytest.raises(CellError) as exc:
        parse_id("260731-216766565177693")
    assert exc.value.code == "bad_id"


@pytest.mark.parametrize("raw", ["2.78624E+18", "2.78624e+18", '="2.78621E+18"', "2.7862185201991936e+18", "1e+15"])
def test_parse_id_refuses_scientific_notation(raw: str) -> None:
    with pytest.raises(CellError) as exc:
        parse_id(raw)
    assert exc.value.code == "id_scientific"
    assert "重新从后台下载原始文件" in exc.value.message
    assert "Excel" in exc.value.message


def test_is_scientific() -> None:
    assert is_scientific("2.78612E+18")
    assert is_scientific("3E18")
    assert not is_scientific("E18")
    assert not is_scientific("2786")
    assert not is_scientific("LJ-1E+2X")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e30", "money_out_of_range"),
        ("1e309", "money_out_of_range"),
        ("-1e309", "money_out_of_range"),
        ("99999999999999999999", "money_out_of_range"),
        ("1000000000.01", "money_out_of_range"),
        ("inf", "bad_money"),
        ("-Infinity", "bad_money"),
        ("sNaN", "bad_money"),
    ],
)
def test_amounts_beyond_what_is_stored(text: str, code: str) -> None:
    with pytest.raises(CellError) as exc:
        parse_money(text)
    assert exc.value.code == code


def test_amount_and_quantity_bounds() -> None:
    assert parse_money("999999999.99") == 99_999_999_999
    assert parse_money("-1000000000") == -100_000_000_000
    assert parse_money("NaN") is None  # a null placeholder
    assert parse_qty("999999") == 999_999
    for text in ("1000000", "99999999999999999999", "1e30"):
        with pytest.raises(CellError) as exc:
            parse_qty(text)
        assert exc.value.code == ("bad_qty" if "e" in text else "qty_out_of_range")
