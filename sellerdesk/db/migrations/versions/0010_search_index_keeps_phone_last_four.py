"""search index keeps only the last four digits of receivers' phones

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 08:20:00

A data migration: the documents written before it held receivers' full phone numbers. They are rebuilt
with the phone reduced to a mark and its last four digits, as services/search.py ``phone_key`` writes
them from now on. The rule is copied here (not imported) so this step keeps doing what it did when the
service changes later.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHUNK = 2_000
_PARTS = {
    "sqlite": "coalesce((SELECT group_concat(i.seller_code || ' ' || i.title, ' ') FROM order_items i "
    "WHERE i.order_id = o.id), '')",
    "postgresql": "coalesce((SELECT string_agg(i.seller_code || ' ' || i.title, ' ') FROM order_items i "
    "WHERE i.order_id = o.id), '')",
}


def _phone_key(phone: str) -> str:
    digits = "".join(c for c in phone if c.isascii() and c.isdigit())
    return "\u260e" + digits[-4:] if digits else ""


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    key = "rowid" if dialect == "sqlite" else "order_id"
    lines = _PARTS.get(dialect, _PARTS["postgresql"])
    ids = [int(i) for i in bind.execute(sa.text("SELECT id FROM orders ORDER BY id")).scalars()]
    select_docs = sa.text(
        "SELECT o.id, o.platform_order_id, o.buyer_nick, o.receiver_name, o.receiver_phone, o.tracking_no, "
        f"{lines} FROM orders o WHERE o.id IN :ids"
    ).bindparams(sa.bindparam("ids", expanding=True))
    bind.execute(sa.text("DELETE FROM order_search"))
    insert = sa.text(f"INSERT INTO order_search ({key}, doc) VALUES (:id, :doc)")
    for start in range(0, len(ids), _CHUNK):
        rows = bind.execute(select_docs, {"ids": ids[start : start + _CHUNK]}).all()
        docs = [
            {"id": r[0], "doc": " ".join([r[1], r[2], r[3], _phone_key(r[4]), r[5], r[6]])} for r in rows
        ]
        if docs:
            bind.execute(insert, docs)


def downgrade() -> None:
    pass  # the full numbers are not put back into the index: it finds the orders either way
