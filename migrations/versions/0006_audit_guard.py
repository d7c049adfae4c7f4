"""audit log is append-only: triggers refuse UPDATE and DELETE; indexes for the viewer (issue 7)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 17:45:00

The program only ever appends to ``audit_log``; these triggers make the database refuse an edit
or a deletion made by anything else (a SQL console, another tool). TRUNCATE, which the test
reset uses on PostgreSQL, fires no row trigger and keeps working.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "审计日志只能追加，不能修改或删除 (audit_log is append-only)"

INDEXES = {
    # the viewer filters by one of these and pages newest first (by id)
    "ix_audit_log_entity": ["entity", "id"],
    "ix_audit_log_username": ["username", "id"],
    "ix_audit_log_action": ["action", "id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "audit_log", columns, unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
            f" BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
            " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log"
                f" BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb}")
    for name in INDEXES:
        op.drop_index(name, table_name="audit_log")
