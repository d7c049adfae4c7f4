"""On the embedded file, a save while another connection of the program (a long task) holds the
write lock past the busy timeout is a clear refusal, not a crash; and it waits for the lock
rather than failing at once. (Another program cannot hold it: one program owns the file.)"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from tests.concurrency.race import url_of
from tests.services.payroll_support import community, hire
from workforce.domain.problems import ActionRefused
from workforce.persistence import database
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker, update_worker


def test_a_save_during_someone_elses_long_write_is_refused_clearly(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workforce.services.accounts.acting_user import actor_for

    admin: Actor = actor_for(sqlite_db)
    worker_id = hire(sqlite_db, admin, community(sqlite_db, admin), 1)
    opened = load_worker(sqlite_db, worker_id)
    original = database._sqlite_pragmas

    def impatient(connection: Any, record: Any) -> None:
        original(connection, record)
        connection.execute("PRAGMA busy_timeout=200")

    monkeypatch.setattr(database, "_sqlite_pragmas", impatient)
    other = Database.open(url_of(sqlite_db))
    holder = sqlite3.connect(sqlite_db.engine.url.database or "", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(ActionRefused, match="数据库正被其他用户写入，请稍后再试"):
            update_worker(other, admin, worker_id, opened.data, opened.version)
        holder.execute("ROLLBACK")
        update_worker(other, admin, worker_id, opened.data, opened.version)
    finally:
        holder.close()
        other.close()
