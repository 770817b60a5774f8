"""The service desk's clock, as the owner sets it: business hours, SLA policies, holiday overrides per year.

Three tabs over ``services.tickets.policies``; every save is version-checked (policies, hours) or replaces
one year's overrides at once. Changes apply to tickets opened from then on.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.business_time import library_knows
from sellerdesk.domain.enums import Platform, Priority, TicketCategory
from sellerdesk.services.tickets import policies
from sellerdesk.ui import labels
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.widgets.util import choice_combo, named

_PLATFORMS = (Platform.TAOBAO, Platform.JD, Platform.PDD, Platform.DOUYIN, Platform.KUAISHOU, Platform.XIAOHONGSHU)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SlaDialog(QDialog):
    def __init__(self, session_factory: sessionmaker[Session], runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slaDialog")
        self.setWindowTitle(self.tr("SLA and service hours"))
        self.resize(860, 560)
        self._factory = session_factory
        self._runner = runner
        tabs = named(QTabWidget(), "slaTabs")
        tabs.addTab(self._policies_page(), self.tr("SLA policies"))
        tabs.addTab(self._hours_page(), self.tr("Service hours"))
        tabs.addTab(self._holidays_page(), self.tr("Holidays and make-up days"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Changes apply to tickets opened from now on."))
        layout.addWidget(note)
        layout.addWidget(tabs, 1)
        layout.addWidget(close)
        self.reload()

    # ------------------------------------------------------------ pages

    def _policies_page(self) -> QWidget:
        self.policy_table = _table(
            "policyTable",
            [
                self.tr("Platform"),
                self.tr("Category"),
                self.tr("Priority"),
                self.tr("First response (min)"),
                self.tr("Resolution (h)"),
                self.tr("Clock"),
            ],
        )
        self.policy_table.currentCellChanged.connect(lambda *_a: self._show_policy())
        anything = self.tr("(any)")
        self.platform_combo = choice_combo(
            "policyPlatform", [(anything, ""), *((labels.platform(p.value), p.value) for p in _PLATFORMS)]
        )
        self.category_combo = choice_combo(
            "policyCategory", [(anything, ""), *((labels.ticket_category(c.value), c.value) for c in TicketCategory)]
        )
        self.priority_combo = choice_combo(
            "policyPriority", [(anything, ""), *((labels.priority(p.value), p.value) for p in Priority)]
        )
        self.first_minutes = named(QSpinBox(), "policyFirst")
        self.first_minutes.setRange(1, 7 * 24 * 60)
        self.resolution_hours = named(QSpinBox(), "policyResolution")
        self.resolution_hours.setRange(1, 60 * 24)
        self.business_box = named(QCheckBox(self.tr("Count business hours only")), "policyBusiness")
        self.business_box.setToolTip(
            self.tr("Off: the clock runs day and night, as the platforms' own after-sale timers do")
        )
        self.save_policy_button = named(QPushButton(self.tr("Save policy")), "savePolicy")
        self.save_policy_button.clicked.connect(lambda: self.save_policy(new=False))
        self.add_policy_button = named(QPushButton(self.tr("Add as new policy")), "addPolicy")
        self.add_policy_button.clicked.connect(lambda: self.save_policy(new=True))
        form = QFormLayout()
        row = QHBoxLayout()
        for w in (self.platform_combo, self.category_combo, self.priority_combo):
            row.addWidget(w)
        form.addRow(self.tr("Applies to:"), row)
        targets = QHBoxLayout()
        targets.addWidget(QLabel(self.tr("First response within")))
        targets.addWidget(self.first_minutes)
        targets.addWidget(QLabel(self.tr("min, resolution within")))
        targets.addWidget(self.resolution_hours)
        targets.addWidget(QLabel(self.tr("h")))
        targets.addStretch(1)
        form.addRow(self.tr("Targets:"), targets)
        form.addRow("", self.business_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_policy_button)
        buttons.addWidget(self.save_policy_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.policy_table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _hours_page(self) -> QWidget:
        self.start_edit = named(QTimeEdit(), "hoursStart")
        self.end_edit = named(QTimeEdit(), "hoursEnd")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.end_edit.setToolTip(self.tr("00:00 means midnight"))
        self.holidays_box = named(QCheckBox(self.tr("Closed on weekends and public holidays")), "hoursHolidays")
        self.holidays_box.setToolTip(
            self.tr(
                "The Chinese public-holiday calendar, make-up working days included; off: every day is a working day"
            )
        )
        self.save_hours_button = named(QPushButton(self.tr("Save hours")), "saveHours")
        self.save_hours_button.clicked.connect(self.save_hours)
        form = QFormLayout()
        form.addRow(self.tr("Opens at:"), self.start_edit)
        form.addRow(self.tr("Closes at:"), self.end_edit)
        form.addRow("", self.holidays_box)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_hours_button)
        layout.addLayout(row)
        return page

    def _holidays_page(self) -> QWidget:
        self.year_spin = named(QSpinBox(), "overrideYear")
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(QDate.currentDate().year() + 1)
        self.year_spin.valueChanged.connect(self._load_overrides)
        self.year_state = named(QLabel(), "overrideYearState")
        self.year_state.setWordWrap(True)
        self.override_table = _table("overrideTable", [self.tr("Date"), self.tr("Day"), self.tr("Note")])
        self.day_edit = named(QDateEdit(), "overrideDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.working_combo = choice_combo(
            "overrideWorking", [(self.tr("Day off"), "off"), (self.tr("Working day"), "on")]
        )
        self.note_edit = named(QLineEdit(), "overrideNote")
        self.note_edit.setPlaceholderText(self.tr("e.g. National Day, make-up day"))
        add = named(QPushButton(self.tr("Add")), "addOverride")
        add.clicked.connect(self.add_override)
        remove = named(QPushButton(self.tr("Remove")), "removeOverride")
        remove.clicked.connect(self.remove_override)
        self.save_overrides_button = named(QPushButton(self.tr("Save this year")), "saveOverrides")
        self.save_overrides_button.clicked.connect(self.save_overrides)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addWidget(self.year_state, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.day_edit)
        entry.addWidget(self.working_combo)
        entry.addWidget(self.note_edit, 1)
        entry.addWidget(add)
        entry.addWidget(remove)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.override_table, 1)
        layout.addLayout(entry)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_overrides_button)
        layout.addLayout(row)
        return page

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        with self._factory.begin() as session:  # the presets are written on first use
            self._policies = policies.list_policies(session)
            self._hours = policies.service_hours(session)
        self._fill_policies()
        self.start_edit.setTime(QTime(self._hours.start.hour, self._hours.start.minute))
        end = self._hours.end or time(0)
        self.end_edit.setTime(QTime(end.hour, end.minute))
        self.holidays_box.setChecked(self._hours.observe_holidays)
        self._load_overrides()

    def _fill_policies(self) -> None:
        current = self.policy_table.currentRow()
        self.policy_table.setRowCount(len(self._policies))
        anything = self.tr("(any)")
        for n, p in enumerate(self._policies):
            cells = (
                labels.platform(p.platform) if p.platform else anything,
                labels.ticket_category(p.category) if p.category else anything,
                labels.priority(p.priority) if p.priority else anything,
                str(p.first_response_s // 60),
                f"{p.resolution_s / 3600:g}",
                self.tr("business hours") if p.business_hours else self.tr("day and night"),
            )
            for c, text in enumerate(cells):
                self.policy_table.setItem(n, c, QTableWidgetItem(text))
        self.policy_table.setCurrentCell(max(current, 0), 0)
        self._show_policy()

    def _show_policy(self) -> None:
        n = self.policy_table.currentRow()
        if not 0 <= n < len(self._policies):
            return
        p = self._policies[n]
        for combo, value in (
            (self.platform_combo, p.platform),
            (self.category_combo, p.category),
            (self.priority_combo, p.priority),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.first_minutes.setValue(max(p.first_response_s // 60, 1))
        self.resolution_hours.setValue(max(p.resolution_s // 3600, 1))
        self.business_box.setChecked(p.business_hours)

    def _load_overrides(self) -> None:
        year = self.year_spin.value()
        with self._factory() as session:
            self._overrides = list(policies.list_overrides(session, year))
        self.day_edit.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.day_edit.setDate(QDate(year, 1, 1))
        if library_knows(year):
            text = self.tr("The holiday calendar knows {year}: add only your own changes.")
        else:
            text = self.tr("The holiday calendar does not know {year} yet: enter its holidays and make-up days.")
        self.year_state.setText(text.format(year=year))
        self._fill_overrides()

    def _fill_overrides(self) -> None:
        self._overrides.sort(key=lambda o: o.day)
        self.override_table.setRowCount(len(self._overrides))
        for n, o in enumerate(self._overrides):
            day = self.tr("Working day") if o.working else self.tr("Day off")
            for c, text in enumerate((o.day.isoformat(), day, o.note)):
                self.override_table.setItem(n, c, QTableWidgetItem(text))

    # ------------------------------------------------------------ actions

    def save_policy(self, *, new: bool) -> None:
        n = self.policy_table.currentRow()
        current = self._policies[n] if 0 <= n < len(self._policies) and not new else None
        edit = policies.PolicyEdit(
            platform=self.platform_combo.currentData(),
            category=self.category_combo.currentData(),
            priority=self.priority_combo.currentData(),
            first_response_s=self.first_minutes.value() * 60,
            resolution_s=self.resolution_hours.value() * 3600,
            business_hours=self.business_box.isChecked(),
            policy_id=current.id if current else None,
            expected_version=current.version if current else 0,
        )
        self._runner.run(
            lambda s, _job: policies.save_policy(s, edit), on_success=lambda _c: self.reload(), parent=self
        )

    def save_hours(self) -> None:
        start, end = self.start_edit.time(), self.end_edit.time()
        hours = policies.ServiceHours(
            time(start.hour(), start.minute()),
            None if (end.hour(), end.minute()) == (0, 0) else time(end.hour(), end.minute()),
            self.holidays_box.isChecked(),
            self._hours.version,
        )
        self._runner.run(
            lambda s, _job: policies.save_service_hours(s, hours), on_success=lambda _c: self.reload(), parent=self
        )

    def add_override(self) -> None:
        picked = self.day_edit.date()
        day = date(picked.year(), picked.month(), picked.day())
        working = self.working_combo.currentData() == "on"
        self._overrides = [o for o in self._overrides if o.day != day]
        self._overrides.append(policies.DayOverride(day, working, self.note_edit.text().strip()))
        self._fill_overrides()

    def remove_override(self) -> None:
        n = self.override_table.currentRow()
        if 0 <= n < len(self._overrides):
            del self._overrides[n]
            self._fill_overrides()

    def save_overrides(self) -> None:
        year, days = self.year_spin.value(), list(self._overrides)
        self._runner.run(
            lambda s, _job: policies.replace_overrides(s, year, days),
            on_success=lambda _c: self._load_overrides(),
            parent=self,
        )
