"""Regular monthly pay and arrears (§3, §8.1, §8.4) with the demo scale and allowances."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from workforce.domain.payroll.pay_composition import (
    Allowances,
    PaidMonth,
    PayFacts,
    arrears_lines,
    certificate_allowance_starts,
    regular_lines,
)
from workforce.domain.scale import PostRange, ScaleVersion

D = Decimal
SCALE = ScaleVersion(
    dt.date(2020, 1, 1),
    (PostRange("staff", "其他社区工作者", 1, 12), PostRange("grid", "专职网格员", 1, 12, "staff")),
    {("staff", 3): D("3738"), ("staff", 4): D("3908")},
)
DEMO = Allowances(
    certificate={"助理社会工作师": D("200"), "社会工作师": D("300"), "高级社会工作师": D("500")},
    one_shoulder=D("300"),
    basic_performance=D("200"),
)


def facts(**overrides: object) -> PayFacts:
    values: dict[str, object] = {
        "post": "staff",
        "level": 3,
        "duties": None,
        "certificate_level": "社会工作师",
        "certificate_registered": dt.date(2025, 3, 15),
        "on_probation": False,
    }
    values.update(overrides)
    return PayFacts(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("registered", "next_month", "starts"),
    [
        (dt.date(2025, 3, 15), True, dt.date(2025, 4, 1)),
        (dt.date(2025, 12, 31), True, dt.date(2026, 1, 1)),
        (dt.date(2025, 3, 15), False, dt.date(2025, 3, 1)),
    ],
)
def test_certificate_allowance_start(
    registered: dt.date, next_month: bool, starts: dt.date
) -> None:
    assert certificate_allowance_starts(registered, next_month) == starts


def test_certificate_allowance_from_the_month_after_registration() -> None:
    march = {line.code for line in regular_lines(facts(), SCALE, DEMO, dt.date(2025, 3, 1))}
    april = {line.code for line in regular_lines(facts(), SCALE, DEMO, dt.date(2025, 4, 1))}
    assert march == {"scale", "basic_performance"}
    assert april == {"scale", "certificate", "basic_performance"}


def test_grid_worker_paid_by_parity_and_one_shoulder_and_probation() -> None:
    lines = regular_lines(
        facts(post="grid", duties="一肩挑", on_probation=True, certificate_level=None),
        SCALE,
        DEMO,
        dt.date(2026, 1, 1),
    )
    assert [(line.code, line.amount) for line in lines] == [
        ("scale", D("3738")),
        ("one_shoulder", D("300")),
    ]


def test_arrears_one_line_per_paid_month() -> None:
    paid = [PaidMonth(dt.date(2026, m, 1), "staff", 3, D("3738")) for m in (1, 2)]
    lines = arrears_lines(paid, "staff", 4, {p.month: SCALE for p in paid})
    assert [(line.name, line.amount, line.taxable) for line in lines] == [
        ("补发2026年1月调级工资", D("170"), True),
        ("补发2026年2月调级工资", D("170"), True),
    ]
