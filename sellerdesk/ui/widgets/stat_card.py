"""Dashboard pieces: a figure card (month to date, today, each with its change) and a clickable work queue."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sellerdesk.ui.widgets.util import named, restyle


def _set_tone(label: QLabel, tone: str) -> None:
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        restyle(label)


class FigureCard(QFrame):
    """A caption, the month so far in big type with its change, then today with its change.

    Tones ("good", "bad", "") colour a change through the stylesheet.
    """

    def __init__(self, caption: str, today_caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.caption = named(QLabel(caption), "statCaption")
        self.side = named(QLabel(""), "statNote")  # a second figure beside the caption (e.g. the margin rate)
        self.value = named(QLabel("–"), "statValue")
        self.change = named(QLabel(""), "cardChange")
        self.today_caption = named(QLabel(today_caption), "statNote")
        self.today_value = named(QLabel("–"), "cardTodayValue")
        self.today_change = named(QLabel(""), "cardChange")
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.side)
        today = QHBoxLayout()
        today.setSpacing(6)
        today.addWidget(self.today_caption)
        today.addStretch(1)
        today.addWidget(self.today_value)
        today.addWidget(self.today_change)
        rule = named(QFrame(), "cardRule")
        rule.setFixedHeight(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.change)
        layout.addSpacing(3)
        layout.addWidget(rule)
        layout.addSpacing(3)
        layout.addLayout(today)

    def show_figures(
        self, value: str, change: tuple[str, str], today: str, today_change: tuple[str, str], side: str = ""
    ) -> None:
        """``change`` and ``today_change`` are (text, tone)."""
        self.value.setText(value)
        self.change.setText(change[0])
        _set_tone(self.change, change[1])
        self.today_value.setText(today)
        self.today_change.setText(today_change[0])
        _set_tone(self.today_change, today_change[1])
        self.side.setText(side)


class QueueButton(QPushButton):
    """One work queue: its name and what it holds on the left, the count on the right; click to open it."""

    def __init__(self, key: str, caption: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("queueButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(caption)
        self.caption = named(QLabel(caption), "queueCaption")
        self.note = named(QLabel(note), "statNote")
        self.count = named(QLabel("–"), "queueCount")
        self.arrow = named(QLabel("›"), "queueArrow")
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.caption)
        text.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 6, 3)  # seven rows beside the daily chart: a laptop screen shows both whole
        layout.addLayout(text, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.arrow)
        for label in (self.caption, self.note, self.count, self.arrow):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:
        """The labels' layout, not a push button's text (which it has none of)."""
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def show_count(self, text: str, tone: str = "") -> None:
        self.count.setText(text)
        self.setToolTip(f"{self.caption.text()}: {text}")
        _set_tone(self.count, tone)
