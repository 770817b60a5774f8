"""Shops: finding the shop an import belongs to, creating the platform's default shop when missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform
from sellerdesk.models import Order, Shop
from sellerdesk.platforms.registry import spec_of


@dataclass(frozen=True)
class ShopRow:
    id: int
    platform: str
    name: str
    timezone: str
    fee_rate_bp: int
    ship_deadline_hours: int


def _row(shop: Shop) -> ShopRow:
    return ShopRow(shop.id, shop.platform, shop.name, shop.timezone, shop.fee_rate_bp, shop.ship_deadline_hours)


def list_shops(session: Session) -> list[ShopRow]:
    return [_row(s) for s in session.scalars(select(Shop).order_by(Shop.platform, Shop.name))]


def get_or_create_shop(session: Session, platform: Platform, name: str) -> ShopRow:
    shop = session.scalar(select(Shop).where(Shop.platform == platform.value, Shop.name == name))
    if shop is None:
        shop = Shop(platform=platform.value, name=name)
        session.add(shop)
        session.flush()
    return _row(shop)


def resolve_import_shop(
    session: Session,
    platform: Platform,
    *,
    given: str = "",
    in_file: str = "",
    order_ids: Sequence[str] = (),
) -> ShopRow:
    """The shop an import goes to: the name given; else the shop that already holds these orders (a Taobao
    item file names no shop); else the file's 店铺名称; else the platform's only shop, or its default shop."""
    if given:
        return get_or_create_shop(session, platform, given)
    holder = _shop_holding(session, platform, order_ids)
    if holder is not None:
        if in_file and holder.name == spec_of(platform).default_shop_name:
            holder.name = in_file  # the placeholder shop of an item file gets the real name
        return _row(holder)
    if in_file:
        return get_or_create_shop(session, platform, in_file)
    shops = session.scalars(select(Shop).where(Shop.platform == platform.value)).all()
    if len(shops) == 1:
        return _row(shops[0])
    return get_or_create_shop(session, platform, spec_of(platform).default_shop_name)


def _shop_holding(session: Session, platform: Platform, order_ids: Sequence[str]) -> Shop | None:
    if not order_ids:
        return None
    stmt = (
        select(Shop)
        .join(Order, Order.shop_id == Shop.id)
        .where(Order.platform == platform.value, Order.platform_order_id.in_(list(order_ids[:500])))
        .limit(1)
    )
    return session.scalar(stmt)
