"""Sign-in and lock, Settings → Staff and sign-in, the audit viewer, the recycle bin and the conflict dialog."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from gui_shop import new_database
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.app import DesktopApp, start
from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.enums import Role
from sellerdesk.domain.permissions import OWNER, Actor
from sellerdesk.services import products, staff
from sellerdesk.services.products import ProductData, SkuData
from sellerdesk.ui import errors
from sellerdesk.ui.dialogs import product_editor
from sellerdesk.ui.dialogs.audit_dialog import AuditDialog
from sellerdesk.ui.dialogs.conflict_dialog import ConflictDialog
from sellerdesk.ui.dialogs.product_editor import ProductEditorDialog
from sellerdesk.ui.dialogs.recycle_bin import RecycleBinDialog
from sellerdesk.ui.dialogs.sign_in import SignInDialog
from sellerdesk.ui.dialogs.staff_dialog import AccountDialog, PasswordDialog, StaffDialog
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings

BOSS_PW = "boss password 1"
FANG_PW = "fang password 1"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    """A database of its own with an owner (boss) and a service agent (fang), both able to sign in."""
    engine = new_database(tmp_path / "staff.sqlite", filled=False)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        staff.add_staff(session, OWNER, "boss", "老板", Role.OWNER, BOSS_PW)
        staff.add_staff(session, OWNER, "fang", "王芳", Role.SERVICE, FANG_PW)
        data = ProductData(title="纯棉T恤", skus=(SkuData("TS-1", cost_cents=4000, price_cents=9900),))
        products.save_product(session, data, actor=OWNER)
    yield engine, factory
    engine.dispose()


@pytest.fixture
def owner_runner(shop: tuple[Engine, sessionmaker[Session]]) -> Iterator[Runner]:
    runner = Runner(shop[1], synchronous=True)
    with shop[1]() as session:
        runner.actor = staff.sign_in(session, "boss", BOSS_PW)
    yield runner
    runner.shutdown()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(errors, "present_message", lambda _parent, _title, text: seen.append(text))
    return seen


def answer_sign_in(monkeypatch: pytest.MonkeyPatch, login: str, password: str) -> list[SignInDialog]:
    """The modal sign-in dialog types ``login`` and ``password`` and presses Sign in."""
    asked: list[SignInDialog] = []

    def fake_exec(dialog: SignInDialog) -> int:
        asked.append(dialog)
        dialog.login.setText(login)
        dialog.password.setText(password)
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", fake_exec)
    return asked


def launch(qtbot: QtBot, settings: Settings, engine: Engine) -> DesktopApp:
    desktop = start(db=str(engine.url.database), demo=False, lang="en", settings=settings, synchronous=True)
    qtbot.waitUntil(lambda: (desktop.window is not None and desktop.window.attached) or desktop.exit_code != 0)
    return desktop


def close(desktop: DesktopApp) -> None:
    if desktop.window is not None:
        desktop.window.close()
    desktop.shutdown()


def test_sign_in_at_start_gives_the_role_its_window(
    qtbot: QtBot, settings: Settings, shop: tuple[Engine, sessionmaker[Session]], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_sign_in(monkeypatch, "fang", FANG_PW)
    desktop = launch(qtbot, settings, shop[0])
    try:
        window = desktop.window
        assert asked and window is not None and desktop.actor.login == "fang"
        assert window.runner is not None and window.runner.actor.role == Role.SERVICE
        assert "王芳" in window.staff_label.text() and "Customer service" in window.staff_label.text()
        titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
        assert "&Settings" not in titles  # no staff, audit log or recycle bin for a service agent
        assert not window._backup_action.isVisible() and "&Lock" in [a.text() for a in window.file_menu.actions()]
        page = window.page("products")
        keys = [page.model.column(i).key for i in range(page.model.columnCount())]
        assert "cost" not in keys and "margin" not in keys
        assert not window.page("home").cards["gross_margin_cents"].isVisibleTo(window.page("home"))
    finally:
        close(desktop)


def test_a_wrong_password_is_refused_in_the_dialog(
    qtbot: QtBot, owner_runner: Runner, shop: tuple[Engine, sessionmaker[Session]]
) -> None:
    dialog = SignInDialog(owner_runner)
    qtbot.addWidget(dialog)
    for login, password in (("boss", "wrong"), ("nobody", BOSS_PW)):
        dialog.login.setText(login)
        dialog.password.setText(password)
        dialog.try_sign_in()
        assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.message.text() == "The login or the password is wrong."
        assert dialog.password.text() == ""  # not kept in the field
    dialog.login.setText("boss")
    dialog.password.setText(BOSS_PW)
    dialog.try_sign_in()
    assert dialog.actor is not None and dialog.actor.role == Role.OWNER


def test_lock_then_the_same_person_or_someone_else(
    qtbot: QtBot, settings: Settings, shop: tuple[Engine, sessionmaker[Session]], monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_sign_in(monkeypatch, "boss", BOSS_PW)
    desktop = launch(qtbot, settings, shop[0])
    try:
        first = desktop.window
        assert first is not None and desktop.sign_in_on and desktop._idle is not None  # 15 minutes by default
        assert "&Settings" in [a.text() for a in first.menuBar().actions()]
        answer_sign_in(monkeypatch, "boss", BOSS_PW)
        desktop._idle.idle.emit()  # the idle time passed
        assert desktop.window is first and first.centralWidget().isVisible()
        answer_sign_in(monkeypatch, "fang", FANG_PW)
        desktop.lock()
        assert desktop.window is not first and desktop.actor.login == "fang"  # a window built for fang
    finally:
        close(desktop)


def test_staff_dialog_adds_changes_and_resets(
    qtbot: QtBot, owner_runner: Runner, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    dialog = StaffDialog(owner_runner)
    qtbot.addWidget(dialog)
    ModelTester(None).check(dialog.model)  # type: ignore[arg-type]
    assert [r.login for r in dialog.model._rows] == ["boss", "fang"]

    def fill(account: AccountDialog) -> int:
        if account.login.isReadOnly():  # changing fang: make her a manager
            account.role.setCurrentIndex(account.role.findData(Role.MANAGER.value))
        else:
            account.login.setText("lei")
            account.name.setText("小雷")
            account.password.setText("lei password 1")
            account.again.setText("lei password 1")
        account._check()
        return account.result()

    monkeypatch.setattr(AccountDialog, "exec", fill)
    dialog.add()
    assert [(r.login, r.role) for r in dialog.model._rows if r.login == "lei"] == [("lei", Role.SERVICE)]
    dialog.view.selectRow(1)  # fang
    dialog.edit_selected()
    assert {r.login: r.role for r in dialog.model._rows}["fang"] == Role.MANAGER

    def new_password(form: PasswordDialog) -> int:
        form.password.setText("fang password 2")
        form.again.setText("fang password 2")
        form._check()
        return form.result()

    monkeypatch.setattr(PasswordDialog, "exec", new_password)
    monkeypatch.setattr("sellerdesk.ui.dialogs.staff_dialog.QMessageBox.information", lambda *a: None)
    dialog.view.selectRow(1)  # the list was read anew after the change
    dialog.reset_selected()
    with owner_runner.session_factory() as session:
        assert staff.sign_in(session, "fang", "fang password 2").role == Role.MANAGER
    dialog.view.selectRow(0)  # boss: the last owner cannot become a manager
    monkeypatch.setattr(
        AccountDialog, "exec", lambda a: (a.role.setCurrentIndex(a.role.findData("manager")), a._check(), a.result())[2]
    )
    dialog.edit_selected()
    assert shown and "last active owner" in shown[-1]
    dialog.idle_minutes.setValue(5)
    dialog.sign_in_box.setChecked(False)
    dialog.save_settings()
    with owner_runner.session_factory() as session:
        assert staff.security_settings(session).idle_minutes == 5 and not staff.sign_in_needed(session)


def test_audit_viewer_filters_and_exports(
    qtbot: QtBot, owner_runner: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr("sellerdesk.ui.dialogs.audit_dialog.QMessageBox.information", lambda *a: told.append(a[2]))
    dialog = AuditDialog(owner_runner)
    qtbot.addWidget(dialog)
    ModelTester(None).check(dialog.model)  # type: ignore[arg-type]
    kinds = {dialog.model.data(dialog.model.index(r, 2)) for r in range(dialog.model.rowCount())}
    assert "Created · Product" in kinds and "Created · Staff account" in kinds
    dialog.kind.setCurrentIndex(dialog.kind.findData("products"))
    assert dialog.model.rowCount() == 1 and "纯棉T恤" in dialog.model.data(dialog.model.index(0, 3))
    assert "1 change(s)." in dialog.count_label.text()
    path = tmp_path / "audit.xlsx"
    dialog.export_to(path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(rows) == 2 and rows[1][5] == "纯棉T恤" and "1 change(s) written" in told[0]


def test_recycle_bin_restores(qtbot: QtBot, owner_runner: Runner) -> None:
    with owner_runner.session_factory.begin() as session:
        (row,) = products.sku_page(session, products.PageRequest("seller_code"), actor=OWNER)
        data = products.get_product(session, row.product_id, actor=OWNER)
        products.delete_product(session, row.product_id, data.version or 0, actor=owner_runner.actor)
    dialog = RecycleBinDialog(owner_runner)
    qtbot.addWidget(dialog)
    ModelTester(None).check(dialog.model)  # type: ignore[arg-type]
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 3)) == "老板"
    dialog.restore_selected()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    with owner_runner.session_factory() as session:
        assert products.count_skus(session) == 1


def edit_meanwhile(runner: Runner, product_id: int, **changes: Any) -> None:
    """Someone else, on another PC, saves the product."""
    other = Actor(staff_id=None, role=Role.PRODUCT, name="周敏")
    with runner.session_factory.begin() as session:
        current = products.get_product(session, product_id, actor=other)
        products.save_product(session, replace(current, **changes), actor=other)


@pytest.mark.parametrize("choice", [ConflictDialog.APPLY_MINE, ConflictDialog.RELOAD])
def test_conflict_dialog_reload_or_apply_mine(
    qtbot: QtBot, owner_runner: Runner, monkeypatch: pytest.MonkeyPatch, choice: int
) -> None:
    with owner_runner.session_factory() as session:
        (row,) = products.sku_page(session, products.PageRequest("seller_code"), actor=OWNER)
    editor = ProductEditorDialog(owner_runner, row.product_id)
    qtbot.addWidget(editor)
    editor.brand.setText("我的品牌")
    edit_meanwhile(owner_runner, row.product_id, title="纯棉T恤 新款")
    seen: list[ConflictDialog] = []

    def decide(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        dialog.choice = choice
        return 1

    monkeypatch.setattr(product_editor.ConflictDialog, "exec", decide)
    editor.save()
    (dialog,) = seen
    first = dialog.table.topLevelItem(0)
    assert first is not None and (first.text(0), first.text(1), first.text(2)) == ("Title", "纯棉T恤 新款", "纯棉T恤")
    with owner_runner.session_factory() as session:
        stored = products.get_product(session, row.product_id, actor=OWNER)
    assert stored.title == "纯棉T恤 新款"  # theirs is never lost
    assert stored.brand == ("我的品牌" if choice == ConflictDialog.APPLY_MINE else "")
    if choice == ConflictDialog.RELOAD:
        assert editor.title.text() == "纯棉T恤 新款" and editor.brand.text() == ""


def test_own_consecutive_saves_in_the_editor_never_conflict(
    qtbot: QtBot, owner_runner: Runner, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    with owner_runner.session_factory() as session:
        (row,) = products.sku_page(session, products.PageRequest("seller_code"), actor=OWNER)
    editor = ProductEditorDialog(owner_runner, row.product_id)
    qtbot.addWidget(editor)
    monkeypatch.setattr(editor, "accept", lambda: None)  # keep the editor open between saves
    for brand in ("一", "二", "三"):
        editor.brand.setText(brand)
        editor.sku_form.price.setText(f"{len(brand) + 98}.00")
        editor.save()
    assert shown == []
    with owner_runner.session_factory() as session:
        assert products.get_product(session, row.product_id, actor=OWNER).brand == "三"


def test_service_staff_editor_has_no_cost_field(qtbot: QtBot, owner_runner: Runner) -> None:
    owner_runner.actor = Actor(staff_id=None, role=Role.SERVICE)
    with owner_runner.session_factory() as session:
        (row,) = products.sku_page(session, products.PageRequest("seller_code"), actor=OWNER)
    editor = ProductEditorDialog(owner_runner, row.product_id)
    qtbot.addWidget(editor)
    assert not editor.sku_form.costs_shown and not editor.margin_label.isVisibleTo(editor)


def test_others_changes_are_broadcast_by_polling(
    qtbot: QtBot, owner_runner: Runner, shop: tuple[Engine, sessionmaker[Session]]
) -> None:
    heard: list[object] = []
    owner_runner.changed.connect(heard.append)
    owner_runner.poll_changes()  # the first read only learns where the counter stands
    assert heard == []
    edit_meanwhile(owner_runner, 1, notes="from another PC")
    owner_runner.poll_changes()
    assert len(heard) == 1 and getattr(heard[0], "products", False)
    owner_runner.poll_changes()
    assert len(heard) == 1  # nothing new
    actor = owner_runner.actor
    owner_runner.run(
        lambda s, _j: products.set_banned_words(
            s, ["最"], expected_version=products.banned_words_version(s), actor=actor
        )
    )
    qtbot.wait(10)  # our own write is announced once, by the job; the counter is then read without a broadcast
    owner_runner.poll_changes()
    assert len(heard) == 2


def test_bulk_writes_reported_by_a_job_move_the_change_counter(owner_runner: Runner) -> None:
    from sellerdesk.db.tracking import change_seq
    from sellerdesk.domain.changes import Changes

    with owner_runner.session_factory() as session:
        before = change_seq(session)
    owner_runner.run(lambda _s, _j: Changes(orders=True))  # as an import returns, its rows written in bulk
    owner_runner.run(lambda _s, _j: 42)  # a read: nothing changed
    with owner_runner.session_factory() as session:
        assert change_seq(session) == before + 1
