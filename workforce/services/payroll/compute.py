"""Everything a month's payslips are computed from, gathered in bulk, and the payslip rows the
pure engine makes of it (§8). Shared by the calculation and by the approval's staleness check.

Identical inputs give identical payslips: the engine runs once per distinct input (workers of the
same post, level, allowances, base and year so far share one), and the rows carry integer fen so
the bulk insert passes them straight through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.money import ZERO
from workforce.domain.payroll.insurance import clamp_base, employer_total
from workforce.domain.payroll.month_seal import PAYSLIP_FIGURES, PAYSLIP_WHO
from workforce.domain.payroll.payslip import PayInputs, Payslip, TaxContext, compute_payslip
from workforce.domain.payroll.payslip_codec import (
    encode_contributions,
    encode_inputs,
    lines_text,
    payslip_hash,
)
from workforce.domain.payroll.tax import Carried
from workforce.persistence.payroll import PayrollMonth, bulk_table
from workforce.persistence.payroll import Payslip as PayslipRow
from workforce.services.context import Actor
from workforce.services.payroll.arrears import Arrears, applied_runs_in_force, owed_arrears
from workforce.services.payroll.bases import (
    AVERAGE,
    NEW_HIRE,
    OVERRIDE,
    StoredBase,
    base_row,
    last_year_averages,
    stored_base_rows,
)
from workforce.services.payroll.basis import Basis, load_basis
from workforce.services.payroll.deductions import monthly_special_deductions, tax_flags
from workforce.services.payroll.opening import opening_carried
from workforce.services.payroll.owed import load_owed
from workforce.services.payroll.people import Person, add_items, full_month_insurable, load_people

CHUNK = 5000


def fen(amount: Decimal) -> int:
    return int(amount.scaleb(2))


RawCarry = tuple[int, int, int, int, int, int, int, int]
"""(first month here, last month, income, exempt, insurance, special, other, withheld) in fen."""


@dataclass
class Gathered:
    basis: Basis
    people: list[Person]
    items: int
    arrears: Arrears
    bases: dict[int, Decimal]
    new_bases: list[tuple[int, Decimal, str]] = field(default_factory=list)
    replaced_bases: dict[int, StoredBase] = field(default_factory=dict)
    """The stored computed bases this calculation settles again (worker → raw figures)."""
    special: dict[int, Decimal] = field(default_factory=dict)
    flags: dict[int, tuple[bool, bool]] = field(default_factory=dict)
    carried: dict[int, RawCarry] = field(default_factory=dict)
    runs: list[int] = field(default_factory=list)
    owed: dict[int, Decimal] = field(default_factory=dict)
    """上月欠扣 (§8.6): per worker, the shortfall the previous month carried."""


def carried_value(raw: RawCarry) -> tuple[int, Carried]:
    """(first month here, the year so far) from the raw figures."""
    first, month, *amounts = raw
    income, exempt, insurance, special, other, withheld = (Decimal(v).scaleb(-2) for v in amounts)
    return first, Carried(month, income, exempt, insurance, special, other, withheld)


def load_carried(session: Session, period: dt.date, needed: set[int]) -> dict[int, RawCarry]:
    """Per worker, the raw figures the year so far carries into ``period``, from the latest
    payslip of the year before it: the previous month for almost everyone (read as raw fen),
    one query for the rest."""
    if period.month == 1:
        return {}
    in_year = (PayrollMonth.period >= period.replace(month=1), PayrollMonth.period < period)
    latest = session.execute(
        select(PayrollMonth.id, PayrollMonth.period)
        .where(*in_year)
        .order_by(PayrollMonth.period.desc())
        .limit(1)
    ).first()
    if latest is None:
        return {}
    raw = bulk_table(PayslipRow)
    figures = (
        raw.c.tax_first_month,
        raw.c.cum_income,
        raw.c.cum_exempt,
        raw.c.cum_insurance,
        raw.c.cum_special,
        raw.c.cum_other,
        raw.c.withheld_before,
        raw.c.tax,
        raw.c.bonus_tax,
    )
    found: dict[int, RawCarry] = {}

    def keep(month: int, row: Any) -> None:
        # A separately taxed bonus's tax is not part of the cumulative withholding.
        worker_id, first, income, exempt, insurance, special, other, before, tax, bonus = row
        withheld = before + tax - bonus
        found[worker_id] = (first, month, income, exempt, insurance, special, other, withheld)

    for row in session.execute(
        select(raw.c.worker_id, *figures).where(raw.c.month_id == latest.id)
    ):
        keep(latest.period.month, row)
    missing = sorted(needed - set(found))
    months: dict[int, dt.date] = dict(
        session.execute(select(PayrollMonth.id, PayrollMonth.period).where(*in_year)).tuples().all()
    )
    for start in range(0, len(missing), CHUNK):
        chunk = missing[start : start + CHUNK]
        rows = session.execute(
            select(raw.c.month_id, raw.c.worker_id, *figures).where(
                raw.c.month_id.in_(list(months)), raw.c.worker_id.in_(chunk)
            )
        ).all()
        for row in sorted(rows, key=lambda r: months[r[0]]):  # the latest month last
            keep(months[row[0]].month, row[1:])
    return found


def with_opening(
    session: Session, period: dt.date, ids: set[int], carried: dict[int, RawCarry]
) -> dict[int, RawCarry]:
    """``carried`` completed by the year's opening figures (期初累计, §8.6) for the workers no
    payslip of the year carries yet: the first calculated month continues from them."""
    opening = opening_carried(session, period, ids - carried.keys())
    return {**opening, **carried} if opening else carried


def gather(session: Session, period: dt.date, month_id: int | None) -> Gathered:
    """Read everything the month's payslips need (no writes)."""
    basis = load_basis(session, period)
    span = basis.span
    people = load_people(session, span, basis.scale, basis.allowances, basis.calendar)
    items = add_items(session, span, people, basis.bonus_default)
    ids = {p.worker_id for p in people}
    arrears = owed_arrears(session, span, month_id, ids)
    for person in people:
        person.extra.extend(arrears.lines.get(person.worker_id, ()))
    year = period.year
    carried = load_carried(session, span.first, ids)
    gathered = Gathered(basis, people, items, arrears, {})
    gathered.carried = with_opening(session, span.first, ids, carried)
    # A computed base is settled by the first month of the year that pays the worker and is
    # locked; until then each calculation settles it again (a corrected level or item counts).
    for worker_id, stored in stored_base_rows(session, year).items():
        if stored[2] == OVERRIDE or worker_id in carried or worker_id not in ids:
            gathered.bases[worker_id] = Decimal(stored[0]).scaleb(-2)
        else:
            gathered.replaced_bases[worker_id] = stored
    missing = [p for p in people if p.worker_id not in gathered.bases]
    if missing:
        _settle_bases(gathered, missing, last_year_averages(session, year))
    gathered.special = monthly_special_deductions(session, span.first)
    gathered.flags = tax_flags(session, year)
    gathered.runs = sorted(set(applied_runs_in_force(session, span)) | arrears.runs)
    gathered.owed = load_owed(session, span.first, ids)
    return gathered


def _settle_bases(gathered: Gathered, missing: list[Person], averages: dict[int, Decimal]) -> None:
    """The computed bases of the ``missing`` workers (last year's average, else a new hire's
    full month): workers with the same regular lines and no own lines share one new-hire figure,
    equal figures one clamped base."""
    share, bounds = gathered.basis.month.probation_share, gathered.basis.month.bounds
    full: dict[tuple[int, bool], Decimal] = {}
    clamped: dict[Decimal, Decimal] = {}
    for person in missing:
        computed = averages.get(person.worker_id)
        source = AVERAGE
        if computed is None:
            source, key = NEW_HIRE, (id(person.regular), person.probation)
            computed = None if person.extra else full.get(key)
            if computed is None:
                computed = full_month_insurable(person.lines, share if person.probation else None)
                if not person.extra:
                    full[key] = computed
        gathered.new_bases.append((person.worker_id, computed, source))
        base = clamped.get(computed)
        if base is None:
            base = clamped[computed] = clamp_base(computed, bounds)
        gathered.bases[person.worker_id] = base


BASE_COLUMNS = (
    "worker_id",
    "year",
    "base",
    "computed",
    "source",
    "reason",
    "updated_by",
    "updated_at",
)


def base_rows(gathered: Gathered, actor: Actor, now: object) -> list[tuple[Any, ...]]:
    """The contribution bases the calculation settled, in ``BASE_COLUMNS`` order (raw fen,
    ``now`` as the driver stores it); equal figures share their converted values."""
    year, bounds = gathered.basis.span.first.year, gathered.basis.month.bounds
    settled: dict[tuple[Decimal, str], tuple[Any, ...]] = {}
    rows = []
    for worker_id, computed, source in gathered.new_bases:
        tail = settled.get((computed, source))
        if tail is None:
            row = base_row(worker_id, year, computed, bounds, source, actor)
            row["base"], row["computed"], row["updated_at"] = fen(row["base"]), fen(computed), now
            tail = settled[(computed, source)] = tuple(row[c] for c in BASE_COLUMNS[2:])
        rows.append((worker_id, year, *tail))
    return rows


def employed_from(person: Person, period: dt.date) -> int:
    """The month the worker joined, if in this year; else January."""
    joined = person.joined
    return joined.month if joined is not None and joined.year == period.year else 1


def inputs_for(gathered: Gathered, person: Person) -> PayInputs:
    """The engine's inputs for one person (worker id 0: identical inputs are shared).

    The first month employed here in the year (§8.3) is carried from the year's earlier payslips
    or opening figures (期初累计), else the month the worker joined this year, else January.
    """
    basis = gathered.basis.month
    raw = gathered.carried.get(person.worker_id)
    carried = None if raw is None else carried_value(raw)
    first, low = gathered.flags.get(person.worker_id, (False, False))
    return PayInputs(
        worker_id=0,
        month=basis.period.month,
        lines=person.lines,
        days_employed=person.days,
        days_in_month=basis.days_in_month,
        probation_share=basis.probation_share if person.probation else None,
        contribution_base=clamp_base(gathered.bases[person.worker_id], basis.bounds),
        insurance_items=basis.insurance_items,
        tax=TaxContext(
            first_month=carried[0] if carried else employed_from(person, basis.period),
            first_income_of_year=first,
            prior_year_low_income=low,
            special_deductions=gathered.special.get(person.worker_id, ZERO),
            carried=carried[1] if carried else None,
        ),
        owed=gathered.owed.get(person.worker_id, ZERO),
    )


FIGURE_COLUMNS = PAYSLIP_FIGURES
"""A payslip's stored figures, in the order ``figures`` gives them."""
WORKER_COLUMNS = ("month_id", *PAYSLIP_WHO)
PAYSLIP_COLUMNS = WORKER_COLUMNS + FIGURE_COLUMNS
NET = FIGURE_COLUMNS.index("net")
HASH = FIGURE_COLUMNS.index("inputs_hash")


def figures(slip: Payslip, inputs: PayInputs, month_hash: str) -> tuple[Any, ...]:
    """A payslip's stored figures (integer fen, JSON text, hash) in ``FIGURE_COLUMNS`` order."""
    line = slip.tax_line
    text = encode_inputs(inputs)
    return (
        fen(slip.gross),
        fen(slip.taxable_income),
        fen(slip.insurable_gross),
        fen(slip.insurance),
        fen(employer_total(slip.contributions)),
        fen(slip.special_deductions),
        fen(slip.other_deductions),
        fen(slip.tax),
        fen(slip.after_tax_deductions),
        fen(slip.net),
        inputs.tax.first_month,
        fen(line.cumulative_income),
        fen(line.cumulative_exempt_income),
        fen(line.cumulative_basic_deduction),
        fen(line.cumulative_insurance),
        fen(line.cumulative_special_deductions),
        fen(line.cumulative_other_deductions),
        fen(line.cumulative_taxable),
        fen(line.rate),
        fen(line.quick_deduction),
        fen(line.cumulative_tax),
        fen(line.withheld_before),
        fen(slip.bonus_income),
        fen(slip.bonus_tax),
        fen(slip.carry.owed_in),
        fen(slip.carry.owed_out),
        lines_text(slip.lines),
        encode_contributions(slip.contributions),
        text,
        payslip_hash(month_hash, text),
    )


class Engine:
    """The pure engine over a gathered month, once per distinct input: workers with the same
    regular lines (shared objects), own lines, days, base, deductions and year so far share one
    payslip computation, its JSON texts and its hash."""

    def __init__(self, gathered: Gathered) -> None:
        self.gathered = gathered
        self.memo: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._period = gathered.basis.month.period
        self._bases, self._special = gathered.bases, gathered.special
        self._flags, self._carried = gathered.flags, gathered.carried
        self._owed = gathered.owed

    def _key(self, person: Person) -> tuple[Any, ...]:
        """What the payslip depends on."""
        worker_id = person.worker_id
        return (
            id(person.regular),
            tuple(person.extra),
            person.days,
            person.probation,
            employed_from(person, self._period),
            self._bases[worker_id],
            self._special.get(worker_id),
            self._flags.get(worker_id),
            self._carried.get(worker_id),
            self._owed.get(worker_id),
        )

    def figures(self, person: Person) -> tuple[Any, ...]:
        key = self._key(person)
        found = self.memo.get(key)
        if found is None:
            inputs = inputs_for(self.gathered, person)
            found = figures(compute_payslip(inputs), inputs, self.gathered.basis.hash)
            self.memo[key] = found
        return found


def payslip_rows(
    gathered: Gathered, month_id: int, check: Callable[[int], None]
) -> list[tuple[Any, ...]]:
    """One row per person in ``PAYSLIP_COLUMNS`` order. ``check(done)`` is called every few
    thousand people (progress and cancel)."""
    engine = Engine(gathered)
    days_in_month = gathered.basis.month.days_in_month
    rows = []
    for index, person in enumerate(gathered.people):
        if index % CHUNK == 0:
            check(index)
        rows.append(
            (
                month_id,
                person.worker_id,
                person.community_id,
                person.post,
                person.level,
                person.status,
                person.days,
                days_in_month,
                *engine.figures(person),
            )
        )
    return rows
