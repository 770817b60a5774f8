"""Shops: the shop an import belongs to (the platform's default shop when the file names none), and the
shop settings an owner edits: name, fee rate, time zone, shipping deadline, active, default per platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.models import Order, Shop
from sellerdesk.platforms.registry import spec_of
from sellerdesk.services.app_settings import load_setting, setting_version, store_setting
from sellerdesk.services.rollup import rebuild_rollup

DEFAULT_SHOPS_SETTING = "default_shops"  # app_settings: {"taobao": shop id, ...}
MAX_FEE_RATE_BP = 10_000  # a commission above 100 % is a typo
MAX_SHIP_HOURS = 24 * 30


@dataclass(frozen=True)
class ShopRow:
    id: int
    platform: str
    name: str
    timezone: str
    fee_rate_bp: int
    ship_deadline_hours: int
    active: bool = True
    version: int = 0


def _row(shop: Shop) -> ShopRow:
    return ShopRow(
        shop.id,
        shop.platform,
        shop.name,
        shop.timezone,
        shop.fee_rate_bp,
        shop.ship_deadline_hours,
        shop.active,
        shop.version,
    )


def list_shops(session: Session) -> list[ShopRow]:
    return [_row(s) for s in session.scalars(select(Shop).order_by(Shop.platform, Shop.name))]


def get_or_create_shop(session: Session, platform: Platform, name: str) -> ShopRow:
    shop = _by_name(session, platform, name)
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
    """The shop an import goes to (``import_target`` says which), created when it does not exist yet."""
    shop, name = import_target(session, platform, given=given, in_file=in_file, order_ids=order_ids)
    if shop is None:
        return get_or_create_shop(session, platform, name)
    if (
        not given
        and in_file
        and shop.name == spec_of(platform).default_shop_name
        and _by_name(session, platform, in_file) is None
    ):
        shop.name = in_file  # the placeholder shop of an item file gets the real name
    return _row(shop)


def import_target(
    session: Session, platform: Platform, *, given: str = "", in_file: str = "", order_ids: Sequence[str] = ()
) -> tuple[Shop | None, str]:
    """The shop an import goes to, and its name (None when it would be created; nothing is written): the
    name given; else the shop that already holds these orders (a Taobao item file names no shop); else the
    file's 店铺名称; else the platform's default shop (shop settings); else its only shop; else a new shop
    with the platform's default name."""
    if given:
        return _by_name(session, platform, given), given
    holder = _shop_holding(session, platform, order_ids)
    if holder is not None:
        return holder, holder.name
    if in_file:
        return _by_name(session, platform, in_file), in_file
    chosen = default_shops(session).get(platform.value)
    shop = session.get(Shop, chosen) if chosen is not None else None
    if shop is not None:
        return shop, shop.name
    shops = session.scalars(select(Shop).where(Shop.platform == platform.value)).all()
    if len(shops) == 1:
        return shops[0], shops[0].name
    name = spec_of(platform).default_shop_name
    return _by_name(session, platform, name), name


def _by_name(session: Session, platform: Platform, name: str) -> Shop | None:
    return session.scalar(select(Shop).where(Shop.platform == platform.value, Shop.name == name))


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


# --- shop settings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShopEdit:
    """What the shop settings dialog saves. ``shop_id`` None adds a shop; otherwise ``expected_version`` is
    the version the user edited (someone else's save in between is a conflict, never overwritten)."""

    platform: Platform
    name: str
    fee_rate_bp: int = 0
    timezone: str = "Asia/Shanghai"
    ship_deadline_hours: int = 48
    active: bool = True
    shop_id: int | None = None
    expected_version: int = 0
    # True/False: make it / stop it being its platform's default shop; None: leave the default as it is.
    make_default: bool | None = None
    defaults_version: int = 0  # the version of the default-shops setting the user saw


@dataclass(frozen=True)
class ShopSaved:
    shop: ShopRow
    changes: Changes


def default_shops(session: Session) -> dict[str, int]:
    """Platform → the shop an import goes to when its file names none and several shops could take it."""
    value = load_setting(session, DEFAULT_SHOPS_SETTING, {})
    return {str(k): int(v) for k, v in value.items()} if isinstance(value, dict) else {}


def save_shop(session: Session, edit: ShopEdit, *, actor: Actor = OWNER) -> ShopSaved:
    """Add or change a shop. A new time zone moves the shop's days and months, so the daily roll-up is
    rebuilt (figures read it). ``actor``: the app passes who is signed in; the command line is the owner."""
    require(actor, Action.MANAGE_SHOPS)
    name = check_shop(edit)
    if _name_taken(session, edit.platform, name, edit.shop_id):
        raise ValidationError(f"There is already a shop named {name}.", code="shop_name_taken", name=name)
    if edit.shop_id is None:
        shop = Shop(platform=edit.platform.value)
        session.add(shop)
        zone_changed = False
    else:
        found = session.get(Shop, edit.shop_id)
        if found is None:
            raise NotFoundError(f"Shop {edit.shop_id} does not exist.", code="shop_not_found")
        if found.version != edit.expected_version:
            raise ConflictError(f"Shop {found.name} was changed by someone else.", code="conflict")
        shop, zone_changed = found, found.timezone != edit.timezone
    shop.name, shop.fee_rate_bp, shop.timezone = name, edit.fee_rate_bp, edit.timezone
    shop.ship_deadline_hours, shop.active = edit.ship_deadline_hours, edit.active
    session.flush()
    if zone_changed:
        rebuild_rollup(session)
    if edit.make_default is not None:
        _save_default(session, edit.platform, shop.id, edit.make_default, edit.defaults_version, actor)
    changes = Changes(shops=True, orders=zone_changed)
    return ShopSaved(_row(shop), changes)


def _save_default(
    session: Session, platform: Platform, shop_id: int, make_default: bool, version: int, actor: Actor
) -> None:
    is_default = default_shops(session).get(platform.value) == shop_id
    if make_default != is_default:
        set_default_shop(session, platform, shop_id if make_default else None, version, actor=actor)


def check_shop(edit: ShopEdit) -> str:
    """The shop's name as saved, once its name, fee rate, deadline and zone pass (raises ``ValidationError``)."""
    name = " ".join(edit.name.split())
    if not name:
        raise ValidationError("A shop needs a name.", code="shop_name_required")
    if not 0 <= edit.fee_rate_bp <= MAX_FEE_RATE_BP:
        raise ValidationError(
            f"A fee rate of {edit.fee_rate_bp / 100:.2f} % is not possible.",
            code="fee_rate_range",
            percent=edit.fee_rate_bp / 100,
        )
    if not 1 <= edit.ship_deadline_hours <= MAX_SHIP_HOURS:
        raise ValidationError(
            f"A shipping deadline of {edit.ship_deadline_hours} hours is not possible.",
            code="ship_hours_range",
            hours=edit.ship_deadline_hours,
        )
    try:
        ZoneInfo(edit.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"{edit.timezone} is not a time zone.", code="unknown_timezone", zone=edit.timezone
        ) from None
    return name


def _name_taken(session: Session, platform: Platform, name: str, shop_id: int | None) -> bool:
    """Another shop of the platform already has this name (names are unique per platform)."""
    stmt = select(Shop.id).where(Shop.platform == platform.value, Shop.name == name)
    return any(found != shop_id for found in session.scalars(stmt))


def set_default_shop(
    session: Session, platform: Platform, shop_id: int | None, expected_version: int, *, actor: Actor = OWNER
) -> Changes:
    """Make ``shop_id`` the platform's default shop (None: no default); version-checked like every setting."""
    require(actor, Action.MANAGE_SHOPS)
    defaults = default_shops(session)
    if shop_id is None:
        defaults.pop(platform.value, None)
    else:
        shop = session.get(Shop, shop_id)
        if shop is None or shop.platform != platform.value:
            raise NotFoundError(f"Shop {shop_id} is not a {platform.value} shop.", code="shop_not_found")
        defaults[platform.value] = shop_id
    store_setting(session, DEFAULT_SHOPS_SETTING, defaults, expected_version)
    return Changes(shops=True)


def default_shops_version(session: Session) -> int:
    return setting_version(session, DEFAULT_SHOPS_SETTING)
