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


def adopted_in(db: Database, actor: Actor, period: str) -> None:
    """The district adopted the program in ``period`` (YYYY-MM, not January): opening figures
    (期初累计) of zero through the month before, for everyone on file who joined by then, so the
    year's first calculated month is ``period`` (§8.6) with the figures it had before there was
    a month order: the year so far empty, 5,000 a month deducted from January."""
    from sqlalchemy import select

    from workforce.domain.sheet import SheetGrid
    from workforce.persistence.people import Worker
    from workforce.services.payroll.opening_import import apply_opening_import

    year, month = int(period[:4]), int(period[5:7])
    through = dt.date(year, month, 1) - dt.timedelta(days=1)
    with db.reading() as session:
        people = session.execute(
            select(Worker.id_number, Worker.name).where(Worker.community_start_date <= through)
        ).all()
    head = ("身份证号", "姓名", "所属期止", "累计收入额", "累计专项扣除", "累计专项附加扣除")
    rows = [(number, name, f"{through:%Y-%m}", 0, 0, 0) for number, name in people]
    more = ("累计其他扣除", "累计已预缴税额")
    grid = SheetGrid("期初", ((*head, *more), *((*row, 0, 0) for row in rows)), "期初.xlsx")
    apply_opening_import(db, actor, grid)
