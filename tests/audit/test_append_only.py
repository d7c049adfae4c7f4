"""The audit log cannot be edited: not by the program (no code path), not by the database."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from workforce.persistence.accounts import AuditEntry
from workforce.services.context import Actor, Database
from workforce.services.scales.allowances import set_allowance

ROOT = Path(__file__).resolve().parents[2]
EDITS = re.compile(
    r"(update|delete)\(\s*AuditEntry|(UPDATE|DELETE\s+FROM)\s+\"?audit_log"
    r"|AuditEntry\)\.(update|delete)",
    re.IGNORECASE,
)


def _entry(db: Database, admin: Actor) -> int:
    set_allowance(db, admin, "one_shoulder", "", "350", dt.date(2027, 1, 1))
    with db.reading() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET note = '改过' WHERE id = :id", "DELETE FROM audit_log WHERE id = :id"],
)
def test_the_database_refuses_edits(db: Database, admin: Actor, statement: str) -> None:
    entry = _entry(db, admin)
    with pytest.raises(DatabaseError, match="审计日志只能追加"), db.engine.begin() as connection:
        connection.execute(text(statement), {"id": entry})
    with db.reading() as session:
        kept = session.get_one(AuditEntry, entry)
        assert kept.note.startswith("一肩挑津贴")


def test_appending_still_works_and_truncate_resets(db: Database, admin: Actor) -> None:
    """The test reset on PostgreSQL (TRUNCATE) fires no row trigger; appending is untouched."""
    first = _entry(db, admin)
    assert first > 0
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("TRUNCATE audit_log RESTART IDENTITY CASCADE"))
        with db.reading() as session:
            assert session.scalar(select(func.count(AuditEntry.id))) == 0


def test_no_program_code_edits_or_deletes_audit_rows() -> None:
    """workforce/, ui/ and reports/ only ever append to the log (the guard checks the same at
    run time for whatever the tests exercise; this covers the paths they do not)."""
    found = []
    for folder in ("workforce", "ui", "reports"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                if EDITS.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
