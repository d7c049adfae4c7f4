"""Who is eligible for a target and why not, person by person, and the vacancies of each community
against its headcount norms (§7). Bulk reads: one query per table.

Eligibility rules per target are region settings (``eligibility_rules:<target>``, the mapping of
``EligibilityRules``); without one, the demo region's rules of ``domain.pipeline`` apply. A
community's overall norm is ``org_unit.headcount_norm``; the norms per role (正职, 副职, 两委成员)
are one region setting (``pipeline_role_norms``, default 正职 1, 副职 2, 两委成员 5).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.careers.certificates import yearly_hours
from workforce.domain.careers.eligibility import Candidate, EligibilityRules, Verdict, evaluate
from workforce.domain.careers.pipeline import (
    COMMITTEE,
    DEFAULT_RULES,
    DEPUTY,
    POOL_OF_TARGET,
    PRINCIPAL,
    TARGETS,
    standing,
    target_stage,
)
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting
from workforce.persistence.adjustment import PostAppointment
from workforce.persistence.org import OrgUnit
from workforce.persistence.people import Appraisal, Worker
from workforce.services.accounts import audit
from workforce.services.careers import facts as career_facts
from workforce.services.careers.facts import Person
from workforce.services.careers.pipeline import role_posts, steps_by_worker
from workforce.services.context import Actor, Database, require
from workforce.services.roster.org import descendants, org_nodes

RULES_SETTING = "eligibility_rules:{}"
ROLE_NORMS_SETTING = "pipeline_role_norms"
DEFAULT_ROLE_NORMS = {PRINCIPAL: 1, DEPUTY: 2, COMMITTEE: 5}


def resolve_target(text: str) -> str:
    found = target_stage(text)
    if found is None:
        raise ActionRefused(f"目标「{text}」不存在（可用：{'、'.join(TARGETS)}）")
    return found


def rules_for_target(session: Session, target: str) -> EligibilityRules:
    setting = session.get(Setting, RULES_SETTING.format(target))
    if setting is None:
        return DEFAULT_RULES[target]
    try:
        return EligibilityRules.from_mapping({**setting.value, "target": target})
    except (ValueError, TypeError) as exc:
        raise ActionRefused(f"{target}的资格条件设置有误：{exc}") from None


def eligibility_rules(db: Database, target: str) -> EligibilityRules:
    with db.reading() as session:
        return rules_for_target(session, resolve_target(target))


def set_eligibility_rules(db: Database, actor: Actor, data: dict[str, Any]) -> EligibilityRules:
    """设置资格条件: the rules of one target as data (``EligibilityRules.from_mapping``)."""
    require(actor, Action.EDIT_CONFIGURATION)
    target = resolve_target(str(data.get("target", "")))
    try:
        rules = EligibilityRules.from_mapping({**data, "target": target})
    except (ValueError, TypeError) as exc:
        raise ActionRefused(f"资格条件有误：{exc}") from None
    key = RULES_SETTING.format(target)
    with db.transaction() as session:
        setting = session.get(Setting, key)
        old = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=key, value=rules.to_mapping()))
        else:
            setting.value = rules.to_mapping()
        audit.record(session, actor, "update", "setting", None, {key: (old, rules.to_mapping())})
    return rules


@dataclass(frozen=True, slots=True)
class EligibilityRow:
    person: Person
    verdict: Verdict
    pool_since: dt.date | None  # in the target's reserve pool since


@dataclass(frozen=True, slots=True)
class EligibilityList:
    target: str
    rules: EligibilityRules
    on: dt.date
    pool_only: bool
    rows: tuple[EligibilityRow, ...]

    @property
    def eligible(self) -> int:
        return sum(1 for r in self.rows if r.verdict.eligible)


def _appraisals(session: Session, first: int, last: int) -> dict[int, dict[int, str]]:
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for worker_id, year, grade in session.connection().execute(
        select(Appraisal.worker_id, Appraisal.year, Appraisal.grade).where(
            Appraisal.year >= first, Appraisal.year <= last
        )
    ):
        found[worker_id][year] = grade
    return found


def eligibility_list(
    db: Database,
    actor: Actor,
    target: str,
    *,
    pool_only: bool = False,
    unit_id: int | None = None,
    on: dt.date | None = None,
) -> EligibilityList:
    """资格审查名单: every active worker of the unit (or the target's reserve pool only), each
    with every rule checked and its reason in words; the eligible first."""
    require(actor, Action.VIEW_WORKERS)
    on = on or dt.date.today()
    target = resolve_target(target)
    pool = POOL_OF_TARGET.get(target)
    if pool_only and pool is None:
        raise ActionRefused(f"{target}没有后备人选库（后备方向：两委、副职、书记）")
    with db.reading() as session:
        rules = rules_for_target(session, target)
        unit = career_facts.find_unit(session, unit_id, actor)
        people = career_facts.people(session, unit)
        standings = {w: standing(s) for w, s in steps_by_worker(session).items()}
        back = max(rules.appraisal_years or 0, 1)
        appraisals = _appraisals(session, on.year - back, on.year - 1)
        certificates = career_facts.certificates(session, unit)
        attended = career_facts.attendance(session, unit, dt.date(on.year - 1, 1, 1))
    rows = []
    for p in people:
        since = (
            standings[p.worker_id].pools.get(pool) if p.worker_id in standings and pool else None
        )
        if pool_only and since is None:
            continue
        certificate = certificates.get(p.worker_id)
        candidate = Candidate(
            worker_id=p.worker_id,
            name=p.name,
            post=p.post,
            birth_date=p.birth_date,
            community_start=p.community_start,
            highest_education=p.highest_education,
            certificate_level=certificate.level if certificate else None,
            appraisals=appraisals.get(p.worker_id, {}),
            training_hours_last_year=yearly_hours(attended.get(p.worker_id, []), on.year - 1),
        )
        rows.append(EligibilityRow(p, evaluate(candidate, rules, on), since))
    rows.sort(key=lambda r: not r.verdict.eligible)
    return EligibilityList(target, rules, on, pool_only, tuple(rows))


@dataclass(frozen=True, slots=True)
class RoleVacancy:
    role: str
    norm: int
    holders: int  # active workers holding the role now
    appointed: int  # appointed to the role's post, waiting for the next adjustment run
    reserve: int  # people in the reserve pool for this role

    @property
    def vacancy(self) -> int:
        return max(0, self.norm - self.holders - self.appointed)

    @property
    def gap(self) -> int:
        """Holders and appointed against the norm: above 0 超配 (副职 3/2: 1), below 0 缺."""
        return self.holders + self.appointed - self.norm


@dataclass(frozen=True, slots=True)
class CommunityVacancy:
    street: str
    community: str
    community_id: int
    norm: int | None  # 核定人数 (org_unit.headcount_norm)
    headcount: int
    roles: tuple[RoleVacancy, ...]

    @property
    def vacancy(self) -> int | None:
        return None if self.norm is None else self.norm - self.headcount

    def gaps(self) -> tuple[tuple[str, int], ...]:
        """What is off its norm, as (what, gap): ``""`` for the headcount against 核定人数, then
        each role; a gap above 0 is 超配, below 0 缺. Empty when everything is as approved."""
        found = [] if self.vacancy is None or not self.vacancy else [("", -self.vacancy)]
        found.extend((r.role, r.gap) for r in self.roles if r.gap)
        return tuple(found)


def role_norms(session: Session) -> dict[str, int]:
    setting = session.get(Setting, ROLE_NORMS_SETTING)
    if setting is None:
        return dict(DEFAULT_ROLE_NORMS)
    return {str(k): int(v) for k, v in setting.value.items()}


def _counts(session: Session) -> dict[tuple[int, str], int]:
    """(community, what) → active workers: ``*`` all, ``post:<code>`` holders of a post,
    两委成员, ``appointed:<code>`` pending appointments to a post, ``pool:<role>`` reserve pools."""
    active = [s.value for s in ACTIVE_STATUSES]
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for community_id, post, committee, number in session.execute(
        select(Worker.community_id, Worker.post, Worker.is_committee_member, func.count())
        .where(Worker.status.in_(active))
        .group_by(Worker.community_id, Worker.post, Worker.is_committee_member)
    ):
        counts[(community_id, "*")] += number
        counts[(community_id, f"post:{post}")] += number
        if committee:
            counts[(community_id, COMMITTEE)] += number
    for community_id, post, number in session.execute(
        select(Worker.community_id, PostAppointment.new_post, func.count(func.distinct(Worker.id)))
        .join(Worker, Worker.id == PostAppointment.worker_id)
        .where(
            PostAppointment.run_id.is_(None),
            Worker.status.in_(active),
            Worker.post != PostAppointment.new_post,
        )
        .group_by(Worker.community_id, PostAppointment.new_post)
    ):
        counts[(community_id, f"appointed:{post}")] += number
    where = dict(
        session.execute(select(Worker.id, Worker.community_id).where(Worker.status.in_(active)))
        .tuples()
        .all()
    )
    for worker_id, steps in steps_by_worker(session).items():
        if worker_id in where:
            for role in standing(steps).pools:
                counts[(where[worker_id], f"pool:{role}")] += 1
    return counts


def vacancies(db: Database, actor: Actor, *, unit_id: int | None = None) -> list[CommunityVacancy]:
    """空缺: per community of the unit, active headcount against the norm and, per role, holders
    and pending appointments against the role norm, with the reserve pool beside it."""
    require(actor, Action.VIEW_WORKERS)
    with db.reading() as session:
        unit = career_facts.find_unit(session, unit_id, actor)
        nodes = org_nodes(session)
        inside = descendants(nodes, unit.id) if unit else {n.id for n in nodes}
        names = {n.id: n.name for n in nodes}
        communities = session.execute(
            select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.headcount_norm)
            .where(OrgUnit.kind == "community")
            .order_by(OrgUnit.sort_order, OrgUnit.id)
        ).tuples()
        counts = _counts(session)
        norms = role_norms(session)
        posts = role_posts(session)
        found = []
        for community, parent_id, name, norm in communities:
            if community not in inside:
                continue
            roles = []
            for role, role_norm in norms.items():
                post = posts.get(role, "")
                held = COMMITTEE if role == COMMITTEE else f"post:{post}"
                roles.append(
                    RoleVacancy(
                        role,
                        role_norm,
                        counts[(community, held)],
                        counts[(community, f"appointed:{post}")] if role != COMMITTEE else 0,
                        counts[(community, f"pool:{POOL_OF_TARGET.get(role, role)}")],
                    )
                )
            street = names.get(parent_id or 0, "")
            headcount = counts[(community, "*")]
            found.append(CommunityVacancy(street, name, community, norm, headcount, tuple(roles)))
    return found


def set_headcount_norm(db: Database, actor: Actor, community_id: int, norm: int | None) -> None:
    """核定人数 of a community (None clears it)."""
    require(actor, Action.EDIT_ORGANISATION)
    if norm is not None and norm < 0:
        raise ActionRefused("核定人数不能为负数")
    with db.transaction() as session:
        unit = session.get(OrgUnit, community_id)
        if unit is None or unit.kind != "community":
            raise ActionRefused(f"社区 {community_id} 不存在")
        old = unit.headcount_norm
        unit.headcount_norm = norm
        audit.record(
            session, actor, "update", "org_unit", community_id, {"headcount_norm": (old, norm)}
        )


def set_role_norms(db: Database, actor: Actor, norms: dict[str, int]) -> None:
    """Per-community norms per role (正职, 副职, 两委成员)."""
    require(actor, Action.EDIT_CONFIGURATION)
    unknown = [r for r in norms if r not in (PRINCIPAL, DEPUTY, COMMITTEE)]
    if unknown or any(v < 0 for v in norms.values()):
        raise ActionRefused("岗位定额只能设置正职、副职、两委成员，且不能为负数")
    with db.transaction() as session:
        setting = session.get(Setting, ROLE_NORMS_SETTING)
        old = setting.value if setting is not None else None
        if setting is None:
            session.add(Setting(key=ROLE_NORMS_SETTING, value=dict(norms)))
        else:
            setting.value = dict(norms)
        audit.record(session, actor, "update", "setting", None, {ROLE_NORMS_SETTING: (old, norms)})
