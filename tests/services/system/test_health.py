"""启动检查: a damaged embedded file is found by ``quick_check``, written no more, and the newest
backup that passes ``integrity_check`` is offered and restored."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from tests.damage import damage_file, damage_live
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.persistence.people import Worker
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.users import create_user
from workforce.services.backup import create_backup
from workforce.services.context import Actor, Database
from workforce.services.system.demo import generate_demo
from workforce.services.system.health import (
    check_database,
    newest_intact_backup,
    restore_intact,
    stop_writing_if_damaged,
)


def _workers(db: Database) -> int:
    with db.reading() as session:
        return len(session.scalars(select(Worker.id)).all())


def test_an_intact_database_passes_on_both_databases(db: Database) -> None:
    health = stop_writing_if_damaged(db)
    assert health.ok and health.problems == () and db.writes_refused is None


def test_a_damaged_file_is_found_written_no_more_and_an_intact_backup_restored(
    sqlite_db: Database,
) -> None:
    admin = actor_for(sqlite_db)
    generate_demo(sqlite_db, admin, workers=300, seed=3)
    older = create_backup(sqlite_db, admin, "较早")
    newer = create_backup(sqlite_db, admin, "较新")
    live = damage_live(sqlite_db)

    health = stop_writing_if_damaged(sqlite_db)
    assert not health.ok and health.database == str(live)
    assert any("page" in line for line in health.problems)
    with pytest.raises(ActionRefused, match=r"已损坏.*已停止写入.*从最近一份完好的备份恢复"):
        create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK)
    with pytest.raises(OperationalError, match="readonly"), sqlite_db.engine.begin() as raw:
        raw.execute(text("DELETE FROM setting"))  # even past the services nothing is written

    offered = newest_intact_backup(sqlite_db, admin)
    assert offered is not None and offered.path == newer
    assert offered.facts.workers == 300 and offered.reason == "较新"
    damage_file(newer)
    offered = newest_intact_backup(sqlite_db, admin)
    assert offered is not None and offered.path == older  # the newest is damaged too

    with pytest.raises(ActionRefused, match="也已损坏"):
        restore_intact(sqlite_db, admin, newer)
    assert sqlite_db.writes_refused is not None
    restore_intact(sqlite_db, admin, older)
    assert check_database(sqlite_db).ok and sqlite_db.writes_refused is None
    assert _workers(sqlite_db) == 300
    create_user(sqlite_db, admin, "luru", "录入甲", Role.CLERK)  # written again


def test_only_an_administrator_is_offered_backups(sqlite_db: Database) -> None:
    clerk = Actor(None, "luru", Role.CLERK)
    with pytest.raises(ActionRefused, match="无权"):
        newest_intact_backup(sqlite_db, clerk)
