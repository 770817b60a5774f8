"""Board settings: the board's columns (each stands for a status) and the task rules (on/off, the role their
tasks go to, the late-to-ship threshold). Both are shared settings, saved version-checked."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.enums import Role, TaskStatus
from sellerdesk.services import task_rules, tasks
from sellerdesk.services.task_rules import RuleSetting
from sellerdesk.services.tasks import BoardColumn
from sellerdesk.ui import labels
from sellerdesk.ui.dialogs.task_texts import role, rule_name, rule_titles
from sellerdesk.ui.widgets.util import named


class _ColumnRow(QWidget):
    def __init__(self, column: BoardColumn, remove: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = column.key
        self.name = QLineEdit(column.name or labels.task_status(column.status))
        self.status = QComboBox()
        for status in TaskStatus:
            self.status.addItem(labels.task_status(status), status.value)
        self.status.setCurrentIndex(self.status.findData(column.status))
        drop = QPushButton(self.tr("Remove"))
        drop.clicked.connect(lambda: remove(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.status)
        row.addWidget(drop)

    def column(self) -> BoardColumn:
        status = self.status.currentData()
        name = self.name.text().strip()
        return BoardColumn(self.key, status, "" if name == labels.task_status(status) else name)


class TaskSettingsDialog(QDialog):
    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskSettings")
        self.setWindowTitle(self.tr("Board settings"))
        self._runner = runner
        with runner.session_factory() as session:
            self._columns = tasks.board_columns(session)
            self._columns_version = tasks.board_columns_version(session)
            self._rules = task_rules.rule_settings(session)
            self._rules_version = task_rules.rules_version(session)
        self.rows: list[_ColumnRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._columns_box())
        layout.addWidget(self._rules_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Board columns"))
        self._column_list = QVBoxLayout()
        for column in self._columns:
            self._add_row(column)
        add = QPushButton(self.tr("Add column"))
        add.clicked.connect(
            lambda: self._add_row(BoardColumn(self._new_key(), TaskStatus.DOING, self.tr("New column")))
        )
        hint = self.tr("Each column stands for a status; moving a card there gives the task that status.")
        outer = QVBoxLayout(box)
        outer.addLayout(self._column_list)
        outer.addWidget(add)
        outer.addWidget(named(QLabel(hint, wordWrap=True), "hint"))
        return box

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tasks made by events"))
        grid = QGridLayout(box)
        self.rule_widgets: dict[str, tuple[QCheckBox, QComboBox, QSpinBox | None]] = {}
        for n, (key, setting) in enumerate(self._rules.items()):
            on = QCheckBox(rule_name(key))
            on.setChecked(setting.enabled)
            who = QComboBox()
            for code in Role:
                who.addItem(role(code), code.value)
            who.setCurrentIndex(max(who.findData(setting.role), 0))
            threshold = None
            grid.addWidget(on, n, 0)
            grid.addWidget(QLabel(self.tr("for")), n, 1)
            grid.addWidget(who, n, 2)
            if key == "late_to_ship":
                threshold = QSpinBox(minimum=0, maximum=10_000, value=setting.threshold)
                threshold.setPrefix(self.tr("threshold "))
                grid.addWidget(threshold, n, 3)
            self.rule_widgets[key] = (on, who, threshold)
        hint = self.tr(
            "The rules run after every import and stock change: one task per cause, closed by itself once the "
            "cause is gone."
        )
        grid.addWidget(named(QLabel(hint, wordWrap=True), "hint"), len(self._rules), 0, 1, 4)
        return box

    def _new_key(self) -> str:
        taken = {r.key for r in self.rows}
        return next(f"column{n}" for n in range(1, 100) if f"column{n}" not in taken)

    def _add_row(self, column: BoardColumn) -> None:
        row = _ColumnRow(column, self._remove_row)
        self.rows.append(row)
        self._column_list.addWidget(row)

    def _remove_row(self, row: _ColumnRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def columns(self) -> tuple[BoardColumn, ...]:
        return tuple(r.column() for r in self.rows)

    def rules(self) -> dict[str, RuleSetting]:
        return {
            key: RuleSetting(on.isChecked(), who.currentData(), threshold.value() if threshold else 0)
            for key, (on, who, threshold) in self.rule_widgets.items()
        }

    def save(self) -> None:
        columns, rules, titles = self.columns(), self.rules(), rule_titles()
        cv, rv = self._columns_version, self._rules_version

        def job(session: Any, _job: Any) -> Any:
            changes = tasks.save_board_columns(session, columns, cv)
            task_rules.save_rule_settings(session, rules, rv)
            return changes | task_rules.run_task_rules(session, titles=titles).changes

        self._runner.run(job, on_success=lambda _c: self.accept(), parent=self)
