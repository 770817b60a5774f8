"""Importing export files: preview what each file is, then import in the background, then show the result.

Nothing is written until the user presses Import. Files with problems are refused whole (with a problem
table the user can export) unless the user chooses to import their valid rows. A file no parser knows
can be mapped column by column; the mapping is saved for the shop and used next time.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.domain.file_writes import writing
from sellerdesk.domain.records import RowProblem
from sellerdesk.sheets.safe_cells import csv_text
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import import_texts, labels
from sellerdesk.ui.errors import show_error
from sellerdesk.ui.runner import Runner

if TYPE_CHECKING:  # the services load after the first paint
    from sqlalchemy.orm import Session

    from sellerdesk.services.imports import FilePreview, FileResult, ImportResults
    from sellerdesk.ui.runner import JobControl

Index = QModelIndex | QPersistentModelIndex
IMPORT_FILE_FILTER = "Exports (*.csv *.xlsx *.xls *.xlsm);;All files (*)"
CHECKING_POLL_MS = 250  # how often a file still parsing updates its row


class ProblemModel(QAbstractTableModel):
    """Row problems: file, row, column, value, what is wrong. Warnings (rows imported all the same, e.g. an
    unknown status text) follow the problems and say so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowProblem] = []
        self._warnings = 0  # the last rows are warnings
        self._headers = [self.tr("File"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]

    def set_problems(self, problems: Sequence[RowProblem], warnings: Sequence[RowProblem] = ()) -> None:
        self.beginResetModel()
        self._rows = [*problems, *warnings]
        self._warnings = len(warnings)
        self.endResetModel()

    def problems(self) -> list[RowProblem]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self.cell_text(self._rows[index.row()], index.column())
        if index.column() == 4 and index.row() >= len(self._rows) - self._warnings:
            return self.tr("{problem} (imported all the same)").format(problem=text)
        return text

    @staticmethod
    def cell_text(problem: RowProblem, column: int) -> str:
        if column == 4:
            return import_texts.row_problem(problem.code, problem.message)
        return (problem.file, str(problem.row), problem.column, problem.value)[column]


class FileModel(QAbstractTableModel):
    """One row per file: what it is, or why it cannot be imported, and after the import what it did."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._previews: list[Any] = []
        self._results: dict[str, Any] = {}
        self._shop_names: dict[str, list[str]] = {}  # platform -> its shops, offered for files naming none
        self._chosen: dict[str, str] = {}  # file name -> the shop the user chose
        self._headers = [
            self.tr("File"), self.tr("Platform"), self.tr("Contents"), self.tr("Shop"), self.tr("Rows"),
            self.tr("Problems"), self.tr("Status"),
        ]  # fmt: skip

    def set_previews(self, previews: Sequence[Any]) -> None:
        self.beginResetModel()
        self._previews = list(previews)
        self._results = {}
        self.endResetModel()

    def update_previews(self, previews: Sequence[Any]) -> None:
        """The same files, as their parse stands now (selection and edits stay)."""
        self._previews = list(previews)
        if self._previews:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._previews) - 1, len(self._headers) - 1))

    def set_results(self, results: Sequence[Any]) -> None:
        self.beginResetModel()
        self._results = {r.file_name: r for r in results}
        self.endResetModel()

    def set_shop_names(self, names: dict[str, list[str]]) -> None:
        self._shop_names = names

    def shop_names(self, row: int) -> list[str]:
        return list(self._shop_names.get(self._previews[row].platform, []))

    def chosen_shops(self) -> dict[str, str]:
        return dict(self._chosen)

    def shop_choosable(self, row: int) -> bool:
        """A file that names no shop (a Taobao item file, most Pinduoduo exports) may go to another shop."""
        preview = self._previews[row]
        return preview.importable and not preview.shop_in_file and preview.file_name not in self._results

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 3 and self.shop_choosable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        name = " ".join(str(value).split())
        if not index.isValid() or index.column() != 3 or role != Qt.ItemDataRole.EditRole or not name:
            return False
        self._chosen[self._previews[index.row()].file_name] = name
        self.dataChanged.emit(index, index)
        return True

    def preview(self, row: int) -> Any:
        return self._previews[row]

    def previews(self) -> list[Any]:
        return list(self._previews)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._previews)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        preview = self._previews[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(preview, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return self._status(preview)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and self.shop_choosable(index.row()):
            return self.tr("The file names no shop: double-click to choose another shop or type a new name")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, preview: Any, column: int) -> str:
        if column == 0:
            return str(preview.file_name)
        if column == 1:
            return labels.platform(preview.platform) if preview.platform else ""
        if column == 2:
            return import_texts.file_kind(preview.kind) if preview.kind else ""
        if column == 3:
            result = self._results.get(preview.file_name)
            return str(result.shop if result else self._chosen.get(preview.file_name, preview.shop))
        if column == 4:
            if not preview.importable:
                return ""
            return ("≈ " if preview.checking else "") + fmt.count(preview.rows)
        if column == 5:
            return fmt.count(len(preview.problems)) if preview.problems else ""
        return self._status(preview)

    def _status(self, preview: Any) -> str:
        result = self._results.get(preview.file_name)
        if result is not None:
            return self.tr("{created} new, {updated} updated, {unchanged} unchanged, {refused} refused").format(
                created=fmt.count(result.created), updated=fmt.count(result.updated),
                unchanged=fmt.count(result.unchanged), refused=fmt.count(result.refused),
            )  # fmt: skip
        if not preview.importable:
            return import_texts.file_error(
                preview.error_code, preview.error, ", ".join(preview.missing_columns), ", ".join(preview.fallbacks)
            )
        notes = " ".join(import_texts.file_note(n.code, n.message, n.column, n.stand_in) for n in preview.notes)
        if preview.checking:
            return self.tr("Checking the rows… (you may import meanwhile)")
        if preview.problems:
            return " ".join((self.tr("Has problems: refused unless valid rows are imported"), notes)).strip()
        return " ".join((self.tr("Ready"), notes)).strip()


class ShopChoiceDelegate(QStyledItemDelegate):
    """The Shop cell of a file that names no shop: the platform's shops, or a new name typed in."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        model = index.model()
        if isinstance(model, FileModel):
            combo.addItems(model.shop_names(index.row()))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class ImportDialog(QDialog):
    """Preview → import → result, for the files the user dropped or chose.

    Signals:
        imported(list): the import finished; the per-file results.
    """

    imported = Signal(list)

    def __init__(self, runner: Runner, paths: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.paths = list(paths)
        self.setWindowTitle(self.tr("Import exports"))
        self.resize(1000, 600)
        self.files = FileModel(self)
        self.problems = ProblemModel(self)
        # A large file goes on parsing in its own process while the preview is shown: its row follows it.
        self._checking = QTimer(self)
        self._checking.setInterval(CHECKING_POLL_MS)
        self._checking.timeout.connect(self._follow_checking)
        self.finished.connect(lambda _result: self._stop_checking(close_plans=True))
        self._build()
        self.refresh_preview()

    @classmethod
    def choose_files(cls, parent: QWidget | None) -> list[Path]:
        """Ask for files (tests monkeypatch this)."""
        title = QCoreApplication.translate("ImportDialog", "Import exports")
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", IMPORT_FILE_FILTER)
        return [Path(n) for n in names]

    def _build(self) -> None:
        self.summary = QLabel(self.tr("Reading the files…"))
        self.summary.setWordWrap(True)
        self.file_view = self._table(self.files)
        self.file_view.setItemDelegateForColumn(3, ShopChoiceDelegate(self.file_view))
        self.file_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.file_view.selectionModel().currentRowChanged.connect(self._on_file_selected)
        self.problem_view = self._table(self.problems)
        self.accept_valid = QCheckBox(self.tr("Import the valid rows of files with problems (the rest is skipped)"))
        self.accept_valid.toggled.connect(self._update_buttons)
        self.accept_fallbacks = QCheckBox(self.tr("Use fallback columns"))
        self.accept_fallbacks.setToolTip(
            self.tr("Read the offered column in place of a missing one (e.g. the order time as the payment time).")
        )
        self.accept_fallbacks.toggled.connect(lambda _checked: self.refresh_preview())
        self.map_button = QPushButton(self.tr("Map columns…"))
        self.map_button.clicked.connect(self._on_map_columns)
        self.export_button = QPushButton(self.tr("Export problems…"))
        self.export_button.clicked.connect(self._on_export_problems)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self._on_import)
        self.close_button.clicked.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.file_view)
        splitter.addWidget(self.problem_view)
        splitter.setSizes([220, 300])
        tools = QHBoxLayout()
        tools.addWidget(self.accept_valid)
        tools.addWidget(self.accept_fallbacks)
        tools.addStretch(1)
        tools.addWidget(self.map_button)
        tools.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(tools)
        layout.addWidget(self.buttons)
        self._update_buttons()

    def _table(self, model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if model is self.files:
            # Export names are long (ShopOps__8248e1…orders_export2026-06-09-20-06-33.csv): the name gives
            # way, elided in the middle where the stamp survives, so the status stays readable.
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        else:
            header.setStretchLastSection(True)
        view.setWordWrap(False)
        return view

    # --- preview --------------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        from sellerdesk.services.imports import preview_paths
        from sellerdesk.services.shops import list_shops

        self._stop_checking(close_plans=True)  # read again: the earlier parses are not imported from
        self.import_button.setEnabled(False)
        paths, options = list(self.paths), self._options()

        def read(session: Session, job: JobControl) -> tuple[list[FilePreview], dict[str, list[str]]]:
            names: dict[str, list[str]] = {}
            for shop in list_shops(session):
                names.setdefault(shop.platform, []).append(shop.name)
            return preview_paths(session, paths, progress=job.progress, options=options), names

        self.runner.run(
            read,
            on_success=lambda out: self._show_preview(out[0], out[1]),
            label=self.tr("Reading the files…"),
            parent=self,
            writes=False,  # a preview only reads: other PCs may write meanwhile
        )

    def _show_preview(self, previews: list[FilePreview], shop_names: dict[str, list[str]] | None = None) -> None:
        if shop_names is not None:
            self.files.set_shop_names(shop_names)
        self.files.set_previews(previews)
        self.problems.set_problems(
            [p for preview in previews for p in preview.problems], [w for preview in previews for w in preview.warnings]
        )
        self.problem_view.setVisible(any(p.problems or p.warnings for p in previews))
        checking = sum(1 for p in previews if p.checking)
        ready = sum(1 for p in previews if p.importable and not p.problems and not p.checking)
        with_problems = sum(1 for p in previews if p.importable and p.problems)
        refused = sum(1 for p in previews if not p.importable)
        text = self.tr("{ready} file(s) ready, {problems} with problems, {refused} cannot be imported.")
        if checking:
            text = self.tr(
                "{ready} file(s) ready, {checking} being checked, {problems} with problems, {refused} cannot be imported."  # noqa: E501
            )
        self.summary.setText(text.format(ready=ready, checking=checking, problems=with_problems, refused=refused))
        if previews:
            self.file_view.selectRow(0)
        self._update_buttons()
        if any(p.checking for p in previews):
            self._checking.start()

    def _follow_checking(self) -> None:
        """A large file's preview as its parse stands; the whole preview once every file is parsed."""
        from sellerdesk.services.imports import preview_progress

        previews = self.files.previews()
        try:
            now = [preview_progress(p) for p in previews]
        except Exception as exc:  # the parser process failed (a bug): say so, as the import would
            self._stop_checking(close_plans=True)
            show_error(self, exc)
            return
        if any(p.checking for p in now):
            self.files.update_previews(now)
            return
        self._checking.stop()
        selected = self.file_view.currentIndex().row()
        self._show_preview(now)
        if selected > 0:
            self.file_view.selectRow(selected)

    def _stop_checking(self, *, close_plans: bool) -> None:
        """Stop following parses; ``close_plans``: also stop the parses themselves (nobody imports them)."""
        self._checking.stop()
        if close_plans:
            for preview in self.files.previews():
                if preview.plan is not None and preview.checking:
                    preview.plan.close()

    def _on_file_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            preview = self.files.preview(current.row())
            self.problems.set_problems(preview.problems, preview.warnings)
        self._update_buttons()

    def _selected(self) -> Any:
        index = self.file_view.currentIndex()
        return self.files.preview(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        previews = self.files.previews()
        selected = self._selected()
        self.map_button.setEnabled(bool(selected and selected.needs_mapping))
        self.accept_fallbacks.setVisible(self.accept_fallbacks.isChecked() or any(p.needs_fallbacks for p in previews))
        self.export_button.setEnabled(self.problems.rowCount() > 0)
        importable = [p for p in previews if p.importable]
        # All or nothing: a file that cannot be read blocks the run, so the shop never gets half a pair.
        blocked = len(importable) != len(previews) or (
            any(p.problems for p in importable) and not self.accept_valid.isChecked()
        )
        self.import_button.setEnabled(bool(previews) and not blocked)

    # --- mapping --------------------------------------------------------------------------------------

    def _on_map_columns(self) -> None:
        from sellerdesk.ui.dialogs.mapping_dialog import MappingDialog

        preview = self._selected()
        if preview is None or not preview.needs_mapping:
            return
        choice = MappingDialog.ask(preview.file_name, list(preview.header), self)
        if choice is None:
            return
        from sellerdesk.services.mappings import save_mapping

        header = list(preview.header)
        self.runner.run(
            lambda session, _job: save_mapping(session, header, choice),
            on_success=lambda _saved: self.refresh_preview(),
            parent=self,
        )

    # --- import ---------------------------------------------------------------------------------------

    def _on_import(self) -> None:
        from sellerdesk.db.backup import automatic_backup
        from sellerdesk.services.imports import import_paths

        options = self._options()
        previews = self.files.previews()
        paths = [p.path for p in previews]
        plans = [p.plan for p in previews]  # each file as the preview parsed it: not read a second time
        actor = self.runner.actor
        self.import_button.setEnabled(False)
        self._stop_checking(close_plans=False)  # a file still parsing is written as it parses

        def run(session: Session, job: JobControl) -> ImportResults:
            automatic_backup(session.get_bind(), "before-import")  # an SQLite file's state before the import
            return import_paths(
                session,
                paths,
                options=options,
                progress=job.progress,
                cancelled=job.cancelled,
                actor=actor,
                plans=plans,
            )

        self.runner.run(
            run,
            on_success=self._show_results,
            on_error=self._on_import_failed,
            label=self.tr("Importing…"),
            parent=self,
        )

    def _options(self) -> Any:
        from sellerdesk.services.imports import ImportOptions

        return ImportOptions(
            accept_valid_rows=self.accept_valid.isChecked(),
            accept_fallbacks=self.accept_fallbacks.isChecked(),
            shops=self.files.chosen_shops(),
        )

    def _show_results(self, results: list[FileResult]) -> None:
        self.files.set_results(results)
        created = sum(r.created for r in results)
        updated = sum(r.updated for r in results)
        unlinked = sum(r.unlinked_lines for r in results)
        text = self.tr("Imported: {created} new orders, {updated} updated.").format(
            created=fmt.count(created), updated=fmt.count(updated)
        )
        if unlinked:
            text += " " + self.tr(
                "{n} item lines have no catalog SKU yet; link them in the Products tab. They count in every figure."
            ).format(n=fmt.count(unlinked))
        for result in results:
            if result.incomplete_orders:
                text += " " + self.incomplete_text(result)
        self.summary.setText(text)
        self.import_button.hide()
        self.accept_valid.setEnabled(False)
        self.imported.emit(results)

    def incomplete_text(self, result: Any) -> str:
        """An item file whose orders its order file lacks: those orders count in no figure until it comes."""
        return self.tr(
            "{n} orders of {file} are missing from the order file (first: {ids}). They are kept but count in no"
            " figure: import the order file of the same export too."
        ).format(
            n=fmt.count(result.incomplete_orders),
            file=result.file_name,
            ids=", ".join(result.incomplete_examples[:3]) + ("…" if result.incomplete_orders > 3 else ""),
        )

    def _on_import_failed(self, exc: BaseException) -> None:
        from sellerdesk.services.imports import ImportRefused

        if isinstance(exc, ImportRefused):
            self.problems.set_problems([p for r in exc.results for p in r.problems])
            self.problem_view.setVisible(True)
            self.summary.setText(self.tr("Nothing was imported: some files have problems."))
        else:
            show_error(self, exc)
        self._update_buttons()

    # --- problems out ---------------------------------------------------------------------------------

    def _on_export_problems(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export problems"), "problems.csv", "CSV (*.csv)")
        if name:
            self.write_problems(Path(name))

    def write_problems(self, path: Path) -> None:
        """A CSV the user can open in Excel/WPS (UTF-8 with BOM so Chinese shows)."""
        try:
            with writing(path), path.open("w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh)
                out.writerow([self.problems.headerData(c, Qt.Orientation.Horizontal) for c in range(5)])
                for problem in self.problems.problems():
                    out.writerow([csv_text(ProblemModel.cell_text(problem, c)) for c in range(5)])
        except SellerDeskError as exc:
            show_error(self, exc)
