"""The promotion pipeline (晋升通道, §7): dated, audited transitions, a person's history, and where
everyone in a unit stands.

Moving a person into 两委成员 marks their file as a 两委 member; moving into 副职 or 正职 records
the post appointment (岗位任免) that the next adjustment run re-slots the level for (§4.5), when the
region's scale has the post (setting ``pipeline_role_posts``, default 副职 → deputy, 正职 →
principal). Outward moves (定向考录公务员, 事业编, 副科级待遇) do not change the worker's status: a
departure is recorded in the file as usual.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.pipeline import (
    COMMITTEE,
    DEFAULT_ROLE_POSTS,
    Standing,
    Step,
    check_step,
    describe,
    standing,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting, User
from workforce.persistence.adjustment import PostAppointment
from workforce.persistence.base import NO_KEY_UPDATE
from workforce.persistence.careers import PipelineTransition
from workforce.persistence.people import Worker
from workforce.services.accounts import audit
from workforce.services.careers import facts as career_facts
from workforce.services.careers.facts import Person
from workforce.services.context import Actor, Database, require
from workforce.services.scale import posts_in_force

ROLE_POSTS_SETTING = "pipeline_role_posts"


@dataclass(frozen=True, slots=True)
class MoveResult:
    transition_id: int
    appointment_id: int | None  # the post appointment recorded for 副职/正职
    committee_marked: bool  # the file now says 两委成员
    standing: Standing


@dataclass(frozen=True, slots=True)
class TransitionView:
    transition_id: int
    stage: str
    target_role: str | None
    effective_date: dt.date
    source: str
    reason: str
    recorded_by: str
    appointment_id: int | None

    @property
    def label(self) -> str:
        return describe(Step(self.stage, self.effective_date, self.target_role))


def role_posts(session: Session) -> dict[str, str]:
    """Role stage → the pay-scale post it appoints to."""
    setting = session.get(Setting, ROLE_POSTS_SETTING)
    return dict(setting.value) if setting is not None else dict(DEFAULT_ROLE_POSTS)


def steps_by_worker(session: Session, worker_id: int | None = None) -> dict[int, list[Step]]:
    """Every transition as a rule step, per worker, in date order (one query)."""
    query = select(
        PipelineTransition.worker_id,
        PipelineTransition.stage,
        PipelineTransition.effective_date,
        PipelineTransition.target_role,
    ).order_by(PipelineTransition.effective_date, PipelineTransition.id)
    if worker_id is not None:
        query = query.where(PipelineTransition.worker_id == worker_id)
    found: dict[int, list[Step]] = defaultdict(list)
    for worker, stage, day, target in session.connection().execute(query):
        found[worker].append(Step(stage, day, target))
    return found


def _appoint(session: Session, worker: Worker, stage: str, day: dt.date, reason: str) -> int | None:
    post = role_posts(session).get(stage)
    if post is None or post == worker.post:
        return None
    if post not in {p.code for p in posts_in_force(session, day)}:
        raise ActionRefused(f"{day:%Y-%m-%d}生效的薪酬标准中没有岗位「{post}」，无法任命为{stage}")
    appointment = PostAppointment(
        worker_id=worker.id, new_post=post, effective_date=day, reason=f"任{stage}：{reason}"
    )
    session.add(appointment)
    session.flush()
    return appointment.id


def move(
    db: Database,
    actor: Actor,
    worker_id: int,
    stage: str,
    *,
    effective_date: dt.date,
    reason: str,
    source: str = "手工录入",
    target_role: str | None = None,
    today: dt.date | None = None,
) -> MoveResult:
    """记录晋升通道变动: one dated step with its source and reason; refused when it does not
    follow from where the person stands (already in that pool, 副科级待遇 for someone who is not a
    secretary, a future date …)."""
    require(actor, Action.MOVE_PIPELINE)
    today = today or dt.date.today()
    if not reason.strip():
        raise ActionRefused("必须填写变动原因")
    if not source.strip():
        raise ActionRefused("必须填写变动来源（如 换届选举、组织推荐）")
    step = Step(stage.strip(), effective_date, (target_role or "").strip() or None)
    step_source, step_reason = source.strip(), reason.strip()
    with db.transaction() as session:
        worker = session.get(Worker, worker_id, with_for_update=NO_KEY_UPDATE)
        if worker is None:
            raise ActionRefused(f"人员 {worker_id} 不存在")
        if worker.status not in {s.value for s in ACTIVE_STATUSES}:
            raise ActionRefused(f"「{worker.name}」的状态为{worker.status}，不能记录晋升通道变动")
        history = steps_by_worker(session, worker_id).get(worker_id, [])
        before = standing(history)
        problems = check_step(step, before, history, worker.duties, today)
        if problems:
            raise ActionRefused(f"「{worker.name}」：{'；'.join(problems)}")
        appointment_id = _appoint(session, worker, step.stage, effective_date, step_reason)
        transition = PipelineTransition(
            worker_id=worker_id,
            stage=step.stage,
            target_role=step.target_role,
            effective_date=effective_date,
            source=step_source,
            reason=step_reason,
            appointment_id=appointment_id,
            recorded_by=actor.user_id,
        )
        session.add(transition)
        marked = step.stage == COMMITTEE and not worker.is_committee_member
        if marked:
            worker.is_committee_member = True
        session.flush()
        after = standing([*history, step])
        changes: dict[str, tuple[object, object]] = {
            "pipeline": (before.role, describe(step)),
        }
        if marked:
            changes["is_committee_member"] = (False, True)
        if appointment_id is not None:
            changes["post_appointment"] = (worker.post, role_posts(session)[step.stage])
        audit.record(
            session,
            actor,
            "pipeline",
            "worker",
            worker_id,
            changes,
            note=f"{effective_date:%Y-%m-%d} {describe(step)}（{step_source}）：{step_reason}",
        )
        return MoveResult(transition.id, appointment_id, marked, after)


def history(db: Database, actor: Actor, worker_id: int) -> list[TransitionView]:
    """A person's pipeline history, oldest first."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        rows = session.execute(
            select(
                PipelineTransition.id,
                PipelineTransition.stage,
                PipelineTransition.target_role,
                PipelineTransition.effective_date,
                PipelineTransition.source,
                PipelineTransition.reason,
                User.display_name,
                PipelineTransition.appointment_id,
            )
            .outerjoin(User, User.id == PipelineTransition.recorded_by)
            .where(PipelineTransition.worker_id == worker_id)
            .order_by(PipelineTransition.effective_date, PipelineTransition.id)
        ).tuples()
        return [
            TransitionView(t, s, r, d, src, why, by or "", a)
            for t, s, r, d, src, why, by, a in rows
        ]


@dataclass(frozen=True, slots=True)
class BoardRow:
    """管道看板: a person with a pipeline history and where they stand now."""

    person: Person
    standing: Standing
    last_move: dt.date


def pipeline_board(db: Database, actor: Actor, *, unit_id: int | None = None) -> list[BoardRow]:
    """Everyone of the unit with a pipeline history (active or not), by street, community, name."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        people = career_facts.people(
            session, career_facts.find_unit(session, unit_id, actor), active_only=False
        )
        steps = steps_by_worker(session)
    return [
        BoardRow(p, standing(steps[p.worker_id]), max(s.effective_date for s in steps[p.worker_id]))
        for p in people
        if p.worker_id in steps
    ]


def set_role_posts(db: Database, actor: Actor, mapping: dict[str, str]) -> None:
    """Which post 副职 and 正职 appoint to (codes of the pay scale)."""
    require(actor, Action.EDIT_CONFIGURATION)
    with db.transaction() as session:
        setting = session.get(Setting, ROLE_POSTS_SETTING)
        old: Any = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=ROLE_POSTS_SETTING, value=dict(mapping)))
        else:
            setting.value = dict(mapping)
        audit.record(
            session, actor, "update", "setting", None, {ROLE_POSTS_SETTING: (old, mapping)}
        )
