"""The time-zone rule: a shop's zone for its rows, the house zone for rows without a shop."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from sellerdesk.domain.timeutil import DEFAULT_TZ, shop_time
from sellerdesk.models import Shop, Ticket
from sellerdesk.services.browse import PageRequest
from sellerdesk.services.tickets import queue
from sellerdesk.services.zones import house_timezone, shop_timezones


def _shops(session: Session, *zones: str) -> list[Shop]:
    shops = [Shop(platform="other", name=f"{tz} {i}", timezone=tz) for i, tz in enumerate(zones)]
    session.add_all(shops)
    session.flush()
    return shops


def test_the_house_zone_is_the_one_every_shop_shares(session: Session) -> None:
    assert house_timezone(session) == DEFAULT_TZ  # no shop yet
    _shops(session, "Asia/Tokyo", "Asia/Tokyo")
    assert house_timezone(session) == "Asia/Tokyo"
    berlin = _shops(session, "Europe/Berlin")[0]
    assert house_timezone(session) == DEFAULT_TZ  # several zones: the default
    assert shop_timezones(session)[berlin.id] == "Europe/Berlin"


def test_tickets_show_their_shops_time_and_the_house_zone_without_a_shop(session: Session) -> None:
    tokyo = _shops(session, "Asia/Tokyo")[0]
    at = datetime(2026, 8, 9, 15, 30, tzinfo=UTC)
    session.add_all(
        [
            Ticket(shop_id=tokyo.id, subject="with shop", category="other", created_at=at),
            Ticket(shop_id=None, subject="without shop", category="other", created_at=at),
        ]
    )
    session.flush()
    rows = queue.queue_page(session, queue.TicketFilter(view="all"), PageRequest("id"), at)
    assert {r.subject: r.timezone for r in rows} == {"with shop": "Asia/Tokyo", "without shop": "Asia/Tokyo"}
    assert {shop_time(r.created_at, r.timezone) for r in rows} == {datetime(2026, 8, 10, 0, 30)}
