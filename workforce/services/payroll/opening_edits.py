"""Correcting opening figures (期初累计, §8.6) one person at a time: 更正 with a reason, or 删除
figures imported for the wrong person; both audited, refused as an import is once the year is
approved, and sending a calculated month after them back to draft."""

from __future__ import annotations

from sqlalchemy import select

from workforce.domain.accounts.permissions import Action
from workforce.domain.payroll.opening_sheet import (
    OpeningFigures,
)
from workforce.domain.problems import (
    ActionRefused,
)
from workforce.persistence.payroll import OpeningBalance
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.deductions import tax_flags
from workforce.services.payroll.opening import (
    ENTITY,
    FIELDS,
    OpeningChange,
    OpeningRow,
    basic_for,
    changed_fields,
    figures_of,
    joined_dates,
    list_openings,
    refuse_changes,
    send_to_draft,
    stored_figures,
    write_changes,
    year_through,
)


def correct_opening(
    db: Database, actor: Actor, worker_id: int, figures: OpeningFigures, reason: str
) -> OpeningRow:
    """更正 one worker's opening figures (the year and 所属期止 stay the year's), with a reason."""
    require(actor, Action.EDIT_PAY_INPUTS)
    if not reason.strip():
        raise ActionRefused("更正期初累计必须填写理由")
    for key in FIELDS:
        if getattr(figures, key) < 0:
            raise ActionRefused(f"期初累计的金额不能为负数：{getattr(figures, key)}")
    with db.transaction() as session:
        through = year_through(session, figures.year)
        if through is not None and through != figures.through:
            raise ActionRefused(
                f"{figures.year}年的期初累计截至{through}月，更正时所属期止不能改为{figures.through}月"
            )
        refuse_changes(session, figures.year, figures.through, "更正")
        name = session.scalar(select(Worker.name).where(Worker.id == worker_id))
        if name is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        joined = joined_dates(session, [worker_id]).get(worker_id)
        flags = tax_flags(session, figures.year).get(worker_id, (False, False))
        first, basic = basic_for(figures, joined, flags)
        if first > figures.through:
            raise ActionRefused(
                f"「{name}」{figures.year}年{first}月才入职，所属期止前没有在本单位的月份"
            )
        if figures.basic_deduction is not None and figures.basic_deduction != basic:
            raise ActionRefused(f"「{name}」的累计减除费用应为 {basic}，请核对")
        old = stored_figures(session, figures.year).get(worker_id)
        number = session.scalar(select(Worker.id_number).where(Worker.id == worker_id)) or ""
        change = OpeningChange(worker_id, number, name, old, figures, 0, first)
        row_id = write_changes(session, actor, [change])[worker_id]
        audit.record(
            session,
            actor,
            "correct" if old is not None else "create",
            ENTITY,
            row_id,
            changed_fields(old, figures),
            note=f"{figures.year}年期初累计：{reason.strip()}",
        )
        send_to_draft(session, actor, figures.year, f"{name}的期初累计已更正，须重新计算")
    return next(r for r in list_openings(db, actor, figures.year) if r.worker_id == worker_id)


def remove_opening(db: Database, actor: Actor, worker_id: int, year: int, reason: str) -> None:
    """删除 one worker's opening figures of ``year`` (imported for the wrong person), audited."""
    require(actor, Action.EDIT_PAY_INPUTS)
    if not reason.strip():
        raise ActionRefused("删除期初累计必须填写理由")
    with db.transaction() as session:
        row = session.scalar(
            select(OpeningBalance).where(
                OpeningBalance.year == year, OpeningBalance.worker_id == worker_id
            )
        )
        if row is None:
            raise ActionRefused(f"该人员没有{year}年的期初累计")
        refuse_changes(session, year, row.through_month, "删除")
        old = figures_of(row)
        audit.record(
            session,
            actor,
            "delete",
            ENTITY,
            row.id,
            {key: (getattr(old, key), None) for key in ("through", *FIELDS)},
            note=f"{year}年期初累计：{reason.strip()}",
        )
        session.delete(row)
        send_to_draft(session, actor, year, f"{year}年期初累计有删除，须重新计算")
