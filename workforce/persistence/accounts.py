"""Users, the audit log, import batches and region settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workforce.persistence.base import Base, Timestamp, utc_now


class User(Base):
    """An account: role is clerk (录入员), approver (审核员), finance (财务) or admin (管理员)."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    scope_org_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)


class AuditEntry(Base):
    """审计日志: who did what, when, to which row, with old → new values per field.

    ``changes`` maps field name to ``[old, new]`` as text; the program only ever appends.
    Each entry carries the hash of the one before and its own (a chain:
    domain/accounts/audit_chain.py).
    """

    __tablename__ = "audit_log"
    # the viewer filters by entity or user and pages newest first; the database refuses
    # UPDATE and DELETE of this table (triggers, migration 0006)
    __table_args__ = (
        Index("ix_audit_log_entity", "entity", "id"),
        Index("ix_audit_log_username", "username", "id"),
        Index("ix_audit_log_action", "action", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))


class AuditAppend(Base):
    """An append to the audit log waiting for its transaction's commit (PostgreSQL only).

    A transaction's entries go here as one row per append: what they share, the canonical
    text's fixed parts (``head``, ``tail``: domain/accounts/audit_chain.py) and the entries as a
    JSON array of ``[entity_id, changes]``. A deferred trigger (migration 0013) runs at COMMIT:
    it takes the chain's lock, reads the newest hash, hashes and inserts the entries into
    ``audit_log`` and deletes this row, so the lock is held from the commit's start to its end
    and never while the program's process waits for a core. A row never outlives its
    transaction (the table is UNLOGGED)."""

    __tablename__ = "audit_append"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(Timestamp)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    batch_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    head: Mapped[str] = mapped_column(Text)
    tail: Mapped[str] = mapped_column(Text)
    entries: Mapped[str] = mapped_column(Text)


class ImportBatch(Base):
    """One roster (or other) import as applied: file, who, counts."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(255))
    at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """Region settings (default district, import date, rule switches) as JSON values."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
