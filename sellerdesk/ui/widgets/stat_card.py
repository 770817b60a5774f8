"""A dashboard figure: a caption, a big value and a short note, on a card."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sellerdesk.ui.widgets.util import named, restyle


class StatCard(QFrame):
    """``tone`` ("", "warning", "danger") colours the value through the stylesheet."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.caption = named(QLabel(caption), "statCaption")
        self.value = named(QLabel("–"), "statValue")
        self.note = named(QLabel(""), "statNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def show_value(self, value: str, note: str = "", tone: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        if self.value.property("tone") != tone:
            self.value.setProperty("tone", tone)
            restyle(self.value)


class AttentionRow(QFrame):
    """One line of the "needs attention" list: caption and note on the left, the count on the right."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionRow")
        self.caption = named(QLabel(caption), "attentionCaption")
        self.note = named(QLabel(""), "statNote")
        self.note.setWordWrap(True)
        self.value = named(QLabel("–"), "attentionValue")
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.caption)
        text.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.value)

    def show_value(self, value: str, note: str = "", tone: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        if self.value.property("tone") != tone:
            self.value.setProperty("tone", tone)
            restyle(self.value)
