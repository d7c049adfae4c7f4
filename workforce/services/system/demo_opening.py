"""The demo of a district that adopted the program mid-year (§8.6): opening figures (期初累计) for
January up to the month before the start, as the withholding client would report them had the
district paid those months elsewhere with the same rules — each month's payslip computed by the
engine from the demo's people and rates (nothing stored but the figures and the year's bases),
then the year so far by the cumulative method."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import insert, select

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import ZERO
from workforce.domain.payroll.payslip import compute_payslip, month_income
from workforce.domain.payroll.tax import MonthIncome, cumulative_withholding
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import ProgressFn, no_progress
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import ContributionBase, OpeningBalance, PayrollMonth
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.payroll.bases import OVERRIDE, base_row
from workforce.services.payroll.compute import employed_from, gather, inputs_for
from workforce.services.payroll.deductions import tax_flags

BASE_REASON = "社保经办机构核定（示例数据：年中开始使用本系统）"


def generate_opening(
    db: Database,
    actor: Actor,
    year: int,
    start_month: int,
    *,
    progress: ProgressFn = no_progress,
) -> tuple[int, Decimal]:
    """Opening figures of ``year`` through ``start_month − 1`` for everyone employed in those
    months, and the year's contribution bases as those months settled them (a district that
    joins mid-year imports them from the social insurance office: overrides); returns
    (people, Σ 累计已预缴税额). Refused when the year already has a payroll month
    or opening figures."""
    require(actor, Action.GENERATE_DEMO)
    if not 2 <= start_month <= 12:
        raise ActionRefused("开始使用的月份应为2–12月（1月开始无需期初累计）")
    through = start_month - 1
    with gc_paused(), db.transaction() as session:
        first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 1)
        if session.scalar(
            select(PayrollMonth.id).where(
                PayrollMonth.period >= first_day, PayrollMonth.period <= last_day
            )
        ):
            raise ActionRefused(f"{year}年已有工资月份，不能再生成期初累计")
        if session.scalar(select(OpeningBalance.id).where(OpeningBalance.year == year).limit(1)):
            raise ActionRefused(f"{year}年已有期初累计")
        incomes: dict[int, list[MonthIncome]] = {}
        first: dict[int, int] = {}
        bases: dict[int, dict[str, object]] = {}
        for month in range(1, through + 1):
            progress(month - 1, through + 1)
            period = dt.date(year, month, 1)
            gathered = gather(session, period, None)
            bounds = gathered.basis.month.bounds
            for worker_id, computed, _source in gathered.new_bases:
                if worker_id not in bases:  # as the first month paid settled it
                    bases[worker_id] = base_row(
                        worker_id, year, computed, bounds, OVERRIDE, actor, BASE_REASON
                    )
            memo: dict[object, MonthIncome] = {}
            for person in gathered.people:
                inputs = inputs_for(gathered, person)
                found = memo.get(inputs)
                if found is None:
                    found = memo[inputs] = month_income(compute_payslip(inputs))
                incomes.setdefault(person.worker_id, []).append(found)
                first.setdefault(person.worker_id, employed_from(person, period))
        flags = tax_flags(session, year)
        now = utc_now()
        rows = []
        withheld_total = ZERO
        for worker_id, months in incomes.items():
            first_income, low_income = flags.get(worker_id, (False, False))
            lines = cumulative_withholding(
                months,
                first_month=first[worker_id],
                first_income_of_year=first_income,
                prior_year_low_income=low_income,
            )
            last = lines[-1]
            withheld = sum((line.withholding for line in lines), ZERO)
            withheld_total += withheld
            rows.append(
                {
                    "worker_id": worker_id,
                    "year": year,
                    "through_month": through,
                    "months": through - first[worker_id] + 1,
                    "income": last.cumulative_income,
                    "exempt_income": last.cumulative_exempt_income,
                    "insurance": last.cumulative_insurance,
                    "special_deductions": last.cumulative_special_deductions,
                    "other_deductions": last.cumulative_other_deductions,
                    "withheld": withheld,
                    "basic_deduction": last.cumulative_basic_deduction,
                    "updated_by": actor.user_id,
                    "updated_at": now,
                }
            )
        if rows:
            session.execute(insert(OpeningBalance), rows)
        if bases:  # the year's bases as the social insurance office has them
            session.execute(insert(ContributionBase), list(bases.values()))
        audit.record(
            session,
            actor,
            "generate_demo",
            "payroll_opening",
            None,
            {"year": (None, year), "through": (None, through)},
            note=f"示例数据：{year}年1–{through}月期初累计{len(rows)}人，"
            f"累计已预缴税额{withheld_total:,.2f}；缴费基数{len(bases)}人",
        )
    progress(through + 1, through + 1)
    return len(rows), withheld_total
