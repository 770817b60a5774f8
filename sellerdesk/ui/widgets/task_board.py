"""The task board: one list per board column, cards dragged within and between them.

Each column is a ``LaneModel`` (a list model over ``TaskCard`` DTOs) shown in a ``QListView``. A drag
carries the task's id and version as MIME data; a drop does not move anything itself: the lane emits
``dropped`` with the card that the task should now stand above, the tab asks the service to move it,
and the board reloads from the database — so the order on screen is always the stored order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services.tasks import Board, BoardColumn, TaskCard
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui import labels
from sellerdesk.ui.resources import theme_colour
from sellerdesk.ui.theme import status_colour, status_css
from sellerdesk.ui.widgets.util import named

MIME_TYPE = "application/x-sellerdesk-task"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_HEIGHT = 66
LANE_WIDTH = 290
AnyIndex = QModelIndex | QPersistentModelIndex
_PRIORITY_STATUS = {"urgent": "overdue", "high": "breaching", "normal": "muted", "low": "faint"}  # theme.STATUS


def column_title(column: BoardColumn) -> str:
    return column.name or labels.task_status(column.status)


def due_text(card: TaskCard) -> str:
    if card.due_date is None:
        return ""
    text = fmt.day(card.due_date)
    return f"{text} {card.due_time.strftime('%H:%M')}" if card.due_time else text


class LaneModel(QAbstractListModel):
    """The cards of one board column (or of a "my tasks" section, where ``column`` is None: no drops).

    Signals:
        dropped(task_id, version, column_key, before_id): a card was dropped here, above ``before_id``
            (None: at the end).
    """

    dropped = Signal(int, int, str, object)

    def __init__(self, column: BoardColumn | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.cards: tuple[TaskCard, ...] = ()
        self.now_local = datetime.now()

    def set_cards(self, cards: Sequence[TaskCard], now_local: datetime) -> None:
        self.beginResetModel()
        self.cards, self.now_local = tuple(cards), now_local
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (card.title, card.assignee, due_text(card)) if t)
        if role == CARD_ROLE:
            return card
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        drop = Qt.ItemFlag.ItemIsDropEnabled if self.column is not None else Qt.ItemFlag.NoItemFlags
        if not index.isValid():
            return drop
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | (Qt.ItemFlag.ItemIsDragEnabled | drop if self.column is not None else base)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            card = self.cards[rows[0]]
            data.setData(MIME_TYPE, json.dumps({"id": card.id, "version": card.version}).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        return self.column is not None and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self.column is None:
            return False
        moved = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        if row < 0:  # dropped onto a card: above it; onto empty space: at the end
            row = parent.row() if parent.isValid() else len(self.cards)
        before = next((c.id for c in self.cards[row:] if c.id != moved["id"]), None)
        self.dropped.emit(int(moved["id"]), int(moved["version"]), self.column.key, before)
        return True  # the view removes nothing: the source model has no removeRows, the board reloads


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, then assignee, due (red when late), priority and checklist progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = {k: theme_colour(k) for k in ("border", "text", "text-muted", "danger", "accent", "hover")}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(LANE_WIDTH - 24, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card: TaskCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        model = index.model()
        now_local = getattr(model, "now_local", datetime.now())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(2, 3, -2, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(self._colours["accent"] if selected else self._colours["border"], 1))
        painter.setBrush(self._colours["hover"] if selected else theme_colour("surface"))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRect(rect.left(), rect.top() + 6, 3, rect.height() - 12), self._priority(card))
        inner = rect.adjusted(12, 7, -10, -7)
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self._colours["text"])
        title = QFontMetrics(title_font).elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        painter.setFont(option.font)
        self._meta_line(painter, inner, card, now_local, QFontMetrics(option.font))
        painter.restore()

    def _priority(self, card: TaskCard) -> QColor:
        return status_colour(_PRIORITY_STATUS.get(card.priority, "muted"))

    def _meta_line(
        self, painter: QPainter, inner: QRect, card: TaskCard, now_local: datetime, fm: QFontMetrics
    ) -> None:
        bottom = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        parts = [card.assignee or self.tr("Unassigned")]
        if card.checklist_total:
            parts.append(f"☑ {card.checklist_done}/{card.checklist_total}")
        if card.series_id is not None:
            parts.append("↻")
        left = "  ·  ".join(parts)
        due = due_text(card)
        due_width = fm.horizontalAdvance(due) + 4 if due else 0
        painter.setPen(self._colours["text-muted"])
        space = inner.width() - due_width - 8
        painter.drawText(inner, bottom, fm.elidedText(left, Qt.TextElideMode.ElideRight, space))
        if due:
            painter.setPen(self._colours["danger"] if card.overdue(now_local) else self._colours["text-muted"])
            painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, due)


def card_view(model: LaneModel, parent: QWidget | None = None) -> QListView:
    """A list of cards; dragging on when the model is a board column."""
    view = named(QListView(parent), "taskLane")
    view.setModel(model)
    view.setItemDelegate(CardDelegate(view))
    view.setUniformItemSizes(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSpacing(1)
    if model.column is not None:
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragDropOverwriteMode(False)
    return view


class BoardWidget(QScrollArea):
    """The board's columns side by side.

    Signals:
        move_requested(task_id, version, column_key, before_id): a card was dropped.
        open_requested(task_id): a card was double-clicked (or Enter pressed on it).
        menu_requested(card, global_pos): a card was right-clicked.
    """

    move_requested = Signal(int, int, str, object)
    open_requested = Signal(int)
    menu_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskBoard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._inner = QWidget()
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(12)
        self.setWidget(self._inner)
        self.lanes: dict[str, tuple[LaneModel, QListView, QLabel, QLabel]] = {}
        self._columns: tuple[BoardColumn, ...] = ()

    def set_board(self, board: Board) -> None:
        columns = tuple(lane.column for lane in board.lanes)
        if columns != self._columns:
            self._rebuild(columns)
        for lane in board.lanes:
            model, _, header, more = self.lanes[lane.column.key]
            model.set_cards(lane.cards, board.now_local)
            count = len(lane.cards) + lane.hidden
            header.setText(
                f"{column_title(lane.column)}  <span style='color:{status_css('muted')}'>{fmt.count(count)}</span>"
            )
            more.setVisible(lane.hidden > 0)
            more.setText(self.tr("%n more not shown: narrow the filters or use the list.", "", lane.hidden))

    def lane(self, key: str) -> LaneModel:
        return self.lanes[key][0]

    def view(self, key: str) -> QListView:
        return self.lanes[key][1]

    def _rebuild(self, columns: tuple[BoardColumn, ...]) -> None:
        for model, view, header, more in self.lanes.values():
            for part in (view, header, more):
                part.deleteLater()
            model.deleteLater()
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lanes = {}
        for column in columns:
            self._row.addWidget(self._lane_frame(column), 1)
        self._columns = columns

    def _on_menu(self, view: QListView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid():
            self.menu_requested.emit(index.data(CARD_ROLE), view.viewport().mapToGlobal(pos))

    def _lane_frame(self, column: BoardColumn) -> QFrame:
        frame = named(QFrame(), "taskLaneFrame")
        frame.setMinimumWidth(LANE_WIDTH)
        frame.setMaximumWidth(2 * LANE_WIDTH)
        box = QVBoxLayout(frame)
        box.setContentsMargins(8, 8, 8, 8)
        box.setSpacing(6)
        header = named(QLabel(textFormat=Qt.TextFormat.RichText), "taskLaneTitle")
        more = named(QLabel(wordWrap=True), "taskLaneMore")
        model = LaneModel(column, self)
        view = card_view(model)
        model.dropped.connect(self.move_requested)
        view.activated.connect(lambda index: self.open_requested.emit(index.data(CARD_ROLE).id))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self._on_menu(view, pos))
        box.addWidget(header)
        box.addWidget(view, 1)
        box.addWidget(more)
        self.lanes[column.key] = (model, view, header, more)
        return frame
