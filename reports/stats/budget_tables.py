"""预算测算的表 (issue 19): the report's figures as plain tables (title, headers, rows of values),
the same for the command line, the workbook, the PDF and the desktop."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.adjustment.projection import BudgetReport, Cost, Projection, YearFigures
from workforce.domain.money import round_fen

Value = str | int | Decimal
BREAKDOWNS = {"district": "区", "street": "街道", "post": "岗位"}
POST_NAMES = {
    "principal": "社区正职",
    "deputy": "社区副职",
    "staff": "其他社区工作者",
    "grid": "专职网格员",
}
TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    money_from: int = 1  # the first column holding yuan


def wan(amount: Decimal) -> Decimal:
    """万元 to two decimals, as leadership reads a budget."""
    return round_fen(amount / TEN_THOUSAND)


def people(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"))


def projections(report: BudgetReport) -> tuple[Projection, ...]:
    return (report.baseline, *report.scenarios)


def summary(report: BudgetReport) -> Table:
    """人工成本合计 per year, baseline and scenarios side by side, each with its difference."""
    headers = ["年度", f"{report.baseline.scenario.name}（万元）"]
    for projection in report.scenarios:
        headers += [f"{projection.scenario.name}（万元）", "比基线增减（万元）"]
    rows = []
    for index, base in enumerate(report.baseline.years):
        row: list[Value] = [f"{base.year}年", wan(base.total.total)]
        for projection in report.scenarios:
            other = projection.years[index]
            row += [wan(other.total.total), wan(other.total.total - base.total.total)]
        rows.append(tuple(row))
    total: list[Value] = [
        "合计",
        wan(sum((y.total.total for y in report.baseline.years), Decimal(0))),
    ]
    for projection in report.scenarios:
        mine = sum((y.total.total for y in projection.years), Decimal(0))
        theirs = sum((y.total.total for y in report.baseline.years), Decimal(0))
        total += [wan(mine), wan(mine - theirs)]
    rows.append(tuple(total))
    return Table("人工成本合计对比", tuple(headers), tuple(rows))


def detail(projection: Projection) -> Table:
    """One scenario year by year: people, movements, the adjustment and the money."""
    rows = tuple(
        (
            f"{y.year}年",
            people(y.total.headcount),
            y.retirements,
            people(y.leavers),
            people(y.hires),
            y.adjusted,
            y.adjustment_cost,
            y.total.gross,
            y.total.employer,
            y.total.total,
        )
        for y in projection.years
    )
    return Table(
        f"{projection.scenario.name}：逐年测算",
        (
            "年度",
            "年末人数",
            "法定退休",
            "预计离职",
            "预计补员",
            "调级人次",
            "调级年增资",
            "应发合计",
            "单位缴费（五险一金）",
            "人工成本合计",
        ),
        rows,
        money_from=6,
    )


def _breakdown(year: YearFigures, by: str) -> dict[str, Cost]:
    table: dict[str, Cost] = getattr(year, f"by_{by}")
    return table


def breakdown(projection: Projection, by: str) -> Table:
    """人工成本合计 by district, street or post (rows) and year (columns)."""
    keys: list[str] = []
    for year in projection.years:
        keys += [k for k in _breakdown(year, by) if k not in keys]
    rows = []
    for key in keys:
        name = POST_NAMES.get(key, key) if by == "post" else key
        rows.append(
            (
                name,
                *(_breakdown(year, by).get(key, Cost()).total for year in projection.years),
            )
        )
    return Table(
        f"{projection.scenario.name}：按{BREAKDOWNS[by]}（人工成本合计，元）",
        (BREAKDOWNS[by], *(f"{y.year}年" for y in projection.years)),
        tuple(rows),
    )


def monthly(projection: Projection) -> Table:
    """Month by month: gross, employer, total."""
    rows = tuple(
        (f"{year.year}-{month:02d}", cost.gross, cost.employer, cost.total)
        for year in projection.years
        for month, cost in sorted(year.by_month.items())
    )
    return Table(
        f"{projection.scenario.name}：逐月测算",
        ("月份", "应发合计", "单位缴费", "人工成本合计"),
        rows,
    )


def scenario_terms(projection: Projection) -> list[str]:
    """What a scenario changes, in words, for the assumptions list."""
    s = projection.scenario
    terms = []
    if s.raise_from is not None and s.raise_rate:
        terms.append(
            f"自{s.raise_from:%Y年%m月}起岗位等级工资普调{(s.raise_rate * 100).normalize()}%"
        )
    if s.parity_from is not None:
        terms.append(
            f"自{s.parity_from:%Y年%m月}起{POST_NAMES.get(s.parity_post, s.parity_post)}"
            f"按{POST_NAMES.get(s.parity_with, s.parity_with)}标准同酬"
        )
    if s.step_years:
        since = f"自{s.step_from}年调级起" if s.step_from else ""
        terms.append(f"{since}每{s.step_years}个合格年度晋升1级")
    if s.scale is not None:
        terms.append(
            f"自{s.scale.effective_date:%Y年%m月}起执行新薪酬标准（{len(s.scale.posts)}个岗位）"
        )
    if s.headcount:
        change = sum(s.headcount.values())
        terms.append(f"核定人数调整{change:+d}人（{len(s.headcount)}个社区）")
    terms.extend(s.notes)
    return terms


def tables(report: BudgetReport, *, by: Sequence[str] = (), months: bool = False) -> list[Table]:
    """Every table of the report, in the order a reader wants them."""
    found = [summary(report)]
    for projection in projections(report):
        found.append(detail(projection))
        found.extend(breakdown(projection, b) for b in by)
        if months:
            found.append(monthly(projection))
    return found
