"""Performance reviews as the scorecards shops print: one sheet per person (the KPI lines with weight, target,
actual, score and weighted score, the total and grade, both sides' comments, the improvement plan and
signature lines), and for a whole month a summary sheet first.

Text cells go through ``safe_cells.set_cell`` (never a formula); numbers are exact decimals of the stored
integers. Every sheet prints on one A4 page wide.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sellerdesk.domain.errors import ValidationError
from sellerdesk.domain.labels import REVIEW_STATUSES, STAFF_ROLES
from sellerdesk.domain.scratch import PART_SUFFIX
from sellerdesk.sheets.report_workbook import enum_label
from sellerdesk.sheets.safe_cells import set_cell

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Lang = Literal["zh_CN", "en"]
_FONT = "Calibri"
_COLUMNS = 10  # No. | KPI | source | weight | target | actual | rule | score | weighted | remark
_WIDTHS = (5, 22, 20, 8, 13, 13, 30, 9, 10, 24)


@dataclass(frozen=True)
class CardLine:
    name: str
    source: str  # the metric's name in the workbook's language, "" = entered by hand
    unit: str  # count / cents / bp / seconds / score
    weight_bp: int
    target: int
    actual: int | None
    rule: str  # the scoring rule as words, in the workbook's language
    score_bp: int | None
    note: str = ""
    manual: bool = False  # scored by the manager


@dataclass(frozen=True)
class Scorecard:
    staff_name: str
    role: str  # a Role value
    month: str  # YYYY-MM
    status: str  # a ReviewStatus value
    submitted: bool
    reviewer_name: str
    submitted_on: date | None  # shop days
    acknowledged_on: date | None
    lines: tuple[CardLine, ...]
    score_bp: int | None
    grade: str
    thresholds: tuple[int, int, int, int]  # lowest S, A, B, C scores
    self_comment: str
    manager_comment: str
    plan: tuple[tuple[str, date | None], ...]


_WORDS: dict[str, tuple[str, str]] = {
    "title": ("绩效考核表", "Performance review"),
    "summary_title": ("月度绩效汇总", "Monthly performance summary"),
    "name": ("姓名", "Name"),
    "role": ("岗位", "Role"),
    "month": ("考核月份", "Month"),
    "reviewer": ("考核人", "Reviewer"),
    "status": ("状态", "Status"),
    "submitted_on": ("提交日期", "Submitted"),
    "acknowledged_on": ("确认日期", "Acknowledged"),
    "no": ("序号", "No."),
    "kpi": ("考核项目", "KPI"),
    "source": ("数据来源", "Source"),
    "weight": ("权重", "Weight"),
    "target": ("目标值", "Target"),
    "actual": ("实际值", "Actual"),
    "rule": ("评分规则", "Scoring rule"),
    "score": ("得分", "Score"),
    "weighted": ("加权得分", "Weighted"),
    "remark": ("备注", "Remark"),
    "by_hand": ("手工录入", "Entered by hand"),
    "total": ("合计", "Total"),
    "grade": ("等级", "Grade"),
    "grades": ("等级标准", "Grades"),
    "self_comment": ("员工自评", "Self-assessment"),
    "manager_comment": ("主管评语", "Manager's comments"),
    "plan": ("改进计划", "Improvement plan"),
    "due": ("完成期限", "Due"),
    "employee_sign": ("员工签字：", "Employee's signature:"),
    "manager_sign": ("主管签字：", "Manager's signature:"),
    "date": ("日期：", "Date:"),
    "not_submitted": ("未提交：实际值仍会随数据更新", "Not submitted: actuals still follow the data"),
    "none": ("无", "None"),
    "awaiting": ("已提交，待确认", "Submitted, to acknowledge"),
    "count": ("人数", "People"),
    "seconds": ('#,##0"秒"', '#,##0" s"'),
}


_METRIC_ZH = {
    "Tickets handled": "处理工单数",
    "First response (median)": "首次响应时间（中位数）",
    "Resolution time (median)": "解决时长（中位数）",
    "SLA hit rate": "SLA达成率",
    "Satisfaction": "满意度",
    "Bad reviews recovered": "差评挽回数",
    "GMV": "销售额（GMV）",
    "Refund rate": "退款率",
    "Late-shipment rate": "发货超时率",
    "Stocktake accuracy": "盘点准确率",
    "SKUs out of stock": "缺货SKU数",
    "Listings updated": "商品更新数",
    "Titles failing the banned-word check": "违规词标题数",
    "Promotion uplift": "活动销售提升",
    "Tasks done": "完成任务数",
    "Tasks done on time": "任务按时完成率",
}
_RULES: dict[str, tuple[str, str]] = {
    "linear": ("按目标线性计分，封顶 {cap} 分", "Linear to target, cap {cap}"),
    "manual": ("主管评分（满分 {cap}）", "Scored by the manager (max {cap})"),
    "lower": ("，越低越好", ", lower is better"),
    "bands": ("分档：", "Bands: "),
}


def _plain(value: int, places: int) -> str:
    """An integer of hundredths (or ten-thousandths) as a short number: 11000 → "110", 8550 → "85.5"."""
    text = f"{Decimal(value).scaleb(-places):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def metric_name(name: str, lang: Lang) -> str:
    """A metric's name (English source, ``services.reviews.metrics``) in ``lang``."""
    return _METRIC_ZH.get(name, name) if lang == "zh_CN" else name


def unit_text(unit: str, value: int, lang: Lang) -> str:
    """A target or threshold as words: ¥ with cents, percentages, seconds, points."""
    if unit == "cents":
        return f"¥{Decimal(value).scaleb(-2):,.2f}"
    if unit == "bp":
        return f"{_plain(value, 2)}%"
    if unit == "seconds":
        return f"{value}秒" if lang == "zh_CN" else f"{value} s"
    if unit == "score":
        return _plain(value, 2)
    return str(value)


def rule_text(
    scoring: str, higher_is_better: bool, cap_bp: int, bands: Sequence[tuple[int, int]], unit: str, lang: Lang
) -> str:
    """A line's scoring rule as a scorecard states it."""
    zh = lang == "zh_CN"
    cap = _plain(cap_bp, 2)
    if scoring == "bands":
        sign = "≥" if higher_is_better else "≤"
        parts = [f"{sign}{unit_text(unit, t, lang)} → {_plain(sc, 2)}" for t, sc in bands]
        return _RULES["bands"][0 if zh else 1] + ("；" if zh else "; ").join(parts)
    text = _RULES["manual" if scoring == "manual" else "linear"][0 if zh else 1].format(cap=cap)
    if scoring == "linear" and not higher_is_better:
        text += _RULES["lower"][0 if zh else 1]
    return text


def word(key: str, lang: Lang) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh_CN" else en


def _points(bp: int | None) -> Decimal | None:
    return None if bp is None else Decimal(bp).scaleb(-2)


def _value(unit: str, value: int | None) -> Decimal | int | None:
    """A stored integer as the number the cell shows: yuan, a fraction for percentages, points."""
    if value is None:
        return None
    if unit == "cents":
        return Decimal(value).scaleb(-2)
    if unit == "bp":
        return Decimal(value).scaleb(-4)
    if unit == "score":
        return Decimal(value).scaleb(-2)
    return value


def _format(unit: str, lang: Lang) -> str:
    return {
        "cents": "#,##0.00",
        "bp": "0.00%",
        "score": "0.00",
        "seconds": word("seconds", lang),
    }.get(unit, "#,##0")


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title = Font(name=_FONT, bold=True, size=16)
        self.bold = Font(name=_FONT, bold=True)
        self.plain = Font(name=_FONT)
        self.note = Font(name=_FONT, italic=True, color="C00000")
        self.fill = PatternFill("solid", fgColor="D9E1F2")
        self.light = PatternFill("solid", fgColor="F2F2F2")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.top = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="center")


def status_text(card: Scorecard, lang: Lang) -> str:
    if card.submitted and card.status == "manager_review":
        return word("awaiting", lang)
    return enum_label(REVIEW_STATUSES, card.status, lang)


def _put(ws: Worksheet, row: int, col: int, value: object, **style: Any) -> Any:
    cell = set_cell(ws.cell(row=row, column=col), value)
    for key, val in style.items():
        setattr(cell, key, val)
    return cell


def _box(ws: Worksheet, row: int, first: int, last: int, st: _Styles, rows: int = 1) -> None:
    """Borders round a merged block (merged cells keep only the first cell's border otherwise)."""
    for r in range(row, row + rows):
        for c in range(first, last + 1):
            ws.cell(row=r, column=c).border = st.border


def _page(ws: Worksheet, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True


def _scorecard(ws: Worksheet, card: Scorecard, lang: Lang, st: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    for n, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    _page(ws)
    # Title and the person
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=_COLUMNS)
    _put(ws, 1, 1, f"{word('title', lang)}  {card.month}", font=st.title, alignment=st.center)
    ws.row_dimensions[1].height = 30
    head = (
        ("name", card.staff_name, "role", enum_label(STAFF_ROLES, card.role, lang)),
        ("month", card.month, "reviewer", card.reviewer_name),
        ("status", status_text(card, lang), "submitted_on", card.submitted_on),
    )
    row = 3
    for left_key, left, right_key, right in head:
        _put(ws, row, 1, word(left_key, lang), font=st.bold, fill=st.light, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _put(ws, row, 3, left, font=st.plain, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
        _put(ws, row, 6, word(right_key, lang), font=st.bold, fill=st.light, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=6, end_row=row, end_column=7)
        cell = _put(ws, row, 8, right, font=st.plain, alignment=st.left)
        if isinstance(right, date):
            cell.number_format = "yyyy-mm-dd"
        ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=_COLUMNS)
        _box(ws, row, 1, _COLUMNS, st)
        ws.row_dimensions[row].height = 18
        row += 1
    if not card.submitted:
        _put(ws, row, 1, word("not_submitted", lang), font=st.note)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_COLUMNS)
    row += 1
    # The KPI table
    header = ("no", "kpi", "source", "weight", "target", "actual", "rule", "score", "weighted", "remark")
    for col, key in enumerate(header, start=1):
        _put(ws, row, col, word(key, lang), font=st.bold, fill=st.fill, alignment=st.center, border=st.border)
    ws.row_dimensions[row].height = 22
    ws.print_title_rows = f"{row}:{row}"
    row += 1
    for n, line in enumerate(card.lines, start=1):
        weighted = (
            None
            if line.score_bp is None
            else (Decimal(line.score_bp) * line.weight_bp).scaleb(-6).quantize(Decimal("0.01"))
        )
        by_hand = line.manual and line.actual is None  # a score entered by the manager: no target to show
        values: tuple[tuple[object, str | None, Any], ...] = (
            (n, "0", st.center),
            (line.name, None, st.left),
            (line.source or word("by_hand", lang), None, st.left),
            (Decimal(line.weight_bp).scaleb(-4), "0%", st.center),
            (None if by_hand else _value(line.unit, line.target), _format(line.unit, lang), st.right),
            (_value(line.unit, line.actual), _format(line.unit, lang), st.right),
            (line.rule, None, st.left),
            (_points(line.score_bp), "0.00", st.right),
            (weighted, "0.00", st.right),
            (line.note, None, st.left),
        )
        for col, (value, fmt, align) in enumerate(values, start=1):
            cell = _put(ws, row, col, value, font=st.plain, alignment=align, border=st.border)
            if fmt is not None:
                cell.number_format = fmt
        ws.row_dimensions[row].height = 30
        row += 1
    total_weight = Decimal(sum(line.weight_bp for line in card.lines)).scaleb(-4)
    _put(ws, row, 1, word("total", lang), font=st.bold, fill=st.light, alignment=st.center)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    _put(ws, row, 4, total_weight, font=st.bold, fill=st.light, alignment=st.center).number_format = "0%"
    _put(ws, row, 5, word("grade", lang), font=st.bold, fill=st.light, alignment=st.right)
    ws.merge_cells(start_row=row, start_column=5, end_row=row, end_column=6)
    _put(ws, row, 7, card.grade or "—", font=st.title, fill=st.light, alignment=st.center)
    _put(ws, row, 8, word("score", lang), font=st.bold, fill=st.light, alignment=st.right)
    cell = _put(ws, row, 9, _points(card.score_bp), font=st.bold, fill=st.light, alignment=st.right)
    cell.number_format = "0.00"
    _put(ws, row, 10, "", fill=st.light)
    _box(ws, row, 1, _COLUMNS, st)
    ws.row_dimensions[row].height = 26
    row += 1
    s, a, b, c = (_plain(t, 2) for t in card.thresholds)
    scale = f"{word('grades', lang)}:  S ≥ {s}   A ≥ {a}   B ≥ {b}   C ≥ {c}   D < {c}"
    _put(ws, row, 1, scale, font=st.plain, alignment=st.left)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_COLUMNS)
    row += 2
    # Comments and plan
    for key, text in (("self_comment", card.self_comment), ("manager_comment", card.manager_comment)):
        row = _text_block(ws, row, word(key, lang), text or "", st)
    plan = "\n".join(
        f"{n}. {text}" + (f"（{word('due', lang)} {due:%Y-%m-%d}）" if due else "")
        for n, (text, due) in enumerate(card.plan, start=1)
    )
    row = _text_block(ws, row, word("plan", lang), plan or word("none", lang), st, lines=max(2, len(card.plan)))
    row += 1
    # Signatures
    for key in ("employee_sign", "manager_sign"):
        _put(ws, row, 1, word(key, lang), font=st.bold, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        _put(ws, row, 3, "_" * 24, font=st.plain, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
        _put(ws, row, 7, word("date", lang), font=st.bold, alignment=st.right)
        _put(ws, row, 8, "_" * 16, font=st.plain, alignment=st.left)
        ws.merge_cells(start_row=row, start_column=8, end_row=row, end_column=9)
        ws.row_dimensions[row].height = 30
        row += 2


def _text_block(ws: Worksheet, row: int, title: str, text: str, st: _Styles, lines: int = 2) -> int:
    _put(ws, row, 1, title, font=st.bold, fill=st.light, alignment=st.center)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _put(ws, row, 3, text, font=st.plain, alignment=st.top)
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=_COLUMNS)
    _box(ws, row, 1, _COLUMNS, st)
    ws.row_dimensions[row].height = max(36, 16 * max(lines, text.count("\n") + 1, len(text) // 90 + 1))
    return row + 1


def _summary(ws: Worksheet, month: str, cards: Sequence[Scorecard], lang: Lang, st: _Styles) -> None:
    from openpyxl.utils import get_column_letter

    widths = (5, 16, 22, 26, 9, 7, 14, 12, 14)
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    _page(ws, landscape=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(widths))
    _put(ws, 1, 1, f"{word('summary_title', lang)}  {month}", font=st.title, alignment=st.center)
    ws.row_dimensions[1].height = 30
    keys = ("no", "name", "role", "status", "score", "grade", "reviewer", "submitted_on", "acknowledged_on")
    for col, key in enumerate(keys, start=1):
        _put(ws, 3, col, word(key, lang), font=st.bold, fill=st.fill, alignment=st.center, border=st.border)
    ws.row_dimensions[3].height = 22
    ws.print_title_rows = "3:3"
    ws.freeze_panes = "A4"
    for n, card in enumerate(cards, start=1):
        values: tuple[object, ...] = (
            n,
            card.staff_name,
            enum_label(STAFF_ROLES, card.role, lang),
            status_text(card, lang),
            _points(card.score_bp),
            card.grade,
            card.reviewer_name,
            card.submitted_on,
            card.acknowledged_on,
        )
        for col, value in enumerate(values, start=1):
            align = st.left if col in (2, 3, 7) else st.center
            cell = _put(ws, 3 + n, col, value, font=st.plain, alignment=align, border=st.border)
            if col == 5:
                cell.number_format = "0.00"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
        ws.row_dimensions[3 + n].height = 20
    row = 5 + len(cards)
    counts = "   ".join(f"{g}: {sum(1 for c in cards if c.grade == g)}" for g in ("S", "A", "B", "C", "D"))
    _put(ws, row, 1, f"{word('count', lang)}: {len(cards)}    {word('grade', lang)} —  {counts}", font=st.bold)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_title(name: str, taken: set[str]) -> str:
    base = (name.translate(_BAD_SHEET_CHARS).strip("'") or "-")[:28]
    title, n = base, 2
    while title.lower() in taken:
        title, n = f"{base[:26]}({n})", n + 1
    taken.add(title.lower())
    return title


def write_review_workbook(path: Path, cards: Sequence[Scorecard], lang: str = "zh_CN", month: str = "") -> Path:
    """One scorecard sheet per review; with ``month``, a summary sheet first (the team's month). The file
    appears only when complete."""
    from openpyxl import Workbook

    if lang not in ("zh_CN", "en"):
        raise ValidationError(f"Unknown workbook language {lang!r}.", code="report_lang", lang=lang)
    language: Lang = "zh_CN" if lang == "zh_CN" else "en"
    st = _Styles()
    book = Workbook()
    first = book.active
    assert first is not None
    taken: set[str] = set()
    if month:
        first.title = _sheet_title(word("summary_title", language), taken)
        _summary(first, month, cards, language, st)
    for card in cards:
        ws = first if not month and card is cards[0] else book.create_sheet()
        ws.title = _sheet_title(card.staff_name, taken)
        _scorecard(ws, card, language, st)
    path = Path(path)
    partial = path.with_name(f".{path.name}{PART_SUFFIX}")
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def local_day(instant: datetime | None, zone: str) -> date | None:
    from sellerdesk.domain.timeutil import shop_time

    return None if instant is None else shop_time(instant, zone).date()
