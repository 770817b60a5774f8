"""File → Restore from backup…: pick one of the automatic backups (each with what its check found) or a
file, confirm, and the app puts the data back (``DesktopApp.restore_backup``).

Only backups that pass their check can be chosen; a file that fails is refused here, with the reason, before
anything is closed. Restoring saves the current data first (``db/backup.restore_database``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.db.backup import BackupCheck, verify_backup
from sellerdesk.services.backups import BackupChoice, backup_choices
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.widgets.util import named

PATH_ROLE = Qt.ItemDataRole.UserRole


def problem_text(check: BackupCheck) -> str:
    """Why a backup cannot be restored, in words (``BackupCheck.problem``)."""
    texts = {
        "missing": QCoreApplication.translate("RestoreBackup", "the file is gone"),
        "not_a_database": QCoreApplication.translate("RestoreBackup", "not a database file"),
        "corrupt": QCoreApplication.translate("RestoreBackup", "damaged (it fails its integrity check)"),
        "foreign": QCoreApplication.translate("RestoreBackup", "not a SellerDesk database"),
    }
    return texts.get(check.problem, check.problem)


def confirm(parent: QWidget, text: str) -> bool:
    """Ask before replacing the data (tests monkeypatch this)."""
    title = QCoreApplication.translate("RestoreBackup", "Restore from backup")
    answer = QMessageBox.question(parent, title, text, defaultButton=QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class RestoreBackupDialog(QDialog):
    """Signals: restore_requested(str): the user confirmed restoring this backup file."""

    restore_requested = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumSize(680, 360)
        intro = QLabel(
            self.tr(
                "Replaces all the data in this database with a backup. The data it holds now is saved first, "
                "as a backup of its own, so this can be undone the same way."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self._on_restore())
        self.file_button = QPushButton(self.tr("Choose a file…"))
        self.file_button.clicked.connect(self._on_choose_file)
        self.problem = named(QLabel(), "formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(named(QLabel(self.tr("Automatic backups, newest first:")), "panelTitle"))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._update_buttons()
        runner.run(lambda session, _job: backup_choices(session), on_success=self._fill, parent=self)

    def _fill(self, choices: tuple[BackupChoice, ...]) -> None:
        for choice in choices:
            made = choice.made_at.strftime("%Y-%m-%d %H:%M")
            if choice.check.ok:
                text = self.tr("{time}   {name}").format(time=made, name=choice.path.name)
            else:
                text = self.tr("{time}   {name}   (cannot be restored: {problem})").format(
                    time=made, name=choice.path.name, problem=problem_text(choice.check)
                )
            self._add(text, choice.path, usable=choice.check.ok)
        if not choices:
            self.list.addItem(QListWidgetItem(self.tr("No automatic backups yet.")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        first = next((self.list.item(i) for i in range(self.list.count()) if self.list.item(i).data(PATH_ROLE)), None)
        if first is not None:
            self.list.setCurrentItem(first)

    def _add(self, text: str, path: Path, *, usable: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setToolTip(str(path))
        if usable:
            item.setData(PATH_ROLE, str(path))
        else:
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, with its reason, but not chosen
        self.list.addItem(item)
        return item

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(PATH_ROLE) if item is not None else None
        return Path(value) if value else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _on_choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            "",
            self.tr("SellerDesk databases (*.sqlite *.sqlite3 *.db);;All files (*)"),
        )
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> bool:
        """Check a backup file picked by hand; a good one is added and chosen, a bad one refused with why."""
        check = verify_backup(path)
        if not check.ok:
            self.problem.setText(
                self.tr("{name} cannot be restored: {problem}.").format(name=path.name, problem=problem_text(check))
            )
            self.problem.show()
            return False
        self.problem.hide()
        self.list.setCurrentItem(self._add(self.tr("Chosen file: {name}").format(name=path.name), path, usable=True))
        return True

    def _on_restore(self) -> None:
        path = self.chosen()
        if path is None:
            return
        question = self.tr(
            "Replace all the data in this database with the backup {name}?\n\n"
            "Everyone using this database loses what was entered after the backup was made. "
            "The current data is saved as a backup first."
        ).format(name=path.name)
        if confirm(self, question):
            self.accept()
            self.restore_requested.emit(str(path))
