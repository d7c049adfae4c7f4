"""The seal of a locked month (issue 13 §7): one SHA-256 digest over every stored figure and
input reference of its payslips, with the month's count and totals, taken when the month is
locked. ``payroll verify`` recomputes it: a payslip deleted, added or edited behind the
program's back (and the totals lowered to match) no longer gives the digest the lock recorded.

The text hashed is canonical: a header line (format, the field names, period, count, totals in
fen) and one line per payslip in worker order, each a compact JSON array of the fields below as
stored (integers as integers, text as text), ASCII-escaped so any text encodes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FORMAT = "workforce-month-seal/1"

PAYSLIP_WHO: tuple[str, ...] = (
    # who, where and for how long
    "worker_id",
    "community_id",
    "post",
    "level",
    "status",
    "days_employed",
    "days_in_month",
)
"""A payslip's columns that say whose it is (after ``month_id``), as the calculation writes them."""

PAYSLIP_FIGURES: tuple[str, ...] = (
    # the figures (integer fen; the tax rate in hundredths)
    "gross",
    "taxable_income",
    "insurable_gross",
    "insurance",
    "employer",
    "special_deductions",
    "other_deductions",
    "tax",
    "after_tax",
    "net",
    "tax_first_month",
    "cum_income",
    "cum_exempt",
    "cum_basic",
    "cum_insurance",
    "cum_special",
    "cum_other",
    "cum_taxable",
    "tax_rate",
    "quick_deduction",
    "cum_tax",
    "withheld_before",
    "bonus_income",
    "bonus_tax",
    # the lines and contributions as text, the inputs the engine ran on and their hash
    "lines",
    "contributions",
    "inputs",
    "inputs_hash",
)
"""A payslip's stored figures, in the order the calculation computes them."""

PAYSLIP_PAID_AS: tuple[str, ...] = (
    "name",
    "id_number",
    "street_name",
    "community_name",
    "bank_account_name",
    "bank_name",
    "bank_account",
)
"""Who was paid, as paid (§8.6): copied from the worker's file when the month is locked, just
before it is sealed."""

SEALED_PAYSLIP_FIELDS = PAYSLIP_WHO + PAYSLIP_FIGURES + PAYSLIP_PAID_AS
"""Every payslip column the seal covers, in the order of each line: all but ``id`` and
``month_id`` (a test holds this list to the table). A column added to the payslip is added here."""


@dataclass(frozen=True, slots=True)
class MonthTotals:
    """What the month row says of its payslips: count and totals in integer fen."""

    period: dt.date
    count: int
    gross: int
    tax: int
    net: int
    employer: int


_ENCODE = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


def _plain(value: object) -> object:
    if value is None or type(value) is int or type(value) is str:
        return value
    return str(value)  # a Decimal, a date: its own text


def month_seal(totals: MonthTotals, payslips: Iterable[Sequence[object]]) -> str:
    """The seal: SHA-256 (hex) of the canonical text. ``payslips`` are rows of the values of
    ``SEALED_PAYSLIP_FIELDS`` in that order (any row order: they are taken by worker)."""
    digest = hashlib.sha256()
    header = [
        FORMAT,
        list(SEALED_PAYSLIP_FIELDS),
        totals.period.isoformat(),
        totals.count,
        totals.gross,
        totals.tax,
        totals.net,
        totals.employer,
    ]
    digest.update(_ENCODE(header).encode("ascii") + b"\n")
    for row in sorted(payslips, key=lambda r: r[0]):  # type: ignore[arg-type, return-value]
        if len(row) != len(SEALED_PAYSLIP_FIELDS):
            raise ValueError(
                f"a payslip row of {len(row)} values, not {len(SEALED_PAYSLIP_FIELDS)}"
            )
        digest.update(_ENCODE([_plain(v) for v in row]).encode("ascii") + b"\n")
    return digest.hexdigest()
