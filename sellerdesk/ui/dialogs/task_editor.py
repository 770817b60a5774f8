"""Edit (or create) a team task: the fields, checklist, links, attachments and comments; the repeat rule of a
recurring task; what a promotion is for and, once it has ended, its effect.

Everything is saved at once with the task's version (someone else's save in between is a conflict);
a comment is added at once. Opening a link shows its screen where it has one (product editor, order
detail, another task) and says what it is otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.labels import PRIORITIES
from sellerdesk.domain.recurrence import LAST_DAY, Frequency, Rule
from sellerdesk.domain.timeutil import local_to_utc, utc_to_local, utcnow
from sellerdesk.services import promotions, task_recurrence, tasks
from sellerdesk.services.promotions import PromotionDraft, PromotionKind
from sellerdesk.services.shops import list_shops
from sellerdesk.services.tasks import ChecklistLine, LinkRef, TaskDraft
from sellerdesk.services.zones import house_timezone
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels, shortcuts
from sellerdesk.ui.dialogs.task_texts import FREQUENCIES, LINK_KINDS, WEEKDAYS, link_kind, promotion_kind
from sellerdesk.ui.widgets.util import named

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _local(instant: datetime, zone: str) -> QDateTime:
    local = utc_to_local(instant, zone)
    return QDateTime(_qdate(local.date()), QTime(local.hour, local.minute))


def _utc(value: QDateTime, zone: str) -> datetime:
    d, t = value.date(), value.time()
    return local_to_utc(datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()), zone)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    return edit


def _datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class TaskEditorDialog(QDialog):
    """``task_id`` None: a new task of ``mode`` ("task", "recurring" or "promotion")."""

    def __init__(
        self,
        runner: Any,
        task_id: int | None,
        *,
        mode: str = "task",
        now: datetime | None = None,
        on_saved: Callable[[int], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskEditor")
        self._runner = runner
        self._now = now or utcnow()
        self._on_saved = on_saved
        with runner.session_factory() as session:
            # The house zone, as the services read days and times of tasks and promotions (services/zones.py).
            self.zone = house_timezone(session)
            self.staff = tasks.list_staff(session)
            self.shops = list_shops(session)
            self.detail = tasks.get_task(session, task_id) if task_id is not None else None
            kind = self.detail.kind if self.detail else ("promotion" if mode == "promotion" else "task")
            series_id = self.detail.series_id if self.detail else None
            self.series = task_recurrence.get_series(session, series_id) if series_id else None
            self.promotion = promotions.get_promotion(session, task_id) if task_id and kind == "promotion" else None
            self.effect = (
                promotions.promotion_effect(session, task_id, self._now) if self.promotion and task_id else None
            )
        self.mode = (
            "promotion" if kind == "promotion" else ("recurring" if mode == "recurring" or self.series else "task")
        )
        self._build()
        self._load()
        self.resize(820, 640)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        titles = {
            "task": self.tr("New task"),
            "recurring": self.tr("New recurring task"),
            "promotion": self.tr("New promotion"),
        }
        self.setWindowTitle(self.tr("Edit task") if self.detail else titles[self.mode])
        self.title_edit = QLineEdit(placeholderText=self.tr("What needs doing"))
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("Unassigned"), None)
        for person in self.staff:
            self.assignee.addItem(person.name, person.id)
        self.priority = QComboBox()
        for code in PRIORITIES:
            self.priority.addItem(labels.priority(code), code)
        self.has_due = QCheckBox(self.tr("Due"))
        self.due_date = _date_edit()
        self.has_time = QCheckBox(self.tr("at"))
        self.due_time = _time_edit()
        self.has_due.toggled.connect(self._sync_due)
        self.has_time.toggled.connect(self._sync_due)
        self.description = QPlainTextEdit(placeholderText=self.tr("Details, steps, where to look"))
        self.description.setFixedHeight(84)

        due_row = QHBoxLayout()
        for w in (self.has_due, self.due_date, self.has_time, self.due_time):
            due_row.addWidget(w)
        due_row.addStretch(1)
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.addWidget(QLabel(self.tr("Title")), 0, 0)
        form.addWidget(self.title_edit, 0, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Assignee")), 1, 0)
        form.addWidget(self.assignee, 1, 1)
        form.addWidget(QLabel(self.tr("Priority")), 1, 2)
        form.addWidget(self.priority, 1, 3)
        form.addWidget(QLabel(self.tr("Due date")), 2, 0)
        form.addLayout(due_row, 2, 1, 1, 3)
        form.addWidget(QLabel(self.tr("Description")), 3, 0, Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.description, 3, 1, 1, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.tabs = QTabWidget()
        if self.mode == "promotion":
            self.tabs.addTab(self._promotion_tab(), self.tr("Promotion"))
        if self.mode == "recurring":
            self.tabs.addTab(self._repeat_tab(), self.tr("Repeat"))
        self.tabs.addTab(self._checklist_tab(), self.tr("Checklist"))
        self.tabs.addTab(self._links_tab(), self.tr("Links"))
        self.tabs.addTab(self._attachments_tab(), self.tr("Attachments"))
        self.tabs.addTab(self._comments_tab(), self.tr("Comments"))

        self.status_note = named(QLabel(wordWrap=True), "hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        shortcuts.bind_button(self.save_button, "save")
        self.done_button = buttons.addButton(self.tr("Mark done"), QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button.clicked.connect(self.mark_done)
        self.stop_button = buttons.addButton(self.tr("Stop repeating"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button.clicked.connect(self.stop_repeating)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_note)
        layout.addWidget(buttons)

    def _list_tab(self, widget: QListWidget, *rows: QHBoxLayout | QWidget) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(widget, 1)
        for row in rows:
            if isinstance(row, QHBoxLayout):
                box.addLayout(row)
            else:
                box.addWidget(row)
        return page

    @staticmethod
    def _row(*widgets: QWidget, stretch_first: bool = False) -> QHBoxLayout:
        row = QHBoxLayout()
        for n, w in enumerate(widgets):
            row.addWidget(w, 1 if stretch_first and n == 0 else 0)
        if not stretch_first:
            row.addStretch(1)
        return row

    @staticmethod
    def _search_row(kind: QComboBox, text: QLineEdit, find: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(kind)
        row.addWidget(text, 1)
        row.addWidget(find)
        return row

    def _checklist_tab(self) -> QWidget:
        self.checklist = named(QListWidget(), "taskChecklist")
        self.new_item = QLineEdit(placeholderText=self.tr("A step to tick off"))
        add, remove = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        self.new_item.returnPressed.connect(self.add_checklist_item)
        add.clicked.connect(self.add_checklist_item)
        remove.clicked.connect(lambda: self._remove_current(self.checklist))
        return self._list_tab(self.checklist, self._row(self.new_item, add, remove, stretch_first=True))

    def _links_tab(self) -> QWidget:
        self.links = QListWidget()
        self.links.itemActivated.connect(lambda _item: self.open_link())
        self.link_kind = QComboBox()
        for code in LINK_KINDS:
            self.link_kind.addItem(link_kind(code), code)
        self.link_search = QLineEdit(placeholderText=self.tr("Seller code, order number, subject, name or id"))
        find = QPushButton(self.tr("Find"))
        self.link_search.returnPressed.connect(self.find_links)
        find.clicked.connect(self.find_links)
        self.link_matches = QListWidget()
        self.link_matches.setMaximumHeight(110)
        self.link_matches.itemActivated.connect(self._add_link)
        open_button, remove = QPushButton(self.tr("Open")), QPushButton(self.tr("Remove"))
        open_button.clicked.connect(self.open_link)
        remove.clicked.connect(lambda: self._remove_current(self.links))
        hint = named(QLabel(self.tr("Double-click a match to link it; double-click a link to open it.")), "hint")
        return self._list_tab(
            self.links,
            self._row(open_button, remove),
            self._search_row(self.link_kind, self.link_search, find),
            self.link_matches,
            hint,
        )

    def _attachments_tab(self) -> QWidget:
        self.attachments = QListWidget()
        self.attachments.itemActivated.connect(lambda _item: self.open_attachment())
        add, open_button, remove = (
            QPushButton(self.tr("Add files…")),
            QPushButton(self.tr("Open")),
            QPushButton(self.tr("Remove")),
        )
        add.clicked.connect(self.add_attachments)
        open_button.clicked.connect(self.open_attachment)
        remove.clicked.connect(lambda: self._remove_current(self.attachments))
        hint = named(
            QLabel(self.tr("Files stay where they are on this computer; the task keeps a link to them.")), "hint"
        )
        return self._list_tab(self.attachments, self._row(add, open_button, remove), hint)

    def _comments_tab(self) -> QWidget:
        self.comments = QListWidget()
        self.comments.setWordWrap(True)
        self.comment_edit = QLineEdit(placeholderText=self.tr("Write a comment"))
        self.comment_button = QPushButton(self.tr("Add comment"))
        self.comment_edit.returnPressed.connect(self.add_comment)
        self.comment_button.clicked.connect(self.add_comment)
        return self._list_tab(self.comments, self._row(self.comment_edit, self.comment_button, stretch_first=True))

    def _repeat_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.frequency = QComboBox()
        for code in FREQUENCIES:
            self.frequency.addItem(FREQUENCIES[code](), code)
        self.interval = QSpinBox(minimum=1, maximum=366)
        self.weekday_boxes = [QCheckBox(name()) for name in WEEKDAYS]
        days = QHBoxLayout()
        for box in self.weekday_boxes:
            days.addWidget(box)
        days.addStretch(1)
        self.month_day = QSpinBox(minimum=1, maximum=31)
        self.last_day = QCheckBox(self.tr("The last day of the month"))
        self.last_day.toggled.connect(lambda on: self.month_day.setEnabled(not on))
        month = QHBoxLayout()
        month.addWidget(self.month_day)
        month.addWidget(self.last_day)
        month.addStretch(1)
        self.skip_holidays = QCheckBox(
            self.tr("Skip public holidays (China's official calendar, make-up workdays included)")
        )
        self.starts_on = _date_edit()
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.ends_on = _date_edit()
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        end = QHBoxLayout()
        end.addWidget(self.has_end)
        end.addWidget(self.ends_on)
        end.addStretch(1)
        self.frequency.currentIndexChanged.connect(self._sync_repeat)
        form.addRow(self.tr("Repeats"), self.frequency)
        form.addRow(self.tr("Every"), self.interval)
        form.addRow(self.tr("On"), days)
        form.addRow(self.tr("Day of the month"), month)
        form.addRow("", self.skip_holidays)
        form.addRow(self.tr("Starts on"), self.starts_on)
        form.addRow("", end)
        note = self.tr(
            "The next task appears on its day (shop time), done or not the one before. A month without the chosen "
            "day uses its last day. A skipped holiday drops a daily or weekly task and moves a monthly one to the "
            "next workday."
        )
        form.addRow(named(QLabel(note, wordWrap=True), "hint"))
        return page

    def _promotion_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.promo_kind = QComboBox()
        for code in PromotionKind:
            self.promo_kind.addItem(promotion_kind(code), code.value)
        self.promo_shop = QComboBox()
        self.promo_shop.addItem(self.tr("Every shop"), None)
        for shop in self.shops:
            self.promo_shop.addItem(f"{shop.name} · {labels.platform(shop.platform)}", shop.id)
        self.promo_start = _datetime_edit()
        self.promo_end = _datetime_edit()
        self.promo_skus = QListWidget()
        self.promo_skus.setMaximumHeight(110)
        self.sku_search = QLineEdit(placeholderText=self.tr("Seller code or title"))
        find, remove = QPushButton(self.tr("Find")), QPushButton(self.tr("Remove"))
        self.sku_search.returnPressed.connect(self.find_skus)
        find.clicked.connect(self.find_skus)
        remove.clicked.connect(lambda: self._remove_current(self.promo_skus))
        self.sku_matches = QListWidget()
        self.sku_matches.setMaximumHeight(90)
        self.sku_matches.itemActivated.connect(self._add_sku)
        self.effect_label = named(QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText), "promotionEffect")
        form.addRow(self.tr("Kind"), self.promo_kind)
        form.addRow(self.tr("Shop"), self.promo_shop)
        form.addRow(self.tr("Starts (shop time)"), self.promo_start)
        form.addRow(self.tr("Ends (shop time)"), self.promo_end)
        form.addRow(self.tr("SKUs"), self.promo_skus)
        form.addRow("", self._row(self.sku_search, find, remove, stretch_first=True))
        form.addRow("", self.sku_matches)
        form.addRow(self.tr("Effect"), self.effect_label)
        return page

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        today = utc_to_local(self._now, self.zone).date()
        self.due_date.setDate(_qdate(today))
        self.due_time.setTime(QTime(18, 0))
        d = self.detail
        if d is not None:
            self.title_edit.setText(d.title)
            self.description.setPlainText(d.description)
            self._select(self.assignee, d.assignee_id)
            self._select(self.priority, d.priority)
            self.has_due.setChecked(d.due_date is not None)
            if d.due_date:
                self.due_date.setDate(_qdate(d.due_date))
            self.has_time.setChecked(d.due_time is not None)
            if d.due_time:
                self.due_time.setTime(QTime(d.due_time.hour, d.due_time.minute))
            for line in d.checklist:
                self._checklist_item(line.text, line.done, line.id)
            for link in d.links:
                self._link_item(link.kind, link.target_id, link.label, link.exists)
            for attachment in d.attachments:
                self._attachment_item(attachment.path)
            self._show_comments(d)
            self.status_note.setText(self._status_text(d))
        else:
            self._select(self.priority, "normal")
            self.has_due.setChecked(self.mode != "task")
            self.status_note.setText(self.tr("Comments can be added once the task is saved."))
        self.comment_edit.setEnabled(d is not None)
        self.comment_button.setEnabled(d is not None)
        self.done_button.setVisible(d is not None and d.status != "done")
        self.stop_button.setVisible(self.series is not None)
        if self.mode == "recurring":
            self._load_rule(today)
        if self.mode == "promotion":
            self._load_promotion(today)
        self._sync_due()

    def _status_text(self, d: tasks.TaskDetail) -> str:
        parts = [labels.task_status(d.status)]
        if d.creator:
            parts.append(
                self.tr("created by {name} on {when}").format(
                    name=d.creator, when=fmt.shop_time(d.created_at, d.timezone)
                )
            )
        else:
            parts.append(self.tr("created on {when}").format(when=fmt.shop_time(d.created_at, d.timezone)))
        if d.completed_at:
            parts.append(self.tr("done on {when}").format(when=fmt.shop_time(d.completed_at, d.timezone)))
        if d.series_id:
            parts.append(self.tr("part of a recurring series ({day})").format(day=fmt.day(d.occurrence_on)))
        if d.cause:
            parts.append(self.tr("made by a task rule; it closes itself when the cause is gone"))
        return " · ".join(parts)

    def _load_rule(self, today: date) -> None:
        rule = self.series.rule if self.series else Rule(Frequency.WEEKLY, today, weekdays=frozenset({today.weekday()}))
        self._select(self.frequency, rule.frequency.value)
        self.interval.setValue(rule.interval)
        for n, box in enumerate(self.weekday_boxes):
            box.setChecked(n in rule.weekdays)
        self.last_day.setChecked(rule.month_day == LAST_DAY)
        self.month_day.setValue(rule.month_day if rule.month_day != LAST_DAY else 31)
        self.skip_holidays.setChecked(rule.skip_holidays)
        self.starts_on.setDate(_qdate(rule.starts_on))
        self.has_end.setChecked(rule.ends_on is not None)
        self.ends_on.setDate(_qdate(rule.ends_on or today))
        self.ends_on.setEnabled(rule.ends_on is not None)
        if self.series and self.series.due_time and not self.detail:
            self.due_time.setTime(QTime(self.series.due_time.hour, self.series.due_time.minute))
        self._sync_repeat()

    def _load_promotion(self, today: date) -> None:
        promo = self.promotion
        if promo is None:
            start = local_to_utc(datetime.combine(today, time()), self.zone)
            self.promo_start.setDateTime(_local(start, self.zone))
            self.promo_end.setDateTime(_local(start, self.zone).addDays(3))
            self.effect_label.setText(self.tr("Shown once the promotion has ended."))
            return
        self._select(self.promo_kind, promo.kind)
        self._select(self.promo_shop, promo.shop_id)
        self.promo_start.setDateTime(_local(promo.starts_at, self.zone))
        self.promo_end.setDateTime(_local(promo.ends_at, self.zone))
        for sku in promo.skus:
            self._sku_item(sku.id, sku.seller_code, sku.title)
        self.effect_label.setText(self._effect_text())

    def _effect_text(self) -> str:
        e = self.effect
        if e is None:
            return self.tr("Shown once the promotion has ended.")

        def uplift(bp: int | None) -> str:
            return self.tr("no sales before") if bp is None else ("+" if bp > 0 else "") + fmt.percent_bp(bp)

        return self.tr(
            "During: {units} units, {gmv} · the same length before: {units_before} units, {gmv_before}<br>"
            "<b>Uplift: units {units_uplift}, GMV {gmv_uplift}</b>"
        ).format(
            units=fmt.count(e.during.units),
            gmv=fmt.money(e.during.gmv_cents),
            units_before=fmt.count(e.before.units),
            gmv_before=fmt.money(e.before.gmv_cents),
            units_uplift=uplift(e.units_uplift_bp),
            gmv_uplift=uplift(e.gmv_uplift_bp),
        )

    def _show_comments(self, d: tasks.TaskDetail) -> None:
        self.comments.clear()
        for c in d.comments:
            who = c.author or self.tr("Someone")
            self.comments.addItem(f"{who} · {fmt.shop_time(c.created_at, d.timezone)}\n{c.body}")

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------ list items

    def _checklist_item(self, text: str, done: bool = False, item_id: int | None = None) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        item.setData(ID_ROLE, item_id)
        self.checklist.addItem(item)

    def _link_item(self, kind: str, target_id: int, label: str, exists: bool = True) -> None:
        for n in range(self.links.count()):
            if self.links.item(n).data(ID_ROLE) == (kind, target_id):
                return
        shown = label if exists else self.tr("(no longer exists)")
        item = QListWidgetItem(f"{link_kind(kind)} · {shown}")
        item.setData(ID_ROLE, (kind, target_id))
        self.links.addItem(item)

    def _attachment_item(self, path: str) -> None:
        item = QListWidgetItem(Path(path).name)
        item.setToolTip(path)
        item.setData(ID_ROLE, path)
        self.attachments.addItem(item)

    def _sku_item(self, sku_id: int, code: str, title: str) -> None:
        for n in range(self.promo_skus.count()):
            if self.promo_skus.item(n).data(ID_ROLE) == sku_id:
                return
        item = QListWidgetItem(f"{code} · {title}")
        item.setData(ID_ROLE, sku_id)
        self.promo_skus.addItem(item)

    @staticmethod
    def _remove_current(widget: QListWidget) -> None:
        row = widget.currentRow()
        if row >= 0:
            widget.takeItem(row)

    # ------------------------------------------------------------ slots

    def _sync_due(self) -> None:
        self.due_date.setEnabled(self.has_due.isChecked() and self.mode != "recurring")
        self.has_time.setEnabled(self.has_due.isChecked())
        self.due_time.setEnabled(self.has_due.isChecked() and self.has_time.isChecked())
        if self.mode == "recurring":  # the day comes from the rule; the time is the series'
            self.has_due.setChecked(True)
            self.has_due.setEnabled(False)

    def _sync_repeat(self) -> None:
        code = self.frequency.currentData()
        self.interval.setEnabled(code in ("daily", "weekly", "monthly"))
        for box in self.weekday_boxes:
            box.setEnabled(code == "weekly")
        self.month_day.setEnabled(code == "monthly" and not self.last_day.isChecked())
        self.last_day.setEnabled(code == "monthly")

    def add_checklist_item(self) -> None:
        text = self.new_item.text().strip()
        if text:
            self._checklist_item(text)
            self.new_item.clear()

    def find_links(self) -> None:
        kind = self.link_kind.currentData()
        with self._runner.session_factory() as session:
            found = tasks.find_link_targets(session, kind, self.link_search.text())
        own = self.detail.id if self.detail else None
        self.link_matches.clear()
        for info in found:
            if kind == "task" and info.target_id == own:
                continue
            item = QListWidgetItem(f"{link_kind(kind)} · {info.label}")
            item.setData(ID_ROLE, (kind, info.target_id, info.label))
            self.link_matches.addItem(item)
        if not self.link_matches.count():
            self.link_matches.addItem(self.tr("Nothing found."))

    def _add_link(self, item: QListWidgetItem) -> None:
        data = item.data(ID_ROLE)
        if data:
            self._link_item(data[0], data[1], data[2])

    def open_link(self) -> None:
        if self.links.currentRow() < 0:
            return
        item = self.links.currentItem()
        kind, target_id = item.data(ID_ROLE)
        if kind == "product":
            from sellerdesk.ui.dialogs.product_editor import ProductEditorDialog

            ProductEditorDialog(self._runner, target_id, parent=self).exec()
        elif kind == "order":
            from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog

            OrderDetailDialog(self._runner.session_factory, target_id, utcnow(), self._runner, parent=self).exec()
        elif kind == "task":
            TaskEditorDialog(self._runner, target_id, parent=self).exec()
        else:  # tickets and reviews have no screen of their own yet: say what the link is
            QMessageBox.information(self, link_kind(kind), item.text())

    def add_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Link files to the task"))
        for path in paths:
            self._attachment_item(path)

    def open_attachment(self) -> None:
        item = self.attachments.currentItem()
        if item is not None:
            path = item.data(ID_ROLE)
            if not Path(path).exists():
                QMessageBox.warning(
                    self, self.tr("File not found"), self.tr("{path} is not there any more.").format(path=path)
                )
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def find_skus(self) -> None:
        with self._runner.session_factory() as session:
            found = promotions.find_skus(session, self.sku_search.text())
        self.sku_matches.clear()
        for sku in found:
            item = QListWidgetItem(f"{sku.seller_code} · {sku.title}")
            item.setData(ID_ROLE, sku)
            self.sku_matches.addItem(item)
        if not found:
            self.sku_matches.addItem(self.tr("Nothing found."))

    def _add_sku(self, item: QListWidgetItem) -> None:
        sku = item.data(ID_ROLE)
        if sku:
            self._sku_item(sku.id, sku.seller_code, sku.title)

    def add_comment(self) -> None:
        text, d = self.comment_edit.text(), self.detail
        if d is None or not text.strip():
            return

        def added(_changes: object) -> None:
            self.comment_edit.clear()
            with self._runner.session_factory() as session:
                self._show_comments(tasks.get_task(session, d.id))

        self._runner.run(lambda s, _job: tasks.add_comment(s, d.id, text), on_success=added, parent=self)

    # ------------------------------------------------------------ saving

    def collect(self) -> TaskDraft:
        has_due = self.has_due.isChecked()
        checklist = []
        for n in range(self.checklist.count()):
            item = self.checklist.item(n)
            done = item.checkState() == Qt.CheckState.Checked
            checklist.append(ChecklistLine(item.text(), done, item.data(ID_ROLE)))
        links = tuple(LinkRef(*self.links.item(n).data(ID_ROLE)) for n in range(self.links.count()))
        paths = tuple(self.attachments.item(n).data(ID_ROLE) for n in range(self.attachments.count()))
        clock = self.due_time.time()
        return TaskDraft(
            title=self.title_edit.text(),
            description=self.description.toPlainText(),
            assignee_id=self.assignee.currentData(),
            due_date=_pydate(self.due_date.date()) if has_due else None,
            due_time=time(clock.hour(), clock.minute()) if has_due and self.has_time.isChecked() else None,
            priority=self.priority.currentData(),
            checklist=tuple(checklist),
            links=links,
            attachments=paths,
        )

    def rule(self) -> Rule:
        code = self.frequency.currentData()
        weekdays = frozenset(n for n, box in enumerate(self.weekday_boxes) if box.isChecked())
        return Rule(
            Frequency(code),
            _pydate(self.starts_on.date()),
            self.interval.value() if code != "weekdays" else 1,
            weekdays if code == "weekly" else frozenset(),
            LAST_DAY if self.last_day.isChecked() else self.month_day.value(),
            self.skip_holidays.isChecked(),
            _pydate(self.ends_on.date()) if self.has_end.isChecked() else None,
        )

    def promotion_draft(self) -> PromotionDraft:
        skus = tuple(self.promo_skus.item(n).data(ID_ROLE) for n in range(self.promo_skus.count()))
        return PromotionDraft(
            self.promo_kind.currentData(),
            _utc(self.promo_start.dateTime(), self.zone),
            _utc(self.promo_end.dateTime(), self.zone),
            skus,
            self.promo_shop.currentData(),
        )

    def save(self) -> None:
        draft = self.collect()
        job = self._save_job(draft)
        if job is not None:
            self._runner.run(job, on_success=self._saved, parent=self)

    def _save_job(self, draft: TaskDraft) -> Callable[[Any, Any], Any] | None:
        d = self.detail
        if d is None:
            if self.mode == "recurring":
                rule = self.rule()
                return lambda s, _j: task_recurrence.create_series(s, draft, rule, now=self._now)
            if self.mode == "promotion":
                promo = self.promotion_draft()
                return lambda s, _j: promotions.create_promotion(s, draft, promo)
            return lambda s, _j: tasks.create_task(s, draft)
        if self.mode == "promotion":
            promo = self.promotion_draft()
            return lambda s, _j: promotions.update_promotion(s, d.id, draft, promo, expected_version=d.version)
        if self.series is not None:
            scope = self.ask_scope()
            if scope is None:
                return None
            if scope == "series":
                return self._series_job(d, draft, self.series)
        return lambda s, _j: tasks.update_task(s, d.id, draft, expected_version=d.version)

    def _series_job(
        self, d: tasks.TaskDetail, draft: TaskDraft, series: task_recurrence.SeriesDetail
    ) -> Callable[[Any, Any], Any]:
        rule = self.rule()

        def job(session: Any, _job: Any) -> tasks.TaskSaved:
            tasks.update_task(session, d.id, draft, expected_version=d.version, detach=False)
            task_recurrence.update_series(
                session, series.id, draft, rule, expected_version=series.version, now=self._now
            )
            return tasks.TaskSaved(d.id)

        return job

    def ask_scope(self) -> str | None:
        """ "occurrence" (this task only), "series" (it and the open ones to come), or None (cancel)."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Recurring task"), self.tr("Save the changes to:"), parent=self
        )
        one = box.addButton(self.tr("This task only"), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(self.tr("This and the open tasks of the series"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "occurrence" if clicked is one else "series" if clicked is every else None

    def _saved(self, saved: tasks.TaskSaved) -> None:
        if self._on_saved is not None:
            self._on_saved(saved.task_id)
        self.accept()

    def mark_done(self) -> None:
        d = self.detail
        if d is not None:
            self._runner.run(
                lambda s, _j: tasks.complete_task(s, d.id, expected_version=d.version),
                on_success=lambda _c: self._saved(tasks.TaskSaved(d.id)),
                parent=self,
            )

    def stop_repeating(self) -> None:
        series = self.series
        if series is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Stop repeating"), self.tr("No new tasks will be made for this series. Stop it?")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._runner.run(
                lambda s, _j: task_recurrence.end_series(s, series.id, expected_version=series.version, now=self._now),
                on_success=lambda _c: self._saved(tasks.TaskSaved(self.detail.id if self.detail else 0)),
                parent=self,
            )
