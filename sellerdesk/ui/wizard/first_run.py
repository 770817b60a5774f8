"""The setup wizard: language, database, the owner's account, shops, and how to start (empty, demo, import).

It collects choices only; ``app.DesktopApp`` carries them out (switching database, then one job through
``services.first_run.apply_setup``, then the demo or the import dialog). It shows by itself on a new, empty
database (``SetupState.wizard_due``) and from Settings → Setup wizard….
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.platforms.registry import PLATFORMS
from sellerdesk.services.first_run import OwnerPlan, SetupPlan, SetupState, ShopPlan
from sellerdesk.ui import labels, messages
from sellerdesk.ui.dialogs.open_database import SERVER_SCHEMES
from sellerdesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.widgets.util import named

START_CHOICES = ("empty", "demo", "import")


@dataclass(frozen=True)
class WizardChoices:
    server_url: str  # a PostgreSQL address (with its password) to switch to; "" keeps this PC's database
    plan: SetupPlan
    start: str  # one of START_CHOICES


def _hint(text: str) -> QLabel:
    label = named(QLabel(text), "hint")
    label.setWordWrap(True)
    return label


def _problem_label() -> QLabel:
    label = named(QLabel(), "formError")
    label.setWordWrap(True)
    label.hide()
    return label


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class LanguagePage(QWizardPage):
    def __init__(self, language: str, wizard: SetupWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Language"))
        self.setSubTitle(self.tr("SellerDesk speaks Simplified Chinese and English. View → Language changes it later."))
        self.choices: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for code in LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[code])
            button.setChecked(code == language)
            group.addButton(button)
            layout.addWidget(button)
            self.choices[code] = button
            button.toggled.connect(lambda on, c=code: self._chosen(on, c))
        layout.addStretch(1)
        self._language = language
        self._wizard = wizard

    def _chosen(self, on: bool, code: str) -> None:
        if on and code != self._language:
            self._wizard.language_chosen.emit(code)


class DatabasePage(QWizardPage):
    """This PC's file (the default), or a shared PostgreSQL server once a connection test has passed."""

    def __init__(self, current: str, runner: Runner) -> None:
        super().__init__()
        self._runner = runner
        self._tested = ""  # the address (with password) that last answered the connection test
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("Where the shop's data is kept. File → Open database… changes it later."))
        self.local_choice = QRadioButton(self.tr("This PC only: a database file ({name})").format(name=current))
        self.server_choice = QRadioButton(self.tr("A PostgreSQL server shared by several PCs"))
        group = QButtonGroup(self)
        group.addButton(self.local_choice)
        group.addButton(self.server_choice)
        self.local_choice.setChecked(True)
        self.url_edit = QLineEdit(placeholderText="postgresql://user@server:5432/sellerdesk")
        self.password_edit = QLineEdit(placeholderText=self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = named(QLabel(), "hint")
        self.result.setWordWrap(True)
        for edit in (self.url_edit, self.password_edit):
            edit.textEdited.connect(self._on_edited)
        grid = QGridLayout()
        grid.addWidget(self.local_choice, 0, 0, 1, 3)
        grid.addWidget(_hint(self.tr("Right for one PC. Backups are made every day beside the file.")), 1, 1, 1, 2)
        grid.setRowMinimumHeight(2, 12)
        grid.addWidget(self.server_choice, 3, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Address:")), 4, 1)
        grid.addWidget(self.url_edit, 4, 2)
        grid.addWidget(QLabel(self.tr("Password:")), 5, 1)
        grid.addWidget(self.password_edit, 5, 2)
        grid.addWidget(self.test_button, 6, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.result, 7, 2)
        note = self.tr("The database must exist on the server. The password is kept in the system's keyring.")
        grid.addWidget(_hint(note), 8, 1, 1, 2)
        grid.setColumnMinimumWidth(0, 20)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.local_choice.toggled.connect(self.completeChanged)

    def server_url(self) -> str:
        """The address with its password; "" for this PC."""
        if not self.server_choice.isChecked():
            return ""
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        if password and url.startswith(SERVER_SCHEMES):
            from sellerdesk.db.credentials import with_password

            return with_password(url, password)
        return url

    def test_connection(self) -> None:
        from sellerdesk.db.engine import probe_server

        url = self.server_url()
        if not url.startswith(SERVER_SCHEMES):
            self._show_result(self.tr("A server address starts with postgresql://"), ok=False)
            return
        self._show_result(self.tr("Connecting…"), ok=True)
        self.test_button.setEnabled(False)
        self._runner.run_plain(
            lambda _job: probe_server(url),
            on_success=lambda version: self._on_answer(url, version),
            on_error=self._on_refused,
            on_finished=lambda: self.test_button.setEnabled(True),
            parent=self,
        )

    def _on_answer(self, url: str, version: str) -> None:
        self._tested = url
        self._show_result(self.tr("Connected: PostgreSQL {version}.").format(version=version), ok=True)
        self.completeChanged.emit()

    def _on_refused(self, exc: BaseException) -> None:
        text = messages.describe(exc) if isinstance(exc, SellerDeskError) else str(exc)
        self._show_result(text, ok=False)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("hint" if ok else "formError")
        self.result.setText(text)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def _on_edited(self) -> None:
        self.server_choice.setChecked(True)
        self._tested = ""
        self.result.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.local_choice.isChecked() or (bool(self._tested) and self._tested == self.server_url())


class OwnerPage(QWizardPage):
    """The owner's account (SellerDesk then asks who is there at start), or none for a one-person shop."""

    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.setTitle(self.tr("The owner's account"))
        self.setSubTitle(
            self.tr("With accounts, each person signs in and sees what their role allows. Staff are added later.")
        )
        self.account_choice = QRadioButton(self.tr("Create the owner's account (sign in at start)"))
        self.alone_choice = QRadioButton(self.tr("No sign-in: I work alone"))
        group = QButtonGroup(self)
        group.addButton(self.account_choice)
        group.addButton(self.alone_choice)
        self.account_choice.setChecked(True)
        self.login = QLineEdit(placeholderText=self.tr("e.g. boss"))
        self.name = QLineEdit(placeholderText=self.tr("Your name"))
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.repeat)
        self.fields = QWidget()
        self.fields.setLayout(form)
        self.problem = _problem_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.account_choice)
        layout.addWidget(self.fields)
        layout.addWidget(self.alone_choice)
        alone = self.tr("Without accounts everyone using this PC acts as the owner. Settings → Staff adds them later.")
        layout.addWidget(_hint(alone))
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.account_choice.toggled.connect(self.fields.setEnabled)
        if state.owner_login:  # set up before: nothing to add here
            self.account_choice.setText(
                self.tr("The owner's account “{login}” exists already").format(login=state.owner_login)
            )
            self.account_choice.setEnabled(False)
            self.fields.hide()
            self.alone_choice.setChecked(True)
            self.alone_choice.setText(self.tr("Keep the accounts as they are"))

    def owner(self) -> OwnerPlan | None:
        if not self.account_choice.isChecked() or not self.account_choice.isEnabled():
            return None
        return OwnerPlan(self.login.text().strip(), self.name.text().strip(), self.password.text())

    def validatePage(self) -> bool:
        from sellerdesk.services.staff import check_new_account

        owner = self.owner()
        if owner is None:
            return True
        if self.password.text() != self.repeat.text():
            _say(self.problem, self.tr("The two passwords differ."))
            return False
        try:
            check_new_account(owner.login, owner.password)
        except SellerDeskError as exc:
            _say(self.problem, messages.describe(exc))
            return False
        _say(self.problem, "")
        return True


class ShopsPage(QWizardPage):
    """The shops: platform, name, fee rate. Imports create a missing shop too; Settings → Shops… edits them."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your shops"))
        self.setSubTitle(
            self.tr("One line per shop. The fee rate is the platform's commission, used for the gross margin.")
        )
        self.platform = QComboBox()
        for platform in PLATFORMS:
            self.platform.addItem(labels.platform(platform.value), platform.value)
        self.name = QLineEdit(placeholderText=self.tr("Shop name as on the platform"))
        self.fee = QDoubleSpinBox()
        self.fee.setRange(0, 100)
        self.fee.setDecimals(2)
        self.fee.setSuffix(" %")
        self.add_button = QPushButton(self.tr("Add shop"))
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.list = QListWidget()
        self.remove_button.clicked.connect(self._remove_selected)
        self.problem = _problem_label()
        self.platform.currentIndexChanged.connect(self._suggest_name)
        self._suggest_name()
        row = QHBoxLayout()
        row.addWidget(self.platform)
        row.addWidget(self.name, 1)
        row.addWidget(QLabel(self.tr("Fee:")))
        row.addWidget(self.fee)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(_hint(self.tr("None yet? Skip this: importing a platform's export creates its shop.")), 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        self.shops: list[ShopPlan] = []

    def _suggest_name(self) -> None:
        platform = Platform(self.platform.currentData())
        self.name.setPlaceholderText(PLATFORMS[platform].default_shop_name)

    def add_current(self) -> bool:
        from sellerdesk.services.shops import ShopEdit, check_shop

        platform = Platform(self.platform.currentData())
        name = self.name.text().strip() or PLATFORMS[platform].default_shop_name
        fee_bp = round(self.fee.value() * 100)
        try:
            name = check_shop(ShopEdit(platform=platform, name=name, fee_rate_bp=fee_bp))
        except SellerDeskError as exc:
            _say(self.problem, messages.describe(exc))
            return False
        if any(s.platform == platform and s.name == name for s in self.shops):
            _say(self.problem, self.tr("That shop is in the list already."))
            return False
        _say(self.problem, "")
        plan = ShopPlan(platform, name, fee_bp)
        self.shops.append(plan)
        text = self.tr("{platform} · {name} · fee {fee} %").format(
            platform=labels.platform(platform.value), name=name, fee=f"{fee_bp / 100:.2f}"
        )
        QListWidgetItem(text, self.list)
        self.name.clear()
        return True

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.shops[row]


class StartPage(QWizardPage):
    def __init__(self, state: SetupState, can_import: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("How to start"))
        self.setSubTitle(self.tr("Each can be done later from Home or the File menu."))
        self.choices = {
            "empty": QRadioButton(self.tr("Start with an empty shop")),
            "demo": QRadioButton(self.tr("Load the demo shop: a year of made-up orders, products and tickets")),
            "import": QRadioButton(self.tr("Import my first order exports now")),
        }
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for key in START_CHOICES:
            group.addButton(self.choices[key])
            layout.addWidget(self.choices[key])
        self.choices["empty"].setChecked(True)
        self.demo_note = _hint(
            self.tr("The demo brings shops and staff of its own; it only goes into a database without data.")
        )
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        self.choices["demo"].setEnabled(not state.has_data)
        self.choices["import"].setEnabled(can_import)

    def start(self) -> str:
        return next(key for key, button in self.choices.items() if button.isChecked())


class SetupWizard(QWizard):
    """Signals: language_chosen(str): a language was picked on the first page (the app applies it at once)."""

    language_chosen = Signal(str)

    def __init__(
        self,
        *,
        language: str,
        database_name: str,
        state: SetupState,
        runner: Runner,
        can_import: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up SellerDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(680, 480)
        self.language_page = LanguagePage(language, self)
        self.database_page = DatabasePage(database_name, runner)
        self.owner_page = OwnerPage(state)
        self.shops_page = ShopsPage()
        self.start_page = StartPage(state, can_import)
        for page in (self.language_page, self.database_page, self.owner_page, self.shops_page, self.start_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip"))

    def choices(self) -> WizardChoices:
        plan = SetupPlan(owner=self.owner_page.owner(), shops=tuple(self.shops_page.shops))
        return WizardChoices(self.database_page.server_url(), plan, self.start_page.start())
