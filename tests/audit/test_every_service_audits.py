"""Every mutating service audits: found by reading the code, proven by calling each one once.

A service is mutating when it opens a write transaction (``db.transaction()``). Each must have a
scenario in ``tests/audit/scenarios.py``; a new one without a scenario fails
``test_every_mutating_service_has_a_scenario``. The suite-wide audit guard (tests/conftest.py)
watches each call; the scenario checks the audit row names the entity and carries old → new.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.audit import scenarios_accounts, scenarios_pay, scenarios_people
from tests.audit.scenarios import ANY, SCENARIOS, WITHOUT_PEOPLE, Expect, make_world
from tests.audit_guard import EXEMPT
from workforce.persistence.accounts import AuditEntry
from workforce.services.accounts.audit_labels import ACTION_NAMES, ENTITY_NAMES
from workforce.services.context import Actor, Database

SERVICES = Path(__file__).resolve().parents[2] / "workforce" / "services"
# how a service can open a transaction that writes: the usual db.transaction(), or a session or
# connection it begins itself (db.sessions() … session.begin(), db.engine.begin())
WRITE_PATHS = {"transaction", "sessions", "begin"}
# importing them registers their scenarios
SCENARIO_MODULES = (scenarios_people, scenarios_accounts, scenarios_pay)


def _module(path: Path) -> str:
    """A service module as the scenarios name it: ``payroll.calc`` for services/payroll/calc.py."""
    return ".".join(path.relative_to(SERVICES).with_suffix("").parts)


EXEMPT_NAMES = {f"{_module(Path(file))}:{name}" for file, name in EXEMPT}


def mutating_services() -> set[str]:
    """``module:function`` for each public function of workforce/services that opens a write
    transaction (reads use ``db.reading()``)."""
    found = set()
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if any(
                isinstance(sub, ast.Attribute) and sub.attr in WRITE_PATHS for sub in ast.walk(node)
            ):
                found.add(f"{_module(path)}:{node.name}")
    return found


def test_every_mutating_service_has_a_scenario() -> None:
    found = mutating_services()
    assert len(found) > 40  # the scan sees the services at all
    assert found - EXEMPT_NAMES - set(SCENARIOS) == set(), "mutating services without a scenario"
    assert set(SCENARIOS) - found == set(), "scenarios for services that no longer exist"


def _matches(entry: AuditEntry, want: Expect) -> bool:
    if want.action not in ("*", entry.action) or want.entity not in ("*", entry.entity):
        return False
    if want.entity_id is ANY:
        if entry.entity_id is None:
            return False
    elif entry.entity_id != want.entity_id:
        return False
    for name, (old, new) in want.changes.items():
        pair = (entry.changes or {}).get(name)
        if pair is None or list(pair) != [pair[0] if old == "*" else old, new]:
            return False
    return True


@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_the_service_writes_its_audit_row(db: Database, admin: Actor, key: str) -> None:
    module, name = key.split(":")
    service = getattr(importlib.import_module(f"workforce.services.{module}"), name)
    calls: list[Actor | None] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1] if isinstance(args[1], Actor) else None)  # login takes no actor
        return service(*args, **kwargs)

    world = make_world(db, admin, people=key not in WITHOUT_PEOPLE)
    with db.reading() as session:
        start = session.scalar(select(func.max(AuditEntry.id))) or 0
    # the scenario prepares through other services first; only rows from the call itself count
    marks: list[int] = []

    def marked(*args: Any, **kwargs: Any) -> Any:
        with db.reading() as session:
            marks.append(session.scalar(select(func.max(AuditEntry.id))) or 0)
        return counted(*args, **kwargs)

    found = SCENARIOS[key](world, marked)
    wants = found if isinstance(found, tuple) else (found,)
    assert len(calls) == 1, f"the scenario must call {key} once"
    with db.reading() as session:
        logged = session.scalars(
            select(AuditEntry).where(AuditEntry.id > start).order_by(AuditEntry.id)
        ).all()
    rows = [r for r in logged if r.id > marks[0]]
    assert rows, f"{key} wrote no audit row"
    who = wants[0].actor or calls[0]
    assert who is not None, f"say which user the rows of {key} name (Expect.actor)"
    assert {(r.username, r.user_id) for r in rows} == {(who.username, who.user_id)}
    shown = [(r.action, r.entity, r.entity_id, r.changes) for r in rows]
    for want in wants:
        assert any(_matches(r, want) for r in rows), f"expected {want}, found {shown[:5]}"
    # the audit screen names every action and table in Chinese, never by its code
    unnamed = {r.action for r in rows if r.action not in ACTION_NAMES} | {
        r.entity for r in rows if r.entity not in ENTITY_NAMES
    }
    assert not unnamed, f"{key} logs codes the audit screen cannot name: {sorted(unnamed)}"
    # never a password or a hash, neither from the call nor from what prepared it
    text = repr([(r.changes, r.note) for r in logged])
    for secret in ("$argon2", *(s for want in wants for s in want.secrets)):
        assert secret not in text, f"{key} wrote a password or its hash into the audit log"
