"""The audit log is a hash chain (issue 13 §7): an entry edited, deleted or inserted behind the
program's back is found by ``audit verify``, which names it; a database whose triggers were
dropped or disabled is refused at start (today ``DROP TRIGGER`` then ``DELETE`` goes unnoticed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.services.payroll_support import close, community, hire, user
from ui.cli.main import main
from workforce.domain.accounts.audit_chain import DELETED, EDITED, INSERTED
from workforce.domain.vocab import Role
from workforce.persistence.accounts import AuditEntry
from workforce.services.accounts.audit_chain import AuditUnprotected, describe, verify_audit_log
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.scales.allowances import set_allowance
from workforce.services.system.setup import initialise

GUARD = "审计日志只能追加，不能修改或删除 (audit_log is append-only)"


def _is_pg(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def _drop_triggers(db: Database) -> None:
    """What someone with the file (or the table owner's role) can do."""
    with db.engine.begin() as connection:
        if _is_pg(db):
            connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))


def _put_triggers_back(db: Database) -> None:
    """As migration 0006 made them (the PostgreSQL test database is shared by the session)."""
    with db.engine.begin() as connection:
        if _is_pg(db):
            connection.execute(text("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log"))
            connection.execute(
                text(
                    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
                    " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
                )
            )
        else:
            for verb in ("UPDATE", "DELETE"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS audit_log_no_{verb.lower()}"))
                connection.execute(
                    text(
                        f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log"
                        f" BEGIN SELECT RAISE(ABORT, '{GUARD}'); END"
                    )
                )


@contextmanager
def _unguarded(db: Database) -> Iterator[None]:
    _drop_triggers(db)
    try:
        yield
    finally:
        _put_triggers_back(db)


def _entries(db: Database, admin: Actor, count: int = 4) -> list[int]:
    for n in range(count):
        set_allowance(db, admin, "one_shoulder", "", 350 + n, dt.date(2027, 1 + n, 1))
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def _sql(db: Database, statement: str, **values: object) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(statement), values)


def test_the_log_is_chained_and_verifies(db: Database, admin: Actor) -> None:
    """Single entries, bulk entries (a calculation, hundreds at 100,000 workers) and a lock."""
    _entries(db, admin, 2)
    unit = community(db, admin)
    for n in range(1, 4):
        hire(db, admin, unit, n)
    calculate_month(db, admin, "2026-03")
    close(db, "2026-03", user(db, "shenhe", Role.APPROVER), admin)
    with db.reading() as session:
        links = session.execute(
            select(AuditEntry.prev_hash, AuditEntry.row_hash).order_by(AuditEntry.id)
        ).all()
    assert all(later[0] == earlier[1] for earlier, later in pairwise(links))

    report = verify_audit_log(db, admin)

    assert report.ok and report.checked == report.total == len(links) > 5


def test_a_deleted_entry_is_found(db: Database, admin: Actor) -> None:
    ids = _entries(db, admin)
    with _unguarded(db):
        _sql(db, "DELETE FROM audit_log WHERE id = :id", id=ids[-2])

    report = verify_audit_log(db, admin)

    assert report.broken is not None
    assert (report.broken.row_id, report.broken.kind) == (ids[-1], DELETED)
    assert report.broken.after_id == ids[-3]
    assert f"第 {ids[-1]} 条" in describe(report.broken)


def test_an_edited_entry_is_found(db: Database, admin: Actor) -> None:
    ids = _entries(db, admin)
    with _unguarded(db):
        _sql(db, "UPDATE audit_log SET note = '改过' WHERE id = :id", id=ids[1])

    report = verify_audit_log(db, admin)

    assert report.broken is not None
    assert (report.broken.row_id, report.broken.kind) == (ids[1], EDITED)
    assert report.checked == 1


def test_an_entry_inserted_behind_the_program_is_found(db: Database, admin: Actor) -> None:
    ids = _entries(db, admin, 2)
    _sql(
        db,
        "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, changes, note)"
        " VALUES (:at, 1, 'admin', 'update', 'worker', 1, '{}', '')",
        at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    set_allowance(db, admin, "one_shoulder", "", 999, dt.date(2028, 1, 1))  # the program goes on

    report = verify_audit_log(db, admin)

    assert report.broken is not None
    assert (report.broken.kind, report.broken.after_id) == (INSERTED, ids[-1])


def test_a_dropped_trigger_refuses_to_open(db: Database, admin: Actor) -> None:
    _entries(db, admin, 1)
    with _unguarded(db), pytest.raises(AuditUnprotected, match="审计日志的保护"):
        initialise(db)  # what the desktop and every command do at start
    initialise(db)  # the triggers back: opens again


def test_a_disabled_trigger_refuses_to_open(db: Database) -> None:
    if not _is_pg(db):
        pytest.skip("PostgreSQL can disable a trigger; SQLite can only drop it")
    _sql(db, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    try:
        with pytest.raises(AuditUnprotected, match="audit_log_append_only"):
            initialise(db)
    finally:
        _sql(db, "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def test_appends_at_once_do_not_fork_the_chain(db: Database, admin: Actor) -> None:
    """Four clerks' writes at the same moment: one chain, every entry on it."""
    from tests.concurrency.race import together, users

    def job(number: int):  # type: ignore[no-untyped-def]
        def write(database: Database, barrier: object) -> None:
            barrier.wait()  # type: ignore[attr-defined]
            for month in range(1, 4):
                day = dt.date(2030 + number, month, 1)
                set_allowance(database, admin, "one_shoulder", "", 300 + month, day)

        return write

    with users(db, 4) as four:
        results = together(four, [job(n) for n in range(4)])
    assert results == [None] * 4
    report = verify_audit_log(db, admin)
    assert report.ok
    with db.reading() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == report.checked


def test_the_command(sqlite_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """``audit verify`` prints the count or the first break and exits 1; it still runs on a file
    whose triggers are gone, where every other command is refused."""
    path = str(sqlite_db.engine.url.database)
    admin = Actor(1, "admin", Role.ADMIN)
    ids = _entries(sqlite_db, admin, 3)
    assert main(["--db", path, "audit", "verify"]) == 0
    assert f"{len(ids)} 条记录的哈希链逐条核对一致" in capsys.readouterr().err

    _drop_triggers(sqlite_db)
    _sql(sqlite_db, "DELETE FROM audit_log WHERE id = :id", id=ids[1])
    assert main(["--db", path, "audit", "list"]) == 1
    assert "审计日志的保护" in capsys.readouterr().err
    assert main(["--db", path, "audit", "verify", "--json"]) == 1
    captured = capsys.readouterr()
    assert (
        '"kind":"deleted"' in captured.out.replace(" ", "") or '"kind": "deleted"' in captured.out
    )
    assert f"第 {ids[2]} 条审计记录没有接在第 {ids[0]} 条之后" in captured.err
    assert Path(path).exists()
