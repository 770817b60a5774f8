"""The Products tab's use cases: the SKU list, the product editor, margins, replenishment, title checks.

The list pages like ``services.browse`` (ids first, then the page's rows), with filters on category,
role, lifecycle stage, shelf status and stock level; stock figures are sums over the ledger.
Costs and margins are guarded (``Action.VIEW_COSTS``): for other roles they come back as None or are
refused; products in the recycle bin (``deleted_at`` set) are left out of every list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Lifecycle, NegativeStockPolicy, OrderStatus, ProductRole, ShelfStatus
from sellerdesk.domain.errors import ConflictError, ImportFileError, NotFoundError, ValidationError
from sellerdesk.domain.permissions import Action, Actor, can, require
from sellerdesk.domain.records import RowProblem
from sellerdesk.domain.stock import Margin, StockLevel, margin_of, replenishment_qty, stock_level
from sellerdesk.domain.timeutil import utcnow
from sellerdesk.domain.titles import DEFAULT_BANNED_WORDS, TitleHit, find_banned, normalize_words
from sellerdesk.models import AppSetting, Listing, Order, OrderItem, Product, Shop, Sku, StockMovement
from sellerdesk.services.app_settings import setting_version, store_setting
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.stock import MovementResult, ensure_warehouses, post_stocktake
from sellerdesk.sheets.catalog_sheets import COUNT_HEADERS, PURCHASE_HEADERS, write_sheet, yuan
from sellerdesk.sheets.cleaning import CellError, clean_code, normalize_header, parse_qty
from sellerdesk.sheets.reading import read_table

AnySelect: TypeAlias = Select[Any]
BANNED_WORDS_KEY = "titles.banned_words"
_NOT_SOLD = (OrderStatus.PENDING_PAYMENT, OrderStatus.CLOSED)


# ---------------------------------------------------------------- list


@dataclass(frozen=True)
class SkuFilter:
    category: str = ""
    role: str = ""
    lifecycle: str = ""
    shelf_status: str = ""
    level: str = ""  # a StockLevel value, or "" for all


@dataclass(frozen=True)
class SkuRow:
    id: int
    product_id: int
    seller_code: str
    title: str
    spec: str
    category: str
    role: str
    lifecycle: str
    shelf_status: str
    price_cents: int
    cost_cents: int | None  # None: the reader may not see costs
    on_hand: int
    reserved: int
    safety_stock: int
    reorder_point: int
    negative_stock_policy: str

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def level(self) -> StockLevel:
        return stock_level(self.available, self.safety_stock, self.reorder_point)


def _ledger_sum(delta: Any) -> Any:
    return select(func.coalesce(func.sum(delta), 0)).where(StockMovement.sku_id == Sku.id).scalar_subquery()


@cache
def _columns() -> dict[str, Any]:
    on_hand = _ledger_sum(StockMovement.on_hand_delta)
    reserved = _ledger_sum(StockMovement.reserved_delta)
    return {
        "title": func.coalesce(func.nullif(Sku.title, ""), Product.title),
        "on_hand": on_hand,
        "reserved": reserved,
        "available": on_hand - reserved,
    }


@cache
def _ledger() -> Any:
    """On hand and reserved of every SKU in one grouped scan: far cheaper than a correlated sum per SKU
    when a whole listing is sorted or filtered by stock."""
    return (
        select(
            StockMovement.sku_id.label("sku_id"),
            func.sum(StockMovement.on_hand_delta).label("on_hand"),
            func.sum(StockMovement.reserved_delta).label("reserved"),
        )
        .group_by(StockMovement.sku_id)
        .subquery("ledger")
    )


def _ledger_on_hand() -> Any:
    return func.coalesce(_ledger().c.on_hand, 0)


def _ledger_available() -> Any:
    return func.coalesce(_ledger().c.on_hand, 0) - func.coalesce(_ledger().c.reserved, 0)


_STOCK_SORTS = frozenset({"on_hand", "available"})


def _sorts() -> dict[str, tuple[Any, ...]]:
    c = _columns()
    return {
        "seller_code": (Sku.seller_code,),
        "title": (c["title"], Sku.id),
        "spec": (Sku.spec, Sku.id),
        "category": (Product.category, Sku.id),
        "role": (Product.role, Sku.id),
        "lifecycle": (Product.lifecycle, Sku.id),
        "shelf_status": (Product.shelf_status, Sku.id),
        "price": (Sku.price_cents, Sku.id),
        "cost": (Sku.cost_cents, Sku.id),
        "on_hand": (_ledger_on_hand(), Sku.id),
        "available": (_ledger_available(), Sku.id),
        "safety_stock": (Sku.safety_stock, Sku.id),
        "reorder_point": (Sku.reorder_point, Sku.id),
    }


def _low_stock_where(available: ColumnElement[int]) -> ColumnElement[bool]:
    """``domain.stock.is_low_stock`` in SQL (tests/unit/test_stock.py holds the two equal)."""
    return or_(available <= 0, available < Sku.safety_stock)


def _level_where(level: str) -> ColumnElement[bool]:
    available = _ledger_available()
    critical = _low_stock_where(available)
    if level == StockLevel.CRITICAL:
        return critical
    reorder = and_(
        ~critical, available <= case((Sku.reorder_point > Sku.safety_stock, Sku.reorder_point), else_=Sku.safety_stock)
    )
    if level == StockLevel.REORDER:
        return reorder
    return and_(~critical, available > Sku.reorder_point, available > Sku.safety_stock)


def _filtered_ids(search: str, filters: SkuFilter, *, with_stock: bool = False) -> AnySelect:
    stmt = select(Sku.id).join(Product, Product.id == Sku.product_id).where(Product.deleted_at.is_(None))
    if with_stock or filters.level:
        stmt = stmt.outerjoin(_ledger(), _ledger().c.sku_id == Sku.id)
    for column, value in (
        (Product.category, filters.category),
        (Product.role, filters.role),
        (Product.lifecycle, filters.lifecycle),
        (Product.shelf_status, filters.shelf_status),
    ):
        if value:
            stmt = stmt.where(column == value)
    if filters.level:
        stmt = stmt.where(_level_where(filters.level))
    term = search.strip()
    if term:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cols = (Sku.seller_code, Sku.title, Product.title, Sku.spec, Sku.barcode, Product.category)
        stmt = stmt.where(or_(*(col.ilike(f"%{escaped}%", escape="\\") for col in cols)))
    return stmt


def count_skus(session: Session, search: str = "", filters: SkuFilter = SkuFilter()) -> int:
    sub = _filtered_ids(search, filters).subquery()
    return int(session.execute(select(func.count()).select_from(sub)).scalar_one())


def sku_page(
    session: Session, request: PageRequest, filters: SkuFilter = SkuFilter(), *, actor: Actor
) -> tuple[SkuRow, ...]:
    sorts = _sorts()
    if request.sort not in sorts:
        raise ValueError(f"unknown sort key {request.sort!r}")
    if request.sort == "cost":
        require(actor, Action.VIEW_COSTS)  # the order alone would tell the costs
    order = [col.desc() if request.descending else col.asc() for col in sorts[request.sort]]
    with_stock = request.sort in _STOCK_SORTS
    ids_stmt = (
        _filtered_ids(request.search, filters, with_stock=with_stock)
        .order_by(*order)
        .offset(request.offset)
        .limit(request.limit)
    )
    ids = list(session.scalars(ids_stmt))
    if not ids:
        return ()
    rows = _rows_by_id(session, ids)
    hide = not can(actor, Action.VIEW_COSTS)
    return tuple(replace(rows[i], cost_cents=None) if hide else rows[i] for i in ids)


def _rows_by_id(session: Session, ids: Sequence[int]) -> dict[int, SkuRow]:
    c = _columns()
    stmt = (
        select(
            Sku.id,
            Sku.product_id,
            Sku.seller_code,
            c["title"],
            Sku.spec,
            Product.category,
            Product.role,
            Product.lifecycle,
            Product.shelf_status,
            Sku.price_cents,
            Sku.cost_cents,
            c["on_hand"],
            c["reserved"],
            Sku.safety_stock,
            Sku.reorder_point,
            Sku.negative_stock_policy,
        )
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.id.in_(ids))
    )
    return {r[0]: SkuRow(*tuple(r)) for r in session.execute(stmt)}


def categories(session: Session) -> tuple[str, ...]:
    stmt = select(Product.category).where(Product.category != "").distinct().order_by(Product.category)
    return tuple(session.scalars(stmt))


# ---------------------------------------------------------------- editor


@dataclass(frozen=True)
class ListingInfo:
    id: int
    platform: str
    platform_item_id: str
    platform_sku_id: str
    shop: str
    title: str


@dataclass(frozen=True)
class SkuData:
    """One SKU as the editor reads and writes it; ``id``/``version`` are None for a new SKU."""

    seller_code: str
    title: str = ""
    spec: str = ""
    barcode: str = ""
    cost_cents: int | None = 0  # None: hidden from the reader, left as stored on save
    price_cents: int = 0
    weight_g: int = 0
    supplier: str = ""
    lead_time_days: int = 7
    min_order_qty: int = 1
    safety_stock: int = 0
    reorder_point: int = 0
    negative_stock_policy: str = NegativeStockPolicy.WARN
    active: bool = True
    id: int | None = None
    version: int | None = None
    listings: tuple[ListingInfo, ...] = ()


@dataclass(frozen=True)
class ProductData:
    title: str
    category: str = ""
    brand: str = ""
    role: str = ProductRole.PROFIT
    lifecycle: str = Lifecycle.MATURE
    shelf_status: str = ShelfStatus.ON_SHELF
    notes: str = ""
    skus: tuple[SkuData, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class SaveResult:
    changes: Changes
    product_id: int
    title_hits: dict[str, tuple[TitleHit, ...]] = field(default_factory=dict)  # title → hits (warnings)
    data: ProductData | None = None  # the product as saved, with its new versions


_SKU_EDITABLE = (
    "seller_code",
    "title",
    "spec",
    "barcode",
    "cost_cents",
    "price_cents",
    "weight_g",
    "supplier",
    "lead_time_days",
    "min_order_qty",
    "safety_stock",
    "reorder_point",
    "negative_stock_policy",
    "active",
)
_PRODUCT_EDITABLE = ("title", "category", "brand", "role", "lifecycle", "shelf_status", "notes")


def get_product(session: Session, product_id: int, *, actor: Actor) -> ProductData:
    product = session.get(Product, product_id, populate_existing=True)
    if product is None or product.deleted_at is not None:
        raise NotFoundError(f"No product {product_id}.", code="not_found")
    listings = _listings_of(session, [s.id for s in product.skus])
    hide = {} if can(actor, Action.VIEW_COSTS) else {"cost_cents": None}
    skus = tuple(
        SkuData(**{k: getattr(s, k) for k in _SKU_EDITABLE} | hide, id=s.id, version=s.version, listings=listings[s.id])
        for s in sorted(product.skus, key=lambda s: s.seller_code)
    )
    values = {k: getattr(product, k) for k in _PRODUCT_EDITABLE}
    return ProductData(**values, skus=skus, id=product.id, version=product.version)


def _listings_of(session: Session, sku_ids: Sequence[int]) -> dict[int, tuple[ListingInfo, ...]]:
    found: dict[int, list[ListingInfo]] = defaultdict(list)
    stmt = (
        select(Listing, Shop.name)
        .outerjoin(Shop, Shop.id == Listing.shop_id)
        .where(Listing.sku_id.in_(sku_ids))
        .order_by(Listing.platform, Listing.platform_item_id)
    )
    for listing, shop in session.execute(stmt):
        info = ListingInfo(
            listing.id, listing.platform, listing.platform_item_id, listing.platform_sku_id, shop or "", listing.title
        )
        found[listing.sku_id].append(info)
    return {i: tuple(found[i]) for i in sku_ids}


def validate_product(data: ProductData) -> None:
    if not data.title.strip():
        raise ValidationError("The product needs a title.", code="title_required")
    codes = [s.seller_code.strip() for s in data.skus]
    if not data.skus or any(not c for c in codes):
        raise ValidationError("Every SKU needs a seller code.", code="seller_code_required")
    if len(set(codes)) != len(codes):
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        raise ValidationError(f"Seller codes repeat: {', '.join(repeated)}.", code="seller_code_taken", value=repeated)
    for sku in data.skus:
        numbers = (
            sku.cost_cents or 0,
            sku.price_cents,
            sku.weight_g,
            sku.lead_time_days,
            sku.safety_stock,
            sku.reorder_point,
        )
        if min(numbers) < 0 or sku.min_order_qty < 1:
            raise ValidationError(f"{sku.seller_code}: negative figure.", code="negative_value", value=sku.seller_code)


def save_product(session: Session, data: ProductData, *, actor: Actor) -> SaveResult:
    """Create or update a product and its SKUs; versions guard against concurrent edits.

    Banned title words do not block saving (the shop may sell offline); they come back as warnings.
    A ``ConflictError`` (someone saved meanwhile) leaves everything as it was; the caller reloads and
    offers to apply its edit on top (``domain.conflicts``). ``SaveResult.data`` carries the new versions,
    so the editor's next save does not conflict with its own.
    """
    require(actor, Action.EDIT_PRODUCTS)
    if not can(actor, Action.VIEW_COSTS) and any(s.cost_cents is not None for s in data.skus if s.id is not None):
        require(actor, Action.VIEW_COSTS)
    validate_product(data)
    act_as(session, actor)
    # Saved by someone else between our read and our write: the session's flush raises ConflictError
    # (db.engine.AppSession), whichever statement finds the stale version.
    product = _write_product(session, data)
    words = banned_words(session)
    titles = {data.title, *(s.title for s in data.skus)}
    hits = {t: h for t in titles if t and (h := find_banned(t, words))}
    return SaveResult(Changes(products=True), product.id, hits, get_product(session, product.id, actor=actor))


def delete_product(session: Session, product_id: int, expected_version: int, *, actor: Actor) -> Changes:
    """Move a product (and so its SKUs) to the recycle bin; the owner can restore it for 30 days."""
    from sellerdesk.services.recycle import delete_record  # recycle imports the models only, not this module

    return delete_record(session, actor, "products", product_id, expected_version)


def _write_product(session: Session, data: ProductData) -> Product:
    product = _product_for(session, data)
    for key in _PRODUCT_EDITABLE:
        setattr(product, key, getattr(data, key).strip() if isinstance(getattr(data, key), str) else getattr(data, key))
    _check_codes_free(session, data)
    by_id = {s.id: s for s in product.skus}
    for sku_data in data.skus:
        _apply_sku(product, by_id, sku_data)
    session.flush()
    return product


def _product_for(session: Session, data: ProductData) -> Product:
    if data.id is None:
        product = Product(title=data.title)
        session.add(product)
        return product
    found = session.get(Product, data.id)
    if found is None:
        raise NotFoundError(f"No product {data.id}.", code="not_found")
    product = found
    if product.deleted_at is not None:
        raise NotFoundError(f"Product {data.id} is in the recycle bin.", code="not_found")
    if product.version != data.version:
        raise ConflictError("Product changed by someone else.", code="conflict", product=data.id)
    return product


def _check_codes_free(session: Session, data: ProductData) -> None:
    own = {s.id for s in data.skus if s.id is not None}
    codes = [s.seller_code.strip() for s in data.skus]
    taken = session.scalars(select(Sku.seller_code).where(Sku.seller_code.in_(codes), Sku.id.not_in(own or {0})))
    clash = list(taken)
    if clash:
        raise ValidationError(
            f"Seller code {clash[0]} is used by another SKU.", code="seller_code_taken", value=clash[0]
        )


def _apply_sku(product: Product, by_id: dict[int, Sku], data: SkuData) -> None:
    values = {k: getattr(data, k) for k in _SKU_EDITABLE}
    values["seller_code"] = data.seller_code.strip()
    if values["cost_cents"] is None:  # hidden from this editor: the stored cost stays
        del values["cost_cents"]
    if data.id is None:
        product.skus.append(Sku(**values))
        return
    sku = by_id.get(data.id)
    if sku is None:
        raise NotFoundError(f"No SKU {data.id} in this product.", code="not_found")
    if sku.version != data.version:
        raise ConflictError("SKU changed by someone else.", code="conflict", product=product.id)
    for key, value in values.items():
        if getattr(sku, key) != value:
            setattr(sku, key, value)


# ---------------------------------------------------------------- banned words and title check


def banned_words(session: Session) -> tuple[str, ...]:
    setting = session.get(AppSetting, BANNED_WORDS_KEY)
    if setting is None or not isinstance(setting.value, list):
        return DEFAULT_BANNED_WORDS
    return normalize_words(str(w) for w in setting.value)


def banned_words_version(session: Session) -> int:
    """The version of the banned-word list an editor loads with it, and gives back to ``set_banned_words``."""
    return setting_version(session, BANNED_WORDS_KEY)


def set_banned_words(session: Session, words: Sequence[str], *, expected_version: int, actor: Actor) -> Changes:
    """Store the list; refused (``ConflictError``) when someone saved it after ``expected_version`` was read,
    so two people editing it at once never lose one's words silently."""
    require(actor, Action.EDIT_PRODUCTS)
    act_as(session, actor)
    store_setting(session, BANNED_WORDS_KEY, list(normalize_words(words)), expected_version)
    return Changes(products=True)


@dataclass(frozen=True)
class TitleIssue:
    sku_id: int
    seller_code: str
    title: str
    hits: tuple[TitleHit, ...]


def check_titles(session: Session) -> tuple[TitleIssue, ...]:
    """Every SKU whose own or product title holds a banned word (bulk check)."""
    words = banned_words(session)
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)
    stmt = select(Sku.id, Sku.seller_code, title).join(Product, Product.id == Sku.product_id).order_by(Sku.seller_code)
    issues = []
    for sku_id, code, text in session.execute(stmt):
        hits = find_banned(text, words)
        if hits:
            issues.append(TitleIssue(sku_id, code, text, hits))
    return tuple(issues)


# ---------------------------------------------------------------- replenishment and margin


@dataclass(frozen=True)
class ReplenishmentRow:
    sku_id: int
    seller_code: str
    title: str
    spec: str
    supplier: str
    units_sold: int
    window_days: int
    lead_time_days: int
    safety_stock: int
    available: int
    min_order_qty: int
    suggested_qty: int
    cost_cents: int

    @property
    def amount_cents(self) -> int:
        return self.suggested_qty * self.cost_cents


def units_sold(session: Session, since: datetime, until: datetime) -> dict[int, int]:
    """Units sold per SKU in [since, until) by payment time (orders cancelled before payment excluded)."""
    stmt = (
        select(OrderItem.sku_id, func.sum(OrderItem.qty))
        .join(Order, Order.id == OrderItem.order_id)
        .where(Order.paid_at >= since, Order.paid_at < until, Order.status.not_in(_NOT_SOLD))
        .where(OrderItem.sku_id.is_not(None))
        .group_by(OrderItem.sku_id)
    )
    return {int(s or 0): int(q or 0) for s, q in session.execute(stmt)}


def available_by_sku(session: Session) -> dict[int, int]:
    stmt = select(StockMovement.sku_id, func.sum(StockMovement.on_hand_delta - StockMovement.reserved_delta))
    return {int(s): int(a or 0) for s, a in session.execute(stmt.group_by(StockMovement.sku_id))}


def replenishment(
    session: Session, window_days: int = 30, *, as_of: datetime | None = None, only_needed: bool = True
) -> tuple[ReplenishmentRow, ...]:
    """Suggested purchase per active SKU: sold/window × lead time + safety stock − available (domain rule)."""
    until = as_of or utcnow()
    sold = units_sold(session, until - timedelta(days=window_days), until)
    available = available_by_sku(session)
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)
    stmt = (
        select(
            Sku.id,
            Sku.seller_code,
            title,
            Sku.spec,
            Sku.supplier,
            Sku.lead_time_days,
            Sku.safety_stock,
            Sku.min_order_qty,
            Sku.cost_cents,
        )
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.active.is_(True))
        .order_by(Sku.supplier, Sku.seller_code)
    )
    rows = []
    for sku_id, code, text, spec, supplier, lead, safety, moq, cost in session.execute(stmt):
        have = available.get(sku_id, 0)
        units = sold.get(sku_id, 0)
        qty = replenishment_qty(
            units_sold=units,
            window_days=window_days,
            lead_time_days=lead,
            safety_stock=safety,
            available=have,
            min_order_qty=moq,
        )
        if qty or not only_needed:
            rows.append(
                ReplenishmentRow(
                    sku_id, code, text, spec, supplier, units, window_days, lead, safety, have, moq, qty, cost
                )
            )
    return tuple(rows)


@dataclass(frozen=True)
class MarginRow:
    sku_id: int
    seller_code: str
    shop: str
    platform: str
    fee_rate_bp: int
    margin: Margin


def sku_margins(session: Session, sku_ids: Sequence[int] | None = None, *, actor: Actor) -> tuple[MarginRow, ...]:
    """Margin of each SKU in each active shop, from its price, its cost and the shop's fee rate."""
    require(actor, Action.VIEW_COSTS)
    stmt_shops = select(Shop.name, Shop.platform, Shop.fee_rate_bp).where(Shop.active.is_(True))
    shops: list[tuple[str, str, int]] = [tuple(r) for r in session.execute(stmt_shops)]  # type: ignore[misc]
    stmt = select(Sku.id, Sku.seller_code, Sku.price_cents, Sku.cost_cents).order_by(Sku.seller_code)
    if sku_ids is not None:
        stmt = stmt.where(Sku.id.in_(sku_ids))
    rows = []
    for sku_id, code, price, cost in session.execute(stmt):
        for name, platform, fee in shops or [("", "", 0)]:
            rows.append(MarginRow(sku_id, code, name, platform, fee, margin_of(price, cost, fee)))
    return tuple(rows)


def shop_fee_rates(session: Session) -> tuple[tuple[str, int], ...]:
    """(shop name, platform fee in basis points) of every active shop."""
    stmt = select(Shop.name, Shop.fee_rate_bp).where(Shop.active.is_(True)).order_by(Shop.id)
    return tuple((str(n), int(f)) for n, f in session.execute(stmt))


def below_cost(session: Session, *, actor: Actor) -> tuple[MarginRow, ...]:
    return tuple(r for r in sku_margins(session, actor=actor) if r.margin.below_cost)


# ---------------------------------------------------------------- unlinked platform items


@dataclass(frozen=True)
class UnlinkedItem:
    """Order lines of one platform item/SKU (or seller code) that match no catalog SKU."""

    platform: str
    platform_item_id: str
    platform_sku_id: str
    seller_code: str
    title: str
    spec: str
    lines: int
    units: int
    sample_order_item_id: int  # pass to ``stock.link_item(order_item_id=...)``


def unlinked_items(session: Session, limit: int = 1000) -> tuple[UnlinkedItem, ...]:
    stmt = (
        select(
            Order.platform,
            OrderItem.platform_item_id,
            OrderItem.platform_sku_id,
            OrderItem.seller_code,
            func.max(OrderItem.title),
            func.max(OrderItem.spec),
            func.count(),
            func.sum(OrderItem.qty),
            func.min(OrderItem.id),
        )
        .join(Order, Order.id == OrderItem.order_id)
        .where(OrderItem.sku_id.is_(None))
        .group_by(Order.platform, OrderItem.platform_item_id, OrderItem.platform_sku_id, OrderItem.seller_code)
        .order_by(func.count().desc(), func.min(OrderItem.id))  # ties: the first seen first, on every backend
        .limit(limit)
    )
    return tuple(UnlinkedItem(*(r[:6]), int(r[6]), int(r[7] or 0), int(r[8])) for r in session.execute(stmt))


def count_unlinked_lines(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(OrderItem.sku_id.is_(None))) or 0)


def with_listings(data: SkuData, listings: tuple[ListingInfo, ...]) -> SkuData:
    return replace(data, listings=listings)


# ---------------------------------------------------------------- sheets: purchase list, stocktake


def export_purchase_list(
    session: Session, path: Path, window_days: int = 30, *, actor: Actor, as_of: datetime | None = None
) -> int:
    """The replenishment suggestions as an xlsx purchase list, grouped by supplier; returns the row count."""
    require(actor, Action.VIEW_COSTS)  # the list prices each line at cost
    rows = replenishment(session, window_days, as_of=as_of)
    cells = (
        (
            r.supplier,
            r.seller_code,
            r.title,
            r.spec,
            r.units_sold,
            r.window_days,
            r.lead_time_days,
            r.safety_stock,
            r.available,
            r.min_order_qty,
            r.suggested_qty,
            yuan(r.cost_cents),
            yuan(r.amount_cents),
        )
        for r in rows
    )
    return write_sheet(path, "采购清单", PURCHASE_HEADERS, cells)


@dataclass(frozen=True)
class CountLine:
    """One line of a stocktake: the book figure and what was counted (None: not counted, left alone)."""

    sku_id: int
    seller_code: str
    title: str
    spec: str
    warehouse: str
    book: int
    counted: int | None

    @property
    def difference(self) -> int:
        return 0 if self.counted is None else self.counted - self.book


@dataclass(frozen=True)
class StocktakeReview:
    file_name: str
    lines: tuple[CountLine, ...]  # counted lines only
    problems: tuple[RowProblem, ...]

    @property
    def differences(self) -> tuple[CountLine, ...]:
        return tuple(line for line in self.lines if line.difference)


def count_sheet_lines(
    session: Session, warehouse: str = "main", filters: SkuFilter = SkuFilter(), search: str = ""
) -> tuple[CountLine, ...]:
    """Book figures (on hand) per filtered SKU in one warehouse, by seller code."""
    codes = ensure_warehouses(session)
    if warehouse not in codes:
        raise NotFoundError(f"No warehouse {warehouse!r}.", code="warehouse_not_found", value=warehouse)
    ids = _filtered_ids(search, filters).subquery()
    on_hand = (
        select(func.coalesce(func.sum(StockMovement.on_hand_delta), 0))
        .where(StockMovement.sku_id == Sku.id, StockMovement.warehouse_id == codes[warehouse])
        .scalar_subquery()
    )
    stmt = (
        select(Sku.id, Sku.seller_code, _columns()["title"], Sku.spec, on_hand)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.id.in_(select(ids.c.id)))
        .order_by(Sku.seller_code)
    )
    return tuple(CountLine(i, c, t, s, warehouse, int(b), None) for i, c, t, s, b in session.execute(stmt))


def export_count_sheet(
    session: Session, path: Path, warehouse: str = "main", filters: SkuFilter = SkuFilter(), search: str = ""
) -> int:
    lines = count_sheet_lines(session, warehouse, filters, search)
    return write_sheet(
        path, "盘点表", COUNT_HEADERS, ((x.seller_code, x.title, x.spec, x.warehouse, x.book, None) for x in lines)
    )


def read_count_sheet(session: Session, path: Path) -> StocktakeReview:
    """A filled-in count sheet against today's book figures (stock may have moved since the export)."""
    table = read_table(path, known_headers={normalize_header(h) for h in COUNT_HEADERS})
    index = {h: i for i, h in enumerate(table.normalized_header)}
    need = [normalize_header(h) for h in ("商家编码", "仓库", "实盘数量")]
    if any(h not in index for h in need):
        raise ImportFileError(
            f"{table.file_name}: not a count sheet.",
            code="missing_columns",
            file=table.file_name,
            columns=["商家编码", "仓库", "实盘数量"],
        )
    code_at, wh_at, qty_at = (index[h] for h in need)
    counted: dict[tuple[str, str], int] = {}
    problems: list[RowProblem] = []
    for number, cells in table.whole_rows():
        text = cells[qty_at].strip()
        if not text:
            continue
        try:
            qty = parse_qty(text)
        except CellError as exc:
            problems.append(RowProblem(table.file_name, number, "实盘数量", text, exc.code, exc.message))
            continue
        key = (clean_code(cells[code_at]), cells[wh_at].strip() or "main")
        counted[(key[0].replace("\x00", ""), key[1].replace("\x00", ""))] = int(qty or 0)  # PostgreSQL: no NUL
    lines = _book_lines(session, counted)
    known = {(x.seller_code, x.warehouse) for x in lines}
    for code, wh in counted.keys() - known:
        problems.append(
            RowProblem(table.file_name, 0, "商家编码", code, "unknown_code", f"Unknown seller code or warehouse {wh}.")
        )
    return StocktakeReview(table.file_name, lines, tuple(problems))


def _book_lines(session: Session, counted: dict[tuple[str, str], int]) -> tuple[CountLine, ...]:
    codes = ensure_warehouses(session)
    by_wh: dict[str, dict[str, int]] = defaultdict(dict)
    for (code, wh), qty in counted.items():
        if wh in codes:
            by_wh[wh][code] = qty
    lines: list[CountLine] = []
    for wh, qtys in by_wh.items():
        for chunk in _chunks(list(qtys)):
            stmt = (
                select(
                    Sku.id,
                    Sku.seller_code,
                    _columns()["title"],
                    Sku.spec,
                    func.coalesce(func.sum(StockMovement.on_hand_delta), 0),
                )
                .join(Product, Product.id == Sku.product_id)
                .outerjoin(StockMovement, and_(StockMovement.sku_id == Sku.id, StockMovement.warehouse_id == codes[wh]))
                .where(Sku.seller_code.in_(chunk))
                .group_by(Sku.id, Sku.seller_code, Product.title, Sku.title, Sku.spec)
            )
            lines.extend(CountLine(i, c, t, s, wh, int(b), qtys[c]) for i, c, t, s, b in session.execute(stmt))
    return tuple(sorted(lines, key=lambda x: (x.warehouse, x.seller_code)))


def post_count(session: Session, review: StocktakeReview, *, staff_id: int | None, ref: str) -> MovementResult:
    """Post the reviewed differences as stocktake movements."""
    counts = [(x.sku_id, x.warehouse, x.difference) for x in review.differences]
    return post_stocktake(session, counts, staff_id=staff_id, reason=f"盘点 {review.file_name}", ref=ref)


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), 1000):
        yield values[start : start + 1000]
