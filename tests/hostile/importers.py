"""Every importer's plan and apply, called the way the desktop and the CLI call them, and what a
hostile sheet may and may not do to them: end in a plan, an import, or a clear ``ActionRefused``;
never an unhandled exception, never half a write."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from tests.factories import make_id
from workforce.domain.adjustment import appraisal_sheet
from workforce.domain.careers import certificate_sheet, signin_sheet
from workforce.domain.payroll import base_sheet, deduction_sheet, pay_item_sheet
from workforce.domain.payroll.pay_item_sheet import parse_item_sheet
from workforce.domain.problems import ActionRefused, refuse_on_errors
from workforce.domain.roster.columns import COLUMN_BY_KEY
from workforce.domain.scales import table as scale_table
from workforce.domain.sheet import SheetGrid
from workforce.persistence.models import Base
from workforce.services.adjustment.appraisals import apply_appraisal_import, plan_appraisal_import
from workforce.services.careers.certificate_import import (
    apply_certificate_import,
    plan_certificate_import,
)
from workforce.services.careers.training import (
    SessionInput,
    apply_signin_import,
    plan_signin_import,
)
from workforce.services.context import Actor, Database
from workforce.services.payroll.base_io import apply_base_import, plan_base_import
from workforce.services.payroll.deduction_io import apply_deduction_import, plan_deduction_import
from workforce.services.payroll.items import add_items
from workforce.services.roster.importing import apply_roster_import, plan_roster_import
from workforce.services.scales.admin import import_scale

EXAMPLES = int(os.environ.get("WORKFORCE_FUZZ_EXAMPLES", "50"))
TODAY = dt.date(2026, 3, 15)
MARCH = dt.date(2026, 3, 1)
COURSE = SessionInput("模糊测试培训", "街道", dt.date(2026, 3, 2), dt.date(2026, 3, 3), Decimal(8))
CJK = re.compile("[\u4e00-\u9fff]")

Action = Callable[[Database, Actor, SheetGrid], object]


def _items_plan(_db: Database, _actor: Actor, grid: SheetGrid) -> object:
    return parse_item_sheet(grid, MARCH)


def _items_apply(db: Database, actor: Actor, grid: SheetGrid) -> object:
    entries, problems = parse_item_sheet(grid, MARCH)
    refuse_on_errors("工资项目表有错误，未导入", problems)
    return add_items(db, actor, entries, note="模糊测试")


@dataclass(frozen=True)
class Importer:
    name: str
    plan: Action
    apply: Action
    template: tuple[tuple[object, ...], ...] = ()
    """A valid sheet for the seeded workers (测试1–3), which the fuzzer mutates."""


def _people(*columns: Callable[[int], object]) -> tuple[tuple[object, ...], ...]:
    return tuple((make_id(n), f"测试{n}", *(c(n) for c in columns)) for n in (1, 2, 3))


def _scale() -> tuple[tuple[object, ...], ...]:
    path = Path(__file__).parents[2] / "workforce" / "data" / "demo-scale.csv"
    with path.open(encoding="utf-8") as handle:
        return tuple(tuple(row) for row in csv.reader(handle))


IMPORTERS = (
    Importer(
        "roster",
        lambda d, a, g: plan_roster_import(d, a, g, today=TODAY),
        lambda d, a, g: apply_roster_import(d, a, g, today=TODAY),
        (
            (
                "姓名",
                "身份证号",
                "性别",
                "出生日期",
                "街道",
                "社区",
                "岗位",
                "岗位等级",
                "最高学历",
                "参加工作时间",
                "来社区工作时间",
            ),
            *(
                (
                    f"新人{n}",
                    make_id(20 + n),
                    "男",
                    "1990-05-17",
                    "新华街道",
                    "光明社区",
                    "网格员",
                    n,
                    "本科",
                    "2012-07-01",
                    "2018-03-01",
                )
                for n in (1, 2, 3)
            ),
        ),
    ),
    Importer(
        "appraisal",
        lambda d, a, g: plan_appraisal_import(d, a, g, year=2025, today=TODAY),
        lambda d, a, g: apply_appraisal_import(d, a, g, year=2025, today=TODAY),
        (("身份证号", "姓名", "考核结果"), *_people(lambda n: ("称职", "优秀", "基本称职")[n - 1])),
    ),
    Importer(
        "certificate",
        lambda d, a, g: plan_certificate_import(d, a, g, today=TODAY),
        lambda d, a, g: apply_certificate_import(d, a, g, today=TODAY),
        (
            ("身份证号", "姓名", "证书等级", "证书编号", "取得日期", "登记日期"),
            *_people(
                lambda n: "助理社会工作师",
                lambda n: f"Z-{n}",
                lambda n: "2019-10-01",
                lambda n: "2020-03-05",
            ),
        ),
    ),
    Importer(
        "signin",
        lambda d, a, g: plan_signin_import(d, a, g, new_session=COURSE),
        lambda d, a, g: apply_signin_import(d, a, g, new_session=COURSE),
        (("身份证号", "姓名", "是否合格"), *_people(lambda n: "合格")),
    ),
    Importer(
        "scale",
        lambda d, a, g: None,
        lambda d, a, g: import_scale(d, a, g, dt.date(2027, 1, 1), name="模糊测试标准"),
        _scale(),
    ),
    Importer(
        "bases",
        lambda d, a, g: plan_base_import(d, a, g, 2026),
        lambda d, a, g: apply_base_import(d, a, g, 2026),
        (("身份证号", "姓名", "缴费基数"), *_people(lambda n: 4000 + n)),
    ),
    Importer(
        "deductions",
        plan_deduction_import,
        apply_deduction_import,
        (
            ("身份证号", "姓名", "类别", "每月金额", "起始月份", "结束月份"),
            *_people(
                lambda n: "住房租金", lambda n: "1500", lambda n: f"2026-0{n}", lambda n: None
            ),
        ),
    ),
    Importer(
        "pay items",
        _items_plan,
        _items_apply,
        (
            ("身份证号", "姓名", "月份", "项目名称", "金额"),
            *_people(lambda n: "2026-03", lambda n: "取暖补贴", lambda n: 100 * n),
        ),
    ),
)

HEADERS: tuple[str, ...] = tuple(
    sorted(
        {
            *(s for column in COLUMN_BY_KEY.values() for s in column.spellings[:2]),
            *appraisal_sheet.HEADERS.values(),
            *base_sheet.HEADERS.values(),
            *certificate_sheet.HEADERS.values(),
            *deduction_sheet.HEADERS.values(),
            *signin_sheet.HEADERS.values(),
            *pay_item_sheet.HEADERS,
            *(a for names in scale_table.ALIASES.values() for a in names.split()[:3]),
        }
    )
)


def row_counts(db: Database) -> dict[str, int]:
    """Rows in every table: an import that refused must leave all of them as they were."""
    tables = Base.metadata.sorted_tables
    query = select(*(select(func.count()).select_from(t).scalar_subquery() for t in tables))
    with db.reading() as session:
        row = session.execute(query).one()
    return {table.name: count for table, count in zip(tables, row, strict=True)}


@dataclass
class Outcomes:
    """What the cases ended in (the figures for the report)."""

    tried: int = 0
    imported: int = 0
    refused: int = 0


def feed(db: Database, actor: Actor, importer: Importer, grid: SheetGrid, seen: Outcomes) -> None:
    """Plan, then apply; asserts the rules above. Any other exception propagates (the failure)."""
    seen.tried += 1
    try:
        importer.plan(db, actor, grid)
    except ActionRefused as exc:
        assert CJK.search(str(exc)), f"unclear refusal: {exc!r}"
    before = row_counts(db)
    try:
        importer.apply(db, actor, grid)
    except ActionRefused as exc:
        assert CJK.search(str(exc)), f"unclear refusal: {exc!r}"
        assert row_counts(db) == before, f"{importer.name}: refused but wrote: {exc}"
        seen.refused += 1
    else:
        seen.imported += 1
