"""Versioned pay scales and allowance tables (§3): dated rows, never overwritten."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workforce.persistence.base import Base, Money, Timestamp, utc_now


class PayScale(Base):
    """薪酬标准: one version of the table, in force from ``effective_date``."""

    __tablename__ = "pay_scale"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    effective_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


class ScalePost(Base):
    """A post of a scale version with its level range (正职 7–18 …) and parity (网格员 → staff)."""

    __tablename__ = "scale_post"
    __table_args__ = (UniqueConstraint("scale_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("pay_scale.id"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(30))
    aliases: Mapped[str] = mapped_column(String(200), default="")
    min_level: Mapped[int] = mapped_column(Integer)
    max_level: Mapped[int] = mapped_column(Integer)
    paid_as: Mapped[str | None] = mapped_column(String(20))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ScaleAmount(Base):
    """岗位等级工资: the monthly amount for one (post, level) of a scale version."""

    __tablename__ = "scale_amount"
    __table_args__ = (UniqueConstraint("scale_id", "post", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scale_id: Mapped[int] = mapped_column(ForeignKey("pay_scale.id"))
    post: Mapped[str] = mapped_column(String(20))
    level: Mapped[int] = mapped_column(Integer)
    monthly_pay: Mapped[Decimal] = mapped_column(Money())


class AllowanceRate(Base):
    """津贴/绩效 amounts by kind and key (certificate/助理社会工作师 …), per month or year."""

    __tablename__ = "allowance_rate"
    __table_args__ = (UniqueConstraint("kind", "key", "effective_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(30), default="")
    amount: Mapped[Decimal] = mapped_column(Money())
    period: Mapped[str] = mapped_column(String(5), default="month")
    effective_date: Mapped[dt.date] = mapped_column(Date)
