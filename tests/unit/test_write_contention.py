"""Two writers at once: SQLite's second writer waits (and says why), PostgreSQL's imports take turns, a stale
version is a ConflictError wherever it is found, shared settings are version-checked, and undo keeps what a
later import counted on."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, delete, func, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_engine, make_session_factory, write_lock
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.domain.errors import ConflictError, StorageError
from sellerdesk.domain.permissions import OWNER
from sellerdesk.models import AuditEntry, ImportBatch, Order, Product, Shop
from sellerdesk.services import products
from sellerdesk.services.imports import import_paths, undo_batch
from sellerdesk.services.products import ProductData, SkuData
from sellerdesk.services.reports import monthly_figures

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


# --- SQLite: the second writer waits -------------------------------------------------------------------


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[tuple[Engine, Path]]:
    path = tmp_path / "shared.sqlite"
    engine = make_engine("sqlite:///" + str(path))
    ensure_schema(engine)
    yield engine, path
    engine.dispose()


def _other_program(path: Path) -> sqlite3.Connection:
    """Another PC or program holding the write lock (a plain connection, as any SQLite writer)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO app_settings (key, value, version) VALUES ('other PC', '1', 1)")
    return holder


def _add_shop(factory: sessionmaker[Session], name: str, options: dict[str, Any]) -> None:
    with factory(execution_options=options) as session, session.begin():
        session.scalar(select(func.count()).select_from(Shop))  # read first, then write: the old failure
        session.add(Shop(platform="jd", name=name))


def test_a_second_sqlite_writer_waits_for_the_first_and_then_writes(sqlite_file: tuple[Engine, Path]) -> None:
    engine, path = sqlite_file
    holder = _other_program(path)
    waited: list[float] = []
    started = time.monotonic()
    threading.Timer(1.5, holder.commit).start()  # longer than the old ~1 s failure
    _add_shop(make_session_factory(engine), "ours", write_lock(lambda: waited.append(time.monotonic())))
    assert waited and waited[0] - started < 0.5  # told at once, so the UI can say why nothing moves
    assert time.monotonic() - started >= 1.4
    with Session(engine) as session:
        assert session.scalar(text("SELECT count(*) FROM app_settings WHERE key = 'other PC'")) == 1
        assert list(session.scalars(select(Shop.name))) == ["ours"]
    holder.close()


def test_a_holder_that_never_lets_go_is_a_clear_error(sqlite_file: tuple[Engine, Path]) -> None:
    engine, path = sqlite_file
    holder = _other_program(path)
    waited: list[bool] = []
    with pytest.raises(StorageError) as caught:
        _add_shop(make_session_factory(engine), "ours", write_lock(lambda: waited.append(True), timeout_ms=300))
    assert caught.value.code == "database_busy" and waited == [True]
    holder.rollback()
    _add_shop(make_session_factory(engine), "ours", write_lock())  # the engine's connections still work
    holder.close()


def test_a_deferred_writer_that_read_an_older_snapshot_used_to_fail_at_once(sqlite_file: tuple[Engine, Path]) -> None:
    """Why write transactions begin IMMEDIATE: a reader that later writes cannot wait for a newer snapshot."""
    engine, path = sqlite_file
    factory = make_session_factory(engine)
    with factory() as session, session.begin():
        session.scalar(select(func.count()).select_from(Shop))  # a read snapshot
        _other_program(path).commit()  # someone writes meanwhile (the holder is then closed by GC)
        started = time.monotonic()
        session.add(Shop(platform="jd", name="late"))
        with pytest.raises(Exception, match="locked"):
            session.flush()
        assert time.monotonic() - started < 1  # no busy wait helps: the snapshot is stale


# --- PostgreSQL: imports of overlapping files take turns ---------------------------------------------------


@pytest.fixture
def pg(pg_database_url: str) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    """A database of its own: the test commits from two threads, which the shared one must not keep."""
    name = f"sellerdesk_race_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(pg_database_url).set(database=name).render_as_string(hide_password=False))
    ensure_schema(engine)
    yield engine, make_session_factory(engine)
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _august(factory: sessionmaker[Session]) -> dict[str, Any]:
    with factory() as session:
        return monthly_figures(session, 2026, 8).to_json()


@pytest.mark.pg
def test_overlapping_imports_at_once_on_postgresql_both_succeed(pg: tuple[Engine, sessionmaker[Session]]) -> None:
    _engine, factory = pg
    files = [
        [SAMPLES / "pdd_orders.csv", SAMPLES / "jd_orders.csv"],
        [SAMPLES / "jd_orders.csv", SAMPLES / "pdd_orders.csv"],
    ]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(paths: list[Path]) -> None:
        try:
            with factory.begin() as session:
                barrier.wait()
                import_paths(session, paths)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    twice = _august(factory)
    with factory() as session:
        orders = session.scalar(select(func.count()).select_from(Order))
        distinct = session.scalar(select(func.count(func.distinct(Order.platform_order_id))))
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 4
    assert orders == distinct  # no order twice
    with factory.begin() as session:  # a single import's figures, from an empty database
        for table in ("import_batches", "stock_movements", "order_items", "orders", "buyers", "daily_sales"):
            session.execute(text(f"DELETE FROM {table}"))
        import_paths(session, files[0])
    assert _august(factory) == twice


# --- a stale version is a ConflictError, on both backends ---------------------------------------------------


def test_overlapping_product_saves_are_a_conflict(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with factory() as session:  # the audit log of the shared database is left as it was found
        last_entry = session.scalar(select(func.max(AuditEntry.id))) or 0
    with factory.begin() as session:
        data = ProductData(title=f"overlap-{engine.dialect.name}", skus=(SkuData(f"OV-{engine.dialect.name}"),))
        product_id = products.save_product(session, data, actor=OWNER).product_id
    try:
        with factory() as a, factory() as b:
            mine, theirs = a.get(Product, product_id), b.get(Product, product_id)
            assert mine is not None and theirs is not None
            a.commit()  # two editors holding the same version, between user actions
            b.commit()
            theirs.title = "theirs"
            b.commit()
            mine.title = "mine"
            with pytest.raises(ConflictError):
                a.commit()  # the flush inside commit finds the stale version
    finally:
        with factory.begin() as session:
            session.execute(text("DELETE FROM products WHERE id = :id"), {"id": product_id})
            session.execute(delete(AuditEntry).where(AuditEntry.id > last_entry))


def test_a_save_over_a_version_changed_behind_the_session_is_a_conflict(session: Session) -> None:
    saved = products.save_product(session, ProductData(title="T", skus=(SkuData("STALE-1"),)), actor=OWNER)
    assert saved.data is not None
    session.execute(text("UPDATE products SET version = version + 1 WHERE id = :id"), {"id": saved.product_id})
    with pytest.raises(ConflictError):  # the service's own flush, not the UI, says "conflict"
        products.save_product(session, saved.data, actor=OWNER)


def test_a_bulk_update_by_primary_key_with_a_stale_version_is_a_conflict(session: Session) -> None:
    """The path imports update orders by: the rows carry the version read, SQLAlchemy checks it."""
    shop = Shop(platform="jd", name="bulk")
    session.add(shop)
    session.flush()
    with pytest.raises(ConflictError):
        session.execute(update(Shop), [{"id": shop.id, "name": "renamed", "version": shop.version + 5}])


# --- the banned words are version-checked ---------------------------------------------------------------------


def test_two_people_editing_the_banned_words_the_second_is_refused(session: Session) -> None:
    seen_by_alice = seen_by_bob = products.banned_words_version(session)
    products.set_banned_words(session, ["最", "第一"], expected_version=seen_by_alice, actor=OWNER)
    with pytest.raises(ConflictError):
        products.set_banned_words(session, ["顶级"], expected_version=seen_by_bob, actor=OWNER)
    assert products.banned_words(session) == ("最", "第一")
    products.set_banned_words(session, ["顶级"], expected_version=products.banned_words_version(session), actor=OWNER)
    assert products.banned_words(session) == ("顶级",)


def test_two_sessions_edit_the_banned_words_and_the_second_is_refused(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with factory() as session:
        last_entry = session.scalar(select(func.max(AuditEntry.id))) or 0
        alice_saw = bob_saw = products.banned_words_version(session)  # two editors open the list
    try:
        with factory(execution_options=write_lock()) as alice, alice.begin():
            products.set_banned_words(alice, ["最"], expected_version=alice_saw, actor=OWNER)
        with pytest.raises(ConflictError), factory(execution_options=write_lock()) as bob, bob.begin():
            products.set_banned_words(bob, ["第一"], expected_version=bob_saw, actor=OWNER)
        with factory() as session:
            assert products.banned_words(session) == ("最",)  # Alice's list stands; nothing lost silently
    finally:
        with factory.begin() as session:
            session.execute(text("DELETE FROM app_settings WHERE key = :k"), {"k": products.BANNED_WORDS_KEY})
            session.execute(delete(AuditEntry).where(AuditEntry.id > last_entry))


# --- undo keeps what a later import counted on ----------------------------------------------------------------


def test_undo_is_refused_while_a_later_import_saw_the_orders_unchanged(session: Session) -> None:
    (first,) = import_paths(session, [SAMPLES / "pdd_orders.csv"])
    (again,) = import_paths(session, [SAMPLES / "pdd_orders.csv"])
    assert again.created == again.updated == 0 and again.unchanged > 0
    assert first.batch_id is not None and again.batch_id is not None
    with pytest.raises(ConflictError) as caught:
        undo_batch(session, first.batch_id)
    assert caught.value.code == "batch_seen_later"
    assert f"#{again.batch_id} pdd_orders.csv" in caught.value.params["later"]
    assert session.scalar(select(func.count()).select_from(Order)) == first.created  # nothing removed
    undo_batch(session, again.batch_id)  # the later one first: nothing to restore, it only saw them
    assert session.scalar(select(func.count()).select_from(Order)) == first.created
    undo_batch(session, first.batch_id)
    assert session.scalar(select(func.count()).select_from(Order)) == 0
