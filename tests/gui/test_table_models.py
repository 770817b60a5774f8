"""The Qt table models: Qt's own model checks, and the paged model's memory bound."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_shop import ORDERS
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.services.reports import Figures
from sellerdesk.ui.tablemodels.paged import ROW_ROLE, PagedTableModel
from sellerdesk.ui.tablemodels.platform_figures import PlatformFiguresModel
from sellerdesk.ui.tabs.list_tab import ListTab
from sellerdesk.ui.tabs.orders import OrdersTab
from sellerdesk.ui.tabs.products import ProductsTab
from sellerdesk.ui.tabs.tickets import TicketsTab


@pytest.fixture
def keep_alive() -> Iterator[list[object]]:
    """Holds Qt objects until after qtmodeltester's teardown (which still talks to the model)."""
    kept: list[object] = []
    yield kept
    kept.clear()


@pytest.mark.parametrize("tab_class", [ProductsTab, OrdersTab, TicketsTab])
def test_list_models_pass_the_qt_model_tester(
    tab_class: type[ListTab],
    session_factory: sessionmaker[Session],
    keep_alive: list[object],
    qtmodeltester: ModelTester,
) -> None:
    tab = tab_class(session_factory)
    keep_alive.append(tab)
    tab.reload()
    assert tab.model.rowCount() > 0
    qtmodeltester.check(tab.model, force_py=True)
    for column in range(tab.model.columnCount()):  # each sortable column re-queries cleanly
        tab.model.sort(column, Qt.SortOrder.DescendingOrder)
        assert tab.model.data(tab.model.index(0, column), ROW_ROLE) is not None


def test_platform_figures_model_passes_the_qt_model_tester(
    keep_alive: list[object], qtmodeltester: ModelTester
) -> None:
    model = PlatformFiguresModel()
    keep_alive.append(model)
    model.set_figures({"taobao": Figures(3, 30000, 1000, 1, 4), "jd": Figures(1, 99900, 0, 0, 1)})
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0)) == "JD"  # the biggest GMV first
    assert model.data(model.index(0, 2)) == "¥999.00"


def test_paged_model_keeps_only_a_few_pages(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 10)
    monkeypatch.setattr(PagedTableModel, "MAX_PAGES", 3)
    tab = OrdersTab(session_factory)
    tab.reload()
    assert tab.model.rowCount() == ORDERS  # the scroll bar spans every row ...
    ids = [tab.model.row_at(row).platform_order_id for row in range(ORDERS)]
    assert len(set(ids)) == ORDERS  # ... pages neither overlap nor skip ...
    assert len(tab.model._pages) == 3  # ... and memory holds three pages, not the table
