"""Catalog import: create and update products and SKUs by seller code from a shop's sheet.

Same rules as order imports: columns found by header name, every problem reported with file, row,
column and value, and a sheet with problems changes nothing unless the valid rows are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.errors import ImportFileError
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.domain.records import RowProblem
from sellerdesk.models import OrderItem, Product, Sku
from sellerdesk.sheets.cleaning import CellError, clean, clean_code, fit_text, normalize_header, parse_money, parse_qty
from sellerdesk.sheets.reading import Table, read_table

# canonical field -> header names seen in shops' sheets (normalised on use)
CATALOG_ALIASES: dict[str, tuple[str, ...]] = {
    "seller_code": ("商家编码", "SKU编码", "商家SKU编码", "seller code", "sku code"),
    "title": ("商品名称", "商品标题", "标题", "title"),
    "spec": ("规格", "SKU属性", "销售属性", "spec"),
    "price_cents": ("售价", "价格", "销售价", "price"),
    "cost_cents": ("成本价", "成本", "采购价", "cost"),
    "product_code": ("款号", "货号", "商品编码", "product code"),
    "category": ("类目", "分类", "category"),
    "barcode": ("条形码", "条码", "barcode"),
    "safety_stock": ("安全库存", "safety stock"),
    "reorder_point": ("补货点", "reorder point"),
    "lead_time_days": ("采购周期(天)", "采购周期", "lead time"),
    "min_order_qty": ("起订量", "最小起订量", "moq"),
    "supplier": ("供应商", "supplier"),
}
_MONEY = ("price_cents", "cost_cents")
_COUNTS = ("safety_stock", "reorder_point", "lead_time_days", "min_order_qty")
_SKU_FIELDS = ("title", "spec", "barcode", "supplier", *_MONEY, *_COUNTS)
# Text fields -> the length of the column they are stored in.
_LENGTHS: dict[str, int] = {
    name: getattr(column.type, "length", None) or 1 << 40
    for name, column in (
        *((n, Sku.__table__.c[n]) for n in ("seller_code", "title", "spec", "barcode", "supplier")),
        ("category", Product.__table__.c.category),
    )
}


@dataclass(frozen=True)
class CatalogRow:
    row: int
    seller_code: str
    values: dict[str, Any]


@dataclass
class CatalogResult:
    file_name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    relinked_lines: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        """SKUs, and the order lines linked to them with their stock, when anything was written."""
        written = self.created or self.updated or self.relinked_lines
        return Changes(products=True, orders=True, stock=True) if written else Changes()


def read_catalog(path: Path) -> tuple[list[CatalogRow], list[RowProblem]]:
    """Parse a catalog sheet into rows keyed by seller code, collecting per-cell problems."""
    known = {normalize_header(h) for names in CATALOG_ALIASES.values() for h in names}
    table = read_table(path, known_headers=known)
    columns = _columns(table)
    rows: list[CatalogRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, cells in table.whole_rows():
        row, row_problems = _parse_row(table, columns, number, cells)
        if row is not None and row.seller_code in seen:
            row_problems.append(
                _problem(
                    table,
                    number,
                    "seller_code",
                    columns,
                    row.seller_code,
                    "duplicate_code",
                    f"Seller code also on row {seen[row.seller_code]}.",
                )
            )
        if row_problems:
            problems.extend(row_problems)
        elif row is not None:
            seen[row.seller_code] = number
            rows.append(row)
    return rows, problems


def _columns(table: Table) -> dict[str, int]:
    position = {h: i for i, h in reversed(list(enumerate(table.normalized_header)))}
    columns = {}
    for name, headers in CATALOG_ALIASES.items():
        found = next((position[normalize_header(h)] for h in headers if normalize_header(h) in position), None)
        if found is not None:
            columns[name] = found
    missing = [CATALOG_ALIASES[c][0] for c in ("seller_code", "title") if c not in columns]
    if missing:
        raise ImportFileError(
            f"{table.file_name}: not a catalog sheet; missing column(s) {', '.join(missing)}.",
            code="missing_columns",
            file=table.file_name,
            columns=missing,
        )
    return columns


def _parse_row(
    table: Table, columns: dict[str, int], number: int, cells: list[str]
) -> tuple[CatalogRow | None, list[RowProblem]]:
    code = clean_code(cells[columns["seller_code"]])
    if not code:
        return None, [_problem(table, number, "seller_code", columns, "", "missing_value", "No seller code.")]
    try:
        code = fit_text(code, _LENGTHS["seller_code"])
    except CellError as exc:
        return None, [_problem(table, number, "seller_code", columns, code, exc.code, exc.message)]
    values: dict[str, Any] = {}
    problems = []
    for name, index in columns.items():
        text = cells[index]
        try:
            if name in _MONEY:
                values[name] = parse_money(text)
            elif name in _COUNTS:
                values[name] = parse_qty(text)
            elif name != "seller_code":
                values[name] = fit_text(clean(text), _LENGTHS.get(name, 1 << 40))
        except CellError as exc:
            problems.append(_problem(table, number, name, columns, text, exc.code, exc.message))
    return CatalogRow(number, code, {k: v for k, v in values.items() if v not in (None, "")}), problems


def _problem(
    table: Table, row: int, name: str, columns: dict[str, int], value: str, code: str, message: str
) -> RowProblem:
    header = table.header[columns[name]] if name in columns else CATALOG_ALIASES[name][0]
    return RowProblem(table.file_name, row, header, value, code, message)


def import_catalog(
    session: Session, path: Path, *, accept_valid_rows: bool = False, actor: Actor = OWNER
) -> CatalogResult:
    """Create or update SKUs by seller code; then link order lines that were waiting for these codes.
    ``actor``: the app passes who is signed in (``EDIT_PRODUCTS``); the command line is the owner."""
    require(actor, Action.EDIT_PRODUCTS)
    rows, problems = read_catalog(path)
    result = CatalogResult(file_name=path.name, rows=len(rows) + len({p.row for p in problems}), problems=problems)
    if problems and not accept_valid_rows:
        return result
    existing = {
        s.seller_code: s for s in session.scalars(select(Sku).where(Sku.seller_code.in_([r.seller_code for r in rows])))
    }
    products: dict[str, Product] = {}
    for row in rows:
        sku = existing.get(row.seller_code)
        if sku is None:
            _create_sku(session, row, products)
            result.created += 1
        elif _update_sku(sku, row.values):
            result.updated += 1
        else:
            result.unchanged += 1
    session.flush()
    result.relinked_lines = link_waiting_lines(session)
    return result


def _create_sku(session: Session, row: CatalogRow, products: dict[str, Product]) -> None:
    key = row.values.get("product_code") or row.values.get("title") or row.seller_code
    product = products.get(key)
    if product is None:
        product = Product(title=row.values.get("title", row.seller_code), category=row.values.get("category", ""))
        session.add(product)
        products[key] = product
    sku = Sku(seller_code=row.seller_code, **{k: v for k, v in row.values.items() if k in _SKU_FIELDS})
    product.skus.append(sku)


def _update_sku(sku: Sku, values: dict[str, Any]) -> bool:
    changed = {k: v for k, v in values.items() if k in _SKU_FIELDS and getattr(sku, k) != v}
    for key, value in changed.items():
        setattr(sku, key, value)
    return bool(changed)


def link_waiting_lines(session: Session) -> int:
    """Order lines imported before their seller code was in the catalog get linked now, and their stock booked."""
    from sellerdesk.services.stock import sync_order_stock

    waiting = (
        select(OrderItem.order_id)
        .where(OrderItem.sku_id.is_(None), OrderItem.seller_code != "")
        .where(OrderItem.seller_code.in_(select(Sku.seller_code)))
        .distinct()
    )
    order_ids = list(session.scalars(waiting))
    codes = select(Sku.id).where(Sku.seller_code == OrderItem.seller_code).scalar_subquery()
    stmt = (
        update(OrderItem)
        .where(OrderItem.sku_id.is_(None), OrderItem.seller_code != "")
        .where(OrderItem.seller_code.in_(select(Sku.seller_code)))
        .values(sku_id=codes)
        .execution_options(synchronize_session=False)
    )
    linked = int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]
    if order_ids:
        sync_order_stock(session, order_ids)
    return linked


def export_catalog(session: Session, path: Path) -> int:
    """Every SKU as a catalog sheet that ``import_catalog`` reads back (same headers); returns the row count."""
    from sellerdesk.domain.money import cents_to_decimal
    from sellerdesk.sheets.catalog_sheets import CATALOG_HEADERS, write_sheet

    stmt = (
        select(Sku, Product.title, Product.category)
        .join(Product, Product.id == Sku.product_id)
        .order_by(Sku.seller_code)
    )
    rows = (
        (
            s.seller_code, s.title or title, s.spec, category, s.barcode, cents_to_decimal(s.price_cents),
            cents_to_decimal(s.cost_cents), s.supplier, s.lead_time_days, s.min_order_qty, s.safety_stock,
            s.reorder_point,
        )
        for s, title, category in session.execute(stmt).all()
    )  # fmt: skip
    return write_sheet(path, "商品资料", CATALOG_HEADERS, rows)
