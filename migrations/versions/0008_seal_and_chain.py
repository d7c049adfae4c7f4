"""tampering shows: the seal of a locked month, the audit log as a hash chain (issue 13 §7)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 11:00:00

``payroll_month.seal`` keeps the digest taken when a month is locked (months locked before stay
unsealed: ""). ``audit_log`` gains ``prev_hash`` and ``row_hash``; the existing log is hashed in
id order, with the append-only triggers lifted for that one update and put back as they were.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from workforce.domain.accounts.audit_chain import GENESIS, entry_text, link

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "审计日志只能追加，不能修改或删除 (audit_log is append-only)"  # as in 0006
CHUNK = 10_000

LOG = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("user_id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer),
    sa.column("changes", sa.JSON),
    sa.column("batch_id", sa.Integer),
    sa.column("note", sa.String),
)


def _hash_existing_log() -> None:
    """Hash the log in id order, a chunk at a time (a long log need not fit in memory)."""
    bind = op.get_bind()
    update = sa.text("UPDATE audit_log SET prev_hash = :prev, row_hash = :hash WHERE id = :key")
    prev, last = GENESIS, 0
    while True:
        query = sa.select(*LOG.c).where(LOG.c.id > last).order_by(LOG.c.id).limit(CHUNK)
        rows = bind.execute(query).all()
        if not rows:
            return
        batch: list[dict[str, Any]] = []
        for row in rows:
            row_hash = link(prev, entry_text(*row[1:]))
            batch.append({"key": row[0], "prev": prev, "hash": row_hash})
            prev = row_hash
        bind.execute(update, batch)
        last = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("payroll_month", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("seal", sa.String(length=64), server_default="", nullable=False)
        )
    # plain ADD COLUMN (no table copy, which would drop the triggers on SQLite)
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("row_hash", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
        _hash_existing_log()
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    else:
        op.execute("DROP TRIGGER audit_log_no_update")
        _hash_existing_log()
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
            f" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # dropping a column copies the table: the triggers go with it and are put back
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb}")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log"
                f" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )
    with op.batch_alter_table("payroll_month", schema=None) as batch_op:
        batch_op.drop_column("seal")
