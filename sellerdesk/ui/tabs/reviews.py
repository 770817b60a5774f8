"""Monthly performance reviews: the month's reviews the signed-in person may see (the service decides which:
their own; a manager their team's; the owner all), filtered by status, role and name, or the reviews waiting
for them (Home's queue). Managers create the month's reviews in one action and edit the KPI templates; one
review or the whole team's month is exported to xlsx; a person's scores over the months are charted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCollator, QLocale, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import ReviewStatus
from sellerdesk.domain.permissions import OWNER, Action, Actor, can
from sellerdesk.domain.reviews import REVIEWED_ROLES, TEMPLATE_ROLES
from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_today
from sellerdesk.services import reviews as svc
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels, review_texts
from sellerdesk.ui.report_actions import month_key, month_text, recent_months
from sellerdesk.ui.resources import icon
from sellerdesk.ui.tablemodels.rows_model import RowsModel
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sellerdesk.ui.dialogs.kpi_templates import KpiTemplatesDialog
    from sellerdesk.ui.dialogs.review_editor import ReviewEditorDialog
    from sellerdesk.ui.dialogs.review_trend import ReviewTrendDialog
    from sellerdesk.ui.runner import Job, Runner

QUEUES = ("reviews_waiting",)  # Home's queue this tab shows
MONTHS_OFFERED = 24
WAITING = "waiting"  # the month combo's entry for Home's queue: every month, only what waits for me
SCORE_COLUMN = 3


class _SortProxy(QSortFilterProxyModel):
    """Sorts by the stored value (a score, a month) where the shown text would sort wrongly."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._collator = QCollator(QLocale())

    def lessThan(self, left: Any, right: Any) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        a, b = model.row_at(left.row()), model.row_at(right.row())
        if a is None or b is None:
            return False
        key = _sort_key(a, left.column())
        other = _sort_key(b, right.column())
        if isinstance(key, str) and isinstance(other, str):
            return self._collator.compare(key, other) < 0  # names in the UI language's order (pinyin)
        return bool(key < other)


def _sort_key(row: Any, column: int) -> Any:
    keys = (
        row.staff_name,
        row.staff_role,
        row.month,
        row.score_bp if row.score_bp is not None else -1,
        row.grade or "Z",
        list(ReviewStatus).index(ReviewStatus(row.status)) if row.status in set(ReviewStatus) else 9,
        row.waiting_on,
    )
    return keys[column] if 0 <= column < len(keys) else ""


class _ReviewRows(RowsModel[Any]):
    """The reviews' rows; the score right-aligned, as figures are everywhere."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == SCORE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class ReviewsTab(QWidget):
    key = "reviews"
    icon_name = "reviews"
    stale_on = frozenset({"reviews", "staff", "tasks"})

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewsTab")
        self.runner = runner
        self._stale = True
        self._rows: tuple[Any, ...] = ()
        self._dialogs: dict[int, ReviewEditorDialog] = {}
        self._build()

    # ------------------------------------------------------------ public

    @property
    def actor(self) -> Actor:
        return getattr(self.runner, "actor", OWNER)

    @property
    def stale(self) -> bool:
        return self._stale

    @property
    def rows(self) -> tuple[Any, ...]:
        """The reviews loaded (before the status, role and name filters)."""
        return self._rows

    def title(self) -> str:
        return self.tr("Performance reviews")

    def month(self) -> str:
        """The month shown ("YYYY-MM"), or "waiting" for the reviews waiting for the signed-in person."""
        return str(self.month_combo.currentData())

    def set_month(self, month: str) -> None:
        index = self.month_combo.findData(month)
        if index < 0:
            self.month_combo.addItem(month, month)
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)  # reloads

    def apply_queue(self, key: str) -> None:
        """Home's "Reviews waiting for me": exactly the list its count is taken from."""
        if key not in QUEUES:
            raise ValueError(f"unknown review queue {key!r}")
        for combo in (self.status_filter, self.role_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.set_month(WAITING)
        self.reload()

    def reload(self) -> None:
        self._stale = False
        month, actor = self.month(), self.actor
        if month == WAITING:
            job = lambda s, _j: svc.reviews_waiting_for(s, actor)  # noqa: E731
        else:
            job = lambda s, _j: svc.review_summaries(s, actor, month)  # noqa: E731
        self.runner.run(job, on_success=self._show_rows, parent=self, writes=False)

    def on_changes(self, changes: Changes) -> None:
        if any(getattr(changes, kind, False) for kind in self.stale_on):
            self._stale = True
            if self.isVisible():
                self.reload()

    def selected_row(self) -> Any | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select_review(self, review_id: int) -> bool:
        for n in range(self.proxy.rowCount()):
            row = self.model.row_at(self.proxy.mapToSource(self.proxy.index(n, 0)).row())
            if row is not None and row.id == review_id:
                self.view.selectRow(n)
                return True
        return False

    def visible_rows(self) -> list[Any]:
        found = []
        for n in range(self.proxy.rowCount()):
            row = self.model.row_at(self.proxy.mapToSource(self.proxy.index(n, 0)).row())
            if row is not None:
                found.append(row)
        return found

    def open_review(self, review_id: int) -> ReviewEditorDialog:
        """The review's own window (not modal: several can stay open beside the list)."""
        from sellerdesk.ui.dialogs.review_editor import ReviewEditorDialog

        if review_id in self._dialogs:
            dialog = self._dialogs[review_id]
            dialog.reload()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = ReviewEditorDialog(self.runner, review_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialogs.pop(review_id, None))
        dialog.destroyed.connect(lambda: self._dialogs.pop(review_id, None))
        dialog.show()
        self._dialogs[review_id] = dialog
        return dialog

    def create_month(self) -> Job | None:
        """Make the shown month's reviews for everyone who has none yet (managers and the owner)."""
        month, actor = self.month(), self.actor
        if month == WAITING:
            month = month_key(self._this_month())
        if not self.confirm_create(month):
            return None
        return self.runner.run(
            lambda s, _j: svc.create_month_reviews(s, actor, month),
            on_success=self._month_created,
            label=self.tr("Creating the reviews of {month}…").format(month=_month_name(month)),
            parent=self,
        )

    def confirm_create(self, month: str) -> bool:
        """Ask before making a month's reviews (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Create reviews"),
            self.tr(
                "Create the reviews of {month} for every active staff member who has none yet? Their KPI lines "
                "come from their role's template; the actuals fill themselves from the shop's data."
            ).format(month=_month_name(month)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def edit_templates(self) -> KpiTemplatesDialog:
        from sellerdesk.ui.dialogs.kpi_templates import KpiTemplatesDialog

        dialog = KpiTemplatesDialog(self.runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_trend(self, staff_id: int | None = None) -> ReviewTrendDialog | None:
        from sellerdesk.ui.dialogs.review_trend import ReviewTrendDialog

        if staff_id is None:
            row = self.selected_row()
            staff_id = row.staff_id if row is not None else self.actor.staff_id
        if staff_id is None:
            return None
        dialog = ReviewTrendDialog(self.runner, staff_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_review(self, path: str | None = None) -> Job | None:
        """The selected review as a scorecard workbook."""
        from sellerdesk.ui.dialogs.review_export import export_review

        row = self.selected_row()
        if row is None:
            return None
        return export_review(self, self.runner, row.id, f"{row.staff_name} {row.month}", path)

    def export_month(self, path: str | None = None) -> Job | None:
        """Every review of the shown month the signed-in person may see, one workbook."""
        from sellerdesk.ui.dialogs.review_export import export_month

        month = self.month()
        if month == WAITING:
            return None
        return export_month(self, self.runner, month, path)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        actor = self.actor
        title = named(QLabel(self.title()), "pageTitle")
        self._count = named(QLabel(), "pageCount")
        self.create_button = named(QPushButton(self.tr("Create this month's reviews")), "createReviews")
        self.create_button.setToolTip(
            self.tr("Make the shown month's review for every active staff member who has none yet")
        )
        self.create_button.clicked.connect(lambda: self.create_month())
        self.templates_button = named(QPushButton(self.tr("KPI templates…")), "kpiTemplates")
        self.templates_button.setToolTip(self.tr("The KPI lines of each role, their weights and scoring; the grades"))
        self.templates_button.clicked.connect(lambda: self.edit_templates())
        self.export_button = named(QPushButton(self.tr("Export")), "exportReviews")
        menu = QMenu(self.export_button)
        self.export_one_action = menu.addAction(self.tr("This review…"), lambda: self.export_review())
        self.export_month_action = menu.addAction(self.tr("The team's month…"), lambda: self.export_month())
        self.export_button.setMenu(menu)
        self.trend_button = named(QPushButton(self.tr("Score trend…")), "reviewTrend")
        self.trend_button.setToolTip(self.tr("The selected person's scores over the months"))
        self.trend_button.clicked.connect(lambda: self.show_trend())
        self.open_button = named(QPushButton(self.tr("Open")), "openReview")
        self.open_button.clicked.connect(self._open_selected)
        # Offer only what the role may do; the services refuse the rest anyway.
        self.create_button.setVisible(can(actor, Action.EDIT_REVIEWS))
        self.templates_button.setVisible(can(actor, Action.EDIT_KPI_TEMPLATES))
        self.export_month_action.setVisible(can(actor, Action.VIEW_OTHERS_REVIEWS))

        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self._count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.templates_button)
        top.addWidget(self.create_button)

        self.month_combo = named(QComboBox(), "reviewMonth")
        self.month_combo.setToolTip(self.tr("The month of the reviews"))
        for month in recent_months(self._this_month_date(), MONTHS_OFFERED):
            self.month_combo.addItem(month_text(month), month_key(month))
        self.month_combo.addItem(self.tr("Waiting for me (every month)"), WAITING)
        self.month_combo.currentIndexChanged.connect(self.reload)
        self.status_filter = named(QComboBox(), "reviewStatusFilter")
        self.status_filter.addItem(self.tr("Any status"), "")
        for status in ReviewStatus:
            self.status_filter.addItem(labels.review_status(status.value), status.value)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.role_filter = named(QComboBox(), "reviewRoleFilter")
        self.role_filter.addItem(self.tr("Every role"), "")
        for role in (r for r in TEMPLATE_ROLES if r in REVIEWED_ROLES):
            self.role_filter.addItem(labels.staff_role(role.value), role.value)
        self.role_filter.currentIndexChanged.connect(self._apply_filters)
        self.role_filter.setVisible(can(actor, Action.VIEW_OTHERS_REVIEWS))
        self.search_box = named(QLineEdit(placeholderText=self.tr("Search staff member")), "searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setVisible(can(actor, Action.VIEW_OTHERS_REVIEWS))
        self.search_box.textChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(QLabel(self.tr("Month")))
        filters.addWidget(self.month_combo)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.role_filter)
        filters.addWidget(self.search_box, 1)
        if not self.search_box.isVisibleTo(self):
            filters.addStretch(1)

        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addWidget(self.trend_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)

        self.model: RowsModel[Any] = _ReviewRows(self._headers(), self._cells, self, tooltip=self._tooltip)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = self._build_view()
        self._empty = named(QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter), "emptyState")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self._empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self._stack, 1)
        self._enable_actions()

    def _headers(self) -> list[str]:
        return [
            self.tr("Staff member"),
            self.tr("Role"),
            self.tr("Month"),
            self.tr("Score"),
            self.tr("Grade"),
            self.tr("Status"),
            self.tr("Waiting for"),
        ]

    def _cells(self, row: Any) -> list[str]:
        return [
            row.staff_name,
            labels.staff_role(row.staff_role),
            row.month,
            fmt.score_bp(row.score_bp),
            row.grade,
            _status_text(row.status, row.submitted),
            review_texts.waiting(row.waiting_on),
        ]

    def _tooltip(self, row: Any, column: int) -> str:
        if column == 5 and row.submitted and row.status == ReviewStatus.MANAGER_REVIEW:
            return self.tr("Submitted by the manager: the actuals are frozen; the person acknowledges it next")
        return ""

    def _build_view(self) -> QTableView:
        view = named(QTableView(), "dataTable")
        view.setModel(self.proxy)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setShowGrid(False)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(34)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 170, 100, 90, 70, 190)):
            header.resizeSection(column, width)
        view.doubleClicked.connect(lambda _index: self._open_selected())
        view.selectionModel().currentChanged.connect(lambda *_: self._enable_actions())
        return view

    # ------------------------------------------------------------ showing

    def _show_rows(self, rows: Sequence[Any]) -> None:
        self._rows = tuple(rows)
        self.model.set_rows(self._rows)
        self._apply_filters()

    def _apply_filters(self) -> None:
        status, role = self.status_filter.currentData(), self.role_filter.currentData()
        term = self.search_box.text().strip().casefold()
        shown = [
            r
            for r in self._rows
            if (not status or r.status == status)
            and (not role or r.staff_role == role)
            and (not term or term in r.staff_name.casefold())
        ]
        self.model.set_rows(shown)
        self._count.setText(self.tr("%Ln review(s)", "", len(shown)))
        if shown:
            self._stack.setCurrentWidget(self.view)
        else:
            self._empty.setText(self._empty_text())
            self._stack.setCurrentWidget(self._empty)
        self._enable_actions()

    def _empty_text(self) -> str:
        if self.month() == WAITING:
            return self.tr("No review is waiting for you.")
        if self._rows:
            return self.tr("No review matches these filters.")
        if can(self.actor, Action.EDIT_REVIEWS):
            return self.tr(
                "No reviews for {month} yet.\n“Create this month's reviews” makes one for every active staff member."
            ).format(month=_month_name(self.month()))
        return self.tr("No review of yours for {month} yet.").format(month=_month_name(self.month()))

    def _enable_actions(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None)
        self.export_one_action.setEnabled(row is not None)
        self.export_month_action.setEnabled(self.month() != WAITING and bool(self._rows))
        self.trend_button.setEnabled(row is not None or self.actor.staff_id is not None)
        self.create_button.setEnabled(self.month() != WAITING)

    def _open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_review(row.id)

    def _month_created(self, result: Any) -> None:
        created, existing = len(result.created), result.existing
        text = self.tr("%n review(s) created", "", created)
        if existing:
            text += self.tr("; %n already there", "", existing)
        if result.without_template:
            roles = "、".join(labels.staff_role(r) for r in result.without_template)
            text += "\n" + self.tr(
                "Not created for these roles: their KPI template is empty or its weights do not total 100 %: {roles}"
            ).format(roles=roles)
            QMessageBox.information(self, self.tr("Create reviews"), text + ".")
        status = getattr(self.window(), "show_status", None)
        if status is not None:
            status(text.replace("\n", " ") + ".", 10_000)
        if self.month() != result.month:
            self.set_month(result.month)  # reloads
        else:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._reload_if_stale)

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    @staticmethod
    def _this_month_date() -> date:
        return shop_today(datetime.now(UTC), DEFAULT_TZ)

    def _this_month(self) -> tuple[int, int]:
        today = self._this_month_date()
        return today.year, today.month


def _month_name(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return month_text((year, number))


def _status_text(status: str, submitted: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    text = labels.review_status(status)
    if submitted and status == ReviewStatus.MANAGER_REVIEW:
        return QCoreApplication.translate("ReviewsTab", "{status} · submitted").format(status=text)
    return text


def default_export_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
