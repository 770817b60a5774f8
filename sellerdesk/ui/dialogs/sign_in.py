"""Sign-in at start, and the lock screen after the idle time the owner set.

The password is checked on the database worker (scrypt takes a moment by design); a refusal is shown
in the dialog itself and never says whether the login or the password was wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk import APP_NAME
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.domain.permissions import Actor
from sellerdesk.ui import errors, messages
from sellerdesk.ui.resources import icon
from sellerdesk.ui.theme import status_css
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sellerdesk.ui.runner import JobControl, Runner


class SignInDialog(QDialog):
    """``actor`` holds who signed in once the dialog is accepted.

    With ``locked`` (the person signed in before), it is the lock screen: their login is filled in,
    and someone else may sign in instead (the app then opens the window for them).
    """

    def __init__(self, runner: Runner, *, locked: Actor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._runner = runner
        self.actor: Actor | None = None
        self.locked = locked
        self.setWindowTitle(self.tr("SellerDesk is locked") if locked else self.tr("Sign in to SellerDesk"))
        self.setWindowIcon(icon("app"))
        self._build()
        self.setMinimumWidth(420)

    def _build(self) -> None:
        heading = named(QLabel(APP_NAME), "pageTitle")
        if self.locked is not None:
            text = self.tr(
                "SellerDesk locked itself after a while without use. {name}, sign in again to go on, "
                "or sign in as someone else."
            ).format(name=self.locked.name or self.locked.login)
        else:
            text = self.tr("Sign in with the login and password the shop's owner gave you.")
        intro = QLabel(text, wordWrap=True)
        self.login = QLineEdit(self.locked.login if self.locked else "")
        self.login.setObjectName("signInLogin")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("signInPassword")
        self.message = named(QLabel(wordWrap=True), "signInMessage")
        self.message.setStyleSheet(f"color:{status_css('error')}")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("Quit SellerDesk"), QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if self.locked else self.login).setFocus(Qt.FocusReason.OtherFocusReason)

    def try_sign_in(self) -> None:
        from sellerdesk.services.staff import sign_in

        login, password = self.login.text(), self.password.text()
        self.password.clear()  # the text field holds the password no longer than needed
        self.sign_in_button.setEnabled(False)

        def check(session: Session, _job: JobControl) -> Actor:
            return sign_in(session, login, password)

        self._runner.run(check, on_success=self._signed_in, on_error=self._refused, parent=self)

    def _signed_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.sign_in_button.setEnabled(True)
        expected = errors.as_expected(exc)
        if not isinstance(expected, SellerDeskError):
            errors.show_error(self, exc)
            return
        self.message.setText(messages.describe(expected))
        self.message.show()
        self.password.setFocus()

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        # Escape on the lock screen must not uncover the window: only Quit closes it without signing in.
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.locked is not None:
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
