"""The promotion pipeline (晋升通道, §7): stages, a person's standing from their dated transitions,
which transitions make sense, and the demo region's eligibility rules per target.

Stages: 后备人选 (a reserve pool, with its target role 两委/副职/书记) and 退出后备 (leaving a
pool); the roles 两委成员, 副职, 正职; the outward moves 定向考录公务员, 事业编 and
副科级待遇 (for 书记). Reaching the role a pool prepares for takes the person out of that pool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from workforce.domain.careers.eligibility import EligibilityRules

RESERVE, LEAVE_RESERVE = "后备人选", "退出后备"
COMMITTEE, DEPUTY, PRINCIPAL = "两委成员", "副职", "正职"
CIVIL_SERVICE, PUBLIC_INSTITUTION, SECTION_RANK = "定向考录公务员", "事业编", "副科级待遇"
ROLES = (COMMITTEE, DEPUTY, PRINCIPAL)
OUTWARD = (CIVIL_SERVICE, PUBLIC_INSTITUTION, SECTION_RANK)
STAGES = (RESERVE, LEAVE_RESERVE, *ROLES, *OUTWARD)
RESERVE_TARGETS: dict[str, str] = {"两委": COMMITTEE, "副职": DEPUTY, "书记": PRINCIPAL}
"""A reserve pool's target role → the stage that fulfils it."""
TARGETS = (*ROLES, *OUTWARD)
"""What an eligibility list can be drawn up for."""
TARGET_ALIASES = {
    "两委": COMMITTEE,
    "书记": PRINCIPAL,
    "主任": PRINCIPAL,
    "社区正职": PRINCIPAL,
    "社区副职": DEPUTY,
    "公务员": CIVIL_SERVICE,
    "事业单位": PUBLIC_INSTITUTION,
    "副科级": SECTION_RANK,
}
POOL_OF_TARGET = {stage: role for role, stage in RESERVE_TARGETS.items()}
"""A target stage → the reserve pool that prepares for it (正职 → 书记)."""
SECRETARY_DUTIES = frozenset({"书记", "一肩挑"})
DEFAULT_ROLE_POSTS = {DEPUTY: "deputy", PRINCIPAL: "principal"}
"""The pay-scale post a role stage appoints to (a region may map other codes)."""


def target_stage(text: str) -> str | None:
    """A target as clerks write it (副职, 两委, 书记 …) → the stage name, or None."""
    cleaned = text.strip()
    return cleaned if cleaned in TARGETS else TARGET_ALIASES.get(cleaned)


@dataclass(frozen=True, slots=True)
class Step:
    """One transition as the rules see it."""

    stage: str
    effective_date: dt.date
    target_role: str | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a person stands after their steps: the latest role, the pools they are in (target
    role → since) and the outward moves made."""

    role: str | None
    pools: Mapping[str, dt.date]
    outward: tuple[str, ...]


def standing(steps: Iterable[Step]) -> Standing:
    """Replay the steps in date order (same-day steps in the order given)."""
    role: str | None = None
    pools: dict[str, dt.date] = {}
    outward: list[str] = []
    for step in sorted(steps, key=lambda s: s.effective_date):
        if step.stage == RESERVE and step.target_role:
            pools.setdefault(step.target_role, step.effective_date)
        elif step.stage == LEAVE_RESERVE and step.target_role:
            pools.pop(step.target_role, None)
        elif step.stage in ROLES:
            role = step.stage
            for target, stage in RESERVE_TARGETS.items():
                if stage == step.stage:
                    pools.pop(target, None)
        elif step.stage in OUTWARD and step.stage not in outward:
            outward.append(step.stage)
    return Standing(role, pools, tuple(outward))


def check_step(
    step: Step, now: Standing, history: Iterable[Step], duties: str | None, today: dt.date
) -> list[str]:
    """Why a transition cannot be recorded (empty when it can), in words a clerk reads."""
    problems: list[str] = []
    if step.stage not in STAGES:
        problems.append(f"阶段「{step.stage}」不存在（可用：{'、'.join(STAGES)}）")
        return problems
    if step.effective_date > today:
        problems.append(f"日期{step.effective_date:%Y-%m-%d}晚于今天")
    pooled = step.stage in (RESERVE, LEAVE_RESERVE)
    if pooled and step.target_role not in RESERVE_TARGETS:
        problems.append(f"{step.stage}须注明后备方向（{'、'.join(RESERVE_TARGETS)}）")
    elif not pooled and step.target_role:
        problems.append(f"只有后备人选有后备方向，「{step.stage}」没有")
    elif step.stage == RESERVE and (since := now.pools.get(step.target_role or "")):
        problems.append(f"已是{step.target_role}后备人选（自{since:%Y-%m-%d}）")
    elif step.stage == LEAVE_RESERVE and step.target_role not in now.pools:
        problems.append(f"不是{step.target_role}后备人选，无需退出")
    if step.stage == SECTION_RANK and now.role != PRINCIPAL and duties not in SECRETARY_DUTIES:
        problems.append("副科级待遇只适用于社区书记（正职）")
    if step.stage in ROLES and step.stage == now.role:
        problems.append(f"已是{step.stage}")
    if any(
        (s.stage, s.target_role, s.effective_date)
        == (step.stage, step.target_role, step.effective_date)
        for s in history
    ):
        problems.append(f"{step.effective_date:%Y-%m-%d}已记录过「{describe(step)}」")
    return problems


def describe(step: Step) -> str:
    """后备人选（副职）, 正职 …"""
    return f"{step.stage}（{step.target_role}）" if step.target_role else step.stage


DEFAULT_RULES: dict[str, EligibilityRules] = {
    rules.target: rules
    for rules in (
        EligibilityRules(
            target=COMMITTEE,
            min_community_years=2,
            appraisal_years=2,
            min_education="高中/中专",
            max_age=50,
        ),
        EligibilityRules(
            target=DEPUTY,
            min_community_years=3,
            appraisal_years=2,
            min_education="大专",
            min_certificate="助理社会工作师",
            min_training_hours=Decimal(40),
            max_age=45,
            from_posts=frozenset({"staff", "grid"}),
        ),
        EligibilityRules(
            target=PRINCIPAL,
            min_community_years=5,
            appraisal_years=3,
            min_excellent=1,
            min_education="大专",
            min_certificate="助理社会工作师",
            min_training_hours=Decimal(40),
            max_age=50,
            from_posts=frozenset({"deputy"}),
        ),
        EligibilityRules(
            target=CIVIL_SERVICE,
            min_community_years=5,
            appraisal_years=3,
            min_education="大专",
            max_age=35,
        ),
        EligibilityRules(
            target=PUBLIC_INSTITUTION,
            min_community_years=5,
            appraisal_years=3,
            min_education="大专",
            max_age=40,
        ),
        EligibilityRules(
            target=SECTION_RANK,
            min_community_years=10,
            appraisal_years=3,
            min_excellent=1,
            min_education="大专",
            from_posts=frozenset({"principal"}),
        ),
    )
}
"""The demo region's rules per target (illustrative; a region sets its own as data, §7)."""
