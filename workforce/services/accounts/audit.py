"""Audit records: every mutation appends who, when, what and old → new values.

Entries wait in the session until its commit, then go in together, chained to the newest entry
(each carries the previous entry's hash and its own: domain/accounts/audit_chain.py), one writer
at a time. SQLite's write transactions already are (``BEGIN IMMEDIATE``): the program hashes
and inserts them. On PostgreSQL the program inserts them unhashed into ``audit_append`` and the
server chains them inside the COMMIT, under the chain's lock (migration 0013), so the lock is
never held while the program's process waits for a core.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.audit_chain import (
    GENESIS,
    Fixed,
    chain,
    changes_text,
    fixed_parts,
)
from workforce.persistence.accounts import AuditAppend, AuditEntry, ImportBatch
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import bulk_insert, raw_now
from workforce.services.context import Actor


def _text(value: object) -> str | None:
    """A value as the log shows it: dates, amounts and numbers as ``str``, booleans 是/否."""
    if value is None:
        return None
    kind = type(value)
    if kind is str:  # (most values: tested first, a bulk record converts hundreds of thousands)
        return value  # type: ignore[return-value]
    if kind is bool:
        return "是" if value else "否"
    return str(value)


def as_changes(changes: Mapping[str, tuple[object, object]]) -> dict[str, list[str | None]]:
    """Field → [old, new] as text, the form stored in the log."""
    return {name: [_text(old), _text(new)] for name, (old, new) in changes.items()}


_COLUMNS = (
    *("at", "user_id", "username", "action", "entity"),
    *("entity_id", "changes", "batch_id", "note", "prev_hash", "row_hash"),
)
_PENDING = "workforce_audit_pending"


@dataclass(slots=True)
class _Append:
    """Entries waiting for the commit: what they share and each one's (entity id, changes)."""

    fixed: Fixed
    entries: list[tuple[int | None, str]]


def _queue(session: Session, fixed: Fixed, entries: list[tuple[int | None, str]]) -> None:
    session.info.setdefault(_PENDING, []).append(_Append(fixed, entries))


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
    """Append one audit entry inside the caller's transaction (written at its commit)."""
    fixed = Fixed(utc_now(), actor.user_id, actor.username, action, entity, batch_id, note)
    _queue(session, fixed, [(entity_id, changes_text(as_changes(changes or {})))])


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
    """Append many audit entries with one bulk insert at the commit (imports, a calculation, a
    run applied). Returns the count."""
    rows: list[tuple[int | None, str]] = [
        (entity_id, changes_text(as_changes(changes))) for entity_id, changes in entries
    ]
    if rows:
        fixed = Fixed(utc_now(), actor.user_id, actor.username, action, entity, batch_id, note)
        _queue(session, fixed, rows)
    return len(rows)


def _entries_document(entries: list[tuple[int | None, str]]) -> str:
    """``[[entity_id, changes], …]``: the changes as their canonical text, which the server's
    ``json`` keeps as written (it hashes that text)."""
    return "[" + ",".join(f"[{'null' if i is None else int(i)},{c}]" for i, c in entries) + "]"


def _stage(session: Session, pending: list[_Append]) -> None:
    """PostgreSQL: each append as one row of ``audit_append``; the COMMIT chains them."""
    rows = []
    for append in pending:
        fixed = append.fixed
        head, tail = fixed_parts(fixed)
        rows.append(
            {
                "at": fixed.at,
                "user_id": fixed.user_id,
                "username": fixed.username,
                "action": fixed.action,
                "entity": fixed.entity,
                "batch_id": fixed.batch_id,
                "note": fixed.note,
                "head": head,
                "tail": tail,
                "entries": _entries_document(append.entries),
            }
        )
    session.execute(insert(AuditAppend), rows)


def _append_pending(session: Session) -> None:
    """At commit: chain the transaction's entries to the newest entry and insert them, one
    writer at a time (PostgreSQL: the server does, inside the COMMIT)."""
    pending: list[_Append] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.flush()  # the rows the entries name (an import batch) are written first
    if session.get_bind().dialect.name == "postgresql":
        _stage(session, pending)
        return
    newest = select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    prev = session.scalar(newest) or GENESIS
    for append in pending:
        fixed = append.fixed
        head = (raw_now(session, fixed.at), fixed.user_id, fixed.username, fixed.action)
        middle, tail = fixed.entity, (fixed.batch_id, fixed.note)
        rows = [
            (*head, middle, entity_id, changes, *tail, p, h)
            for (entity_id, changes), (p, h) in zip(
                append.entries, chain(prev, fixed, append.entries), strict=True
            )
        ]
        prev = rows[-1][-1]
        bulk_insert(session, AuditEntry, _COLUMNS, rows)


def _forget_pending(session: Session, *_: object) -> None:
    session.info.pop(_PENDING, None)


event.listen(Session, "before_commit", _append_pending)
event.listen(Session, "after_rollback", _forget_pending)


def record_batch(
    session: Session,
    actor: Actor,
    batch: ImportBatch,
    details: Mapping[str, object] | None = None,
    *,
    note: str = "",
) -> None:
    """An import as a whole (文件、新增、更新, and what else the import names in ``details``: the
    roster its sheet and new units), recorded even when no row changed: the log shows every file a
    clerk applied, and each row's entry points to it by ``batch_id``."""
    changes: dict[str, tuple[object, object]] = {
        "kind": (None, batch.kind),
        "file_name": (None, batch.file_name),
        "created": (None, batch.created),
        "updated": (None, batch.updated),
    }
    changes.update((key, (None, value)) for key, value in (details or {}).items())
    record(
        session, actor, "import", "import_batch", batch.id, changes, batch_id=batch.id, note=note
    )
