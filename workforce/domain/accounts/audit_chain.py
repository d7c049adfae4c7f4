"""The audit log as a hash chain (issue 13 §7): each entry carries the hash of the entry before
it (``prev_hash``) and its own (``row_hash`` = SHA-256 of the previous hash, a newline and the
entry's canonical text). An entry edited, deleted or inserted behind the program's back breaks
the chain at that point; ``first_break`` finds the first such place.

The canonical text is the same on SQLite and PostgreSQL after a round trip: a compact JSON array
of ``at`` (UTC, microseconds, no zone: ``2026-01-05T08:00:00.123456``), user id, username,
action, entity, entity id, the changes (keys sorted: JSONB reorders them), batch id and note,
ASCII-escaped so any text encodes. The first entry's ``prev_hash`` is ``GENESIS``.

What it cannot show: entries cut off the end of the log (nothing comes after them to point
back), and a log rewritten from the point of the edit on, hashes and all, by someone with full
write access to the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = ""

_ENCODE = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode
_CHANGES = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), sort_keys=True).encode


def moment(at: dt.datetime) -> str:
    """``at`` as UTC text with microseconds; a naive time is taken as UTC (SQLite keeps no zone)."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def changes_text(changes: Mapping[str, Any] | None) -> str:
    """The changes as canonical JSON text (also the text the program stores)."""
    return _CHANGES(changes if changes is not None else {})


def link(prev_hash: str, text: str) -> str:
    return hashlib.sha256(f"{prev_hash}\n{text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Fixed:
    """What the entries of one append share: everything but the entity id and the changes."""

    at: dt.datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    batch_id: int | None
    note: str


def _parts(fixed: Fixed) -> tuple[str, str]:
    head = _ENCODE([moment(fixed.at), fixed.user_id, fixed.username, fixed.action, fixed.entity])
    tail = _ENCODE([fixed.batch_id, fixed.note])
    return head[:-1], tail[1:]  # "[at,…,entity" and "batch_id,note]"


def fixed_parts(fixed: Fixed) -> tuple[str, str]:
    """The canonical text's parts before and after an entry's id and changes: each entry's
    text is ``head,<entity id or null>,<changes>,tail`` (the server joins them the same way:
    migration 0013)."""
    return _parts(fixed)


def _joined(parts: tuple[str, str], entity_id: int | None, changes: str) -> str:
    number = "null" if entity_id is None else str(int(entity_id))
    return f"{parts[0]},{number},{changes},{parts[1]}"


def chain(
    prev_hash: str, fixed: Fixed, entries: Iterable[tuple[int | None, str]]
) -> Iterator[tuple[str, str]]:
    """(prev_hash, row_hash) of each of ``entries`` (entity id, canonical changes text) appended
    after ``prev_hash``: one pass, the fixed part encoded once."""
    parts = _parts(fixed)
    for entity_id, changes in entries:
        row_hash = link(prev_hash, _joined(parts, entity_id, changes))
        yield prev_hash, row_hash
        prev_hash = row_hash


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry as read back: its id, the hashes it carries and its canonical text."""

    id: int
    prev_hash: str | None
    row_hash: str | None
    text: str


EDITED, DELETED, INSERTED = "edited", "deleted", "inserted"


@dataclass(frozen=True, slots=True)
class Break:
    """The first place the chain does not hold: the entry ``row_id`` and what happened, as far
    as the hashes tell (``after_id``: the last entry before it that still links)."""

    row_id: int
    kind: str
    after_id: int | None


def first_break(entries: Iterable[StoredEntry]) -> tuple[int, Break | None]:
    """Walk the log in id order: (entries checked, the first break or None).

    - an entry without hashes was inserted behind the program's back;
    - an entry whose text no longer gives its ``row_hash`` was edited;
    - an entry that points past its predecessor to the one before: the predecessor was
      inserted (with made-up hashes);
    - an entry that points to nothing seen: entries before it were deleted (or the one before
      it edited and re-hashed).
    """
    expected, before_hash = GENESIS, None  # the last two linked hashes
    last_id: int | None = None
    before_id: int | None = None
    checked = 0
    for entry in entries:
        if entry.prev_hash is None or entry.row_hash is None:
            return checked, Break(entry.id, INSERTED, last_id)
        if link(entry.prev_hash, entry.text) != entry.row_hash:
            return checked, Break(entry.id, EDITED, last_id)
        if entry.prev_hash != expected:
            if last_id is not None and entry.prev_hash == before_hash:
                return checked - 1, Break(last_id, INSERTED, before_id)
            return checked, Break(entry.id, DELETED, last_id)
        checked += 1
        before_hash, expected = expected, entry.row_hash
        before_id, last_id = last_id, entry.id
    return checked, None


def entry_text(
    at: dt.datetime,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: Mapping[str, Any] | None,
    batch_id: int | None,
    note: str,
) -> str:
    """The canonical text of one entry (as written, or as read back)."""
    fixed = Fixed(at, user_id, username, action, entity, batch_id, note)
    return _joined(_parts(fixed), entity_id, changes_text(changes))


def texts(rows: Iterable[Sequence[Any]]) -> Iterator[StoredEntry]:
    """Rows of (id, prev_hash, row_hash, at, user_id, username, action, entity, entity_id,
    changes, batch_id, note) as ``StoredEntry``."""
    for row in rows:
        yield StoredEntry(row[0], row[1], row[2], entry_text(*row[3:]))
