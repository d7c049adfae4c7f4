"""The payroll month's lifecycle guard (§8.5): draft → calculated → approved → locked.

Every path that could change a month's figures asks here first. An approved or locked month
refuses; a calculated month goes back to draft (its payslips no longer match their inputs and must
be recalculated before approval). A locked month never changes.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.services.accounts import audit
from workforce.services.context import Actor

DRAFT, CALCULATED, APPROVED, LOCKED = "draft", "calculated", "approved", "locked"
STATUS_NAMES = {DRAFT: "草稿", CALCULATED: "已计算", APPROVED: "已审核", LOCKED: "已锁定"}
CLOSED = frozenset({APPROVED, LOCKED})

_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


def parse_period(text: str) -> dt.date:
    """``2026-03`` → 2026-03-01; refuses anything else (``2026-3`` too) with a message a clerk
    understands."""
    match = _PERIOD.match(text.strip())
    if match is None or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        raise ActionRefused(f"月份应写作 YYYY-MM（如 2026-03），实为「{text}」")
    return dt.date(int(match[1]), int(match[2]), 1)


def label(period: dt.date) -> str:
    return MonthSpan.of(period).label()


def find_month(
    session: Session, period: dt.date, *, for_update: bool = False
) -> PayrollMonth | None:
    query = select(PayrollMonth).where(PayrollMonth.period == period.replace(day=1))
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def get_month(session: Session, period: dt.date, *, for_update: bool = False) -> PayrollMonth:
    month = find_month(session, period, for_update=for_update)
    if month is None:
        raise ActionRefused(f"{label(period)}工资尚未计算")
    return month


def _closed_refusal(month: PayrollMonth, what: str, fix: str | None = None) -> ActionRefused:
    state = STATUS_NAMES[month.status]
    if fix is None:
        fix = "如需更正，请在以后月份录入补扣发项目" if month.status == LOCKED else "请先退回审核"
    return ActionRefused(f"{label(month.period)}工资{state}，不能{what}；{fix}")


def _months_in(session: Session, first: dt.date, last: dt.date | None) -> list[PayrollMonth]:
    """The months from ``first`` to ``last`` (open-ended when None), locked for the change."""
    query = select(PayrollMonth).where(PayrollMonth.period >= first.replace(day=1))
    if last is not None:
        query = query.where(PayrollMonth.period <= last.replace(day=1))
    return list(session.scalars(query.order_by(PayrollMonth.period).with_for_update()))


def _send_to_draft(session: Session, actor: Actor, months: list[PayrollMonth], what: str) -> None:
    for month in months:
        if month.status == CALCULATED:
            mark_draft(session, actor, month, f"{what}，须重新计算")


def open_months(
    session: Session,
    actor: Actor,
    first: dt.date,
    last: dt.date | None,
    what: str,
    *,
    worker_id: int | None = None,
) -> list[PayrollMonth]:
    """Refuse ``what`` when an approved or locked month lies in [first, last] (open-ended when
    ``last`` is None) — for one worker's inputs, only a month that paid that worker; calculated
    months in the range go back to draft. Returns those months."""
    months = _months_in(session, first, last)
    closed = [m for m in months if m.status in CLOSED]
    if closed and worker_id is not None:
        paid = set(
            session.scalars(
                select(Payslip.month_id).where(
                    Payslip.worker_id == worker_id,
                    Payslip.month_id.in_([m.id for m in closed]),
                )
            )
        )
        closed = [m for m in closed if m.id in paid]
    if closed:
        raise _closed_refusal(closed[0], what)
    stale = [m for m in months if m.status == CALCULATED]
    _send_to_draft(session, actor, stale, what)
    return stale


def in_force_until(effective: dt.date, following: dt.date | None) -> dt.date | None:
    """The last day whose month a dated version decides: a version is read on each month's last
    day, so it rules the months from its own up to the one before the next version's month."""
    return None if following is None else following.replace(day=1) - dt.timedelta(days=1)


def closed_months(
    session: Session, effective: dt.date, following: dt.date | None
) -> list[PayrollMonth]:
    """The approved or locked months a dated version would change (read only: a preview)."""
    query = select(PayrollMonth).where(
        PayrollMonth.period >= effective.replace(day=1),
        PayrollMonth.status.in_(sorted(CLOSED)),
    )
    last = in_force_until(effective, following)
    if last is not None:
        query = query.where(PayrollMonth.period <= last.replace(day=1))
    return list(session.scalars(query.order_by(PayrollMonth.period)))


def dated_change(
    session: Session,
    actor: Actor,
    effective: dt.date,
    following: dt.date | None,
    what: str,
    *,
    retroactive: bool = False,
) -> list[PayrollMonth]:
    """The one guard of every dated change (§8.6: a scale version, an allowance …) in force from
    ``effective`` until the next version dated ``following`` (None: open-ended). An approved or
    locked month it would change refuses it, unless it is made as an explicit ``retroactive``
    change: then those months are returned — they stay as paid, the caller puts the difference
    into the next open month (补发/补扣). Calculated months in the range go back to draft."""
    months = _months_in(session, effective, in_force_until(effective, following))
    closed = [m for m in months if m.status in CLOSED]
    if closed and not retroactive:
        raise _closed_refusal(
            closed[0], what, "如需补发或补扣，请按追溯调整办理，差额计入下一个未结月份"
        )
    _send_to_draft(session, actor, months, what)
    return closed


def refuse_closed_periods(session: Session, actor: Actor, periods: set[dt.date], what: str) -> None:
    """The same guard for a scattered set of months (an items import)."""
    if not periods:
        return
    months = list(
        session.scalars(
            select(PayrollMonth).where(PayrollMonth.period.in_(sorted(periods))).with_for_update()
        )
    )
    for month in months:
        if month.status in CLOSED:
            raise _closed_refusal(month, what)
    _send_to_draft(session, actor, months, what)


def mark_draft(session: Session, actor: Actor, month: PayrollMonth, note: str) -> None:
    """A calculated month whose inputs changed goes back to draft (payslips kept for the diff)."""
    if month.status == DRAFT:
        return
    audit.record(
        session,
        actor,
        "invalidate",
        "payroll_month",
        month.id,
        {"status": (month.status, DRAFT)},
        note=note,
    )
    month.status = DRAFT


def refuse_revert_of_used_run(session: Session, actor: Actor, run_id: int) -> None:
    """An adjustment run used by an approved or locked month cannot be reverted (its figures were
    paid at the run's levels or paid its arrears); calculated months that used it go to draft."""
    months = [
        m
        for m in session.scalars(select(PayrollMonth).order_by(PayrollMonth.period))
        if run_id in (m.runs or [])
    ]
    for month in months:
        if month.status in CLOSED:
            raise ActionRefused(
                f"{label(month.period)}工资（{STATUS_NAMES[month.status]}）已使用该调级批次，"
                "不能撤销；如需更正，请在以后月份处理"
            )
    for month in months:
        if month.status == CALCULATED:
            mark_draft(session, actor, month, f"调级批次{run_id}已撤销，须重新计算")
