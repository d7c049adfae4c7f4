"""The yearly adjustment run as a document (§4): the run, one item per affected worker, and the
post appointments (岗位任免) waiting for the next run."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workforce.persistence.base import Base, Money, Timestamp, utc_now


class AdjustmentRun(Base):
    """调级调薪批次: prepared → approved → applied (→ reverted); superseded by a re-preparation."""

    __tablename__ = "adjustment_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scale_id: Mapped[int | None] = mapped_column(ForeignKey("pay_scale.id"))
    person_times: Mapped[int] = mapped_column(Integer, default=0)
    yearly_cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    prepared_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    prepared_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    applied_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    applied_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    reverted_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reverted_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class AdjustmentItem(Base):
    """One worker's line in a run: old → new, reasons, cost, clerk's exclusion or override, and
    the worker's rule state before and after (so the run reverts exactly)."""

    __tablename__ = "adjustment_item"
    __table_args__ = (UniqueConstraint("run_id", "worker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("adjustment_run.id"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    old_post: Mapped[str] = mapped_column(String(20))
    old_level: Mapped[int] = mapped_column(Integer)
    new_post: Mapped[str] = mapped_column(String(20))
    proposed_level: Mapped[int] = mapped_column(Integer)
    new_level: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    monthly_delta: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    yearly_delta: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    state_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state_after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class PostAppointment(Base):
    """岗位任免: a post change waiting for the next run, which re-slots the level (§4.5)."""

    __tablename__ = "post_appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    new_post: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("adjustment_run.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)
