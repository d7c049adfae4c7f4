"""A calculated month's way to payment (§8.5): approved by a second user, locked by finance, and
verified — every payslip re-derived from its stored inputs by the pure engine, to the fen.

Approval refuses when anything the payslips were computed from changed after the calculation
(a worker's level, an item, a rate …): the stored input hashes must match a fresh reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import ZERO, from_fen
from workforce.domain.payroll.month_seal import SEALED_PAYSLIP_FIELDS
from workforce.domain.payroll.payslip import PayInputs, compute_payslip
from workforce.domain.payroll.payslip_codec import (
    MonthBasis,
    decode_inputs,
    sha256,
)
from workforce.domain.problems import ActionRefused
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import PayrollMonth, Payslip
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.accounts.approval import self_approval_note
from workforce.services.backup import BEFORE_LOCK, backup
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.payroll.bank import Unpaid, unpaid_now
from workforce.services.payroll.calc import as_period
from workforce.services.payroll.compute import (
    FIGURE_COLUMNS,
    HASH,
    Engine,
    RawCarry,
    fen,
    figures,
    gather,
    load_carried,
    with_opening,
)
from workforce.services.payroll.guard import (
    APPROVED,
    CALCULATED,
    DRAFT,
    LOCKED,
    STATUS_NAMES,
    get_month,
    label,
    mark_draft,
)
from workforce.services.payroll.owed import load_owed
from workforce.services.payroll.paid_as import freeze_paid_as
from workforce.services.payroll.seal import (
    LOCK_ACTION,
    Mismatch,
    payee_findings,
    seal_findings,
    seal_of,
    sealed_rows,
)

COMPARED = FIGURE_COLUMNS


def _check_version(month: PayrollMonth, expected: int | None) -> None:
    if expected is not None and month.version != expected:
        raise ActionRefused(
            f"{label(month.period)}工资已被他人处理（版本 {expected} → {month.version}），"
            "请刷新后再操作"
        )


def stale_workers(session: Session, month: PayrollMonth) -> list[int]:
    """Workers whose inputs read now differ from those stored (or who were added or dropped)."""
    gathered = gather(session, month.period, month.id)
    engine = Engine(gathered)
    fresh = {p.worker_id: engine.figures(p)[HASH] for p in gathered.people}
    stored = dict(
        session.execute(
            select(Payslip.worker_id, Payslip.inputs_hash).where(Payslip.month_id == month.id)
        )
        .tuples()
        .all()
    )
    return sorted(w for w in fresh.keys() | stored.keys() if fresh.get(w) != stored.get(w))


def approve_month(
    db: Database, actor: Actor, period: str | dt.date, *, expected_version: int | None = None
) -> tuple[Unpaid, ...]:
    """审核: a second user approves the calculated month (four eyes), unless the region lets a
    single user act alone — which is then recorded. Refuses a month whose inputs changed since
    it was calculated. Returns the warning of §8.6: who the bank file will not pay (no valid
    account, nothing to pay), with the reason."""
    require(actor, Action.APPROVE_PAYROLL)
    first = as_period(period)
    with db.transaction() as session:
        month = get_month(session, first, for_update=True)
        _check_version(month, expected_version)
        if month.status != CALCULATED:
            hint = "，请先重新计算" if month.status == DRAFT else ""
            raise ActionRefused(
                f"{label(first)}工资{STATUS_NAMES[month.status]}，只有已计算的月份可以审核{hint}"
            )
        note = self_approval_note(
            session,
            actor,
            month.calculated_by,
            "工资须由计算人以外的审核员审核（双人复核）",
            "计算人",
        )
        with gc_paused():
            stale = stale_workers(session, month)
        if stale:
            names = session.scalars(
                select(Worker.name).where(Worker.id.in_(stale[:5])).order_by(Worker.id)
            ).all()
            raise ActionRefused(
                f"{label(first)}工资计算后，有{len(stale)}人的工资数据发生变化"
                f"（{'、'.join(names)}{'等' if len(stale) > 5 else ''}），请重新计算后再审核"
            )
        month.status = APPROVED
        month.approved_by = actor.user_id
        month.approved_at = utc_now()
        unpaid = tuple(unpaid_now(session, month))
        audit.record(
            session,
            actor,
            "approve",
            "payroll_month",
            month.id,
            {"status": (CALCULATED, APPROVED)},
            note=note + (f"{'；' if note else ''}不经银行代发{len(unpaid)}人" if unpaid else ""),
        )
        return unpaid


def return_month(db: Database, actor: Actor, period: str | dt.date, reason: str) -> None:
    """退回: an approved (not yet locked) month goes back to draft for corrections."""
    require(actor, Action.APPROVE_PAYROLL)
    if not reason.strip():
        raise ActionRefused("退回工资必须填写理由")
    first = as_period(period)
    with db.transaction() as session:
        month = get_month(session, first, for_update=True)
        if month.status == LOCKED:
            raise ActionRefused(
                f"{label(first)}工资已锁定，不能退回；如需更正，请在以后月份录入补扣发项目"
            )
        if month.status not in (CALCULATED, APPROVED):
            raise ActionRefused(f"{label(first)}工资{STATUS_NAMES[month.status]}，无需退回")
        month.approved_by = month.approved_at = None
        mark_draft(session, actor, month, f"退回：{reason.strip()}")


def _lockable(month: PayrollMonth, expected_version: int | None) -> None:
    _check_version(month, expected_version)
    if month.status != APPROVED:
        raise ActionRefused(
            f"{label(month.period)}工资{STATUS_NAMES[month.status]}，只有已审核的月份可以锁定"
        )


def lock_month(
    db: Database, actor: Actor, period: str | dt.date, *, expected_version: int | None = None
) -> None:
    """锁定 (paid): an approved month becomes final; nothing may change it afterwards."""
    require(actor, Action.LOCK_PAYROLL)
    first = as_period(period)
    with db.reading() as session:  # a lock that will be refused writes no backup
        _lockable(get_month(session, first), expected_version)
    backup(db, BEFORE_LOCK)  # the embedded file as it was before the month became final
    with db.transaction() as session:
        month = get_month(session, first, for_update=True)
        _lockable(month, expected_version)
        freeze_paid_as(session, month.id)  # its files show who was paid, as paid (§8.6)
        month.status = LOCKED
        month.locked_by = actor.user_id
        month.locked_at = utc_now()
        month.seal = seal_of(month, sealed_rows(session, month.id))
        audit.record(
            session,
            actor,
            LOCK_ACTION,
            "payroll_month",
            month.id,
            {"status": (APPROVED, LOCKED), "seal": (None, month.seal)},
            note=f"{month.worker_count}人，实发合计{month.net_total}",
        )


@dataclass(frozen=True, slots=True)
class Verification:
    period: dt.date
    status: str
    checked: int
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _raw_carry(inputs: PayInputs) -> RawCarry | None:
    tax = inputs.tax
    c = tax.carried
    if c is None:
        return None
    return (
        tax.first_month,
        c.month,
        fen(c.income),
        fen(c.exempt_income),
        fen(c.insurance),
        fen(c.special_deductions),
        fen(c.other_deductions),
        fen(c.withheld),
    )


def _check_payslips(
    rows: Sequence[Any],
    basis: MonthBasis,
    month_hash: str,
    carried: dict[int, RawCarry],
    owed: dict[int, Decimal],
) -> tuple[dict[str, int], list[Mismatch]]:
    """Re-derive each stored row (once per distinct inputs text) and compare it, figure by figure
    and with the figures carried from the previous payslip of the year and the 欠扣 carried from
    the previous month."""
    memo: dict[str, tuple[tuple[Any, ...], RawCarry | None, Decimal] | None] = {}
    positions = {key: FIGURE_COLUMNS.index(key) for key in ("gross", "tax", "net", "employer")}
    totals = dict.fromkeys(positions, 0)
    inputs_at = FIGURE_COLUMNS.index("inputs")
    mismatches: list[Mismatch] = []
    for row in rows:
        worker_id, stored = row[0], tuple(row[1:])
        for key, position in positions.items():
            totals[key] += int(stored[position])
        text = stored[inputs_at]
        if text not in memo:
            try:
                inputs = decode_inputs(0, text, basis)
            except (ValueError, KeyError, TypeError, ArithmeticError):
                memo[text] = None
            else:
                derived = figures(compute_payslip(inputs), inputs, month_hash)
                memo[text] = (derived, _raw_carry(inputs), inputs.owed)
        entry = memo[text]
        name = ""  # filled in by ``_named``
        if entry is None:
            mismatches.append(Mismatch(worker_id, name, "inputs", "无法读取", "—"))
            continue
        derived, carry, owed_in = entry
        if stored != derived:
            mismatches.extend(
                Mismatch(worker_id, name, key, str(a), str(b))
                for key, a, b in zip(FIGURE_COLUMNS, stored, derived, strict=True)
                if a != b
            )
        if carry != carried.get(worker_id):
            expected = carried.get(worker_id)
            mismatches.append(Mismatch(worker_id, name, "carried", str(expected), str(carry)))
        if owed_in != owed.get(worker_id, ZERO):
            expected_owed = str(owed.get(worker_id, ZERO))
            mismatches.append(Mismatch(worker_id, name, "owed", expected_owed, str(owed_in)))
    return totals, mismatches


def _named(session: Session, found: list[Mismatch]) -> list[Mismatch]:
    ids = sorted({m.worker_id for m in found if m.worker_id is not None})
    if not ids:
        return found
    names = dict(
        session.execute(select(Worker.id, Worker.name).where(Worker.id.in_(ids[:5000])))
        .tuples()
        .all()
    )
    return [
        replace(m, name=names.get(m.worker_id, str(m.worker_id))) if m.worker_id else m
        for m in found
    ]


def verify_month(db: Database, actor: Actor, period: str | dt.date) -> Verification:
    """核验: re-derive every payslip of the month from its stored inputs with the pure engine and
    compare every stored figure to the fen; also the hashes, the chain of the cumulative tax from
    the previous payslip of the year, the month's count and totals, who has a payslip against who
    was employed in the month, and the seal taken at the lock (``payroll_seal``)."""
    require(actor, Action.EXPORT_PAYROLL)
    first = as_period(period)
    with db.reading() as session:
        month = get_month(session, first)
        if month.status == DRAFT:
            raise ActionRefused(f"{label(first)}工资为草稿，请先计算")
        mismatches: list[Mismatch] = []
        if sha256(month.inputs) != month.inputs_hash:
            mismatches.append(Mismatch(None, "", "month.inputs_hash", month.inputs_hash, "…"))
        basis = MonthBasis.from_text(month.inputs)
        stored = sealed_rows(session, month.id)
        at = [SEALED_PAYSLIP_FIELDS.index(name) for name in ("worker_id", *COMPARED)]
        rows = [[row[i] for i in at] for row in stored]
        paid = {row[0] for row in rows}
        carried = with_opening(session, first, paid, load_carried(session, first, paid))
        with gc_paused():
            owed = load_owed(session, first, paid)
            totals, found = _check_payslips(rows, basis, month.inputs_hash, carried, owed)
        found.extend(payee_findings(session, month, paid))
        mismatches.extend(_named(session, found))
        mismatches.extend(seal_findings(session, month, stored))
        for key, stored_total in (
            ("gross", month.gross_total),
            ("tax", month.tax_total),
            ("net", month.net_total),
            ("employer", month.employer_total),
        ):
            if from_fen(totals[key]) != stored_total:
                derived_total = str(from_fen(totals[key]))
                mismatches.append(
                    Mismatch(None, "", f"month.{key}_total", str(stored_total), derived_total)
                )
        if len(rows) != month.worker_count:
            mismatches.append(
                Mismatch(None, "", "month.worker_count", str(month.worker_count), str(len(rows)))
            )
        return Verification(first, month.status, len(rows), tuple(mismatches))
