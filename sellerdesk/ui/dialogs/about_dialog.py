"""Help → About: what SellerDesk this is and where its data and logs are, with a button that copies it all
as plain text for whoever supports the shop. A server's address is shown without its password."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sellerdesk import APP_NAME, __version__
from sellerdesk.db.files import make_private_dir
from sellerdesk.ui import errors
from sellerdesk.ui.widgets.util import named


def support_details(database_url: str) -> list[tuple[str, str]]:
    """(label, value) rows: the version and build, the database (never its password), folders, Qt, the OS."""
    from sellerdesk.db.engine import data_dir, display_name  # after the first paint, like every database import

    if getattr(sys, "frozen", False):
        build = QCoreApplication.translate("AboutDialog", "built package")
    else:
        build = QCoreApplication.translate("AboutDialog", "from Python sources")
    database = display_name(database_url) if database_url else QCoreApplication.translate("AboutDialog", "(none open)")
    qt = f"Qt {qVersion()} · PySide6 {PySide6.__version__} · {QGuiApplication.platformName()}"
    return [
        (QCoreApplication.translate("AboutDialog", "Version"), f"{APP_NAME} {__version__} ({build})"),
        (QCoreApplication.translate("AboutDialog", "Database"), database),
        (QCoreApplication.translate("AboutDialog", "Data folder"), str(data_dir())),
        (QCoreApplication.translate("AboutDialog", "Log folder"), str(errors.log_folder())),
        ("Qt", qt),
        ("Python", f"{platform.python_version()} · {platform.platform(terse=True)}"),
    ]


def details_text(rows: list[tuple[str, str]]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in rows)


class AboutDialog(QDialog):
    def __init__(self, database_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SellerDesk"))
        self.rows = support_details(database_url)
        title = named(QLabel(f"<h3>{APP_NAME} {__version__}</h3>"), "aboutTitle")
        blurb = QLabel(
            self.tr(
                "The back office of a multi-platform online shop: products, orders, service tickets, "
                "team tasks and performance reviews."
            )
        )
        blurb.setWordWrap(True)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, value in self.rows:
            shown = named(QLabel(value), "aboutValue")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(f"{name}:", shown)
            self.values[name] = shown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes, as in any About box
        self.copy_button = buttons.addButton(self.tr("Copy for support"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy these details to the clipboard, to paste into a message"))
        self.copy_button.clicked.connect(self.copy_details)
        self.logs_button: QPushButton = buttons.addButton(
            self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.logs_button.clicked.connect(self.open_log_folder)
        self.copied = named(QLabel(""), "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self.rows))
        self.copied.setText(self.tr("Copied. Paste it into your message to support."))

    def open_log_folder(self) -> None:
        folder = Path(errors.log_folder())
        make_private_dir(folder)  # crash logs can quote buyers' data
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget, database_url: str) -> AboutDialog:
    dialog = AboutDialog(database_url, parent)
    dialog.open()
    return dialog
