"""Settings → Staff and sign-in: accounts (add, change role, disable, reset password) and the sign-in rules.

Only the owner opens it (``Action.MANAGE_STAFF``); the services refuse everyone else all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.enums import Role
from sellerdesk.services import staff as svc
from sellerdesk.services.staff import SecuritySettings, StaffInfo
from sellerdesk.ui import errors
from sellerdesk.ui.staff_texts import role_name
from sellerdesk.ui.tablemodels.rows_model import RowsModel
from sellerdesk.ui.theme import status_css

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.ui.runner import JobControl, Runner


def fill_roles(combo: QComboBox) -> QComboBox:
    for role in Role:
        combo.addItem(role_name(role), role.value)
    return combo


class StaffDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff and sign-in"))
        self.runner = runner
        self.settings = SecuritySettings()
        self.model: RowsModel[StaffInfo] = RowsModel(
            [self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("State")], self._cells, self
        )
        self._build()
        self.reload()
        self.resize(720, 520)

    def _cells(self, user: StaffInfo) -> list[str]:
        if not user.active:
            state = self.tr("Disabled")
        elif not user.has_password:
            state = self.tr("No password yet")
        else:
            state = self.tr("Active")
        return [user.login, user.name, role_name(user.role), state]

    def _build(self) -> None:
        self.view = QTableView()
        self.view.setObjectName("staffTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Change…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.password_button.clicked.connect(self.reset_selected)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.password_button):
            button.setAutoDefault(False)  # Enter closes nothing by surprise
            side.addWidget(button)
        side.addStretch(1)
        accounts = QHBoxLayout()
        accounts.addWidget(self.view, 1)
        accounts.addLayout(side)

        self.sign_in_box = QCheckBox(self.tr("Ask who is there when SellerDesk starts"))
        self.idle_minutes = QSpinBox(minimum=0, maximum=svc.MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.save_settings_button = QPushButton(self.tr("Save sign-in settings"))
        self.save_settings_button.clicked.connect(self.save_settings)
        rules = QGroupBox(self.tr("Sign-in"))
        form = QFormLayout(rules)
        form.addRow(self.sign_in_box)
        self.idle_minutes.setMinimumWidth(110)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addStretch(1)
        idle_row.addWidget(self.save_settings_button)
        form.addRow(self.tr("Lock after no use for"), idle_row)
        note = QLabel(
            self.tr(
                "Sign-in is asked for once an owner account has a password. Without it, everyone who opens "
                "SellerDesk acts as the owner — fine for a one-person shop."
            ),
            wordWrap=True,
        )
        note.setObjectName("hint")
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(accounts, 1)
        layout.addWidget(rules)
        layout.addWidget(buttons)

    # ------------------------------------------------------------ data

    def reload(self) -> None:
        actor = self.runner.actor

        def read(session: Session, _job: JobControl) -> tuple[tuple[StaffInfo, ...], SecuritySettings]:
            return svc.list_staff(session, actor), svc.security_settings(session)

        self.runner.run(read, on_success=self._show, parent=self, writes=False)

    def _show(self, found: tuple[tuple[StaffInfo, ...], SecuritySettings]) -> None:
        users, self.settings = found
        self.model.set_rows(users)
        self.sign_in_box.setChecked(self.settings.sign_in)
        self.idle_minutes.setValue(self.settings.idle_minutes)

    def selected(self) -> StaffInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _write(self, job: Any, done: str) -> None:
        def after(_changes: object) -> None:
            self.reload()
            if done:
                QMessageBox.information(self, self.windowTitle(), done)

        self.runner.run(job, on_success=after, on_error=lambda exc: errors.show_error(self, exc), parent=self)

    # ------------------------------------------------------------ actions

    def add(self) -> None:
        owners = [u for u in self.model._rows if u.role == Role.OWNER and u.active]
        form = AccountDialog(self, first_owner=not owners)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        login, name, role, password, actor = *form.values(), self.runner.actor
        self._write(lambda s, _j: svc.add_staff(s, actor, login, name, role, password), "")

    def edit_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        form = AccountDialog(self, user=user)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        _login, name, role, _password = form.values()
        active, actor = form.active.isChecked(), self.runner.actor
        self._write(
            lambda s, _j: svc.update_staff(
                s, actor, user.id, name=name, role=role, active=active, expected_version=user.version
            ),
            "",
        )

    def reset_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        form = PasswordDialog(user, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        password, actor = form.password.text(), self.runner.actor
        done = self.tr("The new password of {name} is set. Tell it to them in person.").format(name=user.name)
        self._write(lambda s, _j: svc.reset_password(s, actor, user.login, password), done)

    def save_settings(self) -> None:
        wanted = SecuritySettings(self.sign_in_box.isChecked(), self.idle_minutes.value(), self.settings.version)
        actor = self.runner.actor
        done = self.tr("Saved. The new sign-in settings apply from the next start of SellerDesk on each PC.")
        self._write(lambda s, _j: svc.set_security_settings(s, actor, wanted), done)


class AccountDialog(QDialog):
    """A new account (login, name, role, password twice) or an existing one (name, role, active)."""

    def __init__(self, parent: QWidget, *, user: StaffInfo | None = None, first_owner: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("Change account") if user else self.tr("New account"))
        self.login = QLineEdit(user.login if user else "")
        self.login.setReadOnly(user is not None)
        self.name = QLineEdit(user.name if user else "")
        self.role = fill_roles(QComboBox())
        self.role.setCurrentIndex(self.role.findData((user.role if user else Role.SERVICE).value))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.active = QCheckBox(self.tr("Active (can sign in)"))
        self.active.setChecked(user.active if user else True)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        if user is None:
            form.addRow(self.tr("Password"), self.password)
            form.addRow(self.tr("Password again"), self.again)
        else:
            form.addRow("", self.active)
        if first_owner:
            self.role.setCurrentIndex(self.role.findData(Role.OWNER.value))
            self.role.setEnabled(False)
            form.addRow(QLabel(self.tr("The first account is the owner's."), wordWrap=True))
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(f"color:{status_css('error')}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self._new = user is None
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def values(self) -> tuple[str, str, str, str]:
        return self.login.text().strip(), self.name.text().strip(), str(self.role.currentData()), self.password.text()

    def _check(self) -> None:
        if self._new and self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        if self._new and not self.login.text().strip():
            self.message.setText(self.tr("Enter a login."))
            return
        self.accept()


class PasswordDialog(QDialog):
    def __init__(self, user: StaffInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(f"color:{status_css('error')}")
        form = QFormLayout()
        form.addRow(QLabel(self.tr("A new password for {name} ({login}):").format(name=user.name, login=user.login)))
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.accept()
