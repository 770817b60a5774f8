"""order search index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The documents: what a person might type to find an order (services/search.py builds the same text).
_SQLITE_DOCS = """
INSERT INTO order_search (rowid, doc)
SELECT o.id, o.platform_order_id || ' ' || o.buyer_nick || ' ' || o.receiver_name || ' ' || o.receiver_phone
       || ' ' || o.tracking_no || ' ' || coalesce(
           (SELECT group_concat(i.seller_code || ' ' || i.title, ' ') FROM order_items i WHERE i.order_id = o.id),
           '')
FROM orders o
"""
_PG_DOCS = """
INSERT INTO order_search (order_id, doc)
SELECT o.id, o.platform_order_id || ' ' || o.buyer_nick || ' ' || o.receiver_name || ' ' || o.receiver_phone
       || ' ' || o.tracking_no || ' ' || coalesce(
           (SELECT string_agg(i.seller_code || ' ' || i.title, ' ') FROM order_items i WHERE i.order_id = o.id),
           '')
FROM orders o
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE order_search USING fts5(doc, tokenize='trigram')")
        op.execute(_SQLITE_DOCS)
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE TABLE order_search (order_id BIGINT PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,"
            " doc TEXT NOT NULL)"
        )
        op.execute("CREATE INDEX ix_order_search_doc ON order_search USING gin (doc gin_trgm_ops)")
        op.execute(_PG_DOCS)


def downgrade() -> None:
    op.execute("DROP TABLE order_search")
