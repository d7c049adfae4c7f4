"""Yearly contribution bases (缴费基数, §8.2): last year's average monthly gross (full months,
insurable lines only), new hires' first full month, clamped to the floor and ceiling; a clerk may
override one with a reason. A base used by an approved or locked month never changes (bases do not
change mid-year)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import round_fen, to_money
from workforce.domain.payroll.insurance import BaseBounds, clamp_base
from workforce.domain.problems import ActionRefused
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import ContributionBase, PayrollMonth, Payslip
from workforce.persistence.people import Worker
from workforce.persistence.plain import plain_rows
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.basis import bounds_in_force
from workforce.services.payroll.guard import CALCULATED, CLOSED, STATUS_NAMES, label, mark_draft

AVERAGE, NEW_HIRE, OVERRIDE = "average", "new_hire", "override"
SOURCE_NAMES = {AVERAGE: "上年月平均工资", NEW_HIRE: "新入职首个整月工资", OVERRIDE: "人工核定"}


@dataclass(frozen=True, slots=True)
class BasesReport:
    year: int
    written: int
    kept_overrides: int
    kept_in_use: int


StoredBase = tuple[int, int | None, str, str]
"""A stored base as raw figures: (base, computed) in fen, source, reason."""


def stored_base_rows(session: Session, year: int) -> dict[int, StoredBase]:
    """Worker → the stored base of ``year`` as raw figures (plain rows: no per-value typing)."""
    raw = ContributionBase.__table__.c
    rows = plain_rows(
        session,
        select(raw.worker_id, raw.base, raw.computed, raw.source, raw.reason).where(
            raw.year == year
        ),
    )
    return {row[0]: row[1:] for row in rows}


def stored_bases(session: Session, year: int) -> dict[int, tuple[Decimal, str]]:
    """Worker → (base, source) for ``year``."""
    return {
        worker_id: (Decimal(base).scaleb(-2), source)
        for worker_id, (base, _computed, source, _reason) in stored_base_rows(session, year).items()
    }


def last_year_averages(session: Session, year: int) -> dict[int, Decimal]:
    """Each worker's average insurable gross over the full months paid in ``year − 1``."""
    rows = session.execute(
        select(Payslip.worker_id, func.sum(Payslip.insurable_gross), func.count())
        .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
        .where(
            PayrollMonth.period >= dt.date(year - 1, 1, 1),
            PayrollMonth.period <= dt.date(year - 1, 12, 1),
            Payslip.days_employed == Payslip.days_in_month,
        )
        .group_by(Payslip.worker_id)
    )
    # ``sum`` keeps the column's type: the totals come back as yuan.
    return {worker_id: round_fen(total / count) for worker_id, total, count in rows}


def base_row(
    worker_id: int,
    year: int,
    computed: Decimal,
    bounds: BaseBounds,
    source: str,
    actor: Actor,
    reason: str = "",
) -> dict[str, Any]:
    return {
        "worker_id": worker_id,
        "year": year,
        "base": clamp_base(computed, bounds),
        "computed": computed,
        "source": source,
        "reason": reason,
        "updated_by": actor.user_id,
        "updated_at": utc_now(),
    }


def _in_use(session: Session, year: int, worker_ids: list[int] | None = None) -> set[int]:
    """Workers whose base of ``year`` an approved or locked month already used."""
    query = (
        select(Payslip.worker_id)
        .join(PayrollMonth, PayrollMonth.id == Payslip.month_id)
        .where(
            PayrollMonth.status.in_(sorted(CLOSED)),
            PayrollMonth.period >= dt.date(year, 1, 1),
            PayrollMonth.period <= dt.date(year, 12, 1),
        )
    )
    if worker_ids is not None:
        query = query.where(Payslip.worker_id.in_(worker_ids))
    return set(session.scalars(query.distinct()))


def _invalidate_calculated(session: Session, actor: Actor, year: int, what: str) -> None:
    for month in session.scalars(
        select(PayrollMonth).where(
            PayrollMonth.status == CALCULATED,
            PayrollMonth.period >= dt.date(year, 1, 1),
            PayrollMonth.period <= dt.date(year, 12, 1),
        )
    ):
        mark_draft(session, actor, month, what)


def compute_bases(db: Database, actor: Actor, year: int) -> BasesReport:
    """核定缴费基数: every worker paid last year gets last year's average, clamped by the bounds
    in force on 1 January. Overrides and bases already used by an approved or locked month are
    kept; new hires get theirs at their first calculation."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.transaction() as session:
        bounds = bounds_in_force(session, dt.date(year, 1, 1))
        if bounds is None:
            raise ActionRefused(f"{year}年1月1日没有生效的缴费基数上下限，请先设置")
        averages = last_year_averages(session, year)
        overrides = set(
            session.scalars(
                select(ContributionBase.worker_id).where(
                    ContributionBase.year == year, ContributionBase.source == OVERRIDE
                )
            )
        )
        in_use = _in_use(session, year)
        targets = sorted(set(averages) - overrides - in_use)
        for start in range(0, len(targets), 5000):
            chunk = targets[start : start + 5000]
            session.execute(
                delete(ContributionBase).where(
                    ContributionBase.year == year, ContributionBase.worker_id.in_(chunk)
                )
            )
        rows = [base_row(w, year, averages[w], bounds, AVERAGE, actor) for w in targets]
        if rows:
            session.execute(insert(ContributionBase), rows)
            _invalidate_calculated(session, actor, year, f"{year}年缴费基数重新核定，须重新计算")
        report = BasesReport(
            year, len(rows), len(overrides & set(averages)), len(in_use & set(averages))
        )
        audit.record(
            session,
            actor,
            "compute",
            "contribution_base",
            None,
            {"year": (None, year), "written": (None, report.written)},
            note=f"{year}年缴费基数：按上年月平均工资核定{report.written}人，"
            f"保留人工核定{report.kept_overrides}人、已用于审核或锁定工资{report.kept_in_use}人",
        )
        return report


def clamp_note(written: Decimal, bounds: BaseBounds) -> tuple[Decimal, str | None]:
    """The base a written figure gives (clamped to the floor and ceiling, §8.2) and, when it was
    outside them, the warning both ``bases set`` and ``bases import`` show."""
    base = clamp_base(written, bounds)
    if base == written:
        return base, None
    return base, (
        f"缴费基数{written:.2f}元超出{bounds.floor:.2f}–{bounds.ceiling:.2f}元，按{base:.2f}元核定"
    )


@dataclass(frozen=True, slots=True)
class BaseOverride:
    """What ``override_base`` stored: the clamped base and the warning when it was clamped."""

    base: Decimal
    warning: str | None


def override_base(
    db: Database, actor: Actor, worker_id: int, year: int, base: Decimal | int | str, reason: str
) -> BaseOverride:
    """人工核定 one worker's base for a year with a written reason; a figure outside the year's
    floor and ceiling is clamped to them with a warning, as the bases import does (§8.2)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    amount = to_money(base)
    if not reason.strip():
        raise ActionRefused("人工核定缴费基数必须填写理由")
    with db.transaction() as session:
        name = session.scalar(select(Worker.name).where(Worker.id == worker_id))
        if name is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        bounds = bounds_in_force(session, dt.date(year, 12, 31))
        if bounds is None:
            raise ActionRefused(f"{year}年没有生效的缴费基数上下限，请先设置")
        if amount < 0:
            raise ActionRefused(f"缴费基数不能为负数：{amount}元")
        clamped, warning = clamp_note(amount, bounds)
        if _in_use(session, year, [worker_id]):
            month = session.scalar(
                select(PayrollMonth)
                .join(Payslip, Payslip.month_id == PayrollMonth.id)
                .where(
                    Payslip.worker_id == worker_id,
                    PayrollMonth.status.in_(sorted(CLOSED)),
                    PayrollMonth.period >= dt.date(year, 1, 1),
                )
                .order_by(PayrollMonth.period)
                .limit(1)
            )
            assert month is not None
            raise ActionRefused(
                f"「{name}」{year}年的缴费基数已用于{label(month.period)}工资"
                f"（{STATUS_NAMES[month.status]}），年度中不能变更"
            )
        row = session.scalar(
            select(ContributionBase).where(
                ContributionBase.worker_id == worker_id, ContributionBase.year == year
            )
        )
        old = None if row is None else row.base
        if row is None:
            row = ContributionBase(worker_id=worker_id, year=year)
            session.add(row)
        row.base = clamped
        row.computed = amount
        row.source = OVERRIDE
        row.reason = reason.strip()
        row.updated_by = actor.user_id
        row.updated_at = utc_now()
        session.flush()
        _invalidate_calculated(session, actor, year, f"「{name}」缴费基数变更，须重新计算")
        audit.record(
            session,
            actor,
            "override",
            "contribution_base",
            row.id,
            {"base": (old, clamped), "source": (None, OVERRIDE)},
            note=f"{name} {year}年：{reason.strip()}" + (f"（{warning}）" if warning else ""),
        )
        return BaseOverride(clamped, warning)
