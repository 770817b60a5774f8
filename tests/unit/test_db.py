"""Database foundation: schema at head on both backends, versions, backups, check, migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, func, inspect, select, text
from sqlalchemy.orm import Session

from sellerdesk.db import migrate
from sellerdesk.db.backup import backup_database
from sellerdesk.db.engine import make_engine, resolve_url
from sellerdesk.domain.errors import StorageError
from sellerdesk.models import Base, Order, OrderItem, Shop


def test_schema_is_at_head_and_matches_the_models(engine: Engine) -> None:
    report = migrate.check_database(engine)
    assert report.revision == migrate.head_revision()
    assert report.ok, report.problems
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())


def test_money_is_integer_and_times_come_back_utc(session: Session) -> None:
    shop = Shop(platform="jd", name="t")
    session.add(shop)
    session.flush()
    paid = datetime(2026, 8, 1, 0, 0, 5, tzinfo=UTC)
    order = Order(shop_id=shop.id, platform="jd", platform_order_id="1", status="paid", paid_at=paid, paid_cents=12_345)
    session.add(order)
    session.flush()
    session.expire_all()
    got = session.scalar(select(Order))
    assert got is not None
    assert got.paid_at == paid and got.paid_at.tzinfo is not None
    assert got.paid_cents == 12_345 and isinstance(got.paid_cents, int)


def test_naive_datetimes_are_refused(session: Session) -> None:
    shop = Shop(platform="jd", name="t")
    session.add(shop)
    session.flush()
    session.add(
        Order(shop_id=shop.id, platform="jd", platform_order_id="1", status="paid", paid_at=datetime(2026, 8, 1))
    )
    with pytest.raises(Exception, match="naive datetime"):
        session.flush()


def test_order_ids_are_unique_per_shop(session: Session) -> None:
    shop = Shop(platform="pdd", name="t")
    session.add(shop)
    session.flush()
    session.add_all([Order(shop_id=shop.id, platform="pdd", platform_order_id="x", status="paid") for _ in "ab"])
    with pytest.raises(Exception, match=r"(?i)unique"):
        session.flush()


def test_concurrent_edit_is_detected(engine: Engine) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    with Session(engine) as setup, setup.begin():
        shop = Shop(platform="douyin", name=f"race-{engine.dialect.name}")
        setup.add(shop)
        setup.flush()
        shop_id = shop.id
    try:
        with Session(engine, expire_on_commit=False) as a, Session(engine, expire_on_commit=False) as b:
            shop_a = a.get(Shop, shop_id)
            shop_b = b.get(Shop, shop_id)
            assert shop_a is not None and shop_b is not None
            a.commit()  # two screens holding the same row, each between user actions
            b.commit()
            shop_a.fee_rate_bp = 500
            a.commit()
            shop_b.fee_rate_bp = 600
            with pytest.raises(StaleDataError):
                b.commit()
    finally:
        with Session(engine) as cleanup, cleanup.begin():
            cleanup.execute(text("DELETE FROM shops WHERE id = :id"), {"id": shop_id})


def test_foreign_keys_are_enforced(session: Session) -> None:
    session.add(OrderItem(order_id=999_999, sub_order_id="1"))
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        session.flush()


def _fill_first_revision(engine: Engine) -> None:
    """Rows as a user of revision 0001 would have them (no units column yet)."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO shops (id, platform, name, timezone, fee_rate_bp, ship_deadline_hours, "
                "active, created_at, version) VALUES (1, 'jd', '京东店', 'Asia/Shanghai', 800, 48, "
                "true, '2026-08-01 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO orders (id, shop_id, platform, platform_order_id, buyer_nick, status, status_raw, "
                "refund_state, locked, deleted, paid_at, goods_cents, shipping_cents, discount_cents, paid_cents, "
                "refund_cents, receiver_name, receiver_phone, receiver_province, receiver_city, receiver_district, "
                "receiver_address, receiver_zip, buyer_message, seller_memo, close_reason, carrier, tracking_no, "
                "imported_at, updated_at, version) VALUES (1, 1, 'jd', '386277118615', 'jd_a**2', 'completed', '完成',"
                " 'none', false, false, '2026-07-31 16:00:05', 29800, 0, 0, 29800, 0, '王**', '', '', '', '', '', '',"
                " '', '', '', '', '', '2026-08-01 00:00:00', '2026-08-01 00:00:00', 1)"
            )
        )
        for n, qty in ((1, 1), (2, 2)):
            conn.execute(
                text(
                    "INSERT INTO order_items (id, order_id, sub_order_id, seller_code, platform_item_id, "
                    "platform_sku_id, title, spec, qty, unit_price_cents, payable_cents, paid_cents, refund_cents, "
                    "status, status_raw, refund_state, refund_status_raw, carrier, tracking_no) VALUES "
                    f"({n}, 1, 'l{n}', 'LJ-100{n}', '', '', '收纳箱', '', {qty}, 12900, 12900, 12900, 0, 'completed',"
                    " '完成', 'none', '', '', '')"
                )
            )


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_from_first_revision_keeps_data(
    backend_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with _empty_database(backend_name, tmp_path, request, "mig") as engine:
        migrate.upgrade(engine, "0001")
        _fill_first_revision(engine)
        result = migrate.ensure_schema(engine, backup_dir=tmp_path)
        assert result.upgraded_from == "0001"
        assert backend_name == "pg" or (result.backup is not None and result.backup.exists())
        assert migrate.check_database(engine).ok
        with Session(engine) as s:
            order = s.scalars(select(Order)).one()
            assert (order.platform_order_id, order.paid_cents, order.status) == (
                "386277118615",
                29800,
                "completed",
            )
            assert order.units == 3  # backfilled by 0002 from the lines
            assert len(s.scalars(select(OrderItem)).all()) == 2


def _create_pg_database(url: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def _drop_pg_database(url: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def test_new_database_is_created_at_head(tmp_path: Path) -> None:
    engine = make_engine("sqlite:///" + str(tmp_path / "new.sqlite"))
    assert migrate.ensure_schema(engine).created
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert not migrate.ensure_schema(engine).created  # second start: nothing to do
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_newer_or_foreign_databases_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    with pytest.raises(StorageError) as info:
        migrate.ensure_schema(make_engine("sqlite:///" + str(foreign)))
    assert info.value.code == "foreign_database"
    newer = make_engine("sqlite:///" + str(tmp_path / "newer.sqlite"))
    migrate.ensure_schema(newer)
    with newer.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError) as info:
        migrate.ensure_schema(newer)
    assert info.value.code == "newer_schema"


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    engine = make_engine("sqlite:///" + str(tmp_path / "live.sqlite"))
    migrate.ensure_schema(engine)
    with Session(engine) as s, s.begin():
        s.add(Shop(platform="pdd", name="拼多多店"))
    copy = backup_database(engine, tmp_path / "copies" / "copy.sqlite")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM shops").fetchall() == [("拼多多店",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_check_reports_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    engine = make_engine("sqlite:///" + str(path))
    migrate.ensure_schema(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "INSERT INTO order_items (order_id, sub_order_id, seller_code, platform_item_id, "
            "platform_sku_id, title, spec, qty, unit_price_cents, payable_cents, paid_cents, refund_cents,"
            " status, refund_state) VALUES (424242, 'x', '', '', '', '', '', 1, 0, 0, 0, 0, '', 'none')"
        )
    report = migrate.check_database(make_engine("sqlite:///" + str(path)))
    assert not report.ok
    assert any("foreign key" in p for p in report.problems)


def test_resolve_url_accepts_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_url(str(tmp_path / "a.sqlite")).startswith("sqlite:///")
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("SELLERDESK_DB", str(tmp_path / "env.sqlite"))
    assert resolve_url(None).endswith("env.sqlite")


def test_bulk_insert_stores_values_as_the_orm_reads_them(session: Session) -> None:
    from sqlalchemy import Table

    from sellerdesk.db.bulk import bulk_insert

    shop = Shop(platform="pdd", name="bulk")
    session.add(shop)
    session.flush()
    paid = datetime(2026, 8, 1, 0, 0, 5, 123, tzinfo=UTC)
    table = Order.__table__
    assert isinstance(table, Table)
    bulk_insert(session, table, [{"shop_id": shop.id, "platform": "pdd", "platform_order_id": "b1", "status": "paid",
                                  "paid_at": paid, "created_at": None, "incomplete": True, "updated_at": paid,
                                  "version": 1}])  # fmt: skip
    session.add(Order(shop_id=shop.id, platform="pdd", platform_order_id="b2", status="paid", paid_at=paid))
    session.flush()
    session.expire_all()
    bulk, orm = session.scalars(select(Order).order_by(Order.platform_order_id)).all()
    assert bulk.paid_at == orm.paid_at == paid
    assert bulk.incomplete is True and bulk.created_at is None
    # Both rows compare alike in SQL too (same stored text format on SQLite).
    assert session.scalar(select(func.count()).where(Order.paid_at == paid)) == 2


def test_bulk_times_are_stored_as_sqlalchemy_stores_them() -> None:
    from datetime import date, timedelta, timezone

    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from sellerdesk.db.bulk import _sqlite_datetime

    dialect = sqlite_dialect.dialect()
    column_type = Order.__table__.c.paid_at.type  # UtcDateTime over SQLite's DATETIME
    store = column_type.dialect_impl(dialect).bind_processor(dialect)
    assert store is not None
    china = timezone(timedelta(hours=8))
    samples = [
        datetime(2026, 8, 1, 0, 0, 5, tzinfo=UTC),
        datetime(2026, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2026, 1, 1, 7, 30, tzinfo=china),  # the day before in UTC
        datetime(999, 3, 4, 5, 6, 7, 80, tzinfo=UTC),
        datetime(2024, 2, 29, 12, 0, 0, 1, tzinfo=UTC),
    ]
    days: dict[date, str] = {}
    for value in samples:
        assert _sqlite_datetime(value, days) == store(value), value
    assert _sqlite_datetime(datetime(2026, 3, 4, 5, 6, 7), days) == "2026-03-04 05:06:07.000000"  # naive: as is


def test_sqlite_times_are_read_as_the_general_rule_reads_them() -> None:
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from sellerdesk.models.base import UtcDateTime

    dialect = sqlite_dialect.dialect()
    column_type = Order.__table__.c.paid_at.type
    read = column_type._cached_result_processor(dialect, None)
    stored_text = column_type.dialect_impl(dialect).impl_instance.result_processor(dialect, None)
    assert read is not None and stored_text is not None
    for stored in ("2026-08-01 00:00:05.000123", "2026-08-01 00:00:05", "2026-08-01T00:00:05", "2026-08-01",
                 "2026-08-01 00:00:05.5", "0999-03-04 05:06:07.000080"):  # fmt: skip
        value = read(stored)
        assert value == UtcDateTime().process_result_value(stored_text(stored), dialect), stored
        assert value is not None and value.tzinfo is UTC, stored
    assert read(None) is None


def test_bulk_insert_splits_rows_over_statements_by_the_parameter_limit(session: Session, backend: str) -> None:
    import sqlite3

    from sqlalchemy import Table

    from sellerdesk.db.bulk import bulk_insert

    if backend != "sqlite":
        pytest.skip("SQLite's parameter limit")
    shop = Shop(platform="pdd", name="many")
    session.add(shop)
    session.flush()
    dbapi = session.connection().connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)
    limit = dbapi.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)  # a few orders per statement
    try:
        table = Order.__table__
        assert isinstance(table, Table)
        paid = datetime(2026, 8, 1, 0, 0, 5, tzinfo=UTC)
        rows = [{"shop_id": shop.id, "platform": "pdd", "platform_order_id": f"m{n:03d}", "status": "paid",
                 "paid_at": paid} for n in range(100)]  # fmt: skip
        bulk_insert(session, table, rows)
    finally:
        dbapi.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    stored = session.execute(select(Order.platform_order_id, Order.paid_at).where(Order.shop_id == shop.id)).all()
    assert sorted(stored) == [(f"m{n:03d}", paid) for n in range(100)]


def _index_names(session: Session, table: str) -> set[str]:
    return {str(i["name"]) for i in inspect(session.connection()).get_indexes(table)}


def test_indexes_are_deferred_only_for_a_large_load_on_sqlite(session: Session, backend: str) -> None:
    from sqlalchemy import Table

    from sellerdesk.db.bulk import indexes_deferred

    table = Order.__table__
    assert isinstance(table, Table)
    declared = {str(i.name) for i in table.indexes}
    assert declared <= _index_names(session, "orders")
    with indexes_deferred(session, table, adding=10) as deferred:
        assert deferred == (backend == "sqlite")
        if deferred:
            assert not declared & _index_names(session, "orders")
    assert declared <= _index_names(session, "orders")  # built again afterwards

    shop = Shop(platform="pdd", name="held")
    session.add(shop)
    session.flush()
    session.add_all(Order(shop_id=shop.id, platform="pdd", platform_order_id=f"h{n}", status="paid") for n in range(3))
    session.flush()
    with indexes_deferred(session, table, adding=2) as deferred:  # fewer than the table holds: kept
        assert not deferred
        assert declared <= _index_names(session, "orders")


def test_deferred_indexes_come_back_with_a_rollback(session: Session, backend: str) -> None:
    from sqlalchemy import Table

    from sellerdesk.db.bulk import indexes_deferred

    if backend != "sqlite":
        pytest.skip("indexes are deferred on SQLite only")
    table = OrderItem.__table__
    assert isinstance(table, Table)
    savepoint = session.begin_nested()
    with pytest.raises(RuntimeError), indexes_deferred(session, table, adding=1):
        raise RuntimeError("the import failed halfway")
    savepoint.rollback()
    assert {str(i.name) for i in table.indexes} <= _index_names(session, "order_items")


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_to_0007_renames_roles_and_starts_the_counter(
    backend_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with _empty_database(backend_name, tmp_path, request, "roles") as engine:
        migrate.upgrade(engine, "0006")
        with engine.begin() as conn:
            for n, role in enumerate(("operations_manager", "product_specialist", "service_specialist", "owner"), 1):
                conn.execute(
                    text(
                        "INSERT INTO staff_users (id, login, name, role, active, created_at, version) "
                        f"VALUES ({n}, 'u{n}', 'n{n}', '{role}', true, '2026-08-01 00:00:00', 1)"
                    )
                )
            conn.execute(
                text(
                    "INSERT INTO kpi_templates (role, name, metric, target, weight_bp, higher_is_better, version) "
                    "VALUES ('marketing_specialist', 'GMV', '', 0, 0, true, 1)"
                )
            )
        migrate.ensure_schema(engine, backup_dir=tmp_path)
        with engine.connect() as conn:
            roles = conn.execute(text("SELECT role FROM staff_users ORDER BY id")).scalars().all()
            assert roles == ["manager", "product", "service", "owner"]
            assert conn.execute(text("SELECT role FROM kpi_templates")).scalar_one() == "marketing"
            assert conn.execute(text("SELECT seq FROM change_counter WHERE id = 1")).scalar_one() == 0
            assert conn.execute(text("SELECT password_hash FROM staff_users WHERE id = 1")).scalar_one() == ""


@contextmanager
def _empty_database(backend_name: str, tmp_path: Path, request: pytest.FixtureRequest, name: str) -> Iterator[Engine]:
    """An empty database of its own (a PostgreSQL one is dropped afterwards)."""
    if backend_name == "sqlite":
        url = "sqlite:///" + str(tmp_path / f"{name}.sqlite")
    else:
        url = request.getfixturevalue("pg_database_url").replace("sellerdesk_test_", f"sellerdesk_{name}_")
        _create_pg_database(url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        if backend_name == "pg":
            _drop_pg_database(url)


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_to_0011_moves_reviews_to_the_cycle_and_keeps_their_lines(
    backend_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with _empty_database(backend_name, tmp_path, request, "reviews") as engine:
        migrate.upgrade(engine, "0010")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO staff_users (id, login, name, role, active, created_at, version, password_hash) "
                    "VALUES (1, 'kf', '小李', 'service', true, '2026-08-01 00:00:00', 1, '')"
                )
            )
            for rid, status, plan in ((1, "draft", ""), (2, "submitted", ""), (3, "final", "每周复盘；熟练快捷回复")):
                conn.execute(
                    text(
                        "INSERT INTO reviews (id, staff_id, month, status, grade, manager_comment, self_comment, "
                        "improvement_plan, created_at, version) "
                        f"VALUES ({rid}, 1, '2026-0{rid}', '{status}', 'B', '', '', '{plan}', '2026-08-03 02:00:00', 1)"
                    )
                )
                for metric, actual in (("tickets_solved", 40), ("", 90), ("net_sales_cents", 500)):
                    conn.execute(
                        text(
                            "INSERT INTO review_lines (review_id, name, metric, target, actual, weight_bp) "
                            f"VALUES ({rid}, 'x', '{metric}', 100, {actual}, 3000)"
                        )
                    )
        migrate.ensure_schema(engine, backup_dir=tmp_path)
        with engine.connect() as conn:
            statuses = conn.execute(text("SELECT status, submitted_at IS NOT NULL FROM reviews ORDER BY id")).all()
            assert [tuple(s) for s in statuses] == [("draft", False), ("manager_review", False), ("acknowledged", True)]
            lines = conn.execute(
                text("SELECT review_id, metric, unit, actual, actual_entered FROM review_lines ORDER BY id")
            ).all()
            assert len(lines) == 9  # rebuilding the reviews table on SQLite kept its lines
            assert [tuple(x)[1:] for x in lines[:3]] == [
                ("tickets_handled", "count", 40, False),
                ("", "", 90, True),
                ("", "cents", 500, True),  # a metric no longer known: entered by hand
            ]
            plan = conn.execute(text("SELECT review_id, position, text FROM review_plan_items ORDER BY id")).all()
            assert [tuple(p) for p in plan] == [(3, 0, "每周复盘"), (3, 1, "熟练快捷回复")]


def _insert(conn: Connection, table: str, **values: object) -> None:
    """A row written as a user of an older revision had it (literal values: no model at that revision)."""

    def literal(value: object) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        return "'" + str(value).replace("'", "''") + "'"

    names, cells = ", ".join(values), ", ".join(literal(v) for v in values.values())
    conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({cells})"))


def _fill_0011(conn: Connection, backend_name: str) -> None:
    """Two orders with three lines, a buyer, a refund, a ticket, a stock movement and the search documents."""
    at = "2026-08-01 00:00:00"
    _insert(conn, "shops", id=1, platform="jd", name="京东店", timezone="Asia/Shanghai", fee_rate_bp=800,
            ship_deadline_hours=48, active=True, created_at=at, version=1)  # fmt: skip
    _insert(conn, "buyers", id=1, platform="jd", nick="jd_a**2", first_seen_at=at)
    _insert(conn, "products", id=1, title="收纳箱", category="", brand="", role="", lifecycle="active",
            shelf_status="", notes="", created_at=at, updated_at=at, version=1)  # fmt: skip
    _insert(conn, "skus", id=1, product_id=1, seller_code="LJ-1001", title="收纳箱", spec="", barcode="", cost_cents=0,
            price_cents=12900, weight_g=0, supplier="", lead_time_days=0, min_order_qty=1, safety_stock=0,
            reorder_point=0, negative_stock_policy="allow", active=True, created_at=at, updated_at=at,
            version=1)  # fmt: skip
    _insert(conn, "warehouses", id=1, code="main", name="主仓", active=True)
    for oid, platform_id, version, lines in ((1, "386277118615", 3, 2), (2, "386277118616", 1, 1)):
        _insert(conn, "orders", id=oid, shop_id=1, platform="jd", platform_order_id=platform_id, buyer_id=1,
                buyer_nick="jd_a**2", status="completed", status_raw="完成", refund_state="none", locked=oid == 2,
                deleted=False, paid_at=at, goods_cents=12900 * lines, shipping_cents=0, discount_cents=0,
                paid_cents=12900 * lines, refund_cents=0, units=lines, amounts_from_lines=False, incomplete=False,
                receiver_name="王**", receiver_phone="", receiver_province="", receiver_city="", receiver_district="",
                receiver_address="", receiver_zip="100000", buyer_message="", seller_memo="", close_reason="",
                carrier="京东物流", tracking_no=f"JD00{oid}", imported_at=at, updated_at=at,
                version=version)  # fmt: skip
        key = "rowid" if backend_name == "sqlite" else "order_id"
        conn.execute(text(f"INSERT INTO order_search ({key}, doc) VALUES ({oid}, '{platform_id} jd_a**2 LJ-1001')"))
    for iid, oid in ((1, 1), (2, 1), (3, 2)):
        _insert(conn, "order_items", id=iid, order_id=oid, sub_order_id=f"l{iid}", sku_id=1, seller_code="LJ-1001",
                platform_item_id="", platform_sku_id="", title="收纳箱", spec="", qty=1, unit_price_cents=12900,
                payable_cents=12900, paid_cents=12900, refund_cents=0, status="completed", status_raw="完成",
                refund_state="none", refund_status_raw="", carrier="京东物流", tracking_no=f"JD00{oid}")  # fmt: skip
    _insert(conn, "refunds", id=1, shop_id=1, platform_refund_id="r1", platform_order_id="386277118615", order_id=1,
            amount_cents=0, state="refunding", status_raw="", kind="", reason="", seller_code="", title="")  # fmt: skip
    _insert(conn, "tickets", id=1, shop_id=1, order_id=1, buyer_id=1, subject="少发一件", category="after_sale",
            priority="normal", status="new", created_at=at, outcome="", version=1)  # fmt: skip
    _insert(conn, "stock_movements", id=1, sku_id=1, warehouse_id=1, kind="out", on_hand_delta=-1, reserved_delta=0,
            at=at, reason="", order_item_id=1, ref="")  # fmt: skip


_LINKS = {
    "orders": "SELECT id, buyer_id, version, platform_order_id FROM orders ORDER BY id",
    "order_items": "SELECT id, order_id, sub_order_id, sku_id, payable_cents, paid_cents FROM order_items ORDER BY id",
    "refunds": "SELECT id, order_id FROM refunds",
    "tickets": "SELECT id, order_id, buyer_id FROM tickets",
    "stock_movements": "SELECT id, order_item_id FROM stock_movements",
    "buyers": "SELECT id, nick FROM buyers",
}


def _rows_and_links(conn: Connection, backend_name: str) -> dict[str, list[tuple[object, ...]]]:
    found = {name: [tuple(r) for r in conn.execute(text(sql))] for name, sql in _LINKS.items()}
    key = "rowid" if backend_name == "sqlite" else "order_id"
    found["order_search"] = [tuple(r) for r in conn.execute(text(f"SELECT {key}, doc FROM order_search ORDER BY 1"))]
    return found


def _indexes(engine: Engine) -> dict[str, set[str]]:
    inspector = inspect(engine)
    return {
        table: {str(i["name"]) for i in inspector.get_indexes(table)}
        | {str(u["name"]) for u in inspector.get_unique_constraints(table)}
        for table in ("orders", "order_items", "buyers", "refunds", "tickets", "stock_movements")
    }


def _columns(engine: Engine, table: str) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns(table)}


_DROPPED = {
    "orders": {"close_reason", "locked", "deleted", "imported_at"},
    "order_items": {"status_raw", "refund_status_raw", "carrier", "tracking_no"},
    "buyers": {"first_seen_at"},
}


@pytest.mark.parametrize("backend_name", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrade_to_0012_drops_the_unread_columns_and_keeps_every_row_and_link(
    backend_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with _empty_database(backend_name, tmp_path, request, "columns") as engine:
        migrate.upgrade(engine, "0011")
        with engine.begin() as conn:
            _fill_0011(conn, backend_name)
        with engine.connect() as conn:
            before = _rows_and_links(conn, backend_name)
        indexes = _indexes(engine)
        assert before["order_items"][0] == (1, 1, "l1", 1, 12900, 12900) and before["tickets"] == [(1, 1, 1)]

        result = migrate.ensure_schema(engine, backup_dir=tmp_path)
        assert result.upgraded_from == "0011"
        assert migrate.check_database(engine).ok, migrate.check_database(engine).problems
        with engine.connect() as conn:
            assert _rows_and_links(conn, backend_name) == before  # no line deleted, no link cleared
        assert _indexes(engine) == indexes
        for table, dropped in _DROPPED.items():
            assert not _columns(engine, table) & dropped, table
        assert {"receiver_zip", "carrier", "tracking_no", "version"} <= _columns(engine, "orders")
        with Session(engine) as s:
            order = s.get(Order, 1)
            assert order is not None
            assert (order.version, order.receiver_zip, order.tracking_no) == (3, "100000", "JD001")
            assert sorted(i.sub_order_id for i in order.items) == ["l1", "l2"]  # Order.items has no order_by
            hits = (
                "SELECT rowid FROM order_search WHERE order_search MATCH '\"277118616\"'"
                if backend_name == "sqlite"
                else "SELECT order_id FROM order_search WHERE doc LIKE '%277118616%'"
            )
            assert s.scalars(text(hits)).all() == [2]

        with engine.begin() as conn:  # the downgrade adds the columns back (their values are gone)
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0011")
            assert conn.execute(text("SELECT imported_at = updated_at, close_reason FROM orders")).all() == [
                (True, ""),
                (True, ""),
            ]
            assert _rows_and_links(conn, backend_name) == before
        for table, dropped in _DROPPED.items():
            assert dropped <= _columns(engine, table), table
        migrate.upgrade(engine)
        assert migrate.check_database(engine).ok
        with engine.connect() as conn:
            assert _rows_and_links(conn, backend_name) == before
