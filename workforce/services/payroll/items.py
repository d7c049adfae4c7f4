"""The month's pay items a clerk enters (§3: 取暖补贴, 扣款, 全年一次性奖金 …): one at a time or
imported in bulk. Items of an approved or locked month are refused; a calculated month goes back to
draft. An annual bonus carries its tax treatment (单独计税 or 并入综合所得) or "" for the region's
default, settled when the month is calculated."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.money import to_money
from workforce.domain.payroll.pay_item_sheet import NAME_MAX, ItemEntry
from workforce.domain.payroll.payslip import BONUS_TREATMENTS
from workforce.domain.problems import ActionRefused, Problem
from workforce.persistence.base import utc_now
from workforce.persistence.payroll import PayItem
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deduction_checks import DeductionsToConfirm, entry_warnings
from workforce.services.payroll.guard import label, refuse_closed_periods
from workforce.services.sheet_import import people_by_number

__all__ = [
    "DeductionsToConfirm",
    "add_item",
    "add_items",
    "deduction_warnings",
    "remove_item",
    "write_items",
]


def _checked(entry: ItemEntry) -> ItemEntry:
    name = entry.name.strip()
    if not name:
        raise ActionRefused("项目名称不能为空")
    if len(name) > NAME_MAX or len((entry.code or name).strip()) > NAME_MAX:
        raise ActionRefused(f"项目名称「{name[:NAME_MAX]}…」过长：最多{NAME_MAX}个字")
    amount = to_money(entry.amount)
    if not amount:
        raise ActionRefused(f"项目「{name}」的金额不能为0")
    if entry.after_tax and amount > 0:
        raise ActionRefused(f"税后项目「{name}」只能是扣款（负数）")
    bonus = entry.annual_bonus
    if bonus is not None:
        if bonus and bonus not in BONUS_TREATMENTS:
            raise ActionRefused(f"全年一次性奖金「{name}」的计税方式「{bonus}」无效")
        if amount < 0 or entry.after_tax or not entry.taxable:
            raise ActionRefused(
                f"全年一次性奖金「{name}」应为计税的发放项目（正数，非税后扣款），实为{amount}元"
            )
    return ItemEntry(
        entry.id_number.strip().upper(),
        entry.period.replace(day=1),
        name,
        amount,
        entry.taxable and not entry.after_tax,
        entry.insurable and not entry.after_tax,
        entry.after_tax,
        entry.note.strip(),
        (entry.code or name).strip(),
        bonus,
    )


def _row(worker_id: int, entry: ItemEntry, actor: Actor) -> dict[str, Any]:
    return {
        "worker_id": worker_id,
        "period": entry.period,
        "code": entry.code,
        "name": entry.name,
        "amount": entry.amount,
        "taxable": entry.taxable,
        "insurable": entry.insurable,
        "after_tax": entry.after_tax,
        "note": entry.note,
        "annual_bonus": entry.annual_bonus,
        "created_by": actor.user_id,
        "created_at": utc_now(),
    }


def add_items(
    db: Database,
    actor: Actor,
    entries: Sequence[ItemEntry],
    note: str = "",
    *,
    confirmed: bool = False,
) -> list[int]:
    """Add items (a form or an import) in one transaction; refuses them all when one is
    invalid, names an unknown ID number, or falls in an approved or locked month. A deduction
    larger than the worker's gross of the month (§10) refuses them all with the warnings
    (``DeductionsToConfirm``) unless ``confirmed``; a confirmed one is noted in the audit.
    Returns the new items' ids."""
    require(actor, Action.EDIT_PAY_INPUTS)
    checked = [_checked(e) for e in entries]
    if not checked:
        raise ActionRefused("没有要录入的项目")
    with db.transaction() as session:
        return write_items(session, actor, checked, note, confirmed=confirmed)


def write_items(
    session: Session,
    actor: Actor,
    entries: Sequence[ItemEntry],
    note: str = "",
    *,
    confirmed: bool,
) -> list[int]:
    """Insert and audit checked items inside the caller's transaction (the 补发/补扣 of a
    retroactive change are written with the change itself). A deduction larger than the
    worker's gross of the month (§10) refuses them all with the warnings
    (``DeductionsToConfirm``) unless ``confirmed``; a confirmed one is noted in the audit."""
    checked = [_checked(e) for e in entries]
    people = people_by_number(session, sorted({e.id_number for e in checked}))
    ids = {number: person[0] for number, person in people.items()}
    unknown = sorted({e.id_number for e in checked} - set(ids))
    if unknown:
        raise ActionRefused(
            f"以下身份证号不在人员档案中：{'、'.join(unknown[:5])}"
            + (f"等{len(unknown)}个" if len(unknown) > 5 else "")
        )
    periods = {e.period for e in checked}
    refuse_closed_periods(session, actor, periods, "录入或修改工资项目")
    warnings = entry_warnings(session, checked, people)
    if warnings and not confirmed:
        more = f"（共{len(warnings)}条）" if len(warnings) > 1 else ""
        raise DeductionsToConfirm(f"{warnings[0].message}{more}", tuple(warnings))
    rows = [_row(ids[e.id_number], e, actor) for e in checked]
    returned = session.scalars(
        insert(PayItem).returning(PayItem.id, sort_by_parameter_order=True), rows
    ).all()
    audit.record_many(
        session,
        actor,
        "create",
        "pay_item",
        (
            (
                item_id,
                {
                    "worker_id": (None, row["worker_id"]),
                    "period": (None, f"{row['period']:%Y-%m}"),
                    "name": (None, row["name"]),
                    "amount": (None, row["amount"]),
                }
                | (
                    {}
                    if row["annual_bonus"] is None
                    else {"annual_bonus": (None, row["annual_bonus"] or "default")}
                ),
            )
            for item_id, row in zip(returned, rows, strict=True)
        ),
        note=(note or "、".join(label(p) for p in sorted(periods)))
        + (f"；已确认{len(warnings)}条扣款超过本月应发" if warnings else ""),
    )
    return list(returned)


def deduction_warnings(db: Database, actor: Actor, entries: Sequence[ItemEntry]) -> list[Problem]:
    """The warnings ``add_items`` would hold ``entries`` back for (a deduction larger than the
    worker's gross of the month), for a form to ask about before it writes. Reads only."""
    require(actor, Action.EDIT_PAY_INPUTS)
    checked = [_checked(e) for e in entries]
    with db.reading() as session:
        people = people_by_number(session, sorted({e.id_number for e in checked}))
        return entry_warnings(session, checked, people)


def add_item(db: Database, actor: Actor, entry: ItemEntry) -> int:
    """One item; returns its id."""
    return add_items(db, actor, [entry])[0]


def remove_item(db: Database, actor: Actor, item_id: int) -> None:
    """Delete an item of an open month."""
    require(actor, Action.EDIT_PAY_INPUTS)
    with db.transaction() as session:
        item = session.get(PayItem, item_id)
        if item is None:
            raise ActionRefused(f"工资项目 {item_id} 不存在")
        refuse_closed_periods(session, actor, {item.period}, "录入或修改工资项目")
        audit.record(
            session,
            actor,
            "delete",
            "pay_item",
            item.id,
            {"name": (item.name, None), "amount": (item.amount, None)},
            note=f"{label(item.period)} 人员{item.worker_id}",
        )
        session.delete(item)
