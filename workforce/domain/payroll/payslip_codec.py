"""What a payslip was computed from, as canonical JSON text, and back (§8.5: every figure of a
locked month is reproducible from what is stored).

A month's shared inputs (scale version, rates, bounds, allowances, settings) are one document
(``MonthBasis``); each payslip stores only its own inputs (lines before proration, days, probation
share, contribution base, tax context). The payslip's hash covers both: SHA-256 of the month's hash
and the payslip's text. Amounts are decimal strings; no float is ever produced or accepted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from workforce.domain.payroll.insurance import BaseBounds, Contribution, InsuranceItem
from workforce.domain.payroll.payslip import MERGED, SEPARATE, PayInputs, PayLine, TaxContext
from workforce.domain.payroll.tax import Carried
from workforce.domain.payroll.work_calendar import CALENDAR_DAYS

FLAG_LETTERS = (("taxable", "t"), ("prorated", "p"), ("after_tax", "a"), ("insurable", "i"))
BONUS_LETTERS = ((SEPARATE, "s"), (MERGED, "m"))  # 全年一次性奖金 and its tax treatment


def canonical(document: Any) -> str:
    """The one text of a JSON document: sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _loads(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


@dataclass(frozen=True, slots=True)
class MonthBasis:
    """The inputs every payslip of a month shares."""

    period: dt.date
    days_in_month: int
    scale_effective_date: dt.date
    insurance_items: tuple[InsuranceItem, ...]
    bounds: BaseBounds
    allowances: dict[str, str]
    probation_share: Decimal
    certificate_from_next_month: bool
    # By working days (§8.1): ``days_in_month`` is then the month's working days, from the
    # month's holidays and adjusted working days kept here. Absent from the text by calendar
    # days, so months calculated before the option keep their text and hash.
    proration: str = CALENDAR_DAYS
    holidays: tuple[str, ...] = ()
    workdays: tuple[str, ...] = ()

    def document(self) -> dict[str, Any]:
        document = self._document()
        if self.proration != CALENDAR_DAYS:
            document["proration"] = self.proration
            document["holidays"] = list(self.holidays)
            document["workdays"] = list(self.workdays)
        return document

    def _document(self) -> dict[str, Any]:
        return {
            "period": f"{self.period:%Y-%m}",
            "days_in_month": self.days_in_month,
            "scale_effective_date": self.scale_effective_date.isoformat(),
            "insurance": [
                {
                    "code": i.code,
                    "name": i.name,
                    "employer_rate": str(i.employer_rate),
                    "individual_rate": str(i.individual_rate),
                    "effective_date": i.effective_date.isoformat(),
                    "rounding": i.rounding,
                }
                for i in self.insurance_items
            ],
            "bounds": {
                "floor": str(self.bounds.floor),
                "ceiling": str(self.bounds.ceiling),
                "effective_date": self.bounds.effective_date.isoformat(),
            },
            "allowances": dict(sorted(self.allowances.items())),
            "probation_share": str(self.probation_share),
            "certificate_from_next_month": self.certificate_from_next_month,
        }

    def text(self) -> str:
        return canonical(self.document())

    @classmethod
    def from_text(cls, text: str) -> MonthBasis:
        data = _loads(text)
        bounds = data["bounds"]
        return cls(
            period=dt.date.fromisoformat(data["period"] + "-01"),
            days_in_month=int(data["days_in_month"]),
            scale_effective_date=dt.date.fromisoformat(data["scale_effective_date"]),
            insurance_items=tuple(
                InsuranceItem(
                    i["code"],
                    i["name"],
                    Decimal(i["employer_rate"]),
                    Decimal(i["individual_rate"]),
                    dt.date.fromisoformat(i["effective_date"]),
                    i["rounding"],
                )
                for i in data["insurance"]
            ),
            bounds=BaseBounds(
                Decimal(bounds["floor"]),
                Decimal(bounds["ceiling"]),
                dt.date.fromisoformat(bounds["effective_date"]),
            ),
            allowances=dict(data["allowances"]),
            probation_share=Decimal(data["probation_share"]),
            certificate_from_next_month=bool(data["certificate_from_next_month"]),
            proration=str(data.get("proration", CALENDAR_DAYS)),
            holidays=tuple(data.get("holidays", ())),
            workdays=tuple(data.get("workdays", ())),
        )


def _flags(line: PayLine) -> str:
    flags = "".join(letter for name, letter in FLAG_LETTERS if getattr(line, name))
    return flags + "".join(letter for bonus, letter in BONUS_LETTERS if line.bonus == bonus)


def _bonus(flags: str) -> str:
    return next((bonus for bonus, letter in BONUS_LETTERS if letter in flags), "")


def encode_lines(lines: Sequence[PayLine]) -> list[list[str]]:
    return [[line.code, line.name, str(line.amount), _flags(line)] for line in lines]


def decode_lines(rows: Sequence[Sequence[str]]) -> tuple[PayLine, ...]:
    return tuple(
        PayLine(
            code,
            name,
            Decimal(amount),
            taxable="t" in flags,
            prorated="p" in flags,
            after_tax="a" in flags,
            insurable="i" in flags,
            bonus=_bonus(flags),
        )
        for code, name, amount, flags in rows
    )


def _money(value: Decimal) -> str:
    return str(value)


def encode_inputs(inputs: PayInputs) -> str:
    """A payslip's own inputs as canonical text (worker id, month and rates live elsewhere)."""
    tax = inputs.tax
    if tax.earlier_months:
        raise ValueError("store the tax context as carried figures, not month by month")
    carried = tax.carried
    document = {
        "lines": encode_lines(inputs.lines),
        "days_employed": inputs.days_employed,
        "probation_share": None
        if inputs.probation_share is None
        else _money(inputs.probation_share),
        "contribution_base": _money(inputs.contribution_base),
        "tax": {
            "first_month": tax.first_month,
            "first_income_of_year": tax.first_income_of_year,
            "prior_year_low_income": tax.prior_year_low_income,
            "special_deductions": _money(tax.special_deductions),
            "other_deductions": _money(tax.other_deductions),
            "carried": None
            if carried is None
            else {
                "month": carried.month,
                "income": _money(carried.income),
                "exempt_income": _money(carried.exempt_income),
                "insurance": _money(carried.insurance),
                "special_deductions": _money(carried.special_deductions),
                "other_deductions": _money(carried.other_deductions),
                "withheld": _money(carried.withheld),
            },
        },
    }
    if inputs.owed:  # 上月欠扣 (§8.6); absent when nothing is owed, so older texts keep their hash
        document["owed"] = _money(inputs.owed)
    return canonical(document)


def decode_inputs(worker_id: int, text: str, basis: MonthBasis) -> PayInputs:
    """The engine's inputs for one stored payslip."""
    data = _loads(text)
    tax = data["tax"]
    carried = tax["carried"]
    share = data["probation_share"]
    owed = data.get("owed")
    return PayInputs(
        worker_id=worker_id,
        month=basis.period.month,
        lines=decode_lines(data["lines"]),
        days_employed=int(data["days_employed"]),
        days_in_month=basis.days_in_month,
        probation_share=None if share is None else Decimal(share),
        contribution_base=Decimal(data["contribution_base"]),
        insurance_items=basis.insurance_items,
        tax=TaxContext(
            first_month=int(tax["first_month"]),
            first_income_of_year=bool(tax["first_income_of_year"]),
            prior_year_low_income=bool(tax["prior_year_low_income"]),
            special_deductions=Decimal(tax["special_deductions"]),
            other_deductions=Decimal(tax["other_deductions"]),
            carried=None
            if carried is None
            else Carried(
                int(carried["month"]),
                Decimal(carried["income"]),
                Decimal(carried["exempt_income"]),
                Decimal(carried["insurance"]),
                Decimal(carried["special_deductions"]),
                Decimal(carried["other_deductions"]),
                Decimal(carried["withheld"]),
            ),
        ),
        owed=Decimal(0) if owed is None else Decimal(owed),
    )


def payslip_hash(month_hash: str, inputs_text: str) -> str:
    return sha256(f"{month_hash}\n{inputs_text}")


def encode_contributions(parts: Sequence[Contribution]) -> str:
    return canonical(
        [[p.code, p.name, str(p.base), str(p.employer), str(p.individual)] for p in parts]
    )


def decode_contributions(text: str) -> tuple[Contribution, ...]:
    return tuple(
        Contribution(code, name, Decimal(base), Decimal(employer), Decimal(individual))
        for code, name, base, employer, individual in _loads(text)
    )


def lines_text(lines: Sequence[PayLine]) -> str:
    return canonical(encode_lines(lines))


def lines_from_text(text: str) -> tuple[PayLine, ...]:
    return decode_lines(_loads(text))
