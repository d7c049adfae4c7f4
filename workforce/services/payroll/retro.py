"""追溯调整 (§8.4, §8.6): a dated change made on purpose into months already approved or locked.

Those months stay exactly as they were paid. For every worker each of them paid, the items the
change touches are priced again under the change (with the month's own days and probation share)
and the difference against what the payslip paid becomes one itemised 补发 (or 补扣) line per
month in the next open month: the first month after the last approved or locked one, calculated
or not yet. The lines are pay items, taxable in the month they are paid, written and audited in
the change's own transaction; the clerk sees them first (``RetroPlan``) and confirms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.money import ZERO
from workforce.domain.payroll.employment import MonthSpan
from workforce.domain.payroll.pay_composition import PaidMonth, next_month
from workforce.domain.payroll.pay_item_sheet import ItemEntry
from workforce.domain.payroll.payslip_codec import MonthBasis, lines_from_text
from workforce.domain.vocab import WorkerStatus
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import Worker
from workforce.services.context import Actor
from workforce.services.payroll.guard import CLOSED
from workforce.services.payroll.items import write_items


@dataclass(frozen=True, slots=True)
class PaidSlip:
    """What a closed month paid one worker, as the retroactive pricing needs it."""

    worker_id: int
    post: str
    level: int
    codes: frozenset[str]
    """The codes of the regular lines the payslip carried."""
    paid: PaidMonth
    """The month's proration; ``amount``: what the touched items paid."""


@dataclass(frozen=True, slots=True)
class RetroLine:
    """One worker's difference for one closed month."""

    worker_id: int
    name: str
    id_number: str
    owed: dt.date
    item: str
    paid: Decimal
    due: Decimal

    @property
    def amount(self) -> Decimal:
        return self.due - self.paid


@dataclass(frozen=True, slots=True)
class RetroPlan:
    """What a retroactive change puts into ``pay_in`` (None: no month is closed yet)."""

    change: str
    pay_in: dt.date | None
    lines: tuple[RetroLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)


Pricing = Callable[[PayrollMonth, MonthBasis, Sequence[PaidSlip]], dict[int, Decimal]]
"""For one closed month: worker → the touched items' full-month amount under the change (a
worker left out is not touched)."""


def next_open_month(session: Session) -> dt.date | None:
    """The month after the last approved or locked one (None when none is closed)."""
    last = session.scalar(
        select(PayrollMonth.period)
        .where(PayrollMonth.status.in_(sorted(CLOSED)))
        .order_by(PayrollMonth.period.desc())
        .limit(1)
    )
    return None if last is None else next_month(last)


def _paid_slips(session: Session, month: PayrollMonth, codes: frozenset[str]) -> list[PaidSlip]:
    basis = MonthBasis.from_text(month.inputs)
    rows = session.execute(
        select(
            Payslip.worker_id,
            Payslip.post,
            Payslip.level,
            Payslip.status,
            Payslip.days_employed,
            Payslip.days_in_month,
            Payslip.lines,
        )
        .where(Payslip.month_id == month.id)
        .order_by(Payslip.worker_id)
    )
    slips = []
    for worker_id, post, level, status, days, days_in_month, lines in rows:
        paid_lines = [line for line in lines_from_text(lines) if line.code in codes]
        share = basis.probation_share if status == WorkerStatus.PROBATION.value else None
        paid = sum((line.amount for line in paid_lines), ZERO)
        slips.append(
            PaidSlip(
                worker_id,
                post,
                level,
                frozenset(line.code for line in paid_lines),
                PaidMonth(month.period, post, level, paid, days, days_in_month, share),
            )
        )
    return slips


def retro_plan(
    session: Session,
    months: Sequence[PayrollMonth],
    change: str,
    topic: str,
    codes: frozenset[str],
    pricing: Pricing,
) -> RetroPlan:
    """The 补发/补扣 lines of a change of the items ``codes`` (named ``topic`` on the line) over
    the closed ``months``: per worker and month, the change's pay as the month paid it (same days,
    same probation share) minus what the payslip paid for those items."""
    found: list[tuple[int, dt.date, Decimal, Decimal]] = []
    for month in sorted(months, key=lambda m: m.period):
        slips = _paid_slips(session, month, codes)
        due = pricing(month, MonthBasis.from_text(month.inputs), slips)
        for slip in slips:
            full = due.get(slip.worker_id)
            if full is None:
                continue
            amount = slip.paid.as_paid(full)
            if amount != slip.paid.amount:
                found.append((slip.worker_id, month.period, slip.paid.amount, amount))
    people = _people(session, sorted({worker_id for worker_id, *_ in found}))
    lines = []
    for worker_id, owed, paid, due_amount in found:
        name, id_number = people[worker_id]
        verb = "补发" if due_amount > paid else "补扣"
        item = f"{verb}{owed.year}年{owed.month}月{topic}"
        lines.append(RetroLine(worker_id, name, id_number, owed, item, paid, due_amount))
    pay_in = next_open_month(session) if months else None
    return RetroPlan(change, pay_in, tuple(lines))


def _people(session: Session, worker_ids: list[int]) -> dict[int, tuple[str, str]]:
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(worker_ids), 5000):
        chunk = worker_ids[start : start + 5000]
        rows = session.execute(
            select(Worker.id, Worker.name, Worker.id_number).where(Worker.id.in_(chunk))
        )
        found.update({worker_id: (name, id_number) for worker_id, name, id_number in rows})
    return found


def write_retro(session: Session, actor: Actor, plan: RetroPlan) -> list[int]:
    """Write the plan's lines as pay items of ``plan.pay_in`` (audited); returns their ids."""
    if not plan.lines or plan.pay_in is None:
        return []
    entries = [
        ItemEntry(
            line.id_number,
            plan.pay_in,
            line.item,
            line.amount,
            note=f"追溯调整：{plan.change}（{MonthSpan.of(line.owed).label()}应发{line.due}元，"
            f"已发{line.paid}元）",
        )
        for line in plan.lines
    ]
    # the clerk confirmed these lines when the preview showed them
    return write_items(session, actor, entries, note=f"追溯调整：{plan.change}", confirmed=True)
