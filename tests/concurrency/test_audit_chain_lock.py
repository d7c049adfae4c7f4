"""The audit chain's lock is held only inside a COMMIT (issue 18, ten clerks at once).

A clerk's program that has made its audited changes but whose process has not yet sent the
COMMIT (on a busy PC it waits for a core) must not hold up the other clerks' saves: the chain is
appended to by the server inside the COMMIT (migration 0013). Before, the program took the lock,
read the newest hash and inserted its entries first, and every other clerk's save queued behind
it until its COMMIT came."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, select

from tests.services.payroll_support import community, hire
from workforce.persistence.accounts import AuditAppend, AuditEntry
from workforce.services.accounts.audit_chain import verify_audit_log
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker, update_worker


def _save(db: Database, actor: Actor, worker_id: int, remarks: str) -> None:
    opened = load_worker(db, worker_id)
    update_worker(db, actor, worker_id, replace(opened.data, remarks=remarks), opened.version)


def test_a_save_does_not_wait_for_another_clerk_who_has_not_committed(
    db: Database, admin: Actor
) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time")
    unit = community(db, admin)
    first, second = hire(db, admin, unit, 1, name="张晓梅"), hire(db, admin, unit, 2, name="李强")
    other_waited: list[bool] = []

    def commit_comes_late(_connection: Any) -> None:
        """The first clerk's program, about to send its COMMIT, waits: the other clerk saves."""
        other = threading.Thread(target=_save, args=(db, admin, second, "第二位职员保存"))
        other.start()
        other.join(timeout=10)
        other_waited.append(other.is_alive())
        if other.is_alive():  # (before the fix it waits for this COMMIT: let it come)
            threading.Thread(target=other.join).start()

    opened = load_worker(db, first)
    data = replace(opened.data, remarks="第一位职员保存")
    event.listen(db.engine, "commit", commit_comes_late, once=True)
    update_worker(db, admin, first, data, opened.version)

    assert other_waited == [False], "the second clerk's save waited for the first one's COMMIT"
    report = verify_audit_log(db, admin)
    assert report.ok and report.checked == report.total
    with db.reading() as session:
        saves = session.scalars(
            select(AuditEntry.entity_id)
            .where(AuditEntry.entity == "worker", AuditEntry.action == "update")
            .order_by(AuditEntry.id)
        ).all()
        assert session.scalar(select(AuditAppend.id)) is None  # nothing left on its way in
    # the chain holds both saves, in the order they committed: the second clerk's first
    assert saves[-2:] == [second, first]
