"""Read models of a calculated month (§9) for the finance workbook and the bank transfer file:
Core rows, a fixed number of queries, amounts from the stored payslips (never recomputed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, TableClause, select, true
from sqlalchemy.orm import Session, aliased

from workforce.domain.accounts.permissions import Action
from workforce.domain.idcard import mask_id_number
from workforce.domain.money import ZERO
from workforce.domain.payroll.insurance import Contribution
from workforce.domain.payroll.payslip import PayLine
from workforce.domain.payroll.payslip_codec import MonthBasis, decode_contributions, lines_from_text
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import Setting, User
from workforce.persistence.org import OrgUnit
from workforce.persistence.payroll import PayrollMonth, Payslip, bulk_table
from workforce.persistence.people import Worker
from workforce.services.accounts.export_audit import record_full_numbers
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import (
    APPROVED,
    DRAFT,
    LOCKED,
    STATUS_NAMES,
    get_month,
    label,
)
from workforce.services.payroll.owed import Receivable, receivables
from workforce.services.payroll.paid_as import who
from workforce.services.roster.scope import scope_units
from workforce.services.scale import posts_in_force

FIXED_EARNINGS = (
    ("scale", "岗位等级工资"),
    ("certificate", "职业资格津贴"),
    ("one_shoulder", "一肩挑津贴"),
    ("basic_performance", "基础绩效"),
)
ARREARS = ("arrears", "补发工资")
BONUS_TAX_COLUMNS = (
    ("bonus_income", "全年一次性奖金（单独计税）"),
    ("bonus_tax", "全年一次性奖金个税"),
)
"""The month's separately taxed bonus and its tax: they add up, unlike the cumulative figures."""
TAX_COLUMNS = (
    *BONUS_TAX_COLUMNS,
    ("cum_income", "累计收入"),
    ("cum_exempt", "累计免税收入"),
    ("cum_basic", "累计减除费用"),
    ("cum_insurance", "累计专项扣除"),
    ("cum_special", "累计专项附加扣除"),
    ("cum_taxable", "累计应纳税所得额"),
    ("tax_rate", "税率"),
    ("quick_deduction", "速算扣除数"),
    ("cum_tax", "累计应纳税额"),
    ("withheld_before", "累计已预缴税额"),
)


DRAFT_MARK = "草稿（未审核）"


def yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


@dataclass(frozen=True, slots=True)
class MonthHeader:
    period: dt.date
    label: str
    region: str
    status: str
    status_name: str
    workers: int
    calculated: str
    approved: str
    locked: str

    @property
    def draft(self) -> bool:
        """Not yet approved (§8.6): its files print with the 草稿（未审核） mark."""
        return self.status not in (APPROVED, LOCKED)

    @property
    def mark(self) -> str:
        """The mark a title and page header carry: 草稿（未审核） before approval, else ""."""
        return DRAFT_MARK if self.draft else ""


@dataclass(frozen=True, slots=True)
class PayrollRow:
    """One worker's line of the finance workbook; tuples follow the view's column lists."""

    street: str
    community: str
    name: str
    id_number: str
    post: str
    level: int
    category: str
    earnings: tuple[Decimal, ...]
    gross: Decimal
    individual: tuple[Decimal, ...]
    tax: Decimal
    other: Decimal
    deductions: Decimal
    net: Decimal
    employer: tuple[Decimal, ...]
    employer_total: Decimal
    labour_cost: Decimal
    tax_detail: tuple[Decimal, ...]
    owed_in: Decimal = ZERO  # 上月欠扣 (§8.6), in ``deductions``
    owed_out: Decimal = ZERO  # 欠扣转下月, taken off ``deductions``


@dataclass(frozen=True, slots=True)
class StreetRows:
    name: str
    rows: tuple[PayrollRow, ...]


@dataclass(frozen=True, slots=True)
class PayrollWorkbookView:
    header: MonthHeader
    earning_columns: tuple[str, ...]
    individual_columns: tuple[str, ...]
    employer_columns: tuple[str, ...]
    tax_columns: tuple[str, ...]  # empty unless asked for
    streets: tuple[StreetRows, ...]
    tax_totalled: int = 0  # how many of the first tax columns add up (the bonus and its tax)
    carry: bool = False  # the month has 上月欠扣 or 欠扣转下月 (§8.6): their columns are shown
    receivables: tuple[Receivable, ...] = ()  # 应收个人款: leavers' shortfalls


def _who(session: Session, user_id: int | None, at: dt.datetime | None) -> str:
    if user_id is None:
        return ""
    name = session.scalar(select(User.display_name).where(User.id == user_id)) or ""
    return f"{name} {at.astimezone():%Y-%m-%d %H:%M}" if at else name


def month_header(session: Session, month: PayrollMonth) -> MonthHeader:
    region = session.get(Setting, "region_name")
    return MonthHeader(
        month.period,
        label(month.period),
        str(region.value) if region else "",
        month.status,
        STATUS_NAMES[month.status],
        month.worker_count,
        _who(session, month.calculated_by, month.calculated_at),
        _who(session, month.approved_by, month.approved_at),
        _who(session, month.locked_by, month.locked_at),
    )


def _readable_month(session: Session, actor: Actor, period: dt.date) -> PayrollMonth:
    require(actor, Action.EXPORT_PAYROLL)
    month = get_month(session, period)
    if month.status == DRAFT:
        raise ActionRefused(f"{label(period)}工资为草稿（计算后数据有变化），请重新计算后再导出")
    return month


def in_units(column: ColumnElement[int], units: set[int] | None) -> ColumnElement[bool]:
    """Rows of a scoped user's subtree (``units``); every row when None."""
    return true() if units is None else column.in_(sorted(units))


def placed(
    query: Select[Any],
    raw: TableClause,
    street: type[OrgUnit],
    community: type[OrgUnit],
) -> Select[Any]:
    """``query`` over the payslips ``raw`` joined to their worker, community and street (aliases
    of ``OrgUnit``), in street, community and worker order."""
    return (
        query.select_from(raw)
        .join(Worker, Worker.id == raw.c.worker_id)
        .join(community, community.id == raw.c.community_id)
        .join(street, street.id == community.parent_id)
        .order_by(street.sort_order, street.id, community.sort_order, community.id, Worker.id)
    )


def _rows(
    session: Session,
    month: PayrollMonth,
    extra: tuple[str, ...] = (),
    units: set[int] | None = None,
) -> Iterator[Any]:
    """The month's payslips with identity and place, in street, community and worker order;
    only those of ``units`` (a scoped user's subtree) unless None."""
    raw = bulk_table(Payslip)
    community = aliased(OrgUnit)
    street = aliased(OrgUnit)
    query = select(
        *who(raw, street, community, month.status == LOCKED),
        raw.c.post,
        raw.c.level,
        raw.c.status,
        Worker.is_committee_member,
        raw.c.gross,
        raw.c.insurance,
        raw.c.tax,
        raw.c.after_tax,
        raw.c.net,
        raw.c.employer,
        raw.c.lines,
        raw.c.contributions,
        raw.c.owed_in,
        raw.c.owed_out,
        *(raw.c[key] for key in extra),
    ).where(raw.c.month_id == month.id, in_units(raw.c.community_id, units))
    return iter(session.execute(placed(query, raw, street, community)))


def _earning_key(line: PayLine) -> str:
    return ARREARS[0] if line.code.startswith("arrears:") else line.code


def _category(post: str, status: str, committee: bool) -> str:
    kind = "两委成员" if committee else "专职网格员" if post == "grid" else "社区工作者"
    return f"{kind}（试用）" if status == "试用" else kind


def payroll_workbook_view(
    db: Database,
    actor: Actor,
    period: dt.date,
    *,
    masked: bool = True,
    tax_columns: bool = False,
) -> PayrollWorkbookView:
    """工资发放表: the month's rows by street, with the gross items that occur in it, the
    individual and employer 五险一金 of its rates, and (on request) the tax working columns."""
    with db.reading() as session:
        month = _readable_month(session, actor, period)
        header = month_header(session, month)
        basis = MonthBasis.from_text(month.inputs)
        post_names = {p.code: p.name for p in posts_in_force(session, period)}
        extra = tuple(key for key, _ in TAX_COLUMNS) if tax_columns else ()
        units = scope_units(session, actor)
        fetched = list(_rows(session, month, extra, units))
        owing = receivables(session, month, units)
    individual_items = [i for i in basis.insurance_items if i.individual_rate > 0]
    employer_items = [i for i in basis.insurance_items if i.employer_rate > 0]
    lines_memo: dict[str, dict[str, Decimal]] = {}
    parts_memo: dict[str, dict[str, Contribution]] = {}
    names: dict[str, str] = dict(FIXED_EARNINGS)
    for row in fetched:
        text = row[14]
        if text not in lines_memo:
            sums: dict[str, Decimal] = {}
            for line in lines_from_text(text):
                if line.after_tax:
                    continue
                key = _earning_key(line)
                sums[key] = sums.get(key, ZERO) + line.amount
                if key not in names:
                    names[key] = ARREARS[1] if key == ARREARS[0] else line.name
            lines_memo[text] = sums
    present = {key for sums in lines_memo.values() for key in sums}
    fixed = [key for key, _ in FIXED_EARNINGS if key in present]
    items = sorted(k for k in present if k not in dict(FIXED_EARNINGS) and k != ARREARS[0])
    keys = fixed + items + ([ARREARS[0]] if ARREARS[0] in present else [])
    by_street: dict[str, list[PayrollRow]] = {}
    for row in fetched:
        (street, community, name, id_number, post, level, status, committee) = row[:8]
        gross, insurance, tax, after_tax, net, employer = (yuan(v) for v in row[8:14])
        owed_in, owed_out = yuan(row[16]), yuan(row[17])
        sums = lines_memo[row[14]]
        parts = parts_memo.get(row[15])
        if parts is None:
            parts = {p.code: p for p in decode_contributions(row[15])}
            parts_memo[row[15]] = parts
        individual = tuple(
            parts[i.code].individual if i.code in parts else ZERO for i in individual_items
        )
        by_street.setdefault(street, []).append(
            PayrollRow(
                street,
                community,
                name,
                mask_id_number(id_number) if masked else id_number,
                post_names.get(post, post),
                level,
                _category(post, status, committee),
                tuple(sums.get(key, ZERO) for key in keys),
                gross,
                individual,
                tax,
                # 其他: the individual's other items (工伤, 生育 where charged) and after-tax 扣款
                insurance - sum(individual, ZERO) + after_tax,
                insurance + tax + after_tax + owed_in - owed_out,
                net,
                tuple(parts[i.code].employer if i.code in parts else ZERO for i in employer_items),
                employer,
                gross + employer,
                tuple(Decimal(v).scaleb(-2) for v in row[18:]),
                owed_in,
                owed_out,
            )
        )
    if not masked:  # the choice to show full ID numbers is recorded
        record_full_numbers(db, actor, f"{period:%Y-%m}工资发放表")
    return PayrollWorkbookView(
        header,
        tuple(names[key] for key in keys),
        tuple(i.name for i in individual_items),
        tuple(i.name for i in employer_items),
        tuple(title for _, title in TAX_COLUMNS) if tax_columns else (),
        tuple(StreetRows(street, tuple(rows)) for street, rows in by_street.items()),
        len(BONUS_TAX_COLUMNS) if tax_columns else 0,
        any(row[16] or row[17] for row in fetched),
        tuple(
            replace(r, id_number=mask_id_number(r.id_number) if masked else r.id_number)
            for r in owing
        ),
    )
