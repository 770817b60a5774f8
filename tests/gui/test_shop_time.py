"""Times on screen are the shop's, never the computer's: a Berlin shop's orders read and filter in Berlin time."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from gui_shop import new_database
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from sellerdesk.db.engine import make_session_factory
from sellerdesk.models import Order, Shop
from sellerdesk.ui import formatting as fmt
from sellerdesk.ui.tabs.orders import OrdersTab

# Berlin is UTC+2 in August; Shanghai UTC+8. 22:30 UTC on 9 August is the 10th in both, at different hours.
LATE_EVENING = datetime(2026, 8, 9, 22, 30, tzinfo=UTC)  # 10 Aug 00:30 Berlin, 10 Aug 06:30 Shanghai
EVENING = datetime(2026, 8, 9, 20, 0, tzinfo=UTC)  # 9 Aug 22:00 Berlin, 10 Aug 04:00 Shanghai


@pytest.fixture
def berlin(tmp_path: Path) -> Iterator[Engine]:
    engine = new_database(tmp_path / "berlin.sqlite", filled=False)
    with make_session_factory(engine).begin() as session:
        shop = Shop(platform="other", name="Berlin", timezone="Europe/Berlin")
        session.add(shop)
        session.flush()
        for key, at in (("B-10", LATE_EVENING), ("B-09", EVENING)):
            session.add(Order(shop_id=shop.id, platform="other", platform_order_id=key, status="completed", paid_at=at))
    yield engine
    engine.dispose()


@pytest.fixture
def pc_in_new_york() -> Iterator[None]:
    """The computer's own zone differs from both: nothing may follow it."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_shop_time_is_the_shops_zone() -> None:
    assert fmt.shop_time(LATE_EVENING, "Europe/Berlin") == "2026-08-10 00:30"
    assert fmt.shop_time(LATE_EVENING, "Asia/Tokyo") == "2026-08-10 07:30"
    assert fmt.shop_time(None, "Asia/Tokyo") == ""


def test_orders_list_and_date_filter_in_the_shops_zone(qtbot: QtBot, berlin: Engine, pc_in_new_york: None) -> None:
    tab = OrdersTab(make_session_factory(berlin))
    qtbot.addWidget(tab)
    tab.resize(1200, 400)
    tab.show()
    qtbot.waitExposed(tab)
    paid_at = next(i for i in range(tab.model.columnCount()) if tab.model.column(i).key == "paid_at")
    shown = {
        tab.model.row_at(r).platform_order_id: tab.model.data(tab.model.index(r, paid_at), Qt.ItemDataRole.DisplayRole)  # type: ignore[union-attr]
        for r in range(tab.model.rowCount())
    }
    assert shown == {"B-10": "2026-08-10 00:30", "B-09": "2026-08-09 22:00"}
    tab.date_field.setCurrentIndex(tab.date_field.findData("paid"))
    tab.date_from.setDate(QDate(2026, 8, 10))
    tab.date_to.setDate(QDate(2026, 8, 10))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.row_at(0).platform_order_id == "B-10"  # type: ignore[union-attr]  # not B-09: the 10th in China only
    assert tab.current_filter().days == (date(2026, 8, 10), date(2026, 8, 10))
