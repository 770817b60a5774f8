"""The service-level rule for tickets (one place: domain.sla)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sellerdesk.domain.sla import DEFAULT_SLA, Sla

CREATED = datetime(2026, 8, 1, 9, 30, tzinfo=UTC)


def test_default_due_times_are_one_hour_and_a_day() -> None:
    assert DEFAULT_SLA.due_times(CREATED) == (CREATED + timedelta(hours=1), CREATED + timedelta(hours=24))
    assert Sla(timedelta(minutes=30), timedelta(hours=8)).due_times(CREATED)[1] == CREATED + timedelta(hours=8)


def test_met_needs_both_answers_in_time() -> None:
    hour, day = timedelta(hours=1), timedelta(hours=24)
    assert DEFAULT_SLA.met(CREATED, CREATED + hour, CREATED + day)  # exactly on time counts
    assert not DEFAULT_SLA.met(CREATED, CREATED + hour + timedelta(seconds=1), CREATED + hour * 2)
    assert not DEFAULT_SLA.met(CREATED, CREATED + hour, CREATED + day + timedelta(seconds=1))
    assert not DEFAULT_SLA.met(CREATED, CREATED + hour, None)
    assert not DEFAULT_SLA.met(CREATED, None, None)
