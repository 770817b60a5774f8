"""Every keyboard shortcut of the app, in one table: the menus take their keys from it, tooltips show them,
and Help → Keyboard shortcuts lists it.

Standard keys (New, Find, Refresh, Open, Save, Help) are Qt's standard keys, so each desktop gets its own
convention; the rest are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.texts import QT_TRANSLATE_NOOP  # typed as str; lupdate finds the calls by name

CONTEXT = "Shortcuts"
Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class Shortcut:
    name: str  # stable: tests, the code that installs it
    key: Key
    text: str  # English, translated in the "Shortcuts" context
    group: str


_FILE = QT_TRANSLATE_NOOP("Shortcuts", "Files and data")
_GO = QT_TRANSLATE_NOOP("Shortcuts", "Moving around")
_PAGE = QT_TRANSLATE_NOOP("Shortcuts", "On the current page")
_HELP = QT_TRANSLATE_NOOP("Shortcuts", "Help")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("open_database", QKeySequence.StandardKey.Open, QT_TRANSLATE_NOOP("Shortcuts", "Open a database"), _FILE),
    Shortcut("import", "Ctrl+I", QT_TRANSLATE_NOOP("Shortcuts", "Import platform exports"), _FILE),
    Shortcut("report", "Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "Monthly report"), _FILE),
    Shortcut("backup", "Ctrl+B", QT_TRANSLATE_NOOP("Shortcuts", "Back up the database"), _FILE),
    Shortcut("lock", "Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Lock (when sign-in is on)"), _FILE),
    Shortcut("quit", "Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit"), _FILE),
    *(
        Shortcut(f"page_{n}", f"Ctrl+{n}", text, _GO)
        for n, text in enumerate(
            (
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Home"),
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Products"),
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Orders"),
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Service tickets"),
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Team tasks"),
                QT_TRANSLATE_NOOP("Shortcuts", "Go to Performance reviews"),
            ),
            start=1,
        )
    ),
    Shortcut("find", QKeySequence.StandardKey.Find, QT_TRANSLATE_NOOP("Shortcuts", "Search this page"), _PAGE),
    Shortcut("refresh", QKeySequence.StandardKey.Refresh, QT_TRANSLATE_NOOP("Shortcuts", "Refresh this page"), _PAGE),
    Shortcut("new", QKeySequence.StandardKey.New, QT_TRANSLATE_NOOP("Shortcuts", "New product, ticket or task"), _PAGE),
    Shortcut("export", "Ctrl+E", QT_TRANSLATE_NOOP("Shortcuts", "Export the list shown"), _PAGE),
    Shortcut("ship", "Ctrl+Shift+S", QT_TRANSLATE_NOOP("Shortcuts", "Ship orders"), _PAGE),
    Shortcut("save", QKeySequence.StandardKey.Save, QT_TRANSLATE_NOOP("Shortcuts", "Save (in a form)"), _PAGE),
    Shortcut("guide", QKeySequence.StandardKey.HelpContents, QT_TRANSLATE_NOOP("Shortcuts", "User guide"), _HELP),
    Shortcut("shortcuts", "Ctrl+/", QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"), _HELP),
)
BY_NAME = {s.name: s for s in SHORTCUTS}


def sequence(name: str) -> QKeySequence:
    return QKeySequence(BY_NAME[name].key)


def key_text(name: str) -> str:
    """The key as the user reads it ("Ctrl+I", "F5"; the platform's own names)."""
    return sequence(name).toString(QKeySequence.SequenceFormat.NativeText)


def bind(action: QAction, name: str) -> QAction:
    """Give ``action`` its key from the table, shown in menus and in its tooltip."""
    action.setShortcut(sequence(name))
    action.setShortcutVisibleInContextMenu(True)
    return action


def bind_button(button: QAbstractButton | None, name: str) -> None:
    """Give a dialog's button its key from the table (e.g. Save), named in its tooltip."""
    if button is not None:
        button.setShortcut(sequence(name))
        button.setToolTip(with_key(button.toolTip() or button.text().replace("&", ""), name))


def with_key(tip: str, name: str) -> str:
    """A tooltip followed by its key: "Import platform exports (Ctrl+I)"."""
    return f"{tip} ({key_text(name)})" if key_text(name) else tip


def description(shortcut: Shortcut) -> str:
    return QCoreApplication.translate(CONTEXT, shortcut.text)


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: the table above, grouped, in the UI language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str, bool]] = []
        group = ""
        for shortcut in SHORTCUTS:
            if shortcut.group != group:
                group = shortcut.group
                rows.append((QCoreApplication.translate(CONTEXT, group), "", True))
            rows.append((description(shortcut), key_text(shortcut.name), False))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, (text, keys, heading) in enumerate(rows):
            left, right = QTableWidgetItem(text), QTableWidgetItem(keys)
            if heading:
                font = left.font()
                font.setBold(True)
                left.setFont(font)
            right.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, left)
            self.table.setItem(row, 1, right)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 640)
