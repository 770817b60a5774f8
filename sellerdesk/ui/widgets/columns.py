"""Column choice, widths and order of a table, remembered by the table's name.

``remember_columns(view, name, settings)``: right-click the header to show or hide columns (one always
stays); dragging a column moves it; the header's state is saved a moment after each change and put back
when the table is built again (next start, another language, another theme). A saved state from a version
with other columns is ignored, so a new column is never hidden by an old setting.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from sellerdesk.ui import settings as keys
from sellerdesk.ui.settings import Settings

SAVE_DELAY_MS = 400


class ColumnMemory(QObject):
    """Saves and restores one table's header; owns its context menu."""

    def __init__(self, view: QTableView, name: str, settings: Settings) -> None:
        super().__init__(view)
        self.view = view
        self.name = name
        self._settings = settings
        self._setting = keys.table_columns(name)
        self._count_setting = keys.Setting(f"tables/{name}/columns", int, 0, "column count of the saved state")
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        header = self.header
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        header.setToolTip(self.tr("Drag a column to move it; right-click to choose the columns shown"))
        self._default = QByteArray(header.saveState())  # as the code built it: "Reset columns"
        self.restore()
        header.sectionResized.connect(self._changed)
        header.sectionMoved.connect(self._changed)

    @property
    def header(self) -> QHeaderView:
        return self.view.horizontalHeader()

    def restore(self) -> bool:
        state = self._settings.get(self._setting)
        model = self.view.model()
        count = model.columnCount() if model is not None else 0
        if state.isEmpty() or self._settings.get(self._count_setting) != count:
            return False
        sort = (self.header.sortIndicatorSection(), self.header.sortIndicatorOrder())
        restored = self.header.restoreState(state)
        self.header.setSortIndicator(*sort)  # the list's own sort stays: it is the model's, not the header's
        return restored

    def save(self) -> None:
        self._timer.stop()
        model = self.view.model()
        self._settings.set(self._setting, QByteArray(self.header.saveState()))
        self._settings.set(self._count_setting, model.columnCount() if model is not None else 0)

    def set_hidden(self, column: int, hidden: bool) -> None:
        visible = [c for c in range(self.header.count()) if not self.header.isSectionHidden(c)]
        if hidden and visible == [column]:
            return  # the last visible column stays
        self.header.setSectionHidden(column, hidden)
        self.save()

    def _changed(self) -> None:
        self._timer.start()

    def _menu(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.popup(self.header.viewport().mapToGlobal(pos))

    def menu(self) -> QMenu:
        """The header's menu: a check per column, and "Reset columns"."""
        menu = QMenu(self.view)
        model = self.view.model()
        for column in range(self.header.count()):
            title = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else column
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not self.header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_hidden(c, not shown))
        menu.addSeparator()
        menu.addAction(self.tr("Reset columns"), self.reset)
        return menu

    def reset(self) -> None:
        """Every column shown, in the order and widths the table was built with."""
        sort = (self.header.sortIndicatorSection(), self.header.sortIndicatorOrder())
        self.header.restoreState(self._default)
        self.header.setSortIndicator(*sort)
        self._timer.stop()
        self._settings.set(self._setting, QByteArray())
        self._settings.set(self._count_setting, 0)


def remember_columns(view: QTableView, name: str, settings: Settings) -> ColumnMemory:
    return ColumnMemory(view, name, settings)
