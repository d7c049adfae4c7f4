"""撤销计算 (§8.6): a calculated month that has not been approved can be thrown away — its payslips
and the arrears it paid are removed and the month is as if never calculated. An approved month is
returned first; a locked month never changes. The contribution bases the calculation settled stay
(the next calculation settles them again). Audited with the month's totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import PayArrears, PayrollMonth, Payslip
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import (
    APPROVED,
    LOCKED,
    STATUS_NAMES,
    find_month,
    label,
    parse_period,
)

DISCARD_ACTION = "discard_calculation"


@dataclass(frozen=True, slots=True)
class MonthTotals:
    """What a discard removes: the month's status, count and totals (shown to be confirmed)."""

    period: dt.date
    status: str
    workers: int
    gross: Decimal
    tax: Decimal
    net: Decimal
    version: int

    def describe(self) -> str:
        return (
            f"{label(self.period)}工资（{STATUS_NAMES[self.status]}）：{self.workers}人，"
            f"应发合计 {self.gross:,.2f}，个税 {self.tax:,.2f}，实发合计 {self.net:,.2f}"
        )


def _as_period(period: str | dt.date) -> dt.date:
    return parse_period(period) if isinstance(period, str) else period.replace(day=1)


def _refusal(month: PayrollMonth | None, period: dt.date) -> ActionRefused | None:
    if month is None:
        return ActionRefused(f"{label(period)}工资尚未计算，无需撤销")
    if month.status == LOCKED:
        return ActionRefused(
            f"{label(period)}工资已锁定，不能撤销；如需更正，请在以后月份录入补扣发项目"
        )
    if month.status == APPROVED:
        return ActionRefused(f"{label(period)}工资已审核，不能撤销；请先退回审核")
    return None


def _totals(month: PayrollMonth) -> MonthTotals:
    return MonthTotals(
        month.period,
        month.status,
        month.worker_count,
        month.gross_total,
        month.tax_total,
        month.net_total,
        month.version,
    )


def discard_preview(db: Database, actor: Actor, period: str | dt.date) -> MonthTotals:
    """What ``discard_month`` would remove; refuses as it would."""
    require(actor, Action.CALCULATE_PAYROLL)
    first = _as_period(period)
    with db.reading() as session:
        month = find_month(session, first)
        if (refusal := _refusal(month, first)) is not None:
            raise refusal
        assert month is not None
        return _totals(month)


def discard_month(
    db: Database, actor: Actor, period: str | dt.date, *, expected_version: int | None = None
) -> MonthTotals:
    """撤销计算: remove a calculated (or draft) month that has not been approved, audited with
    its totals. ``expected_version`` (from the preview the clerk confirmed) refuses when someone
    else acted on the month in between."""
    require(actor, Action.CALCULATE_PAYROLL)
    first = _as_period(period)
    with db.transaction() as session:
        month = find_month(session, first, for_update=True)
        if (refusal := _refusal(month, first)) is not None:
            raise refusal
        assert month is not None
        if expected_version is not None and month.version != expected_version:
            raise ActionRefused(f"{label(first)}工资已被他人处理，请刷新后再操作")
        totals = _totals(month)
        session.execute(delete(PayArrears).where(PayArrears.paid_month_id == month.id))
        session.execute(delete(Payslip).where(Payslip.month_id == month.id))
        audit.record(
            session,
            actor,
            DISCARD_ACTION,
            "payroll_month",
            month.id,
            {
                "status": (month.status, None),
                "worker_count": (month.worker_count, None),
                "net_total": (month.net_total, None),
            },
            note=f"撤销计算：{totals.describe()}",
        )
        session.delete(month)
        return totals
