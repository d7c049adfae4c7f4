"""补发 (§8.4): an applied adjustment run effective in a month already locked owes each of its
workers, for every locked month paid at the old level, new pay − old pay; the next payroll pays it
as one taxable line per month. Each owed month is paid once: the ``pay_arrears`` rows of other
payroll months settle it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.pay_composition import PaidMonth, arrears_lines
from workforce.domain.payroll.payslip import PayLine
from workforce.domain.payroll.payslip_codec import MonthBasis, lines_from_text
from workforce.domain.scale import ScaleVersion
from workforce.domain.vocab import WorkerStatus
from workforce.persistence.adjustment import AdjustmentItem, AdjustmentRun
from workforce.persistence.pay import PayScale
from workforce.persistence.payroll import PayArrears, PayrollMonth, Payslip
from workforce.services.adjustment.run import APPLIED
from workforce.services.payroll.guard import LOCKED
from workforce.services.scale import load_scale


@dataclass
class Arrears:
    lines: dict[int, list[PayLine]] = field(default_factory=dict)
    rows: list[dict[str, Any]] = field(default_factory=list)
    runs: set[int] = field(default_factory=set)


def applied_runs_in_force(session: Session, span: MonthSpan) -> list[int]:
    """Applied runs effective by the month's end: the month's levels follow them."""
    return list(
        session.scalars(
            select(AdjustmentRun.id)
            .where(AdjustmentRun.status == APPLIED, AdjustmentRun.effective_date <= span.last)
            .order_by(AdjustmentRun.id)
        )
    )


class ScalesByDate:
    """The scale versions closed months used, each loaded once (by effective date)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_date: dict[dt.date, ScaleVersion] = {}

    def on(self, effective: dt.date) -> ScaleVersion:
        if effective not in self.by_date:
            scale_id = self.session.scalar(
                select(PayScale.id).where(PayScale.effective_date == effective)
            )
            if scale_id is None:  # pragma: no cover - scales are never deleted
                raise LookupError(f"scale of {effective} is gone")
            self.by_date[effective] = load_scale(self.session, scale_id)
        return self.by_date[effective]


def _paid_month(period: dt.date, row: Any, basis: MonthBasis) -> PaidMonth:
    _, _, post, level, status, days, days_in_month, lines_text = row
    scale_pay = next(
        (line.amount for line in lines_from_text(lines_text) if line.code == "scale"),
        Decimal("0.00"),
    )
    share = basis.probation_share if status == WorkerStatus.PROBATION.value else None
    return PaidMonth(period, post, level, scale_pay, days, days_in_month, share)


def owed_arrears(
    session: Session, span: MonthSpan, month_id: int | None, paid_workers: set[int]
) -> Arrears:
    """The arrears lines this month pays (only to ``paid_workers``, those employed in it)."""
    result = Arrears()
    scales = ScalesByDate(session)
    runs = session.scalars(
        select(AdjustmentRun)
        .where(AdjustmentRun.status == APPLIED, AdjustmentRun.effective_date < span.first)
        .order_by(AdjustmentRun.effective_date, AdjustmentRun.id)
    ).all()
    for run in runs:
        owed_from = run.effective_date.replace(day=1)
        locked = {
            m.id: m
            for m in session.scalars(
                select(PayrollMonth).where(
                    PayrollMonth.status == LOCKED,
                    PayrollMonth.period >= owed_from,
                    PayrollMonth.period < span.first,
                )
            )
        }
        if not locked:
            continue
        changed = {
            worker_id: (old_post, old_level, new_post, new_level)
            for worker_id, old_post, old_level, new_post, new_level in session.execute(
                select(
                    AdjustmentItem.worker_id,
                    AdjustmentItem.old_post,
                    AdjustmentItem.old_level,
                    AdjustmentItem.new_post,
                    AdjustmentItem.new_level,
                ).where(AdjustmentItem.run_id == run.id, AdjustmentItem.excluded.is_(False))
            )
            if (old_post, old_level) != (new_post, new_level) and worker_id in paid_workers
        }
        if not changed:
            continue
        settled = {
            (worker_id, owed)
            for worker_id, owed in session.execute(
                select(PayArrears.worker_id, PayArrears.owed_period).where(
                    PayArrears.run_id == run.id,
                    PayArrears.paid_month_id != (month_id or 0),
                )
            )
        }
        bases = {mid: MonthBasis.from_text(m.inputs) for mid, m in locked.items()}
        paid: dict[int, list[PaidMonth]] = defaultdict(list)
        slips = session.execute(
            select(
                Payslip.month_id,
                Payslip.worker_id,
                Payslip.post,
                Payslip.level,
                Payslip.status,
                Payslip.days_employed,
                Payslip.days_in_month,
                Payslip.lines,
            ).where(
                Payslip.month_id.in_(sorted(locked)),
                Payslip.worker_id.in_(
                    select(AdjustmentItem.worker_id).where(AdjustmentItem.run_id == run.id)
                ),
            )
        )
        for row in slips:
            month_id_paid, worker_id, post, level = row[0], row[1], row[2], row[3]
            period = locked[month_id_paid].period
            change = changed.get(worker_id)
            if change is None or (post, level) != change[:2] or (worker_id, period) in settled:
                continue
            paid[worker_id].append(_paid_month(period, row, bases[month_id_paid]))
        for worker_id, months in paid.items():
            months.sort(key=lambda m: m.month)
            _, _, new_post, new_level = changed[worker_id]
            scale_for = {
                m.month: scales.on(bases[_month_id(locked, m.month)].scale_effective_date)
                for m in months
            }
            lines = arrears_lines(months, new_post, new_level, scale_for)
            if not lines:
                continue
            result.lines.setdefault(worker_id, []).extend(lines)
            result.runs.add(run.id)
            for m in months:
                new_amount = m.as_paid(scale_for[m.month].monthly_pay(new_post, new_level))
                if new_amount != m.amount:
                    result.rows.append(
                        {
                            "run_id": run.id,
                            "worker_id": worker_id,
                            "owed_period": m.month,
                            "old_amount": m.amount,
                            "new_amount": new_amount,
                            "amount": new_amount - m.amount,
                        }
                    )
    return result


def _month_id(locked: dict[int, PayrollMonth], period: dt.date) -> int:
    return next(mid for mid, m in locked.items() if m.period == period)
