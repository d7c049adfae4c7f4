"""The audit guard: every program transaction that writes people, pay or configuration audits.

It watches SQL at the engine level (``before_cursor_execute``) so nothing escapes it: ORM
flushes, bulk ``insert()``/``update()`` and raw SQL alike. Per transaction it notes INSERT,
UPDATE and DELETE on the watched tables made *by the program* (a frame of ``workforce/``,
``ui/`` or ``reports/`` on the stack); when that transaction commits without an INSERT into
``audit_log`` the commit is refused and the violation recorded. UPDATE or DELETE of
``audit_log`` by the program is refused at once. Test code writing set-up rows directly (or
editing "behind the program's back" on purpose) is not the program and is not checked.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from sqlalchemy import Connection, Engine, event

from workforce.persistence.models import Base

ROOT = Path(__file__).resolve().parent.parent
PROGRAM_ROOTS = tuple(str(ROOT / name) + "/" for name in ("workforce", "ui", "reports"))

# Plumbing that every transaction passes through, test set-up included: not "the program".
INFRASTRUCTURE = frozenset(
    str(ROOT / path)
    for path in (
        "workforce/services/context.py",
        "workforce/persistence/database.py",
        "workforce/persistence/migrate.py",
    )
)

# (file, function) whose writes need no audit record, each with the reason.
EXEMPT: dict[tuple[str, str], str] = {
    # First start: installs the defaults shipped in workforce/data (version-controlled) into an
    # empty database before any user exists; re-runs that fill in missing defaults on an
    # existing installation do audit (setup.initialise).
    (
        str(ROOT / "workforce/services/system/setup.py"),
        "initialise",
    ): "first install of shipped defaults",
}

AUDIT_TABLE = "audit_log"
# PostgreSQL: the program inserts its entries here and the server chains them into the log at
# COMMIT (migration 0013)
AUDIT_STAGING = "audit_append"

# Tables that hold neither people, pay nor configuration, with the reason.
NOT_WATCHED: dict[str, str] = {
    AUDIT_TABLE: "the log itself (its own rules below)",
    AUDIT_STAGING: "the log's entries on their way in (as the log)",
    "alembic_version": "schema bookkeeping written by migrations",
}

# Every other table holds people (worker and its dated history, careers, training), pay
# (scales, runs, payroll, bases, deductions) or configuration (settings, users, organisation).
# Derived rows (adjustment_item, payslip) stay watched: they are written by a run or a
# calculation that must itself be audited.
WATCHED = frozenset(t.name for t in Base.metadata.sorted_tables) - set(NOT_WATCHED)

_WRITE = re.compile(
    r"^\s*(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+\"?(\w+)\"?",
    re.IGNORECASE,
)


class AuditGuardError(AssertionError):
    """A program transaction changed watched data without an audit record."""


@dataclass
class _Pending:
    writes: list[str] = field(default_factory=list)
    audited: bool = False


def parse_write(statement: str) -> tuple[str, str] | None:
    """(verb, table) of an INSERT/UPDATE/DELETE statement, None for anything else."""
    found = _WRITE.match(statement)
    if found is None:
        return None
    return found.group(1).split()[0].upper(), found.group(2).lower()


class AuditGuard:
    """Install on an engine (or the ``Engine`` class for all of them) to check every commit."""

    def __init__(self, program_roots: Iterable[str] = PROGRAM_ROOTS) -> None:
        self.program_roots = tuple(program_roots)
        self.violations: list[str] = []
        self.enabled = True
        self._lock = threading.Lock()

    def install(self, target: Engine | type[Engine]) -> None:
        event.listen(target, "before_cursor_execute", self._statement)
        event.listen(target, "begin", self._reset)
        event.listen(target, "rollback", self._reset)
        event.listen(target, "commit", self._commit)

    def remove(self, target: Engine | type[Engine]) -> None:
        event.remove(target, "before_cursor_execute", self._statement)
        event.remove(target, "begin", self._reset)
        event.remove(target, "rollback", self._reset)
        event.remove(target, "commit", self._commit)

    def _key(self) -> str:
        return f"audit_guard_{id(self)}"

    def _reset(self, conn: Connection) -> None:
        conn.info.pop(self._key(), None)

    def _origin(self) -> str | None:
        """The innermost program frame as ``file:line function``; None for test code."""
        frame: FrameType | None = sys._getframe(1)
        origin = None
        while frame is not None:
            name = frame.f_code.co_filename
            if (name, frame.f_code.co_name) in EXEMPT:
                return None
            program = name.startswith(self.program_roots) and name not in INFRASTRUCTURE
            if origin is None and program:
                where = Path(name).relative_to(ROOT)
                origin = f"{where}:{frame.f_lineno} {frame.f_code.co_name}()"
            frame = frame.f_back
        return origin

    def _statement(self, conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if not self.enabled:
            return
        write = parse_write(statement)
        if write is None:
            return
        verb, table = write
        pending: _Pending = conn.info.setdefault(self._key(), _Pending())
        if table in (AUDIT_TABLE, AUDIT_STAGING):
            if verb == "INSERT":
                pending.audited = True
                return
            origin = self._origin()
            if origin is not None:
                self._fail(f"{verb} of audit_log from {origin}: the audit log is append-only")
            return
        if table in WATCHED:
            origin = self._origin()
            if origin is not None:
                pending.writes.append(f"{verb} {table} from {origin}")

    def _commit(self, conn: Connection) -> None:
        pending: _Pending | None = conn.info.pop(self._key(), None)
        if pending is None or pending.audited or not pending.writes or not self.enabled:
            return
        shown = "; ".join(dict.fromkeys(pending.writes))
        self._fail(f"transaction committed without an audit record: {shown}")

    def _fail(self, message: str) -> None:
        with self._lock:
            self.violations.append(message)
        raise AuditGuardError(message)
