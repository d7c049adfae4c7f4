"""职业资格津贴 through the month calculation (§6, §8.1): paid while the registration is valid,
stopped from the month after it lapses, restarted the month after a late renewal; the stored
payslips still verify."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from tests.services.payroll_support import close, community, hire, user
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.domain.roster.worker import CertificateInput
from workforce.domain.vocab import Role
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import Certificate
from workforce.services.careers.certificates import register_certificate
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.lifecycle import verify_month

# Registered 2023-03-15: lapses 2026-03-15 (last valid day 14 March).
LAPSING = CertificateInput("社会工作师", dt.date(2022, 12, 1), dt.date(2023, 3, 15), "S-9")


def _allowance(db: Database, worker_id: int, period: str) -> Decimal | None:
    with db.reading() as session:
        lines = session.scalar(
            select(Payslip.lines)
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(
                PayrollMonth.period == dt.date.fromisoformat(period + "-01"),
                Payslip.worker_id == worker_id,
            )
        )
    assert lines is not None
    found = [line.amount for line in lines_from_text(lines) if line.code == "certificate"]
    return found[0] if found else None


def test_allowance_stops_after_the_lapse_and_restarts_after_renewal(
    db: Database, admin: Actor
) -> None:
    unit = community(db, admin)
    worker = hire(db, admin, unit, 1, LAPSING, level=3)
    approver, finance = user(db, "shenhe", Role.APPROVER), user(db, "caiwu", Role.FINANCE)
    paid = {}
    for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
        calculate_month(db, admin, month)
        paid[month] = _allowance(db, worker, month)
        close(db, month, approver, finance)
    # Valid on part of March: March is paid, April is not.
    assert paid == {
        "2026-01": Decimal("300.00"),
        "2026-02": Decimal("300.00"),
        "2026-03": Decimal("300.00"),
        "2026-04": None,
    }
    with db.reading() as session:
        certificate_id = session.scalar(
            select(Certificate.id).where(Certificate.worker_id == worker)
        )
    assert certificate_id is not None
    register_certificate(
        db, admin, certificate_id, dt.date(2026, 5, 10), today=dt.date(2026, 5, 10)
    )
    calculate_month(db, admin, "2026-05")
    assert _allowance(db, worker, "2026-05") is None  # from the month after the renewal
    close(db, "2026-05", approver, finance)
    calculate_month(db, admin, "2026-06")
    assert _allowance(db, worker, "2026-06") == Decimal("300.00")
    close(db, "2026-06", approver, finance)
    for month in ("2026-03", "2026-04", "2026-06"):
        report = verify_month(db, admin, month)
        assert report.ok, report
