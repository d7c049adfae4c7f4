"""A hand-computed population of eight workers for the statistics tests (§9).

The tree: 一区 (1) → 一街 (2) → 甲社区 (3), 乙社区 (4); 一区 → 二街 (5) → 丙社区 (6);
二区 (7) → 三街 (8) → 丁社区 (9); 网格 (10) under 甲社区. Counted on 2025-12-31 (``AS_OF``) and
2024-12-31 (``BEFORE``); each person's comment says what makes them a case.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from workforce.domain.scale import PostRange
from workforce.domain.stats.indicators import UNDATED, StatsPerson
from workforce.domain.stats.population import Grade, Move, Population
from workforce.domain.stats.report import (
    AdjustmentYear,
    PayrollCost,
    RetirementsAhead,
    StatsReport,
    build_report,
)


class OrgNode(NamedTuple):
    id: int
    parent_id: int | None
    kind: str
    name: str


D = dt.date
AS_OF, BEFORE = D(2025, 12, 31), D(2024, 12, 31)
POSTS = (
    PostRange("principal", "社区正职", 7, 18),
    PostRange("deputy", "社区副职", 4, 15),
    PostRange("staff", "其他社区工作者", 1, 12),
    PostRange("grid", "专职网格员", 1, 12, paid_as="staff"),
)
UNITS = (
    OrgNode(1, None, "district", "一区"),
    OrgNode(2, 1, "street", "一街"),
    OrgNode(3, 2, "community", "甲社区"),
    OrgNode(4, 2, "community", "乙社区"),
    OrgNode(5, 1, "street", "二街"),
    OrgNode(6, 5, "community", "丙社区"),
    OrgNode(7, None, "district", "二区"),
    OrgNode(8, 7, "street", "三街"),
    OrgNode(9, 8, "community", "丁社区"),
    OrgNode(10, 3, "grid", "一网格"),
)


def person(
    worker_id: int,
    born: dt.date,
    status: str,
    post: str,
    level: int,
    education: str,
    committee: bool,
    start: dt.date,
    since: dt.date | None,
    sex: str,
    community: int,
) -> StatsPerson:
    return StatsPerson(
        worker_id, born, status, post, level, "", education, committee, start, since, sex, community
    )


PEOPLE = (
    # 1 甲: 34 on the day (35 in March 2026); certified since 2020.
    person(
        1, D(1991, 3, 10), "在职", "staff", 3, "本科", False, D(2015, 1, 1), D(2020, 5, 1), "女", 3
    ),
    # 2 乙: turns 45 on the day itself.
    person(2, D(1980, 12, 31), "在职", "principal", 10, "硕士", True, D(2010, 1, 1), None, "男", 3),
    # 3 丙: moved 乙社区 → 丙社区 on 2025-07-01; certified during 2025.
    person(
        3, D(2000, 1, 1), "在职", "staff", 2, "大专", False, D(2022, 3, 1), D(2025, 6, 1), "女", 6
    ),
    # 4 丁: left on 2025-03-01.
    person(4, D(1970, 6, 30), "离职", "staff", 8, "高中/中专", True, D(2018, 1, 1), None, "男", 4),
    # 5 戊: started on 2025-09-01, on probation.
    person(5, D(2001, 2, 28), "试用", "grid", 1, "本科", False, D(2025, 9, 1), None, "女", 9),
    # 6 己: deputy 5 → 6 on 2025-01-01; holds a certificate with no date on file.
    person(6, D(1988, 8, 8), "在职", "deputy", 6, "本科", True, D(2012, 5, 1), UNDATED, "男", 9),
    # 7 庚: retired, one status row: never counted.
    person(7, D(1966, 1, 1), "退休", "staff", 9, "本科", False, D(2000, 1, 1), None, "女", 6),
    # 8 辛: moved 丁社区 (other district) → 甲社区 on the day itself; certified the day before.
    person(8, D(1995, 12, 31), "在职", "staff", 4, "本科", False, D(2019, 1, 1), BEFORE, "男", 3),
)
POPULATION = Population(
    PEOPLE,
    statuses={4: [(D(2018, 1, 1), "在职"), (D(2025, 3, 1), "离职")]},
    moves={3: [Move(D(2025, 7, 1), 4, 6)], 8: [Move(AS_OF, 9, 3)]},
    grades={6: [Grade(D(2020, 1, 1), "deputy", 5), Grade(D(2025, 1, 1), "deputy", 6)]},
)


def sample_report(
    scope: OrgNode | None = None, communities: frozenset[int] | None = None
) -> StatsReport:
    """The report of ``POPULATION`` on ``AS_OF``, with a year of adjustments and two months' pay."""
    return build_report(
        POPULATION,
        AS_OF,
        units=UNITS,
        scope=scope,
        communities=communities,
        posts=POSTS,
        title=f"{scope.name if scope else '示范地区'}社区工作者统计表",
        unit=scope.name if scope else "示范地区",
        adjustments=(AdjustmentYear(2025, 3, Decimal("6120.00")),),
        payroll=(
            PayrollCost(D(2025, 11, 1), "已锁定", 6, Decimal("31200.50"), Decimal("9800.25")),
            PayrollCost(D(2025, 12, 1), "已计算", 6, Decimal("31900.00"), Decimal("9950.00")),
        ),
        retirements=RetirementsAhead(
            (2026, 2027, 2028, 2029, 2030),
            (("一区", (1, 0, 2, 0, 0)), ("二区", (0, 0, 0, 1, 3)))[: 1 if scope else 2],
        ),
    )
