"""专项附加扣除 declarations and the yearly withholding flags (§8.3), per worker.

A declaration covers months from ``from_month`` to ``to_month`` (open-ended when None); any change
that would alter an approved or locked month is refused, and calculated months it touches go back
to draft.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import to_money
from workforce.domain.problems import ActionRefused
from workforce.persistence.payroll import SpecialDeduction, TaxFlag
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import label, open_months

# Monthly ceilings of the 2023 amounts (国发〔2023〕13号); None: per child, no fixed ceiling.
KINDS: dict[str, Decimal | None] = {
    "子女教育": None,
    "婴幼儿照护": None,
    "赡养老人": Decimal("3000"),
    "继续教育": Decimal("3600"),
    "住房贷款利息": Decimal("1000"),
    "住房租金": Decimal("1500"),
}


def monthly_special_deductions(session: Session, period: dt.date) -> dict[int, Decimal]:
    """Each worker's 专项附加扣除 for the month starting ``period``."""
    rows = session.execute(
        select(SpecialDeduction.worker_id, func.sum(SpecialDeduction.monthly_amount))
        .where(
            SpecialDeduction.from_month <= period,
            or_(SpecialDeduction.to_month.is_(None), SpecialDeduction.to_month >= period),
        )
        .group_by(SpecialDeduction.worker_id)
    )
    return {worker_id: total for worker_id, total in rows}


def tax_flags(session: Session, year: int) -> dict[int, tuple[bool, bool]]:
    """Worker → (first_income_of_year, prior_year_low_income) for ``year``."""
    rows = session.execute(
        select(
            TaxFlag.worker_id, TaxFlag.first_income_of_year, TaxFlag.prior_year_low_income
        ).where(TaxFlag.year == year)
    )
    return {worker_id: (first, low) for worker_id, first, low in rows}


def _worker_name(session: Session, worker_id: int) -> str:
    name = session.scalar(select(Worker.name).where(Worker.id == worker_id))
    if name is None:
        raise ActionRefused(f"人员 {worker_id} 不存在")
    return name


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def checked_declaration(
    kind: str, monthly_amount: Decimal | int | str, from_month: dt.date, to_month: dt.date | None
) -> tuple[Decimal, dt.date, dt.date | None]:
    """A declaration's amount and first and last months (the 1st), or ``ActionRefused`` when the
    kind is unknown, the amount not above 0 or over the kind's ceiling, or the months reversed."""
    amount = to_money(monthly_amount)
    if kind not in KINDS:
        raise ActionRefused(f"专项附加扣除项目应为{'、'.join(KINDS)}之一，实为「{kind}」")
    ceiling = KINDS[kind]
    if amount <= 0 or (ceiling is not None and amount > ceiling):
        limit = f"，且不超过{ceiling}元" if ceiling is not None else ""
        raise ActionRefused(f"{kind}每月扣除额应大于0{limit}，实为{amount}元")
    first, last = _month(from_month), None if to_month is None else _month(to_month)
    if last is not None and last < first:
        raise ActionRefused("扣除的截止月份不能早于起始月份")
    return amount, first, last


def declare_deduction(
    db: Database,
    actor: Actor,
    worker_id: int,
    kind: str,
    monthly_amount: Decimal | int | str,
    from_month: dt.date,
    to_month: dt.date | None = None,
    note: str = "",
) -> int:
    """录入专项附加扣除: one declaration; returns its id."""
    require(actor, Action.EDIT_PAY_INPUTS)
    amount, first, last = checked_declaration(kind, monthly_amount, from_month, to_month)
    with db.transaction() as session:
        name = _worker_name(session, worker_id)
        open_months(
            session, actor, first, last, f"变更「{name}」的专项附加扣除", worker_id=worker_id
        )
        row = SpecialDeduction(
            worker_id=worker_id,
            kind=kind,
            monthly_amount=amount,
            from_month=first,
            to_month=last,
            note=note.strip(),
            created_by=actor.user_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "declare",
            "special_deduction",
            row.id,
            {"kind": (None, kind), "monthly_amount": (None, amount), "from_month": (None, first)}
            | ({"to_month": (None, last)} if last else {}),
            note=name,
        )
        return row.id


def end_deduction(db: Database, actor: Actor, declaration_id: int, last_month: dt.date) -> None:
    """A declaration stops after ``last_month``; the months it leaves must all be open."""
    require(actor, Action.EDIT_PAY_INPUTS)
    last = _month(last_month)
    with db.transaction() as session:
        row = session.get(SpecialDeduction, declaration_id)
        if row is None:
            raise ActionRefused(f"专项附加扣除申报 {declaration_id} 不存在")
        if last < row.from_month:
            raise ActionRefused(
                f"截止月份不能早于起始月份{label(row.from_month)}；整条作废请删除该申报"
            )
        if row.to_month is not None and last >= row.to_month:
            raise ActionRefused(f"该申报已于{label(row.to_month)}截止")
        name = _worker_name(session, row.worker_id)
        after = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        open_months(
            session,
            actor,
            after,
            row.to_month,
            f"变更「{name}」的专项附加扣除",
            worker_id=row.worker_id,
        )
        audit.record(
            session,
            actor,
            "end",
            "special_deduction",
            row.id,
            {"to_month": (row.to_month, last)},
            note=name,
        )
        row.to_month = last


def delete_deduction(db: Database, actor: Actor, declaration_id: int) -> None:
    """Remove a declaration entered by mistake; every month it covers must be open."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.transaction() as session:
        row = session.get(SpecialDeduction, declaration_id)
        if row is None:
            raise ActionRefused(f"专项附加扣除申报 {declaration_id} 不存在")
        name = _worker_name(session, row.worker_id)
        open_months(
            session,
            actor,
            row.from_month,
            row.to_month,
            f"删除「{name}」的专项附加扣除",
            worker_id=row.worker_id,
        )
        audit.record(
            session,
            actor,
            "delete",
            "special_deduction",
            row.id,
            {"kind": (row.kind, None), "monthly_amount": (row.monthly_amount, None)},
            note=name,
        )
        session.delete(row)


def set_tax_flags(
    db: Database,
    actor: Actor,
    worker_id: int,
    year: int,
    *,
    first_income_of_year: bool,
    prior_year_low_income: bool,
    note: str = "",
) -> None:
    """公告2020年第13号 (first wage income of the year) and 第19号 (last year ≤ 60,000 here)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.transaction() as session:
        name = _worker_name(session, worker_id)
        open_months(
            session,
            actor,
            dt.date(year, 1, 1),
            dt.date(year, 12, 1),
            f"变更「{name}」{year}年的个税预扣标志",
            worker_id=worker_id,
        )
        row = session.scalar(
            select(TaxFlag).where(TaxFlag.worker_id == worker_id, TaxFlag.year == year)
        )
        if row is None:
            row = TaxFlag(
                worker_id=worker_id,
                year=year,
                first_income_of_year=False,
                prior_year_low_income=False,
            )
            session.add(row)
        before = (row.first_income_of_year, row.prior_year_low_income)
        row.first_income_of_year = first_income_of_year
        row.prior_year_low_income = prior_year_low_income
        row.note = note.strip()
        session.flush()
        audit.record(
            session,
            actor,
            "set",
            "tax_flag",
            row.id,
            {
                "first_income_of_year": (before[0], first_income_of_year),
                "prior_year_low_income": (before[1], prior_year_low_income),
            },
            note=f"{name} {year}年",
        )
