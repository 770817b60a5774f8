"""One monthly review: the KPI lines (target, weight, actual, score, and where each filled actual came from:
a click opens those tickets or orders in their tab), the person's and the manager's comments, the improvement
plan (its items become the person's tasks at submit), the overall score and grade, and the buttons of the
steps the reader may take now.

The service decides who may do what (``ReviewDetail.steps``, ``can_edit_person``, ``can_edit_reviewer``); this
window only shows those. Everything is saved with the review's version: someone else's save in between is a
conflict, shown with the conflict dialog (reload theirs, or apply ours on top).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.conflicts import Key, three_way
from sellerdesk.domain.enums import ReviewStatus
from sellerdesk.domain.errors import ConflictError
from sellerdesk.domain.reviews import GradeThresholds, LineRule, ScoringRule, grade_for, overall_score, score_line
from sellerdesk.services import reviews as svc
from sellerdesk.services.reviews import LineEdit, PlanItem, ReviewDetail, ReviewEdit, ReviewLineInfo
from sellerdesk.ui import errors, labels, review_texts, review_units
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.dialogs.conflict_dialog import ConflictDialog
from sellerdesk.ui.resources import theme_colour
from sellerdesk.ui.widgets.util import named

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Runner

# The lines table's columns.
NAME, METRIC, TARGET, WEIGHT, ACTUAL, SCORE, NOTE = range(7)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
PLAN_ROLE = Qt.ItemDataRole.UserRole + 2


def _style() -> str:
    c = {name: theme_colour(name).name() for name in ("accent", "text-muted", "border", "grid")}
    return f"""
    QLabel#reviewScore {{ font-size: 20pt; font-weight: 600; }}
    QLabel#reviewGrade {{ font-size: 20pt; font-weight: 600; color: {c["accent"]}; padding-left: 8px; }}
    QLabel#reviewMeta, QLabel#hint {{ color: {c["text-muted"]}; }}
    QLabel#sectionTitle {{ font-weight: 600; padding-top: 2px; }}
    QFrame#scoreBox {{ border: 1px solid {c["border"]}; border-radius: 8px; background: {c["grid"]}; }}
    """


class _InputCells(QStyledItemDelegate):
    """Shades the cells one may type into: the stylesheet's item rule hides the model's own background."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        if index.flags() & Qt.ItemFlag.ItemIsEditable:
            painter.fillRect(option.rect, theme_colour("accent-soft"))
        super().paint(painter, option, index)


def rule_of(line: ReviewLineInfo) -> LineRule:
    return LineRule(line.scoring, line.target, line.higher_is_better, line.cap_bp, line.bands)


class ReviewEditorDialog(QDialog):
    """Signals: none; ``on_saved`` (optional) is called after each stored change."""

    def __init__(
        self,
        runner: Runner,
        review_id: int,
        *,
        on_saved: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewEditor")
        self.setStyleSheet(_style())
        self._runner = runner
        self._on_saved = on_saved
        self.review_id = review_id
        with runner.session_factory() as session:
            self.detail: ReviewDetail = svc.get_review(session, runner.actor, review_id)
            self.thresholds: GradeThresholds = svc.grade_settings(session).thresholds
        self._build()
        self._show_detail(self.detail)
        self.resize(1120, 760)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = named(QLabel(), "pageTitle")
        self.meta = named(QLabel(wordWrap=True), "reviewMeta")
        self.score_label = named(QLabel(), "reviewScore")
        self.grade_label = named(QLabel(), "reviewGrade")
        score_box = named(QFrame(), "scoreBox")
        box = QHBoxLayout(score_box)
        box.setContentsMargins(14, 6, 14, 6)
        caption = QVBoxLayout()
        caption.setSpacing(0)
        caption.addWidget(named(QLabel(self.tr("Overall score · grade")), "reviewMeta"))
        number = QHBoxLayout()
        number.addWidget(self.score_label)
        number.addWidget(self.grade_label)
        number.addStretch(1)
        caption.addLayout(number)
        box.addLayout(caption)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.meta)
        top.addLayout(titles, 1)
        top.addWidget(score_box)

        self.lines = named(QTableWidget(0, 7), "reviewLines")
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("KPI"),
                self.tr("Where the actual comes from"),
                self.tr("Target"),
                self.tr("Weight"),
                self.tr("Actual"),
                self.tr("Score"),
                self.tr("Remark"),
            ]
        )
        self.lines.verticalHeader().hide()
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.lines.setWordWrap(False)
        self.lines.verticalHeader().setDefaultSectionSize(32)
        header = self.lines.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((NAME, 170), (METRIC, 330), (TARGET, 100), (WEIGHT, 70), (ACTUAL, 110), (SCORE, 80)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(METRIC, QHeaderView.ResizeMode.Interactive)
        self.lines.setItemDelegate(_InputCells(self.lines))
        self.lines.cellClicked.connect(self._on_cell_clicked)
        self.lines.itemChanged.connect(self._on_line_changed)
        self.lines_hint = named(QLabel(wordWrap=True), "hint")

        self.self_comment = QPlainTextEdit(placeholderText=self.tr("How the month went, in the person's own words"))
        self.manager_comment = QPlainTextEdit(placeholderText=self.tr("The manager's assessment and advice"))
        comments = QGridLayout()
        comments.setHorizontalSpacing(12)
        comments.addWidget(named(QLabel(self.tr("Self-review")), "sectionTitle"), 0, 0)
        comments.addWidget(named(QLabel(self.tr("Manager's comment")), "sectionTitle"), 0, 1)
        comments.addWidget(self.self_comment, 1, 0)
        comments.addWidget(self.manager_comment, 1, 1)

        self.plan = named(QTableWidget(0, 3), "reviewPlan")
        self.plan.setHorizontalHeaderLabels([self.tr("Improvement plan item"), self.tr("Due"), self.tr("Task")])
        self.plan.verticalHeader().hide()
        self.plan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.plan.horizontalHeader().resizeSection(1, 110)
        self.plan.horizontalHeader().resizeSection(2, 110)
        self.plan.verticalHeader().setDefaultSectionSize(30)
        self.plan_text = QLineEdit(placeholderText=self.tr("What to improve, concretely"))
        self.plan_due = QDateEdit()
        self.plan_due.setCalendarPopup(True)
        self.plan_due.setDisplayFormat("yyyy-MM-dd")
        self.plan_due.setDate(QDate.currentDate().addDays(30))
        self.plan_add = QPushButton(self.tr("Add"))
        self.plan_remove = QPushButton(self.tr("Remove"))
        self.plan_text.returnPressed.connect(self.add_plan_item)
        self.plan_add.clicked.connect(self.add_plan_item)
        self.plan_remove.clicked.connect(self.remove_plan_item)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_text, 1)
        self.plan_due_label = QLabel(self.tr("due"))
        plan_row.addWidget(self.plan_due_label)
        plan_row.addWidget(self.plan_due)
        plan_row.addWidget(self.plan_add)
        plan_row.addWidget(self.plan_remove)
        plan_box = QVBoxLayout()
        plan_box.setContentsMargins(0, 0, 0, 0)
        plan_box.addWidget(named(QLabel(self.tr("Improvement plan")), "sectionTitle"))
        plan_box.addWidget(self.plan, 1)
        plan_box.addLayout(plan_row)
        plan_box.addWidget(
            named(QLabel(self.tr("Each item becomes a task for the person when the review is submitted.")), "hint")
        )

        lower = QWidget()
        lower_box = QHBoxLayout(lower)
        lower_box.setContentsMargins(0, 0, 0, 0)
        lower_box.setSpacing(16)
        comments_widget = QWidget()
        comments_widget.setLayout(comments)
        comments.setContentsMargins(0, 0, 0, 0)
        plan_widget = QWidget()
        plan_widget.setLayout(plan_box)
        lower_box.addWidget(comments_widget, 3)
        lower_box.addWidget(plan_widget, 2)
        upper = QWidget()
        upper_box = QVBoxLayout(upper)
        upper_box.setContentsMargins(0, 0, 0, 0)
        upper_box.addWidget(self.lines, 1)
        upper_box.addWidget(self.lines_hint)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setChildrenCollapsible(False)
        split.setSizes([380, 300])

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        self.step_buttons: dict[str, QPushButton] = {}
        for code in svc.Step:
            button = self.buttons.addButton(review_texts.step(code.value), QDialogButtonBox.ButtonRole.ActionRole)
            button.setToolTip(review_texts.step_tip(code.value))
            button.setObjectName(f"step_{code.value}")
            button.clicked.connect(lambda _c=False, s=code: self.take_step(s))
            self.step_buttons[code.value] = button
        self.status_note = named(QLabel(wordWrap=True), "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status_note)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------ showing

    def _show_detail(self, d: ReviewDetail) -> None:
        self.detail = d
        self.setWindowTitle(self.tr("Performance review · {name} · {month}").format(name=d.staff_name, month=d.month))
        self.heading.setText(f"{d.staff_name} · {d.month}")
        status = labels.review_status(d.status)
        if d.submitted and d.status == ReviewStatus.MANAGER_REVIEW:
            status = self.tr("{status} · submitted").format(status=status)
        meta = [labels.staff_role(d.staff_role), self.tr("Status: {status}").format(status=status)]
        if d.reviewer_name:
            meta.append(self.tr("Reviewer: {name}").format(name=d.reviewer_name))
        self.meta.setText(" · ".join(meta))
        reviewer, person = d.can_edit_reviewer, d.can_edit_person
        self._loading = True
        self.lines.setRowCount(0)
        for row, line in enumerate(d.lines):
            self.lines.insertRow(row)
            self._fill_line(row, line, reviewer)
        self._loading = False
        self.self_comment.setPlainText(d.self_comment)
        self.self_comment.setReadOnly(not person)
        self.manager_comment.setPlainText(d.manager_comment)
        self.manager_comment.setReadOnly(not reviewer)
        self.plan.setRowCount(0)
        for item in d.plan:
            self._plan_row(item)
        for w in (self.plan_text, self.plan_due_label, self.plan_due, self.plan_add, self.plan_remove):
            w.setVisible(reviewer)
        self.save_button.setVisible(reviewer or person)
        for code, button in self.step_buttons.items():
            button.setVisible(code in {s.value for s in d.steps})
        self._show_times(d)
        self._show_score()

    def _fill_line(self, row: int, line: ReviewLineInfo, editable: bool) -> None:
        def item(text: str, *, edit: bool = False, right: bool = False) -> QTableWidgetItem:
            cell = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if edit:
                flags |= Qt.ItemFlag.ItemIsEditable
            cell.setFlags(flags)
            cell.setData(LINE_ROLE, line.id)
            if right:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return cell

        typed = not line.from_data
        manual = line.scoring == ScoringRule.MANUAL
        by_hand = not line.metric or line.actual is None or line.actual_entered
        actual_editable = editable and by_hand and not (manual and not line.metric)
        name = item(line.name)
        name.setToolTip(
            f"{line.name}\n{review_texts.rule(line.scoring.value)} · {review_texts.direction(line.higher_is_better)}"
        )
        self.lines.setItem(row, NAME, name)
        self.lines.setItem(row, METRIC, self._source_item(line, item))
        self.lines.setItem(row, TARGET, self._target_item(line, item))
        self.lines.setItem(row, WEIGHT, item(fmt.percent_bp(line.weight_bp).replace(".00", ""), right=True))
        shown_actual = review_units.text(line.actual, line.unit) or ("" if actual_editable else "–")
        actual = item(shown_actual, edit=actual_editable, right=True)
        if actual_editable:
            actual.setToolTip(self.tr("Type the actual ({unit})").format(unit=review_texts.unit(line.unit)))
        elif not typed and not line.source.empty:
            self._link_look(actual, review_texts.source(line.source.kind))
        self.lines.setItem(row, ACTUAL, actual)
        score_editable = editable and manual
        shown = line.manual_score_bp if manual and editable else line.score_bp
        score = item(fmt.score_bp(shown) or ("" if score_editable else "–"), edit=score_editable, right=True)
        if score_editable:
            score.setToolTip(self.tr("Type the score (0 to {max})").format(max=fmt.score_bp(line.cap_bp)))
        self.lines.setItem(row, SCORE, score)
        self.lines.setItem(row, NOTE, item(line.note, edit=editable))

    def _target_item(self, line: ReviewLineInfo, item: Callable[..., QTableWidgetItem]) -> QTableWidgetItem:
        """Linear: the target; bands: the bands (in full in the tooltip); manual: nothing to aim at."""
        if line.scoring == ScoringRule.MANUAL:
            return item("–", right=True)
        if line.scoring == ScoringRule.BANDS:
            sign = "≥" if line.higher_is_better else "≤"
            bands = [
                f"{sign} {review_units.text(b.threshold, line.unit)} → {fmt.score_bp(b.score_bp)}" for b in line.bands
            ]
            cell = item(review_texts.rule("bands"), right=True)
            cell.setToolTip("\n".join(bands))
            return cell
        return item(review_units.text(line.target, line.unit), right=True)

    def _source_item(self, line: ReviewLineInfo, item: Callable[..., QTableWidgetItem]) -> QTableWidgetItem:
        if not line.metric:
            return item(review_texts.metric(""))
        name = review_texts.metric(line.metric)
        src = line.source
        if line.actual_entered:
            return item(self.tr("{metric} · typed in, no data").format(metric=name))
        if src.empty:
            return item(name)
        count = len(src.ids) + src.more
        if src.kind == "orders" and src.scope is not None and not src.ids:
            text = self.tr("{metric} · orders of the month ›").format(metric=name)
        else:
            text = self.tr("{metric} · %n record(s) ›", "", count).format(metric=name)
        cell = item(text)
        self._link_look(cell, review_texts.source(src.kind) + (f"\n{src.note}" if src.note else ""))
        return cell

    def _link_look(self, cell: QTableWidgetItem, tip: str) -> None:
        font = QFont(cell.font())
        font.setUnderline(True)
        cell.setFont(font)
        cell.setForeground(QBrush(theme_colour("accent")))
        cell.setToolTip(tip)

    def _plan_row(self, item: PlanItem) -> None:
        row = self.plan.rowCount()
        self.plan.insertRow(row)
        text = QTableWidgetItem(item.text)
        text.setData(PLAN_ROLE, item)
        text.setToolTip(item.text)
        self.plan.setItem(row, 0, text)
        self.plan.setItem(row, 1, QTableWidgetItem(fmt.day(item.due_date)))
        task = labels.task_status(item.task_status) if item.task_id else self.tr("after submit")
        self.plan.setItem(row, 2, QTableWidgetItem(task))

    def _show_times(self, d: ReviewDetail) -> None:
        if d.submitted and d.submitted_at is not None:
            text = self.tr("Submitted {time}: the actuals are frozen.").format(
                time=fmt.shop_time(d.submitted_at, d.timezone)
            )
        elif d.filled_at is not None:
            text = self.tr("Actuals from the shop's data as of {time}; they refresh until the review is submitted.")
            text = text.format(time=fmt.shop_time(d.filled_at, d.timezone))
        else:
            text = self.tr("The actuals refresh from the shop's data until the review is submitted.")
        if d.acknowledged_at is not None:
            text += " " + self.tr("Acknowledged {time}.").format(time=fmt.shop_time(d.acknowledged_at, d.timezone))
        if d.can_edit_reviewer:
            text += " " + self.tr(
                "Click a figure with a link to open the records behind it; type into the shaded cells."
            )
        elif any(not line.source.empty for line in d.lines):
            text += " " + self.tr("Click a figure with a link to open the records behind it.")
        self.lines_hint.setText(text)

    def _show_score(self) -> None:
        """The overall score and grade: as stored, or as the reviewer's typed values would make them."""
        score, grade = self.detail.score_bp, self.detail.grade
        if self.detail.can_edit_reviewer:
            pairs = []
            for row, line in enumerate(self.detail.lines):
                pairs.append((self._line_score(row, line), line.weight_bp))
            score = overall_score(pairs)
            grade = grade_for(score, self.thresholds)
        self.score_label.setText(fmt.score_bp(score) or "–")
        self.grade_label.setText(grade or "")
        self.status_note.setText(
            "" if score is not None else self.tr("The overall score appears once every line has one.")
        )

    def _line_score(self, row: int, line: ReviewLineInfo) -> int | None:
        actual, manual = self._typed(row, line)
        return score_line(rule_of(line), actual, manual)

    def _typed(self, row: int, line: ReviewLineInfo) -> tuple[int | None, int | None]:
        """The line's actual and manual score as typed now (the stored ones where nothing is editable)."""
        actual_cell, score_cell = self.lines.item(row, ACTUAL), self.lines.item(row, SCORE)
        actual = line.actual
        if actual_cell is not None and actual_cell.flags() & Qt.ItemFlag.ItemIsEditable:
            try:
                actual = review_units.parse(actual_cell.text(), line.unit)
            except ValueError:
                actual = None
        manual = line.manual_score_bp
        if score_cell is not None and score_cell.flags() & Qt.ItemFlag.ItemIsEditable:
            try:
                manual = review_units.parse(score_cell.text(), "score")
            except ValueError:
                manual = None
        return actual, manual

    # ------------------------------------------------------------ editing

    def set_actual(self, line_id: int, text: str) -> None:
        """Type ``text`` into a line's actual (tests and the keyboard alike)."""
        self._cell(line_id, ACTUAL).setText(text)

    def set_manual_score(self, line_id: int, text: str) -> None:
        self._cell(line_id, SCORE).setText(text)

    def _cell(self, line_id: int, column: int) -> QTableWidgetItem:
        for row in range(self.lines.rowCount()):
            cell = self.lines.item(row, column)
            if cell is not None and cell.data(LINE_ROLE) == line_id:
                return cell
        raise KeyError(line_id)

    def add_plan_item(self) -> None:
        text = self.plan_text.text().strip()
        if not text:
            return
        self._plan_row(PlanItem(None, text, self.plan_due.date().toPython()))  # type: ignore[arg-type]
        self.plan_text.clear()

    def remove_plan_item(self) -> None:
        row = self.plan.currentRow()
        if row >= 0:
            self.plan.removeRow(row)

    def _on_line_changed(self, _item: QTableWidgetItem) -> None:
        if not getattr(self, "_loading", False):
            self._show_score()

    def _on_cell_clicked(self, row: int, column: int) -> None:
        if column not in (METRIC, ACTUAL) or not 0 <= row < len(self.detail.lines):
            return
        line = self.detail.lines[row]
        cell = self.lines.item(row, column)
        if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsEditable:
            return
        if line.from_data and not line.source.empty:
            self.open_source(line)

    def open_source(self, line: ReviewLineInfo) -> bool:
        """Show the records behind ``line``'s actual in their tab, filtered; False when there is nowhere to."""
        from sellerdesk.ui.review_sources import show_source

        return show_source(self, line, self.detail)

    # ------------------------------------------------------------ saving

    def collect(self) -> ReviewEdit | None:
        """The reviewer's edit as typed; None (after saying why) when a typed figure is not a number."""
        edits = []
        for row, line in enumerate(self.detail.lines):
            for column, unit in ((ACTUAL, line.unit), (SCORE, "score")):
                cell = self.lines.item(row, column)
                if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsEditable:
                    try:
                        review_units.parse(cell.text(), unit)
                    except ValueError:
                        self.lines.setCurrentCell(row, column)
                        QMessageBox.warning(
                            self,
                            self.windowTitle(),
                            self.tr("“{text}” is not a number ({line}).").format(text=cell.text(), line=line.name),
                        )
                        return None
            actual, manual = self._typed(row, line)
            note_cell = self.lines.item(row, NOTE)
            note = note_cell.text().strip() if note_cell is not None else line.note
            editable_actual = (self.lines.item(row, ACTUAL) or QTableWidgetItem()).flags() & Qt.ItemFlag.ItemIsEditable
            edits.append(LineEdit(line.id, actual if editable_actual else None, manual, note))
        plan = []
        for row in range(self.plan.rowCount()):
            cell = self.plan.item(row, 0)
            if cell is not None:
                plan.append(cell.data(PLAN_ROLE))
        return ReviewEdit(tuple(edits), self.manager_comment.toPlainText().strip(), tuple(plan))

    def dirty(self) -> bool:
        d = self.detail
        if d.can_edit_person and self.self_comment.toPlainText().strip() != d.self_comment.strip():
            return True
        if d.can_edit_reviewer:
            edit = self.collect()
            return edit is None or _fields(d, edit) != _fields(d, _stored_edit(d))
        return False

    def save(self, then: svc.Step | None = None) -> None:
        """Store what the reader may change (and take ``then`` after it, in the same transaction)."""
        d, actor = self.detail, self._runner.actor
        edit = self.collect() if d.can_edit_reviewer else None
        if d.can_edit_reviewer and edit is None:
            return
        comment = self.self_comment.toPlainText().strip()
        save_person = d.can_edit_person and comment != d.self_comment.strip()
        save_reviewer = edit is not None and (then is None or _fields(d, edit) != _fields(d, _stored_edit(d)))

        def job(session: Any, _job: Any) -> Any:
            changes = None
            version = d.version
            if save_reviewer and edit is not None:
                changes = svc.save_review(session, actor, d.id, edit, expected_version=version)
                session.flush()
                version = svc.get_review(session, actor, d.id).version
            if save_person:
                changes = svc.save_self_review(session, actor, d.id, comment, expected_version=version)
                session.flush()
                version = svc.get_review(session, actor, d.id).version
            if then is not None:
                changes = svc.move_review(session, actor, d.id, then, expected_version=version)
            return changes

        self._runner.run(
            job,
            on_success=lambda _c: self._saved(),
            on_error=lambda exc: self._on_save_failed(exc, edit, comment, then),
            parent=self,
        )

    def take_step(self, step: svc.Step) -> None:
        if step == svc.Step.SUBMIT and not self.confirm_submit():
            return
        self.save(then=step)

    def confirm_submit(self) -> bool:
        """Ask before freezing the actuals (tests replace this)."""
        answer = QMessageBox.question(
            self,
            review_texts.step("submit"),
            self.tr(
                "Submit the review of {name}? The actuals stop refreshing, the score and grade are stored, and the "
                "plan items become tasks. The person is then asked to acknowledge it."
            ).format(name=self.detail.staff_name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reload(self) -> None:
        with self._runner.session_factory() as session:
            self._show_detail(svc.get_review(session, self._runner.actor, self.review_id))

    def _saved(self) -> None:
        try:
            self.reload()
        except Exception as exc:  # no longer visible to the reader (moved on): say so, close
            errors.show_error(self, exc)
            self.accept()
            return
        if self._on_saved is not None:
            self._on_saved()

    def _on_save_failed(self, exc: BaseException, edit: ReviewEdit | None, comment: str, then: svc.Step | None) -> None:
        """Someone saved this review meanwhile: show what they changed, then reload or apply ours on top."""
        if not isinstance(exc, ConflictError):
            errors.show_error(self, exc)
            return
        base = self.detail
        try:
            with self._runner.session_factory() as session:
                theirs = svc.get_review(session, self._runner.actor, self.review_id)
        except Exception as reload_error:
            errors.show_error(self, reload_error)
            return
        mine_edit = edit if edit is not None else _stored_edit(base)
        merge = three_way(
            _fields(base, _stored_edit(base), base.self_comment),
            _fields(theirs, _stored_edit(theirs), theirs.self_comment),
            _fields(base, mine_edit, comment),
        )
        parts = {f"line:{line.id}": line.name for line in theirs.lines}
        parts["plan"] = self.tr("Improvement plan")
        choice = ConflictDialog.ask(self, merge.differences, parts)
        if choice == ConflictDialog.RELOAD:
            self._show_detail(theirs)
        elif choice == ConflictDialog.APPLY_MINE:
            self._show_detail(theirs)
            self._apply_on_top(mine_edit, comment, merge.mine)
            self.save(then)

    def _apply_on_top(self, mine: ReviewEdit, comment: str, changed: tuple[Key, ...]) -> None:
        """Put the fields we changed back into the widgets, over the reloaded review."""
        ours = {e.line_id: e for e in mine.lines}
        for part, name in changed:
            if part == "" and name == "manager_comment":
                self.manager_comment.setPlainText(mine.manager_comment)
            elif part == "" and name == "self_comment":
                self.self_comment.setPlainText(comment)
            elif part == "plan":
                self.plan.setRowCount(0)
                for item in mine.plan:
                    self._plan_row(item)
            elif part.startswith("line:"):
                line_id = int(part.split(":")[1])
                line = next((x for x in self.detail.lines if x.id == line_id), None)
                edit = ours.get(line_id)
                if line is None or edit is None:
                    continue
                column = {"actual": ACTUAL, "manual_score": SCORE, "note": NOTE}[name]
                value = {
                    "actual": review_units.plain(edit.actual, line.unit),
                    "manual_score": review_units.plain(edit.manual_score_bp, "score"),
                    "note": edit.note,
                }[name]
                self._cell(line_id, column).setText(value)


def _stored_edit(d: ReviewDetail) -> ReviewEdit:
    """The review as stored, in the shape of an edit (for comparing)."""
    lines = tuple(
        LineEdit(line.id, line.actual if not line.from_data else None, line.manual_score_bp, line.note)
        for line in d.lines
    )
    return ReviewEdit(lines, d.manager_comment, d.plan)


def _fields(d: ReviewDetail, edit: ReviewEdit, self_comment: str | None = None) -> dict[Key, object]:
    """A review flattened for the three-way comparison, its values as people read them."""
    units = {line.id: line.unit for line in d.lines}
    found: dict[Key, object] = {("", "manager_comment"): edit.manager_comment.strip()}
    if self_comment is not None:
        found[("", "self_comment")] = self_comment.strip()
    for e in edit.lines:
        part = f"line:{e.line_id}"
        found[(part, "actual")] = review_units.text(e.actual, units.get(e.line_id, "count"))
        found[(part, "manual_score")] = fmt.score_bp(e.manual_score_bp)
        found[(part, "note")] = e.note.strip()
    found[("plan", "items")] = "; ".join(
        f"{p.text} ({fmt.day(p.due_date)})" if p.due_date else p.text for p in edit.plan
    )
    return found
