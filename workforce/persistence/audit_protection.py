"""Are the database's own guards of the audit log in place? (issue 13 §7)

Migration 0006 makes the database refuse UPDATE and DELETE of ``audit_log``: on SQLite the
triggers ``audit_log_no_update`` and ``audit_log_no_delete``, on PostgreSQL the row trigger
``audit_log_append_only`` (BEFORE UPDATE OR DELETE) calling a function that raises. Anyone with
the file or the owner's role can drop or disable them; this reads what is there now.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

SQLITE_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")
POSTGRESQL_TRIGGER = "audit_log_append_only"

# A BEFORE … FOR EACH ROW trigger on UPDATE and DELETE (pg_trigger.tgtype bits: ROW 1, BEFORE 2,
# DELETE 8, UPDATE 16), enabled, whose function raises.
_PG_GUARDS = text(
    "SELECT t.tgname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid"
    " WHERE t.tgrelid = to_regclass('audit_log') AND NOT t.tgisinternal"
    " AND t.tgenabled IN ('O', 'A') AND (t.tgtype & 27) = 27"
    " AND p.prosrc ILIKE '%raise exception%'"
)


def missing_audit_triggers(session: Session) -> list[str]:
    """The names of the guards that are missing, disabled or no longer refuse (empty: all there)."""
    if session.get_bind().dialect.name == "postgresql":
        present = set(session.scalars(_PG_GUARDS))
        return [] if present else [POSTGRESQL_TRIGGER]
    rows = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        )
    ).tuples()
    refusing = {name for name, sql in rows if "RAISE(ABORT" in (sql or "").upper().replace(" ", "")}
    return [name for name in SQLITE_TRIGGERS if name not in refusing]
