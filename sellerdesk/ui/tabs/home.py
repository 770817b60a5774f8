"""Home: this month's sales so far, what needs attention today, and sales per day and per platform.

Every figure comes from the database (services.reports for the monthly figures of metrics.md,
services.browse for the counts); the page loads through the runner so a big database never holds up
the window. A database with no data at all gets a welcome page instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from sellerdesk.domain.changes import Changes
from sellerdesk.domain.timeutil import CHINA_TZ, utc_to_local
from sellerdesk.services import browse, reports
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.tablemodels.platform_figures import PlatformFiguresModel
from sellerdesk.ui.widgets.bar_chart import Bar, BarChart
from sellerdesk.ui.widgets.stat_card import AttentionRow, StatCard
from sellerdesk.ui.widgets.util import named


@dataclass(frozen=True)
class Dashboard:
    """Everything the home page shows, read in one job."""

    as_of: datetime  # aware UTC
    has_data: bool
    month: reports.MonthlyFigures | None = None
    counts: browse.DashboardCounts | None = None
    daily: tuple[browse.DaySales, ...] = ()


def load_dashboard(session: Session, now: datetime) -> Dashboard:
    """Month to date in the shop's time zone (China time; metrics.md), plus today's counts."""
    if not browse.has_data(session):
        return Dashboard(as_of=now, has_data=False)
    local = utc_to_local(now, CHINA_TZ)
    return Dashboard(
        as_of=now,
        has_data=True,
        month=reports.monthly_figures(session, local.year, local.month),
        counts=browse.dashboard_counts(session, now),
        daily=browse.daily_sales(session, local.year, local.month),
    )


class HomeTab(QWidget):
    key = "home"
    icon_name = "home"
    stale_on = frozenset({"orders", "products", "stock", "tickets", "shops"})

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeTab")
        self._runner = runner
        self._stale = True
        self._loading = False
        self.dashboard: Dashboard | None = None
        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_figures_page())
        self._stack.addWidget(self._build_welcome_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # ------------------------------------------------------------ public

    def reload(self, now: datetime | None = None) -> None:
        if self._loading:
            self._stale = True  # one more round when this one is back
            return
        self._stale = False
        self._loading = True
        moment = now or datetime.now(UTC)
        self._runner.run(
            lambda session, _job: load_dashboard(session, moment),
            on_success=self._show,
            on_finished=self._on_load_finished,
            parent=self,
        )

    def on_changes(self, changes: Changes) -> None:
        if any(getattr(changes, kind) for kind in self.stale_on):
            self._stale = True
            if self.isVisible():
                self.reload()

    @property
    def stale(self) -> bool:
        return self._stale

    # ------------------------------------------------------------ building

    def _build_figures_page(self) -> QWidget:
        self._heading = named(QLabel(self.tr("This month so far")), "pageTitle")
        self._period = named(QLabel(), "pageSubtitle")
        self._gmv = StatCard(self.tr("GMV"))
        self._orders = StatCard(self.tr("Paid orders"))
        self._aov = StatCard(self.tr("Avg. order value"))
        self._refund_rate = StatCard(self.tr("Refund rate"))
        self._net = StatCard(self.tr("Net sales"))
        self._to_ship = AttentionRow(self.tr("To ship"))
        self._late = AttentionRow(self.tr("Late to ship"))
        self._tickets = AttentionRow(self.tr("Open tickets"))
        self._low_stock = AttentionRow(self.tr("Low stock"))
        self._chart = BarChart(lambda yuan: fmt.money_whole(yuan))
        self.platforms = PlatformFiguresModel(self)

        page = QWidget()
        page.setObjectName("homePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 24)
        layout.setSpacing(10)
        title_row = QHBoxLayout()
        title_row.addWidget(self._heading)
        title_row.addSpacing(12)
        title_row.addWidget(self._period, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        layout.addLayout(self._card_row([self._gmv, self._orders, self._aov, self._refund_rate, self._net]))
        layout.addSpacing(6)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self._panel(self.tr("Sales per day"), self._chart), 3)
        middle.addWidget(self._attention_panel(), 2)
        layout.addLayout(middle, 1)
        layout.addSpacing(6)
        layout.addWidget(self._panel(self.tr("By platform"), self._platform_table()))

        scroll = QScrollArea()
        scroll.setObjectName("homeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _attention_panel(self) -> QFrame:
        rows = QWidget()
        layout = QVBoxLayout(rows)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for row in (self._to_ship, self._late, self._tickets, self._low_stock):
            layout.addWidget(row)
        layout.addStretch(1)
        return self._panel(self.tr("Needs attention"), rows)

    @staticmethod
    def _card_row(cards: list[StatCard]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, card in enumerate(cards):
            grid.addWidget(card, 0, column)
            grid.setColumnStretch(column, 1)
        return grid

    @staticmethod
    def _panel(title: str, content: QWidget) -> QFrame:
        panel = named(QFrame(), "panel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(named(QLabel(title), "panelTitle"))
        layout.addWidget(content, 1)
        return panel

    def _platform_table(self) -> QTableView:
        view = named(QTableView(), "platformTable")
        view.setModel(self.platforms)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setDefaultSectionSize(30)
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
                "(command line: sellerdesk import FILE…). Sales, orders and stock then show up here.\n"
                "• Or look around first: start SellerDesk with --demo on an empty database to fill it "
                "with a realistic demo shop."
            )
        )
        text.setWordWrap(True)
        text.setObjectName("welcomeText")
        inner.addWidget(text)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    # ------------------------------------------------------------ showing data

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_load_finished(self) -> None:
        self._loading = False
        if self._stale and self.isVisible():
            self.reload()

    def _show(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        if not dashboard.has_data or dashboard.month is None or dashboard.counts is None:
            self._stack.setCurrentIndex(1)
            return
        self._stack.setCurrentIndex(0)
        self._show_period(dashboard)
        self._show_sales(dashboard.month.total)
        self._show_attention(dashboard.counts)
        self.platforms.set_figures(dashboard.month.by_platform)
        self._chart.set_bars([self._bar(day) for day in dashboard.daily])

    def _show_period(self, dashboard: Dashboard) -> None:
        local = utc_to_local(dashboard.as_of, CHINA_TZ)
        first = fmt.short_day(local.date().replace(day=1))
        today = fmt.short_day(local.date())
        updated = fmt.local_time(dashboard.as_of)[-5:]
        self._period.setText(
            self.tr("{first} – {today}, China time · updated {time}").format(first=first, today=today, time=updated)
        )

    def _show_sales(self, total: reports.Figures) -> None:
        self._gmv.show_value(fmt.money(total.gmv_cents), self.tr("paid amounts, shipping included"))
        self._orders.show_value(fmt.count(total.paid_orders), self.tr("%Ln item(s) sold", "", total.units))
        self._aov.show_value(fmt.money(total.aov_cents), self.tr("GMV ÷ paid orders"))
        refunded = self.tr("%Ln order(s) refunded", "", total.refunded_orders)
        self._refund_rate.show_value(fmt.percent_bp(total.refund_rate_bp), refunded)
        self._net.show_value(
            fmt.money(total.net_sales_cents),
            self.tr("GMV minus {refunds} refunded").format(refunds=fmt.money(total.refund_cents)),
        )

    def _show_attention(self, counts: browse.DashboardCounts) -> None:
        self._to_ship.show_value(fmt.count(counts.unshipped_paid), self.tr("paid, not shipped yet"))
        self._late.show_value(
            fmt.count(counts.late_to_ship),
            self.tr("paid over 48 h ago (or the shop's own deadline)"),
            "danger" if counts.late_to_ship else "",
        )
        self._tickets.show_value(fmt.count(counts.open_tickets), self.tr("new, in progress or waiting for the buyer"))
        self._low_stock.show_value(
            fmt.count(counts.low_stock_skus),
            self.tr("SKUs below their safety stock"),
            "warning" if counts.low_stock_skus else "",
        )

    def _bar(self, day: browse.DaySales) -> Bar:
        date_text = fmt.short_day(day.day)
        tooltip = self.tr("{day}: {amount} from %Ln paid order(s)", "", day.paid_orders).format(
            day=date_text, amount=fmt.money(day.gmv_cents)
        )
        return Bar(label=str(day.day.day), value=day.gmv_cents // 100, tooltip=tooltip)
