"""One worker's pay month by month (the 工资 tab of the worker's file): each calculated month's
应发, 扣款 (个人五险一金 and the after-tax deductions, summarised by line), 个税, 实发 and the
month's status, newest first, as stored (never recomputed). The tax explanation of a month is
``screens.slip_detail``, the same drill-down the payroll review shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import ZERO
from workforce.domain.payroll.payslip_codec import lines_from_text
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import STATUS_NAMES
from workforce.services.payroll.slips import carry_lines
from workforce.services.roster.scope import require_worker_in_scope

INSURANCE_LINE = "个人五险一金"


@dataclass(frozen=True, slots=True)
class PayMonth:
    """One month of one worker's pay. ``deductions`` = 个人五险一金 + the after-tax lines (the
    income tax is its own column); ``deduction_lines`` name them with their amounts."""

    period: dt.date
    gross: Decimal
    deductions: Decimal
    deduction_lines: tuple[tuple[str, Decimal], ...]
    tax: Decimal
    net: Decimal
    status: str  # 草稿, 已计算, 已审核, 已锁定


def _deduction_lines(
    insurance: Decimal, lines_text: str, owed_in: Decimal, owed_out: Decimal
) -> tuple[tuple[str, Decimal], ...]:
    """As the 工资条 lists them: 五险一金, the after-tax lines, then 上月欠扣 and −欠扣转下月."""
    lines: list[tuple[str, Decimal]] = []
    if insurance:
        lines.append((INSURANCE_LINE, insurance))
    after = (line for line in lines_from_text(lines_text) if line.after_tax)
    lines.extend((line.name, -line.amount) for line in after)
    return (*lines, *carry_lines(owed_in, owed_out))


def worker_pay_months(db: Database, actor: Actor, worker_id: int) -> tuple[PayMonth, ...]:
    """The worker's payslips of every month calculated here, newest first. Refused outside the
    actor's scope, as the payroll review is."""
    require(actor, Action.EXPORT_PAYROLL)
    with db.reading() as session:
        require_worker_in_scope(session, actor, worker_id)
        fetched = session.execute(
            select(
                PayrollMonth.period,
                PayrollMonth.status,
                Payslip.gross,
                Payslip.insurance,
                Payslip.tax,
                Payslip.net,
                Payslip.lines,
                Payslip.owed_in,
                Payslip.owed_out,
            )
            .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
            .where(Payslip.worker_id == worker_id)
            .order_by(PayrollMonth.period.desc())
        ).all()
    months = []
    for period, status, gross, insurance, tax, net, lines, owed_in, owed_out in fetched:
        parts = _deduction_lines(insurance, lines, owed_in, owed_out)
        total = sum((amount for _, amount in parts), ZERO)
        months.append(
            PayMonth(period, gross, total, parts, tax, net, STATUS_NAMES.get(status, status))
        )
    return tuple(months)
