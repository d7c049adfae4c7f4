"""the audit chain is appended at COMMIT, by the server (issue 18: ten clerks at once)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 16:40:00

Until now each audited transaction on PostgreSQL took the chain's lock (an advisory lock), read
the newest hash, hashed its entries in the program and inserted them, then committed: the lock
was held across three round trips between the program and the server, and on a busy PC each
one waits for the program's process to get a core again. Every other clerk's save queued
behind it (the ten-clerks benchmark sampled clerks waiting on the lock while its holder sat
"idle in transaction").

Now the program inserts its entries, not yet hashed, as one row per append into
``audit_append`` (UNLOGGED: a row never outlives its transaction), and a deferred constraint
trigger does the rest inside the COMMIT: takes the lock, reads the newest hash, hashes the
entries (SHA-256 of the previous hash, a newline and the canonical text, exactly as
domain/accounts/audit_chain.py: the program sends the text's fixed parts, the server joins
each entry's id and changes between them), inserts them into ``audit_log`` and deletes the row.
The lock is held from the commit's start to its end, with no round trip to the program.

SQLite gets the table too (the models are the same on both) and never uses it: its writers
already take turns (``BEGIN IMMEDIATE``) and the program hashes there as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHAIN_LOCK = 7413001  # as workforce/services/accounts/audit.py took it before

APPEND = f"""
CREATE FUNCTION audit_append_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev text;
    entry json;
    ids integer[] := '{{}}';
    changes json[] := '{{}}';
    prevs text[] := '{{}}';
    hashes text[] := '{{}}';
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    -- a statement after the lock: READ COMMITTED sees the entries of the lock's last holder
    SELECT row_hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
    prev := coalesce(prev, '');
    FOR entry IN SELECT e.value FROM json_array_elements(NEW.entries::json)
            WITH ORDINALITY AS e(value, n) ORDER BY e.n LOOP
        ids := array_append(ids, (entry->>0)::integer);
        changes := array_append(changes, entry->1);
        prevs := array_append(prevs, prev);
        prev := encode(sha256(convert_to(
            prev || E'\\n' || NEW.head || ',' || coalesce(entry->>0, 'null') || ','
            || (entry->1)::text || ',' || NEW.tail, 'UTF8')), 'hex');
        hashes := array_append(hashes, prev);
    END LOOP;
    INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, changes,
                           batch_id, note, prev_hash, row_hash)
    SELECT NEW.at, NEW.user_id, NEW.username, NEW.action, NEW.entity, u.entity_id, u.changes,
           NEW.batch_id, NEW.note, u.prev, u.hash
    FROM unnest(ids, changes, prevs, hashes) WITH ORDINALITY AS u(entity_id, changes, prev, hash, n)
    ORDER BY u.n;
    DELETE FROM audit_append WHERE id = NEW.id;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "audit_append",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("head", sa.Text(), nullable=False),
        sa.Column("tail", sa.Text(), nullable=False),
        sa.Column("entries", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_append")),
        prefixes=["UNLOGGED"] if postgresql else [],
    )
    if not postgresql:
        return
    op.execute(APPEND)
    op.execute(
        "CREATE CONSTRAINT TRIGGER audit_append_at_commit AFTER INSERT ON audit_append"
        " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_append_at_commit()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_append_at_commit ON audit_append")
        op.execute("DROP FUNCTION IF EXISTS audit_append_at_commit()")
    op.drop_table("audit_append")
