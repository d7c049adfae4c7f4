"""What every payslip of a month shares (§8): the scale version, allowance amounts, 五险一金 rates
and base bounds in force, and the region's settings — read once and kept with the month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.insurance import BaseBounds, InsuranceItem, items_in_force
from workforce.domain.payroll.pay_composition import Allowances
from workforce.domain.payroll.payslip import BONUS_TREATMENTS, SEPARATE
from workforce.domain.payroll.payslip_codec import MonthBasis, sha256
from workforce.domain.payroll.work_calendar import (
    CALENDAR_DAYS,
    PRORATIONS,
    WORKING_DAYS,
    WorkCalendar,
    month_days,
    parse_calendar,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import ScaleVersion
from workforce.persistence.accounts import Setting
from workforce.persistence.pay import AllowanceRate
from workforce.persistence.payroll import InsuranceBaseBounds, InsuranceRate
from workforce.services.scale import load_scale, scale_id_in_force

PROBATION_SHARE = "probation_share"
CERTIFICATE_FROM_NEXT_MONTH = "certificate_allowance_from_next_month"
DEFAULT_PROBATION_SHARE = Decimal("0.80")
PRORATION = "proration"
"""Setting: proration of a part month, ``calendar_days`` (default) or ``working_days``."""
WORK_CALENDAR = "work_calendar"
"""Setting: the yearly 节假日安排 by year ("2026": holidays and adjusted working days)."""
ANNUAL_BONUS_TAX = "annual_bonus_tax"
"""Setting: how a 全年一次性奖金 is taxed when its item does not say (separate or merged)."""


@dataclass(frozen=True, slots=True)
class Basis:
    span: MonthSpan
    month: MonthBasis
    scale: ScaleVersion
    scale_id: int
    allowances: Allowances
    text: str
    hash: str
    bonus_default: str = SEPARATE
    calendar: WorkCalendar | None = None  # by working days: the year's 节假日安排


def setting(session: Session, key: str, default: object) -> object:
    row = session.get(Setting, key)
    return default if row is None else row.value


def insurance_items(session: Session, on: dt.date) -> tuple[InsuranceItem, ...]:
    """Each item's newest rates effective on or before ``on``, in the configured order."""
    rows = session.scalars(
        select(InsuranceRate)
        .where(InsuranceRate.effective_date <= on)
        .order_by(InsuranceRate.sort_order, InsuranceRate.code, InsuranceRate.effective_date)
    )
    items = [
        InsuranceItem(
            r.code, r.name, r.employer_rate, r.individual_rate, r.effective_date, r.rounding
        )
        for r in rows
    ]
    return tuple(items_in_force(items, on))


def bounds_in_force(session: Session, on: dt.date) -> BaseBounds | None:
    row = session.scalar(
        select(InsuranceBaseBounds)
        .where(InsuranceBaseBounds.effective_date <= on)
        .order_by(InsuranceBaseBounds.effective_date.desc())
        .limit(1)
    )
    return None if row is None else BaseBounds(row.floor, row.ceiling, row.effective_date)


def monthly_allowances(session: Session, on: dt.date) -> dict[str, Decimal]:
    """Monthly allowance amounts in force, as ``kind`` or ``kind:key`` → amount."""
    found: dict[str, tuple[dt.date, Decimal]] = {}
    rows = session.execute(
        select(
            AllowanceRate.kind,
            AllowanceRate.key,
            AllowanceRate.amount,
            AllowanceRate.effective_date,
        ).where(AllowanceRate.effective_date <= on, AllowanceRate.period == "month")
    )
    for kind, key, amount, effective in rows:
        name = f"{kind}:{key}" if key else kind
        if name not in found or effective > found[name][0]:
            found[name] = (effective, amount)
    return {name: amount for name, (_, amount) in found.items()}


def allowances_from(flat: dict[str, Decimal], from_next_month: bool) -> Allowances:
    zero = Decimal("0.00")
    return Allowances(
        certificate={
            name.split(":", 1)[1]: amount
            for name, amount in flat.items()
            if name.startswith("certificate:")
        },
        one_shoulder=flat.get("one_shoulder", zero),
        basic_performance=flat.get("basic_performance", zero),
        certificate_from_next_month=from_next_month,
    )


def probation_share(session: Session) -> Decimal:
    value = setting(session, PROBATION_SHARE, str(DEFAULT_PROBATION_SHARE))
    return Decimal(str(value))


def bonus_default(session: Session) -> str:
    """The region's default tax treatment of a 全年一次性奖金 (单独计税 unless set otherwise)."""
    value = str(setting(session, ANNUAL_BONUS_TAX, SEPARATE))
    if value not in BONUS_TREATMENTS:
        raise ActionRefused(
            f"设置 {ANNUAL_BONUS_TAX} 的值「{value}」无效，"
            "应为 separate（单独计税）或 merged（并入综合所得）"
        )
    return value


def work_calendar(session: Session, period: dt.date) -> WorkCalendar | None:
    """The year's calendar when the region prorates by working days, else None; refuses when
    the setting is unknown or the year has no 节假日安排."""
    mode = str(setting(session, PRORATION, CALENDAR_DAYS))
    if mode not in PRORATIONS:
        raise ActionRefused(
            f"设置 {PRORATION} 的值「{mode}」无效，应为 calendar_days（按日历天数）"
            "或 working_days（按工作日）"
        )
    if mode == CALENDAR_DAYS:
        return None
    years = setting(session, WORK_CALENDAR, {})
    entry = years.get(str(period.year)) if isinstance(years, dict) else None
    if not isinstance(entry, dict):
        raise ActionRefused(
            f"工资按工作日折算，但没有{period.year}年的节假日安排（设置 {WORK_CALENDAR}），"
            "请先录入国务院办公厅公布的放假调休日期"
        )
    try:
        return parse_calendar(period.year, entry)
    except ValueError as exc:
        raise ActionRefused(f"设置 {WORK_CALENDAR} 有误：{exc}") from None


def load_basis(session: Session, period: dt.date) -> Basis:
    """The month's shared inputs; refuses when the scale, rates or bounds are missing."""
    span = MonthSpan.of(period)
    scale_id = scale_id_in_force(session, span.last)
    if scale_id is None:
        raise ActionRefused(f"{span.label()}没有生效的薪酬标准，请先导入薪酬标准")
    items = insurance_items(session, span.last)
    if not items:
        raise ActionRefused(f"{span.label()}没有生效的五险一金费率，请先设置费率")
    bounds = bounds_in_force(session, span.last)
    if bounds is None:
        raise ActionRefused(f"{span.label()}没有生效的缴费基数上下限，请先设置")
    scale = load_scale(session, scale_id)
    from_next = bool(setting(session, CERTIFICATE_FROM_NEXT_MONTH, True))
    flat = monthly_allowances(session, span.last)
    calendar = work_calendar(session, span.first)
    holidays, workdays = month_days(calendar, span.first) if calendar else ([], [])
    month = MonthBasis(
        period=span.first,
        days_in_month=calendar.working_days(span.first, span.last) if calendar else span.days,
        scale_effective_date=scale.effective_date,
        insurance_items=items,
        bounds=bounds,
        allowances={name: str(amount) for name, amount in flat.items()},
        probation_share=probation_share(session),
        certificate_from_next_month=from_next,
        proration=WORKING_DAYS if calendar else CALENDAR_DAYS,
        holidays=tuple(holidays),
        workdays=tuple(workdays),
    )
    text = month.text()
    return Basis(
        span,
        month,
        scale,
        scale_id,
        allowances_from(flat, from_next),
        text,
        sha256(text),
        bonus_default(session),
        calendar,
    )
