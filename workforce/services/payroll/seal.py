"""What ``payroll verify`` checks besides re-deriving each payslip (issue 13 §7): the month's
seal (the digest taken at the lock, kept on the month and in the lock's audit entry) and the set
of people paid against who was employed in the month — a payslip deleted or added behind the
program's back, with the count and totals made to match, is found and named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.month_seal import SEALED_PAYSLIP_FIELDS, MonthTotals, month_seal
from workforce.persistence.accounts import AuditEntry
from workforce.persistence.payroll import PayrollMonth, Payslip, bulk_table
from workforce.services.payroll.compute import fen
from workforce.services.payroll.people import employed_in_month

LOCK_ACTION = "lock"
MISSING, EXTRA = "缺失", "多出"  # a payslip's absence or presence, as the verify report says


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One finding of ``verify``: a worker's figure (or the month's, ``worker_id`` None), what
    is stored and what was derived or expected."""

    worker_id: int | None
    name: str
    field: str
    stored: str
    derived: str


def sealed_rows(session: Session, month_id: int) -> list[Sequence[Any]]:
    """The month's payslips as stored: the values of ``SEALED_PAYSLIP_FIELDS``, in that order."""
    raw = bulk_table(Payslip)
    columns = [raw.c[name] for name in SEALED_PAYSLIP_FIELDS]
    return list(session.execute(select(*columns).where(raw.c.month_id == month_id)).tuples())


def seal_of(month: PayrollMonth, rows: Sequence[Sequence[Any]]) -> str:
    totals = MonthTotals(
        month.period,
        month.worker_count,
        fen(month.gross_total),
        fen(month.tax_total),
        fen(month.net_total),
        fen(month.employer_total),
    )
    return month_seal(totals, rows)


def _recorded_seal(session: Session, month_id: int) -> str | None:
    """The seal written in the audit entry of the month's lock (None: locked before seals)."""
    changes = session.scalar(
        select(AuditEntry.changes)
        .where(
            AuditEntry.entity == "payroll_month",
            AuditEntry.entity_id == month_id,
            AuditEntry.action == LOCK_ACTION,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    seal = (changes or {}).get("seal")
    return seal[1] if isinstance(seal, list) and len(seal) == 2 else None


def seal_findings(
    session: Session, month: PayrollMonth, rows: Sequence[Sequence[Any]]
) -> list[Mismatch]:
    """The seal recomputed from what is stored now against the one on the month, and the one on
    the month against the lock's audit entry. A month locked before seals existed has neither."""
    recorded = _recorded_seal(session, month.id)
    expected = month.seal or recorded
    found = []
    if recorded is not None and month.seal != recorded:
        found.append(Mismatch(None, "", "month.seal.audit", month.seal, recorded))
    if expected:
        derived = seal_of(month, rows)
        if derived != expected:
            found.append(Mismatch(None, "", "month.seal", expected, derived))
    return found


def payee_findings(session: Session, month: PayrollMonth, paid: set[int]) -> list[Mismatch]:
    """Everyone employed in the month per the worker records (as the calculation selects them)
    has a payslip, and no one else: each person missing or extra is a finding."""
    expected = {row[0]: row[1] for row in employed_in_month(session, MonthSpan.of(month.period))}
    missing = sorted(expected.keys() - paid)
    extra = sorted(paid - expected.keys())
    return [Mismatch(w, expected[w], "payslip", MISSING, "在职应发") for w in missing] + [
        Mismatch(w, "", "payslip", EXTRA, "本月不在职") for w in extra
    ]
