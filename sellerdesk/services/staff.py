"""Staff accounts, sign-in and the shop's sign-in settings.

The first owner: a database without an active owner account has sign-in off and everyone acts as the
owner; the first account added must then be an owner. Sign-in is asked for only while the setting is on
and an active owner can sign in, so a shop can never lock itself out, and a one-person shop can switch it
off (it then acts as its first owner).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk.db.tracking import act_as
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Role
from sellerdesk.domain.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from sellerdesk.domain.passwords import MIN_LENGTH, hash_password, verify_password
from sellerdesk.domain.permissions import OWNER, Action, Actor, require
from sellerdesk.models import AppSetting, StaffUser
from sellerdesk.services.app_settings import store_setting

SECURITY_KEY = "security.sign_in"
DEFAULT_IDLE_MINUTES = 15
MAX_IDLE_MINUTES = 24 * 60
_LOGIN = re.compile(r"[A-Za-z0-9_.\-@]{2,64}")
# Checked when a login is unknown, so a wrong login takes as long as a wrong password.
_DUMMY_HASH = hash_password("not a password")
STAFF_CHANGES = Changes(staff=True)


@dataclass(frozen=True)
class StaffInfo:
    id: int
    login: str
    name: str
    role: Role
    active: bool
    has_password: bool
    version: int


@dataclass(frozen=True)
class SecuritySettings:
    sign_in: bool = True  # ask for sign-in at start (only once an owner can sign in)
    idle_minutes: int = DEFAULT_IDLE_MINUTES  # lock after this long without input; 0 = never
    version: int = 0


# ---------------------------------------------------------------- reading


def list_staff(session: Session, actor: Actor) -> tuple[StaffInfo, ...]:
    require(actor, Action.MANAGE_STAFF)
    users = session.scalars(select(StaffUser).order_by(StaffUser.active.desc(), StaffUser.login))
    return tuple(_info(u) for u in users)


def _info(user: StaffUser) -> StaffInfo:
    return StaffInfo(
        user.id, user.login, user.name, Role(user.role), user.active, bool(user.password_hash), user.version
    )


def security_settings(session: Session) -> SecuritySettings:
    setting = session.get(AppSetting, SECURITY_KEY)
    if setting is None or not isinstance(setting.value, dict):
        return SecuritySettings()
    value = setting.value
    idle = value.get("idle_minutes", DEFAULT_IDLE_MINUTES)
    return SecuritySettings(
        sign_in=bool(value.get("sign_in", True)),
        idle_minutes=idle if isinstance(idle, int) and 0 <= idle <= MAX_IDLE_MINUTES else DEFAULT_IDLE_MINUTES,
        version=setting.version,
    )


def set_security_settings(session: Session, actor: Actor, settings: SecuritySettings) -> Changes:
    require(actor, Action.MANAGE_STAFF)
    if not 0 <= settings.idle_minutes <= MAX_IDLE_MINUTES:
        raise ValidationError("Idle minutes out of range.", code="idle_minutes_invalid", max=MAX_IDLE_MINUTES)
    act_as(session, actor)
    value = {"sign_in": settings.sign_in, "idle_minutes": settings.idle_minutes}
    store_setting(session, SECURITY_KEY, value, expected_version=settings.version)
    return STAFF_CHANGES


def sign_in_needed(session: Session) -> bool:
    """True when the app must ask who is there: sign-in is on and an active owner can sign in."""
    return security_settings(session).sign_in and _owners_who_can_sign_in(session) > 0


def unattended_actor(session: Session) -> Actor:
    """Who acts when nobody signs in: the first active owner account, else the owner of a shop without accounts."""
    owner = session.scalars(
        select(StaffUser).where(StaffUser.role == Role.OWNER, StaffUser.active.is_(True)).order_by(StaffUser.id)
    ).first()
    return OWNER if owner is None else _actor(owner)


def _actor(user: StaffUser) -> Actor:
    return Actor(staff_id=user.id, role=Role(user.role), name=user.name, login=user.login)


def _owners_who_can_sign_in(session: Session) -> int:
    stmt = select(func.count(StaffUser.id)).where(
        StaffUser.role == Role.OWNER, StaffUser.active.is_(True), StaffUser.password_hash != ""
    )
    return int(session.execute(stmt).scalar_one())


def _active_owners(session: Session) -> int:
    stmt = select(func.count(StaffUser.id)).where(StaffUser.role == Role.OWNER, StaffUser.active.is_(True))
    return int(session.execute(stmt).scalar_one())


# ---------------------------------------------------------------- signing in


def sign_in(session: Session, login: str, password: str) -> Actor:
    """The staff member for ``login`` and ``password``; one refusal for every wrong part (never says which)."""
    user = session.scalars(select(StaffUser).where(StaffUser.login == login.strip())).first()
    stored = user.password_hash if user is not None and user.active and user.password_hash else _DUMMY_HASH
    if not verify_password(password, stored) or user is None or stored is _DUMMY_HASH:
        raise PermissionDenied("Wrong login or password.", code="sign_in_failed")
    return _actor(user)


# ---------------------------------------------------------------- changing


def add_staff(session: Session, actor: Actor, login: str, name: str, role: Role | str, password: str) -> Changes:
    """A new, active account. Without an active owner yet, the first account must be the owner."""
    require(actor, Action.MANAGE_STAFF)
    login = login.strip()
    check_new_account(login, password)
    role = _role(role)
    if session.scalars(select(StaffUser.id).where(StaffUser.login == login)).first() is not None:
        raise ValidationError(f"Login {login} is taken.", code="login_taken", login=login)
    if role != Role.OWNER and _active_owners(session) == 0:
        raise ValidationError("The first account must be the owner's.", code="first_account_owner")
    act_as(session, actor)
    session.add(StaffUser(login=login, name=name.strip() or login, role=role, password_hash=hash_password(password)))
    session.flush()
    return STAFF_CHANGES


def check_new_account(login: str, password: str) -> None:
    """The checks a new account's login and password must pass (the setup wizard asks before saving)."""
    if not _LOGIN.fullmatch(login.strip()):
        raise ValidationError(f"Login {login!r} is not valid.", code="login_invalid", login=login)
    _check_password(password)


def update_staff(
    session: Session, actor: Actor, staff_id: int, *, name: str, role: Role | str, active: bool, expected_version: int
) -> Changes:
    require(actor, Action.MANAGE_STAFF)
    user = _user(session, staff_id)
    if user.version != expected_version:
        raise ConflictError(f"Staff {user.login} changed meanwhile.", code="conflict")
    role = _role(role)
    losing_owner = user.role == Role.OWNER and user.active and (role != Role.OWNER or not active)
    if losing_owner and _active_owners(session) <= 1:
        raise ValidationError("The last active owner stays.", code="last_owner", login=user.login)
    act_as(session, actor)
    user.name, user.role, user.active = name.strip() or user.login, role, active
    session.flush()
    return STAFF_CHANGES


def disable_staff(session: Session, actor: Actor, login: str) -> Changes:
    user = _by_login(session, login)
    return update_staff(
        session, actor, user.id, name=user.name, role=user.role, active=False, expected_version=user.version
    )


def reset_password(session: Session, actor: Actor, login: str, password: str) -> Changes:
    require(actor, Action.MANAGE_STAFF)
    user = _by_login(session, login)
    _check_password(password)
    act_as(session, actor)
    user.password_hash = hash_password(password)
    session.flush()
    return STAFF_CHANGES


def _check_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError("Password too short.", code="password_too_short", min=MIN_LENGTH)


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(f"Unknown role {role!r}.", code="role_invalid", role=role) from None


def _user(session: Session, staff_id: int) -> StaffUser:
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise NotFoundError(f"No staff member {staff_id}.", code="not_found")
    return user


def _by_login(session: Session, login: str) -> StaffUser:
    user = session.scalars(select(StaffUser).where(StaffUser.login == login.strip())).first()
    if user is None:
        raise NotFoundError(f"No staff member with login {login}.", code="login_not_found", login=login)
    return user
