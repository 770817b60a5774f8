"""One service ticket: its fields and after-sale case, its deadlines, its history, and the actions on it.

``TicketDialog`` is a window of its own (not modal): agents keep it open beside the platform chat. Every
action runs through the runner and reads the ticket again afterwards; a save over someone else's change is
refused (the ticket's version) and the window reloads. ``NewTicketDialog`` asks for a ticket opened from
the queue; ``CannedRepliesDialog`` is where managers edit the canned replies.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain import tickets as rules
from sellerdesk.domain.enums import Priority, TicketCategory, TicketStatus
from sellerdesk.domain.errors import SellerDeskError
from sellerdesk.domain.money import format_cents, parse_cents
from sellerdesk.domain.permissions import OWNER, Action, can
from sellerdesk.services import tickets as svc
from sellerdesk.services.tickets import canned, queue
from sellerdesk.services.tickets.queue import ShopChoice, TicketDetail
from sellerdesk.ui import errors, labels, shortcuts
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.theme import status_colour
from sellerdesk.ui.widgets.util import choice_combo, named, resize_within_screen

if TYPE_CHECKING:
    from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog


def _select(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def category_items() -> list[tuple[str, str]]:
    return [(labels.ticket_category(c.value), c.value) for c in TicketCategory]


def priority_items() -> list[tuple[str, str]]:
    return [(labels.priority(p.value), p.value) for p in Priority]


class TicketDialog(QDialog):
    """One ticket's window; ``open_order`` opens the order's detail beside it."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        runner: Runner,
        ticket_id: int,
        *,
        me: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDialog")
        self.ticket_id = ticket_id
        self._factory = session_factory
        self._runner = runner
        self._me = me
        self._resent = False  # the follow-up parcel took its units out of stock already
        resize_within_screen(self, 1060, 720)
        self._build()
        self.reload()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.title_label = named(QLabel(), "ticketTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.about_label = named(QLabel(), "ticketAbout")
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sla_label = named(QLabel(), "ticketSla")
        self.order_button = named(QPushButton(self.tr("Open order")), "openTicketOrder")
        self.order_button.clicked.connect(self.open_order)
        head = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.title_label)
        texts.addWidget(self.about_label)
        texts.addWidget(self.sla_label)
        head.addLayout(texts, 1)
        head.addWidget(self.order_button, 0, Qt.AlignmentFlag.AlignTop)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        fields = named(
            QScrollArea(), "formScroll"
        )  # the form scrolls rather than the window outgrowing a 1280×800 screen
        fields.setWidget(self._fields_panel())
        fields.setWidgetResizable(True)
        fields.setFrameShape(QFrame.Shape.NoFrame)
        fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel = fields.widget()
        assert panel is not None
        fields.setMinimumWidth(panel.minimumSizeHint().width() + fields.verticalScrollBar().sizeHint().width())
        splitter.addWidget(fields)
        splitter.addWidget(self._history_panel())
        splitter.setSizes([520, 540])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addLayout(head)
        layout.addLayout(self._status_row())
        layout.addWidget(splitter, 1)

    def _status_row(self) -> QHBoxLayout:
        self.claim_button = named(QPushButton(self.tr("Claim")), "ticketClaim")
        self.claim_button.clicked.connect(self.claim)
        self.assignee_combo = named(QComboBox(), "ticketAssignee")
        self.assignee_combo.setToolTip(self.tr("Who works this ticket"))
        self.assignee_combo.activated.connect(lambda _i: self.assign(self.assignee_combo.currentData()))
        self.status_buttons: dict[str, QPushButton] = {}
        actions = (
            (TicketStatus.PENDING, self.tr("Waiting on buyer"), self.tr("The clock stops until the buyer answers")),
            (TicketStatus.OPEN, self.tr("Back to work"), self.tr("The buyer answered: the clock runs on")),
            (TicketStatus.RESOLVED, self.tr("Resolve"), self.tr("Solved: the resolution clock stops")),
            (TicketStatus.CLOSED, self.tr("Close"), self.tr("Nothing more to do")),
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Assignee:")))
        row.addWidget(self.assignee_combo)
        row.addWidget(self.claim_button)
        row.addStretch(1)
        for status, text, tip in actions:
            button = named(QPushButton(text), f"status_{status}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
            row.addWidget(button)
        self.reopen_button = named(QPushButton(self.tr("Reopen")), "ticketReopen")
        self.reopen_button.clicked.connect(lambda: self.set_status(TicketStatus.OPEN))
        row.addWidget(self.reopen_button)
        return row

    def _fields_panel(self) -> QWidget:
        self.subject_edit = named(QLineEdit(), "ticketSubjectEdit")
        self.category_combo = choice_combo("ticketCategoryEdit", category_items())
        self.category_combo.currentIndexChanged.connect(self._show_after_sale)
        self.priority_combo = choice_combo("ticketPriorityEdit", priority_items())
        self.tags_edit = named(QLineEdit(), "ticketTags")
        self.tags_edit.setPlaceholderText(self.tr("e.g. VIP, 催件 (comma-separated)"))
        self.buyer_edit = named(QLineEdit(), "ticketBuyer")
        self.description_edit = named(QPlainTextEdit(), "ticketDescription")
        self.description_edit.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Priority:"), self.priority_combo)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Buyer:"), self.buyer_edit)
        form.addRow(self.tr("Description:"), self.description_edit)

        self.save_button = named(QPushButton(self.tr("Save changes")), "ticketSave")
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        shortcuts.bind_button(self.save_button, "save")
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addLayout(form)
        layout.addWidget(self._after_sale_box())
        layout.addWidget(self._outcome_box())
        layout.addStretch(1)
        layout.addLayout(save_row)
        return panel

    def _after_sale_box(self) -> QGroupBox:
        box = named(QGroupBox(self.tr("After-sale case")), "afterSaleBox")
        self.aftersale_combo = choice_combo(
            "aftersaleType",
            [(self.tr("(none)"), ""), *((labels.aftersale_type(t.value), t.value) for t in rules.AfterSaleType)],
        )
        self.aftersale_combo.currentIndexChanged.connect(self._enable_after_sale)
        self.refund_edit = named(QLineEdit(), "refundAmount")
        self.refund_edit.setPlaceholderText("0.00")
        self.return_carrier_edit = named(QLineEdit(), "returnCarrier")
        self.return_tracking_edit = named(QLineEdit(), "returnTracking")
        self.return_line_combo = named(QComboBox(), "returnLine")
        self.return_qty = named(QSpinBox(), "returnQty")
        self.return_qty.setMinimum(1)
        self.return_line_combo.setMinimumWidth(200)
        self.receive_button = named(QPushButton(self.tr("Into returns stock")), "receiveReturn")
        self.receive_button.setToolTip(self.tr("Book the returned units into the Returns warehouse (stock ledger)"))
        self.receive_button.clicked.connect(self.receive_return)
        self.return_state = named(QLabel(), "returnState")
        receive = QHBoxLayout()
        receive.addWidget(self.return_line_combo, 1)
        receive.addWidget(self.return_qty)
        receive.addWidget(self.receive_button)
        self.resend_carrier_edit = named(QLineEdit(), "resendCarrier")
        self.resend_tracking_edit = named(QLineEdit(), "resendTracking")
        self.resend_button = named(QPushButton(self.tr("Record shipment")), "recordResend")
        self.resend_button.clicked.connect(self.record_resend)
        self.resend_line_combo = named(QComboBox(), "resendLine")
        self.resend_line_combo.setMinimumWidth(200)
        self.resend_line_combo.setToolTip(self.tr("What the new parcel takes out of the main warehouse"))
        self.resend_qty = named(QSpinBox(), "resendQty")
        self.resend_qty.setMinimum(1)
        self.resend_line_combo.currentIndexChanged.connect(self._enable_after_sale)
        self.resend_state = named(QLabel(), "resendState")
        resend = QHBoxLayout()
        resend.addWidget(self.resend_carrier_edit)
        resend.addWidget(self.resend_tracking_edit, 1)
        resend.addWidget(self.resend_button)
        sent = QHBoxLayout()
        sent.addWidget(self.resend_line_combo, 1)
        sent.addWidget(self.resend_qty)
        self.resend_carrier_edit.setPlaceholderText(self.tr("Carrier"))
        self.resend_tracking_edit.setPlaceholderText(self.tr("Tracking number"))
        form = QFormLayout(box)
        form.addRow(self.tr("Type:"), self.aftersale_combo)
        form.addRow(self.tr("Refund (¥):"), self.refund_edit)
        form.addRow(self.tr("Return carrier:"), self.return_carrier_edit)
        form.addRow(self.tr("Return tracking no.:"), self.return_tracking_edit)
        form.addRow(self.tr("Return received:"), receive)
        form.addRow("", self.return_state)
        form.addRow(self.tr("Follow-up shipment:"), resend)
        form.addRow(self.tr("Units sent:"), sent)
        form.addRow("", self.resend_state)
        self.after_sale_box = box
        return box

    def _outcome_box(self) -> QGroupBox:
        box = named(QGroupBox(self.tr("Outcome")), "outcomeBox")
        self.rating_combo = choice_combo(
            "buyerRating", [(self.tr("(not rated)"), None), *(("★" * n, n) for n in range(1, 6))]
        )
        self.review_combo = choice_combo(
            "reviewOutcome",
            [
                (self.tr("(no bad review)"), ""),
                (labels.review_outcome(rules.ReviewOutcome.REMOVED.value), rules.ReviewOutcome.REMOVED.value),
                (labels.review_outcome(rules.ReviewOutcome.FOLLOWED_UP.value), rules.ReviewOutcome.FOLLOWED_UP.value),
            ],
        )
        self.outcome_edit = named(QLineEdit(), "outcomeText")
        form = QFormLayout(box)
        form.addRow(self.tr("Buyer's rating:"), self.rating_combo)
        form.addRow(self.tr("Review:"), self.review_combo)
        form.addRow(self.tr("Outcome:"), self.outcome_edit)
        return box

    def _history_panel(self) -> QWidget:
        self.history = named(QListWidget(), "ticketHistory")
        self.history.setWordWrap(True)
        self.history.setSpacing(3)
        self.history.setAlternatingRowColors(True)
        self.canned_combo = named(QComboBox(), "cannedCombo")
        self.canned_combo.setToolTip(self.tr("A canned reply for this category, filled from the ticket"))
        self.fill_button = named(QPushButton(self.tr("Fill and copy")), "fillCanned")
        self.fill_button.setToolTip(
            self.tr("Put the canned reply, with this ticket's details, in the box and on the clipboard")
        )
        self.fill_button.clicked.connect(self.fill_canned)
        canned_row = QHBoxLayout()
        canned_row.addWidget(self.canned_combo, 1)
        canned_row.addWidget(self.fill_button)
        self.reply_edit = named(QPlainTextEdit(), "replyText")
        self.reply_edit.setPlaceholderText(self.tr("The reply you sent in the platform chat, or an internal note"))
        self.reply_edit.setMaximumHeight(110)
        self.reply_button = named(QPushButton(self.tr("Record reply")), "recordReply")
        self.reply_button.setToolTip(
            self.tr("You answered the buyer in the platform chat: the first reply stops the response clock")
        )
        self.reply_button.clicked.connect(self.record_reply)
        self.note_button = named(QPushButton(self.tr("Add note")), "addNote")
        self.note_button.setToolTip(self.tr("An internal note: the buyer never sees it"))
        self.note_button.clicked.connect(self.add_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.reply_button)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history, 1)
        layout.addLayout(canned_row)
        layout.addWidget(self.reply_edit)
        layout.addLayout(buttons)
        return panel

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        with self._factory() as session:
            self.detail = svc.ticket_detail(session, self.ticket_id)
            self._agents = queue.list_agents(session)
            self._canned = svc.list_canned(session, self.detail.category)
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        self.setWindowTitle(self.tr("Ticket #{id}").format(id=d.id))
        self.title_label.setText(f"#{d.id}  {d.subject}")
        self.about_label.setText(self._about(d))
        self.sla_label.setText(self._sla_text(d, datetime.now(UTC)))
        self.order_button.setEnabled(d.order_id is not None)
        self.subject_edit.setText(d.subject)
        _select(self.category_combo, d.category)
        _select(self.priority_combo, d.priority)
        self.tags_edit.setText(d.tags)
        self.buyer_edit.setText(d.buyer_nick)
        self.description_edit.setPlainText(d.description)
        _select(self.aftersale_combo, d.aftersale_type)
        self.refund_edit.setText(format_cents(d.refund_cents, symbol="") if d.refund_cents else "")
        self.return_carrier_edit.setText(d.return_carrier)
        self.return_tracking_edit.setText(d.return_tracking)
        self.resend_carrier_edit.setText(d.resend_carrier)
        self.resend_tracking_edit.setText(d.resend_tracking)
        self.return_line_combo.clear()
        for line in d.lines:
            self.return_line_combo.addItem(f"{line.seller_code} · {line.title} × {line.qty}", line.id)
        if d.return_received_at is not None:
            self.return_state.setText(
                self.tr("Received {when}").format(when=fmt.shop_time(d.return_received_at, d.timezone))
            )
        else:
            self.return_state.setText("" if d.lines else self.tr("No order lines: link the ticket to an order"))
        self._fill_resend_lines(d)
        _select(self.rating_combo, d.satisfaction)
        _select(self.review_combo, d.review_outcome)
        self.outcome_edit.setText(d.outcome)
        self._fill_assignees()
        self._fill_history()
        self._fill_canned()
        self._show_after_sale()
        self._enable_actions()

    def _fill_resend_lines(self, d: TicketDetail) -> None:
        """The lines a follow-up parcel can take out of stock, the first chosen; or what it took already."""
        self.resend_line_combo.clear()
        for line in d.lines:
            self.resend_line_combo.addItem(f"{line.seller_code} · {line.title} × {line.qty}", line.id)
        self.resend_line_combo.addItem(self.tr("(none from our stock)"), None)
        sent = next((e for e in d.events if e.kind == "ship_out"), None)
        self._resent = sent is not None
        text = self.tr("{qty} × {code} left the main warehouse") if sent else ""
        self.resend_state.setText(text.format(qty=sent.new, code=sent.body) if sent else "")

    def _about(self, d: TicketDetail) -> str:
        parts = [labels.ticket_status(d.status)]
        if d.platform or d.shop:
            parts.append(" · ".join(p for p in (labels.platform(d.platform) if d.platform else "", d.shop) if p))
        if d.buyer_nick:
            parts.append(self.tr("Buyer {buyer}").format(buyer=d.buyer_nick))
        if d.platform_order_id:
            parts.append(self.tr("Order {order}").format(order=d.platform_order_id))
        parts.append(self.tr("Opened {when}").format(when=fmt.shop_time(d.created_at, d.timezone)))
        if d.merged_into_id is not None:
            parts.append(self.tr("Merged into #{id}").format(id=d.merged_into_id))
        return "   ·   ".join(parts)

    def _sla_text(self, d: TicketDetail, now: datetime) -> str:
        if d.first_response_at is not None:
            late = self.tr(" (late)") if d.response_breached else ""
            first = self.tr("First reply {when}{late}").format(
                when=fmt.shop_time(d.first_response_at, d.timezone), late=late
            )
        elif d.first_response_due is not None:
            first = self.tr("First reply due {when}").format(when=fmt.shop_time(d.first_response_due, d.timezone))
            first += self._left(d.first_response_due, now)
        else:
            first = ""
        if d.resolved_at is not None:
            late = self.tr(" (late)") if d.resolution_breached else ""
            second = self.tr("Resolved {when}{late}").format(when=fmt.shop_time(d.resolved_at, d.timezone), late=late)
        elif d.resolution_due is not None:
            second = self.tr("Resolution due {when}").format(when=fmt.shop_time(d.resolution_due, d.timezone))
            second += self._left(d.resolution_due, now)
        elif d.clock_left_s is not None:
            from sellerdesk.ui.tabs.tickets import duration_text

            second = self.tr("Clock paused, {time} left").format(time=duration_text(max(d.clock_left_s, 0)))
        else:
            second = ""
        return "   ·   ".join(p for p in (first, second) if p)

    def _left(self, due: datetime, now: datetime) -> str:
        from sellerdesk.ui.tabs.tickets import duration_text

        seconds = int((due - now).total_seconds())
        if seconds < 0:
            return self.tr(" — {time} overdue").format(time=duration_text(seconds))
        return self.tr(" — {time} left").format(time=duration_text(seconds))

    def _fill_assignees(self) -> None:
        self.assignee_combo.clear()
        self.assignee_combo.addItem(self.tr("Unassigned"), None)
        for agent in self._agents:
            self.assignee_combo.addItem(agent.name, agent.id)
        _select(self.assignee_combo, self.detail.assignee_id)

    def _fill_history(self) -> None:
        self.history.clear()
        for e in self.detail.events:
            who = e.staff or self.tr("someone")
            item = QListWidgetItem(f"{fmt.shop_time(e.at, self.detail.timezone)}  {who}\n{self._event_text(e)}")
            if e.kind == "reply":
                item.setForeground(status_colour("link"))  # the buyer heard this: set apart from notes
            self.history.addItem(item)
        self.history.scrollToBottom()

    def _event_text(self, e: queue.EventRow) -> str:
        if e.kind == "status":
            if not e.old:
                return self.tr("Opened the ticket")
            text = self.tr("Status: {old} → {new}").format(
                old=labels.ticket_status(e.old), new=labels.ticket_status(e.new)
            )
            return f"{text}\n{e.body}" if e.body else text
        if e.kind == "assign":
            return self.tr("Assigned: {old} → {new}").format(
                old=e.old or self.tr("nobody"), new=e.new or self.tr("nobody")
            )
        if e.kind == "reply":
            return self.tr("Replied: {text}").format(text=e.body)
        if e.kind == "note":
            return self.tr("Note: {text}").format(text=e.body)
        if e.kind == "edit":
            return self.tr("Changed {field}: “{old}” → “{new}”").format(
                field=labels.ticket_field(e.body), old=_shown(e.body, e.old), new=_shown(e.body, e.new)
            )
        if e.kind == "merge":
            if e.old:
                return self.tr("Merged ticket {ticket} in: {subject}").format(ticket=e.old, subject=e.body)
            return self.tr("Merged into ticket {ticket}").format(ticket=e.new)
        if e.kind == "restock":
            return self.tr("Return received: {qty} × {code} into the returns warehouse").format(qty=e.new, code=e.body)
        if e.kind == "reship":
            return self.tr("Follow-up shipment: {carrier} {tracking}").format(carrier=e.old, tracking=e.new)
        if e.kind == "ship_out":
            return self.tr("Follow-up shipment: {qty} × {code} out of the main warehouse").format(
                qty=e.new, code=e.body
            )
        return e.body

    def _fill_canned(self) -> None:
        self.canned_combo.clear()
        if not self._canned:
            self.canned_combo.addItem(self.tr("(no canned reply for this category)"), None)
        for reply in self._canned:
            self.canned_combo.addItem(reply.title, reply.body)
        self.fill_button.setEnabled(bool(self._canned))

    def _show_after_sale(self) -> None:
        self.after_sale_box.setVisible(rules.has_after_sale(self.category_combo.currentData()))
        self._enable_after_sale()

    def _enable_after_sale(self) -> None:
        kind = self.aftersale_combo.currentData() or ""
        saved = kind == self.detail.aftersale_type  # actions work on the saved case
        refunding = kind in rules.REFUNDING_TYPES
        self.refund_edit.setEnabled(refunding)
        returning = kind in rules.RETURNING_TYPES
        for edit in (self.return_carrier_edit, self.return_tracking_edit):
            edit.setEnabled(returning)
        may_move_stock = can(getattr(self._runner, "actor", OWNER), Action.AFTER_SALE_STOCK)
        open_return = self.detail.return_received_at is None and bool(self.detail.lines)
        can_receive = may_move_stock and returning and saved and open_return
        widgets: tuple[QWidget, ...] = (self.return_line_combo, self.return_qty, self.receive_button)
        for widget in widgets:
            widget.setEnabled(can_receive)
        line = next((x for x in self.detail.lines if x.id == self.return_line_combo.currentData()), None)
        self.return_qty.setMaximum(line.qty if line else 1)
        reshipping = kind in rules.RESHIPPING_TYPES and saved
        widgets = (self.resend_carrier_edit, self.resend_tracking_edit, self.resend_button)
        for widget in widgets:
            widget.setEnabled(reshipping)
        # Units leave stock once a ticket; a later save of the shipment corrects only its tracking number.
        may_send = reshipping and may_move_stock and not self._resent
        self.resend_line_combo.setEnabled(may_send)
        sent_line = next((x for x in self.detail.lines if x.id == self.resend_line_combo.currentData()), None)
        self.resend_qty.setEnabled(may_send and sent_line is not None)
        self.resend_qty.setMaximum(sent_line.qty if sent_line else 1)

    def _enable_actions(self) -> None:
        d = self.detail
        merged = d.merged_into_id is not None
        self.claim_button.setEnabled(d.assignee_id is None and self._me is not None and not merged)
        self.claim_button.setToolTip(
            self.tr("Take this ticket")
            if self._me is not None
            else self.tr("Choose your name under “Working as” first")
        )
        allowed = {s for s in TicketStatus if s != d.status and _allowed(d.status, s)}
        reopen = d.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
        for status, button in self.status_buttons.items():
            button.setVisible(not (reopen and status == TicketStatus.OPEN))
            button.setEnabled(status in allowed and not merged)
        self.status_buttons[TicketStatus.OPEN].setVisible(d.status == TicketStatus.PENDING)
        self.reopen_button.setVisible(reopen)
        self.reopen_button.setEnabled(reopen and not merged)
        self.save_button.setEnabled(not merged)

    # ------------------------------------------------------------ actions

    def edit(self) -> svc.TicketEdit:
        """The fields as typed (raises SellerDeskError on an unreadable amount)."""
        text = self.refund_edit.text().strip() if self.refund_edit.isEnabled() else ""
        return svc.TicketEdit(
            subject=self.subject_edit.text(),
            category=self.category_combo.currentData(),
            priority=self.priority_combo.currentData(),
            tags=self.tags_edit.text(),
            description=self.description_edit.toPlainText(),
            buyer_nick=self.buyer_edit.text(),
            aftersale_type=self.aftersale_combo.currentData() or "",
            refund_cents=parse_cents(text) if text else 0,
            return_carrier=self.return_carrier_edit.text().strip(),
            return_tracking=self.return_tracking_edit.text().strip(),
            satisfaction=self.rating_combo.currentData(),
            review_outcome=self.review_combo.currentData() or "",
            outcome=self.outcome_edit.text().strip(),
        )

    def save(self) -> None:
        try:
            edit = self.edit()
        except (SellerDeskError, ValueError) as exc:
            errors.show_error(self, exc if isinstance(exc, SellerDeskError) else _bad_amount())
            return
        version, me, tid = self.detail.version, self._me, self.ticket_id
        self._run(lambda s: svc.update_ticket(s, tid, edit, expected_version=version, actor=me))

    def set_status(self, status: str) -> None:
        version, me, tid = self.detail.version, self._me, self.ticket_id
        self._run(lambda s: svc.set_status(s, tid, status, expected_version=version, actor=me))

    def claim(self) -> None:
        me, tid = self._me, self.ticket_id
        if me is not None:
            self._run(lambda s: svc.claim_ticket(s, tid, me))

    def assign(self, staff_id: int | None) -> None:
        if staff_id == self.detail.assignee_id:
            return
        version, me, tid = self.detail.version, self._me, self.ticket_id
        self._run(lambda s: svc.assign_tickets(s, [tid], staff_id, expected_version=version, actor=me))

    def record_reply(self) -> None:
        text, me, tid = self.reply_edit.toPlainText(), self._me, self.ticket_id
        self._run(lambda s: svc.record_reply(s, tid, text, actor=me), clear_reply=True)

    def add_note(self) -> None:
        text, me, tid = self.reply_edit.toPlainText(), self._me, self.ticket_id
        self._run(lambda s: svc.add_note(s, tid, text, actor=me), clear_reply=True)

    def fill_canned(self) -> str:
        """The chosen canned reply with this ticket's values: into the reply box and onto the clipboard."""
        body = self.canned_combo.currentData()
        if not body:
            return ""
        agent = next((a.name for a in self._agents if a.id == self._me), "")
        text = canned.fill_canned(body, self.detail, agent)
        self.reply_edit.setPlainText(text)
        QGuiApplication.clipboard().setText(text)
        return text

    def receive_return(self) -> None:
        item, qty = self.return_line_combo.currentData(), self.return_qty.value()
        version, me, tid = self.detail.version, self._me, self.ticket_id
        if item is not None:
            self._run(lambda s: svc.receive_return(s, tid, item, qty, expected_version=version, actor=me))

    def record_resend(self) -> None:
        carrier, tracking = self.resend_carrier_edit.text(), self.resend_tracking_edit.text()
        version, me, tid = self.detail.version, self._me, self.ticket_id
        item = self.resend_line_combo.currentData() if self.resend_line_combo.isEnabled() else None
        qty = self.resend_qty.value()
        self._run(
            lambda s: svc.record_resend(
                s, tid, carrier, tracking, item_id=item, qty=qty, expected_version=version, actor=me
            )
        )

    def open_order(self, order_id: int | None = None) -> OrderDetailDialog | None:
        """The order's detail beside the ticket (``order_id``: another order, e.g. the buyer's); its tickets,
        the buyer's other orders and "Open a service ticket…" work from there as from the Orders tab."""
        order_id = order_id if order_id is not None else self.detail.order_id
        if order_id is None:
            return None
        from sellerdesk.ui.dialogs.order_detail import OrderDetailDialog

        dialog = OrderDetailDialog(self._factory, order_id, datetime.now(UTC), self._runner, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.order_requested.connect(self.open_order)
        dialog.ticket_requested.connect(self._open_ticket)
        dialog.open_ticket_requested.connect(lambda oid: self.new_ticket_for_order(dialog, oid))
        dialog.show()
        return dialog

    def new_ticket_for_order(self, order_dialog: OrderDetailDialog, order_id: int) -> QDialog:
        """Ask for a new ticket about the order shown in ``order_dialog``, open it when written."""
        from sellerdesk.services import orders
        from sellerdesk.ui.dialogs.order_detail import TicketForOrderDialog

        row = order_dialog.detail.row
        about = f"{row.platform_order_id} ({labels.platform(row.platform)} · {row.shop})"
        ask = TicketForOrderDialog(about, order_dialog)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def created(new: svc.NewTicket) -> None:
            order_dialog.reload()
            self._open_ticket(new.id)

        def create() -> None:
            subject, category, priority, me = ask.subject(), ask.category(), ask.priority(), self._me
            self._runner.run(
                lambda s, _job: orders.create_ticket_for_order(
                    s, order_id, subject, category, priority=priority, actor=me
                ),
                on_success=created,
                parent=self,
            )

        ask.accepted.connect(create)
        ask.open()
        return ask

    def _open_ticket(self, ticket_id: int) -> TicketDialog:
        if ticket_id == self.ticket_id:
            self.raise_()
            return self
        dialog = TicketDialog(self._factory, self._runner, ticket_id, me=self._me, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _run(self, fn: Callable[[Session], Any], *, clear_reply: bool = False) -> None:
        def done(_result: object) -> None:
            if clear_reply:
                self.reply_edit.clear()
            self.reload()

        def failed(exc: BaseException) -> None:
            errors.show_error(self, exc)
            self.reload()  # a conflict or a stale view: show what is there now

        self._runner.run(lambda s, _job: fn(s), on_success=done, on_error=failed, parent=self)


def _shown(field: str, value: str) -> str:
    """A field's stored value as the history shows it (labels, yuan, stars)."""
    if not value:
        return ""
    shown: dict[str, Callable[[str], str]] = {
        "category": labels.ticket_category,
        "priority": labels.priority,
        "aftersale_type": labels.aftersale_type,
        "refund_cents": lambda v: fmt.money(int(v)) if v.lstrip("-").isdigit() else v,
        "satisfaction": lambda v: "★" * int(v) if v.isdigit() else v,
        "review_outcome": labels.review_outcome,
    }
    return shown.get(field, str)(value)


def _allowed(old: str, new: str) -> bool:
    try:
        rules.check_transition(old, new)
    except SellerDeskError:
        return False
    return True


def _bad_amount() -> SellerDeskError:
    return SellerDeskError("The refund amount is not a number.", code="refund_amount_text")


class NewTicketDialog(QDialog):
    """A ticket opened from the queue (a chat that needs follow-up, a phone call): no order needed."""

    def __init__(self, shops: Sequence[ShopChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newTicket")
        self.setWindowTitle(self.tr("New service ticket"))
        self.subject_edit = named(QLineEdit(), "newTicketSubject")
        self.subject_edit.setMinimumWidth(380)
        self.subject_edit.setPlaceholderText(self.tr("e.g. Asks whether the size runs small"))
        self.category_combo = choice_combo("newTicketCategory", category_items())
        _select(self.category_combo, TicketCategory.PRE_SALE.value)
        self.priority_combo = choice_combo("newTicketPriority", priority_items())
        _select(self.priority_combo, Priority.NORMAL.value)
        self.shop_combo = choice_combo(
            "newTicketShop",
            [(self.tr("(no shop)"), None), *((f"{labels.platform(s.platform)} · {s.name}", s.id) for s in shops)],
        )
        self.buyer_edit = named(QLineEdit(), "newTicketBuyer")
        self.description_edit = named(QPlainTextEdit(), "newTicketDescription")
        self.description_edit.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Subject:"), self.subject_edit)
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Priority:"), self.priority_combo)
        form.addRow(self.tr("Shop:"), self.shop_combo)
        form.addRow(self.tr("Buyer:"), self.buyer_edit)
        form.addRow(self.tr("Description:"), self.description_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open ticket"))
        ok.setEnabled(False)
        self.subject_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def draft(self) -> svc.TicketDraft:
        return svc.TicketDraft(
            subject=self.subject_edit.text(),
            category=self.category_combo.currentData(),
            priority=self.priority_combo.currentData(),
            shop_id=self.shop_combo.currentData(),
            buyer_nick=self.buyer_edit.text(),
            description=self.description_edit.toPlainText(),
        )


class CannedRepliesDialog(QDialog):
    """Managers' list of canned replies: title, category, text with ``{variables}``."""

    def __init__(self, session_factory: sessionmaker[Session], runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannedDialog")
        self.setWindowTitle(self.tr("Canned replies"))
        self.resize(820, 520)
        self._factory = session_factory
        self._runner = runner
        self.list = named(QListWidget(), "cannedList")
        self.list.currentRowChanged.connect(self._show)
        self.title_edit = named(QLineEdit(), "cannedTitle")
        self.category_combo = choice_combo(
            "cannedCategory", [(self.tr("Any category"), "other"), *category_items()[:-1]]
        )
        self.body_edit = named(QPlainTextEdit(), "cannedBody")
        names = ", ".join("{" + v + "}" for v in rules.CANNED_VARIABLES)
        hint = named(QLabel(self.tr("Variables filled from the ticket: {names}").format(names=names)), "cannedHint")
        hint.setWordWrap(True)
        self.new_button = named(QPushButton(self.tr("New")), "cannedNew")
        self.new_button.clicked.connect(self.new)
        self.save_button = named(QPushButton(self.tr("Save")), "cannedSave")
        self.save_button.clicked.connect(self.save)
        self.delete_button = named(QPushButton(self.tr("Delete")), "cannedDelete")
        self.delete_button.clicked.connect(self.delete)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Text:"), self.body_edit)
        form.addRow("", hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._rows: tuple[canned.CannedRow, ...] = ()
        self.reload()

    def reload(self, select_title: str = "") -> None:
        with self._factory() as session:
            self._rows = svc.list_canned(session)
        self.list.clear()
        for row in self._rows:
            self.list.addItem(f"{row.title}  ·  {labels.ticket_category(row.category)}")
        found = next((n for n, r in enumerate(self._rows) if r.title == select_title), 0)
        if self._rows:
            self.list.setCurrentRow(found)
        else:
            self.new()

    def _current(self) -> canned.CannedRow | None:
        n = self.list.currentRow()
        return self._rows[n] if 0 <= n < len(self._rows) else None

    def _show(self) -> None:
        row = self._current()
        self.delete_button.setEnabled(row is not None)
        if row is None:
            return
        self.title_edit.setText(row.title)
        _select(self.category_combo, row.category)
        self.body_edit.setPlainText(row.body)

    def new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.title_edit.clear()
        self.body_edit.clear()
        self.category_combo.setCurrentIndex(0)
        self.delete_button.setEnabled(False)
        self.title_edit.setFocus()

    def save(self) -> None:
        row = self._current()
        edit = canned.CannedEdit(
            self.title_edit.text(),
            self.category_combo.currentData(),
            self.body_edit.toPlainText(),
            row.id if row else None,
            row.version if row else 0,
        )
        self._runner.run(
            lambda s, _job: svc.save_canned(s, edit), on_success=lambda _c: self.reload(edit.title.strip()), parent=self
        )

    def delete(self) -> None:
        row = self._current()
        if row is not None:
            self._runner.run(
                lambda s, _job: canned.delete_canned(s, row.id, expected_version=row.version),
                on_success=lambda _c: self.reload(),
                parent=self,
            )
