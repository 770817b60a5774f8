"""Order search: the trigram index finds orders by any part of their ids, buyer, tracking, code or title."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.models import Order
from sellerdesk.services.imports import import_paths, undo_batch
from sellerdesk.services.search import order_matches, rebuild_search

SAMPLES = Path(__file__).parent.parent / "data" / "samples"


def _find(session: Session, term: str) -> set[str]:
    return set(session.scalars(select(Order.platform_order_id).where(order_matches(session, term))))


def test_imports_keep_the_index_current(session: Session) -> None:
    import_paths(session, [SAMPLES / "jd_orders.csv", SAMPLES / "douyin_orders.csv"])
    assert _find(session, "386277118615") == {"386277118615"}
    assert _find(session, "77118") == {"386277118615"}  # any part of the id
    assert "386277118615" in _find(session, "LJ-1008-4M")  # a seller code on one of its lines
    assert "6900221694608993659" in _find(session, "YT285267135877")  # tracking number
    assert len(_find(session, "乳胶枕")) > 10  # title words
    assert _find(session, "jd_a**2")  # buyer nick, with LIKE metacharacters taken literally
    assert _find(session, "no such thing") == set()


def test_short_terms_and_case(session: Session) -> None:
    import_paths(session, [SAMPLES / "douyin_orders.csv"])
    assert _find(session, "yt285267135877") == _find(session, "YT285267135877")
    assert _find(session, "LJ")  # two characters: no trigram, still found
    assert _find(session, "%") == set()


def test_undo_and_rebuild(session: Session) -> None:
    (result,) = import_paths(session, [SAMPLES / "jd_orders.csv"])
    assert result.batch_id is not None
    undo_batch(session, result.batch_id)
    assert _find(session, "386277118615") == set()
    import_paths(session, [SAMPLES / "jd_orders.csv"])
    assert rebuild_search(session) == 250
    assert _find(session, "386277118615") == {"386277118615"}


def test_bulk_indexing_puts_the_index_settings_back(session: Session) -> None:
    from sqlalchemy import text

    from sellerdesk.services.search import bulk_indexing

    if session.get_bind().dialect.name != "sqlite":
        with bulk_indexing(session):  # nothing to tune on PostgreSQL
            pass
        return

    def settings() -> tuple[int, int]:
        stored = dict(session.execute(text("SELECT k, v FROM order_search_config")).all())
        return int(stored.get("hashsize", 1 << 20)), int(stored.get("automerge", 4))  # FTS5's defaults

    before = settings()
    with bulk_indexing(session):
        assert settings() == (8 << 20, 0)
    assert settings() == before
    import_paths(session, [SAMPLES / "jd_orders.csv"])
    assert settings() == before
    assert _find(session, "386277118615") == {"386277118615"}
