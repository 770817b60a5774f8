"""Shared fixtures: a database per backend (SQLite always, PostgreSQL when reachable or required).

Service tests take ``session``: it runs once per backend, inside a transaction rolled back afterwards.
Set SELLERDESK_TEST_PG to a URL to choose the server; SELLERDESK_REQUIRE_PG=1 (CI) turns a missing
server into a failure instead of a skip.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fake_keyring import MemoryKeyring

from sellerdesk.db.engine import make_engine
from sellerdesk.db.migrate import ensure_schema

PG_URL = os.environ.get("SELLERDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("SELLERDESK_REQUIRE_PG") == "1"
DATA = Path(__file__).parent / "data"
_backend_outcomes: Counter[tuple[str, str]] = Counter()


def _pg_admin() -> Engine | None:
    try:
        engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return engine
    except Exception as exc:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (SELLERDESK_REQUIRE_PG=1) but not reachable: {exc}")
        return None


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test run, dropped at the end."""
    admin = _pg_admin()
    if admin is None:
        pytest.skip("PostgreSQL not reachable")
    name = f"sellerdesk_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """An engine at the head revision, one per backend for the whole run."""
    if request.param == "sqlite":
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")
    else:
        url = request.getfixturevalue("pg_database_url")
    eng = make_engine(url)
    ensure_schema(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back: each test starts from empty tables."""
    with engine.connect() as conn:
        outer = conn.begin()
        with Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
            yield s
        outer.rollback()


@pytest.fixture
def backend(engine: Engine) -> str:
    return engine.dialect.name


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and not (report.when == "setup" and report.outcome != "passed"):
        return
    backend = (
        "postgresql"
        if "[pg" in report.nodeid or "-pg" in report.nodeid
        else ("sqlite" if "[sqlite" in report.nodeid or "-sqlite" in report.nodeid else "")
    )
    if backend:
        _backend_outcomes[(backend, report.outcome)] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _backend_outcomes:
        return
    parts = [
        f"{backend}: {_backend_outcomes[(backend, 'passed')]} passed, "
        f"{_backend_outcomes[(backend, 'failed')]} failed, {_backend_outcomes[(backend, 'skipped')]} skipped"
        for backend in ("sqlite", "postgresql")
    ]
    terminalreporter.write_line("database backends — " + "; ".join(parts))


@pytest.fixture
def douyin_without_paid_time(tmp_path: Path) -> Path:
    """The Douyin sample with its 支付完成时间 column left out, as a custom column set may."""
    with (DATA / "samples" / "douyin_orders.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    drop = rows[0].index("支付完成时间")
    path = tmp_path / "douyin_custom.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([cell for n, cell in enumerate(r) if n != drop] for r in rows)
    return path


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """No test reaches the computer's real keyring: by default there is none (as on CI)."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def memory_keyring(no_keyring: None) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
