"""The first run of a new shop: whether the setup wizard is due, and what it writes.

The wizard is due on a database that holds nothing yet (no shop, staff account, order, SKU, ticket, task
or review) and was never set up or skipped before; that mark is a shared setting, so every PC of the shop
sees the same. Everything the wizard writes goes through the staff and shop services and their checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform, Role
from sellerdesk.domain.permissions import Action, Actor, require
from sellerdesk.models import Shop, StaffUser
from sellerdesk.services import browse, shops, staff
from sellerdesk.services.app_settings import load_setting, store_setting

SETUP_KEY = "setup.first_run"  # app_settings: {"done": true} once the wizard was finished or skipped


@dataclass(frozen=True)
class SetupState:
    has_data: bool  # orders, SKUs, tickets, tasks or reviews (the demo needs none)
    shops: int
    staff: int
    owner_login: str  # the first active owner's login; "" while there is none
    dismissed: bool  # the wizard was finished or skipped on this database

    @property
    def empty(self) -> bool:
        return not self.has_data and self.shops == 0 and self.staff == 0

    @property
    def wizard_due(self) -> bool:
        """Shown by itself at start: a new, empty database that was never set up or skipped."""
        return self.empty and not self.dismissed


@dataclass(frozen=True)
class OwnerPlan:
    login: str
    name: str
    password: str


@dataclass(frozen=True)
class ShopPlan:
    platform: Platform
    name: str
    fee_rate_bp: int = 0


@dataclass(frozen=True)
class SetupPlan:
    owner: OwnerPlan | None = None  # None: no account (one person, no sign-in)
    shops: tuple[ShopPlan, ...] = ()


@dataclass(frozen=True)
class SetupDone:
    owner: Actor | None  # the owner's account the wizard made: the app acts as it from now on
    shops: tuple[shops.ShopRow, ...]
    changes: Changes


def setup_state(session: Session) -> SetupState:
    owner = session.scalars(
        select(StaffUser.login).where(StaffUser.role == Role.OWNER, StaffUser.active.is_(True)).order_by(StaffUser.id)
    ).first()
    return SetupState(
        has_data=browse.has_data(session),
        shops=len(session.scalars(select(Shop.id)).all()),
        staff=len(session.scalars(select(StaffUser.id)).all()),
        owner_login=owner or "",
        dismissed=bool(load_setting(session, SETUP_KEY, None)),
    )


def apply_setup(session: Session, actor: Actor, plan: SetupPlan) -> SetupDone:
    """The owner's account and the shops, in one transaction (all or nothing); the wizard is then done."""
    require(actor, Action.MANAGE_DATABASE)
    owner: Actor | None = None
    if plan.owner is not None:
        staff.add_staff(session, actor, plan.owner.login, plan.owner.name, Role.OWNER, plan.owner.password)
        owner = staff.unattended_actor(session)
    saved = []
    for shop in plan.shops:
        edit = shops.ShopEdit(platform=shop.platform, name=shop.name, fee_rate_bp=shop.fee_rate_bp)
        saved.append(shops.save_shop(session, edit, actor=actor).shop)
    store_setting(session, SETUP_KEY, {"done": True})
    return SetupDone(owner, tuple(saved), Changes(shops=bool(saved), staff=owner is not None))


def dismiss_setup(session: Session, actor: Actor) -> None:
    """Skipped: the wizard does not show by itself again (Settings → Setup wizard… still opens it)."""
    require(actor, Action.MANAGE_DATABASE)
    store_setting(session, SETUP_KEY, {"done": True})
