"""The Products tab, the product editor and the stock dialogs (offscreen, synchronous runner)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_shop import SKUS, new_database
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_session_factory
from sellerdesk.domain.permissions import OWNER
from sellerdesk.models import Sku
from sellerdesk.services import stock
from sellerdesk.ui.dialogs.product_editor import ListingsModel, ProductEditorDialog
from sellerdesk.ui.dialogs.stock_dialogs import CountLinesModel, StockMovementDialog
from sellerdesk.ui.dialogs.unlinked_items import UnlinkedItemsDialog
from sellerdesk.ui.runner import Runner
from sellerdesk.ui.tablemodels.paged import ROW_ROLE
from sellerdesk.ui.tabs.products import ProductsTab


@pytest.fixture
def own_engine(tmp_path: Path) -> Iterator[Engine]:
    """A database of its own: these tests write."""
    engine = new_database(tmp_path / "shop.sqlite")
    yield engine
    engine.dispose()


@pytest.fixture
def own_runner(own_engine: Engine) -> Iterator[Runner]:
    runner = Runner(make_session_factory(own_engine), synchronous=True)
    yield runner
    runner.shutdown()


@pytest.fixture
def tab(qtbot: QtBot, own_runner: Runner) -> ProductsTab:
    tab = ProductsTab(own_runner.session_factory, own_runner)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def test_tab_lists_filters_and_sorts_in_sql(tab: ProductsTab, qtmodeltester: ModelTester) -> None:
    assert tab.model.rowCount() == SKUS
    qtmodeltester.check(tab.model, force_py=True)
    for column in range(tab.model.columnCount()):
        tab.model.sort(column, Qt.SortOrder.DescendingOrder)
        assert tab.model.data(tab.model.index(0, column), ROW_ROLE) is not None
    tab.level_filter.setCurrentIndex(tab.level_filter.findData("critical"))
    critical = tab.model.rowCount()
    assert 0 < critical < SKUS
    assert all(tab.model.row_at(r).level == "critical" for r in range(critical))
    tab.level_filter.setCurrentIndex(0)
    tab.role_filter.setCurrentIndex(tab.role_filter.findData("hero"))
    assert tab.model.rowCount() == 0
    tab.role_filter.setCurrentIndex(0)
    tab.search_box.setText("LJ-0001")
    tab._apply_search()
    assert tab.model.rowCount() >= 1


def test_editor_edits_a_sku_and_warns_about_banned_words(
    tab: ProductsTab, qtbot: QtBot, own_runner: Runner, qtmodeltester: ModelTester, no_message_boxes: list[str]
) -> None:
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    dialog = tab.edit_selected()
    assert isinstance(dialog, ProductEditorDialog)
    qtmodeltester.check(dialog.listings, force_py=True)
    dialog.title.setText("全网最低价 顶级四件套")
    assert "顶级" in dialog.title_check.text() and "background" in dialog.title_check.text()
    dialog.sku_form.safety.setValue(42)
    dialog.sku_form.price.setText("¥318.50")
    with qtbot.waitSignal(dialog.finished):
        dialog.save()
    assert any("顶级" in text for text in no_message_boxes)
    with own_runner.session_factory() as session:
        sku = session.scalars(select(Sku).where(Sku.seller_code == "LJ-0001")).one()
        assert (sku.safety_stock, sku.price_cents) == (42, 31850)


def test_editor_creates_a_product_with_two_skus(tab: ProductsTab, qtbot: QtBot, own_runner: Runner) -> None:
    dialog = tab.new_product()
    assert dialog is not None
    dialog.title.setText("竹纤维毛巾")
    dialog.sku_form.seller_code.setText("MJ-01")
    dialog._add_sku()
    dialog.sku_form.seller_code.setText("MJ-02")
    with qtbot.waitSignal(dialog.finished):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with own_runner.session_factory() as session:
        assert set(session.scalars(select(Sku.seller_code).where(Sku.seller_code.like("MJ-%")))) == {"MJ-01", "MJ-02"}


def test_stock_dialogs_receive_correct_and_transfer(tab: ProductsTab, qtbot: QtBot, own_runner: Runner) -> None:
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    row = tab.selected_row()
    before = row.on_hand
    receive = tab.move_stock("receipt")
    assert isinstance(receive, StockMovementDialog)
    receive.qty.setValue(5)
    receive.reason.setText("PO-7")
    with qtbot.waitSignal(receive.finished):
        receive.post()
    correct = StockMovementDialog(own_runner, row, "correction", parent=tab)
    correct.qty.setValue(-(before + 50))
    assert "negative" in correct.preview.text()
    correct.reason.setText("lost")
    with qtbot.waitSignal(correct.finished):
        correct.post()
    transfer = StockMovementDialog(own_runner, row, "transfer", parent=tab)
    transfer.qty.setValue(1)
    with qtbot.waitSignal(transfer.finished):
        transfer.post()
    with own_runner.session_factory() as session:
        assert stock.sku_balance(session, row.id).on_hand == before + 5 - (before + 50)


def test_count_lines_and_unlinked_models(qtbot: QtBot, own_runner: Runner, qtmodeltester: ModelTester) -> None:
    from sellerdesk.services.products import CountLine

    model = CountLinesModel((CountLine(1, "A", "毛巾", "", "main", 5, 3),))
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 5)) == "-2"
    dialog = UnlinkedItemsDialog(own_runner)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model, force_py=True)
    qtmodeltester.check(ListingsModel(), force_py=True)


def test_title_check_and_banned_words_dialogs(tab: ProductsTab, session_factory: sessionmaker[Session]) -> None:
    dialog = tab.check_titles()
    assert dialog.isVisible()
    editor = tab.edit_banned_words()
    assert editor is not None


def test_a_stale_banned_word_save_is_refused_and_offers_a_reload(
    tab: ProductsTab, own_runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton

    from sellerdesk.services import products

    editor = tab.edit_banned_words()
    assert editor is not None
    with own_runner.session_factory.begin() as session:  # someone else saves meanwhile
        products.set_banned_words(
            session, ["另一台"], expected_version=products.banned_words_version(session), actor=OWNER
        )
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    (edit,) = editor.findChildren(QPlainTextEdit)
    edit.setPlainText("我的")
    (save,) = [b for b in editor.findChildren(QPushButton) if b.text() == "Save"]
    save.click()
    assert asked and "Someone else saved the banned words" in asked[0]
    assert edit.toPlainText() == "另一台" and editor.isVisible()  # their list, loaded with its version
    edit.setPlainText("另一台\n我的")
    save.click()
    with own_runner.session_factory() as session:
        assert products.banned_words(session) == ("另一台", "我的")
