"""An import's commit does not wait for the write-ahead log's checkpoint: a PASSIVE checkpoint runs right
after, on a connection of its own; the connection's automatic checkpoint comes back however the
transaction ends."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.models import Order
from sellerdesk.services.imports import ImportRefused, import_paths

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine("sqlite:///" + str(tmp_path / "shop.sqlite"))
    ensure_schema(engine)
    return engine


def _autocheckpoint(engine: Engine) -> list[int]:
    """``wal_autocheckpoint`` of every connection the pool holds."""
    pool = engine.pool
    values = []
    for _ in range(pool.checkedin()):  # type: ignore[attr-defined]
        with engine.connect() as connection:
            values.append(connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar())
    return values


def _wait_for_checkpoint() -> None:
    for thread in threading.enumerate():
        if thread.name == "checkpoint":
            thread.join(10)


def test_the_log_is_copied_after_the_commit(engine: Engine, tmp_path: Path) -> None:
    commits: list[int] = []
    factory = make_session_factory(engine)
    with factory.begin() as session:
        import_paths(session, [SAMPLES / "jd_orders.csv"])
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        commits.append(dbapi.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    _wait_for_checkpoint()
    assert commits == [0]  # the commit did not checkpoint
    assert _autocheckpoint(engine) == [1000]
    with sqlite3.connect(tmp_path / "shop.sqlite") as other:  # a checkpoint now finds nothing left to copy
        busy, log, copied = other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and log == copied
        assert other.execute("SELECT count(*) FROM orders").fetchone()[0] == 250
    engine.dispose()


def test_a_refused_or_dropped_import_leaves_the_connection_as_it_was(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "pdd_bad.csv"
    lines = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    factory = make_session_factory(engine)
    with pytest.raises(ImportRefused), factory.begin() as session:
        import_paths(session, [bad])
    assert _autocheckpoint(engine) == [1000]
    session = factory()
    import_paths(session, [SAMPLES / "jd_orders.csv"])
    session.close()  # never committed
    assert _autocheckpoint(engine) == [1000]
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0
    engine.dispose()
