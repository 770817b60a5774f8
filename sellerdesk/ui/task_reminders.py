"""Keeps the team tasks moving without anyone asking: recurring tasks appear on their day, the task rules run
after imports and stock changes, and overdue tasks are announced in the system tray where there is one.

Signals:
    counted(overdue, due_today): after each check.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from sellerdesk.domain.changes import Changes
from sellerdesk.ui.resources import icon

CHECK_INTERVAL_MS = 10 * 60 * 1000  # a new day's occurrences and newly late tasks within ten minutes
_RULE_TRIGGERS = ("orders", "stock", "products", "imports")


class TaskReminders(QObject):
    counted = Signal(int, int)

    def __init__(self, runner: Any, window: QWidget, open_queue: Any = None) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._open_queue = open_queue
        self._announced = 0
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip(self.tr("SellerDesk"))
            self.tray.messageClicked.connect(self._on_message_clicked)
            self.tray.show()
        self._timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._rules_timer = QTimer(self, singleShot=True, interval=0)  # one run for a burst of jobs
        self._rules_timer.timeout.connect(self.run_rules)

    def start(self) -> None:
        """Check now and every few minutes. The rules wait for the first change: opening a database
        changes nothing in it but the recurring tasks whose day has come."""
        self._timer.start()
        self.check()

    def on_changes(self, changes: Changes) -> None:
        """After a job that changed orders, stock or products: the task rules look again."""
        if any(getattr(changes, kind) for kind in _RULE_TRIGGERS):
            self._rules_timer.start()

    def run_rules(self) -> None:
        from sellerdesk.services import task_rules
        from sellerdesk.ui.dialogs.task_texts import rule_titles

        titles = rule_titles()
        self._runner.run(lambda s, _j: task_rules.run_task_rules(s, titles=titles), on_error=lambda _e: None)

    def check(self) -> None:
        from sellerdesk.services import task_recurrence

        self._runner.run(lambda s, _j: task_recurrence.check_reminders(s), on_success=self._on_checked)

    def _on_checked(self, reminders: Any) -> None:
        self.counted.emit(reminders.overdue, reminders.due_today)
        if reminders.overdue > self._announced and self.tray is not None:
            text = self.tr("%n task(s) overdue. Click to see them.", "", reminders.overdue)
            self.tray.showMessage(self.tr("Team tasks"), text, QSystemTrayIcon.MessageIcon.Warning)
        self._announced = reminders.overdue

    def _on_message_clicked(self) -> None:
        if self._open_queue is not None:
            self._open_queue("tasks_overdue")
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
