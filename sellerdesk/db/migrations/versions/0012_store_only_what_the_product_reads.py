"""store only what the product reads: drop order, line and buyer columns nothing reads

Every import wrote these and no screen, report, figure, filter, export or rule read them: an order's close
reason, JD's locked / deleted marks and its import time; a line's own status and refund texts, carrier and
tracking number; when a buyer was first seen. The parsers still read them from the export files (a close
reason or a lock decides a status there), and the files keep them. The app backs the database up before
it upgrades it (db/migrate.py).

On SQLite the columns are dropped in place (``ALTER TABLE … DROP COLUMN``, SQLite 3.35+), not by the
batch rebuild (copy, drop, rename): with foreign keys on, dropping ``orders`` deletes every line (ON DELETE
CASCADE) and clears the orders named by refunds and tickets, the lines named by stock movements and the
buyers named by orders and tickets (SET NULL); and a buyer dropped would scan tickets, whose buyer link has
no index, once each. In place, no row is deleted, and indexes, the search index and every link stay as
they are.

The downgrade adds the columns back with their old defaults; what they held is not put back (an order's
import time becomes its last update, a buyer's first sighting the first import time of its orders).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 13:20:00
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DROPPED = {
    'orders': ('locked', 'deleted', 'close_reason', 'imported_at'),
    'order_items': ('status_raw', 'refund_status_raw', 'carrier', 'tracking_no'),
    'buyers': ('first_seen_at',),
}
_EPOCH = '1970-01-01 00:00:00'  # a NOT NULL time column added back needs a constant default on SQLite


def upgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite' and sqlite3.sqlite_version_info < (3, 35):
        raise RuntimeError(f'SQLite 3.35 or newer is needed to drop columns in place (this is {sqlite3.sqlite_version})')
    for table, columns in _DROPPED.items():
        with op.batch_alter_table(table, schema=None, recreate='never') as batch_op:
            for column in columns:
                batch_op.drop_column(column)


def downgrade() -> None:
    # Added in place (ALTER TABLE … ADD COLUMN) for the same reason: a rebuild would delete the lines.
    with op.batch_alter_table('buyers', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('first_seen_at', sa.DateTime(), server_default=_EPOCH, nullable=False))

    with op.batch_alter_table('order_items', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('status_raw', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('refund_status_raw', sa.String(length=100), server_default='', nullable=False))
        batch_op.add_column(sa.Column('carrier', sa.String(length=50), server_default='', nullable=False))
        batch_op.add_column(sa.Column('tracking_no', sa.String(length=64), server_default='', nullable=False))

    with op.batch_alter_table('orders', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('locked', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('close_reason', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('imported_at', sa.DateTime(), server_default=_EPOCH, nullable=False))

    op.execute('UPDATE orders SET imported_at = updated_at')
    op.execute(
        'UPDATE buyers SET first_seen_at = coalesce('
        '(SELECT min(o.imported_at) FROM orders o WHERE o.buyer_id = buyers.id), first_seen_at)'
    )
