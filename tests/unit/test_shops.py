"""Shop settings (name, fee rate, time zone, shipping deadline, default shop per platform), on SQLite and
PostgreSQL: validated, version-checked, and the default shop is where an import without a shop name goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.enums import Platform, Role
from sellerdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from sellerdesk.domain.permissions import Actor
from sellerdesk.models import Order, Shop
from sellerdesk.services.imports import import_paths
from sellerdesk.services.rollup import sum_orders_by_day, sum_rollup_by_day
from sellerdesk.services.shops import (
    ShopEdit,
    default_shops,
    default_shops_version,
    list_shops,
    save_shop,
    set_default_shop,
)

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


def test_add_rename_and_a_stale_save_is_a_conflict(session: Session) -> None:
    added = save_shop(session, ShopEdit(Platform.JD, "  小林家居  京东店 ", fee_rate_bp=600))
    assert added.shop.name == "小林家居 京东店" and added.changes.shops
    renamed = save_shop(
        session,
        ShopEdit(
            Platform.JD, "小林家居京东自营", fee_rate_bp=500, shop_id=added.shop.id, expected_version=added.shop.version
        ),
    )
    assert (renamed.shop.name, renamed.shop.fee_rate_bp) == ("小林家居京东自营", 500)
    assert renamed.shop.version == added.shop.version + 1
    with pytest.raises(ConflictError):  # someone saved in between: the old version is refused
        save_shop(
            session, ShopEdit(Platform.JD, "又一个名字", shop_id=added.shop.id, expected_version=added.shop.version)
        )
    # the user's own consecutive saves never conflict: each carries the version the last one returned
    again = save_shop(
        session,
        ShopEdit(
            Platform.JD,
            "小林家居京东自营",
            fee_rate_bp=450,
            shop_id=renamed.shop.id,
            expected_version=renamed.shop.version,
        ),
    )
    assert again.shop.fee_rate_bp == 450


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (ShopEdit(Platform.PDD, "   "), "shop_name_required"),
        (ShopEdit(Platform.PDD, "多多店", fee_rate_bp=10_001), "fee_rate_range"),
        (ShopEdit(Platform.PDD, "多多店", fee_rate_bp=-1), "fee_rate_range"),
        (ShopEdit(Platform.PDD, "多多店", ship_deadline_hours=0), "ship_hours_range"),
        (ShopEdit(Platform.PDD, "多多店", timezone="Mars/Olympus"), "unknown_timezone"),
    ],
)
def test_what_a_shop_cannot_be(session: Session, edit: ShopEdit, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        save_shop(session, edit)
    assert caught.value.code == code
    assert session.scalar(select(Shop).where(Shop.platform == "pdd")) is None


def test_names_are_unique_per_platform(session: Session) -> None:
    save_shop(session, ShopEdit(Platform.PDD, "多多店"))
    save_shop(session, ShopEdit(Platform.JD, "多多店"))  # another platform may use the name
    with pytest.raises(ValidationError) as caught:
        save_shop(session, ShopEdit(Platform.PDD, "多多店"))
    assert caught.value.code == "shop_name_taken"


def test_the_default_shop_takes_imports_that_name_no_shop(session: Session) -> None:
    first = save_shop(session, ShopEdit(Platform.PDD, "多多一店")).shop
    second = save_shop(session, ShopEdit(Platform.PDD, "多多二店")).shop
    set_default_shop(session, Platform.PDD, second.id, default_shops_version(session))
    assert default_shops(session) == {"pdd": second.id}
    with pytest.raises(ConflictError):  # a default saved by someone else meanwhile is not overwritten
        set_default_shop(session, Platform.PDD, first.id, 0)
    (result,) = import_paths(session, [SAMPLES / "pdd_orders.csv"])  # the file names no shop
    assert result.shop == "多多二店"
    assert {o.shop_id for o in session.scalars(select(Order))} == {second.id}


def test_a_new_time_zone_moves_the_shops_days(session: Session) -> None:
    import_paths(session, [SAMPLES / "pdd_orders.csv"])
    shop = next(s for s in list_shops(session) if s.platform == "pdd")
    before = sorted(sum_rollup_by_day(session, *_span()))  # row sets in no stated order: compared sorted
    saved = save_shop(
        session,
        ShopEdit(
            Platform.PDD, shop.name, timezone="America/Los_Angeles", shop_id=shop.id, expected_version=shop.version
        ),
    )
    assert saved.changes.orders  # figures move with the days
    after = sorted(sum_rollup_by_day(session, *_span()))
    assert after != before
    assert after == sorted(sum_orders_by_day(session, *_span()))  # the roll-up agrees with the orders in the new zone


def _span() -> tuple[date, date]:
    return date(2026, 1, 1), date(2026, 12, 31)


@pytest.mark.parametrize("role", list(Role))
def test_only_owners_and_managers_change_shops(session: Session, role: Role) -> None:
    actor = Actor(staff_id=None, role=role, name="x", login="x")
    allowed = role in (Role.OWNER, Role.MANAGER)
    if allowed:
        shop = save_shop(session, ShopEdit(Platform.JD, "京东店"), actor=actor).shop
        set_default_shop(session, Platform.JD, shop.id, default_shops_version(session), actor=actor)
        return
    with pytest.raises(PermissionDenied):
        save_shop(session, ShopEdit(Platform.JD, "京东店"), actor=actor)
    shop = save_shop(session, ShopEdit(Platform.JD, "京东店")).shop  # the owner may
    with pytest.raises(PermissionDenied):
        set_default_shop(session, Platform.JD, shop.id, default_shops_version(session), actor=actor)
