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
from sellerdesk.domain.changes import Changes
from sellerdesk.domain.enums import Platform
from sellerdesk.models import ImportBatch, Order
from sellerdesk.platforms.generic import MappingSpec
from sellerdesk.services.imports import IMPORTED
from sellerdesk.ui.dialogs.import_dialog import ImportDialog
from sellerdesk.ui.dialogs.import_history import ImportHistoryDialog
from sellerdesk.ui.dialogs.mapping_dialog import MappingDialog
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
        lambda cls, name, header, parent=None: MappingSpec(Platform.KUAISHOU, mapping, "快手小店")))  # fmt: skip
    dialog.map_button.click()
    assert dialog.files.data(dialog.files.index(0, 1)) == "Kuaishou"
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert _orders(factory) == 1


def test_a_fallback_column_is_used_once_accepted(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], douyin_without_paid_time: Path
) -> None:
    dialog = ImportDialog(sync_runner, [douyin_without_paid_time])
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert not dialog.accept_fallbacks.isHidden()
    assert "订单提交时间" in dialog.files.data(dialog.files.index(0, 6))
    dialog.accept_fallbacks.setChecked(True)  # the preview is read again, with the fallback
    assert dialog.import_button.isEnabled()
    status = dialog.files.data(dialog.files.index(0, 6))
    assert status.startswith("Ready") and "订单提交时间 is read as 支付完成时间" in status
    dialog.import_button.click()
    assert _orders(factory) == 350


def test_a_thin_file_of_a_known_platform_can_be_mapped(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path(__file__).parent.parent / "data" / "real" / "Data_analysis__tmall_order_report.csv"
    path = tmp_path / "tmall_order_report.csv"  # its header (trailing spaces) and first orders
    path.write_text("".join(real.read_text(encoding="utf-8").splitlines(keepends=True)[:6]), encoding="utf-8")
    dialog = ImportDialog(sync_runner, [path])
    qtbot.addWidget(dialog)
    assert dialog.map_button.isEnabled()  # Taobao-like, but no 订单状态: the mapping is offered
    columns = {"order_id": "订单编号", "paid_at": "订单付款时间 ", "order_paid_net": "买家实际支付金额",
               "order_refund": "退款金额"}  # fmt: skip
    monkeypatch.setattr(MappingDialog, "ask", classmethod(
        lambda cls, name, header, parent=None: MappingSpec(Platform.TAOBAO, columns, "天猫店")))  # fmt: skip
    dialog.map_button.click()
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert _orders(factory) == 5


def test_mapping_dialog_reads_and_writes_mapping_files(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = MappingDialog("tmall.csv", ["订单编号", "总金额", "买家实际支付金额", "订单付款时间 ", "退款金额"])
    qtbot.addWidget(dialog)
    assert dialog.mapping()["order_paid_net"] == "买家实际支付金额"  # Taobao's: net of refunds
    saved = tmp_path / "mapping.json"
    saved.write_text(
        '{"platform": "taobao", "shop": "天猫店", "columns": {"order_id": "订单编号", "order_paid": "总金额"}}',
        encoding="utf-8",
    )
    dialog.open_file(saved)
    choice = dialog.choice()
    assert (choice.platform, choice.shop, choice.columns["order_paid"]) == (Platform.TAOBAO, "天猫店", "总金额")
    assert "order_paid_net" not in choice.columns
    assert MappingSpec.loads(choice.dumps()) == choice
    saved.write_text("{", encoding="utf-8")
    dialog.open_file(saved)
    assert "mapping.json" in dialog.message.text()


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
    broadcast: list[Changes] = []
    sync_runner.changed.connect(broadcast.append)
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
    assert broadcast == [IMPORTED, IMPORTED]  # what the services said, the undo naming what the import did


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


REAL = Path(__file__).parent.parent / "data" / "real"


def test_trimmed_pair_names_incomplete_orders_and_lists_warnings(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session]
) -> None:
    """A pair whose item file holds orders its order file lacks imports, and the result says how many and
    which; an unknown status text is listed as imported all the same, not as a refusal."""
    stamp = "201903141540"
    files = [
        REAL / f"Mac-Python-3.X__ExportOrderList{stamp}.csv",
        REAL / f"Mac-Python-3.X__ExportOrderDetailList{stamp}.csv",
    ]
    dialog = ImportDialog(sync_runner, files)
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()  # a warning does not block the import
    dialog.file_view.selectRow(1)  # the item file
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.data(dialog.problems.index(0, 4)).endswith("(imported all the same)")
    dialog.import_button.click()
    assert _orders(factory) > 0

    trimmed = "201903101120"
    dialog = ImportDialog(sync_runner, [REAL / f"Mac-Python-3.X__ExportOrderDetailList{trimmed}.csv"])
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    assert "30 orders of Mac-Python-3.X__ExportOrderDetailList201903101120.csv are missing" in dialog.summary.text()


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


def test_the_import_writes_what_the_preview_read(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Preview and import read and parse each file once: the import writes the preview's parse."""
    import sellerdesk.services.imports.plan as plan

    reads: list[str] = []
    read_export = plan.read_export

    def counted(path: Path):  # type: ignore[no-untyped-def]
        reads.append(Path(path).name)
        return read_export(path)

    monkeypatch.setattr(plan, "read_export", counted)
    files = [SAMPLES / "jd_orders.csv", SAMPLES / "pdd_orders.csv"]
    dialog = ImportDialog(sync_runner, files)
    qtbot.addWidget(dialog)
    assert reads == ["jd_orders.csv", "pdd_orders.csv"]
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert reads == ["jd_orders.csv", "pdd_orders.csv"]  # not read again
    assert _orders(factory) == 550


def test_a_large_file_is_shown_while_it_parses_and_imported_from_that_parse(
    qtbot: QtBot, sync_runner: Runner, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's row says it is being checked (rows so far, "≈"), then the whole preview; the import may
    start meanwhile and writes from the same parse. Closing the dialog stops a parse nobody imports."""
    from sellerdesk.platforms import worker

    monkeypatch.setattr(worker, "WORKER_MIN_BYTES", 0)
    files = [SAMPLES / "jd_orders.csv", SAMPLES / "pdd_orders.csv"]
    dialog = ImportDialog(sync_runner, files)
    qtbot.addWidget(dialog)
    seen: set[str] = set()

    def every_file_ready() -> None:
        seen.update(str(dialog.files.data(dialog.files.index(r, 6))) for r in range(2))
        assert [dialog.files.data(dialog.files.index(r, 6)) for r in range(2)] == ["Ready", "Ready"]

    qtbot.waitUntil(every_file_ready, timeout=30_000)
    assert seen <= {"Ready", "Checking the rows… (you may import meanwhile)"}
    assert dialog.files.data(dialog.files.index(0, 4)) == "513"  # the whole count (rows), no "≈" once parsed
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert _orders(factory) == 550
    again = ImportDialog(sync_runner, files)
    qtbot.addWidget(again)
    plans = [again.files.preview(r).plan for r in range(2)]
    again.reject()  # closed without importing: the parses stop
    assert all(p is not None and p.parsing is not None and not p.parsing._process.is_alive() for p in plans)
