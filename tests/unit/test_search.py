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


def _full_phone_copy(tmp_path: Path) -> Path:
    """The JD sample with its receivers' masked phones written out in full, as some exports carry them."""
    text = (SAMPLES / "jd_orders.csv").read_bytes().decode("gbk").replace("188****0000", "18812340000")
    path = tmp_path / "jd_orders.csv"
    path.write_bytes(text.encode("gbk"))
    return path


def _documents(session: Session) -> list[str]:
    from sqlalchemy import text

    return [str(d) for d in session.scalars(text("SELECT doc FROM order_search"))]


def test_the_index_keeps_only_the_last_four_digits_of_a_phone(session: Session, tmp_path: Path) -> None:
    from sqlalchemy import update

    from sellerdesk.services.search import refresh_search

    import_paths(session, [_full_phone_copy(tmp_path)])
    assert session.scalar(select(Order.receiver_phone).where(Order.platform_order_id == "386277118615")) == (
        "18812340000"  # the order itself keeps the number: shipping needs it
    )
    docs = _documents(session)
    assert docs and not any("18812340000" in d or "1881234" in d for d in docs)
    assert "386277118615" in _find(session, "0000")  # the last four digits still find it
    assert "386277118615" in _find(session, "188 1234 0000")  # a full number typed is reduced the same way
    assert "386277118615" in _find(session, "+86 188-1234-0000")
    assert _find(session, "13900000000") <= _find(session, "0000")  # another number: only its last four count

    order_id = session.scalar(select(Order.id).where(Order.platform_order_id == "386277118615"))
    assert order_id is not None
    session.execute(update(Order).where(Order.id == order_id).values(receiver_phone="13512345678"))
    refresh_search(session, [order_id])  # an edit
    assert not any("1351234" in d for d in _documents(session))
    assert _find(session, "13512345678") == {"386277118615"}
    rebuild_search(session)
    assert not any("1351234" in d for d in _documents(session))
    assert "386277118615" in _find(session, "5678")
    assert _find(session, "135 1234 5678") == {"386277118615"}


def test_a_long_number_that_is_no_phone_is_still_searched_as_typed(session: Session) -> None:
    from sellerdesk.services.search import phone_key, typed_phone

    import_paths(session, [SAMPLES / "douyin_orders.csv"])
    assert _find(session, "6900221694608993659") == {"6900221694608993659"}  # an order id of digits only
    assert typed_phone("6900221694608993659") == phone_key("3659")
    assert typed_phone("LJ-1008") is None and typed_phone("12345") is None
    assert phone_key("138****5678") == phone_key("+86 138 1234 5678") == "\u260e5678"
    assert phone_key("") == phone_key("n/a") == ""


def test_upgrading_rewrites_documents_that_hold_full_phones(session: Session, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text, update

    from sellerdesk.db.migrate import alembic_config

    import_paths(session, [SAMPLES / "jd_orders.csv"])
    session.execute(update(Order).values(receiver_phone="13812345678"))
    session.execute(text("UPDATE order_search SET doc = doc || ' 13812345678'"))  # as versions before 0010 wrote
    session.flush()
    cfg = alembic_config()
    cfg.attributes["connection"] = session.connection()
    command.downgrade(cfg, "0009")
    command.upgrade(cfg, "head")
    docs = _documents(session)
    assert len(docs) == 250 and not any("1381234" in d for d in docs)
    assert all("\u260e5678" in d for d in docs)
    assert _find(session, "386277118615") == {"386277118615"}
