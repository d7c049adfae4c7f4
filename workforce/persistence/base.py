"""Declarative base, naming convention and the exact-decimal column types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ScaledDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as a scaled integer (fen for money, tenths for hours).

    ``Numeric`` goes through float on SQLite; an integer column is exact everywhere.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 2) -> None:
        super().__init__()
        self.places = places
        self._factor = Decimal(10) ** places
        self._quantum = Decimal(1).scaleb(-places)

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError(f"float passed to an exact decimal column: {value!r}")
        scaled = Decimal(value) * self._factor
        if scaled != scaled.to_integral_value():
            raise ValueError(f"{value} has more than {self.places} decimal places")
        return int(scaled)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / self._factor).quantize(self._quantum)


def Money() -> ScaledDecimal:
    """Yuan, stored as integer fen."""
    return ScaledDecimal(2)


def Hours() -> ScaledDecimal:
    """Training hours (学时), stored in tenths."""
    return ScaledDecimal(1)


NO_KEY_UPDATE = {"key_share": True}
"""``Session.get(…, with_for_update=NO_KEY_UPDATE)``: lock a row to change it as PostgreSQL's
UPDATE does (``FOR NO KEY UPDATE``), not ``FOR UPDATE``. A long transaction that writes rows
pointing at it (a payroll month's payslips, an adjustment plan's items) holds ``FOR KEY SHARE``
on it until its commit; ``FOR UPDATE`` would wait for that, ``FOR NO KEY UPDATE`` does not.
SQLite ignores it (one writer at a time)."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


Timestamp = DateTime(timezone=True)
