"""File → Open database…: an SQLite file on this computer, or a PostgreSQL server shared by the team."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.ui.widgets.util import named

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


class OpenDatabaseDialog(QDialog):
    def __init__(self, current_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open database"))
        self.setMinimumWidth(560)
        self.file_choice = QRadioButton(self.tr("A database file on this computer (SQLite)"))
        self.server_choice = QRadioButton(self.tr("A database server shared by several computers (PostgreSQL)"))
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.server_choice)

        self.path_edit = QLineEdit(placeholderText=self.tr("Path of the database file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        self.url_edit = QLineEdit(placeholderText="postgresql://user@server:5432/sellerdesk")
        # Typed here (or in the address); it goes to the system's keyring, never into the settings file.
        self.password_edit = QLineEdit(placeholderText=self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self.tr("Password:"))
        file_note = named(QLabel(self.tr("A file that does not exist yet becomes a new, empty database.")), "hint")
        server_note = named(
            QLabel(self.tr("Ask whoever set up the server for this address. The database must already exist.")),
            "hint",
        )
        self.problem = named(QLabel(), "formError")
        self.problem.hide()
        self.share_note = named(QLabel(), "formWarning")  # SQLite on a network share
        self.share_note.setWordWrap(True)
        self.share_note.hide()

        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        grid.addWidget(self.file_choice, 0, 0, 1, 3)
        grid.addWidget(self.path_edit, 1, 1)
        grid.addWidget(browse, 1, 2)
        grid.addWidget(file_note, 2, 1, 1, 2)
        grid.addWidget(self.share_note, 3, 1, 1, 2)
        grid.setRowMinimumHeight(3, 12)
        grid.addWidget(self.server_choice, 4, 0, 1, 3)
        grid.addWidget(self.url_edit, 5, 1, 1, 2)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_label)
        password_row.addWidget(self.password_edit, 1)
        grid.addLayout(password_row, 6, 1, 1, 2)
        grid.addWidget(server_note, 7, 1, 1, 2)
        grid.setColumnMinimumWidth(0, 20)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.path_edit.textEdited.connect(lambda _text: self.file_choice.setChecked(True))
        self.url_edit.textEdited.connect(lambda _text: self.server_choice.setChecked(True))
        self.password_edit.textEdited.connect(lambda _text: self.server_choice.setChecked(True))
        self.path_edit.textChanged.connect(self._check_share)
        self._fill(current_url)
        if self.server_choice.isChecked() and self.url_edit.text():
            self.password_edit.setFocus()  # a remembered server: only its password is missing

    @classmethod
    def ask(cls, parent: QWidget | None, current_url: str) -> str | None:
        """The chosen file path or server URL, or None when cancelled (tests monkeypatch this)."""
        dialog = cls(current_url, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def value(self) -> str:
        if self.server_choice.isChecked():
            url = self.url_edit.text().strip()
            password = self.password_edit.text()
            if password and url.startswith(SERVER_SCHEMES):
                from sellerdesk.db.credentials import with_password

                return with_password(url, password)
            return url
        return self.path_edit.text().strip()

    def _fill(self, current_url: str) -> None:
        if not current_url:
            self.file_choice.setChecked(True)
            return
        from sellerdesk.db.credentials import without_password
        from sellerdesk.db.engine import is_sqlite, sqlite_path  # the database layer loads after the first paint

        path = sqlite_path(current_url)
        if not is_sqlite(current_url):
            self.server_choice.setChecked(True)
            self.url_edit.setText(without_password(current_url))
        else:
            self.file_choice.setChecked(True)
            self.path_edit.setText(str(path) if path else "")

    def _check_share(self, text: str) -> None:
        """Warn when the file is on a network share: SQLite there can be damaged by several PCs writing."""
        from sellerdesk.db.location import network_share

        kind = network_share(Path(text.strip()).expanduser()) if text.strip() else ""
        self.share_note.setText(
            self.tr(
                "This file is on a network share ({kind}). Several PCs writing one database file over a network "
                "can damage it: to share data between PCs, use a PostgreSQL server (below)."
            ).format(kind=kind)
        )
        self.share_note.setVisible(bool(kind))

    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose or name a database file"))
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # a new name creates a new database
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setNameFilters([self.tr("SellerDesk databases (*.sqlite *.sqlite3 *.db)"), self.tr("All files (*)")])
        current = Path(self.path_edit.text().strip() or ".").expanduser()
        dialog.setDirectory(str(current.parent if current.suffix else current))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.path_edit.setText(dialog.selectedFiles()[0])
            self.file_choice.setChecked(True)

    def _on_accepted(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            self.accept()

    def _problem(self) -> str:
        value = self.value()
        if self.server_choice.isChecked():
            if not value.startswith(SERVER_SCHEMES):
                return self.tr("A server address starts with postgresql://")
            return ""
        if not value:
            return self.tr("Choose a database file, or type the name of a new one.")
        if Path(value).expanduser().is_dir():
            return self.tr("That is a folder. Choose a file in it, or type a new file name.")
        return ""
