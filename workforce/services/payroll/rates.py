"""费率与基数上下限 (§8.2): the 五险一金 rates and the contribution base floor and ceiling as dated
versions — what is in force on a date, the history, and a new version from an effective date.

A version applies to every month whose last day falls on or after its date, until the item's next
version. A new version (or a correction of one) is refused when any month it would change is
already calculated, approved or locked: those months keep the figures they were computed from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.rate_settings import (
    ITEM_NAMES,
    ROUNDING_NAMES,
    check_bounds,
    check_rate,
    item_code,
    percent,
    rounding_code,
)
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import InsuranceBaseBounds, InsuranceRate, PayrollMonth
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import DRAFT, STATUS_NAMES


@dataclass(frozen=True, slots=True)
class RateVersion:
    """One item's rates from ``effective_date`` (养老 16% / 8%, rounded to the fen …)."""

    code: str
    name: str
    employer_rate: Decimal
    individual_rate: Decimal
    rounding: str
    effective_date: dt.date
    note: str = ""


@dataclass(frozen=True, slots=True)
class BoundsVersion:
    """缴费基数上下限 from ``effective_date``."""

    floor: Decimal
    ceiling: Decimal
    effective_date: dt.date
    note: str = ""


def _rate(row: InsuranceRate) -> RateVersion:
    return RateVersion(
        row.code,
        row.name,
        row.employer_rate,
        row.individual_rate,
        row.rounding,
        row.effective_date,
        row.note,
    )


def _bounds(row: InsuranceBaseBounds) -> BoundsVersion:
    return BoundsVersion(row.floor, row.ceiling, row.effective_date, row.note)


def _all_rates(session: Session) -> list[InsuranceRate]:
    return list(
        session.scalars(
            select(InsuranceRate).order_by(
                InsuranceRate.sort_order, InsuranceRate.code, InsuranceRate.effective_date
            )
        )
    )


def rates_in_force(db: Database, on: dt.date) -> list[RateVersion]:
    """For each item, the newest version effective on or before ``on``, in the configured order."""
    with db.reading() as session:
        found: dict[str, RateVersion] = {}
        for row in _all_rates(session):
            if row.effective_date <= on:
                found[row.code] = _rate(row)  # oldest first: later versions replace earlier
        return list(found.values())


def rate_history(db: Database, item: str | None = None) -> list[RateVersion]:
    """Every version, item by item (configured order), oldest first; one item when named."""
    code = item_code(item) if item else None
    with db.reading() as session:
        return [_rate(r) for r in _all_rates(session) if code is None or r.code == code]


def bounds_in_force(db: Database, on: dt.date) -> BoundsVersion | None:
    with db.reading() as session:
        row = session.scalar(
            select(InsuranceBaseBounds)
            .where(InsuranceBaseBounds.effective_date <= on)
            .order_by(InsuranceBaseBounds.effective_date.desc())
            .limit(1)
        )
        return None if row is None else _bounds(row)


def bounds_history(db: Database) -> list[BoundsVersion]:
    with db.reading() as session:
        rows = session.scalars(
            select(InsuranceBaseBounds).order_by(InsuranceBaseBounds.effective_date)
        )
        return [_bounds(r) for r in rows]


def _refuse_if_months_used(
    session: Session, what: str, effective: dt.date, until: dt.date | None
) -> None:
    """Refuse when a month from ``effective`` up to the next version (``until``) is no longer a
    draft: the new version would change figures that are calculated, approved or paid."""
    query = (
        select(PayrollMonth)
        .where(
            PayrollMonth.period >= effective.replace(day=1),
            PayrollMonth.status != DRAFT,
        )
        .order_by(PayrollMonth.period)
        .limit(1)
    )
    if until is not None:
        query = query.where(PayrollMonth.period < until.replace(day=1))
    month = session.scalar(query)
    if month is not None:
        name = MonthSpan.of(month.period).label()
        raise ActionRefused(
            f"{name}工资已{STATUS_NAMES[month.status].removeprefix('已')}，"
            f"按{effective:%Y-%m-%d}起的{what}计算会改变该月；"
            f"请把生效日期定在{name}之后的月份（已锁定的月份只能在以后月份补扣发）"
        )


def set_rate(
    db: Database,
    actor: Actor,
    item: str,
    employer_rate: Decimal,
    individual_rate: Decimal,
    effective_date: dt.date,
    rounding: str | None = None,
    note: str = "",
) -> RateVersion:
    """调整费率: a new version of one item from ``effective_date``; at the date of an existing
    version it corrects that version (allowed only while no calculated month used it). Rounding
    defaults to the item's current policy (to the fen for a new item)."""
    require(actor, Action.EDIT_CONFIGURATION)
    code = item_code(item)
    employer = check_rate(employer_rate, "单位费率")
    individual = check_rate(individual_rate, "个人费率")
    with db.transaction() as session:
        versions = [r for r in _all_rates(session) if r.code == code]
        same = next((r for r in versions if r.effective_date == effective_date), None)
        before = [r for r in versions if r.effective_date <= effective_date]
        after = [r for r in versions if r.effective_date > effective_date]
        previous = before[-1] if before else (versions[0] if versions else None)
        policy = rounding_code(rounding) if rounding else (previous.rounding if previous else "fen")
        name = previous.name if previous else ITEM_NAMES[code]
        _refuse_if_months_used(
            session, f"{name}费率", effective_date, after[0].effective_date if after else None
        )
        summary = (
            f"{name}费率自{effective_date:%Y-%m-%d}起：单位 {percent(employer)}、"
            f"个人 {percent(individual)}，{ROUNDING_NAMES[policy]}"
        )
        if same is not None:
            changes = {
                "employer_rate": (same.employer_rate, employer),
                "individual_rate": (same.individual_rate, individual),
                "rounding": (same.rounding, policy),
                "note": (same.note, note or same.note),
            }
            same.employer_rate, same.individual_rate, same.rounding = employer, individual, policy
            same.note = note or same.note
            audit.record(
                session, actor, "update", "insurance_rate", same.id,
                {k: v for k, v in changes.items() if v[0] != v[1]},
                note=f"更正{summary}",
            )  # fmt: skip
            return _rate(same)
        orders = [r.sort_order for r in _all_rates(session)]
        order = previous.sort_order if previous else max(orders, default=-1) + 1  # listed last
        row = InsuranceRate(
            code=code,
            name=name,
            employer_rate=employer,
            individual_rate=individual,
            rounding=policy,
            effective_date=effective_date,
            sort_order=order,
            note=note,
        )
        session.add(row)
        session.flush()
        old = before[-1] if before else None
        audit.record(
            session,
            actor,
            "create",
            "insurance_rate",
            row.id,
            {
                "code": (None, code),
                "employer_rate": (old.employer_rate if old else None, employer),
                "individual_rate": (old.individual_rate if old else None, individual),
                "rounding": (old.rounding if old else None, policy),
                "effective_date": (None, effective_date),
            },
            note=summary,
        )
        return _rate(row)


def set_bounds(
    db: Database,
    actor: Actor,
    floor: Decimal,
    ceiling: Decimal,
    effective_date: dt.date,
    note: str = "",
) -> BoundsVersion:
    """调整缴费基数上下限 from ``effective_date`` (a correction at an existing version's date)."""
    require(actor, Action.EDIT_CONFIGURATION)
    low, high = check_bounds(floor, ceiling)
    with db.transaction() as session:
        rows = list(
            session.scalars(
                select(InsuranceBaseBounds).order_by(InsuranceBaseBounds.effective_date)
            )
        )
        same = next((r for r in rows if r.effective_date == effective_date), None)
        before = [r for r in rows if r.effective_date < effective_date]
        after = [r for r in rows if r.effective_date > effective_date]
        _refuse_if_months_used(
            session, "缴费基数上下限", effective_date, after[0].effective_date if after else None
        )
        summary = f"缴费基数上下限自{effective_date:%Y-%m-%d}起：{low}–{high}"
        if same is not None:
            changes = {"floor": (same.floor, low), "ceiling": (same.ceiling, high)}
            same.floor, same.ceiling = low, high
            same.note = note or same.note
            audit.record(
                session, actor, "update", "insurance_base_bounds", same.id,
                {k: v for k, v in changes.items() if v[0] != v[1]},
                note=f"更正{summary}",
            )  # fmt: skip
            return _bounds(same)
        row = InsuranceBaseBounds(floor=low, ceiling=high, effective_date=effective_date, note=note)
        session.add(row)
        session.flush()
        old = before[-1] if before else None
        audit.record(
            session,
            actor,
            "create",
            "insurance_base_bounds",
            row.id,
            {
                "floor": (old.floor if old else None, low),
                "ceiling": (old.ceiling if old else None, high),
                "effective_date": (None, effective_date),
            },
            note=summary,
        )
        return _bounds(row)
