"""Home: today and the month so far against last month, the work queues, and three charts.

Every figure comes from ``services.dashboard.load_home_dashboard`` (one read through the runner, so a big
database never holds up the window). The charts (pyqtgraph) are created when the first figures arrive:
pyqtgraph and numpy are not imported before then. A database with no data at all gets a welcome page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.figures import ServiceMonth
from sellerdesk.domain.permissions import OWNER, Action, can
from sellerdesk.domain.timeutil import shop_time
from sellerdesk.services.backups import BackupStatus, backup_status
from sellerdesk.services.dashboard import QUEUE_KEYS, HomeDashboard, WorkQueues, load_home_dashboard
from sellerdesk.services.reports import CardFigure, PeriodComparison
from sellerdesk.services.reviews import count_reviews_waiting
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.resources import theme_colour
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.tablemodels.platform_figures import PlatformFiguresModel
from sellerdesk.ui.theme import status_css
from sellerdesk.ui.widgets.flow_grid import FlowGrid
from sellerdesk.ui.widgets.stat_card import FigureCard, QueueButton
from sellerdesk.ui.widgets.util import named, restyle

if TYPE_CHECKING:
    from sellerdesk.ui.charts.daily_gmv import DailyGmvChart
    from sellerdesk.ui.charts.refund_trend import RefundTrendChart
    from sellerdesk.ui.charts.top_skus import TopSkusChart

REFRESH_MS = 5 * 60 * 1000  # "today" moves on by itself: reload a shown page every five minutes
CARD_KEYS = ("gmv_cents", "paid_orders", "aov_cents", "refund_rate_bp", "net_sales_cents", "gross_margin_cents")
_HIGHER_IS_WORSE = frozenset({"refund_rate_bp"})
REVIEWS_QUEUE = "reviews_waiting"  # Home's queue of the reviews whose next step is the signed-in person's


def _page_style() -> str:
    """What the shared stylesheet does not cover: the cards' changes, the queues and the range switch."""
    c = {name: theme_colour(name).name() for name in ("accent", "accent-soft", "border", "grid", "hover", "danger")}
    c |= {name: theme_colour(name).name() for name in ("text", "text-muted", "warning", "surface")}
    return f"""
    QLabel#cardChange {{ color: {c["text-muted"]}; }}
    QLabel#cardChange[tone="good"] {{ color: {status_css("ok")}; }}
    QLabel#cardChange[tone="bad"] {{ color: {c["danger"]}; }}
    QLabel#cardTodayValue {{ color: {c["text"]}; font-weight: 600; }}
    QFrame#cardRule {{ background: {c["grid"]}; border: none; }}
    QPushButton#queueButton {{
        background: transparent; border: none; border-bottom: 1px solid {c["grid"]}; border-radius: 0;
        padding: 0; text-align: left;
    }}
    QPushButton#queueButton:hover, QPushButton#queueButton:focus {{ background: {c["hover"]}; }}
    QLabel#queueCaption {{ color: {c["text"]}; }}
    QLabel#queueCount {{ font-size: 15pt; font-weight: 600; color: {c["text"]}; padding-left: 10px; }}
    QLabel#queueCount[tone="warning"] {{ color: {c["warning"]}; }}
    QLabel#queueCount[tone="danger"] {{ color: {c["danger"]}; }}
    QLabel#queueArrow {{ color: {c["text-muted"]}; font-size: 14pt; padding-left: 4px; }}
    QPushButton#rangeButton {{ border-radius: 0; padding: 3px 10px; margin-left: -1px; }}
    QPushButton#rangeButton:checked {{
        background: {c["accent-soft"]}; color: {c["accent"]}; border-color: {c["accent"]};
    }}
    QTableView#platformTable::item {{ padding: 0 4px; }}
    QTableView#platformTable QHeaderView::section {{ padding: 6px 4px; }}
    QLabel#chartLegend {{ color: {c["text-muted"]}; }}
    QLabel#backupNote {{ color: {c["text-muted"]}; }}
    QLabel#backupNote[tone="warning"] {{ color: {c["warning"]}; }}
    QPushButton#backupNow {{
        background: transparent; border: none; color: {c["accent"]}; text-decoration: underline; padding: 0 4px;
    }}
    """


class HomeTab(QWidget):
    """Signals:
    queue_requested(str): a work queue was clicked; one of ``services.dashboard.QUEUE_KEYS``.
    report_requested(): the "Monthly report…" button was clicked.
    backup_requested(): the "Back up now" link was clicked (shown to roles that manage backups).
    action_requested(str): a welcome button of an empty database: "import", "demo", "shops" or "wizard".
    """

    key = "home"
    icon_name = "home"
    stale_on = frozenset({"orders", "products", "stock", "tickets", "tasks", "shops", "imports", "reviews"})
    queue_requested = Signal(str)
    report_requested = Signal()
    backup_requested = Signal()
    action_requested = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeTab")
        self._runner = runner
        self._stale = True
        self._loading = False
        self._after_load: list[Callable[[], object]] = []  # reload(then=…): called once the figures show
        self.dashboard: HomeDashboard | None = None
        self.backup: BackupStatus | None = None
        # The charts: created with the first figures (pyqtgraph loads then).
        self.daily_chart: DailyGmvChart | None = None
        self.top_skus_chart: TopSkusChart | None = None
        self.refund_chart: RefundTrendChart | None = None
        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_figures_page())
        self._stack.addWidget(self._build_welcome_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()

    # ------------------------------------------------------------ public

    def reload(self, now: datetime | None = None, *, then: Callable[[], object] | None = None) -> None:
        """Read the figures again (off the UI thread); ``then`` is called once the page shows them."""
        if then is not None:
            self._after_load.append(then)
        if self._loading:
            self._stale = True  # one more round when this one is back
            return
        self._stale = False
        self._loading = True
        moment = now or datetime.now(UTC)
        # Backups are named by the computer's wall-clock time: compared with its own "now", not UTC.
        local = now.astimezone().replace(tzinfo=None) if now is not None else datetime.now()
        self._runner.run(
            lambda session, _job: backup_status(session, local), on_success=self._show_backup, parent=self, writes=False
        )
        actor = getattr(self._runner, "actor", OWNER)
        self._runner.run(
            lambda session, _job: count_reviews_waiting(session, actor),
            on_success=self._show_reviews_waiting,
            on_error=lambda _exc: self.queues[REVIEWS_QUEUE].show_count("–"),
            parent=self,
            writes=False,
        )
        self._runner.run(
            lambda session, _job: load_home_dashboard(session, moment),
            on_success=self._show,
            on_finished=self._on_load_finished,
            parent=self,
            writes=False,
        )

    def on_changes(self, changes: Changes) -> None:
        if any(getattr(changes, kind) for kind in self.stale_on):
            self._stale = True
            if self.isVisible():
                self.reload()

    @property
    def stale(self) -> bool:
        return self._stale

    def queue_button(self, key: str) -> QueueButton:
        return self.queues[key]

    # ------------------------------------------------------------ building

    def _build_figures_page(self) -> QWidget:
        self._heading = named(QLabel(self.tr("Month to date")), "pageTitle")
        self._period = named(QLabel(), "pageSubtitle")
        self.report_button = QPushButton(self.tr("Monthly report…"))
        self.report_button.setToolTip(self.tr("Write the manager's monthly Excel report"))
        self.report_button.clicked.connect(self.report_requested)
        self.report_button.setVisible(can(getattr(self._runner, "actor", OWNER), Action.VIEW_REPORTS))
        captions = {
            "gmv_cents": self.tr("GMV"),
            "paid_orders": self.tr("Paid orders"),
            "aov_cents": self.tr("Avg. order value"),
            "refund_rate_bp": self.tr("Refund rate"),
            "net_sales_cents": self.tr("Net sales"),
            "gross_margin_cents": self.tr("Gross margin"),
        }
        self.cards = {key: FigureCard(captions[key], self.tr("Today")) for key in CARD_KEYS}
        for key, tip in self._card_tips().items():
            self.cards[key].setToolTip(tip)
        self.platforms = PlatformFiguresModel(self)

        page = QWidget()
        page.setObjectName("homePage")
        page.setStyleSheet(_page_style())
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 16, 24, 20)
        layout.setSpacing(12)
        title_row = QHBoxLayout()
        title_row.addWidget(self._heading)
        title_row.addSpacing(12)
        title_row.addWidget(self._period, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        title_row.addWidget(self.report_button)
        layout.addLayout(title_row)
        # Six cards in a row where there is room, else three, two or one: never a horizontal scroll bar.
        self.card_grid = FlowGrid([self.cards[key] for key in CARD_KEYS], min_width=200, column_choices=(6, 3, 2, 1))
        # The margin card tells costs: not for roles that may not see them.
        margin_card = self.cards["gross_margin_cents"]
        self.card_grid.set_shown(margin_card, can(getattr(self._runner, "actor", OWNER), Action.VIEW_COSTS))
        layout.addWidget(self.card_grid)

        self._daily_slot = QVBoxLayout()
        self._top_slot = QVBoxLayout()
        self._refund_slot = QVBoxLayout()
        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(self._panel(self.tr("GMV per day, by platform"), self._daily_slot), 3)
        # The queues alone beside the chart: the row is no taller than they are, so on a laptop's screen the
        # chart is seen whole without scrolling (the service figures sit with the other month figures below).
        middle.addWidget(self._queues_panel(), 1)
        layout.addLayout(middle, 3)
        table = QVBoxLayout()
        table.addWidget(self._platform_table())
        table.addStretch(1)
        bottom = [
            self._panel(self.tr("Top SKUs this month, by net sales"), self._top_slot),
            self._panel(self.tr("Refund rate, last 12 months"), self._refund_slot),
            self._panel(self.tr("By platform, month to date"), table),
            self._service_panel(),
        ]
        for panel in bottom:
            panel.setMinimumHeight(240)
        self.bottom_grid = FlowGrid(bottom, min_width=300, column_choices=(4, 2, 1))
        layout.addWidget(self.bottom_grid, 2)

        scroll = QScrollArea()
        scroll.setObjectName("homeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _build_backup_note(self) -> QHBoxLayout:
        """One quiet line: when the last good backup was made; a warning and "Back up now" when it is old."""
        self.backup_note = named(QLabel(), "backupNote")
        self.backup_note.hide()  # until known; never for a server database
        self.backup_button = named(QPushButton(self.tr("Back up now")), "backupNow")
        self.backup_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.backup_button.setToolTip(self.tr("Write a checked copy of the database to its backups folder"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.backup_button.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 6, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.backup_note, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        return row

    def _show_reviews_waiting(self, count: int) -> None:
        self.queues[REVIEWS_QUEUE].show_count(fmt.count(count), "warning" if count else "")

    def _show_backup(self, status: BackupStatus) -> None:
        self.backup = status
        self.backup_note.setVisible(status.applies)
        if not status.applies:
            self.backup_button.hide()
            return
        # Short, beside the title: the exact time and the file are in the tooltip.
        if status.last_good is None:
            text, tip = self.tr("No backup yet"), ""
        else:
            made = status.last_good.strftime("%Y-%m-%d %H:%M")
            # Stale means more than two days, so the English plural is always "days".
            text = (
                self.tr("Last backup {days} days ago").format(days=status.age_days)
                if status.stale
                else self.tr("Backed up {time}").format(time=status.last_good.strftime("%m-%d %H:%M"))
            )
            tip = self.tr("Last good backup: {time}\n{path}").format(time=made, path=status.path)
        self.backup_note.setText(text)
        self.backup_note.setToolTip(tip)
        self.backup_note.setProperty("tone", "warning" if status.stale else "")
        restyle(self.backup_note)
        manages = can(getattr(self._runner, "actor", OWNER), Action.MANAGE_BACKUPS)
        self.backup_button.setVisible(status.stale and manages)

    def _card_tips(self) -> dict[str, str]:
        return {
            "gmv_cents": self.tr("What buyers paid for the orders paid in the period, shipping included."),
            "paid_orders": self.tr("Orders paid in the period, those refunded later included."),
            "aov_cents": self.tr("GMV ÷ paid orders."),
            "refund_rate_bp": self.tr("Paid orders with a refund ÷ paid orders; its change is in percentage points."),
            "net_sales_cents": self.tr("GMV minus the refunds of those orders."),
            "gross_margin_cents": self.tr(
                "Kept sales minus cost of goods and platform fees, over the lines whose SKU has a cost."
            ),
        }

    def _queues_panel(self) -> QFrame:
        texts = {
            "late_to_ship": (self.tr("Late to ship"), self.tr("past the platform's shipping deadline")),
            "unshipped": (self.tr("To ship"), self.tr("paid, not shipped yet")),
            "overdue_tickets": (self.tr("Overdue tickets"), self.tr("open, past their response or resolution time")),
            "low_stock": (self.tr("Low stock"), self.tr("SKUs under safety stock, or none available")),
            "tasks_due_today": (self.tr("Tasks due today"), self.tr("not done yet")),
            "tasks_overdue": (self.tr("Overdue tasks"), self.tr("past their due date or time")),
        }
        self.queues = {key: QueueButton(key, *texts[key]) for key in QUEUE_KEYS}
        # Not a dashboard figure: whose turn a review is depends on who is signed in (services.reviews).
        self.queues[REVIEWS_QUEUE] = QueueButton(
            REVIEWS_QUEUE, self.tr("Reviews waiting for me"), self.tr("your step in the monthly review")
        )
        box = QVBoxLayout()
        box.setSpacing(0)
        for key, button in self.queues.items():
            button.clicked.connect(lambda _checked=False, k=key: self.queue_requested.emit(k))
            box.addWidget(button)
        box.addStretch(1)
        # Under the queues, where things that need doing are: the title row has no room to spare in English.
        box.addLayout(self._build_backup_note())
        return self._panel(self.tr("Work queues"), box)

    def _service_panel(self) -> QFrame:
        self.service_label = named(QLabel(), "serviceFigures")
        self.service_label.setWordWrap(True)
        self.service_label.setToolTip(
            self.tr("Tickets resolved this month; response and resolution times count the service hours only")
        )
        box = QVBoxLayout()
        box.addWidget(self.service_label)
        box.addStretch(1)
        return self._panel(self.tr("Service this month"), box)

    @staticmethod
    def _panel(title: str, content: QVBoxLayout | QHBoxLayout) -> QFrame:
        panel = named(QFrame(), "panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(named(QLabel(title), "panelTitle"))
        layout.addLayout(content, 1)
        return panel

    def _platform_table(self) -> QTableView:
        view = named(QTableView(), "platformTable")
        view.setModel(self.platforms)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setDefaultSectionSize(28)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.platforms.modelReset.connect(lambda: self._fit_rows(view))
        return view

    @staticmethod
    def _fit_rows(view: QTableView) -> None:
        """A few platforms: show them all, without a scroll bar."""
        rows = view.model().rowCount()
        view.setFixedHeight(view.horizontalHeader().height() + rows * view.verticalHeader().defaultSectionSize() + 4)

    def _build_welcome_page(self) -> QWidget:
        page = named(QWidget(), "welcomePage")
        box = named(QFrame(), "welcomeBox")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(12)
        inner.addWidget(named(QLabel(self.tr("Welcome to SellerDesk")), "welcomeTitle"))
        text = QLabel(
            self.tr(
                "This database is empty, so there are no figures to show yet.\n\n"
                "• Import the order exports you download from Taobao/Tmall, JD, Pinduoduo and Douyin "
                "(or drop the files on this window). Sales, orders and stock then show up here.\n"
                "• Or look around first: load a realistic demo shop into this empty database.\n"
                "• The setup wizard walks through the language, the database, the owner's account and your shops."
            )
        )
        text.setWordWrap(True)
        text.setObjectName("welcomeText")
        inner.addWidget(text)
        actor = getattr(self._runner, "actor", OWNER)
        offers = (
            ("import", self.tr("Import exports…"), Action.IMPORT_ORDERS),
            ("demo", self.tr("Load demo data"), Action.MANAGE_DATABASE),
            ("shops", self.tr("Set up shops…"), Action.MANAGE_SHOPS),
            ("wizard", self.tr("Run the setup wizard…"), Action.MANAGE_DATABASE),
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.welcome_buttons: dict[str, QPushButton] = {}
        for key, caption, needs in offers:
            button = named(QPushButton(caption), "welcomeButton")
            button.clicked.connect(lambda _checked=False, k=key: self.action_requested.emit(k))
            button.setVisible(can(actor, needs))
            buttons.addWidget(button)
            self.welcome_buttons[key] = button
        buttons.addStretch(1)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _ensure_charts(self) -> None:
        """pyqtgraph (and numpy) load here, with the first figures: never before the first paint."""
        if self.daily_chart is not None:
            return
        from sellerdesk.ui.charts import daily_gmv, refund_trend, top_skus

        self.daily_chart = daily_gmv.DailyGmvChart()
        self.top_skus_chart = top_skus.TopSkusChart()
        self.refund_chart = refund_trend.RefundTrendChart()
        self._daily_slot.addWidget(self.daily_chart)
        self._top_slot.addWidget(self.top_skus_chart)
        self._refund_slot.addWidget(self.refund_chart)

    # ------------------------------------------------------------ showing data

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_timer(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _on_load_finished(self) -> None:
        self._loading = False
        if self._stale and (self.isVisible() or self._after_load):
            self.reload()
            return
        waiting, self._after_load = self._after_load, []
        for callback in waiting:
            callback()

    def _show(self, dashboard: HomeDashboard) -> None:
        self.dashboard = dashboard
        figures, queues = dashboard.figures, dashboard.queues
        if not dashboard.has_data or figures is None or queues is None:
            self._stack.setCurrentIndex(1)
            return
        self._stack.setCurrentIndex(0)
        self._show_period(dashboard)
        self._show_cards(figures.month_to_date, figures.today)
        self._show_queues(queues)
        self._show_service(dashboard.service)
        self.platforms.set_figures(figures.month_to_date.current.by_platform)
        if self.daily_chart is None:  # the first time: let the figures paint before pyqtgraph loads
            QTimer.singleShot(0, self._show_charts)
        else:
            self._show_charts()

    def _show_charts(self) -> None:
        dashboard = self.dashboard
        if dashboard is None or dashboard.figures is None:
            return
        self._ensure_charts()
        assert self.daily_chart is not None and self.top_skus_chart is not None and self.refund_chart is not None
        self.daily_chart.set_days(dashboard.daily, dashboard.platforms)
        self.top_skus_chart.set_skus(dashboard.figures.top_skus)
        self.refund_chart.set_months(dashboard.refund_trend)

    def _show_service(self, service: ServiceMonth | None) -> None:
        total = service.total if service is not None else None
        if total is None:
            self.service_label.setText(self.tr("No ticket resolved yet this month."))
            return
        from sellerdesk.ui.tabs.tickets import duration_text

        def time(seconds: int | None) -> str:
            return duration_text(seconds) if seconds is not None else "–"

        sla = fmt.percent_bp(total.sla_hit_rate_bp) if total.sla_hit_rate_bp is not None else "–"
        rating = f"{total.satisfaction_x100 / 100:.2f}" if total.satisfaction_x100 is not None else "–"
        lines = [
            self.tr("%n ticket(s) handled", "", total.handled),
            self.tr("First response: median {median}, 90 % within {p90}").format(
                median=time(total.first_response_median_s), p90=time(total.first_response_p90_s)
            ),
            self.tr("Resolution: median {median}").format(median=time(total.resolution_median_s)),
            self.tr("SLA met: {rate} · satisfaction {rating}").format(rate=sla, rating=rating),
        ]
        self.service_label.setText("\n".join(lines))

    def _show_period(self, dashboard: HomeDashboard) -> None:
        today = dashboard.today
        assert today is not None
        updated = shop_time(dashboard.as_of, dashboard.timezone).strftime("%H:%M")
        self._period.setText(
            self.tr("{first} – {today}, shop time, as of {time} · each against the same stretch last month").format(
                first=fmt.short_day(today.replace(day=1)), today=fmt.short_day(today), time=updated
            )
        )

    def _show_cards(self, month: PeriodComparison, today: PeriodComparison) -> None:
        month_cards = {c.key: c for c in month.cards}
        today_cards = {c.key: c for c in today.cards}
        for key in CARD_KEYS:
            mtd, day = month_cards[key], today_cards[key]
            side = ""
            value, change = _value(mtd), self._change(mtd, long=True)
            today_value, today_change = _value(day), self._change(day, long=False)
            if key == "gross_margin_cents":
                goods = month.current.goods
                side = self.tr("rate {rate}").format(rate=fmt.percent_bp(goods.gross_margin_rate_bp))
                if goods.margin_unknown:  # no line sold has a cost: unknown, not ¥0.00
                    value, change, side = self.tr("unknown"), (self.tr("no cost entered for what sold"), ""), ""
                if today.current.goods.margin_unknown:
                    today_value, today_change = self.tr("unknown"), ("", "")
                self.cards[key].setToolTip(f"{self._card_tips()[key]}\n{self._margin_note(month)}")
            self.cards[key].show_figures(value, change, today_value, today_change, side)

    def _margin_note(self, month: PeriodComparison) -> str:
        goods = month.current.goods
        if goods.margin_unknown:
            return self.tr(
                "Unknown: none of the %n order line(s) sold this month has a cost. Enter costs in Products.",
                "",
                goods.uncosted_lines,
            )
        text = self.tr("Gross margin rate this month: {rate}.").format(rate=fmt.percent_bp(goods.gross_margin_rate_bp))
        if goods.uncosted_lines:
            text += " " + self.tr(
                "%n order line(s) without a cost (net sales {net}) are left out.", "", goods.uncosted_lines
            ).format(net=fmt.money(goods.uncosted_net_cents))
        return text

    def _change(self, card: CardFigure, *, long: bool) -> tuple[str, str]:
        """(text, tone): ▲/▼ and the change, relative for amounts, in percentage points for rates."""
        change = card.change_bp
        if change is None:
            return (self.tr("no sales then to compare") if long else "–"), ""
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        amount = fmt.percent_bp(abs(change))
        if card.kind == "rate":
            amount = self.tr("{points} pp").format(points=amount.rstrip("%"))
        text = f"{arrow} {amount}"
        if long:
            text = self.tr("{change} vs last month").format(change=text)
        worse = (change > 0) == (card.key in _HIGHER_IS_WORSE)
        return text, "" if change == 0 else ("bad" if worse else "good")

    def _show_queues(self, queues: WorkQueues) -> None:
        tones: dict[str, Callable[[int], str]] = {
            "late_to_ship": lambda n: "danger" if n else "",
            "overdue_tickets": lambda n: "danger" if n else "",
            "low_stock": lambda n: "warning" if n else "",
            "tasks_overdue": lambda n: "danger" if n else "",
        }
        for key in QUEUE_KEYS:
            count = queues.count(key)
            tone = tones.get(key, lambda _n: "")(count)
            self.queues[key].show_count(fmt.count(count), tone)


def _value(card: CardFigure) -> str:
    if card.kind == "money":
        return fmt.money(card.current)
    if card.kind == "rate":
        return fmt.percent_bp(card.current)
    return fmt.count(card.current)
