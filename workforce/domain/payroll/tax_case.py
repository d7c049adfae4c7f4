"""The tax calculator's case format (spec/tax-case.md): parse and check a case, render the result.

Invalid input is refused with a message naming the field; amounts are decimal yuan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from workforce.domain.money import FEN, ZERO
from workforce.domain.payroll.payslip import carry_shortfall
from workforce.domain.payroll.tax import (
    Carried,
    MonthIncome,
    WithholdingLine,
    cumulative_withholding,
)

CASE_KEYS = frozenset(
    {"year", "first_month", "first_income_of_year", "prior_year_low_income", "opening", "months"}
)
OPENING_KEYS = frozenset(
    {
        "month",
        "income",
        "exempt_income",
        "insurance",
        "special_deductions",
        "other_deductions",
        "withheld",
    }
)
"""期初累计 (§8.6): the year so far through ``month``, as the withholding client reports it."""
MONTH_KEYS = frozenset(
    {"month", "income", "exempt_income", "insurance", "special_deductions", "other_deductions"}
)


class CaseError(ValueError):
    """A case that cannot be computed; the message names the field."""


@dataclass(frozen=True, slots=True)
class TaxCase:
    year: int
    first_month: int
    first_income_of_year: bool
    prior_year_low_income: bool
    months: tuple[MonthIncome, ...]
    opening: Carried | None = None


def _opening(data: Any, first_month: int) -> Carried | None:
    """The case's optional 期初累计: amounts (missing ones 0) through a month of the year."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise CaseError("opening: 应为 JSON 对象")
    extra = set(data) - OPENING_KEYS
    if extra:
        raise CaseError(f"opening.{sorted(extra)[0]}: 未知字段")
    month = _int(data.get("month"), "opening.month", first_month, 11)
    amounts = {
        key: _amount(data.get(key, 0), f"opening.{key}") for key in sorted(OPENING_KEYS - {"month"})
    }
    return Carried(month, **amounts)


def _amount(value: Any, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CaseError(f"{field}: 应为金额（数字或数字字符串），实为 {value!r}")
    try:
        # A JSON number reaches us as float; its repr is the decimal the author wrote.
        amount = Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:
        raise CaseError(f"{field}: 不是有效金额：{value!r}") from None
    if not amount.is_finite():
        raise CaseError(f"{field}: 不是有效金额：{value!r}")
    if amount < 0:
        raise CaseError(f"{field}: 不能为负数：{value}")
    return amount


def _flag(data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise CaseError(f"{key}: 应为 true 或 false，实为 {value!r}")
    return value


def _int(value: Any, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CaseError(f"{field}: 应为 {low}–{high} 的整数，实为 {value!r}")
    return value


def parse_case(data: Any) -> TaxCase:
    """Check a decoded JSON case; unknown keys, negative amounts and months out of order or
    outside 1–12 are refused."""
    if not isinstance(data, dict):
        raise CaseError("案例应为 JSON 对象")
    unknown = set(data) - CASE_KEYS
    if unknown:
        raise CaseError(f"{sorted(unknown)[0]}: 未知字段")
    year = _int(data.get("year"), "year", 2019, 2100)
    first_month = _int(data.get("first_month", 1), "first_month", 1, 12)
    months_data = data.get("months")
    if not isinstance(months_data, list) or not months_data:
        raise CaseError("months: 应为非空数组")
    opening = _opening(data.get("opening"), first_month)
    months: list[MonthIncome] = []
    previous = first_month - 1 if opening is None else opening.month
    for index, entry in enumerate(months_data):
        where = f"months[{index}]"
        if not isinstance(entry, dict):
            raise CaseError(f"{where}: 应为 JSON 对象")
        extra = set(entry) - MONTH_KEYS
        if extra:
            raise CaseError(f"{where}.{sorted(extra)[0]}: 未知字段")
        month = _int(entry.get("month"), f"{where}.month", 1, 12)
        if month <= previous:
            after = "、晚于 opening.month" if opening is not None else ""
            raise CaseError(f"{where}.month: 月份应递增且不早于 first_month{after}，实为 {month}")
        previous = month
        if "income" not in entry:
            raise CaseError(f"{where}.income: 缺少收入")
        months.append(
            MonthIncome(
                month=month,
                **{
                    key: _amount(entry.get(key, 0), f"{where}.{key}")
                    for key in sorted(MONTH_KEYS - {"month"})
                },
            )
        )
    return TaxCase(
        year,
        first_month,
        _flag(data, "first_income_of_year"),
        _flag(data, "prior_year_low_income"),
        tuple(months),
        opening,
    )


def _text(amount: Decimal) -> str:
    return str(amount.quantize(FEN))


def explain(case: TaxCase) -> dict[str, Any]:
    """The output document of spec/tax-case.md: one object per month plus the year's total."""
    lines = cumulative_withholding(
        case.months,
        first_month=case.first_month,
        first_income_of_year=case.first_income_of_year,
        prior_year_low_income=case.prior_year_low_income,
        carried=case.opening,
    )
    months = [_line(line) for line in lines]
    _add_net_pay(case, lines, months)
    document: dict[str, Any] = {}
    if case.opening is not None:
        document["opening"] = _opening_line(case.opening)
    document["months"] = months
    document["total_withholding"] = _text(sum((line.withholding for line in lines), Decimal(0)))
    return document


def _opening_line(opening: Carried) -> dict[str, Any]:
    """The 期初 line: the year so far the first month continues from (its withholding is the
    tax withheld before; ``total_withholding`` counts only the months of the case)."""
    return {
        "month": opening.month,
        "cumulative_income": _text(opening.income),
        "cumulative_exempt_income": _text(opening.exempt_income),
        "cumulative_insurance": _text(opening.insurance),
        "cumulative_special_deductions": _text(opening.special_deductions),
        "cumulative_other_deductions": _text(opening.other_deductions),
        "withheld": _text(opening.withheld),
    }


def _add_net_pay(case: TaxCase, lines: list[WithholdingLine], months: list[dict[str, Any]]) -> None:
    """Each month's 实发 (§8.6): income − insurance − withholding, never negative; what it
    cannot cover is carried into the next month as 上月欠扣 (``owed_in``, ``owed_out``)."""
    owed = ZERO
    for income, line, month in zip(case.months, lines, months, strict=True):
        due = income.income - income.insurance - line.withholding
        net, carry = carry_shortfall(due, owed)
        month["owed_in"] = _text(carry.owed_in)
        month["owed_out"] = _text(carry.owed_out)
        month["net"] = _text(net)
        owed = carry.owed_out


def _line(line: WithholdingLine) -> dict[str, Any]:
    return {
        "month": line.month,
        "cumulative_income": _text(line.cumulative_income),
        "cumulative_exempt_income": _text(line.cumulative_exempt_income),
        "cumulative_basic_deduction": _text(line.cumulative_basic_deduction),
        "cumulative_insurance": _text(line.cumulative_insurance),
        "cumulative_special_deductions": _text(line.cumulative_special_deductions),
        "cumulative_other_deductions": _text(line.cumulative_other_deductions),
        "cumulative_taxable": _text(line.cumulative_taxable),
        "rate": str(line.rate),
        "quick_deduction": _text(line.quick_deduction),
        "cumulative_tax": _text(line.cumulative_tax),
        "withheld_before": _text(line.withheld_before),
        "withholding": _text(line.withholding),
    }
