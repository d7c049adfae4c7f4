"""One small scenario per mutating service: call it once, say which audit row it must leave.

A scenario gets a fresh ``World`` (two workers in 光明社区, an approver and a finance user) and
the service itself; it prepares what the call needs through other services, calls the service
once and returns what the audit log must now hold. The scenarios themselves live in
``scenarios_people``, ``scenarios_accounts`` and ``scenarios_pay``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.services.payroll_support import community, hire, user
from workforce.domain.vocab import Role
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import load_worker

ANY = object()  # the entity id is checked to be set, whatever its value
ANY_ACTION = ANY_ENTITY = ANY_TEXT = "*"  # any action, entity or old value
TODAY = dt.date(2026, 3, 15)
MARCH = dt.date(2026, 3, 1)
PASSING = {2023: "称职", 2024: "称职", 2025: "称职"}


@dataclass(frozen=True)
class Expect:
    """An audit row the call must leave: action, entity, id, and field → (old, new) as text.

    ``actor`` names the user the rows must carry when the service takes no actor (logging in,
    the first password); ``secrets`` are texts (passwords) that no audit row may contain."""

    action: str
    entity: str
    entity_id: object = ANY
    changes: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    actor: Actor | None = None
    secrets: tuple[str, ...] = ()


@dataclass
class World:
    db: Database
    admin: Actor
    approver: Actor
    finance: Actor
    community: int
    workers: list[int]

    def id_number(self, index: int = 0) -> str:
        return load_worker(self.db, self.workers[index]).data.id_number

    def name(self, index: int = 0) -> str:
        return load_worker(self.db, self.workers[index]).data.name


def make_world(db: Database, admin: Actor, *, people: bool = True) -> World:
    if not people:
        return World(db, admin, admin, admin, 0, [])
    unit = community(db, admin)
    workers = [hire(db, admin, unit, n, level=3, level_start_year=2023) for n in (1, 2)]
    return World(
        db,
        admin,
        user(db, "shenhe", Role.APPROVER),
        user(db, "caiwu", Role.FINANCE),
        unit,
        workers,
    )


Service = Callable[..., Any]
Scenario = Callable[[World, Service], Expect | tuple[Expect, ...]]  # one row or several
SCENARIOS: dict[str, Scenario] = {}
WITHOUT_PEOPLE = {"system.demo:generate_demo"}  # needs a database with no units or workers yet


def scenario(key: str) -> Callable[[Scenario], Scenario]:
    def register(function: Scenario) -> Scenario:
        SCENARIOS[key] = function
        return function

    return register
