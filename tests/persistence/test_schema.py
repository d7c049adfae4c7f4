"""Alembic owns the schema: the migrations produce exactly the models, on both databases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from workforce.persistence.migrate import current_revision, head_revision
from workforce.persistence.models import Base
from workforce.persistence.pay import AllowanceRate
from workforce.services.context import Database


def test_models_and_migrations_agree(db: Database) -> None:
    assert current_revision(db.engine) == head_revision(db.engine)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_money_is_stored_as_integer_fen(db: Database) -> None:
    with db.transaction() as session:
        session.add(
            AllowanceRate(
                kind="test", key="k", amount=Decimal("1234.56"), effective_date=dt.date(2026, 1, 1)
            )
        )
    with db.reading() as session:
        raw = session.execute(text("SELECT amount FROM allowance_rate WHERE kind = 'test'"))
        assert raw.scalar_one() == 123456
        amount = session.scalar(select(AllowanceRate.amount).where(AllowanceRate.kind == "test"))
        assert amount == Decimal("1234.56")


def test_floats_never_reach_money_columns(db: Database) -> None:
    with pytest.raises(Exception, match="float"), db.transaction() as session:
        session.add(
            AllowanceRate(
                kind="test",
                key="f",
                amount=0.1,  # type: ignore[arg-type]
                effective_date=dt.date(2026, 1, 1),
            )
        )


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_upgrading_keeps_existing_workers(tmp_path: object) -> None:
    """A file made by the first release upgrades in place; its workers get the new defaults."""
    from pathlib import Path

    from alembic import command

    from workforce.persistence.migrate import alembic_config, upgrade_to_head

    path = Path(str(tmp_path)) / "old.db"
    database = Database.open(f"sqlite:///{path}")
    command.upgrade(alembic_config(database.engine), "0001")
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO org_unit (id, kind, name, sort_order) VALUES (1, 'district', '区', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO worker (id, id_number, name, sex, birth_date, ethnicity,"
                " political_status, is_committee_member, community_id, post, level,"
                " credited_ladder, status, version, created_at, updated_at)"
                " VALUES (1, '11010519491231002X', '张三', '女', '1949-12-31', '汉族', '群众',"
                " 0, 1, 'staff', 3, 0, '在职', 1, '2020-01-01', '2020-01-01')"
            )
        )
    assert upgrade_to_head(database.engine)
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT name, level, early_steps_used, credited_honour_kinds FROM worker")
        ).one()
    assert tuple(row) == ("张三", 3, 0, "")
    database.close()
