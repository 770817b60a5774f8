"""The manager's monthly workbook: summary with charts, breakdowns, refunds, service, team, every paid order.

openpyxl (write-only mode) builds the package: sheets, column widths, frozen headers, filters, print setup,
styles and native charts. The cells are serialized here and spliced into each sheet's empty ``<sheetData>``:
openpyxl's per-cell path writes ~4,000 rows/s of 14 columns, and a busy month has 110,000+ orders.

Every text is an inline string cell, never a formula; text that a spreadsheet would take for a formula when
edited (starting with = + - @, tab or CR) also gets the quote prefix style. Money is written as the exact
decimal of its cents in yuan, never through a float.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from sellerdesk.domain.errors import Cancelled, ValidationError
from sellerdesk.domain.figures import (
    AgentMonth,
    DayFigures,
    Figures,
    GoodsFigures,
    MonthRefunds,
    MonthReport,
    PaidOrderRow,
    PersonFigures,
    PlatformFigures,
    PromotionFigures,
    RefundReason,
    ShopFigures,
    SkuFigures,
    SummaryLine,
)
from sellerdesk.domain.labels import (
    ORDER_STATUSES,
    PROMOTION_KINDS,
    REFUND_STATES,
    REVIEW_STATUSES,
    STAFF_ROLES,
    source_text,
)
from sellerdesk.domain.money import format_cents
from sellerdesk.domain.scratch import PART_SUFFIX, temp_prefix
from sellerdesk.domain.timeutil import shop_time
from sellerdesk.sheets.safe_cells import looks_like_formula
from sellerdesk.sheets.xlsx_package import clean_text, column_letter, splice_sheet_rows, text_cell

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Lang = Literal["zh_CN", "en"]
CellKind = Literal[
    "text",
    "centered",
    "int",
    "money",
    "rate",
    "pp",
    "date",
    "datetime",
    "duration",
    "decimal",
    "header",
    "title",
    "note",
]
Progress = Callable[[int, int], None]
T = TypeVar("T")  # the row a table is made of (a figures DTO)

# --- labels ---------------------------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    # sheets
    "sheet.summary": ("概览", "Summary"),
    "sheet.shops": ("平台与店铺", "By platform and shop"),
    "sheet.skus": ("商品", "By SKU"),
    "sheet.daily": ("每日", "Daily"),
    "sheet.refunds": ("退款售后", "Refunds and after-sales"),
    "sheet.service": ("客服", "Service"),
    "sheet.team": ("团队", "Team"),
    "sheet.promotions": ("促销活动", "Promotions"),
    "sheet.orders": ("订单明细", "Orders"),
    # summary
    "title": ("月度经营报表", "Monthly report"),
    "generated": ("生成时间", "Generated"),
    "definitions": (
        "口径：按付款时间、店铺所在时区统计；金额单位：元。详见 SellerDesk 文档 metrics.md。",
        "Counted on the payment time in each shop's time zone; amounts in yuan. Definitions: SellerDesk metrics.md.",
    ),
    "figure": ("指标", "Figure"),
    "this_month": ("本月", "This month"),
    "previous_month": ("上月", "Last month"),
    "mom": ("环比", "vs last month"),
    "previous_year": ("去年同月", "Same month last year"),
    "yoy": ("同比", "vs last year"),
    "by_platform": ("分平台", "By platform"),
    "total": ("合计", "Total"),
    "uncosted_note": (
        "未维护成本的商品行（未关联商品或成本为 0）：{lines} 行，{units} 件，净销售额 ¥{net}，不计入毛利。",
        "Lines without a cost (no linked SKU, or cost 0): {lines} lines, {units} units, net sales ¥{net}; "
        "left out of the gross margin.",
    ),
    "sell_through_note": (
        "动销率：{active} 个在售 SKU 中 {sold} 个本月有销量（{rate}）。",
        "Sell-through: {sold} of {active} active SKUs sold this month ({rate}).",
    ),
    "stale_note": (
        "每日数据由订单实时计算（汇总表未更新）。",
        "Daily figures counted from the orders (roll-up out of date).",
    ),
    "chart.daily_gmv": ("每日 GMV", "GMV per day"),
    "chart.platform_gmv": ("各平台 GMV", "GMV by platform"),
    "chart.refund_trend": ("近 12 个月退款率", "Refund rate, last 12 months"),
    "chart.daily_platform": ("每日 GMV（分平台）", "GMV per day by platform"),
    # figures
    "paid_orders": ("支付订单数", "Paid orders"),
    "gmv_cents": ("GMV（支付金额）", "GMV (paid amount)"),
    "refund_cents": ("退款金额", "Refunds"),
    "refunded_orders": ("退款订单数", "Refunded orders"),
    "net_sales_cents": ("净销售额", "Net sales"),
    "units": ("销售件数", "Units"),
    "aov_cents": ("客单价", "Avg. order value"),
    "refund_rate_bp": ("退款率", "Refund rate"),
    "gross_margin_cents": ("毛利", "Gross margin"),
    "gross_margin_rate_bp": ("毛利率", "Gross margin rate"),
    "sell_through_bp": ("动销率", "Sell-through"),
    "repurchase_rate_bp": ("复购率", "Repurchase rate"),
    # columns
    "level": ("级别", "Level"),
    "level.platform": ("平台", "Platform"),
    "level.shop": ("店铺", "Shop"),
    "platform": ("平台", "Platform"),
    "shop": ("店铺", "Shop"),
    "fee_rate": ("佣金费率", "Fee rate"),
    "fees": ("平台佣金", "Platform fees"),
    "cost": ("商品成本", "Cost of goods"),
    "uncosted_net": ("未计成本净销售额", "Net sales without cost"),
    "seller_code": ("商家编码", "Seller code"),
    "product": ("商品", "Product"),
    "spec": ("规格", "Variant"),
    "status": ("状态", "Status"),
    "sales": ("销售额", "Sales"),
    "line_refunds": ("退款（按比例分摊）", "Refunds (shared)"),
    "sold": ("动销", "Sold"),
    "sku.active": ("在售", "Active"),
    "sku.inactive": ("停用", "Inactive"),
    "sku.unlinked": ("未关联商品", "Not in catalog"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "day": ("日期", "Day"),
    "gmv_of": ("{p} GMV", "{p} GMV"),
    "orders_of": ("{p} 订单", "{p} orders"),
    "kind": ("售后类型", "Kind"),
    "reason": ("原因", "Reason"),
    "cases": ("售后单数", "Cases"),
    "refunded_cases": ("退款成功", "Refunded"),
    "refunded_amount": ("退款成功金额", "Amount refunded"),
    "share": ("占比", "Share"),
    "reasons_title": ("本月申请的售后（按原因）", "After-sale cases applied for this month, by reason"),
    "trend_title": ("近 12 个月退款率（按付款月）", "Refund rate, last 12 months (by payment month)"),
    "month": ("月份", "Month"),
    "agent": ("客服", "Agent"),
    "unassigned": ("未分配", "Unassigned"),
    "tickets_handled": ("处理工单", "Tickets handled"),
    "frt_median": ("首次响应中位数（工作时间）", "First response, median (business time)"),
    "frt_p90": ("首次响应 P90", "First response, 90th percentile"),
    "resolution_median": ("解决时长中位数", "Resolution, median"),
    "resolution_p90": ("解决时长 P90", "Resolution, 90th percentile"),
    "sla_rate": ("SLA 达标率", "SLA hit rate"),
    "satisfaction": ("满意度（1-5）", "Satisfaction (1-5)"),
    "bad_reviews": ("差评", "Bad reviews"),
    "bad_reviews_recovered": ("差评挽回", "Bad reviews recovered"),
    "staff": ("员工", "Staff"),
    "role": ("岗位", "Role"),
    "tasks_completed": ("完成任务", "Tasks completed"),
    "tasks_due": ("本月到期", "Tasks due"),
    "tasks_on_time": ("按时完成", "On time"),
    "tasks_overdue": ("逾期", "Overdue"),
    "on_time_rate": ("按时率", "On-time rate"),
    "review_score": ("考核得分", "Review score"),
    "promotion": ("活动", "Promotion"),
    "promotion_kind": ("类型", "Kind"),
    "promotion_start": ("开始", "Start"),
    "promotion_end": ("结束", "End"),
    "promotion_skus": ("SKU 数", "SKUs"),
    "units_during": ("活动期间件数", "Units during"),
    "units_before": ("活动前件数", "Units before"),
    "units_uplift": ("件数提升", "Units uplift"),
    "gmv_during": ("活动期间 GMV", "GMV during"),
    "gmv_before": ("活动前 GMV", "GMV before"),
    "gmv_uplift": ("GMV 提升", "GMV uplift"),
    "review_grade": ("考核等级", "Grade"),
    "review_status": ("考核状态", "Review status"),
    "paid_at": ("付款时间", "Paid at"),
    "order_id": ("订单编号", "Order ID"),
    "refund_state": ("退款状态", "Refund state"),
    "buyer": ("买家", "Buyer"),
    "province": ("省份", "Province"),
    "city": ("城市", "City"),
    "paid": ("实付金额", "Paid"),
    "refund": ("退款金额", "Refund"),
    "buyer_message": ("买家留言", "Buyer message"),
    "seller_memo": ("卖家备注", "Seller memo"),
}

_PLATFORMS: dict[str, tuple[str, str]] = {  # platform display names (the platforms' own words)
    "taobao": ("淘宝/天猫", "Taobao/Tmall"),
    "jd": ("京东", "JD"),
    "pdd": ("拼多多", "Pinduoduo"),
    "douyin": ("抖音", "Douyin"),
    "kuaishou": ("快手", "Kuaishou"),
    "xiaohongshu": ("小红书", "Xiaohongshu"),
    "other": ("其他", "Other"),
}

# The domain.labels sources in Chinese: the words the screens show in zh_CN (a test holds them equal).
_ZH: dict[str, str] = {
    "Awaiting payment": "待付款",
    "Paid, to ship": "待发货",
    "Shipped": "已发货",
    "Completed": "交易成功",
    "Closed": "已关闭",
    "Refund requested": "退款中",
    "Refunded": "已退款",
    "Refund rejected": "退款被拒",
    "Refund closed": "退款关闭",
    "New": "新建",
    "In progress": "处理中",
    "Waiting for buyer": "等待买家",
    "Resolved": "已解决",
    "Pre-sale question": "售前咨询",
    "Shipping problem": "物流问题",
    "Return / refund": "退货退款",
    "Resend / exchange": "补发 / 换货",
    "Quality complaint": "质量投诉",
    "Bad review": "差评",
    "Other": "其他",
    "Low": "低",
    "Normal": "普通",
    "High": "高",
    "Urgent": "紧急",
    "To do": "待办",
    "Doing": "进行中",
    "Done": "已完成",
    "Draft": "草稿",
    "Submitted": "已提交",
    "Final": "已定稿",
    "Owner": "店主",
    "Operations manager": "运营经理",
    "Operations / warehouse": "运营/仓储",
    "Customer service": "客服专员",
    "Product specialist": "商品专员",
    "Marketing specialist": "营销专员",
    "Service specialist": "客服专员",
    "Discount": "折扣",
    "Spend-and-save": "满减",
    "Coupon": "优惠券",
    "Flash sale": "秒杀",
    "Gift with purchase": "买赠",
    "Group buy": "拼团",
}


def label(key: str, lang: Lang) -> str:
    """A label of the workbook in ``lang`` (tests read sheets back by these)."""
    zh, en = _LABELS[key]
    return zh if lang == "zh_CN" else en


def value_label(value: str, lang: Lang) -> str:
    """A platform as people read it; unknown values as they are."""
    if value not in _PLATFORMS:
        return value
    zh, en = _PLATFORMS[value]
    return zh if lang == "zh_CN" else en


def enum_label(table: Mapping[str, str], code: str, lang: Lang) -> str:
    """A stored code of one of ``domain.labels``' tables in ``lang``; unknown codes as they are."""
    source = source_text(table, code)
    if source is None:
        return code
    return _ZH.get(source, source) if lang == "zh_CN" else source


# --- cells ----------------------------------------------------------------------------------------------

_FORMATS: dict[str, str] = {
    "int": "#,##0",
    "money": '"¥"#,##0.00;[Red]-"¥"#,##0.00',
    "rate": "0.00%",
    "pp": '+0.00" pp";-0.00" pp";0.00" pp"',
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "duration": "[h]:mm:ss",
    "decimal": "0.00",
}
_WIDTHS: dict[str, float] = {
    "text": 14,
    "centered": 8,
    "int": 10,
    "money": 15,
    "rate": 10,
    "pp": 11,
    "date": 12,
    "datetime": 20,
    "duration": 12,
    "decimal": 10,
}
_EXCEL_EPOCH = date(1899, 12, 30)
_TEXT_KINDS = frozenset({"text", "centered", "header", "title", "note"})
_FONT = "Calibri"


def _yuan(cents: int) -> str:
    """Cents as the exact decimal text of yuan: 12345 → "123.45"."""
    whole, frac = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{frac:02d}"


def _serial(value: date | datetime) -> str:
    """Excel's day number (1900 date system) of a naive local date or time."""
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return repr((value.date() - _EXCEL_EPOCH).days + seconds / 86_400)
    return str((value - _EXCEL_EPOCH).days)


_NUMBERS: dict[str, Callable[[Any], str]] = {
    "int": lambda v: str(int(v)),
    "money": lambda v: _yuan(int(v)),
    "rate": lambda v: format(Decimal(int(v)).scaleb(-4), "f"),  # basis points → fraction, exactly
    "pp": lambda v: format(Decimal(int(v)).scaleb(-2), "f"),  # basis points → percentage points
    "date": _serial,
    "datetime": _serial,
    "duration": lambda v: repr(int(v) / 86_400),  # seconds → days (Excel's time unit)
    "decimal": lambda v: format(Decimal(v), "f"),
}


class _Styles:
    """Style ids (cellXfs indexes) registered with openpyxl through template cells, by (kind, bold, quoted)."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self._sheet = sheet
        self._ids: dict[tuple[str, bool, bool], int] = {}

    def id(self, kind: str, *, bold: bool = False, quoted: bool = False) -> int:
        key = (kind, bold, quoted)
        if key not in self._ids:
            self._ids[key] = self._register(kind, bold, quoted)
        return self._ids[key]

    def _register(self, kind: str, bold: bool, quoted: bool) -> int:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        cell = WriteOnlyCell(self._sheet)
        if kind in _FORMATS:
            cell.number_format = _FORMATS[kind]
        # Every font names the workbook's own (Calibri; Excel and WPS add the Chinese fallback): a font without a
        # name is drawn in another family (LibreOffice takes a serif), so bold cells would not match the others.
        if kind == "header":
            cell.font = Font(name=_FONT, bold=True)
            cell.fill = PatternFill("solid", fgColor="DDE6F0")
            cell.border = Border(bottom=Side(style="thin", color="7F8FA6"))
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        elif kind == "title":
            cell.font = Font(name=_FONT, bold=True, size=15)
        elif kind == "note":
            cell.font = Font(name=_FONT, italic=True, color="595959")
        elif bold:
            cell.font = Font(name=_FONT, bold=True)
            cell.border = Border(top=Side(style="thin", color="7F8FA6"))
        if kind == "centered":
            cell.alignment = Alignment(horizontal="center")
        elif kind == "text":  # a little air after a right-aligned number in the column before
            cell.alignment = Alignment(horizontal="left", indent=1)
        cell.quotePrefix = quoted
        return int(cell.style_id)


_Cell = Callable[[int, object], str]  # (row number, value) → one <c> element


def _text_cell(letter: str, style: int, quoted_style: int) -> _Cell:
    def cell(row: int, value: object) -> str:
        text = clean_text(value if isinstance(value, str) else str(value))
        return text_cell(f"{letter}{row}", text, quoted_style if looks_like_formula(text) else style)

    return cell


def _number_cell(letter: str, style: int, number: Callable[[Any], str]) -> _Cell:
    return lambda row, value: f'<c r="{letter}{row}" s="{style}"><v>{number(value)}</v></c>'


def _blank_cell(letter: str, style: int) -> Callable[[int], str]:
    return lambda row: f'<c r="{letter}{row}" s="{style}"/>'


class _Rows:
    """The ``<row>`` elements of one sheet, written to a temporary file as they come.

    Each distinct (kinds, bold) gets its cell writers built once, with letters and style ids bound.
    """

    def __init__(self, out: IO[str], styles: _Styles) -> None:
        self._out = out
        self._styles = styles
        self._cells: dict[tuple[tuple[str, ...], bool], list[_Cell]] = {}
        self.count = 0  # rows written so far (the next row is count + 1)

    def _writers(self, kinds: tuple[str, ...], bold: bool) -> list[_Cell]:
        if (kinds, bold) not in self._cells:
            ids = self._styles.id
            self._cells[(kinds, bold)] = [
                _text_cell(column_letter(i), ids(k, bold=bold), ids(k, bold=bold, quoted=True))
                if k in _TEXT_KINDS
                else _number_cell(column_letter(i), ids(k, bold=bold), _NUMBERS[k])
                for i, k in enumerate(kinds)
            ]
        return self._cells[(kinds, bold)]

    def _blanks(self, kinds: tuple[str, ...]) -> list[Callable[[int], str]]:
        return [_blank_cell(column_letter(i), self._styles.id(k, bold=True)) for i, k in enumerate(kinds)]

    def write(self, kinds: Sequence[str], values: Sequence[object], *, bold: bool = False, lines: int = 1) -> int:
        """One row (``lines`` high: wrapped headers); None and "" leave the cell empty. Returns the row number."""
        self.count += 1
        r = self.count
        cells = self._writers(tuple(kinds), bold)
        if bold:  # a total row: its empty cells keep the style too, so its rule runs across the table
            blanks = self._blanks(tuple(kinds))
            body = "".join(
                [
                    blank(r) if v is None or v == "" else cell(r, v)
                    for cell, blank, v in zip(cells, blanks, values, strict=True)
                ]
            )
        else:
            body = "".join([cell(r, v) for cell, v in zip(cells, values, strict=True) if v is not None and v != ""])
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves: say how high it is.
        height = f' ht="{15 * lines}" customHeight="1"' if lines > 1 else ""
        self._out.write(f'<row r="{r}"{height}>{body}</row>')
        return r

    def blank(self) -> None:
        self.count += 1


# --- the sheets -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Col(Generic[T]):
    label: str  # label key, or text already in the workbook's language
    kind: str
    get: Callable[[T], object]  # the cell's value (None: empty)
    width: float | None = None


class _Book:
    """A workbook being written: openpyxl's skeleton plus one rows file per sheet."""

    def __init__(self, lang: Lang, tmp: Path, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        from openpyxl import Workbook

        self.lang = lang
        self.wb: Workbook = Workbook(write_only=True)
        self._tmp = tmp
        self._files: dict[str, Path] = {}
        self._open: list[IO[str]] = []
        self._styles: _Styles | None = None
        self.anchors: dict[str, tuple[str, int, int]] = {}  # chart data: (sheet title, first row, last row)
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0
        self.total = 1

    def t(self, key: str) -> str:
        return label(key, self.lang) if key in _LABELS else key

    def v(self, value: str) -> str:
        return value_label(value, self.lang)

    def e(self, table: Mapping[str, str], code: str) -> str:
        return enum_label(table, code, self.lang)

    def sheet(self, key: str) -> tuple[WriteOnlyWorksheet, _Rows]:
        self.check()
        ws = self.wb.create_sheet(self.t(key))
        if self._styles is None:
            self._styles = _Styles(ws)
        path = self._tmp / f"sheet{len(self._files)}.xml"
        self._files[ws.title] = path
        out = path.open("w", encoding="utf-8")
        self._open.append(out)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        return ws, _Rows(out, self._styles)

    def table(
        self,
        ws: WriteOnlyWorksheet,
        rows: _Rows,
        cols: Sequence[_Col[T]],
        items: Iterable[T],
        *,
        bold: Callable[[T], bool] | None = None,
    ) -> tuple[int, int]:
        """A header row (frozen), then one row per item, with widths and an auto-filter.

        Returns (header row, last row)."""
        from openpyxl.utils import get_column_letter

        _widths(self, ws, cols, items if isinstance(items, Sequence) else ())
        header = _header_row(self, ws, rows, cols)
        kinds = [c.kind for c in cols]
        for item in items:
            rows.write(kinds, [c.get(item) for c in cols], bold=bold is not None and bold(item))
            self.step()
        ws.freeze_panes = f"A{header + 1}"
        ws.print_title_rows = f"{header}:{header}"
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(cols))}{max(rows.count, header)}"
        return header, rows.count

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.done % 500 == 0:
            self.check()

    def check(self) -> None:
        """Stop when asked (between sheets and every 500 rows), else report progress."""
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("Workbook export cancelled.")
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)

    def save(self, path: Path) -> None:
        for out in self._open:
            out.close()
        skeleton = self._tmp / "skeleton.xlsx"
        self.wb.save(skeleton)
        splice_sheet_rows(skeleton, path, self._files)


def _display_width(text: str) -> int:
    """Column width in characters: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# --- sheet contents -------------------------------------------------------------------------------------


def _percent(bp: int) -> str:
    """Basis points as a percentage for a note: 9154 → "91.54%"."""
    return f"{format(Decimal(bp).scaleb(-2), 'f')}%"


def _if_costed(goods: GoodsFigures, value: int) -> int | None:
    """Margin figures only where some lines have a cost (otherwise there is no margin to show)."""
    return value if goods.lines > goods.uncosted_lines else None


def _figure_cols(get: Callable[[T], Figures]) -> list[_Col[T]]:
    """The metrics.md order figures of ``get(item)`` (a Figures), GMV first."""
    return [
        _Col("gmv_cents", "money", lambda x: get(x).gmv_cents),
        _Col("paid_orders", "int", lambda x: get(x).paid_orders),
        _Col("refund_cents", "money", lambda x: get(x).refund_cents),
        _Col("refunded_orders", "int", lambda x: get(x).refunded_orders),
        _Col("refund_rate_bp", "rate", lambda x: get(x).refund_rate_bp),
        _Col("net_sales_cents", "money", lambda x: get(x).net_sales_cents),
        _Col("units", "int", lambda x: get(x).units),
        _Col("aov_cents", "money", lambda x: get(x).aov_cents),
    ]


def _header_row(book: _Book, ws: WriteOnlyWorksheet, rows: _Rows, cols: Sequence[_Col[T]]) -> int:
    """The table's header, two lines high when a label is wider than its column (headers wrap)."""
    from openpyxl.utils import get_column_letter

    labels = [book.t(c.label) for c in cols]
    widths = [ws.column_dimensions[get_column_letter(i)].width or 13 for i in range(1, len(cols) + 1)]
    lines = 2 if any(_display_width(t) + 1 > w for t, w in zip(labels, widths, strict=True)) else 1
    return rows.write(["header"] * len(cols), labels, lines=lines)


_MAX_TEXT_WIDTH = 48
_WIDTH_SAMPLE = 3000  # rows looked at for a text column's width


def _widths(book: _Book, ws: WriteOnlyWorksheet, cols: Sequence[_Col[T]], items: Sequence[T] = ()) -> None:
    """Column widths from the kind and the header (a sheet with two tables keeps the wider). Text columns of a
    table held in memory fit their longest value (up to a limit); streamed tables keep the given widths."""
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(cols, 1):
        header = _display_width(book.t(col.label)) + 3
        width = col.width or max(_WIDTHS.get(col.kind, 12), header)
        if items and col.kind in ("text", "centered"):
            values = (col.get(item) for item in items[:_WIDTH_SAMPLE])
            longest = max((_display_width(v) for v in values if isinstance(v, str)), default=0)
            width = min(max(longest + 2, header, 6), _MAX_TEXT_WIDTH)
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = max(width, dim.width or 0)


# Value and change formats per figure kind: rates change by percentage points, the others relatively.
_SUMMARY_KINDS = {"count": ("int", "rate"), "money": ("money", "rate"), "rate": ("rate", "pp")}


def _summary(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.summary")
    rows.write(["title"], [f"{book.t('title')} · {data.label}"])
    local = shop_time(data.generated_at, data.timezone).strftime("%Y-%m-%d %H:%M")
    rows.write(["note"], [f"{book.t('generated')}: {local} ({data.timezone})    {book.t('definitions')}"])
    rows.blank()
    cols: list[_Col[SummaryLine]] = [
        _Col("figure", "text", lambda s: book.t(s.key), 22),
        _Col("this_month", "money", lambda s: s.change.current, 16),
        _Col("previous_month", "money", lambda s: s.change.previous_month, 16),
        _Col("mom", "rate", lambda s: s.change.mom_diff if s.kind == "rate" else s.change.mom_bp, 13),
        _Col("previous_year", "money", lambda s: s.change.previous_year, 16),
        _Col("yoy", "rate", lambda s: s.change.yoy_diff if s.kind == "rate" else s.change.yoy_bp, 13),
    ]
    _widths(book, ws, cols)
    header = _header_row(book, ws, rows, cols)
    ws.freeze_panes = f"A{header + 1}"
    for line in data.summary:
        value, change = _SUMMARY_KINDS[line.kind]
        rows.write(["text", value, value, change, value, change], [c.get(line) for c in cols])
    goods = data.comparison.current.goods
    if goods.uncosted_lines:
        note = book.t("uncosted_note").format(
            lines=goods.uncosted_lines,
            units=goods.uncosted_units,
            net=format_cents(goods.uncosted_net_cents, symbol=""),
        )
        rows.write(["note"], [note])
    if not data.daily_from_rollup:
        rows.write(["note"], [book.t("stale_note")])
    rows.blank()
    _platform_block(book, ws, rows, data)
    book.anchors["charts"] = (ws.title, rows.count + 2, 0)


def _platform_block(book: _Book, ws: WriteOnlyWorksheet, rows: _Rows, data: MonthReport) -> None:
    rows.write(["title"], [book.t("by_platform")])
    cols: list[_Col[PlatformFigures]] = [
        _Col("platform", "text", lambda p: book.v(p.platform)),
        *_figure_cols(lambda p: p.figures),
        _Col("gross_margin_cents", "money", lambda p: _if_costed(p.goods, p.goods.gross_margin_cents)),
    ]
    _widths(book, ws, cols)
    _header_row(book, ws, rows, cols)
    kinds = [c.kind for c in cols]
    first = rows.count + 1
    for p in data.breakdown.by_platform:
        rows.write(kinds, [c.get(p) for c in cols])
    book.anchors["platforms"] = (ws.title, first, rows.count)
    total = PlatformFigures(book.t("total"), data.comparison.current.figures.total, data.breakdown.goods)
    rows.write(kinds, [c.get(total) for c in cols], bold=True)


def _shops(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.shops")
    cols: list[_Col[PlatformFigures | ShopFigures]] = [
        _Col("level", "centered", lambda r: book.t("level.shop" if _is_shop(r) else "level.platform"), 8),
        _Col("platform", "text", lambda r: book.v(r.platform), 13),
        _Col("shop", "text", lambda r: r.name if isinstance(r, ShopFigures) else "", 24),
        *_figure_cols(lambda r: r.figures),
        _Col("fee_rate", "rate", lambda r: r.fee_rate_bp if isinstance(r, ShopFigures) else None),
        _Col("fees", "money", lambda r: r.goods.fee_cents),
        _Col("cost", "money", lambda r: _if_costed(r.goods, r.goods.cost_cents)),
        _Col("gross_margin_cents", "money", lambda r: _if_costed(r.goods, r.goods.gross_margin_cents)),
        _Col("gross_margin_rate_bp", "rate", lambda r: _if_costed(r.goods, r.goods.gross_margin_rate_bp)),
        _Col("uncosted_net", "money", lambda r: r.goods.uncosted_net_cents, 17),
    ]
    items: list[PlatformFigures | ShopFigures] = []
    for p in data.breakdown.by_platform:
        items.append(p)
        items.extend(s for s in data.breakdown.by_shop if s.platform == p.platform)
    book.table(ws, rows, cols, items, bold=lambda r: not _is_shop(r))


def _is_shop(row: PlatformFigures | ShopFigures) -> bool:
    return isinstance(row, ShopFigures)


def _skus(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.skus")

    def status(s: SkuFigures) -> str:
        return book.t("sku.unlinked" if s.active is None else "sku.active" if s.active else "sku.inactive")

    cols: list[_Col[SkuFigures]] = [
        _Col("seller_code", "text", lambda s: s.seller_code, 16),
        _Col("product", "text", lambda s: s.title or s.product, 40),
        _Col("spec", "text", lambda s: s.spec, 32),
        _Col("status", "centered", status, 11),
        _Col("units", "int", lambda s: s.goods.units),
        _Col("sales", "money", lambda s: s.goods.sales_cents),
        _Col("line_refunds", "money", lambda s: s.goods.refund_cents, 17),
        _Col("net_sales_cents", "money", lambda s: s.goods.net_sales_cents),
        _Col("cost", "money", lambda s: _if_costed(s.goods, s.goods.cost_cents)),
        _Col("fees", "money", lambda s: s.goods.fee_cents),
        _Col("gross_margin_cents", "money", lambda s: _if_costed(s.goods, s.goods.gross_margin_cents)),
        _Col("gross_margin_rate_bp", "rate", lambda s: _if_costed(s.goods, s.goods.gross_margin_rate_bp)),
        _Col("sold", "centered", lambda s: book.t("yes" if s.sold else "no"), 8),
    ]
    book.table(ws, rows, cols, data.breakdown.by_sku)
    rows.blank()
    through = data.breakdown.sell_through
    note = book.t("sell_through_note").format(
        sold=through.numerator, active=through.denominator, rate=_percent(through.bp)
    )
    rows.write(["note"], [note])


def _daily(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.daily")
    platforms = sorted({p for d in data.daily for p in d.by_platform})
    cols: list[_Col[DayFigures]] = [_Col("day", "date", lambda d: d.day), *_figure_cols(lambda d: d.total)]
    for p in platforms:
        cols.append(_Col(book.t("gmv_of").format(p=book.v(p)), "money", _platform_gmv(p)))
    for p in platforms:
        cols.append(_Col(book.t("orders_of").format(p=book.v(p)), "int", _platform_orders(p)))
    header, last = book.table(ws, rows, cols, data.daily)
    book.anchors["daily"] = (ws.title, header, last)
    if platforms and last > header:
        from openpyxl.chart import BarChart

        chart = _chart(BarChart(), book.t("chart.daily_platform"), '"¥"#,##0', 26, 9)
        chart.type, chart.grouping, chart.overlap, chart.gapWidth = "col", "stacked", 100, 40
        first_col = len(cols) - 2 * len(platforms) + 1
        chart.add_data(
            _ref(ws.title, first_col, header, last, last_col=first_col + len(platforms) - 1), titles_from_data=True
        )
        chart.set_categories(_ref(ws.title, 1, header + 1, last))
        chart.x_axis.number_format = "d"
        ws.add_chart(chart, f"A{last + 3}")


def _platform_gmv(platform: str) -> Callable[[DayFigures], int]:
    return lambda d: d.by_platform[platform].gmv_cents if platform in d.by_platform else 0


def _platform_orders(platform: str) -> Callable[[DayFigures], int]:
    return lambda d: d.by_platform[platform].paid_orders if platform in d.by_platform else 0


def _refunds(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.refunds")
    cases = sum(r.cases for r in data.refund_reasons)
    cols: list[_Col[RefundReason]] = [
        _Col("kind", "text", lambda r: r.kind, 14),
        _Col("reason", "text", lambda r: r.reason, 28),
        _Col("cases", "int", lambda r: r.cases),
        _Col("refunded_cases", "int", lambda r: r.refunded_cases),
        _Col("refunded_amount", "money", lambda r: r.refunded_cents, 16),
        _Col("share", "rate", lambda r: (r.cases * 20_000 + cases) // (2 * cases)),
    ]
    book.table(ws, rows, cols, data.refund_reasons)
    rows.blank()
    rows.write(["title"], [book.t("trend_title")])
    trend: list[_Col[MonthRefunds]] = [
        _Col("month", "text", lambda m: m.month),
        _Col("paid_orders", "int", lambda m: m.figures.paid_orders),
        _Col("refunded_orders", "int", lambda m: m.figures.refunded_orders),
        _Col("refund_rate_bp", "rate", lambda m: m.figures.refund_rate_bp),
        _Col("refund_cents", "money", lambda m: m.figures.refund_cents),
    ]
    _widths(book, ws, trend)
    header = _header_row(book, ws, rows, trend)
    for m in data.refund_trend:
        rows.write([c.kind for c in trend], [c.get(m) for c in trend])
    book.anchors["trend"] = (ws.title, header, rows.count)


def _service(book: _Book, data: MonthReport) -> None:
    """Per agent: ``domain.figures.ServiceMonth`` (services.tickets.figures; docs/metrics.md, Service desk)."""
    if data.service.total is None:
        return
    ws, rows = book.sheet("sheet.service")
    cols: list[_Col[AgentMonth]] = [
        _Col("agent", "text", lambda a: a.name or book.t("unassigned"), 14),
        _Col("tickets_handled", "int", lambda a: a.handled),
        _Col("frt_median", "duration", lambda a: a.first_response_median_s),
        _Col("frt_p90", "duration", lambda a: a.first_response_p90_s),
        _Col("resolution_median", "duration", lambda a: a.resolution_median_s),
        _Col("resolution_p90", "duration", lambda a: a.resolution_p90_s),
        _Col("sla_rate", "rate", lambda a: a.sla_hit_rate_bp),
        _Col("satisfaction", "decimal", _satisfaction),
        _Col("bad_reviews", "int", lambda a: a.bad_reviews),
        _Col("bad_reviews_recovered", "int", lambda a: a.bad_reviews_recovered),
    ]
    book.table(ws, rows, cols, data.service.agents)
    total = data.service.total
    rows.write([c.kind for c in cols], [book.t("total"), *(c.get(total) for c in cols[1:])], bold=True)


def _satisfaction(agent: AgentMonth) -> Decimal | None:
    x100 = agent.satisfaction_x100
    return None if x100 is None else Decimal(x100).scaleb(-2)


def _team(book: _Book, data: MonthReport) -> None:
    if not data.team:
        return
    ws, rows = book.sheet("sheet.team")
    cols: list[_Col[PersonFigures]] = [
        _Col("staff", "text", lambda p: p.name, 12),
        _Col("role", "text", lambda p: book.e(STAFF_ROLES, p.role), 14),
        _Col("tasks_completed", "int", lambda p: p.tasks_completed),
        _Col("tasks_due", "int", lambda p: p.tasks_due),
        _Col("tasks_on_time", "int", lambda p: p.tasks_on_time),
        _Col("tasks_overdue", "int", lambda p: p.tasks_overdue),
        _Col("on_time_rate", "rate", lambda p: p.on_time.bp if p.tasks_due else None),
        _Col("review_score", "decimal", _score),
        _Col("review_grade", "centered", lambda p: p.review_grade),
        _Col("review_status", "centered", lambda p: book.e(REVIEW_STATUSES, p.review_status)),
    ]
    book.table(ws, rows, cols, data.team)


def _score(person: PersonFigures) -> Decimal | None:
    """Scores are stored ×100 (0-10000 for 0-100)."""
    return None if person.review_score_bp is None else Decimal(person.review_score_bp).scaleb(-2)


def _orders(book: _Book, data: MonthReport) -> None:
    ws, rows = book.sheet("sheet.orders")
    cols: list[_Col[PaidOrderRow]] = [
        _Col("paid_at", "datetime", lambda o: o.paid_at),
        _Col("platform", "centered", lambda o: book.v(o.platform), 12),
        _Col("shop", "text", lambda o: o.shop, 22),
        _Col("order_id", "text", lambda o: o.platform_order_id, 26),
        _Col("status", "centered", lambda o: book.e(ORDER_STATUSES, o.status), 10),
        _Col("refund_state", "centered", lambda o: book.e(REFUND_STATES, o.refund_state), 10),
        _Col("buyer", "text", lambda o: o.buyer_nick, 16),
        _Col("province", "text", lambda o: o.receiver_province, 9),
        _Col("city", "text", lambda o: o.receiver_city, 9),
        _Col("units", "int", lambda o: o.units, 8),
        _Col("paid", "money", lambda o: o.paid_cents, 13),
        _Col("refund", "money", lambda o: o.refund_cents, 13),
        _Col("buyer_message", "text", lambda o: o.buyer_message, 24),
        _Col("seller_memo", "text", lambda o: o.seller_memo, 24),
    ]
    book.table(ws, rows, cols, data.orders())


# --- charts ---------------------------------------------------------------------------------------------


def _ref(sheet: str, col: int, first: int, last: int, *, last_col: int | None = None) -> Any:
    """A reference by sheet title and rows."""
    from openpyxl.chart import Reference
    from openpyxl.utils import get_column_letter, quote_sheetname

    a, b = get_column_letter(col), get_column_letter(last_col or col)
    return Reference(range_string=f"{quote_sheetname(sheet)}!${a}${first}:${b}${last}")


def _chart(chart: Any, title: str, y_format: str, width: float, height: float) -> Any:
    chart.title = title
    chart.style = 10
    chart.width, chart.height = width, height
    chart.y_axis.number_format = y_format
    chart.y_axis.numFmt.sourceLinked = False
    chart.x_axis.delete = False  # openpyxl 3.1 hides the axes unless told
    chart.y_axis.delete = False
    chart.legend.position = "b"
    return chart


def _straight(chart: Any) -> Any:
    """openpyxl draws line series smoothed; figures per day or month are points, not a curve."""
    for series in chart.series:
        series.smooth = False
    return chart


def _summary_charts(book: _Book, data: MonthReport) -> None:
    """Added last: they point at rows of sheets written after the summary."""
    from openpyxl.chart import BarChart, LineChart
    from openpyxl.worksheet.pagebreak import Break

    summary, row, _ = book.anchors["charts"]
    ws = next(w for w in book.wb.worksheets if w.title == summary)
    ws.row_breaks.append(Break(id=row - 1))  # printed: the tables on page one, the charts on page two
    daily, header, last = book.anchors["daily"]
    line = _chart(LineChart(), book.t("chart.daily_gmv"), '"¥"#,##0', 25, 8)
    line.add_data(_ref(daily, 2, header, last), titles_from_data=True)
    line.set_categories(_ref(daily, 1, header + 1, last))
    line.x_axis.number_format = "d"
    line.legend = None
    ws.add_chart(_straight(line), f"A{row}")
    sheet, first, last = book.anchors["platforms"]
    if last >= first:
        bar = _chart(BarChart(), book.t("chart.platform_gmv"), '"¥"#,##0', 12, 7.5)
        bar.add_data(_ref(sheet, 2, first, last), titles_from_data=False)
        bar.set_categories(_ref(sheet, 1, first, last))
        bar.legend = None
        ws.add_chart(bar, f"A{row + 17}")
    sheet, header, last = book.anchors["trend"]
    if last > header:
        trend = _chart(LineChart(), book.t("chart.refund_trend"), "0.0%", 16, 7.5)
        trend.add_data(_ref(sheet, 4, header + 1, last), titles_from_data=False)
        trend.set_categories(_ref(sheet, 1, header + 1, last))
        trend.legend = None
        ws.add_chart(_straight(trend), f"D{row + 17}")


def _promotions(book: _Book, data: MonthReport) -> None:
    """Promotions that ended in the month, with their effect against the same length before (uplift)."""
    if not data.promotions:
        return
    ws, rows = book.sheet("sheet.promotions")

    def local(instant: datetime) -> datetime:
        return shop_time(instant, data.timezone).replace(tzinfo=None)

    cols: list[_Col[PromotionFigures]] = [
        _Col("promotion", "text", lambda p: p.title, 24),
        _Col("promotion_kind", "text", lambda p: book.e(PROMOTION_KINDS, p.kind), 12),
        _Col("shop", "text", lambda p: p.shop, 14),
        _Col("promotion_start", "datetime", lambda p: local(p.starts_at)),
        _Col("promotion_end", "datetime", lambda p: local(p.ends_at)),
        _Col("promotion_skus", "int", lambda p: p.sku_count),
        _Col("units_during", "int", lambda p: p.effect.during.units),
        _Col("units_before", "int", lambda p: p.effect.before.units),
        _Col("units_uplift", "rate", lambda p: p.effect.units_uplift_bp),
        _Col("gmv_during", "money", lambda p: p.effect.during.gmv_cents),
        _Col("gmv_before", "money", lambda p: p.effect.before.gmv_cents),
        _Col("gmv_uplift", "rate", lambda p: p.effect.gmv_uplift_bp),
    ]
    book.table(ws, rows, cols, data.promotions)


# --- entry point ----------------------------------------------------------------------------------------

_SHEETS: tuple[Callable[[_Book, MonthReport], None], ...] = (
    _summary,
    _shops,
    _skus,
    _daily,
    _refunds,
    _service,
    _team,
    _promotions,
    _orders,
)


def write_monthly_workbook(
    path: Path,
    data: MonthReport,
    lang: str = "zh_CN",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the workbook to ``path``; the file appears only when complete. Raises ``Cancelled`` when asked.

    Progress counts rows: ``(done, total)`` with total = the month's paid orders plus the other tables' rows.
    """
    if lang not in ("zh_CN", "en"):
        raise ValidationError(f"Unknown workbook language {lang!r}.", code="report_lang", lang=lang)
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix=temp_prefix("report")) as tmp:
        book = _Book(cast(Lang, lang), Path(tmp), progress, cancelled)
        book.total = data.paid_orders + len(data.breakdown.by_sku) + len(data.daily) + 100
        for write_sheet in _SHEETS:
            write_sheet(book, data)
        _summary_charts(book, data)
        partial = path.with_name(f".{path.name}{PART_SUFFIX}")
        try:
            book.save(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    if progress is not None:
        progress(book.total, book.total)
    return path
