"""Settings → Shops, and choosing the shop of an imported file that names none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.models import Order, Shop
from sellerdesk.services.shops import default_shops
from sellerdesk.ui.dialogs.import_dialog import ImportDialog
from sellerdesk.ui.dialogs.shops_dialog import ShopsDialog
from sellerdesk.ui.runner import Runner

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@pytest.fixture
def factory(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine: Engine = make_engine("sqlite:///" + str(tmp_path / "shops.sqlite"))
    ensure_schema(engine)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def runner(factory: sessionmaker[Session]) -> Iterator[Runner]:
    runner = Runner(factory, synchronous=True)
    yield runner
    runner.shutdown()


def _shops(factory: sessionmaker[Session]) -> dict[str, tuple[str, int, str]]:
    with factory() as session:
        return {s.name: (s.platform, s.fee_rate_bp, s.timezone) for s in session.scalars(select(Shop))}


def test_add_edit_and_make_a_shop_the_default(
    qtbot: QtBot, runner: Runner, factory: sessionmaker[Session], qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    dialog = ShopsDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and dialog.editing is None  # an empty shop list starts a new shop
    dialog.platform_box.setCurrentIndex(dialog.platform_box.findData("pdd"))
    dialog.name_edit.setText("小林家居拼多多店")
    dialog.fee_box.setValue(0.6)
    dialog.default_box.setChecked(True)
    dialog.save_button.click()
    assert _shops(factory) == {"小林家居拼多多店": ("pdd", 60, "Asia/Shanghai")}
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1 and dialog.editing is not None  # the saved shop stays selected
    dialog.name_edit.setText("小林家居拼多多旗舰店")
    dialog.zone_box.setCurrentText("Asia/Tokyo")
    dialog.save_button.click()
    dialog.save_button.click()  # a second save of one's own edit never conflicts
    assert _shops(factory) == {"小林家居拼多多旗舰店": ("pdd", 60, "Asia/Tokyo")}
    with factory() as session:
        assert list(default_shops(session)) == ["pdd"]
    assert dialog.model.data(dialog.model.index(0, 4)) == "Default"


def test_a_bad_time_zone_is_refused_with_a_message(
    qtbot: QtBot, runner: Runner, factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("sellerdesk.ui.errors.show_error", lambda _parent, exc, *a, **k: shown.append(str(exc.code)))
    dialog = ShopsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("京东店")
    dialog.zone_box.setCurrentText("Mars/Olympus")
    dialog.save_button.click()
    assert shown == ["unknown_timezone"] and _shops(factory) == {}


def test_the_import_dialog_lets_a_file_without_a_shop_go_to_a_chosen_shop(
    qtbot: QtBot, runner: Runner, factory: sessionmaker[Session]
) -> None:
    dialog = ImportDialog(runner, [SAMPLES / "pdd_orders.csv", SAMPLES / "ExportOrderList202609030915.csv"])
    qtbot.addWidget(dialog)
    files = dialog.files
    pdd, taobao = files.index(0, 3), files.index(1, 3)
    assert files.data(pdd) == "拼多多店铺"  # where it would go: the platform's default name
    assert files.flags(pdd) & files.flags(pdd).ItemIsEditable
    assert not files.flags(taobao) & files.flags(taobao).ItemIsEditable  # the Taobao file names its shop
    assert files.setData(pdd, "  多多 二店 ")
    assert files.data(pdd) == "多多 二店"
    dialog.import_button.click()
    with factory() as session:
        shops = {s.id: s.name for s in session.scalars(select(Shop))}
        assert {shops[o.shop_id] for o in session.scalars(select(Order).where(Order.platform == "pdd"))} == {
            "多多 二店"
        }
