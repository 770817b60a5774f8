"""Someone else saved the record being edited: what they changed (theirs against yours), reload or apply ours.

A handful of fields at most, so a tree widget (no model) is the right size here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.conflicts import Difference
from sellerdesk.ui.staff_texts import field_name, field_value
from sellerdesk.ui.theme import status_colour


class ConflictDialog(QDialog):
    """``ask()`` returns RELOAD (take theirs, drop ours), APPLY_MINE (ours on top of theirs) or CANCEL."""

    CANCEL, RELOAD, APPLY_MINE = 0, 1, 2

    def __init__(
        self, differences: Sequence[Difference], parts: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = self.CANCEL
        self._parts = parts or {}
        intro = QLabel(
            self.tr(
                "Someone else saved this item while you were editing it. What they changed is listed below; "
                "fields you both changed are in red."
            ),
            wordWrap=True,
        )
        self.table = QTreeWidget()
        self.table.setObjectName("conflictFields")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Field"), self.tr("Theirs (saved)"), self.tr("Yours")])
        for difference in differences:
            self._add(difference)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("Reload theirs"))
        self.reload_button.setToolTip(self.tr("Drop your edit and show the item as it is saved now"))
        self.apply_button = QPushButton(self.tr("Apply mine on top"))
        self.apply_button.setToolTip(self.tr("Keep their changes and save the fields you changed over them"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.reload_button.clicked.connect(lambda: self._choose(self.RELOAD))
        self.apply_button.clicked.connect(lambda: self._choose(self.APPLY_MINE))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 320)

    @classmethod
    def ask(
        cls, parent: QWidget | None, differences: Sequence[Difference], parts: Mapping[str, str] | None = None
    ) -> int:
        dialog = cls(differences, parts, parent)
        dialog.exec()
        return dialog.choice

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def _add(self, difference: Difference) -> None:
        part, name = difference.key
        label = field_name(name)
        where = self._parts.get(part, "")
        text = f"{where} · {label}" if where else label
        item = QTreeWidgetItem([text, field_value(name, difference.theirs), field_value(name, difference.mine)])
        if difference.clash:
            for column in range(3):
                item.setForeground(column, QBrush(status_colour("error")))
        self.table.addTopLevelItem(item)
