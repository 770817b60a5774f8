"""An empty state: what the page will hold, what to do next, and buttons that do it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sellerdesk.ui.widgets.util import named

EmptyAction = tuple[str, Callable[[], object]]  # (button text, what it does)


class EmptyState(QWidget):
    """A centred text over a row of buttons; ``buttons`` holds the current ones (tests click them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStateBox")
        self.label = named(QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self._row = QHBoxLayout()
        self._row.setSpacing(8)
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(8)
        layout.addLayout(self._row)
        layout.addStretch(2)

    def text(self) -> str:
        return self.label.text()

    def set_state(self, text: str, actions: Sequence[EmptyAction] = ()) -> None:
        self.label.setText(text)
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        while self._row.count():
            self._row.takeAt(0)
        self._row.addStretch(1)
        for caption, slot in actions:
            button = named(QPushButton(caption), "emptyStateButton")
            button.clicked.connect(lambda _checked=False, do=slot: do())
            self._row.addWidget(button)
            self.buttons.append(button)
        self._row.addStretch(1)
