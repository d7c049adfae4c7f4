"""Audit records: every mutation appends who, when, what and old → new values."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from sqlalchemy import text
from sqlalchemy.orm import Session

from workforce.persistence.accounts import AuditEntry, ImportBatch
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
    *("entity_id", "changes", "batch_id", "note"),
)
# PostgreSQL: one INSERT … SELECT over a single JSON document of [entity_id, changes] pairs (the
# server splits it; ``->`` keeps each object's text as written). A COPY would bypass the engine's
# statement events, which the audit guard watches, and array parameters are dumped element by
# element in Python by the driver.
_JSON_INSERT = (
    f"INSERT INTO audit_log ({', '.join(_COLUMNS)}) "
    "SELECT CAST(:at AS timestamptz), CAST(:user_id AS integer), :username, :action, :entity, "
    "CAST(r.value->>0 AS integer), r.value->1, CAST(:batch_id AS integer), :note "
    "FROM json_array_elements(CAST(:rows AS json)) WITH ORDINALITY AS r(value, n) ORDER BY r.n"
)


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
    dialect = session.get_bind().dialect
    serialise = getattr(dialect, "_json_serializer", None) or json.dumps  # as the JSON type does
    pairs = [(entity_id, as_changes(changes)) for entity_id, changes in entries]
    if not pairs:
        return 0
    if dialect.name == "postgresql":
        fixed = {"at": now, "user_id": actor.user_id, "username": actor.username}
        fixed |= {"action": action, "entity": entity, "batch_id": batch_id, "note": note}
        session.execute(text(_JSON_INSERT), {**fixed, "rows": serialise(pairs)})
    else:  # SQLite: the driver's executemany, with the values as the column types store them
        at = raw_now(session, now)
        head = (at, actor.user_id, actor.username, action, entity)
        rows = [(*head, i, serialise(c), batch_id, note) for i, c in pairs]
        bulk_insert(session, AuditEntry, _COLUMNS, rows)
    return len(pairs)


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
