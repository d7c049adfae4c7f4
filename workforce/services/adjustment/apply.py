"""Applying and reverting an approved adjustment run: every worker at once, with bulk statements,
refusing when a worker changed in between (so nothing is silently overwritten)."""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import ProgressFn, no_progress
from workforce.persistence.adjustment import (
    AdjustmentItem,
    AdjustmentRun,
    PostAppointment,
    insert_level_changes,
    load_json,
    update_worker_states,
)
from workforce.persistence.base import utc_now
from workforce.persistence.people import Worker
from workforce.persistence.plain import plain_rows
from workforce.services.accounts import audit
from workforce.services.adjustment.run import (
    APPLIED,
    APPROVED,
    PREPARED,
    REVERTED,
    STATUS_NAMES,
    SUPERSEDED,
    get_run,
)
from workforce.services.backup import BEFORE_APPLY, backup
from workforce.services.context import Actor, Database, require
from workforce.services.payroll.guard import refuse_revert_of_used_run

STATE_FIELDS = (
    "post",
    "level",
    "level_start_year",
    "credited_ladder",
    "early_steps_used",
    "early_streak_start",
    "credited_honour_kinds",
)


class _Item(NamedTuple):
    """The parts of a run's item that applying and reverting need (plain rows, not ORM objects:
    a run may hold tens of thousands of items)."""

    worker_id: int
    state_before: dict[str, Any]
    state_after: dict[str, Any]


def _current_states(session: Session, run_id: int) -> list[tuple[_Item, dict[str, Any], str]]:
    worker = Worker.__table__.c
    rows = plain_rows(  # (100,000 JSON states: parsed once per distinct text)
        session,
        select(
            AdjustmentItem.worker_id,
            AdjustmentItem.state_before,
            AdjustmentItem.state_after,
            *(worker[f] for f in STATE_FIELDS),
            worker.name,
        )
        .join(Worker, Worker.id == AdjustmentItem.worker_id)
        .where(AdjustmentItem.run_id == run_id, AdjustmentItem.excluded.is_(False))
        # a clerk saving one of these workers meanwhile waits, or is refused after
        .with_for_update(of=Worker),
    )
    texts: dict[str, Any] = {}
    return [
        (
            _Item(row[0], load_json(row[1], texts), load_json(row[2], texts)),
            dict(zip(STATE_FIELDS, row[3:-1], strict=True)),
            row[-1],
        )
        for row in rows
    ]


def _same_state(current: dict[str, Any], expected: dict[str, Any]) -> bool:
    for name in STATE_FIELDS:
        left, right = current.get(name), expected.get(name)
        if name == "credited_honour_kinds":
            left, right = set((left or "").split(",")) - {""}, set((right or "").split(",")) - {""}
        if left != right:
            return False
    return True


def _write_states(
    session: Session,
    actor: Actor,
    run: AdjustmentRun,
    targets: list[tuple[_Item, dict[str, Any], dict[str, Any]]],
    reason: str,
) -> None:
    """Set each worker's rule state, append post/level history, audit — all in bulk."""
    if not targets:  # a run with nobody in it (an executemany needs at least one row)
        return
    now = utc_now()
    update_worker_states(session, [(item.worker_id, new) for item, _, new in targets], now)
    history = [
        (item.worker_id, new["post"], new["level"])
        for item, old, new in targets
        if (old["post"], old["level"]) != (new["post"], new["level"])
    ]
    insert_level_changes(session, history, run.effective_date, reason, "adjustment")
    audit.record_many(
        session,
        actor,
        "adjust",
        "worker",
        (
            (item.worker_id, {f: (old[f], new[f]) for f in STATE_FIELDS if old[f] != new[f]})
            for item, old, new in targets
        ),
        note=f"{reason}（批次{run.id}）",
    )


def _refuse_unless_approved(run: AdjustmentRun) -> None:
    if run.status != APPROVED:
        raise ActionRefused(f"批次{run.id}{STATUS_NAMES[run.status]}，只有已审核的批次可以应用")


def _applicable(session: Session, run: AdjustmentRun) -> list[tuple[_Item, dict[str, Any], str]]:
    """Refuses unless the run is approved and nobody in it changed since the plan; returns each
    item with its worker's current state and name."""
    _refuse_unless_approved(run)
    states = _current_states(session, run.id)
    stale = [name for item, current, name in states if not _same_state(current, item.state_before)]
    if stale:
        raise ActionRefused(
            f"计划准备后有{len(stale)}人的岗位等级信息已变化（{'、'.join(stale[:5])}…），"
            "请重新准备调级计划"
        )
    return states


def apply_run(
    db: Database, actor: Actor, run_id: int, *, progress: ProgressFn = no_progress
) -> int:
    """应用: write every approved change at once; refuses if any worker changed since the plan.
    Returns the number of workers written."""
    require(actor, Action.APPLY_ADJUSTMENT)
    with db.reading() as session:  # a run that is not approved gets no backup
        _refuse_unless_approved(get_run(session, run_id))
    backup(db, BEFORE_APPLY)  # the embedded file as it was, in case the apply must be undone
    with db.transaction() as session:
        run = get_run(session, run_id, for_update=True)
        states = _applicable(session, run)
        progress(0, len(states))
        targets = [(item, current, item.state_after) for item, current, _ in states]
        _write_states(session, actor, run, targets, f"{run.year}年度调级")
        session.execute(
            update(PostAppointment)
            .where(
                PostAppointment.run_id.is_(None),
                PostAppointment.effective_date <= run.effective_date,
            )
            .values(run_id=run.id)
        )
        run.status = APPLIED
        run.applied_by = actor.user_id
        run.applied_at = utc_now()
        audit.record(
            session,
            actor,
            "apply",
            "adjustment_run",
            run.id,
            {"status": (APPROVED, APPLIED)},
            note=f"写入{len(targets)}人",
        )
        progress(len(states), len(states))
        return len(targets)


def revert_run(db: Database, actor: Actor, run_id: int, reason: str) -> int:
    """撤销: restore every worker of an applied run exactly, while no locked payroll used it.
    Refuses if a worker was changed after the run (that change would be lost)."""
    require(actor, Action.APPROVE_ADJUSTMENT)
    if not reason.strip():
        raise ActionRefused("撤销调级必须填写理由")
    with db.transaction() as session:
        run = get_run(session, run_id, for_update=True)
        if run.status != APPLIED:
            raise ActionRefused(f"批次{run_id}{STATUS_NAMES[run.status]}，只有已应用的批次可以撤销")
        refuse_revert_of_used_run(session, actor, run_id)
        states = _current_states(session, run_id)
        moved = [
            name for item, current, name in states if not _same_state(current, item.state_after)
        ]
        if moved:
            raise ActionRefused(
                f"调级后有{len(moved)}人的岗位等级信息又有变动（{'、'.join(moved[:5])}…），"
                "不能整体撤销"
            )
        targets = [(item, current, item.state_before) for item, current, _ in states]
        _write_states(session, actor, run, targets, f"撤销{run.year}年度调级：{reason.strip()}")
        session.execute(
            update(PostAppointment).where(PostAppointment.run_id == run.id).values(run_id=None)
        )
        run.status = REVERTED
        run.reverted_by = actor.user_id
        run.reverted_at = utc_now()
        audit.record(
            session,
            actor,
            "revert",
            "adjustment_run",
            run.id,
            {"status": (APPLIED, REVERTED)},
            note=reason.strip(),
        )
        return len(targets)


def discard_run(db: Database, actor: Actor, run_id: int) -> None:
    """Delete a prepared (never applied) plan and its items."""
    require(actor, Action.PREPARE_ADJUSTMENT)
    with db.transaction() as session:
        run = get_run(session, run_id, for_update=True)
        if run.status not in (PREPARED, SUPERSEDED):
            raise ActionRefused(f"批次{run_id}{STATUS_NAMES[run.status]}，不能删除")
        session.execute(delete(AdjustmentItem).where(AdjustmentItem.run_id == run_id))
        audit.record(
            session, actor, "discard", "adjustment_run", run.id, {"status": (run.status, None)}
        )
        session.delete(run)
