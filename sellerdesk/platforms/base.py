"""What every platform parser shares: header alias tables, layout detection, typed row access
that collects per-row problems, and grouping of multi-row orders.

Columns are always found by normalised header name through alias tables (data, never positions):
every platform has renamed, inserted and reordered export columns over the years.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NamedTuple, Protocol, TypeVar

from sellerdesk.domain.enums import OrderStatus, Platform, RefundState
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.limits import TEXT_LIMITS, UNBOUNDED_TEXT
from sellerdesk.domain.records import FileKind, FileNote, ItemRecord, OrderRecord, ParsedFile, RefundRecord, RowProblem
from sellerdesk.platforms.stamps import stamp_in_name
from sellerdesk.sheets.cleaning import (
    NULL_TEXTS,
    CellError,
    clean_code,
    clean_tracking,
    fit_text,
    normalize_header,
    parse_china_time,
    parse_id,
    parse_money,
    parse_qty,
)
from sellerdesk.sheets.reading import Table, gc_paused

Aliases = Mapping[str, tuple[str, ...]]  # canonical field -> header names, preferred first
T = TypeVar("T")


def aliases(table: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """An alias table with every header name normalised, so tables can be written as seen in files."""
    return {name: tuple(normalize_header(h) for h in headers) for name, headers in table.items()}


def header_set(text: str) -> frozenset[str]:
    """Space-separated header names → a set of normalised names (for layout signatures)."""
    return frozenset(normalize_header(h) for h in text.split())


def map_headers(headers: Sequence[str], alias_table: Aliases) -> dict[str, int]:
    """Canonical field -> column index, taking each field's first alias present in ``headers``.

    ``headers`` may be raw; they are normalised here. Unknown extra columns are ignored.
    """
    position: dict[str, int] = {}
    for index, header in enumerate(headers):
        position.setdefault(normalize_header(header), index)
    columns: dict[str, int] = {}
    for name, names in alias_table.items():
        for alias in names:
            if alias in position:
                columns[name] = position[alias]
                break
    return columns


class AmountColumn(NamedTuple):
    """One row of a platform's amounts statement (docs/amounts.md): what a money column means and how
    sure that is."""

    column: str  # the header as the platform writes it
    meaning: str
    evidence: str  # PROVED, API_DOCS or GUESS


PROVED = "proved on real rows"
API_DOCS = "from API docs"
GUESS = "a guess"


def money_aliases(table: Sequence[AmountColumn], *columns: str) -> tuple[str, ...]:
    """Header aliases of a money field, each checked to be stated in ``table``: a parser reads money only
    from columns whose meaning its amounts statement gives."""
    stated = {row.column for row in table}
    unstated = [c for c in columns if c not in stated]
    if unstated:
        raise KeyError(f"not in the amounts statement: {', '.join(unstated)}")
    return columns


@dataclass(frozen=True)
class Fallback:
    """A column read in place of a required one the file lacks (custom column sets leave some out).

    ``confirm``: the stand-in means something else (an order time for a payment time), so it is used
    only when the user accepts it; otherwise it is used at once and the file's preview says so.
    """

    field: str  # the required canonical field
    stand_in: str  # the canonical field whose column is read in its place
    confirm: bool = False


@dataclass(frozen=True)
class Layout:
    """One file layout a parser understands: kind, header aliases and the headers that identify it."""

    name: str
    kind: FileKind
    aliases: Aliases
    required: tuple[str, ...]  # canonical fields that must have a column
    signature: frozenset[str]  # normalised headers typical of this layout
    min_signature: int = 2  # signature headers needed before the layout is considered at all
    file_hint: str = ""  # a file-name stem real tools use for this layout (Taobao's ExportOrderList)
    generation: Callable[[frozenset[str]], str] | None = None  # names the header generation
    fallbacks: tuple[Fallback, ...] = ()

    def display_name(self, canonical: str) -> str:
        """The header a user would look for, for messages about a missing column."""
        return self.aliases[canonical][0]


@dataclass(frozen=True)
class LayoutMatch:
    """How well a file's header fits a layout."""

    layout: Layout
    columns: dict[str, int]
    score: int
    missing_required: tuple[str, ...]  # header names of required columns not found
    generation: str
    notes: tuple[FileNote, ...] = ()  # fallback columns in use (or offered, to be confirmed)

    @property
    def unconfirmed(self) -> tuple[FileNote, ...]:
        return tuple(n for n in self.notes if n.code == UNCONFIRMED)

    def reads_in_place(self, name: str) -> bool:
        """True when ``name``'s column is a fallback column read in its place."""
        return any(
            fb.field == name and self.columns.get(name) == self.columns.get(fb.stand_in) for fb in self.layout.fallbacks
        )

    def confirmed(self) -> LayoutMatch:
        """This match with its offered fallbacks accepted by the user."""
        notes = tuple(replace(n, code=FALLBACK) if n.code == UNCONFIRMED else n for n in self.notes)
        return replace(self, notes=notes)


FALLBACK = "fallback_column"  # a note: the fallback column is read as the missing one
UNCONFIRMED = "fallback_unconfirmed"  # a note: it would be, once the user accepts it


def match_layout(layout: Layout, headers: Sequence[str], file_name: str = "") -> LayoutMatch | None:
    """Score ``headers`` against ``layout``; None when too few identifying headers are present."""
    normalised = frozenset(normalize_header(h) for h in headers)
    hits = len(layout.signature & normalised)
    hinted = bool(layout.file_hint) and layout.file_hint in file_name
    if hits + hinted < min(layout.min_signature, len(layout.signature)):
        return None
    columns = map_headers(headers, layout.aliases)
    notes = _use_fallbacks(layout, headers, columns)
    missing = tuple(layout.display_name(f) for f in layout.required if f not in columns)
    score = 10 * hits + len(columns) + (15 if hinted else 0) - 5 * len(missing)
    generation = layout.generation(normalised) if layout.generation else ""
    return LayoutMatch(layout, columns, score, missing, generation, notes)


def _use_fallbacks(layout: Layout, headers: Sequence[str], columns: dict[str, int]) -> tuple[FileNote, ...]:
    """The one rule for a missing required column: its layout's fallback column is read in its place
    (``columns`` gains it), with a note; a fallback that needs confirming is noted as offered."""
    notes = []
    for fb in layout.fallbacks:
        if fb.field in columns or fb.stand_in not in columns:
            continue
        column, stand_in = layout.display_name(fb.field), headers[columns[fb.stand_in]].strip()
        columns[fb.field] = columns[fb.stand_in]
        code, how = (UNCONFIRMED, "can be read as") if fb.confirm else (FALLBACK, "is read as")
        message = f"The file has no {column}: {stand_in} {how} {column}."
        notes.append(FileNote(code, message, column, stand_in, fb.field))
    return tuple(notes)


class Parser(Protocol):
    """A platform's export parser."""

    platform: Platform

    def detect(self, headers: Sequence[str], file_name: str = "") -> LayoutMatch | None: ...

    def start(self, file_name: str, match: LayoutMatch, *, stream: bool = False) -> ParsedFile: ...

    def fill(self, table: Table, match: LayoutMatch, result: ParsedFile) -> None: ...


class LayoutParser:
    """A parser defined by its layouts; subclasses implement ``parse_rows`` for the layouts they own."""

    platform: Platform
    layouts: tuple[Layout, ...]

    def detect(self, headers: Sequence[str], file_name: str = "") -> LayoutMatch | None:
        matches = [m for layout in self.layouts if (m := match_layout(layout, headers, file_name))]
        return max(matches, key=lambda m: m.score, default=None)

    def start(self, file_name: str, match: LayoutMatch, *, stream: bool = False) -> ParsedFile:
        """The empty result ``fill`` fills (``stream``: see ``ParsedFile.final``)."""
        result = ParsedFile(
            file_name,
            self.platform,
            match.layout.kind,
            header_generation=match.generation,
            stream=stream,
            exported_at=stamp_in_name(file_name),
        )
        result.notes.extend(match.notes)
        # A stand-in column fills a gap but never replaces what a file with the real column said.
        result.approximate = frozenset(n.field for n in match.notes if n.code == FALLBACK)
        return result

    def fill(self, table: Table, match: LayoutMatch, result: ParsedFile) -> None:
        """Parse every row into ``result``; its problems are added at the end."""
        reader = RowReader(result.file_name, table.header, match.columns)
        reader.cut_rows = table.cut_rows
        with gc_paused():
            self.parse_rows(table, match, reader, result)
        result.problems.extend(reader.all_problems)
        result.warnings.extend(reader.warnings)

    def parse_rows(self, table: Table, match: LayoutMatch, reader: RowReader, result: ParsedFile) -> None:
        """Fill ``result`` from the rows; row problems go through ``reader``."""
        raise NotImplementedError


def not_an_export(file_name: str) -> ImportFileError:
    return ImportFileError(
        f"{file_name}: the columns do not match any known platform export.",
        code="not_an_export",
        file=file_name,
    )


def fallbacks_unconfirmed(file_name: str, match: LayoutMatch) -> ImportFileError:
    notes = match.unconfirmed
    offers = "; ".join(f"{n.stand_in} for {n.column}" for n in notes)
    return ImportFileError(
        f"{file_name}: required columns are missing; accept the fallback columns to import it ({offers}).",
        code="fallback_unconfirmed",
        file=file_name,
        columns=[n.column for n in notes],
        fallbacks=[n.stand_in for n in notes],
    )


def missing_columns(file_name: str, match: LayoutMatch) -> ImportFileError:
    missing = ", ".join(match.missing_required)
    return ImportFileError(
        f"{file_name}: required columns are missing: {missing}.",
        code="missing_columns",
        file=file_name,
        columns=list(match.missing_required),
        layout=match.layout.name,
    )


_LINE_SUFFIX = 16  # "#", a line number or key digest, and a repeat number, after the order id
# Source column -> record field, where the names differ (a column not listed stores under its own name).
_STORED_AS = {
    "address": "receiver_address",
    "street": "receiver_address",
    "province": "receiver_province",
    "city": "receiver_city",
    "district": "receiver_district",
    "zip": "receiver_zip",
    "mobile": "receiver_phone",
    "phone": "receiver_phone",
    "buyer": "buyer_nick",
    "status": "status_raw",
    "refund_status": "refund_status_raw",
    "aftersale": "refund_status_raw",
    "logistics": "tracking_no",  # carrier and tracking number in one cell
    "item_code": "seller_code",
    "outer_id": "seller_code",
    "seller_sku": "seller_code",
    "product_id": "platform_item_id",
    "sku_id": "platform_sku_id",
    "memo": "seller_memo",
    "memo_old": "seller_memo",
    "address_modified": "receiver_address",
}
_LIMITS = {
    **TEXT_LIMITS,
    **dict.fromkeys(UNBOUNDED_TEXT, 1 << 40),  # unbounded: checked for NUL only
    # Room for the "#<n>" that synthetic line ids append (real order ids have at most ~25 characters).
    "order_id": TEXT_LIMITS["sub_order_id"] - _LINE_SUFFIX,
}
_CODE_COLUMNS = frozenset(
    {"order_id", "sub_order_id", "refund_id", "mobile", "phone", "tracking_no", "logistics", "seller_code"}
    | {"item_code", "outer_id", "seller_sku", "product_id", "sku_id"}
)


def stored_text_limits(columns: Mapping[str, int]) -> list[tuple[int, int, str]]:
    """(column index, length limit, field) of the file's columns that are stored as text."""
    limits = ((index, _LIMITS.get(_STORED_AS.get(name, name)), name) for name, index in columns.items())
    return [(index, limit, name) for index, limit, name in limits if limit is not None]


class RowReader:
    """Typed access to one row's cells by canonical field; problems are collected, never raised.

    One reader is reused for every row of a file (``load``) so the column lookup is built once.
    Each accessor handles the common clean value inline and calls the full cleaning rule only for
    the rest: this runs for most cells of 100k-row files.
    """

    def __init__(self, file_name: str, header: Sequence[str], columns: Mapping[str, int]) -> None:
        self.file_name = file_name
        self.header = list(header)
        self.columns = dict(columns)
        self.row_no = 0
        self.problems: list[RowProblem] = []  # of the current row
        self.all_problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []  # worth saying, but the row is imported
        self._cells: list[str] = []
        self._money: dict[str, int | None] = {}  # raw text -> cents: amounts repeat a lot (prices, 0.00)
        self._plans: dict[tuple[str, ...], list[int]] = {}
        self._limited = stored_text_limits(self.columns)
        self.cut_rows: Collection[int] = ()  # rows the file cut short (``Table.cut_rows``)

    def load(self, row_no: int, cells: list[str]) -> None:
        self.row_no = row_no
        self._cells = cells
        if self.problems:
            self.problems = []
        for index, limit, name in self._limited:
            if len(cell := cells[index]) > limit or "\x00" in cell:
                self._check_stored_text(index, limit, name)
        if self.cut_rows and row_no in self.cut_rows:
            self._cut_row()

    def _cut_row(self) -> None:
        """The row the file ends in: named by its last cell with text, where the cut is."""
        cells = self._cells
        last = max((i for i, c in enumerate(cells) if c.strip()), default=0)
        column = self.header[last] if last < len(self.header) else ""
        value = cells[last] if cells else ""
        problem = RowProblem(
            self.file_name, self.row_no, column, value, "truncated_row", "The file ends inside this row (cut off?)."
        )
        self.problems.append(problem)
        self.all_problems.append(problem)

    def _check_stored_text(self, index: int, limit: int, name: str) -> None:
        """Outside the fast path: NUL characters go (PostgreSQL cannot store them), then a value longer
        than its column is a problem (SQLite would keep it whole, PostgreSQL refuse the import)."""
        cell = self._cells[index] = self._cells[index].replace("\x00", "")
        try:
            fit_text(clean_tracking(cell) if name in _CODE_COLUMNS else cell.strip(), limit)
        except CellError as exc:
            self.problem(name, exc.code, exc.message)

    def check_lengths(self, record: object, derived: Mapping[str, str]) -> None:
        """Record fields a parser derived from a cell (an address split into parts; a carrier and a
        tracking number from one cell), field -> source column: each must fit its database column."""
        for name, source in derived.items():
            try:
                fit_text(getattr(record, name), TEXT_LIMITS[name])
            except CellError as exc:
                self.problem(source, exc.code, f"{name}: {exc.message}")

    def has(self, name: str) -> bool:
        return name in self.columns

    def raw(self, name: str) -> str:
        index = self.columns.get(name)
        return "" if index is None else self._cells[index]

    def text(self, name: str) -> str:
        index = self.columns.get(name)
        if index is None:
            return ""
        s = self._cells[index].strip()
        return "" if s in NULL_TEXTS else s

    def texts(self, names: tuple[str, ...]) -> list[str]:
        """``text`` for several fields at once, in order (one pass for a file's plain text columns)."""
        plan = self._plans.get(names)
        if plan is None:
            plan = self._plans[names] = [self.columns.get(n, -1) for n in names]
        cells = self._cells
        return ["" if i < 0 or (s := cells[i].strip()) in NULL_TEXTS else s for i in plan]

    def first_text(self, *names: str) -> str:
        """The first non-empty of several columns (e.g. 联系手机, then 联系电话)."""
        for name in names:
            if value := self.text(name):
                return value
        return ""

    def code(self, name: str) -> str:
        """Ids, seller codes and phones without ``="…"`` / ``'`` wrappers."""
        index = self.columns.get(name)
        if index is None:
            return ""
        s = self._cells[index].strip()
        if s in NULL_TEXTS:
            return ""
        return clean_code(s) if s[0] in "='" else s

    def first_code(self, *names: str) -> str:
        for name in names:
            if value := self.code(name):
                return value
        return ""

    def tracking(self, name: str) -> str:
        index = self.columns.get(name)
        if index is None:
            return ""
        s = self._cells[index].strip()
        if s in NULL_TEXTS:
            return ""
        return clean_tracking(s) if s[0] in "='nN" else s

    def ident(self, name: str, *, dashes: bool = False, required: bool = True) -> str:
        """An id; a missing required id is a problem, as is one in scientific notation."""
        index = self.columns.get(name)
        raw = "" if index is None else self._cells[index]
        s = raw.strip()
        if s.isascii() and (s.isdigit() or (dashes and s.replace("-", "").isdigit())):
            return s
        try:
            value = parse_id(raw, dashes=dashes)
        except CellError as exc:
            self.problem(name, exc.code, exc.message)
            return ""
        if not value and required:
            self.problem(name, "missing_value", f"{self.header_of(name) or name} is empty.")
        return value

    def money(self, name: str) -> int | None:
        index = self.columns.get(name)
        if index is None:
            return None
        raw = self._cells[index]
        if raw in self._money:
            return self._money[raw]
        try:
            value = self._money[raw] = parse_money(raw)
        except CellError as exc:
            self.problem(name, exc.code, exc.message)
            return None
        return value

    def qty(self, name: str, *, required: bool = True) -> int:
        index = self.columns.get(name)
        s = "" if index is None else self._cells[index].strip()
        if s.isdigit() and s.isascii() and len(s) < 7:  # longer: parse_qty checks the range
            return int(s)
        try:
            value = parse_qty(s)
        except CellError as exc:
            self.problem(name, exc.code, exc.message)
            return 0
        if value is None:
            if required:
                self.problem(name, "missing_value", f"{self.header_of(name) or name} is empty.")
            return 0
        return value

    def when(self, name: str) -> datetime | None:
        """A China-time cell as an aware UTC datetime."""
        index = self.columns.get(name)
        if index is None:
            return None
        try:
            return parse_china_time(self._cells[index])
        except CellError as exc:
            self.problem(name, exc.code, exc.message)
            return None

    def first_when(self, *names: str) -> datetime | None:
        for name in names:
            if (value := self.when(name)) is not None:
                return value
        return None

    def header_of(self, name: str) -> str:
        index = self.columns.get(name)
        return "" if index is None else self.header[index]

    def warn(self, name: str, code: str, message: str) -> None:
        """A problem that does not refuse the row (it is listed with the file's result)."""
        self.warnings.append(
            RowProblem(self.file_name, self.row_no, self.header_of(name), self.raw(name), code, message)
        )

    def unknown_status(self, name: str) -> None:
        """A status text no rule knows (a new wording, or mojibake): the row imports with the status its
        other columns imply, and the text is named so nobody mistakes the guess for the file's word."""
        self.warn(name, "unknown_status", f"{self.header_of(name) or name} {self.text(name)!r} is not a known status.")

    def problem(self, name: str, code: str, message: str) -> None:
        problem = RowProblem(self.file_name, self.row_no, self.header_of(name), self.raw(name), code, message)
        self.problems.append(problem)
        self.all_problems.append(problem)


class NotGrouped(Exception):
    """A streamed parse met an order again after rows of other orders (the file was sorted by another
    column): its first rows were already handed out, so the file must be parsed whole instead."""


@dataclass
class OrderGroups:
    """Collects the rows of multi-row orders; an order with any bad row is left out entirely,
    because a partial order would give wrong totals.

    Finished orders go to ``result.orders`` with ``complete`` applied (what the parser derives from
    all of an order's lines). Streamed (``result.stream``), an order is finished as soon as a row of
    another order follows, as exports list an order's rows together; otherwise at ``finish``.
    """

    result: ParsedFile
    complete: Callable[[OrderRecord], None] | None = None
    # Checks a completed order against itself (order columns vs its lines); False: it is left out, the
    # check having reported why.
    check: Callable[[OrderRecord], bool] | None = None
    orders: dict[str, OrderRecord] = field(default_factory=dict)
    rows_of: dict[str, list[int]] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)
    _open: str = ""  # streamed: the order whose rows are being read
    _released: set[str] = field(default_factory=set)

    def get(self, order_id: str) -> OrderRecord | None:
        return self.orders.get(order_id)

    def add_row(self, reader: RowReader, order_id: str, order: OrderRecord | None) -> bool:
        """Register the current row; False (and the row refused) when it has problems."""
        if order_id:
            if self.result.stream and order_id != self._open:
                self._next_order(order_id)
            self.rows_of.setdefault(order_id, []).append(reader.row_no)
        if reader.problems or order is None:
            self.result.bad_rows.add(reader.row_no)
            if order_id:
                self.bad.add(order_id)
            return False
        self.orders.setdefault(order_id, order)
        return True

    def add_line(self, reader: RowReader, order_id: str, order: OrderRecord | None, item: ItemRecord) -> None:
        """Register a row that is one line of an order. A line id the order already has is either an exact
        repeat (skipped: the export listed the line twice, nothing is lost) or a different line under the same
        id, which is a problem: which of the two is right cannot be told, and the database holds one line per
        id (a constraint that would otherwise end the import with a database error)."""
        same = next((i for i in order.items if i.sub_order_id == item.sub_order_id), None) if order else None
        if same is not None and not reader.problems:
            if replace(item, source_row=same.source_row) == same:
                return
            reader.problem(
                "sub_order_id",
                "duplicate_line",
                f"Line {item.sub_order_id} of order {order_id} appears twice, with different values.",
            )
        if self.add_row(reader, order_id, order if order_id else None) and order is not None:
            order.items.append(item)

    def _next_order(self, order_id: str) -> None:
        if order_id in self._released:
            raise NotGrouped(order_id)
        if self._open:
            self._release(self._open)
        self._open = order_id

    def _release(self, order_id: str) -> None:
        self._released.add(order_id)
        order = self.orders.get(order_id)
        if order is None or order_id in self.bad:
            return
        if self.complete is not None:
            self.complete(order)
        if self.check is not None and not self.check(order):
            self.bad.add(order_id)
            self.result.bad_rows.update(self.rows_of.get(order_id, ()))
            return
        self.result.orders.append(order)
        self.result.final = len(self.result.orders)

    def finish(self, reader: RowReader) -> None:
        """Finish the remaining orders (in file order); sibling rows of bad orders are refused with a reason."""
        for order_id, rows in self.rows_of.items():  # file order, so problems come out sorted
            if order_id not in self.bad:
                continue
            for row_no in rows:
                if row_no not in self.result.bad_rows:
                    self.result.bad_rows.add(row_no)
                    reader.all_problems.append(
                        RowProblem(
                            reader.file_name,
                            row_no,
                            "",
                            order_id,
                            "order_incomplete",
                            f"Another row of order {order_id} has a problem, so the whole order is left out.",
                        )
                    )
        for order_id in self.orders:
            if order_id not in self._released:
                self._release(order_id)


def line_id(order_id: str, key: str, seen: dict[str, int]) -> str:
    """A stable synthetic line id for platforms without one: ``{order}#{key}``, numbered on repeats."""
    base = f"{order_id}#{key}"
    if len(base) + 6 > TEXT_LIMITS["sub_order_id"]:  # a long key: its digest keeps the id within its column
        base = f"{order_id}#{hashlib.blake2b(key.encode(), digest_size=4).hexdigest()}"
    count = seen.get(base, 0) + 1
    seen[base] = count
    return base if count == 1 else f"{base}#{count}"


_PROGRESS = {
    OrderStatus.PENDING_PAYMENT: 0,
    OrderStatus.PAID: 1,
    OrderStatus.REFUNDING: 1,
    OrderStatus.SHIPPED: 2,
    OrderStatus.COMPLETED: 3,
}


def order_status_from_lines(statuses: Sequence[OrderStatus | None]) -> OrderStatus | None:
    """An order's status from its lines' statuses (Taobao and Douyin report status per line).

    Lines that were closed or refunded do not hold the order back; among the others the least
    advanced one wins (one line shipped, one not → the order is not fully shipped).
    """
    known = [s for s in statuses if s is not None]
    if not known:
        return None
    live = [s for s in known if s in _PROGRESS]
    if not live:
        return OrderStatus.REFUNDED if OrderStatus.REFUNDED in known else OrderStatus.CLOSED
    return min(live, key=lambda s: _PROGRESS[s])


def refund_state_from_lines(states: Sequence[RefundState]) -> RefundState:
    """An order's refund overlay from its lines: a refund in progress first, then a refund done."""
    for state in (RefundState.REFUNDING, RefundState.REFUNDED, RefundState.REJECTED, RefundState.CLOSED):
        if state in states:
            return state
    return RefundState.NONE


def sum_known(values: Sequence[int | None]) -> int | None:
    """Sum when every value is known, else None (a partial sum would be a wrong amount)."""
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def by_substring(raw: str, table: tuple[tuple[str, T], ...]) -> T | None:
    """The value of the first needle found in ``raw`` (status texts that vary around a fixed phrase)."""
    for needle, value in table:
        if needle in raw:
            return value
    return None


def parse_refund_rows(
    table: Table,
    r: RowReader,
    result: ParsedFile,
    platform: Platform,
    state_of: Callable[[str], RefundState],
    *,
    dashes: bool = False,
) -> None:
    """One ``RefundRecord`` per row of a refund / after-sale export (Taobao 退款管理, Pinduoduo 售后); a row
    with problems is refused. The platforms differ only in their status words (``state_of``) and ids."""
    for row_no, cells in table.rows():
        result.rows += 1
        r.load(row_no, cells)
        status_raw = r.text("status")
        refund = RefundRecord(
            platform=platform,
            refund_id=r.ident("refund_id", dashes=dashes),
            order_id=r.ident("order_id", dashes=dashes),
            amount_cents=r.money("amount"),
            status_raw=status_raw,
            state=state_of(status_raw),
            kind=r.text("kind"),
            reason=r.text("reason"),
            seller_code=r.code("seller_code"),
            title=r.text("title"),
            applied_at=r.when("applied_at"),
            finished_at=r.when("finished_at"),
            source_row=row_no,
        )
        if r.problems:
            result.bad_rows.add(row_no)
        else:
            result.refunds.append(refund)
