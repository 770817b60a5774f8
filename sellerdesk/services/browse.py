"""Read-only pages for the desktop tabs: one sorted, filtered page of rows at a time, plus counts.

A tab never holds a whole table: its Qt model asks for ``count_<kind>()`` once, then for pages of
``<kind>_page()`` as the view scrolls. Sorting and searching happen here, in SQL. Every sort order
ends with the row id, so pages are stable; paging is LIMIT/OFFSET, walking ids alone before the page's
rows are loaded. These tables stay small (SKUs, tasks, reviews); the orders list, which grows to millions of
rows, has its own service with id-list paging (``services.orders``), and so does the ticket queue
(``services.tickets.queue``, with its filters and deadlines).
The listings are built on first use, not at import: building them configures the ORM mappers, which
need not delay the app's first paint.

Like every service, these functions take the Session first and return frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any, Generic, TypeAlias, TypeVar

from sqlalchemy import ColumnElement, Select, case, exists, func, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, aliased

from sellerdesk.domain.permissions import Action, Actor, can, require
from sellerdesk.domain.stock import is_low_stock
from sellerdesk.models import Order, Product, Review, Sku, StaffUser, StockMovement, Task, Ticket

R = TypeVar("R")
AnySelect: TypeAlias = Select[*tuple[Any, ...]]


# ---------------------------------------------------------------- rows (what each tab shows)


@dataclass(frozen=True)
class ProductRow:
    id: int
    seller_code: str
    title: str
    spec: str
    price_cents: int
    cost_cents: int | None  # None: the reader may not see costs
    on_hand: int
    available: int
    safety_stock: int
    active: bool

    @property
    def low_stock(self) -> bool:
        return is_low_stock(self.available, self.safety_stock)


@dataclass(frozen=True)
class TaskRow:
    id: int
    title: str
    status: str
    assignee: str
    due_date: date | None
    priority: str


@dataclass(frozen=True)
class ReviewRow:
    id: int
    staff: str
    month: str  # YYYY-MM
    grade: str
    score_bp: int | None  # score ×100: 8750 is 87.50 points
    status: str


# ---------------------------------------------------------------- listing machinery


@dataclass(frozen=True)
class PageRequest:
    """Which page of a listing: sort key (one of the listing's ``SORTS``), direction, search text."""

    sort: str
    descending: bool = False
    search: str = ""
    offset: int = 0
    limit: int = 100


@dataclass(frozen=True)
class _Listing(Generic[R]):
    query: Callable[[], AnySelect]  # the row's columns; the first one is the id
    ids: Callable[[], AnySelect]  # just the id, with the joins that sorting and searching need
    id_column: Any  # the mapped id attribute
    sorts: Mapping[str, Sequence[Any]]  # sort key → ORDER BY columns, ending with the id
    search: Callable[[Session, str], ColumnElement[bool]]
    to_row: Callable[[Row[Any]], R]

    def count(self, session: Session, search: str, where: Sequence[ColumnElement[bool]] = ()) -> int:
        stmt = select(func.count()).select_from(self._filtered(session, search).where(*where).subquery())
        return int(session.execute(stmt).scalar_one())

    def page(self, session: Session, request: PageRequest, where: Sequence[ColumnElement[bool]] = ()) -> tuple[R, ...]:
        """One page; ``where``: further conditions (a tab's filters), on the listing's own tables."""
        if request.sort not in self.sorts:
            raise ValueError(f"unknown sort key {request.sort!r}")
        order = [c.desc() if request.descending else c.asc() for c in self.sorts[request.sort]]
        # Late row lookup: page through ids alone (an index walk), then load just those rows.
        filtered = self._filtered(session, request.search).where(*where)
        ids_stmt = filtered.order_by(*order).offset(request.offset).limit(request.limit)
        ids = list(session.scalars(ids_stmt))
        if not ids:
            return ()
        rows = {r[0]: self.to_row(r) for r in session.execute(self.query().where(self.id_column.in_(ids)))}
        return tuple(rows[i] for i in ids)

    def _filtered(self, session: Session, search: str) -> AnySelect:
        stmt = self.ids()
        term = search.strip()
        return stmt.where(self.search(session, term)) if term else stmt


def _contains(*columns: Any) -> Callable[[Session, str], ColumnElement[bool]]:
    """Case-insensitive "contains" over small tables (a full scan is cheap there)."""

    def where(_session: Session, term: str) -> ColumnElement[bool]:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return or_(*(col.ilike(f"%{escaped}%", escape="\\") for col in columns))

    return where


def sort_keys() -> dict[str, tuple[str, ...]]:
    """Each listing's sort keys (``PageRequest.sort``), by listing name."""
    listings: dict[str, _Listing[Any]] = {
        "products": _product_listing(),
        "tasks": _task_listing(),
        "reviews": _review_listing(),
    }
    return {name: tuple(listing.sorts) for name, listing in listings.items()}


# ---------------------------------------------------------------- products (SKUs)


def _ledger_sum(delta: Any) -> ColumnElement[int]:
    """One SKU's sum over the stock ledger (stock is never a stored number); an indexed lookup per SKU."""
    total = select(func.coalesce(func.sum(delta), 0)).where(StockMovement.sku_id == Sku.id)
    return total.scalar_subquery()


@cache
def _product_listing() -> _Listing[ProductRow]:
    on_hand = _ledger_sum(StockMovement.on_hand_delta)
    available = on_hand - _ledger_sum(StockMovement.reserved_delta)
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)

    def query() -> AnySelect:
        return select(
            Sku.id,
            Sku.seller_code,
            title,
            Sku.spec,
            Sku.price_cents,
            Sku.cost_cents,
            on_hand,
            available,
            Sku.safety_stock,
            Sku.active,
        ).join(Product, Product.id == Sku.product_id)

    return _Listing(
        query=query,
        ids=lambda: select(Sku.id).join(Product, Product.id == Sku.product_id).where(Product.deleted_at.is_(None)),
        id_column=Sku.id,
        sorts={
            "seller_code": (Sku.seller_code,),
            "title": (title, Sku.id),
            "spec": (Sku.spec, Sku.id),
            "price": (Sku.price_cents, Sku.id),
            "cost": (Sku.cost_cents, Sku.id),
            "on_hand": (on_hand, Sku.id),
            "available": (available, Sku.id),
            "safety_stock": (Sku.safety_stock, Sku.id),
        },
        search=_contains(Sku.seller_code, Sku.title, Product.title, Sku.spec, Sku.barcode),
        to_row=lambda r: ProductRow(*tuple(r)),
    )


def count_products(session: Session, search: str = "") -> int:
    return _product_listing().count(session, search)


def product_page(session: Session, request: PageRequest, *, actor: Actor) -> tuple[ProductRow, ...]:
    """A page of SKUs; costs are None for roles that may not see them (and sorting by cost is refused)."""
    if request.sort == "cost":
        require(actor, Action.VIEW_COSTS)
    rows = _product_listing().page(session, request)
    return rows if can(actor, Action.VIEW_COSTS) else tuple(replace(r, cost_cents=None) for r in rows)


# ---------------------------------------------------------------- shared


def _priority_rank(column: Any) -> ColumnElement[int]:
    """Priorities sort by urgency, not alphabetically."""
    return case({"low": 0, "normal": 1, "high": 2, "urgent": 3}, value=column, else_=1)


# ---------------------------------------------------------------- team tasks


@cache
def _task_listing() -> _Listing[TaskRow]:
    assignee = aliased(StaffUser)
    assignee_name = func.coalesce(assignee.name, "")
    status_rank = case({"todo": 0, "doing": 1, "done": 2}, value=Task.status, else_=0)

    def query() -> AnySelect:
        return select(Task.id, Task.title, Task.status, assignee_name, Task.due_date, Task.priority).outerjoin(
            assignee, assignee.id == Task.assignee_id
        )

    return _Listing(
        query=query,
        ids=lambda: (
            select(Task.id).outerjoin(assignee, assignee.id == Task.assignee_id).where(Task.deleted_at.is_(None))
        ),
        id_column=Task.id,
        sorts={
            "title": (Task.title, Task.id),
            "status": (status_rank, Task.id),
            "assignee": (assignee_name, Task.id),
            # What is due next: open tasks by due date (none set: after them), then the done ones.
            # The CASEs keep NULLs last in both dialects (SQLite and PostgreSQL order NULLs differently).
            "due_date": (
                case((Task.status == "done", 1), else_=0),
                case((Task.due_date.is_(None), 1), else_=0),
                Task.due_date,
                Task.id,
            ),
            "priority": (_priority_rank(Task.priority), Task.id),
        },
        search=_contains(Task.title, assignee.name),
        to_row=lambda r: TaskRow(*tuple(r)),
    )


def count_tasks(session: Session, search: str = "", where: Sequence[ColumnElement[bool]] = ()) -> int:
    return _task_listing().count(session, search, where)


def task_page(session: Session, request: PageRequest, where: Sequence[ColumnElement[bool]] = ()) -> tuple[TaskRow, ...]:
    return _task_listing().page(session, request, where)


# ---------------------------------------------------------------- performance reviews


@cache
def _review_listing() -> _Listing[ReviewRow]:
    staff = aliased(StaffUser)

    def query() -> AnySelect:
        return select(Review.id, staff.name, Review.month, Review.grade, Review.score_bp, Review.status).join(
            staff, staff.id == Review.staff_id
        )

    return _Listing(
        query=query,
        ids=lambda: select(Review.id).join(staff, staff.id == Review.staff_id).where(Review.deleted_at.is_(None)),
        id_column=Review.id,
        sorts={
            "staff": (staff.name, Review.month, Review.id),
            "month": (Review.month, staff.name, Review.id),
            "grade": (Review.grade, Review.id),
            "score": (func.coalesce(Review.score_bp, -1), Review.id),
            "status": (Review.status, Review.id),
        },
        search=_contains(staff.name, Review.month),
        to_row=lambda r: ReviewRow(*tuple(r)),
    )


def _own_reviews(actor: Actor) -> tuple[ColumnElement[bool], ...]:
    """Their own reviews, and the team's (a manager) or everyone's (the owner): ``services.reviews.access``."""
    from sellerdesk.services.reviews.access import readable

    return (readable(actor),)


def count_reviews(session: Session, search: str = "", *, actor: Actor) -> int:
    return _review_listing().count(session, search, _own_reviews(actor))


def review_page(session: Session, request: PageRequest, *, actor: Actor) -> tuple[ReviewRow, ...]:
    return _review_listing().page(session, request, _own_reviews(actor))


# ---------------------------------------------------------------- home dashboard


def has_data(session: Session) -> bool:
    """False for a brand-new database: the home page then explains how to get data in."""
    tables = (Order.id, Sku.id, Ticket.id, Task.id, Review.id)
    return any(session.execute(select(exists().where(col.is_not(None)))).scalar_one() for col in tables)
