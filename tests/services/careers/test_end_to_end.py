"""End to end through the services: a certificate's registration date decides whether the next
adjustment plan credits the qualification ladder (§4.3: credit starts at registration) and from
which month payroll pays the certificate allowance (§3: the month after registration); a renewal
takes neither away."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from tests.factories import make_worker
from tests.services.payroll_support import close, user
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.vocab import Role
from workforce.persistence.adjustment import AdjustmentItem
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.adjustment.run import prepare_run
from workforce.services.careers.certificates import (
    CertificateEntry,
    correct_registration,
    record_certificate,
    register_certificate,
)
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

TODAY = dt.date(2026, 3, 1)


def _worker(db: Database, admin: Actor, created: dt.date | None = None) -> int:
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    data = make_worker(
        community, 1, level=3, level_start_year=2025, highest_education="大专"
    )  # ladder value 0: the level reflects no qualification yet
    return create_worker(db, admin, data, today=created)


def _plan(db: Database, admin: Actor, worker: int) -> tuple[int, list[str]] | None:
    """The worker's line of a fresh 2026 plan (effective 2026-01-01): new level and rules."""
    run = prepare_run(db, admin, 2026)
    with db.reading() as session:
        item = session.scalar(
            select(AdjustmentItem).where(
                AdjustmentItem.run_id == run.run_id, AdjustmentItem.worker_id == worker
            )
        )
        if item is None or item.proposed_level == item.old_level:
            return None
        return item.proposed_level, [r["rule"] for r in item.reasons]


def test_registration_date_moves_the_ladder_credit_in_the_next_plan(
    db: Database, admin: Actor
) -> None:
    worker = _worker(db, admin)
    entry = CertificateEntry(worker, "社会工作师", "S-1", dt.date(2025, 10, 1), dt.date(2026, 2, 1))
    certificate = record_certificate(db, admin, entry, today=TODAY)
    assert _plan(db, admin, worker) is None  # registered after 2026-01-01: not yet credited

    correct_registration(
        db, admin, certificate, dt.date(2026, 2, 1), dt.date(2025, 12, 1), reason="以登记证为准"
    )
    assert _plan(db, admin, worker) == (5, ["ladder"])  # 社会工作师 = 2 ladder steps

    correct_registration(
        db, admin, certificate, dt.date(2025, 12, 1), dt.date(2026, 1, 2), reason="再次核对"
    )
    assert _plan(db, admin, worker) is None


def test_a_renewal_after_the_run_date_keeps_the_credit(db: Database, admin: Actor) -> None:
    worker = _worker(db, admin)
    entry = CertificateEntry(
        worker, "助理社会工作师", "A-1", dt.date(2022, 10, 1), dt.date(2023, 2, 1)
    )
    certificate = record_certificate(db, admin, entry, today=TODAY)
    register_certificate(db, admin, certificate, dt.date(2026, 1, 20), today=TODAY)
    assert _plan(db, admin, worker) == (4, ["ladder"])


def _allowance(db: Database, admin: Actor, worker: int, period: str) -> Decimal | None:
    """The 职业资格津贴 on the worker's payslip of the month, calculated afresh."""
    calculate_month(db, admin, period)
    with db.reading() as session:
        text = session.scalar(
            select(Payslip.lines)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(PayrollMonth.period == dt.date.fromisoformat(f"{period}-01"))
            .where(Payslip.worker_id == worker)
        )
    assert text is not None
    return next(
        (line.amount for line in lines_from_text(text) if line.name == "职业资格津贴"), None
    )


def test_registration_date_moves_the_first_month_of_the_allowance(
    db: Database, admin: Actor
) -> None:
    worker = _worker(db, admin, created=dt.date(2025, 12, 1))
    registered, corrected = dt.date(2026, 2, 10), dt.date(2026, 1, 20)
    entry = CertificateEntry(worker, "社会工作师", "S-1", dt.date(2025, 10, 1), registered)
    certificate = record_certificate(db, admin, entry, today=TODAY)
    assert _allowance(db, admin, worker, "2026-02") is None  # registered in February
    correct_registration(db, admin, certificate, registered, corrected, reason="以登记证为准")
    assert _allowance(db, admin, worker, "2026-02") == Decimal("300.00")
    correct_registration(db, admin, certificate, corrected, registered, reason="再次核对")
    assert _allowance(db, admin, worker, "2026-02") is None
    close(db, "2026-02", user(db, "shenhe", Role.APPROVER), user(db, "caiwu", Role.FINANCE))
    assert _allowance(db, admin, worker, "2026-03") == Decimal("300.00")  # the month after


def test_a_renewal_does_not_interrupt_the_allowance(db: Database, admin: Actor) -> None:
    worker = _worker(db, admin, created=dt.date(2025, 12, 1))
    entry = CertificateEntry(worker, "社会工作师", "S-1", dt.date(2022, 10, 1), dt.date(2023, 3, 1))
    certificate = record_certificate(db, admin, entry, today=TODAY)
    register_certificate(db, admin, certificate, dt.date(2026, 2, 26), today=TODAY)
    assert _allowance(db, admin, worker, "2026-02") == Decimal("300.00")
