"""A worker's file (一人一档, §2): the current record and its dated history tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from workforce.persistence.base import Base, Hours, Timestamp, utc_now


class Worker(Base):
    """The current state of a worker's file; every change of it is also kept in history rows."""

    __tablename__ = "worker"
    __table_args__ = (Index("ix_worker_community_status", "community_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    sex: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    political_status: Mapped[str] = mapped_column(String(10), default="群众")
    party_join_date: Mapped[dt.date | None] = mapped_column(Date)
    fulltime_education: Mapped[str | None] = mapped_column(String(10))
    highest_education: Mapped[str | None] = mapped_column(String(10))
    school: Mapped[str | None] = mapped_column(String(100))
    major: Mapped[str | None] = mapped_column(String(100))
    work_start_date: Mapped[dt.date | None] = mapped_column(Date)
    community_start_date: Mapped[dt.date | None] = mapped_column(Date)
    recruitment_channel: Mapped[str | None] = mapped_column(String(10))
    duties: Mapped[str | None] = mapped_column(String(20))
    is_committee_member: Mapped[bool] = mapped_column(Boolean, default=False)
    community_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    post: Mapped[str] = mapped_column(String(20))
    level: Mapped[int] = mapped_column(Integer)
    level_start_year: Mapped[int | None] = mapped_column(Integer)
    credited_ladder: Mapped[int] = mapped_column(Integer, default=0)
    early_steps_used: Mapped[int] = mapped_column(Integer, default=0)
    early_streak_start: Mapped[int | None] = mapped_column(Integer)
    credited_honour_kinds: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str | None] = mapped_column(String(30))
    bank_account_name: Mapped[str | None] = mapped_column(String(50))
    bank_name: Mapped[str | None] = mapped_column(String(100))
    bank_account: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(4), default="在职")
    # 原法定退休年龄 (50, 55, 60); empty: the region's default for the sex (issue 19)
    retirement_age: Mapped[int | None] = mapped_column(Integer)
    remarks: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now, onupdate=utc_now)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class PostLevelChange(Base):
    """岗位等级变动: every post or level a worker held, from its effective date."""

    __tablename__ = "post_level_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    effective_date: Mapped[dt.date] = mapped_column(Date)
    post: Mapped[str] = mapped_column(String(20))
    level: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))  # import, manual, adjustment, demo
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


class EducationRecord(Base):
    """学历: each education a worker obtained (全日制 or 在职)."""

    __tablename__ = "education_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    education: Mapped[str] = mapped_column(String(10))
    fulltime: Mapped[bool] = mapped_column(Boolean)
    school: Mapped[str | None] = mapped_column(String(100))
    major: Mapped[str | None] = mapped_column(String(100))
    recorded_on: Mapped[dt.date] = mapped_column(Date)


class Appraisal(Base):
    """年度考核: one result per worker per year (§5)."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("worker_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"))
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(10))


class Certificate(Base):
    """职业资格证书 (§6): registration lasts 3 years; allowance and ladder credit follow it."""

    __tablename__ = "certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="社会工作者职业水平证书")
    level: Mapped[str] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(50), unique=True)
    obtained_date: Mapped[dt.date | None] = mapped_column(Date)
    registered_date: Mapped[dt.date | None] = mapped_column(Date)


class Honour(Base):
    """荣誉: 市级及以上表彰 or 劳模 (each gives a level once, §4.4)."""

    __tablename__ = "honour"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    awarded_date: Mapped[dt.date] = mapped_column(Date)


class Transfer(Base):
    """调动: a dated move between communities."""

    __tablename__ = "transfer"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    from_community_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    to_community_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id"))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class StatusChange(Base):
    """人员状态变动: 在职, 试用, 离职, 退休, 调出, with the date and the reason."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    status: Mapped[str] = mapped_column(String(4))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class TrainingSession(Base):
    """培训: a session with its organiser level, dates, hours and kind (必修/选修)."""

    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    organiser_level: Mapped[str] = mapped_column(String(10))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Hours())
    required: Mapped[bool] = mapped_column(Boolean, default=True)


class TrainingAttendance(Base):
    __tablename__ = "training_attendance"
    __table_args__ = (UniqueConstraint("session_id", "worker_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"))
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id"), index=True)
    passed: Mapped[bool] = mapped_column(Boolean, default=True)


def allocate_ids(session: Session, model: type[Base], count: int) -> list[int]:
    """``count`` new primary keys for ``model``, so its rows can be inserted with a plain
    ``executemany`` instead of ``INSERT … RETURNING``, which SQLite runs row by row.

    PostgreSQL draws them from the table's sequence; SQLite continues after the largest id, as an
    INTEGER PRIMARY KEY does (the caller's transaction holds the write lock by then)."""
    if count == 0:
        return []
    table = model.__table__
    assert isinstance(table, Table)
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(model.__tablename__, "id")
        draw = select(func.nextval(sequence)).select_from(func.generate_series(1, count))
        return sorted(session.scalars(draw))
    start = session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0
    return list(range(start + 1, start + count + 1))
