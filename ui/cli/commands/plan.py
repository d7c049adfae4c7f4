"""``workforce plan retirements`` and ``workforce plan budget`` (issue 19): who reaches the
statutory retirement age soon, and next years' pay bill with scenarios. Both only read."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from reports.stats.budget_tables import Table, projections, scenario_terms, tables
from ui.cli.common import CliError, Progress, emit_json, opened, read_sheet, say
from ui.formatting import count_text, yuan_text
from workforce.domain.adjustment.projection import BudgetReport, Cost, Projection
from workforce.domain.adjustment.scenario import ScenarioError, read_assumptions
from workforce.services.adjustment.projection import budget_projection
from workforce.services.roster.org import org_tree
from workforce.services.roster.retirements import retirements_per_year, retiring_within
from workforce.services.stats.indicators import find_unit


def _unit_id(db: Any, args: argparse.Namespace) -> int | None:
    return find_unit(org_tree(db), args.unit).id if args.unit else None


def run_retirements(args: argparse.Namespace) -> int:
    as_of = args.as_of or dt.date.today()
    if not 1 <= args.within <= 120:
        raise CliError(f"--within 应为1到120个月，实为{args.within}")
    with opened(args) as (db, actor):
        unit_id = _unit_id(db, args)
        soon = retiring_within(db, actor, as_of, args.within, unit_id)
        per_year = retirements_per_year(db, actor, as_of.year, args.years, unit_id)
    if args.json:
        emit_json(
            {
                "as_of": as_of.isoformat(),
                "within_months": args.within,
                "per_year": {str(y): n for y, n in per_year.items()},
                "retiring": [
                    {
                        "worker_id": p.worker_id,
                        "name": p.name,
                        "sex": p.sex,
                        "birth_date": p.birth_date.isoformat(),
                        "unit": f"{p.district}/{p.street}/{p.community}",
                        "original_age": p.retirement.original_age,
                        "age": p.retirement.age_text,
                        "retires": p.retirement.date.isoformat(),
                    }
                    for p in soon
                ],
            }
        )
        return 0
    out = sys.stdout
    out.write(f"{as_of:%Y-%m-%d}起{args.within}个月内达到法定退休年龄：{count_text(len(soon))}人\n")
    for p in soon:
        out.write(
            f"{p.retirement.date:%Y-%m-%d}  {p.name}  {p.sex}  {p.birth_date:%Y-%m}生  "
            f"{p.retirement.age_text}（原{p.retirement.original_age}岁）  "
            f"{p.street}/{p.community}\n"
        )
    out.write("今后每年退休人数：" + "，".join(f"{y}年{n}人" for y, n in per_year.items()) + "\n")
    return 0


def _load_json(path: str, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise CliError(f"{what}不存在：{path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CliError(f"{what}不是有效的 JSON（{path}）：{exc}") from None


def _scenario_file(path: str) -> Any:
    """A scenario file's data; a scale table it names is found beside it."""
    data = _load_json(path, "情景文件")
    scale = data.get("scale") if isinstance(data, dict) else None
    if isinstance(scale, dict) and isinstance(scale.get("file"), str):
        table = Path(scale["file"])
        scale["file"] = str(table if table.is_absolute() else Path(path).parent / table)
    return data


def _cost(cost: Cost) -> dict[str, str]:
    return {
        "gross": str(cost.gross),
        "employer": str(cost.employer),
        "total": str(cost.total),
        "headcount": str(cost.headcount.quantize(Decimal("0.1"))),
    }


def _projection_document(projection: Projection, months: bool) -> dict[str, Any]:
    return {
        "scenario": projection.scenario.name,
        "terms": scenario_terms(projection),
        "years": [
            {
                "year": y.year,
                **_cost(y.total),
                "retirements": y.retirements,
                "leavers": str(y.leavers.quantize(Decimal("0.1"))),
                "hires": str(y.hires.quantize(Decimal("0.1"))),
                "adjusted": y.adjusted,
                "adjustment_cost": str(y.adjustment_cost),
                "by_district": {k: _cost(c) for k, c in y.by_district.items()},
                "by_street": {k: _cost(c) for k, c in y.by_street.items()},
                "by_post": {k: _cost(c) for k, c in y.by_post.items()},
                **(
                    {"by_month": {str(m): _cost(c) for m, c in y.by_month.items()}}
                    if months
                    else {}
                ),
            }
            for y in projection.years
        ],
    }


def budget_document(report: BudgetReport, months: bool = False) -> dict[str, Any]:
    base = report.baseline.years
    return {
        "from": report.first,
        "years": report.years,
        "people": report.people,
        "overdue_retirements": report.overdue,
        "unit": report.unit_name,
        "assumptions": list(report.assumptions),
        "baseline": _projection_document(report.baseline, months),
        "scenarios": [
            {
                **_projection_document(p, months),
                "difference": {
                    str(y.year): str(y.total.total - b.total.total)
                    for y, b in zip(p.years, base, strict=True)
                },
            }
            for p in report.scenarios
        ],
    }


def _value(value: object, money: bool) -> str:
    if isinstance(value, Decimal) and money:
        return yuan_text(value)
    if isinstance(value, int):
        return count_text(value)
    return str(value)


def table_text(table: Table) -> str:
    cells = [list(table.headers)] + [
        [_value(v, i >= table.money_from) for i, v in enumerate(row)] for row in table.rows
    ]
    widths = [max(len(str(r[i])) * 2 for r in cells) for i in range(len(table.headers))]
    lines = [table.title]
    for row in cells:
        lines.append("  ".join(str(c).rjust(w // 2 + 2) for c, w in zip(row, widths, strict=True)))
    return "\n".join(lines)


def run_budget(args: argparse.Namespace) -> int:
    first = args.first or dt.date.today().year + 1
    if not 1 <= args.years <= 10:
        raise CliError(f"--years 应为1到10年，实为{args.years}")
    if args.out and Path(args.out).suffix.lower() not in (".xlsx", ".pdf"):
        raise CliError(f"测算表须保存为 .xlsx 或 .pdf 文件：{args.out}")
    if args.out and not Path(args.out).parent.is_dir():
        raise CliError(f"保存测算表的文件夹不存在：{Path(args.out).parent}")
    scenarios = [_scenario_file(path) for path in args.scenario]
    try:
        assumptions = (
            read_assumptions(_load_json(args.assumptions, "假设文件")) if args.assumptions else None
        )
    except ScenarioError as exc:
        raise CliError(f"假设文件有误：{exc}") from None
    with opened(args) as (db, actor):
        report = budget_projection(
            db,
            actor,
            first,
            args.years,
            scenarios,
            assumptions,
            unit_id=_unit_id(db, args),
            scale_of=lambda name: read_sheet(name, None),
            progress=Progress("测算", "个方案"),
        )
    if args.json:
        emit_json(budget_document(report, args.monthly), compact=False)
    else:
        shown = tables(report, by=(args.by,) if args.by else (), months=args.monthly)
        sys.stdout.write("\n\n".join(table_text(t) for t in shown) + "\n")
        for projection in report.scenarios:  # what each changes, as the exports list it
            say(f"情景「{projection.scenario.name}」：{'；'.join(scenario_terms(projection))}")
    if report.overdue:
        say(f"提示：{report.overdue}名在职人员已过法定退休时间，未计入测算，请核对人员状态")
    if args.out:
        _export(report, Path(args.out))
    return 0


def _export(report: BudgetReport, target: Path) -> None:
    if target.suffix.lower() == ".xlsx":
        from reports.stats.budget_xlsx import write_budget_workbook

        write_budget_workbook(target, report)
    else:
        from reports.stats.budget_pdf import write_budget_pdf

        font = write_budget_pdf(target, report)
        if font.message:
            say(font.message)
    names = "、".join(p.scenario.name for p in projections(report))
    say(
        f"已导出{report.first}–{report.first + report.years - 1}年工资总额测算（{names}）：{target}"
    )
