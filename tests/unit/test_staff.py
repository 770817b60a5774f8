"""Staff accounts, password hashes, sign-in, the first owner and the last owner, and the staff CLI."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sellerdesk import cli
from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.enums import Role
from sellerdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from sellerdesk.domain.passwords import hash_password, verify_password
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.models import AuditEntry, StaffUser
from sellerdesk.services import staff

PASSWORD = "correct horse 7"


def owner_and_clerk(session: Session) -> tuple[Actor, Actor]:
    staff.add_staff(session, OWNER, "boss", "老板", Role.OWNER, PASSWORD)
    staff.add_staff(session, OWNER, "fang", "王芳", Role.SERVICE, "service pw 1")
    return staff.sign_in(session, "boss", PASSWORD), staff.sign_in(session, "fang", "service pw 1")


def test_hash_is_salted_scrypt_with_its_parameters() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second  # a salt of its own each time
    assert first.startswith("scrypt$16384$8$1$") and PASSWORD not in first
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password(PASSWORD + "x", first)
    assert not verify_password(PASSWORD, "") and not verify_password(PASSWORD, "md5$abc")
    cheap = hash_password(PASSWORD, n=2**10)  # an older hash keeps verifying with its stored parameters
    assert cheap.startswith("scrypt$1024$") and verify_password(PASSWORD, cheap)


def test_password_column_never_holds_the_password(session: Session) -> None:
    owner_and_clerk(session)
    stored = session.scalars(select(StaffUser.password_hash)).all()
    assert all(PASSWORD not in h and "service pw 1" not in h and h.startswith("scrypt$") for h in stored)
    logged = " ".join(str(e.details) for e in session.scalars(select(AuditEntry)))
    assert PASSWORD not in logged and "scrypt" not in logged  # the audit log shows only that it changed


def test_wrong_password_is_refused_without_saying_which_part(session: Session) -> None:
    owner_and_clerk(session)
    staff.disable_staff(session, OWNER, "fang")
    refusals = []
    for login, password in (("boss", "wrong"), ("nobody", PASSWORD), ("fang", "service pw 1"), ("", "")):
        with pytest.raises(PermissionDenied) as caught:
            staff.sign_in(session, login, password)
        refusals.append((caught.value.code, caught.value.message, repr(caught.value.params)))
    assert len(set(refusals)) == 1 and refusals[0][0] == "sign_in_failed"
    actor = staff.sign_in(session, " boss ", PASSWORD)
    assert (actor.login, actor.role, actor.name) == ("boss", Role.OWNER, "老板")


def test_a_fresh_database_acts_as_owner_until_an_owner_can_sign_in(session: Session) -> None:
    assert not staff.sign_in_needed(session) and staff.unattended_actor(session) == OWNER
    with pytest.raises(ValidationError) as caught:
        staff.add_staff(session, OWNER, "fang", "王芳", Role.SERVICE, "service pw 1")
    assert caught.value.code == "first_account_owner"
    staff.add_staff(session, OWNER, "boss", "老板", Role.OWNER, PASSWORD)
    assert staff.sign_in_needed(session)
    boss = staff.unattended_actor(session)
    assert (boss.login, boss.role) == ("boss", Role.OWNER)
    current = staff.security_settings(session)
    staff.set_security_settings(session, boss, staff.SecuritySettings(False, 5, current.version))
    assert not staff.sign_in_needed(session)  # a one-person shop switched it off: it acts as its owner
    assert staff.security_settings(session).idle_minutes == 5
    with pytest.raises(ConflictError):
        staff.set_security_settings(session, boss, staff.SecuritySettings(True, 5, current.version))


def test_the_last_active_owner_cannot_be_disabled_or_demoted(session: Session) -> None:
    boss, _clerk = owner_and_clerk(session)
    (me,) = [u for u in staff.list_staff(session, boss) if u.login == "boss"]
    for role, active in ((Role.MANAGER, True), (Role.OWNER, False)):
        with pytest.raises(ValidationError) as caught:
            staff.update_staff(session, boss, me.id, name="老板", role=role, active=active, expected_version=me.version)
        assert caught.value.code == "last_owner"
    staff.add_staff(session, boss, "boss2", "二老板", Role.OWNER, PASSWORD)
    staff.update_staff(session, boss, me.id, name="老板", role=Role.MANAGER, active=True, expected_version=me.version)
    assert staff.sign_in(session, "boss", PASSWORD).role == Role.MANAGER


def test_only_the_owner_manages_staff(session: Session) -> None:
    boss, clerk = owner_and_clerk(session)
    manager = Actor(staff_id=None, role=Role.MANAGER)
    for actor in (clerk, manager):
        with pytest.raises(PermissionDenied):
            staff.list_staff(session, actor)
        with pytest.raises(PermissionDenied):
            staff.add_staff(session, actor, "new", "", Role.SERVICE, PASSWORD)
        with pytest.raises(PermissionDenied):
            staff.reset_password(session, actor, "fang", PASSWORD)
    staff.reset_password(session, boss, "fang", "a new one 2")
    assert staff.sign_in(session, "fang", "a new one 2").staff_id == clerk.staff_id
    with pytest.raises(ValidationError) as caught:
        staff.reset_password(session, boss, "fang", "short")
    assert caught.value.code == "password_too_short"
    with pytest.raises(ValidationError):
        staff.add_staff(session, boss, "fang", "", Role.SERVICE, PASSWORD)  # login taken
    with pytest.raises(ValidationError):
        staff.add_staff(session, boss, "has space", "", Role.SERVICE, PASSWORD)


def test_cli_staff_commands_read_the_password_from_stdin(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the command line opens its own database: once is enough")
    url = engine.url.render_as_string(hide_password=False)

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return cli.main(["--db", url, "staff", *argv])

    assert run("add", "li", "--role", "manager", stdin="manager pw 1\n") == 2  # the first must be the owner
    assert run("add", "boss", "--role", "owner", "--name", "老板", stdin=f"{PASSWORD}\n") == 0
    assert run("add", "li", "--role", "manager", stdin="manager pw 1\n") == 0
    assert run("disable", "boss") == 2  # the last active owner
    assert run("reset-password", "li", stdin="another pw 2\n") == 0
    assert run("disable", "li") == 0
    capsys.readouterr()
    assert run("list") == 0
    listed = capsys.readouterr().out
    assert "boss" in listed and "owner" in listed and "disabled" in listed and PASSWORD not in listed
    with make_session_factory(engine).begin() as session:
        assert staff.sign_in(session, "boss", PASSWORD).role == Role.OWNER
        for user in session.scalars(select(StaffUser)):  # leave the shared database as it was
            session.delete(user)
