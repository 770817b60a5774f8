"""Two agents at once, on real connections with real commits: a claim has exactly one winner, and of two
saves of the same ticket the second is a ConflictError, never a silent overwrite."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session, sessionmaker

from sellerdesk.domain.errors import ConflictError
from sellerdesk.models import SlaPolicy, StaffUser, Ticket, TicketEvent
from sellerdesk.services import tickets as svc
from sellerdesk.services.tickets import cases

NOW = datetime(2026, 8, 10, 2, tzinfo=UTC)


@pytest.fixture
def committed(engine: Engine) -> Iterator[tuple[sessionmaker[Session], int, int, int]]:
    """A committed ticket and two agents, removed afterwards (other tests expect empty tables)."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory.begin() as s:
        a = StaffUser(login="race-a", name="A", role="service_specialist")
        b = StaffUser(login="race-b", name="B", role="service_specialist")
        s.add_all([a, b])
        s.flush()
        ticket_id = svc.create_ticket(s, svc.TicketDraft(subject="race"), NOW).id
        ids = (a.id, b.id)
    try:
        yield factory, ticket_id, *ids
    finally:
        with factory.begin() as s:
            s.execute(delete(TicketEvent).where(TicketEvent.ticket_id == ticket_id))
            s.execute(delete(Ticket).where(Ticket.id == ticket_id))
            s.execute(delete(StaffUser).where(StaffUser.id.in_(ids)))
            s.execute(delete(SlaPolicy))


def _race(jobs: list[Callable[[], None]]) -> list[BaseException | None]:
    outcomes: list[BaseException | None] = [None] * len(jobs)

    def run(n: int) -> None:
        try:
            jobs[n]()
        except BaseException as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes


def test_two_agents_claim_at_once_exactly_one_wins(
    committed: tuple[sessionmaker[Session], int, int, int], backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("two writers at once: the shared PostgreSQL server (SQLite serialises writers)")
    factory, ticket_id, a, b = committed
    barrier = threading.Barrier(2)

    def claim(staff: int) -> Callable[[], None]:
        def job() -> None:
            with factory.begin() as s:
                barrier.wait()
                svc.claim_ticket(s, ticket_id, staff, now=NOW)

        return job

    outcomes = _race([claim(a), claim(b)])
    assert sum(o is None for o in outcomes) == 1
    loser = next(o for o in outcomes if o is not None)
    assert isinstance(loser, ConflictError) and loser.code == "ticket_claimed"
    with factory() as s:
        winner = a if outcomes[0] is None else b
        assert s.get(Ticket, ticket_id).assignee_id == winner  # type: ignore[union-attr]


def test_simultaneous_saves_one_conflicts(
    committed: tuple[sessionmaker[Session], int, int, int], backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend != "postgresql":
        pytest.skip("two writers at once: the shared PostgreSQL server (SQLite serialises writers)")
    factory, ticket_id, _a, _b = committed
    with factory() as s:
        seen = svc.ticket_detail(s, ticket_id).version
    barrier = threading.Barrier(2)
    flush = cases._flush

    def flush_together(ticket: Ticket) -> None:
        barrier.wait()  # both passed the version check: only the UPDATE's own check is left
        flush(ticket)

    monkeypatch.setattr(cases, "_flush", flush_together)

    def save(subject: str) -> Callable[[], None]:
        def job() -> None:
            with factory.begin() as s:
                edit = svc.TicketEdit(subject, "other", "normal", "", "", "")
                svc.update_ticket(s, ticket_id, edit, expected_version=seen, now=NOW)

        return job

    outcomes = _race([save("first"), save("second")])
    assert sum(o is None for o in outcomes) == 1
    assert any(isinstance(o, ConflictError) for o in outcomes), outcomes
    with factory() as s:
        saved = s.get(Ticket, ticket_id)
        assert saved is not None and saved.version == seen + 1
        assert saved.subject == ("first" if outcomes[0] is None else "second")


def test_save_over_a_newer_version_conflicts(committed: tuple[sessionmaker[Session], int, int, int]) -> None:
    factory, ticket_id, a, _b = committed
    with factory() as s:
        seen = svc.ticket_detail(s, ticket_id).version
    with factory.begin() as s:
        svc.claim_ticket(s, ticket_id, a, now=NOW)  # someone else's change meanwhile
    with factory.begin() as s, pytest.raises(ConflictError):
        svc.update_ticket(s, ticket_id, svc.TicketEdit("mine", "other", "high", "", "", ""), expected_version=seen)
    with factory() as s:
        assert s.get(Ticket, ticket_id).subject == "race"  # type: ignore[union-attr]
