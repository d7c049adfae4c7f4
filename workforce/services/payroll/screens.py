"""Read models for the desktop payroll month screen (§8.5): the month's status, one review row per
worker and one worker's payslip drill-down. Core reads only, amounts as stored (never
recomputed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.opening_sheet import OpeningFigures
from workforce.domain.payroll.payslip_codec import decode_contributions, lines_from_text
from workforce.domain.problems import ActionRefused, Problem
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import Payslip, bulk_table
from workforce.persistence.people import Worker
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deduction_checks import month_warnings
from workforce.services.payroll.guard import LOCKED, find_month, label
from workforce.services.payroll.opening import opening_of
from workforce.services.payroll.paid_as import who
from workforce.services.payroll.slips import TAX_FIGURES as SLIP_FIGURES
from workforce.services.payroll.views import MonthHeader, month_header, placed, yuan
from workforce.services.roster.scope import require_in_scope, scope_units

# The slip's cumulative withholding figures; 税率 and the separate bonus are fields of their own.
TAX_FIGURES = tuple(
    (key, title)
    for key, title in SLIP_FIGURES
    if key not in {"tax_rate", "bonus_income", "bonus_tax"}
)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    worker_id: int
    id_number: str  # for the items a clerk enters for selected workers (not shown)
    street: str
    community: str
    name: str
    gross: Decimal
    insurance: Decimal
    tax: Decimal
    net: Decimal


@dataclass(frozen=True, slots=True)
class MonthReview:
    """The month's header (``None`` before its first calculation), its payslips and the
    warnings on them (a deduction line larger than the gross, §10)."""

    period: dt.date
    header: MonthHeader | None
    version: int | None
    rows: tuple[ReviewRow, ...]
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class SlipLine:
    name: str
    amount: Decimal
    taxable: bool
    insurable: bool
    after_tax: bool


@dataclass(frozen=True, slots=True)
class SlipContribution:
    name: str
    base: Decimal
    individual: Decimal
    employer: Decimal


@dataclass(frozen=True, slots=True)
class SlipDetail:
    """One worker's month: the pay lines, 五险一金 and the cumulative withholding figures (税率 a
    fraction; the rest in yuan), so a clerk can answer "why did my tax change"."""

    name: str
    period: dt.date
    days_employed: int
    days_in_month: int
    lines: tuple[SlipLine, ...]
    contributions: tuple[SlipContribution, ...]
    gross: Decimal
    insurance: Decimal
    special_deductions: Decimal
    tax: Decimal
    after_tax: Decimal
    net: Decimal
    tax_rate: Decimal
    tax_figures: tuple[tuple[str, Decimal], ...]
    bonus_income: Decimal = Decimal("0.00")  # 全年一次性奖金 taxed separately this month
    bonus_tax: Decimal = Decimal("0.00")  # its tax (monthly table on bonus ÷ 12), in ``tax``
    opening: OpeningFigures | None = None
    """期初累计 (§8.6) the year's cumulative figures began from, when the year began outside."""
    owed_in: Decimal = Decimal("0.00")  # 上月欠扣 deducted this month (§8.6)
    owed_out: Decimal = Decimal("0.00")  # 欠扣转下月: what this month's pay could not cover


def month_review(db: Database, actor: Actor, period: dt.date) -> MonthReview:
    """The month as the review table shows it, in street, community and worker order."""
    require(actor, Action.EXPORT_PAYROLL)
    raw = bulk_table(Payslip)
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    with db.reading() as session:
        month = find_month(session, period)
        if month is None:
            return MonthReview(period, None, None, ())
        header = month_header(session, month)
        units = scope_units(session, actor)  # a scoped user reviews only their subtree
        query = select(
            raw.c.worker_id,
            *who(raw, street, community, month.status == LOCKED)[:3],
            Worker.id_number,  # today's: the items entered for selected workers find them by it
            raw.c.gross,
            raw.c.insurance,
            raw.c.tax,
            raw.c.net,
        ).where(raw.c.month_id == month.id)
        query = placed(query, raw, street, community)
        if units is not None:
            query = query.where(raw.c.community_id.in_(sorted(units)))
        fetched = session.execute(query).all()
        warnings = month_warnings(session, month.id, units)
        version = month.version
    rows = tuple(
        ReviewRow(r[0], r[4], r[1], r[2], r[3], *(yuan(v) for v in r[5:9])) for r in fetched
    )
    return MonthReview(period, header, version, rows, warnings)


def slip_detail(db: Database, actor: Actor, period: dt.date, worker_id: int) -> SlipDetail:
    """The drill-down of one worker's stored payslip of the month."""
    require(actor, Action.EXPORT_PAYROLL)
    with db.reading() as session:
        month = find_month(session, period)
        slip = (
            None
            if month is None
            else session.scalar(
                select(Payslip).where(Payslip.month_id == month.id, Payslip.worker_id == worker_id)
            )
        )
        if slip is None:
            raise ActionRefused(f"{label(period)}没有该职工的工资条")
        name = session.scalar(select(Worker.name).where(Worker.id == worker_id)) or ""
        if month is not None and month.status == LOCKED:
            name = slip.name  # as paid (§8.6)
        require_in_scope(session, actor, slip.community_id, name)
        figures = tuple((title, getattr(slip, key)) for key, title in TAX_FIGURES)
        opening = opening_of(session, worker_id, period)
        return SlipDetail(
            name,
            period,
            slip.days_employed,
            slip.days_in_month,
            tuple(
                SlipLine(li.name, li.amount, li.taxable, li.insurable, li.after_tax)
                for li in lines_from_text(slip.lines)
            ),
            tuple(
                SlipContribution(c.name, c.base, c.individual, c.employer)
                for c in decode_contributions(slip.contributions)
            ),
            slip.gross,
            slip.insurance,
            slip.special_deductions,
            slip.tax,
            slip.after_tax,
            slip.net,
            slip.tax_rate,
            figures,
            slip.bonus_income,
            slip.bonus_tax,
            opening,
            slip.owed_in,
            slip.owed_out,
        )
