"""Two people saving the same product at once, on PostgreSQL (each with its own connection and transaction):
no update is lost, every conflict is reported, and one's own consecutive saves never conflict."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.db.engine import make_engine, make_session_factory
from sellerdesk.db.migrate import ensure_schema
from sellerdesk.db.tracking import change_seq
from sellerdesk.domain.enums import Role
from sellerdesk.domain.errors import ConflictError
from sellerdesk.domain.permissions import Actor
from sellerdesk.models import AuditEntry, Product
from sellerdesk.services import products
from sellerdesk.services.products import ProductData, SkuData

ALICE = Actor(staff_id=None, role=Role.PRODUCT, name="Alice")
BOB = Actor(staff_id=None, role=Role.MANAGER, name="Bob")
TITLE = "并发测试商品"


@pytest.fixture
def pg(pg_database_url: str) -> Iterator[tuple[Engine, sessionmaker[Session], int]]:
    engine = make_engine(pg_database_url)
    ensure_schema(engine)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        data = ProductData(title=TITLE, skus=(SkuData("CONC-1", price_cents=1000),))
        product_id = products.save_product(session, data, actor=ALICE).product_id
    yield engine, factory, product_id
    with factory.begin() as session:  # the shared test database stays as the other tests expect it
        session.execute(delete(Product).where(Product.id == product_id))
        session.execute(delete(AuditEntry).where(AuditEntry.entity.in_(["products", "skus"])))
    engine.dispose()


def load(factory: sessionmaker[Session], product_id: int, actor: Actor) -> ProductData:
    with factory() as session:
        return products.get_product(session, product_id, actor=actor)


def save(factory: sessionmaker[Session], data: ProductData, actor: Actor) -> ProductData:
    with factory.begin() as session:
        result = products.save_product(session, data, actor=actor)
    assert result.data is not None
    return result.data


def test_the_second_of_two_edits_from_the_same_version_is_a_conflict(
    pg: tuple[Engine, sessionmaker[Session], int],
) -> None:
    _engine, factory, product_id = pg
    alice, bob = load(factory, product_id, ALICE), load(factory, product_id, BOB)
    save(factory, replace(alice, notes="Alice was here"), ALICE)
    with pytest.raises(ConflictError):
        save(factory, replace(bob, brand="Bob's brand"), BOB)
    assert load(factory, product_id, BOB).notes == "Alice was here"  # Alice's save is not lost
    theirs = load(factory, product_id, BOB)
    save(factory, replace(theirs, brand="Bob's brand"), BOB)  # reloaded: Bob's edit goes on top
    final = load(factory, product_id, ALICE)
    assert (final.notes, final.brand) == ("Alice was here", "Bob's brand")


def test_own_consecutive_saves_never_conflict(pg: tuple[Engine, sessionmaker[Session], int]) -> None:
    _engine, factory, product_id = pg
    data = load(factory, product_id, ALICE)
    for n in range(5):  # the editor keeps the versions each save returns
        sku = replace(data.skus[0], price_cents=1000 + n)
        data = save(factory, replace(data, notes=f"save {n}", skus=(sku,)), ALICE)
    final = load(factory, product_id, ALICE)
    assert (final.notes, final.skus[0].price_cents) == ("save 4", 1004)


def test_racing_writers_lose_nothing_and_every_conflict_is_reported(
    pg: tuple[Engine, sessionmaker[Session], int],
) -> None:
    engine, factory, product_id = pg
    with factory() as session:
        seq_before = change_seq(session)
    saved: list[str] = []
    conflicts: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def writer(name: str, actor: Actor) -> None:
        start.wait()
        for n in range(15):
            mark = f"{name}{n}"
            while True:  # what an editor does: on a conflict, reload and apply the edit on top
                data = load(factory, product_id, actor)
                try:
                    save(factory, replace(data, notes=f"{data.notes} {mark}".strip()), actor)
                except ConflictError:
                    with lock:
                        conflicts.append(mark)
                    continue
                with lock:
                    saved.append(mark)
                break

    threads = [threading.Thread(target=writer, args=(n, a)) for n, a in (("a", ALICE), ("b", BOB))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    notes = load(factory, product_id, ALICE).notes.split()
    assert sorted(notes) == sorted(saved) and len(saved) == 30  # every accepted save is in the record
    with factory() as session:
        assert change_seq(session) == seq_before + 30  # every save moved the counter other PCs poll
    assert engine.dialect.name == "postgresql"
    print(f"{len(conflicts)} conflicts reported and retried")
