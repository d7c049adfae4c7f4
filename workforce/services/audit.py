"""Audit records: every mutation appends who, when, what and old → new values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from workforce.persistence.accounts import AuditEntry, ImportBatch
from workforce.persistence.base import utc_now
from workforce.services.context import Actor


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date | Decimal):
        return str(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def as_changes(changes: Mapping[str, tuple[object, object]]) -> dict[str, list[str | None]]:
    """Field → [old, new] as text, the form stored in the log."""
    return {name: [_text(old), _text(new)] for name, (old, new) in changes.items()}


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: Mapping[str, tuple[object, object]] | None = None,
    *,
    batch_id: int | None = None,
    note: str = "",
) -> None:
    """Append one audit entry inside the caller's transaction."""
    session.add(
        AuditEntry(
            at=utc_now(),
            user_id=actor.user_id,
            username=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=as_changes(changes or {}),
            batch_id=batch_id,
            note=note,
        )
    )


def record_many(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entries: Iterable[tuple[int, Mapping[str, tuple[object, object]]]],
    *,
    batch_id: int | None = None,
    note: str = "",
) -> int:
    """Append many audit entries with one bulk insert (imports, demo data). Returns the count."""
    now = utc_now()
    rows: list[dict[str, Any]] = [
        {
            "at": now,
            "user_id": actor.user_id,
            "username": actor.username,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "changes": as_changes(changes),
            "batch_id": batch_id,
            "note": note,
        }
        for entity_id, changes in entries
    ]
    if rows:
        session.execute(insert(AuditEntry), rows)
    return len(rows)


def record_batch(session: Session, actor: Actor, batch: ImportBatch) -> None:
    """An import as a whole (文件、新增、更新), recorded even when no row changed: the log shows
    every file a clerk applied, and each row's entry points to it by ``batch_id``."""
    record(
        session,
        actor,
        "import",
        "import_batch",
        batch.id,
        {
            "kind": (None, batch.kind),
            "file_name": (None, batch.file_name),
            "created": (None, batch.created),
            "updated": (None, batch.updated),
        },
        batch_id=batch.id,
    )
