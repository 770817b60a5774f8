"""A large import on SQLite commits its orders first and indexes their search documents right after, on a
thread (services.search, db.after_commit): searches and writes of the process wait for it, the documents
are those an import adds in its own transaction, and documents left behind (a crash, a failed thread) are
added by the next import, from the stored orders."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from sellerdesk.db.after_commit import wait_for_after_commit
from sellerdesk.db.engine import make_engine, make_session_factory, write_lock
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.models import AppSetting, Order
from sellerdesk.services import search
from sellerdesk.services.imports import ImportRefused, import_paths, undo_batch
from sellerdesk.services.search import PENDING_SETTING, order_matches

SAMPLES = Path(__file__).parent.parent / "data" / "samples"
FILES = [SAMPLES / "jd_orders.csv", SAMPLES / "douyin_orders.csv"]


def _engine(path: Path) -> Engine:
    engine = make_engine("sqlite:///" + str(path))
    ensure_schema(engine)
    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = _engine(tmp_path / "shop.sqlite")
    yield engine
    wait_for_after_commit()
    engine.dispose()


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every import counts as large: its documents come after its commit."""
    monkeypatch.setattr(search, "DEFER_MIN_ROWS", 1)


def _import(engine: Engine, paths: list[Path]) -> list[int]:
    with make_session_factory(engine)(execution_options=write_lock()) as session, session.begin():
        return [r.batch_id or 0 for r in import_paths(session, paths)]


def _documents(engine: Engine) -> dict[str, list[str]]:
    """Platform order id → the words of its search document (lines may come in another order from the
    stored orders than from the file: a search matches the same)."""
    sql = "SELECT o.platform_order_id, s.doc FROM orders o JOIN order_search s ON s.rowid = o.id"
    with engine.connect() as connection:
        return {str(k): sorted(str(v).split(" ")) for k, v in connection.execute(text(sql))}


def _pending(engine: Engine) -> object:
    with make_session_factory(engine)() as session:
        return session.scalar(select(AppSetting.value).where(AppSetting.key == PENDING_SETTING))


def _find(session: Session, term: str) -> set[str]:
    return set(session.scalars(select(Order.platform_order_id).where(order_matches(session, term))))


def test_documents_after_the_commit_equal_those_of_the_import_itself(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = _engine(tmp_path / "inline.sqlite")
    _import(inline, FILES)
    monkeypatch.setattr(search, "DEFER_MIN_ROWS", 1)
    _import(engine, FILES)
    with make_session_factory(engine)() as session:  # the search waits for the documents
        assert _find(session, "386277118615") == {"386277118615"}
        assert "6900221694608993659" in _find(session, "YT285267135877")
        assert len(_find(session, "乳胶枕")) > 10
    assert _pending(engine) is None
    assert _documents(engine) == _documents(inline) and len(_documents(engine)) > 250
    inline.dispose()


@pytest.mark.usefixtures("deferred")
def test_the_thread_is_named_after_its_work_and_writes_wait_for_it(engine: Engine) -> None:
    started = threading.Event()
    release = threading.Event()
    real = search.index_pending

    def slow(session: Session, given: dict[int, str] | None = None) -> int:
        started.set()
        release.wait(10)
        return real(session, given)

    search.index_pending = slow  # type: ignore[assignment]
    try:
        _import(engine, FILES[:1])
        assert started.wait(10)
        names = [t.name for t in threading.enumerate()]
        assert "search documents, checkpoint" in names
        threading.Timer(0.3, release.set).start()
        # A write of this process begins only after the documents are in: it sees them, and its own
        # import finds nothing pending.
        with make_session_factory(engine)(execution_options=write_lock()) as session, session.begin():
            count = session.scalar(text("SELECT count(*) FROM order_search"))
            assert count == 250
            assert session.scalar(select(AppSetting.value).where(AppSetting.key == PENDING_SETTING)) is None
    finally:
        search.index_pending = real  # type: ignore[assignment]
        release.set()


@pytest.mark.usefixtures("deferred")
def test_documents_left_behind_are_added_by_the_next_import(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = _engine(tmp_path / "inline.sqlite")
    _import(inline, FILES)
    # The process ended between the commit and the documents: nothing ran after the commit.
    monkeypatch.setattr(search, "run_after_commit", lambda *args, **kwargs: None)
    _import(engine, FILES[:1])
    assert _documents(engine) == {}
    assert _pending(engine) == [[1, 250]]
    monkeypatch.undo()
    monkeypatch.setattr(search, "DEFER_MIN_ROWS", 10**9)
    _import(engine, FILES[1:])  # the next import adds them first, from the stored orders
    assert _pending(engine) is None
    assert _documents(engine) == _documents(inline)
    inline.dispose()


@pytest.mark.usefixtures("deferred")
def test_orders_undone_or_edited_before_the_documents_come(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "run_after_commit", lambda *args, **kwargs: None)
    _, douyin = _import(engine, FILES)
    with make_session_factory(engine)(execution_options=write_lock()) as session, session.begin():
        undo_batch(session, douyin)  # its orders are gone before their documents were added
        edited = session.scalar(select(Order.id).where(Order.platform_order_id == "386277118615"))
        assert edited is not None
        search.refresh_search(session, [edited])  # an edit indexes its order at once
        assert search.index_pending(session) == 249  # the rest of the JD file, none of the undone orders
    with make_session_factory(engine)() as session:
        assert _find(session, "386277118615") == {"386277118615"}
        assert _find(session, "YT285267135877") == set()
        assert session.scalar(text("SELECT count(*) FROM order_search")) == 250


@pytest.mark.usefixtures("deferred")
def test_a_refused_import_leaves_nothing_pending(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "pdd_bad.csv"
    lines = (SAMPLES / "pdd_orders.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("0.00,99.00,99.00", "0.00,九十九,99.00")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    with pytest.raises(ImportRefused):
        _import(engine, [SAMPLES / "jd_orders.csv", bad])
    wait_for_after_commit()
    assert _pending(engine) is None and _documents(engine) == {}


def test_small_imports_and_joined_sessions_index_in_their_own_transaction(session: Session) -> None:
    assert not search.can_defer_documents(session, 10**6)  # the session does not own its transaction
    import_paths(session, [SAMPLES / "jd_orders.csv"])
    assert _find(session, "386277118615") == {"386277118615"}  # before any commit
