"""Import dialog: preview, refusal with problems, valid rows, mapping, result; import history and undo."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.domain.enums import Platform
from sellerdesk.models import ImportBatch, Order
from sellerdesk.ui.dialogs.import_dialog import ImportDialog
from sellerdesk.ui.dialogs.import_history import ImportHistoryDialog
from sellerdesk.ui.dialogs.mapping_dialog import MappingChoice, MappingDialog
from sellerdesk.ui.runner import Runner

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine("sqlite:///" + str(tmp_path / "empty.sqlite"))
    ensure_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def factory(empty_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(empty_engine)


@pytest.fixture
def sync_runner(factory: sessionmaker[Session]) -> Iterator[Runner]:
    runner = Runner(factory, synchronous=True)
    yield runner
    runner.shutdown()


def _orders(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(Order)) or 0)


def test_preview_then_import_shows_the_result(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    files = [SAMPLES / n for n in ("ExportOrderList202609030915.csv", "ExportOrderDetailList202609030915.csv",
                                   "jd_orders.csv")]  # fmt: skip
    dialog = ImportDialog(sync_runner, files)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.files)
    assert dialog.files.rowCount() == 3
    assert dialog.files.data(dialog.files.index(0, 1)) == "Taobao/Tmall"
    assert dialog.files.data(dialog.files.index(2, 6)) == "Ready"
    assert _orders(factory) == 0  # a preview writes nothing
    with qtbot.waitSignal(dialog.imported) as blocker:
        dialog.import_button.click()
    assert [r.platform for r in blocker.args[0]] == ["taobao", "taobao", "jd"]
    assert _orders(factory) == 650
    assert "650 new orders" in dialog.summary.text()
    assert "new" in dialog.files.data(dialog.files.index(2, 6))


def _with_bad_money(tmp_path: Path) -> Path:
    lines = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    path = tmp_path / "pdd_bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_problems_block_the_import_until_valid_rows_are_accepted(
    qtbot: QtBot,
    sync_runner: Runner,
    factory: sessionmaker[Session],
    tmp_path: Path,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    dialog = ImportDialog(sync_runner, [_with_bad_money(tmp_path)])
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.problems)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.rowCount() == 1
    row = [dialog.problems.data(dialog.problems.index(0, c)) for c in range(5)]
    assert row[:4] == ["pdd_bad.csv", "2", "用户实付金额(元)", "九十九"]
    assert row[4] == "Not an amount of money"
    out = tmp_path / "problems.csv"
    dialog.write_problems(out)
    with out.open(encoding="utf-8-sig") as fh:
        assert list(csv.reader(fh))[1][3] == "九十九"
    dialog.accept_valid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert _orders(factory) == 299
    with factory() as session:
        assert session.scalars(select(ImportBatch.refused)).one() == 1


def test_unreadable_files_are_explained(qtbot: QtBot, sync_runner: Runner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog = ImportDialog(sync_runner, [empty, SAMPLES / "jd_orders.csv"])
    qtbot.addWidget(dialog)
    assert dialog.files.data(dialog.files.index(0, 6)) == "The file is empty."
    assert not dialog.import_button.isEnabled()  # all or nothing


def test_an_unknown_layout_is_mapped_once(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kuaishou.csv"
    path.write_text("订单号,付款时间,商品数量,实付款\n2611000000000001,2026-08-02 10:00:00,2,99.80\n", encoding="utf-8")
    dialog = ImportDialog(sync_runner, [path])
    qtbot.addWidget(dialog)
    assert dialog.map_button.isEnabled()
    assert not dialog.import_button.isEnabled()
    mapping = {"order_id": "订单号", "paid_at": "付款时间", "qty": "商品数量", "order_paid": "实付款"}
    monkeypatch.setattr(MappingDialog, "ask", classmethod(
        lambda cls, name, header, parent=None: MappingChoice(Platform.KUAISHOU, "快手小店", mapping)))  # fmt: skip
    dialog.map_button.click()
    assert dialog.files.data(dialog.files.index(0, 1)) == "Kuaishou"
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert _orders(factory) == 1


def test_mapping_dialog_guesses_and_requires_fields(qtbot: QtBot) -> None:
    dialog = MappingDialog("x.csv", ["订单号", "付款时间", "数量", "实付金额", "备注"])
    qtbot.addWidget(dialog)
    assert dialog.mapping().get("order_id") == "订单号"
    dialog.shop.setText("快手小店")
    dialog.combos["order_id"].setCurrentIndex(0)
    dialog._on_save()
    assert "Order number" in dialog.message.text()


def test_history_lists_batches_and_undo_restores(
    qtbot: QtBot,
    sync_runner: Runner,
    factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    dialog = ImportDialog(sync_runner, [SAMPLES / "jd_orders.csv"])
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    assert _orders(factory) == 250
    history = ImportHistoryDialog(sync_runner)
    qtbot.addWidget(history)
    qtmodeltester.check(history.model)
    assert history.model.rowCount() == 1
    assert history.model.data(history.model.index(0, 1)) == "jd_orders.csv"
    monkeypatch.setattr(ImportHistoryDialog, "confirm_undo", classmethod(lambda cls, parent, name: True))
    history.undo_button.click()
    assert _orders(factory) == 0
    assert history.model.data(history.model.index(0, 9)) == "Undone"
    assert not history.undo_button.isEnabled()


def test_file_menu_and_dropping_files_open_the_import(
    qtbot: QtBot, sync_runner: Runner, empty_engine: Engine, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from sellerdesk.ui import import_actions
    from sellerdesk.ui.main_window import MainWindow
    from sellerdesk.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings=settings, language="en")
    qtbot.addWidget(window)
    window.show()
    window.attach(engine=empty_engine, runner=sync_runner)
    actions = import_actions.install(window)
    assert actions.import_action in window.file_menu.actions()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLES / "jd_orders.csv")), QUrl.fromLocalFile(str(tmp_path / "a.pdf"))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    # Qt delivers drops only during a real drag session; hand the event to the window's filter as Qt would.
    assert actions.eventFilter(window, drop)
    dialogs = [w for w in window.findChildren(ImportDialog)]
    assert len(dialogs) == 1
    assert [p.name for p in dialogs[0].paths] == ["jd_orders.csv"]
    assert dialogs[0].files.rowCount() == 1


def test_problem_export_keeps_formula_text_as_text(qtbot: QtBot, sync_runner: Runner, tmp_path: Path) -> None:
    from sellerdesk.domain.records import RowProblem

    dialog = ImportDialog(sync_runner, [])
    qtbot.addWidget(dialog)
    payloads = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)"]
    dialog.problems.set_problems([RowProblem("a.csv", 2, "买家昵称", p, "bad_money", "x") for p in payloads])
    out = tmp_path / "problems.csv"
    dialog.write_problems(out)
    with out.open(encoding="utf-8-sig") as fh:
        values = [row[3] for row in list(csv.reader(fh))[1:]]
    assert values == ["'" + p for p in payloads]
