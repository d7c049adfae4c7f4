"""The yearly adjustment run (年度调级调薪, §4): prepare → (exclude/override) → approve → apply,
and revert as a whole. Each step is one service call: permission, validation, audit, one
transaction. Applying writes every worker at once with bulk statements."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.adjustment.appraisal import SETTING_KEY as APPRAISAL_GRADES
from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.adjustment.plan import (
    PlanSummary,
    employer_rate,
    yearly_delta,
)
from workforce.domain.money import ZERO
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.persistence.accounts import Setting
from workforce.persistence.adjustment import (
    AdjustmentItem,
    AdjustmentRun,
)
from workforce.persistence.base import utc_now
from workforce.persistence.pay import PayScale
from workforce.services.accounts import audit
from workforce.services.accounts.approval import self_approval_note
from workforce.services.adjustment.appraisals import grade_scheme
from workforce.services.adjustment.items import Costs, evaluate_workers
from workforce.services.context import Actor, Database, gc_paused, require
from workforce.services.payroll.basis import insurance_items
from workforce.services.scale import scale_in_force

PREPARED, APPROVED, APPLIED, REVERTED, SUPERSEDED = (
    "prepared",
    "approved",
    "applied",
    "reverted",
    "superseded",
)
EMPLOYER_SHARE = "employer_share_rate"  # key in ``AdjustmentRun.rules`` when the run counts it
STATUS_NAMES = {
    PREPARED: "已准备",
    APPROVED: "已审核",
    APPLIED: "已应用",
    REVERTED: "已撤销",
    SUPERSEDED: "已被重新准备取代",
}


@dataclass(frozen=True, slots=True)
class RunDiff:
    """What a re-preparation changed against the previous preparation of the same year."""

    added: tuple[int, ...]
    removed: tuple[int, ...]
    changed: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PreparedRun:
    run_id: int
    year: int
    effective_date: dt.date
    summary: PlanSummary
    items: int
    since_last: RunDiff | None
    employer_share_rate: Decimal | None = None


def rules_for(session: Session, year: int) -> AdjustmentRules:
    """The region's rules for ``year``: setting ``adjustment_rules:YEAR``, else the default. Unless
    the rules name their own, the passing grades and 优秀 follow the region's grade scheme (§5)."""
    values: dict[str, Any] = {}
    for key in (f"adjustment_rules:{year}", "adjustment_rules"):
        setting = session.get(Setting, key)
        if setting is not None:
            values = dict(setting.value)
            break
    if session.get(Setting, APPRAISAL_GRADES) is not None:
        scheme = grade_scheme(session)
        values.setdefault("passing_grades", scheme.passing_grades)
        values.setdefault("early_grade", scheme.excellent)
    return AdjustmentRules.from_mapping(values)


def _rules_snapshot(rules: AdjustmentRules, share_rate: Decimal | None) -> dict[str, Any]:
    """The rules the run used, and the employer rate its yearly costs include (when they do)."""
    snapshot: dict[str, Any] = {}
    if share_rate is not None:
        snapshot[EMPLOYER_SHARE] = str(share_rate)
    for name in rules.__dataclass_fields__:
        value = getattr(rules, name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif not isinstance(value, bool | int | str):
            value = dict(value)
        snapshot[name] = value
    return snapshot


def employer_share_rate(run: AdjustmentRun) -> Decimal | None:
    """The summed employer rate the run's yearly costs include (None: 12 × pay change only)."""
    rate = run.rules.get(EMPLOYER_SHARE)
    return None if rate is None else Decimal(rate)


def _employer_share_rate(session: Session, effective: dt.date) -> Decimal:
    items = insurance_items(session, effective)
    if not items:
        raise ActionRefused(
            f"{effective:%Y-%m-%d}没有生效的社保公积金费率，无法计入单位缴费；请先设置费率"
        )
    return Decimal(format(employer_rate(items).normalize(), "f"))  # 0.367, not 0.367000


def get_run(session: Session, run_id: int, *, for_update: bool = False) -> AdjustmentRun:
    run = session.get(AdjustmentRun, run_id, with_for_update=for_update)
    if run is None:
        raise ActionRefused(f"调级批次 {run_id} 不存在")
    return run


def _diff(old: dict[int, int], new: dict[int, int]) -> RunDiff:
    return RunDiff(
        added=tuple(sorted(set(new) - set(old))),
        removed=tuple(sorted(set(old) - set(new))),
        changed=tuple(sorted(w for w in set(old) & set(new) if old[w] != new[w])),
    )


def prepare_run(
    db: Database,
    actor: Actor,
    year: int,
    effective_date: dt.date | None = None,
    *,
    include_employer_share: bool = False,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> PreparedRun:
    """准备调级: evaluate every active worker; a re-preparation supersedes the previous plan of the
    year and reports what changed since it. Refused once the year's run is applied.

    ``include_employer_share`` adds the employer's insurance share to each yearly cost (§4 "when
    asked"): the employer rates in force on the effective date, summed, × the monthly pay change
    (an approximation, see ``yearly_delta``); the summed rate is kept in the run's rules."""
    require(actor, Action.PREPARE_ADJUSTMENT)
    effective = effective_date or dt.date(year, 1, 1)
    with db.transaction() as session:
        applied = session.scalar(
            select(AdjustmentRun).where(AdjustmentRun.year == year, AdjustmentRun.status == APPLIED)
        )
        if applied is not None:
            raise ActionRefused(
                f"{year}年度调级已应用（批次{applied.id}），不能重复调级；如需重做，请先撤销该批次"
            )
        previous = session.scalar(
            select(AdjustmentRun)
            .where(AdjustmentRun.year == year, AdjustmentRun.status.in_([PREPARED, APPROVED]))
            .order_by(AdjustmentRun.id.desc())
            .limit(1)
        )
        scale = scale_in_force(session, effective)
        if scale is None:
            raise ActionRefused(f"{effective:%Y-%m-%d}没有生效的薪酬标准，请先导入薪酬标准")
        scale_id = session.scalar(
            select(PayScale.id).where(PayScale.effective_date == scale.effective_date)
        )
        rules = rules_for(session, year)
        share_rate = _employer_share_rate(session, effective) if include_employer_share else None
        run = AdjustmentRun(
            year=year,
            effective_date=effective,
            status=PREPARED,
            rules=_rules_snapshot(rules, share_rate),
            scale_id=scale_id,
            prepared_by=actor.user_id,
        )
        session.add(run)
        session.flush()
        with gc_paused():  # see evaluate_workers
            summary, count, proposed = evaluate_workers(
                session, run, rules, scale, Costs(scale, share_rate or ZERO), progress, cancel
            )
        run.person_times = summary.total.person_times
        run.yearly_cost = summary.total.yearly_cost
        since_last = None
        if previous is not None:
            old = dict(
                session.execute(
                    select(AdjustmentItem.worker_id, AdjustmentItem.proposed_level).where(
                        AdjustmentItem.run_id == previous.id
                    )
                )
                .tuples()
                .all()
            )
            since_last = _diff(old, proposed)
            previous.status = SUPERSEDED
        audit.record(
            session,
            actor,
            "prepare",
            "adjustment_run",
            run.id,
            {
                "status": (None, PREPARED),
                "person_times": (None, run.person_times),
                "yearly_cost": (None, run.yearly_cost),
            },
            note=f"{year}年度调级，生效日期{effective:%Y-%m-%d}"
            + (f"，含单位缴费（单位费率合计{share_rate}）" if share_rate is not None else "")
            + (f"，取代批次{previous.id}" if previous is not None else ""),
        )
        return PreparedRun(run.id, year, effective, summary, count, since_last, share_rate)


def _recount(session: Session, run: AdjustmentRun) -> None:
    rows = session.execute(
        select(
            AdjustmentItem.old_post,
            AdjustmentItem.old_level,
            AdjustmentItem.new_post,
            AdjustmentItem.new_level,
            AdjustmentItem.yearly_delta,
        ).where(AdjustmentItem.run_id == run.id, AdjustmentItem.excluded.is_(False))
    ).all()
    changed = [r for r in rows if (r[0], r[1]) != (r[2], r[3])]
    run.person_times = len(changed)
    run.yearly_cost = sum((r[4] for r in changed), Decimal(0))


def override_item(
    db: Database,
    actor: Actor,
    run_id: int,
    worker_id: int,
    *,
    reason: str,
    new_level: int | None = None,
    excluded: bool = False,
) -> None:
    """Clerk's decision on one person of a prepared plan: exclude, or set another level, with a
    written reason. The plan must be prepared again for approval to see it (it stays prepared)."""
    require(actor, Action.PREPARE_ADJUSTMENT)
    if not reason.strip():
        raise ActionRefused("排除或调整等级必须填写书面理由")
    with db.transaction() as session:
        run = get_run(session, run_id, for_update=True)
        if run.status != PREPARED:
            raise ActionRefused(f"批次{run_id}{STATUS_NAMES[run.status]}，不能再修改")
        item = session.scalar(
            select(AdjustmentItem).where(
                AdjustmentItem.run_id == run_id, AdjustmentItem.worker_id == worker_id
            )
        )
        if item is None:
            raise ActionRefused(f"人员 {worker_id} 不在批次{run_id}中")
        before = {
            "excluded": item.excluded,
            "new_level": item.new_level,
            "override_reason": item.override_reason,
        }
        if new_level is not None:
            scale = scale_in_force(session, run.effective_date)
            post = scale.post(item.new_post) if scale else None
            if scale is None or post is None:
                raise ActionRefused("找不到该岗位的薪酬标准")
            if not post.min_level <= new_level <= post.max_level:
                raise ActionRefused(
                    f"{post.name}的等级应在{post.min_level}–{post.max_level}级之间，实为{new_level}"
                )
            item.new_level = new_level
            pay = scale.monthly_pay(item.new_post, new_level) - scale.monthly_pay(
                item.old_post, item.old_level
            )
            item.monthly_delta = pay
            item.yearly_delta = yearly_delta(pay, employer_share_rate(run) or ZERO)
            item.state_after = {**item.state_after, "level": new_level}
        item.excluded = excluded
        item.override_reason = reason.strip()
        after = {
            "excluded": item.excluded,
            "new_level": item.new_level,
            "override_reason": item.override_reason,
        }
        _recount(session, run)
        audit.record(
            session,
            actor,
            "override",
            "adjustment_item",
            item.id,
            {k: (before[k], after[k]) for k in before if before[k] != after[k]},
            note=f"批次{run_id} 人员{worker_id}",
        )


def approve_run(db: Database, actor: Actor, run_id: int) -> None:
    """审核: a second user approves the prepared plan (four eyes), unless the region lets a
    single administrator act alone — which is then recorded."""
    require(actor, Action.APPROVE_ADJUSTMENT)
    with db.transaction() as session:
        run = get_run(session, run_id, for_update=True)
        if run.status != PREPARED:
            raise ActionRefused(f"批次{run_id}{STATUS_NAMES[run.status]}，不能审核")
        note = self_approval_note(
            session,
            actor,
            run.prepared_by,
            "调级计划须由准备人以外的审核员审核（双人复核）",
            "准备人",
        )
        run.status = APPROVED
        run.approved_by = actor.user_id
        run.approved_at = utc_now()
        audit.record(
            session,
            actor,
            "approve",
            "adjustment_run",
            run.id,
            {"status": (PREPARED, APPROVED)},
            note=note,
        )
