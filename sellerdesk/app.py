"""Composition root of the desktop app: QApplication, translators, database, runner, main window.

``run_app()`` is what ``sellerdesk gui`` calls. The main window is shown and painted first; the
database layer (SQLAlchemy, the models, the services: about half a second of imports) loads right
after the first paint, then the pages fill in. Spreadsheet libraries, the demo generator, Alembic and
chart libraries are imported only where they are first used.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from sellerdesk import APP_NAME, ORG_NAME, __version__
from sellerdesk.domain.errors import SellerDeskError, StorageError
from sellerdesk.domain.permissions import OWNER, Action, Actor, can
from sellerdesk.ui import errors, import_actions, messages, report_actions, theme
from sellerdesk.ui import settings as keys
from sellerdesk.ui.dialogs.open_database import OpenDatabaseDialog
from sellerdesk.ui.dialogs.sign_in import SignInDialog
from sellerdesk.ui.i18n import choose_language, install_translators
from sellerdesk.ui.idle import IdleWatcher
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.runner import JobControl, Runner, collect_garbage_on_main_thread
from sellerdesk.ui.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from sellerdesk.db.migrate import SchemaResult
    from sellerdesk.demo import DemoSummary
    from sellerdesk.services.first_run import SetupDone, SetupState
    from sellerdesk.ui.wizard.first_run import SetupWizard, WizardChoices

# Set before anything imports pyqtgraph (none of the imports above does): with PyQt6 installed too,
# pyqtgraph would otherwise pick PyQt6 and fail to draw into our PySide6 widgets.
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

# Chinese text falls back through these when the platform's UI font has no CJK glyphs.
CJK_FONTS = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
DEMO_ORDERS = 20_000
ENV_VAR = "SELLERDESK_DB"  # the same variable sellerdesk.db.engine reads (not imported before the first paint)


def run_app(db: str | None, demo: bool, lang: str | None) -> int:
    """Start the desktop app; returns the process exit code."""
    qapp = make_qapplication()
    errors.install_excepthook()
    desktop = start(db=db, demo=demo, lang=lang)
    try:
        code = qapp.exec()
    finally:
        desktop.shutdown()
    return desktop.exit_code or code


def make_qapplication() -> QApplication:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    qapp.setApplicationVersion(__version__)
    font = qapp.font()
    font.setFamilies([font.family(), *CJK_FONTS])
    qapp.setFont(QFont(font))
    return qapp


def start(
    *,
    db: str | None,
    demo: bool,
    lang: str | None,
    settings: Settings | None = None,
    synchronous: bool = False,
) -> DesktopApp:
    """Show the main window; the database opens once it has painted (``DesktopApp.opened`` then).

    Tests call this with their own settings and ``synchronous`` (jobs run inline).
    """
    qapp = make_qapplication()
    collect_garbage_on_main_thread(qapp)
    settings = settings or Settings()
    language = choose_language(lang, settings.get(keys.LANGUAGE))
    install_translators(language)  # before any window exists: widgets translate when built
    theme.apply(settings.get(keys.APPEARANCE))  # Fusion, the palette and the stylesheet, light or dark
    desktop = DesktopApp(settings, language, synchronous=synchronous)
    QApplication.styleHints().colorSchemeChanged.connect(desktop.follow_system_scheme)
    requested = db or os.environ.get(ENV_VAR) or None  # else the saved one, read after the first paint
    desktop.show_first_window(requested, demo=demo)
    return desktop


# ---------------------------------------------------------------- opening a database


def saved_database(settings: Settings) -> str | None:
    """The database last opened, with its password from the keyring (None: the default file).

    A password an older version saved in clear moves to the keyring now (or, without one, is dropped from
    the settings: the open-database dialog asks for it next time); it still serves this start."""
    from sellerdesk.db.credentials import with_stored_password

    saved = settings.get(keys.DATABASE_URL)
    if not saved:
        return None
    kept = remember_database(settings, saved)
    return saved if kept != saved else with_stored_password(saved)


def remember_database(settings: Settings, url: str) -> str:
    """Save ``url`` as the database to open next time, its password in the keyring, never in the settings."""
    from sellerdesk.db.credentials import remember_password, without_password

    remember_password(url)
    kept = without_password(url)
    settings.set(keys.DATABASE_URL, kept)
    return kept


def connect(value: str | None, settings: Settings) -> tuple[Engine, SchemaResult | None]:
    """An engine for ``value`` (path, URL or None for the default) at the schema head.

    A new database is created, an old one upgraded after a backup; the result is None when the
    database was already at the head this installation knows.
    """
    from sqlalchemy.exc import SQLAlchemyError  # the database layer loads after the first paint

    from sellerdesk.db.engine import make_engine, resolve_url

    try:
        engine = make_engine(resolve_url(value))
    except (SQLAlchemyError, OSError) as exc:
        raise StorageError(str(exc), code="cannot_open", detail=str(exc)) from exc
    try:
        if schema_is_current(engine, settings):
            return engine, None
        # Loading Alembic costs about a quarter of a second: only when the schema may need work.
        from sellerdesk.db import migrate

        result = migrate.ensure_schema(engine)
        settings.set(keys.SCHEMA_HEAD, f"{migrations_fingerprint()}:{migrate.head_revision()}")
        return engine, result
    except SellerDeskError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        detail = str(getattr(exc, "orig", None) or exc)
        raise StorageError(detail, code="cannot_open", detail=detail) from exc


def _without_password(value: str | None) -> str:
    from sellerdesk.db.credentials import without_password

    return without_password(value) if value and "://" in value else ""


def schema_is_current(engine: Engine, settings: Settings) -> bool:
    """True when the database is at the head revision remembered for these exact migration files."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    fingerprint, _, head = settings.get(keys.SCHEMA_HEAD).partition(":")
    if not head or fingerprint != migrations_fingerprint():
        return False
    try:
        with engine.connect() as conn:
            revisions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False  # no version table: a new or foreign database, which the full check handles
    return list(revisions) == [head]


def migrations_fingerprint() -> str:
    """Names, sizes and times of the migration files: changes whenever SellerDesk's migrations do."""
    folder = resources.files("sellerdesk.db") / "migrations" / "versions"
    files = sorted(
        (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
        for entry in os.scandir(str(folder))
        if entry.name.endswith(".py")
    )
    return hashlib.sha256(repr(files).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- the app


class _FirstPaint(QObject):
    """Calls back once, after the watched window's first paint has been handled."""

    def __init__(self, window: MainWindow, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)  # after this paint reaches the screen
        return False


class DesktopApp(QObject):
    """Owns the engine, the runner and the main window; builds a new window for a new language or database.

    ``opened`` is True once a database is in use; ``exit_code`` is 1 when none could be opened and the
    user gave up choosing one.
    """

    def __init__(self, settings: Settings, language: str, *, synchronous: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.language = language
        self.synchronous = synchronous
        self.engine: Engine | None = None
        self.runner: Runner | None = None
        self.window: MainWindow | None = None
        self.opened = False
        self.exit_code = 0
        self.actor: Actor = OWNER  # who is signed in (the owner while the shop does not ask)
        self.sign_in_on = False
        self.idle_minutes = 0
        self._idle: IdleWatcher | None = None
        self.locked = False
        self.wizard: SetupWizard | None = None  # the setup wizard while it is open

    # ------------------------------------------------------------ start-up

    def show_first_window(self, requested: str | None, *, demo: bool) -> None:
        """Show the window at once; open the database when it has painted."""
        window = self._new_window()
        window.show()
        started: list[bool] = []

        def open_once() -> None:
            if not started:
                started.append(True)
                self._open_first(requested, demo=demo)

        _FirstPaint(window, open_once)
        QTimer.singleShot(1_000, open_once)  # a window that never paints (started minimized) still opens

    def _open_first(self, requested: str | None, *, demo: bool) -> None:
        """Open the start-up database; on failure explain and offer another, or quit."""
        from sqlalchemy.exc import SQLAlchemyError

        # The keyring (and SQLAlchemy) load here, after the window has painted.
        value = requested or saved_database(self.settings)
        chosen = False  # the user picked it in the dialog: remembered like File → Open database…
        while True:
            try:
                opened = connect(value, self.settings)
                break
            except (SellerDeskError, SQLAlchemyError) as exc:
                errors.show_error(self.window, exc)
            # The address it tried, so a server whose password the keyring could not give only needs that typed.
            value = OpenDatabaseDialog.ask(self.window, _without_password(value))
            if not value:
                self._give_up()
                return
            chosen = True
        if chosen and value:
            from sellerdesk.db.engine import resolve_url

            remember_database(self.settings, resolve_url(value))
        status = self._use(opened)
        if not self._sign_in():
            self._give_up()
            return
        self._attach(status)
        if demo:
            self.fill_demo()
        else:
            self.offer_setup_wizard()

    def _give_up(self) -> None:
        # Closing the last window ends the event loop; exit() would also stop loops started later.
        self.exit_code = 1
        if self.window is not None:
            self.window.close()

    # ------------------------------------------------------------ database

    def open_database(self, value: str) -> bool:
        """Switch to another database (File → Open database…); the current one stays on failure."""
        from sqlalchemy.exc import SQLAlchemyError

        from sellerdesk.db.credentials import with_stored_password
        from sellerdesk.db.engine import resolve_url

        try:
            url = with_stored_password(resolve_url(value))  # a server typed without its password: the keyring's
            opened = connect(url, self.settings)
        except (SellerDeskError, SQLAlchemyError) as exc:
            errors.show_error(self.window, exc)
            return False
        self._close_database()
        status = self._use(opened)
        remember_database(self.settings, url)
        if not self._sign_in():  # another shop's database: its own people and rules
            self._give_up()
            return False
        self._replace_window(status)
        return True

    def restore_backup(self, path: str) -> None:
        """Put a backup's data back (File → Restore from backup…): on the database worker, the current data
        saved first; then the connections close, the database reopens (an older backup is upgraded) and the
        window is rebuilt on it. A backup that fails its check is refused with nothing changed."""
        from sellerdesk.db import migrate
        from sellerdesk.db.backup import restore_database
        from sellerdesk.domain.permissions import require

        assert self.runner is not None and self.engine is not None
        engine, actor = self.engine, self.actor
        url = engine.url.render_as_string(hide_password=False)

        def restore(_job: JobControl) -> Path | None:
            require(actor, Action.MANAGE_BACKUPS)
            return restore_database(engine, Path(path), migrate.known_revisions())

        self.runner.run_plain(
            restore,
            on_success=lambda safety: self._reopen_after_restore(url, safety),
            label=self.tr("Restoring the backup…"),
            parent=self.window,
        )

    def _reopen_after_restore(self, url: str, safety: Path | None) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        self._close_database()
        try:
            opened = connect(url, self.settings)
        except (SellerDeskError, SQLAlchemyError) as exc:
            errors.show_error(self.window, exc)
            self._give_up()
            return
        self._use(opened)
        if not self._sign_in():  # the backup's own people and rules
            self._give_up()
            return
        status = self.tr("The backup was restored.")
        if safety is not None:
            status = self.tr("The backup was restored. The data it replaced was saved to {path}.").format(path=safety)
        self._replace_window(status)

    def _use(self, opened: tuple[Engine, SchemaResult | None]) -> str:
        from sellerdesk.db.engine import make_session_factory

        engine, result = opened
        self.engine = engine
        # No Qt parent: a job still finishing after a switch keeps its old runner alive through Python references.
        self.runner = Runner(make_session_factory(engine), synchronous=self.synchronous)
        self.opened = True
        return self._schema_status(result)

    def _schema_status(self, result: SchemaResult | None) -> str:
        if result is None:
            return ""
        if result.created:
            return self.tr("Created a new, empty database.")
        if result.upgraded_from:
            return self.tr(
                "The database was upgraded for this version of SellerDesk. "
                "A copy of it as it was before is saved at {path}."
            ).format(path=result.backup)
        return ""

    # ------------------------------------------------------------ who is there

    def _sign_in(self) -> bool:
        """Ask who is there when the shop wants it, else act as its owner; False when nobody signed in."""
        from sellerdesk.services import staff

        assert self.runner is not None
        with self.runner.session_factory() as session:
            self.sign_in_on = staff.sign_in_needed(session)
            self.idle_minutes = staff.security_settings(session).idle_minutes if self.sign_in_on else 0
            unattended = staff.unattended_actor(session)
        if not self.sign_in_on:
            self._set_actor(unattended)
            return True
        dialog = SignInDialog(self.runner, parent=self.window)
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self._set_actor(dialog.actor)
        return True

    def _set_actor(self, actor: Actor) -> None:
        self.actor = actor
        if self.runner is not None:
            self.runner.actor = actor

    def lock(self, *, switching: bool = False) -> None:
        """Cover the window until someone signs in; another person gets a window of their own."""
        if self.locked or self.window is None or self.runner is None:
            return
        self.locked = True
        window = self.window
        central = window.centralWidget()
        assert central is not None
        central.setVisible(False)  # nothing of the data shows behind the lock screen
        dialog = SignInDialog(self.runner, locked=None if switching else self.actor, parent=window)
        try:
            accepted = dialog.exec() == SignInDialog.DialogCode.Accepted and dialog.actor is not None
        finally:
            self.locked = False
        if not accepted:
            if switching:
                central.setVisible(True)
                return
            self._give_up()
            return
        assert dialog.actor is not None
        same = dialog.actor.staff_id == self.actor.staff_id
        self._set_actor(dialog.actor)
        if same:
            central.setVisible(True)
            if self._idle is not None:
                self._idle.restart()
        else:
            self._replace_window("")

    def _watch_idle(self) -> None:
        if self._idle is not None:
            self._idle.stop()
            self._idle = None
        if self.sign_in_on and self.idle_minutes > 0:
            self._idle = IdleWatcher(self.idle_minutes, self)
            self._idle.idle.connect(self.lock)

    def _close_database(self) -> None:
        from sellerdesk.services.imports.follow import wait_for_checkpoints

        if self.runner is not None:
            self.runner.shutdown()
        wait_for_checkpoints()  # what follows an import (search documents, checkpoint) if it still runs
        if self.engine is not None:
            self.engine.dispose()

    # ------------------------------------------------------------ windows

    def _new_window(self) -> MainWindow:
        window = MainWindow(settings=self.settings, language=self.language)
        window.database_change_requested.connect(self.open_database)
        window.restore_requested.connect(self.restore_backup)
        window.language_change_requested.connect(self.switch_language)
        window.appearance_change_requested.connect(self.set_appearance)
        window.lock_requested.connect(self.lock)
        window.switch_user_requested.connect(lambda: self.lock(switching=True))
        window.demo_requested.connect(self.fill_demo)
        window.setup_wizard_requested.connect(self.show_setup_wizard)
        self.window = window
        return window

    def _attach(self, status: str) -> None:
        assert self.window is not None and self.engine is not None and self.runner is not None
        self.window.attach(engine=self.engine, runner=self.runner)
        if can(self.actor, Action.IMPORT_ORDERS):
            import_actions.install(self.window)
        if can(self.actor, Action.VIEW_REPORTS):
            report_actions.install(self.window)
        if self.sign_in_on:
            self.window.enable_sign_in_actions()
        self._watch_idle()
        self.runner.watch_changes()  # others' changes appear without a restart
        self._purge_recycle_bin()
        if status:
            self.window.show_status(status)
        self._remove_leftovers()
        self._daily_backup()

    def _remove_leftovers(self) -> None:
        """Partial backups and temp folders a killed SellerDesk left (db/leftovers.py), off the UI thread."""
        from sellerdesk.db.engine import sqlite_path
        from sellerdesk.db.leftovers import remove_leftovers

        assert self.runner is not None and self.engine is not None
        db_file = sqlite_path(self.engine.url.render_as_string(hide_password=False))
        self.runner.run_plain(lambda _job: remove_leftovers(db_file), on_error=lambda _exc: None)

    def _daily_backup(self) -> None:
        """The day's automatic backup of an SQLite database (the first start of the day makes it), off the
        UI thread; a failure is said in the status bar, not in a dialog that blocks the start."""
        from sellerdesk.db.backup import automatic_backup
        from sellerdesk.db.engine import is_read_only_engine

        assert self.runner is not None and self.engine is not None
        engine, window = self.engine, self.window
        if is_read_only_engine(engine):
            return  # nothing can change, and its folder may be read-only too

        def failed(exc: BaseException) -> None:
            if window is not None:
                error = messages.describe(exc) if isinstance(exc, SellerDeskError) else exc  # the true reason
                window.show_status(self.tr("The daily backup could not be written: {error}").format(error=error))

        self.runner.run_plain(lambda _job: automatic_backup(engine, "daily"), on_error=failed)

    def _purge_recycle_bin(self) -> None:
        """What was deleted more than 30 days ago goes for good (any PC may do it; it is idempotent)."""
        assert self.runner is not None

        def purge(session: Session, _job: JobControl) -> object:
            from sellerdesk.services.recycle import purge_expired

            return purge_expired(session)

        self.runner.run(purge, on_error=lambda _exc: None)  # tried again at the next start

    def switch_language(self, language: str) -> None:
        """Live: install the translators, then rebuild the window so every text is built anew."""
        self.language = language
        install_translators(language)
        self._replace_window("")

    def set_appearance(self, choice: str) -> None:
        """View → Appearance: remember the choice, apply it, and rebuild the window if the variant changed
        (charts and painted cards take their colours when they are built)."""
        self.settings.set(keys.APPEARANCE, choice)
        before = theme.current()
        if theme.apply(choice) != before and self.window is not None and self.window.attached:
            self._replace_window("")

    def follow_system_scheme(self, _scheme: object = None) -> None:
        """The desktop switched between light and dark: follow it when the choice is "system"."""
        if self.settings.get(keys.APPEARANCE) not in (theme.LIGHT, theme.DARK):
            self.set_appearance("system")

    def _replace_window(self, status: str) -> None:
        self._close_wizard()
        old = self.window
        if old is not None:
            old.save_settings()
            old.hide()
            old.deleteLater()  # not now: this may run inside one of its own slots
        self._new_window().show()
        self._attach(status)

    # ------------------------------------------------------------ first run

    def offer_setup_wizard(self) -> None:
        """The setup wizard, by itself, on a new and empty database never set up or skipped before."""
        from sellerdesk.db.engine import is_read_only_engine
        from sellerdesk.services.first_run import setup_state

        if self.runner is None or self.engine is None or is_read_only_engine(self.engine):
            return
        if not can(self.actor, Action.MANAGE_DATABASE):
            return
        self.runner.run(
            lambda session, _job: setup_state(session),
            on_success=lambda state: state.wizard_due and self.show_setup_wizard(state),
            on_error=lambda _exc: None,  # no wizard then; the welcome card offers the same
            writes=False,
        )

    def show_setup_wizard(self, state: SetupState | None = None) -> SetupWizard | None:
        """Settings → Setup wizard…, the welcome card's button, or the first start (``state`` read already)."""
        from sellerdesk.db.engine import display_name
        from sellerdesk.services.first_run import setup_state
        from sellerdesk.ui.wizard.first_run import SetupWizard

        if self.runner is None or self.window is None or self.engine is None:
            return None
        if state is None:
            with self.runner.session_factory() as session:
                state = setup_state(session)
        url = self.engine.url.render_as_string(hide_password=False)
        wizard = SetupWizard(
            language=self.language,
            database_name=display_name(url),
            state=state,
            runner=self.runner,
            can_import=can(self.actor, Action.IMPORT_ORDERS),
            parent=self.window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.language_chosen.connect(lambda code: self._wizard_language(wizard, code))
        # After the wizard has closed: a new database or owner rebuilds the window it belongs to.
        wizard.accepted.connect(lambda: self._finish_later(wizard.choices()))
        wizard.rejected.connect(self._skip_setup)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_language(self, wizard: SetupWizard, code: str) -> None:
        """A language picked in the wizard applies at once: the window and the wizard are built anew in it."""
        self._close_wizard()
        self.settings.set(keys.LANGUAGE, code)
        self.switch_language(code)
        self.show_setup_wizard()

    def _skip_setup(self) -> None:
        from sellerdesk.services.first_run import dismiss_setup

        self.wizard = None
        if self.runner is None:
            return
        actor = self.actor
        self.runner.run(lambda session, _job: dismiss_setup(session, actor), on_error=lambda _exc: None)
        if self.window is not None:
            self.window.show_status(self.tr("Setup skipped. Settings → Setup wizard… opens it again."), 15_000)

    def _finish_later(self, choices: WizardChoices) -> None:
        self.wizard = None
        QTimer.singleShot(0, lambda: self.finish_setup(choices))

    def finish_setup(self, choices: WizardChoices) -> None:
        """Carry out the wizard: the server first (if one was chosen), then the owner and shops in one job,
        then the demo or the import dialog."""
        from sellerdesk.services.first_run import apply_setup, setup_state

        self.wizard = None
        if choices.server_url and not self.open_database(choices.server_url):
            return  # the error is shown; the current database stays
        assert self.runner is not None
        if choices.server_url:
            with self.runner.session_factory() as session:
                state = setup_state(session)
            if not state.empty:
                if self.window is not None:
                    self.window.show_status(
                        self.tr("The server's database holds data already: the shop's setup there was kept.")
                    )
                return
        actor = self.actor
        self.runner.run(
            lambda session, _job: apply_setup(session, actor, choices.plan),
            on_success=lambda done: self._setup_applied(done, choices.start),
            label=self.tr("Saving the setup…"),
            parent=self.window,
        )

    def _setup_applied(self, done: SetupDone, start: str) -> None:
        from sellerdesk.services import staff

        assert self.runner is not None
        status = self.tr("SellerDesk is set up: %n shop(s).", "", len(done.shops))
        if done.owner is not None:  # the owner just typed the password: no sign-in now, at the next start
            with self.runner.session_factory() as session:
                self.sign_in_on = staff.sign_in_needed(session)
                self.idle_minutes = staff.security_settings(session).idle_minutes if self.sign_in_on else 0
            self._set_actor(done.owner)
            self._replace_window(status)
        elif self.window is not None:
            self.window.show_status(status)
        if start == "demo":
            self.fill_demo()
        elif start == "import" and self.window is not None:
            self.window.import_requested.emit()

    def fill_demo(self) -> None:
        """Fill an empty database with the demo shop in the background; the pages reload when it is done."""
        assert self.runner is not None

        def make_demo(session: Session, job: JobControl) -> DemoSummary:
            from sellerdesk.db.tracking import without_audit
            from sellerdesk.demo import generate_demo  # only --demo needs it

            without_audit(session)  # thousands of machine-made rows: nobody's doing
            return generate_demo(session, orders=DEMO_ORDERS, progress=job.progress, cancelled=job.cancelled)

        self.runner.run(
            make_demo,
            on_success=self._on_demo_created,
            label=self.tr("Creating the demo shop (%Ln orders)…", "", DEMO_ORDERS),
            parent=self.window,
        )

    def _on_demo_created(self, summary: DemoSummary) -> None:
        """Home shows the demo's figures first; only then does the status bar say the demo is ready."""
        from sellerdesk.ui.tabs.home import HomeTab  # loaded with the pages, after the first paint

        window = self.window
        if window is None:
            return
        text = self.tr("The demo shop is ready, with %Ln orders.", "", summary.orders)
        home = window.pages.get("home")
        if isinstance(home, HomeTab):
            home.reload(then=lambda: window.show_status(text))
        else:
            window.show_status(text)  # Home is built, and loads, when first shown

    def _close_wizard(self) -> None:
        """An open setup wizard goes with its window (closing it is no "skip")."""
        import shiboken6

        wizard, self.wizard = self.wizard, None
        if wizard is not None and shiboken6.isValid(wizard):
            wizard.blockSignals(True)
            wizard.close()

    def shutdown(self) -> None:
        self._close_wizard()
        if self.window is not None and self.window.attached:
            self.window.save_settings()
        self._close_database()
