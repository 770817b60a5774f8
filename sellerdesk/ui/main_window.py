"""The main window: a side navigation over the home dashboard and the five list tabs, menus, status bar.

The window is built and painted before the database layer is loaded (start-up speed); ``attach()``
then gives it an engine and a runner and builds the pages.

Hooks for features that come later (see also ``runner.Runner``):
- ``insert_file_action(action)`` puts an action (e.g. "Import…") into the File menu above "Back up".
- ``page(key)`` returns a tab ("home", "products", "orders", "tickets", "tasks", "reviews").
- ``open_queue(key)`` shows a home dashboard queue (a page's ``apply_queue(key)``, when it has one).
- Every job run through ``window.runner`` that returns ``Changes`` makes the affected tabs reload.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from sellerdesk import APP_NAME
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.permissions import Action, Actor, can
from sellerdesk.ui import settings as keys
from sellerdesk.ui import shortcuts, staff_texts, theme
from sellerdesk.ui.dialogs.open_database import OpenDatabaseDialog
from sellerdesk.ui.i18n import LANGUAGE_NAMES, LANGUAGES
from sellerdesk.ui.resources import icon
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.settings import Settings
from sellerdesk.ui.widgets.columns import remember_columns
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sellerdesk.ui.dialogs.about_dialog import AboutDialog
    from sellerdesk.ui.dialogs.restore_backup import RestoreBackupDialog
    from sellerdesk.ui.dialogs.shops_dialog import ShopsDialog
    from sellerdesk.ui.tabs.home import HomeTab
    from sellerdesk.ui.tabs.list_tab import ListTab
    from sellerdesk.ui.tabs.reviews import ReviewsTab
    from sellerdesk.ui.tabs.tasks import TasksTab

    Page: TypeAlias = HomeTab | ListTab | TasksTab | ReviewsTab

PAGE_KEYS = ("home", "products", "orders", "tickets", "tasks", "reviews")
QUEUE_PAGES = {  # the home dashboard's queues → the page that works them
    "late_to_ship": "orders",
    "unshipped": "orders",
    "low_stock": "products",
    "overdue_tickets": "tickets",
    "tasks_due_today": "tasks",
    "tasks_overdue": "tasks",
    "reviews_waiting": "reviews",
}


class MainWindow(QMainWindow):
    """Signals:
    database_change_requested(str): the user chose another database (a file path or a server URL).
    language_change_requested(str): the user chose another UI language ("zh_CN" or "en").
    lock_requested(), switch_user_requested(): File → Lock / Sign in as someone else (sign-in on only).
    import_requested(): File → Import exports… from a button elsewhere (an empty state).
    demo_requested(): "Load demo data" (empty database).
    setup_wizard_requested(): Settings → Setup wizard…, or the welcome card's button.
    """

    database_change_requested = Signal(str)
    restore_requested = Signal(str)  # a backup file to put back (DesktopApp.restore_backup)
    language_change_requested = Signal(str)
    appearance_change_requested = Signal(str)  # "system", "light" or "dark" (View → Appearance)
    lock_requested = Signal()
    switch_user_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()
    setup_wizard_requested = Signal()

    def __init__(self, *, settings: Settings, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = language
        self.engine: Engine | None = None
        self.runner: Runner | None = None
        self.database_url = ""
        self.pages: dict[str, Page] = {}
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self._build_frame()
        self._build_menus()
        self._build_status_bar()
        self._restore_settings()

    @property
    def attached(self) -> bool:
        return self.runner is not None

    def attach(self, *, engine: Engine, runner: Runner) -> None:
        """Give the window its database: build the pages and enable what needs data."""
        from sellerdesk.db.engine import display_name  # the database layer loads after the first paint

        self.engine = engine
        self.runner = runner
        self.database_url = engine.url.render_as_string(hide_password=False)
        self._show_current_page()
        self._nav.currentRowChanged.connect(self._show_current_page)
        runner.changed.connect(self._on_runner_changed)
        runner.busy_changed.connect(self._on_runner_busy_changed)
        from sellerdesk.ui.task_reminders import TaskReminders  # with the services, after the first paint

        self.reminders = TaskReminders(runner, self, self.open_queue)
        runner.changed.connect(self.reminders.on_changes)
        self.reminders.start()
        self.database_label.setText(self.tr("Database: {name}").format(name=display_name(self.database_url)))
        self._show_storage_note(engine)
        self._open_action.setEnabled(True)
        self._backup_action.setEnabled(True)
        self._shops_action.setEnabled(True)
        self._wizard_action.setEnabled(True)
        self._apply_role(runner.actor)
        self.statusBar().clearMessage()

    def _show_storage_note(self, engine: Engine) -> None:
        """A lasting note beside the database's name: read-only, or SQLite on a network share."""
        from sellerdesk.db.engine import is_read_only_engine, sqlite_path
        from sellerdesk.db.location import network_share

        path = sqlite_path(self.database_url)
        share = network_share(path) if path is not None else ""
        notes = []
        if is_read_only_engine(engine):
            notes.append(self.tr("Read-only: changes cannot be saved."))
        if share:
            text = self.tr("The database is on a network share ({kind}): to share data between PCs, use PostgreSQL.")
            notes.append(text.format(kind=share))
        self.storage_note.setText(" ".join(notes))
        self.storage_note.setToolTip(
            self.tr(
                "A file SellerDesk may not write is opened read-only. SQLite's file locks are unreliable over a "
                "network, so several PCs writing one file can damage it."
            )
        )
        self.storage_note.setVisible(bool(notes))

    def _apply_role(self, actor: Actor) -> None:
        """Offer only what the signed-in role may do (the services refuse the rest anyway)."""
        self._backup_action.setVisible(can(actor, Action.MANAGE_BACKUPS))
        from sellerdesk.db.engine import is_sqlite

        # Backup files are SQLite copies: a server is restored with its own tools.
        self._restore_action.setVisible(can(actor, Action.MANAGE_BACKUPS) and is_sqlite(self.database_url))
        self._open_action.setVisible(can(actor, Action.MANAGE_DATABASE))
        entries = (
            (Action.MANAGE_STAFF, "staff", self.tr("&Staff and sign-in…"), self.show_staff),
            (Action.VIEW_AUDIT, "audit", self.tr("&Audit log…"), self.show_audit),
            (Action.RESTORE_DELETED, "recycle", self.tr("&Recycle bin…"), self.show_recycle_bin),
        )
        self._shops_action.setVisible(can(actor, Action.MANAGE_SHOPS))
        self._wizard_action.setVisible(can(actor, Action.MANAGE_DATABASE))
        for action, icon_name, text, slot in entries:
            if can(actor, action):
                self.settings_menu.addAction(icon(icon_name), text).triggered.connect(slot)
        self.settings_menu.menuAction().setVisible(any(a.isVisible() for a in self.settings_menu.actions()))
        who = actor.name or actor.login or staff_texts.nobody()
        self.staff_label.setText(self.tr("{name} · {role}").format(name=who, role=staff_texts.role_name(actor.role)))

    def enable_sign_in_actions(self) -> None:
        """File → Lock and Sign in as someone else: only while the shop asks for sign-in."""
        lock = shortcuts.bind(QAction(icon("lock"), self.tr("&Lock"), self), "lock")
        lock.triggered.connect(self.lock_requested)
        switch = QAction(self.tr("Sign in as someone &else…"), self)
        switch.triggered.connect(self.switch_user_requested)
        for action in (lock, switch):
            self.file_menu.insertAction(self._quit_action, action)
        self.file_menu.insertSeparator(self._quit_action)

    def show_staff(self) -> QDialog | None:
        from sellerdesk.ui.dialogs.staff_dialog import StaffDialog

        return self._open_dialog(StaffDialog)

    def show_audit(self) -> QDialog | None:
        from sellerdesk.ui.dialogs.audit_dialog import AuditDialog

        return self._open_dialog(AuditDialog)

    def show_recycle_bin(self) -> QDialog | None:
        from sellerdesk.ui.dialogs.recycle_bin import RecycleBinDialog

        return self._open_dialog(RecycleBinDialog)

    def _open_dialog(self, kind: Callable[[Runner, QWidget], QDialog]) -> QDialog | None:
        if self.runner is None:
            return None
        dialog = kind(self.runner, self)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ public API

    def page(self, key: str) -> Page:
        """The page ``key``, built now if it was not shown yet (pages are built when first shown)."""
        if key not in self.pages:
            self._build_page(key)
        return self.pages[key]

    def current_page_key(self) -> str:
        return PAGE_KEYS[max(self._nav.currentRow(), 0)]

    def show_page(self, key: str) -> None:
        self._nav.setCurrentRow(PAGE_KEYS.index(key))

    def open_queue(self, key: str) -> None:
        """Show a work queue from the home dashboard: the page that holds it, filtered to it.

        ``key``: "late_to_ship" / "unshipped" (orders), "low_stock" (products), "overdue_tickets"
        (service tickets), "tasks_due_today" / "tasks_overdue" (team tasks), "reviews_waiting" (the
        performance reviews whose next step is the signed-in person's).
        """
        if key not in QUEUE_PAGES:
            raise ValueError(f"unknown queue {key!r}")
        page_key = QUEUE_PAGES[key]
        page = self.page(page_key)
        apply_queue = getattr(page, "apply_queue", None)  # tickets and tasks: the page as it is, for now
        if apply_queue is not None:
            apply_queue(key)
        self.show_page(page_key)

    def request_action(self, key: str) -> None:
        """An empty state's button: "import", "demo", "shops" or "wizard"."""
        signals = {"import": self.import_requested, "demo": self.demo_requested, "wizard": self.setup_wizard_requested}
        if key == "shops":
            self.edit_shops()
        elif key in signals:
            signals[key].emit()
        else:
            raise ValueError(f"unknown action {key!r}")

    def insert_file_action(self, action: QAction) -> None:
        """Add a File menu action (e.g. Import…, Export…) above "Back up database…"."""
        self.file_menu.insertAction(self._backup_action, action)

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # ------------------------------------------------------------ building

    def _titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Home"),
            "products": self.tr("Products"),
            "orders": self.tr("Orders"),
            "tickets": self.tr("Service tickets"),
            "tasks": self.tr("Team tasks"),
            "reviews": self.tr("Performance reviews"),
        }

    def _build_frame(self) -> None:
        """The navigation and an empty page area: enough to paint before any data is at hand."""
        self._nav = named(QListWidget(), "nav")
        self._nav.setIconSize(QSize(20, 20))
        self._nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        titles = self._titles()
        for key in PAGE_KEYS:
            QListWidgetItem(icon(key), titles[key], self._nav)
        self._nav.setFixedWidth(max(168, self._nav.sizeHintForColumn(0) + 40))
        self._stack = QStackedWidget()
        for _key in PAGE_KEYS:  # one stand-in per page until the page is first shown
            self._stack.addWidget(named(QWidget(), "pagePlaceholder"))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

    def _show_current_page(self) -> None:
        key = self.current_page_key()
        page = self.page(key)  # builds it on first use
        self._stack.setCurrentIndex(PAGE_KEYS.index(key))
        self._enable_page_actions(page)

    def _build_page(self, key: str) -> None:
        runner = self.runner
        assert runner is not None, "attach() a database first"
        # SQLAlchemy, the models and the services come with the pages: not needed for the first paint.
        from sellerdesk.ui.tabs import home, orders, products, reviews, tasks, tickets

        factory = runner.session_factory
        makers: dict[str, Callable[[], Page]] = {
            "home": lambda: home.HomeTab(runner),
            "products": lambda: products.ProductsTab(factory, runner),
            "orders": lambda: orders.OrdersTab(factory, runner),
            "tickets": lambda: tickets.TicketsTab(factory, runner),
            "tasks": lambda: tasks.TasksTab(runner),
            "reviews": lambda: reviews.ReviewsTab(runner),
        }
        page = makers[key]()
        for view in page.findChildren(QTableView):  # column choice, widths and order, per table
            if view.objectName() and view.model() is not None:
                remember_columns(view, f"{key}/{view.objectName()}", self.settings)
        self._show_keys(page)
        queue_requested = getattr(page, "queue_requested", None)  # the home page's "show me these" links
        if queue_requested is not None:
            queue_requested.connect(self.open_queue)
        backup_requested = getattr(page, "backup_requested", None)  # the home page's "Back up now"
        if backup_requested is not None:
            backup_requested.connect(self.backup_now)
        action_requested = getattr(page, "action_requested", None)  # empty states' buttons
        if action_requested is not None:
            action_requested.connect(self.request_action)
        index = PAGE_KEYS.index(key)
        stand_in = self._stack.widget(index)
        self._stack.insertWidget(index, page)
        if stand_in is not None:
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.pages[key] = page

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_db = shortcuts.bind(
            self.file_menu.addAction(icon("database"), self.tr("&Open database…")), "open_database"
        )
        open_db.triggered.connect(self._on_open_database)
        open_db.setEnabled(False)
        self.file_menu.addSeparator()
        self._backup_action = self.file_menu.addAction(icon("backup"), self.tr("&Back up database…"))
        shortcuts.bind(self._backup_action, "backup")
        self._backup_action.triggered.connect(self._on_backup)
        self._backup_action.setEnabled(False)
        self._restore_action = self.file_menu.addAction(icon("restore"), self.tr("&Restore from backup…"))
        self._restore_action.triggered.connect(self.restore_from_backup)
        self._restore_action.setVisible(False)
        self.file_menu.addSeparator()
        quit_action = shortcuts.bind(self.file_menu.addAction(icon("quit"), self.tr("&Quit")), "quit")
        self._quit_action = quit_action
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        self._open_action = open_db

        self._build_page_menu()
        view = self.menuBar().addMenu(self.tr("&View"))
        for number, key in enumerate(PAGE_KEYS, start=1):
            action = view.addAction(self._nav.item(number - 1).icon(), self._nav.item(number - 1).text())
            shortcuts.bind(action, f"page_{number}")
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            self._nav.item(number - 1).setToolTip(shortcuts.with_key(action.text(), f"page_{number}"))
        view.addSeparator()
        self._build_appearance_menu(view)
        self._language_menu = self._build_language_menu(view)

        self.settings_menu: QMenu = self.menuBar().addMenu(self.tr("&Settings"))
        self._shops_action: QAction = self.settings_menu.addAction(icon("shops"), self.tr("S&hops…"))
        self._shops_action.triggered.connect(self.edit_shops)
        self._shops_action.setEnabled(False)
        self._wizard_action: QAction = self.settings_menu.addAction(self.tr("Setup &wizard…"))
        self._wizard_action.triggered.connect(self.setup_wizard_requested)
        self._wizard_action.setEnabled(False)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._help_menu = help_menu
        guide = shortcuts.bind(help_menu.addAction(icon("guide"), self.tr("&User guide")), "guide")
        guide.triggered.connect(self.show_user_guide)
        keys_action = help_menu.addAction(icon("keyboard"), self.tr("&Keyboard shortcuts"))
        shortcuts.bind(keys_action, "shortcuts").triggered.connect(self.show_shortcuts)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About SellerDesk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about)

    def _build_page_menu(self) -> None:
        """Actions → the frequent work of the page shown (its own buttons do the same; a page without one
        ignores the key)."""
        menu = self.menuBar().addMenu(self.tr("&Actions"))
        entries = (
            ("new", "new", self.tr("&New…")),
            ("find", "search", self.tr("&Find")),
            ("refresh", "refresh", self.tr("&Refresh")),
            (None, "", ""),
            ("export", "export", self.tr("&Export the list shown…")),
            ("ship", "ship", self.tr("&Ship orders…")),
        )
        self.page_actions: dict[str, QAction] = {}
        for name, icon_name, text in entries:
            if name is None:
                menu.addSeparator()
                continue
            action = shortcuts.bind(menu.addAction(icon(icon_name), text), name)
            action.triggered.connect(lambda _checked=False, n=name: self.page_action(n))
            self.page_actions[name] = action

    def page_action(self, name: str) -> bool:
        """Do ``name`` ("new", "find", "refresh", "export", "ship") on the page shown; False when it has none."""
        page = self.pages.get(self.current_page_key())
        if page is None:
            return False
        if name == "refresh":
            page.reload()
            return True
        if name == "find":
            box = getattr(page, "search_box", None)
            if isinstance(box, QLineEdit) and not box.isHidden():
                box.setFocus(Qt.FocusReason.ShortcutFocusReason)
                box.selectAll()
                return True
            return False
        button = getattr(page, f"{name}_button", None)  # the page's own button: its permissions, its slot
        if button is None or button.isHidden() or not button.isEnabled():
            return False
        button.click()
        return True

    def _show_keys(self, page: QWidget) -> None:
        """The page's own buttons for the Actions menu show its icon and key in their tooltip."""
        for name, action in self.page_actions.items():
            widget = getattr(page, "search_box" if name == "find" else f"{name}_button", None)
            if not isinstance(widget, QWidget):
                continue
            tip = widget.toolTip() or action.text().replace("&", "")
            widget.setToolTip(shortcuts.with_key(tip, name))
            if isinstance(widget, QPushButton) and widget.icon().isNull():
                widget.setIcon(action.icon())

    def _enable_page_actions(self, page: QWidget) -> None:
        for name, action in self.page_actions.items():
            if name != "refresh":
                widget = getattr(page, "search_box" if name == "find" else f"{name}_button", None)
                action.setEnabled(isinstance(widget, QWidget) and not widget.isHidden())

    def show_shortcuts(self) -> QDialog:
        dialog = shortcuts.ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_user_guide(self) -> QDialog:
        from sellerdesk.ui.dialogs.user_guide import UserGuideDialog

        dialog = UserGuideDialog(self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _build_appearance_menu(self, view: QMenu) -> QMenu:
        menu = view.addMenu(icon("appearance"), self.tr("&Appearance"))
        names = {"system": self.tr("Follow the &system"), "light": self.tr("&Light"), "dark": self.tr("&Dark")}
        chosen = self.settings.get(keys.APPEARANCE)
        group = QActionGroup(self)
        for choice in theme.APPEARANCES:
            action = menu.addAction(names[choice])
            action.setCheckable(True)
            action.setChecked(choice == chosen or (choice == "system" and chosen not in theme.APPEARANCES))
            action.setData(choice)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=choice: self.appearance_change_requested.emit(c))
        self._appearance_menu = menu
        return menu

    def _build_language_menu(self, view: QMenu) -> QMenu:
        menu = view.addMenu(icon("language"), self.tr("&Language"))
        group = QActionGroup(self)
        for code in LANGUAGES:
            action = menu.addAction(LANGUAGE_NAMES[code])
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self._on_language_chosen(c))
        return menu

    def _build_status_bar(self) -> None:
        where = named(QLabel(), "databaseLabel")
        where.setText(self.tr("Opening the database…"))
        where.setToolTip(self.tr("The database in use. File → Open database… chooses another one."))
        self.staff_label = named(QLabel(), "staffLabel")
        self.staff_label.setToolTip(self.tr("Who is signed in, and their role"))
        self.storage_note = named(QLabel(), "storageNote")  # read-only, network share
        self.storage_note.hide()
        self.statusBar().addPermanentWidget(self.storage_note)
        self.statusBar().addPermanentWidget(self.staff_label)
        self.statusBar().addPermanentWidget(where)
        self.database_label = where

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1360, 840)
        state = self.settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        last = self.settings.get(keys.LAST_TAB)
        self.show_page(last if last in PAGE_KEYS else "home")

    def save_settings(self) -> None:
        self.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(keys.WINDOW_STATE, self.saveState())
        self.settings.set(keys.LAST_TAB, self.current_page_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # ------------------------------------------------------------ slots

    def _on_runner_changed(self, changes: Changes) -> None:
        for page in self.pages.values():  # pages not built yet load fresh when first shown
            page.on_changes(changes)

    def _on_runner_busy_changed(self, busy: bool) -> None:
        # Switching database or language rebuilds the window: not while a job is still running.
        self._open_action.setEnabled(not busy)
        self._language_menu.setEnabled(not busy)
        self._appearance_menu.setEnabled(not busy)

    def _on_open_database(self) -> None:
        chosen = OpenDatabaseDialog.ask(self, self.database_url)
        if chosen:
            self.database_change_requested.emit(chosen)

    def _on_language_chosen(self, code: str) -> None:
        if code != self.language:
            self.settings.set(keys.LANGUAGE, code)
            self.language_change_requested.emit(code)

    def edit_shops(self) -> ShopsDialog | None:
        from sellerdesk.ui.dialogs.shops_dialog import ShopsDialog

        if self.runner is None:
            return None
        dialog = ShopsDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_backup(self) -> None:
        from sellerdesk.db.backup import backup_database

        engine = self.engine
        target = self._ask_backup_path()
        if target is None or self.runner is None or engine is None:
            return
        actor = self.runner.actor
        self.runner.run_plain(
            lambda _job: backup_database(engine, target, actor=actor),
            on_success=self._on_backup_written,
            label=self.tr("Backing up the database…"),
            parent=self,
        )

    def backup_now(self) -> None:
        """Home's "Back up now": a checked automatic backup into the backups folder beside the database."""
        from sellerdesk.db.backup import automatic_backup

        engine, runner = self.engine, self.runner
        if runner is None or engine is None:
            return
        actor = runner.actor

        def written(path: Path | None) -> None:
            if path is not None:
                self.show_status(self.tr("Backup saved to {path}").format(path=path), 15_000)
            home = self.pages.get("home")
            if home is not None:
                home.reload()

        runner.run_plain(
            lambda _job: automatic_backup(engine, "manual", actor=actor),
            on_success=written,
            label=self.tr("Backing up the database…"),
            parent=self,
        )

    def restore_from_backup(self) -> RestoreBackupDialog | None:
        from sellerdesk.ui.dialogs.restore_backup import RestoreBackupDialog

        if self.runner is None:
            return None
        dialog = RestoreBackupDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()
        return dialog

    def _ask_backup_path(self) -> Path | None:
        from sellerdesk.db.engine import is_sqlite

        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        sqlite = is_sqlite(self.database_url)
        suffix = ".sqlite" if sqlite else ".dump"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        kind = self.tr("SQLite database (*.sqlite)") if sqlite else self.tr("PostgreSQL dump (*.dump)")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Back up database"), str(Path(folder) / f"sellerdesk-backup-{stamp}{suffix}"), kind
        )
        return Path(path) if path else None

    def _on_backup_written(self, path: Path) -> None:
        self.show_status(self.tr("Backup saved to {path}").format(path=path), 15_000)
        QMessageBox.information(
            self,
            self.tr("Backup saved"),
            self.tr("A complete copy of the database was saved to:\n{path}").format(path=path),
        )

    def _on_about(self) -> AboutDialog:
        from sellerdesk.ui.dialogs.about_dialog import show_about

        return show_about(self, self.database_url)
