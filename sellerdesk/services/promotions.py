"""Promotions as tasks: what is promoted (SKUs), where (a shop, or every shop), when; and afterwards, its
effect on sales against the same length of time just before it (uplift).

Effect (docs/metrics.md, Promotions): over the promotion's SKUs, the units and GMV (the lines' paid
amounts) of orders paid during [start, end), against those paid during the equally long time just before
the start. Uplift = (during - before) / before, in basis points rounded half up; none when nothing sold
before. Incomplete orders count nowhere, as in every figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from sellerdesk.domain.errors import NotFoundError, ValidationError
from sellerdesk.domain.figures import PromotionEffect, PromotionFigures, Sales
from sellerdesk.domain.timeutil import month_bounds_utc, utcnow
from sellerdesk.models import Order, OrderItem, Product, Promotion, PromotionSku, Shop, Sku, Task
from sellerdesk.services import tasks
from sellerdesk.services.tasks import TaskDraft, TaskSaved
from sellerdesk.services.zones import house_timezone


class PromotionKind(StrEnum):
    DISCOUNT = "discount"
    FULL_REDUCTION = "full_reduction"  # 满减
    COUPON = "coupon"
    FLASH_SALE = "flash_sale"
    GIFT = "gift"
    GROUP_BUY = "group_buy"


@dataclass(frozen=True)
class PromotionDraft:
    kind: str
    starts_at: datetime  # aware UTC
    ends_at: datetime
    sku_ids: tuple[int, ...]
    shop_id: int | None = None  # None: every shop


@dataclass(frozen=True)
class SkuRef:
    id: int
    seller_code: str
    title: str


@dataclass(frozen=True)
class PromotionDetail:
    kind: str
    starts_at: datetime
    ends_at: datetime
    shop_id: int | None
    shop: str
    skus: tuple[SkuRef, ...]


def _checked(session: Session, promo: PromotionDraft) -> None:
    if promo.kind not in set(PromotionKind):
        raise ValueError(f"unknown promotion kind {promo.kind!r}")
    if promo.ends_at <= promo.starts_at:
        raise ValidationError("A promotion must end after it starts.", code="promotion_ends_first")
    if not promo.sku_ids:
        raise ValidationError("Choose the SKUs the promotion is for.", code="promotion_no_skus")
    found = set(session.scalars(select(Sku.id).where(Sku.id.in_(promo.sku_ids))))
    if found != set(promo.sku_ids):
        raise NotFoundError("A SKU of the promotion no longer exists.", code="sku_not_found")
    if promo.shop_id is not None and session.get(Shop, promo.shop_id) is None:
        raise NotFoundError(f"Shop {promo.shop_id} does not exist.", code="shop_not_found")


def create_promotion(
    session: Session,
    draft: TaskDraft,
    promo: PromotionDraft,
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> TaskSaved:
    _checked(session, promo)
    saved = tasks.create_task(session, draft, actor_id=actor_id, kind="promotion", now=now)
    row = Promotion(task_id=saved.task_id, kind=promo.kind)
    session.add(row)
    _store(session, row, promo)
    return saved


def update_promotion(
    session: Session,
    task_id: int,
    draft: TaskDraft,
    promo: PromotionDraft,
    *,
    expected_version: int,
    actor_id: int | None = None,
) -> TaskSaved:
    _checked(session, promo)
    saved = tasks.update_task(session, task_id, draft, expected_version=expected_version, actor_id=actor_id)
    row = _promotion(session, task_id)
    _store(session, row, promo)
    return saved


def _store(session: Session, row: Promotion, promo: PromotionDraft) -> None:
    row.kind, row.shop_id, row.starts_at, row.ends_at = promo.kind, promo.shop_id, promo.starts_at, promo.ends_at
    session.flush()
    session.execute(delete(PromotionSku).where(PromotionSku.promotion_id == row.id))
    skus = [{"promotion_id": row.id, "sku_id": s} for s in dict.fromkeys(promo.sku_ids)]
    if skus:  # one Core statement, as the delete above: no ORM objects for rows nobody edits
        session.execute(insert(PromotionSku), skus)


def _promotion(session: Session, task_id: int) -> Promotion:
    row = session.scalar(select(Promotion).where(Promotion.task_id == task_id))
    if row is None:
        raise NotFoundError(f"Task {task_id} is not a promotion.", code="task_not_found")
    return row


def get_promotion(session: Session, task_id: int) -> PromotionDetail | None:
    row = session.scalar(select(Promotion).where(Promotion.task_id == task_id))
    if row is None:
        return None
    shop = session.get(Shop, row.shop_id) if row.shop_id is not None else None
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)
    skus = session.execute(
        select(Sku.id, Sku.seller_code, title)
        .join(PromotionSku, PromotionSku.sku_id == Sku.id)
        .join(Product, Product.id == Sku.product_id)
        .where(PromotionSku.promotion_id == row.id)
        .order_by(Sku.seller_code)
    )
    return PromotionDetail(
        row.kind, row.starts_at, row.ends_at, row.shop_id, shop.name if shop else "", tuple(SkuRef(*s) for s in skus)
    )


def find_skus(session: Session, text: str, limit: int = 30) -> tuple[SkuRef, ...]:
    """SKUs whose seller code or title contains ``text``."""
    term = text.strip()
    if not term:
        return ()
    pattern = tasks.contains_pattern(term)
    title = func.coalesce(func.nullif(Sku.title, ""), Product.title)
    stmt = (
        select(Sku.id, Sku.seller_code, title)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.seller_code.ilike(pattern, escape="\\") | title.ilike(pattern, escape="\\"))
        .order_by(Sku.seller_code)
        .limit(limit)
    )
    return tuple(SkuRef(*r) for r in session.execute(stmt))


def promotion_effect(session: Session, task_id: int, now: datetime | None = None) -> PromotionEffect | None:
    """The promotion's effect once it has ended (None before that)."""
    row = _promotion(session, task_id)
    if row.ends_at > (now or utcnow()):
        return None
    sku_ids = list(session.scalars(select(PromotionSku.sku_id).where(PromotionSku.promotion_id == row.id)))
    return _effect(session, row, sku_ids)


def _effect(session: Session, row: Promotion, sku_ids: Sequence[int]) -> PromotionEffect:
    length = row.ends_at - row.starts_at
    return PromotionEffect(
        during=_sales(session, sku_ids, row.shop_id, row.starts_at, row.ends_at),
        before=_sales(session, sku_ids, row.shop_id, row.starts_at - length, row.starts_at),
    )


def _sales(session: Session, sku_ids: Sequence[int], shop_id: int | None, start: datetime, end: datetime) -> Sales:
    stmt = (
        select(func.coalesce(func.sum(OrderItem.qty), 0), func.coalesce(func.sum(OrderItem.paid_cents), 0))
        .join(Order, Order.id == OrderItem.order_id)
        .where(
            OrderItem.sku_id.in_(list(sku_ids)),
            Order.paid_at >= start,
            Order.paid_at < end,
            ~Order.incomplete,
        )
    )
    if shop_id is not None:
        stmt = stmt.where(Order.shop_id == shop_id)
    units, gmv = session.execute(stmt).one()
    return Sales(int(units), int(gmv))


def list_promotions_ended_in(
    session: Session, year: int, month: int, now: datetime | None = None
) -> tuple[PromotionFigures, ...]:
    """The promotions that ended in month M (the house zone's month) and by ``now``, with their effect: the
    monthly report."""
    start, end = month_bounds_utc(year, month, house_timezone(session))
    end = min(end, now or utcnow())
    stmt = (
        select(Promotion, Task.title, func.coalesce(Shop.name, ""))
        .join(Task, Task.id == Promotion.task_id)
        .outerjoin(Shop, Shop.id == Promotion.shop_id)
        .where(Promotion.ends_at >= start, Promotion.ends_at <= end)
        .order_by(Promotion.ends_at, Promotion.id)
    )
    result = []
    for row, title, shop in session.execute(stmt).all():
        sku_ids = list(session.scalars(select(PromotionSku.sku_id).where(PromotionSku.promotion_id == row.id)))
        result.append(
            PromotionFigures(
                row.task_id,
                title,
                row.kind,
                shop,
                row.starts_at,
                row.ends_at,
                len(sku_ids),
                _effect(session, row, sku_ids),
            )
        )
    return tuple(result)
