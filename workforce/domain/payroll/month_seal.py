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

FORMAT = "workforce-month-seal/2"
FORMAT_1 = "workforce-month-seal/1"
"""A month without any 欠扣 is sealed as before the carry existed (its seal unchanged); a month
with one in format 2, whose lines hold every field."""
CARRY_FIELDS = ("owed_in", "owed_out")

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
    # 上月欠扣 deducted and 欠扣转下月 carried (§8.6; sealed in format 2, see ``month_seal``)
    "owed_in",
    "owed_out",
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
    ``SEALED_PAYSLIP_FIELDS`` in that order (any row order: they are taken by worker).

    A month where no one owes or carries anything is sealed in format 1 (without the carry
    fields), so the seals of months locked before the carry existed still verify; any carry
    makes it format 2 (a carry changed to nothing, or from nothing, changes the digest)."""
    rows = list(payslips)
    for row in rows:
        if len(row) != len(SEALED_PAYSLIP_FIELDS):
            raise ValueError(
                f"a payslip row of {len(row)} values, not {len(SEALED_PAYSLIP_FIELDS)}"
            )
    carry_at = [SEALED_PAYSLIP_FIELDS.index(name) for name in CARRY_FIELDS]
    fields: Sequence[str] = SEALED_PAYSLIP_FIELDS
    form = FORMAT
    if not any(row[i] for row in rows for i in carry_at):
        kept = [i for i in range(len(fields)) if i not in carry_at]
        fields, form = [fields[i] for i in kept], FORMAT_1
        rows = [[row[i] for i in kept] for row in rows]
    digest = hashlib.sha256()
    header = [
        form,
        list(fields),
        totals.period.isoformat(),
        totals.count,
        totals.gross,
        totals.tax,
        totals.net,
        totals.employer,
    ]
    digest.update(_ENCODE(header).encode("ascii") + b"\n")
    for row in sorted(rows, key=lambda r: r[0]):  # type: ignore[arg-type, return-value]
        digest.update(_ENCODE([_plain(v) for v in row]).encode("ascii") + b"\n")
    return digest.hexdigest()
