"""Read models for the pay slips (工资条) of a calculated month and the yearly per-worker tax
summary (§8.3, §9): Core rows, a fixed number of queries, amounts from the stored payslips
(never recomputed); a month's repeated line and contribution texts are decoded once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.idcard import mask_id_number
from workforce.domain.money import ZERO
from workforce.domain.payroll.payslip_codec import MonthBasis, decode_contributions, lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import Setting
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayrollMonth, Payslip, bulk_table
from workforce.persistence.people import Worker
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import CALCULATED, DRAFT, LOCKED, STATUS_NAMES
from workforce.services.payroll.opening import (
    first_month_here,
    joined_dates,
    stored_figures,
    year_through,
)
from workforce.services.payroll.paid_as import who
from workforce.services.payroll.views import (
    DRAFT_MARK,
    MonthHeader,
    _readable_month,
    in_units,
    month_header,
    placed,
    yuan,
)
from workforce.services.roster.scope import scope_units
from workforce.services.scale import posts_in_force

Amount = tuple[str, Decimal]  # (what, yuan)

TAX_FIGURES = (
    ("cum_income", "累计收入"),
    ("cum_exempt", "累计免税收入"),
    ("cum_basic", "累计减除费用"),
    ("cum_insurance", "累计专项扣除"),
    ("cum_special", "累计专项附加扣除"),
    ("cum_other", "累计其他扣除"),
    ("cum_taxable", "累计应纳税所得额"),
    ("tax_rate", "税率"),
    ("quick_deduction", "速算扣除数"),
    ("cum_tax", "累计应纳税额"),
    ("withheld_before", "累计已预缴税额"),
    ("bonus_income", "单独计税奖金"),  # 全年一次性奖金 taxed separately (short: a strip's cell)
    ("bonus_tax", "奖金个税"),
)
BONUS_TAX_AT = [key for key, _ in TAX_FIGURES].index("bonus_tax")
# Shown only when not zero (a separately taxed bonus is paid once a year at most).
OPTIONAL_FIGURES = frozenset({"cum_exempt", "cum_other", "bonus_income", "bonus_tax"})


@dataclass(frozen=True, slots=True)
class Slip:
    """One worker's 工资条: Σ earnings = gross; deductions = Σ insurance + tax + Σ after_tax
    (with the carry lines 上月欠扣 and −欠扣转下月, §8.6); net = gross − deductions ≥ 0.
    ``tax`` is all the income tax withheld, ``bonus_tax`` the part of it on a 全年一次性奖金
    taxed separately. ``tax_figures`` are the month's cumulative
    withholding figures, then the separate bonus and its tax when paid (税率 as a fraction, the
    rest in yuan)."""

    name: str
    id_number: str
    street: str
    community: str
    post: str
    level: int
    status: str
    earnings: tuple[Amount, ...]
    gross: Decimal
    insurance: tuple[Amount, ...]
    tax: Decimal
    after_tax: tuple[Amount, ...]  # 税后扣款, as positive amounts
    deductions: Decimal
    net: Decimal
    tax_figures: tuple[Amount, ...]
    bonus_tax: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class SlipsView:
    header: MonthHeader
    unit: str  # the street or community asked for, or "" for all
    slips: tuple[Slip, ...]


OWED_IN, OWED_OUT = "上月欠扣", "欠扣转下月"


def carry_lines(owed_in: Decimal, owed_out: Decimal) -> tuple[Amount, ...]:
    """The slip's carry lines (§8.6), among the after-tax deductions: 上月欠扣 deducted, and
    欠扣转下月 (what this month's pay could not cover) as a negative deduction."""
    lines: list[Amount] = []
    if owed_in:
        lines.append((OWED_IN, owed_in))
    if owed_out:
        lines.append((OWED_OUT, -owed_out))
    return tuple(lines)


def _figures(values: tuple[int, ...]) -> tuple[Amount, ...]:
    shown = []
    for (key, title), value in zip(TAX_FIGURES, values, strict=True):
        if key in OPTIONAL_FIGURES and not value:
            continue
        shown.append((title, Decimal(value).scaleb(-2)))
    return tuple(shown)


def payslips_view(
    db: Database,
    actor: Actor,
    period: dt.date,
    *,
    unit: str = "",
    masked: bool = True,
    worker_ids: Collection[int] | None = None,
) -> SlipsView:
    """工资条 of a calculated month, in street, community and worker order; ``unit`` keeps one
    street or community (by name), ``worker_ids`` the workers chosen on a screen."""
    raw = bulk_table(Payslip)
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    with db.reading() as session:
        month = _readable_month(session, actor, period)
        header = month_header(session, month)
        basis = MonthBasis.from_text(month.inputs)
        post_names = {p.code: p.name for p in posts_in_force(session, period)}
        street_name, community_name, name, id_number = who(
            raw, street, community, month.status == LOCKED
        )
        query = select(
            name,
            id_number,
            street_name,
            community_name,
            raw.c.post,
            raw.c.level,
            raw.c.status,
            raw.c.gross,
            raw.c.insurance,
            raw.c.tax,
            raw.c.after_tax,
            raw.c.net,
            raw.c.lines,
            raw.c.contributions,
            raw.c.owed_in,
            raw.c.owed_out,
            *(raw.c[key] for key, _ in TAX_FIGURES),
        ).where(
            raw.c.month_id == month.id,
            in_units(raw.c.community_id, scope_units(session, actor)),
        )
        query = placed(query, raw, street, community)
        if unit:
            named = (street.name, community.name, raw.c.street_name, raw.c.community_name)
            query = query.where(or_(*(column == unit for column in named)))
        fetched = session.execute(query.add_columns(raw.c.worker_id)).all()
    if unit and not fetched:
        raise ActionRefused(f"{header.label}工资中没有「{unit}」街道或社区的人员")
    items = [i for i in basis.insurance_items if i.individual_rate > 0]
    lines_memo: dict[str, tuple[tuple[Amount, ...], tuple[Amount, ...]]] = {}
    parts_memo: dict[str, dict[str, Decimal]] = {}
    slips = []
    wanted = None if worker_ids is None else frozenset(worker_ids)  # any number: no IN list
    for row in fetched:
        if wanted is not None and row[-1] not in wanted:
            continue
        name, id_number, street_name, community_name, post, level, status = row[:7]
        gross, insurance, tax, after_tax, net = (yuan(v) for v in row[7:12])
        owed_in, owed_out = yuan(row[14]), yuan(row[15])
        lines = lines_memo.get(row[12])
        if lines is None:
            decoded = lines_from_text(row[12])
            lines = (
                tuple((line.name, line.amount) for line in decoded if not line.after_tax),
                tuple((line.name, -line.amount) for line in decoded if line.after_tax),
            )
            lines_memo[row[12]] = lines
        parts = parts_memo.get(row[13])
        if parts is None:
            parts = {p.code: p.individual for p in decode_contributions(row[13])}
            parts_memo[row[13]] = parts
        individual = [(i.name, parts.get(i.code, ZERO)) for i in items]
        rest = insurance - sum((amount for _, amount in individual), ZERO)
        if rest:  # 工伤, 生育 where charged to the individual
            individual.append(("其他社保", rest))
        slips.append(
            Slip(
                name,
                mask_id_number(id_number) if masked else id_number,
                street_name,
                community_name,
                post_names.get(post, post),
                level,
                status,
                lines[0],
                gross,
                tuple(individual),
                tax,
                lines[1] + carry_lines(owed_in, owed_out),
                insurance + tax + after_tax + owed_in - owed_out,
                net,
                _figures(tuple(row[16:-1])),
                yuan(row[16 + BONUS_TAX_AT]),
            )
        )
    if not masked:  # the choice to show full ID numbers is recorded
        record_full_numbers(db, actor, f"{period:%Y-%m}工资条")
    return SlipsView(header, unit, tuple(slips))


@dataclass(frozen=True, slots=True)
class TaxMonth:
    """One month's withholding figures of a worker: 本期收入 (wage income: gross without a bonus
    taxed separately), 免税收入, 专项扣除 (individual 三险一金), 专项附加扣除, 累计应纳税所得额
    as of the month, 本月预扣税额 (cumulative withholding), and the 全年一次性奖金 taxed
    separately with its tax."""

    month: int
    income: Decimal
    exempt: Decimal
    insurance: Decimal
    special: Decimal
    cum_taxable: Decimal
    withholding: Decimal
    bonus_income: Decimal = ZERO
    bonus_tax: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class TaxOpening:
    """期初累计: the months ``first``–``through`` paid before the program, as the withholding
    client's figures gave them (§8.6): 收入, 免税收入, 专项扣除, 专项附加扣除 and 已预缴税额, named
    as ``TaxMonth``'s so the year's totals add them."""

    first: int
    through: int
    income: Decimal
    exempt: Decimal
    insurance: Decimal
    special: Decimal
    withholding: Decimal


@dataclass(frozen=True, slots=True)
class WorkerTaxYear:
    name: str
    id_number: str
    street: str
    community: str  # of the worker's last payslip in the year
    months: tuple[TaxMonth, ...]  # in month order, only months paid
    opening: TaxOpening | None = None  # the months before the program, when it began mid-year

    def total(self, field: str) -> Decimal:
        """The year's total of a ``TaxMonth`` field, the opening figures included."""
        before = getattr(self.opening, field, ZERO) if self.opening is not None else ZERO
        return sum((getattr(m, field) for m in self.months), before)

    @property
    def cum_taxable(self) -> Decimal:
        return self.months[-1].cum_taxable if self.months else ZERO


@dataclass(frozen=True, slots=True)
class TaxSummaryView:
    year: int
    region: str
    months: tuple[tuple[int, str], ...]  # (month, status name) of the months included
    skipped: tuple[int, ...]  # draft months: their payslips are stale, left out
    workers: tuple[WorkerTaxYear, ...]
    opening_through: int | None = None  # 所属期止 of the year's opening figures (期初累计)

    @property
    def mark(self) -> str:
        """草稿（未审核） when a month it includes is not yet approved (§8.6), else ""."""
        unapproved = STATUS_NAMES[CALCULATED]
        return DRAFT_MARK if any(status == unapproved for _, status in self.months) else ""


def tax_summary_view(
    db: Database, actor: Actor, year: int, *, masked: bool = True
) -> TaxSummaryView:
    """个人所得税年度汇总: every worker paid in ``year`` with each month's figures, from the
    calculated, approved and locked months of the year, and the opening figures (期初累计) of
    the months before the program began, so each total agrees with the cumulative withholding."""
    require(actor, Action.EXPORT_PAYROLL)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 1)
    raw = bulk_table(Payslip)
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    with db.reading() as session:
        region = session.get(Setting, "region_name")
        months = session.execute(
            select(PayrollMonth.id, PayrollMonth.period, PayrollMonth.status)
            .where(PayrollMonth.period.between(first, last))
            .order_by(PayrollMonth.period)
        ).all()
        included = {m.id: m.period.month for m in months if m.status != DRAFT}
        locked = {m.id for m in months if m.status == LOCKED}
        fetched = session.execute(
            select(
                raw.c.worker_id,
                raw.c.month_id,
                *who(raw, street, community, locked=False),
                street.sort_order,
                street.id,
                community.sort_order,
                community.id,
                raw.c.gross,
                raw.c.taxable_income,
                raw.c.insurance,
                raw.c.special_deductions,
                raw.c.cum_taxable,
                raw.c.tax,
                raw.c.bonus_income,
                raw.c.bonus_tax,
                *who(raw, street, community, locked=True),
            )
            .select_from(raw)
            .join(Worker, Worker.id == raw.c.worker_id)
            .join(community, community.id == raw.c.community_id)
            .join(street, street.id == community.parent_id)
            .where(
                raw.c.month_id.in_(list(included)),
                in_units(raw.c.community_id, scope_units(session, actor)),
            )
        ).all()
        openings = _openings(session, year, {row[0] for row in fetched})
        opening_through = year_through(session, year)
    if not included:
        raise ActionRefused(f"{year}年没有已计算的工资月份")
    by_worker: dict[int, list[tuple[int, Any]]] = {}
    for row in fetched:
        by_worker.setdefault(row[0], []).append((included[row[1]], row))
    people = []
    for worker_id, paid in by_worker.items():
        paid.sort(key=lambda item: item[0])
        last_row = paid[-1][1]  # who the latest month paid: as paid once it is locked
        known = last_row[18:22] if last_row[1] in locked else last_row[2:6]
        street_name, community_name, name, id_number = known
        order = (*last_row[6:10], worker_id)
        tax_months = []
        for number, row in paid:
            gross, taxable, insurance, special, cum_taxable, tax, bonus, bonus_tax = (
                yuan(v) for v in row[10:18]
            )
            wages = gross - bonus
            tax_months.append(
                TaxMonth(
                    number,
                    wages,
                    wages - taxable,
                    insurance,
                    special,
                    cum_taxable,
                    tax - bonus_tax,
                    bonus,
                    bonus_tax,
                )
            )
        people.append(
            (
                order,
                WorkerTaxYear(
                    name,
                    mask_id_number(id_number) if masked else id_number,
                    street_name,
                    community_name,
                    tuple(tax_months),
                    openings.get(worker_id),
                ),
            )
        )
    people.sort(key=lambda item: item[0])
    if not masked:  # the choice to show full ID numbers is recorded
        record_full_numbers(db, actor, f"{year}年个税汇总表")
    return TaxSummaryView(
        year,
        str(region.value) if region else "",
        tuple((m.period.month, STATUS_NAMES[m.status]) for m in months if m.status != DRAFT),
        tuple(m.period.month for m in months if m.status == DRAFT),
        tuple(worker for _, worker in people),
        opening_through,
    )


def _openings(session: Session, year: int, paid: set[int]) -> dict[int, TaxOpening]:
    """The opening figures of the workers paid in ``year``, by worker."""
    stored = {w: f for w, f in stored_figures(session, year).items() if w in paid}
    joined = joined_dates(session, sorted(stored))
    return {
        worker_id: TaxOpening(
            first_month_here(joined.get(worker_id), year),
            figures.through,
            figures.income,
            figures.exempt_income,
            figures.insurance,
            figures.special_deductions,
            figures.withheld,
        )
        for worker_id, figures in stored.items()
    }
