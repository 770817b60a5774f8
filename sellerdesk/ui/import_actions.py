"""File → Import…, File → Import history…, and dropping export files on the window.

Installed on a main window once it has its database (``app.DesktopApp`` calls ``install``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent

from sellerdesk.ui import shortcuts
from sellerdesk.ui.dialogs.import_dialog import ImportDialog
from sellerdesk.ui.dialogs.import_history import ImportHistoryDialog
from sellerdesk.ui.main_window import MainWindow
from sellerdesk.ui.resources import icon

IMPORT_SUFFIXES = {".csv", ".xlsx", ".xls", ".xlsm", ".txt", ".tsv"}


class ImportActions(QObject):
    """Owns the import actions of one window and accepts files dropped anywhere on it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_action = shortcuts.bind(QAction(icon("import"), self.tr("&Import exports…"), window), "import")
        self.import_action.setStatusTip(self.tr("Import order exports from Taobao/Tmall, JD, Pinduoduo or Douyin"))
        self.import_action.triggered.connect(self.choose_and_import)
        self.history_action = QAction(icon("history"), self.tr("Import &history…"), window)
        self.history_action.triggered.connect(self.show_history)
        window.insert_file_action(self.import_action)
        window.insert_file_action(self.history_action)
        window.import_requested.connect(self.choose_and_import)  # empty states' "Import exports…"
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def choose_and_import(self) -> None:
        paths = ImportDialog.choose_files(self.window)
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[Path]) -> ImportDialog | None:
        if self.window.runner is None:
            return None
        dialog = ImportDialog(self.window.runner, paths, self.window)
        dialog.imported.connect(lambda _results: self.window.show_status(self.tr("Import finished."), 8000))
        dialog.open()
        return dialog

    def show_history(self) -> None:
        if self.window.runner is not None:
            ImportHistoryDialog(self.window.runner, self.window).open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if dropped_files(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_files(event)
            if paths:
                event.acceptProposedAction()
                self.import_files(paths)
                return True
        return super().eventFilter(watched, event)


def dropped_files(event: QDropEvent) -> list[Path]:
    """Local files with an export's suffix; anything else is not ours to take."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]


def install(window: MainWindow) -> ImportActions:
    return ImportActions(window)
