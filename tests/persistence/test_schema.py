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
            AllowanceRate(kind="test", key="k", amount=Decimal("1234.56"),
                          effective_date=dt.date(2026, 1, 1))
        )
    with db.reading() as session:
        raw = session.execute(text("SELECT amount FROM allowance_rate WHERE kind = 'test'"))
        assert raw.scalar_one() == 123456
        amount = session.scalar(select(AllowanceRate.amount).where(AllowanceRate.kind == "test"))
        assert amount == Decimal("1234.56")


def test_floats_never_reach_money_columns(db: Database) -> None:
    with pytest.raises(Exception, match="float"), db.transaction() as session:
        session.add(
            AllowanceRate(kind="test", key="f", amount=0.1,  # type: ignore[arg-type]
                          effective_date=dt.date(2026, 1, 1))
        )


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
