"""专项附加扣除 declarations as the desktop lists them (a unit's workers, or those found by name
or 身份证号), and the correction of a declaration entered wrongly (kind, amount, months, note).

A correction follows ``declare_deduction``'s rules and the lifecycle guard over every month the
old or the new declaration covers: an approved or locked month that paid the worker refuses it;
calculated months go back to draft and must be calculated again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import User
from workforce.persistence.payroll import SpecialDeduction
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.careers.facts import find_unit, scoped
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import checked_declaration
from workforce.services.payroll.guard import open_months

LIMIT = 5000  # rows shown at once; a district of 2,000 workers declares well under this


@dataclass(frozen=True, slots=True)
class DeclarationRow:
    declaration_id: int
    worker_id: int
    id_number: str
    name: str
    kind: str
    monthly_amount: Decimal
    from_month: dt.date
    to_month: dt.date | None
    note: str
    entered_by: str
    street: str
    community: str

    def in_force(self, month: dt.date) -> bool:
        return self.from_month <= month and (self.to_month is None or month <= self.to_month)


def declarations(
    db: Database, actor: Actor, *, unit_id: int | None = None, search: str = ""
) -> list[DeclarationRow]:
    """The declarations of the unit's workers (all when None), narrowed to a name or 身份证号
    containing ``search``; by street, community, worker and start month."""
    require(actor, Action.VIEW_WORKERS)
    text = search.strip()
    query = (
        select(
            SpecialDeduction.id,
            Worker.id,
            Worker.id_number,
            Worker.name,
            SpecialDeduction.kind,
            SpecialDeduction.monthly_amount,
            SpecialDeduction.from_month,
            SpecialDeduction.to_month,
            SpecialDeduction.note,
            User.display_name,
        )
        .select_from(SpecialDeduction)
        .join(Worker, Worker.id == SpecialDeduction.worker_id)
        .outerjoin(User, User.id == SpecialDeduction.created_by)
    )
    if text:
        query = query.where(
            or_(Worker.name.contains(text), Worker.id_number.contains(text.upper()))
        )
    with db.reading() as session:
        query = scoped(query, find_unit(session, unit_id))
        fetched = session.execute(query.limit(LIMIT)).all()
    rows = [
        DeclarationRow(i, w, number, name, kind, amount, first, last, note, by or "", st, co)
        for i, w, number, name, kind, amount, first, last, note, by, st, co in fetched
    ]
    return sorted(rows, key=lambda r: (r.street, r.community, r.name, r.worker_id, r.from_month))


def correct_deduction(
    db: Database,
    actor: Actor,
    declaration_id: int,
    *,
    kind: str,
    monthly_amount: Decimal | int | str,
    from_month: dt.date,
    to_month: dt.date | None,
    note: str = "",
) -> None:
    """更正申报: replace a declaration's kind, amount, months and note (audited as ``correct``)."""
    require(actor, Action.EDIT_PAY_INPUTS)
    amount, first, last = checked_declaration(kind, monthly_amount, from_month, to_month)
    with db.transaction() as session:
        row = session.get(SpecialDeduction, declaration_id)
        if row is None:
            raise ActionRefused(f"专项附加扣除申报 {declaration_id} 不存在")
        before = {
            "kind": row.kind,
            "monthly_amount": row.monthly_amount,
            "from_month": row.from_month,
            "to_month": row.to_month,
            "note": row.note,
        }
        after = {
            "kind": kind,
            "monthly_amount": amount,
            "from_month": first,
            "to_month": last,
            "note": note.strip(),
        }
        changes = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        if not changes:
            raise ActionRefused("申报内容没有变化")
        name = session.scalar(select(Worker.name).where(Worker.id == row.worker_id)) or ""
        if set(changes) != {"note"}:
            # Every month either version covers may change: both ranges must be open.
            ends = [row.to_month, last]
            open_months(
                session,
                actor,
                min(row.from_month, first),
                None if None in ends else max(e for e in ends if e is not None),
                f"更正「{name}」的专项附加扣除",
                worker_id=row.worker_id,
            )
        for key, (_old, new) in changes.items():
            setattr(row, key, new)
        audit.record(session, actor, "correct", "special_deduction", row.id, changes, note=name)


__all__ = ["DeclarationRow", "correct_deduction", "declarations"]
