"""KPI templates per role and the grade thresholds (managers and the owner).

A role's lines: a name, the metric it is measured by (from the service's metric table, or entered by hand),
the target in the metric's unit, the weight (the lines' weights must total 100 %: the total is shown as
you type and Save waits for it), the scoring rule (linear to the target with a cap, bands, or a manual
score) and whether higher or lower is better. Bands are edited in a small table of their own. The service
checks the same rules again when saving.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.errors import ConflictError
from sellerdesk.domain.permissions import Action, can
from sellerdesk.domain.reviews import MAX_CAP, TEMPLATE_ROLES, WEIGHTS_TOTAL, Band, ScoringRule
from sellerdesk.services import reviews as svc
from sellerdesk.services.reviews import GradeThresholds, KpiTemplateInfo, MetricInfo, TemplateLine
from sellerdesk.ui import errors, labels, review_texts, review_units, theme
from sellerdesk.ui.review_units import FigureEdit
from sellerdesk.ui.widgets.util import named, resize_within_screen, restyle

if TYPE_CHECKING:
    from sellerdesk.ui.runner import Runner

NAME, METRIC, UNIT, TARGET, WEIGHT, RULE, CAP, DIRECTION, BANDS = range(9)
UNITS = ("count", "cents", "bp", "seconds", "score")


def _style() -> str:
    return f"""
    QLabel#weightTotal {{ font-weight: 600; }}
    QListWidget#templateRoles::item {{ padding: 7px 8px; }}
    QLabel#weightTotal[tone="bad"] {{ color: {theme.status_css("bad")}; }}
    QLabel#weightTotal[tone="good"] {{ color: {theme.status_css("good")}; }}
    """


class BandEditorDialog(QDialog):
    """The bands of one line: reaching a threshold (in the metric's unit) scores so many points."""

    def __init__(self, bands: tuple[Band, ...], unit: str, higher_is_better: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bandEditor")
        self.setWindowTitle(self.tr("Bands"))
        self.unit = unit
        explain = self.tr(
            "The line scores the points of the best band its actual reaches: at least the threshold when higher is "
            "better, at most it when lower is better. No band reached: 0 points."
        )
        self.direction = named(QLabel(review_texts.direction(higher_is_better)), "sectionTitle")
        self.table = named(QTableWidget(0, 2), "bandTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Threshold ({unit})").format(unit=review_texts.unit(unit)), self.tr("Points")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(30)
        for band in bands:
            self.add_band(band)
        add, remove = QPushButton(self.tr("Add band")), QPushButton(self.tr("Remove band"))
        add.clicked.connect(lambda: self.add_band())
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(explain, wordWrap=True)
        note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.direction)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, 360)

    def add_band(self, band: Band | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        threshold = review_units.plain(band.threshold, self.unit) if band else ""
        points = review_units.plain(band.score_bp, "score") if band else ""
        for column, text in enumerate((threshold, points)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def bands(self) -> tuple[Band, ...] | None:
        """The bands typed, best first; None when a cell is not a number."""
        found = []
        for row in range(self.table.rowCount()):
            texts = [(self.table.item(row, c) or QTableWidgetItem()).text() for c in range(2)]
            if not any(t.strip() for t in texts):
                continue
            try:
                threshold, points = review_units.parse(texts[0], self.unit), review_units.parse(texts[1], "score")
            except ValueError:
                return None
            if threshold is None or points is None:
                return None
            found.append(Band(threshold, points))
        return tuple(sorted(found, key=lambda b: -b.score_bp))

    def accept(self) -> None:
        if self.bands() is None:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Every band needs a threshold and points, as numbers.")
            )
            return
        super().accept()


@dataclass
class LineRow:
    """The widgets of one template line in the table."""

    line: TemplateLine
    name: QLineEdit
    metric: QComboBox
    unit: QComboBox
    target: FigureEdit
    weight: QDoubleSpinBox
    rule: QComboBox
    cap: QSpinBox
    direction: QComboBox
    bands_button: QPushButton
    bands: tuple[Band, ...]


class KpiTemplatesDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTemplates")
        self.setStyleSheet(_style())
        self.setWindowTitle(self.tr("KPI templates and grades"))
        self._runner = runner
        self.editable = can(runner.actor, Action.EDIT_KPI_TEMPLATES)
        self.metrics: dict[str, MetricInfo] = {m.key: m for m in svc.metric_table()}
        self.rows: list[LineRow] = []
        self.role = ""
        self._loaded: tuple[TemplateLine, ...] = ()
        self._build()
        self._load_all()
        resize_within_screen(self, 1260, 640)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self._lines_page(), self.tr("KPI lines per role"))
        self.tabs.addTab(self._grades_page(), self.tr("Grades"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _lines_page(self) -> QWidget:
        page = QWidget()
        self.role_list = named(QListWidget(), "templateRoles")
        for role in TEMPLATE_ROLES:
            self.role_list.addItem(labels.staff_role(role.value))
        self.role_list.setMaximumWidth(190)
        self.role_list.currentRowChanged.connect(self._on_role_changed)
        self.table = named(QTableWidget(0, 9), "templateLines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("KPI"),
                self.tr("Metric"),
                self.tr("Unit"),
                self.tr("Target"),
                self.tr("Weight"),
                self.tr("Scoring"),
                self.tr("Cap"),
                self.tr("Better when"),
                self.tr("Bands"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        widths = {NAME: 140, METRIC: 165, UNIT: 100, TARGET: 75, WEIGHT: 100, RULE: 140, CAP: 65, DIRECTION: 105}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        cap_header = self.table.horizontalHeaderItem(CAP)
        if cap_header is not None:
            cap_header.setToolTip(self.tr("The line's highest score, in points"))
        self.add_button = QPushButton(self.tr("Add line"))
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button = QPushButton(self.tr("Remove line"))
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_line(1))
        self.total_label = named(QLabel(), "weightTotal")
        self.save_button = named(QPushButton(self.tr("Save template")), "saveTemplate")
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(lambda: self._show_lines(self._loaded))
        tools = QHBoxLayout()
        for w in (self.add_button, self.remove_button, self.up_button, self.down_button):
            tools.addWidget(w)
            w.setVisible(self.editable)
        tools.addStretch(1)
        tools.addWidget(self.total_label)
        tools.addSpacing(12)
        tools.addWidget(self.revert_button)
        tools.addWidget(self.save_button)
        self.revert_button.setVisible(self.editable)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button, self.revert_button):
            button.setAutoDefault(False)
        self.save_button.setVisible(self.editable)
        hint = named(
            QLabel(
                self.tr(
                    "Each month's reviews copy their role's lines when they are created; reviews already made keep "
                    "theirs. A line measured by a metric fills its actual from the shop's data; “Entered by hand” "
                    "lines are typed by the reviewer."
                ),
                wordWrap=True,
            ),
            "hint",
        )
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(tools)
        right.addWidget(hint)
        layout = QHBoxLayout(page)
        layout.addWidget(self.role_list)
        layout.addLayout(right, 1)
        return page

    def _grades_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.grade_spins: dict[str, QDoubleSpinBox] = {}
        for grade in ("S", "A", "B", "C"):
            spin = QDoubleSpinBox(minimum=0, maximum=MAX_CAP / 100, decimals=2, singleStep=1)
            spin.setSuffix(self.tr(" points"))
            spin.setMinimumWidth(130)
            spin.setEnabled(self.editable)
            self.grade_spins[grade] = spin
            form.addRow(self.tr("{grade} from").format(grade=grade), spin)
        form.addRow(self.tr("D"), QLabel(self.tr("below C")))
        self.grades_save = QPushButton(self.tr("Save grades"))
        self.grades_save.setVisible(self.editable)
        self.grades_save.clicked.connect(lambda: self.save_grades())
        note = named(
            QLabel(
                self.tr(
                    "The overall score (0–100 points; more where a line's cap allows) gets the best grade whose "
                    "lowest score it reaches. Reviews not submitted yet are graded anew; submitted ones keep "
                    "their grade."
                ),
                wordWrap=True,
            ),
            "hint",
        )
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.grades_save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------ loading

    def _load_all(self) -> None:
        with self._runner.session_factory() as session:
            self.templates: dict[str, KpiTemplateInfo] = {
                t.role: t for t in svc.kpi_templates(session, self._runner.actor)
            }
            self.grades = svc.grade_settings(session)
        for grade, value in self.grades.thresholds.as_dict().items():
            self.grade_spins[grade].setValue(value / 100)
        self.role_list.setCurrentRow(max(self.role_list.currentRow(), 0))
        self._on_role_changed(self.role_list.currentRow(), force=True)

    def select_role(self, role: str) -> None:
        self.role_list.setCurrentRow([r.value for r in TEMPLATE_ROLES].index(role))

    def _on_role_changed(self, row: int, force: bool = False) -> None:
        role = TEMPLATE_ROLES[max(row, 0)].value
        if role == self.role and not force:
            return
        if self.role and not force and self.changed() and not self.confirm_discard():
            self.role_list.blockSignals(True)
            self.role_list.setCurrentRow([r.value for r in TEMPLATE_ROLES].index(self.role))
            self.role_list.blockSignals(False)
            return
        self.role = role
        template = self.templates.get(role)
        self._loaded = template.lines if template is not None else ()
        self._show_lines(self._loaded)

    def confirm_discard(self) -> bool:
        """Leaving a role with unsaved changes (tests replace this)."""
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Drop the unsaved changes to this role's template?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_lines(self, lines: tuple[TemplateLine, ...]) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for line in lines:
            self.add_line(line)
        self._update_total()

    def _metrics_for(self, role: str) -> list[MetricInfo]:
        return [m for m in self.metrics.values() if role in m.roles]

    # ------------------------------------------------------------ lines

    def add_line(self, line: TemplateLine | None = None) -> LineRow:
        line = line or TemplateLine(name="", weight_bp=0)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QLineEdit(line.name, placeholderText=self.tr("Name on the scorecard"))
        metric = QComboBox()
        metric.addItem(review_texts.metric(""), "")
        for info in self._metrics_for(self.role):
            metric.addItem(review_texts.metric(info.key, info.name), info.key)
            metric.setItemData(metric.count() - 1, info.definition, Qt.ItemDataRole.ToolTipRole)
        if line.metric and metric.findData(line.metric) < 0:  # a metric no longer offered to the role: keep it
            metric.addItem(review_texts.metric(line.metric), line.metric)
        metric.setCurrentIndex(max(metric.findData(line.metric), 0))
        unit = QComboBox()
        for code in UNITS:
            unit.addItem(review_texts.unit(code), code)
        unit_code = self.metrics[line.metric].unit if line.metric in self.metrics else (line.unit or "count")
        unit.setCurrentIndex(max(unit.findData(unit_code), 0))
        target = FigureEdit(unit_code, line.target)
        weight = QDoubleSpinBox(minimum=0, maximum=100, decimals=2, singleStep=5, suffix=" %")
        weight.setValue(line.weight_bp / 100)
        rule = QComboBox()
        for code in ScoringRule:
            rule.addItem(review_texts.rule(code.value), code.value)
        rule.setCurrentIndex(max(rule.findData(line.scoring.value), 0))
        cap = QSpinBox(minimum=0, maximum=MAX_CAP // 100, singleStep=10)
        cap.setValue(line.cap_bp // 100)
        cap.setToolTip(self.tr("The line's highest score: 100 points, or up to 200 for going beyond the target"))
        direction = QComboBox()
        for better, short in ((True, self.tr("Higher")), (False, self.tr("Lower"))):
            direction.addItem(short, better)
            direction.setItemData(direction.count() - 1, review_texts.direction(better), Qt.ItemDataRole.ToolTipRole)
        direction.setCurrentIndex(0 if line.higher_is_better else 1)
        bands_button = QPushButton()
        entry = LineRow(line, name, metric, unit, target, weight, rule, cap, direction, bands_button, line.bands)
        self.rows.append(entry)
        for column, widget in (
            (NAME, name), (METRIC, metric), (UNIT, unit), (TARGET, target), (WEIGHT, weight), (RULE, rule),
            (CAP, cap), (DIRECTION, direction), (BANDS, bands_button),
        ):  # fmt: skip
            widget.setEnabled(self.editable)
            self.table.setCellWidget(row, column, widget)
        weight.valueChanged.connect(self._update_total)
        metric.currentIndexChanged.connect(lambda _i, e=entry: self._on_metric_changed(e))
        unit.currentIndexChanged.connect(lambda _i, e=entry: e.target.set_unit(e.unit.currentData()))
        rule.currentIndexChanged.connect(lambda _i, e=entry: self._sync_line(e))
        bands_button.clicked.connect(lambda _c=False, e=entry: self.edit_bands(e))
        self._sync_line(entry)
        self._update_total()
        return entry

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.table.removeRow(row)
            del self.rows[row]
            self._update_total()

    def move_line(self, delta: int) -> None:
        row = self.table.currentRow()
        other = row + delta
        if not (0 <= row < len(self.rows) and 0 <= other < len(self.rows)):
            return
        lines = self.collect()
        lines[row], lines[other] = lines[other], lines[row]
        self._show_lines(tuple(lines))
        self.table.selectRow(other)

    def edit_bands(self, entry: LineRow) -> None:
        dialog = BandEditorDialog(entry.bands, entry.target.unit, bool(entry.direction.currentData()), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            entry.bands = dialog.bands() or ()
            self._sync_line(entry)

    def _on_metric_changed(self, entry: LineRow) -> None:
        info = self.metrics.get(entry.metric.currentData() or "")
        if info is not None:
            entry.unit.setCurrentIndex(max(entry.unit.findData(info.unit), 0))
            entry.direction.setCurrentIndex(0 if info.higher_is_better else 1)
            if not entry.name.text().strip():
                entry.name.setText(review_texts.metric(info.key, info.name))
        self._sync_line(entry)

    def _sync_line(self, entry: LineRow) -> None:
        """Show only what the line's metric and rule use."""
        rule = entry.rule.currentData()
        by_hand = not entry.metric.currentData()
        entry.unit.setEnabled(self.editable and by_hand)
        entry.target.setEnabled(self.editable and rule == ScoringRule.LINEAR.value)
        entry.cap.setEnabled(self.editable and rule != ScoringRule.BANDS.value)
        entry.bands_button.setEnabled(self.editable and rule == ScoringRule.BANDS.value)
        entry.direction.setEnabled(self.editable and rule != ScoringRule.MANUAL.value)
        if rule == ScoringRule.BANDS.value:
            entry.bands_button.setText(self.tr("%n band(s)…", "", len(entry.bands)))
        else:
            entry.bands_button.setText("–")

    # ------------------------------------------------------------ the total and saving

    def weight_total_bp(self) -> int:
        return sum(_bp(e.weight.value()) for e in self.rows)

    def _update_total(self) -> None:
        total = self.weight_total_bp()
        shown = review_units.text(total, "bp").replace(".00", "")
        ok = total == WEIGHTS_TOTAL or not self.rows
        if ok:
            self.total_label.setText(self.tr("Total weight: {total}").format(total=shown))
        else:
            self.total_label.setText(self.tr("Total weight: {total} — must be 100 %").format(total=shown))
        self.total_label.setProperty("tone", "good" if ok and self.rows else ("bad" if not ok else ""))
        restyle(self.total_label)
        self.save_button.setEnabled(ok)
        self.save_button.setToolTip("" if ok else self.tr("The weights must total 100 % before the template is saved"))

    def collect(self) -> list[TemplateLine]:
        lines = []
        for e in self.rows:
            metric = e.metric.currentData() or ""
            lines.append(
                replace(
                    e.line,
                    name=e.name.text().strip(),
                    metric=metric,
                    target=e.target.value() or 0,
                    weight_bp=_bp(e.weight.value()),
                    scoring=ScoringRule(e.rule.currentData()),
                    higher_is_better=bool(e.direction.currentData()),
                    cap_bp=e.cap.value() * 100,
                    bands=e.bands,
                    unit="" if metric else e.unit.currentData(),
                )
            )
        return lines

    def changed(self) -> bool:
        return tuple(self.collect()) != tuple(self._loaded)

    def save(self) -> bool:
        """Save the shown role's lines; refused here (and by the service) unless the weights total 100 %."""
        total = self.weight_total_bp()
        if self.rows and total != WEIGHTS_TOTAL:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("The weights total {total}; they must total 100 %. Nothing was saved.").format(
                    total=review_units.text(total, "bp").replace(".00", "")
                ),
            )
            return False
        bad = [e.name.text() or str(n + 1) for n, e in enumerate(self.rows) if not e.target.valid()]
        if bad:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The target of {line} is not a number.").format(line=bad[0])
            )
            return False
        role, lines, actor = self.role, tuple(self.collect()), self._runner.actor
        template = self.templates.get(role)
        read = template.read_versions if template is not None else ()
        self._runner.run(
            lambda s, _j: svc.save_kpi_template(s, actor, role, lines, read),
            on_success=lambda _c: self._saved(role),
            on_error=self._on_save_failed,
            parent=self,
        )
        return True

    def _saved(self, role: str) -> None:
        with self._runner.session_factory() as session:
            self.templates[role] = svc.kpi_template(session, self._runner.actor, role)
        if role == self.role:
            self._loaded = self.templates[role].lines
            self._show_lines(self._loaded)

    def _on_save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ConflictError):
            errors.show_error(self, exc)
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "Someone else saved this role's template while you were editing it. Load theirs? Your changes "
                "here are then replaced."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._saved(self.role)

    def save_grades(self) -> None:
        values = {g: _bp(spin.value()) for g, spin in self.grade_spins.items()}
        thresholds = GradeThresholds(values["S"], values["A"], values["B"], values["C"])
        if not thresholds.valid():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Each grade needs a lower score than the one above it: S > A > B > C."),
            )
            return
        actor, version = self._runner.actor, self.grades.version

        def saved(_c: Any) -> None:
            with self._runner.session_factory() as session:
                self.grades = svc.grade_settings(session)

        self._runner.run(
            lambda s, _j: svc.save_grade_thresholds(s, actor, thresholds, expected_version=version),
            on_success=saved,
            parent=self,
        )


def _bp(value: float) -> int:
    """A spin box's percent or points (two decimals) as hundredths, exactly as shown."""
    return int((Decimal(str(value)) * 100).quantize(Decimal(1)))
