"""Shipping deadlines: how many hours after payment each platform allows before an order is late to ship."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from sellerdesk.services import orders as svc
from sellerdesk.services.orders import ShipDeadlines
from sellerdesk.ui import labels
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.widgets.util import named


class ShipDeadlinesDialog(QDialog):
    """One spin box per platform; saving is refused (with a prompt to reload) if someone saved meanwhile."""

    def __init__(self, runner: Runner, current: ShipDeadlines, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.current = current
        self.setWindowTitle(self.tr("Shipping deadlines"))
        intro = QLabel(
            self.tr(
                "An order is late to ship when it is still unshipped this many hours after payment. "
                "Use the deadline each platform sets for your shops."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.boxes: dict[str, QSpinBox] = {}
        for platform, hours in current.hours.items():
            box = named(QSpinBox(), f"hours_{platform}")
            box.setRange(1, svc.MAX_SHIP_HOURS)
            box.setSuffix(self.tr(" h"))
            box.setValue(hours)
            form.addRow(labels.platform(platform), box)
            self.boxes[platform] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def hours(self) -> dict[str, int]:
        return {platform: box.value() for platform, box in self.boxes.items()}

    def save(self) -> None:
        hours, version, actor = self.hours(), self.current.version, self.runner.actor
        self.runner.run(
            lambda session, _job: svc.set_ship_deadlines(session, hours, version, actor=actor),
            on_success=lambda _changes: self.accept(),
            parent=self,
        )
