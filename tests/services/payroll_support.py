"""Shared set-up for the payroll service tests: people, users and closing a month."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factories import make_worker
from workforce.domain.roster.worker import CertificateInput
from workforce.domain.vocab import Role
from workforce.persistence.accounts import User
from workforce.services.context import Actor, Database
from workforce.services.payroll.lifecycle import approve_month, lock_month
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

CREATED = dt.date(2025, 12, 1)  # files are created before the months paid in the tests


def community(db: Database, actor: Actor, street: str = "新华街道", name: str = "光明社区") -> int:
    with db.transaction() as session:
        resolver = UnitResolver(session, actor, default_district_id(session))
        return resolver.resolve(street, name, None)[0]


def user(db: Database, username: str, role: Role) -> Actor:
    with db.transaction() as session:
        row = User(username=username, display_name=username, role=role.value)
        session.add(row)
        session.flush()
        return Actor(row.id, row.username, role)


def hire(
    db: Database,
    actor: Actor,
    community_id: int,
    sequence: int,
    certificate: CertificateInput | None = None,
    *,
    created: dt.date = CREATED,
    **overrides: Any,
) -> int:
    return create_worker(
        db, actor, make_worker(community_id, sequence, **overrides), certificate, today=created
    )


def close(db: Database, period: str, approver: Actor, finance: Actor) -> None:
    """Approve (second user) and lock a calculated month."""
    approve_month(db, approver, period)
    lock_month(db, finance, period)


# Registered in 2024: valid through the 2026 months the tests pay (a registration lapses after
# 3 years and the allowance with it).
ASSISTANT = CertificateInput("助理社会工作师", dt.date(2023, 10, 1), dt.date(2024, 3, 5), "A-1")
