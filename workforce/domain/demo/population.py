"""A synthetic district or city of community workers for demonstrations and benchmarks.

Deterministic for a seed and a date (``random.Random(seed)``, no clock). Each community gets one
正职 (一肩挑, or a 书记 and a 主任), 2–3 副职, then 其他社区工作者 and 专职网格员 (one per grid);
about 48% are 两委成员. People are drawn by ``demo_people``, the tree by ``demo_org``, appraisals
and training by ``demo_history``. Nothing here knows the database: units are referred to by key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from workforce.domain.demo.history import (
    DemoTraining,
    Tenure,
    appraisal_years,
    appraise,
    plan_training,
)
from workforce.domain.demo.org import CommunityPlan, DemoUnit, OrgPlan
from workforce.domain.demo.people import Person, PersonSampler, Role
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.roster.worker import CertificateInput, WorkerInput
from workforce.domain.scale import PostRange, find_post
from workforce.domain.vocab import WorkerStatus

__all__ = [
    "DemoError",
    "DemoPopulation",
    "DemoTraining",
    "DemoUnit",
    "DemoWorker",
    "generate_population",
]

_POST_NAMES = {
    "principal": ("principal", "社区正职"),
    "deputy": ("deputy", "社区副职"),
    "staff": ("staff", "其他社区工作者"),
    "grid": ("grid", "专职网格员"),
}
# Among workers outside the 两委: new hires on probation, leavers and retirees.
_PROBATION_SHARE = 0.06
_LEFT_SHARE = 0.05
_RETIRED_SHARE = 0.02


class DemoError(ValueError):
    """The demo population cannot be generated (e.g. the scale lacks a post)."""


@dataclass(frozen=True, slots=True)
class DemoWorker:
    """A generated worker. ``data.community_id`` is 0 and ``data.grid_id`` None until stored:
    ``community`` and ``grid`` are unit keys. ``statuses`` are (date, status) in order; a
    certificate renewed every 3 years has all its registrations in ``registrations``."""

    data: WorkerInput
    community: int
    grid: int | None
    certificate: CertificateInput | None
    statuses: tuple[tuple[dt.date, str], ...]
    appraisals: tuple[tuple[int, str], ...]
    # a renewed certificate's registrations, first to latest (``certificate.registered_date``)
    registrations: tuple[dt.date, ...] = ()


@dataclass(frozen=True, slots=True)
class DemoPopulation:
    seed: int
    today: dt.date
    units: tuple[DemoUnit, ...]
    workers: tuple[DemoWorker, ...]
    trainings: tuple[DemoTraining, ...]

    def unit_count(self, kind: str) -> int:
        return sum(1 for unit in self.units if unit.kind == kind)

    @property
    def certificate_count(self) -> int:
        return sum(1 for w in self.workers if w.certificate is not None)

    @property
    def registration_count(self) -> int:
        return sum(len(w.registrations) for w in self.workers)

    @property
    def appraisal_count(self) -> int:
        return sum(len(w.appraisals) for w in self.workers)

    @property
    def attendance_count(self) -> int:
        return sum(len(t.attendance) for t in self.trainings)


class _Roles:
    """The roles a community can hold, built once from the scale's posts."""

    def __init__(self, posts: Sequence[PostRange]) -> None:
        found: dict[str, PostRange] = {}
        for key, candidates in _POST_NAMES.items():
            post = next((p for c in candidates if (p := find_post(tuple(posts), c))), None)
            if post is not None:
                found[key] = post
            elif key != "grid":
                raise DemoError(f"现行薪酬标准中没有「{candidates[1]}」岗位，无法生成示例数据")
        principal, deputy, staff = found["principal"], found["deputy"], found["staff"]
        grid = found.get("grid", staff)
        self.one_shoulder = Role("principal", principal, "一肩挑", True)
        self.secretary = Role("principal", principal, "书记", True)
        self.director = Role("principal", principal, "主任", True)
        self.deputies = (
            Role("deputy", deputy, "副书记", True),
            Role("deputy", deputy, "副主任", True),
            Role("deputy", deputy, "副主任", True),
        )
        self.member = Role("member", staff, "委员", True)
        self.staff = Role("staff", staff, "专职社工", False)
        self.grid = Role("grid", grid, "网格员", False)
        self.grid_member = Role("grid", grid, "网格员", True)

    def community(self, rng: Random, size: int) -> list[Role]:
        """Roles for a community of ``size`` workers, leaders first."""
        if size >= 10 and rng.random() < 0.15:
            roles = [self.secretary, self.director]
        else:
            roles = [self.one_shoulder]
        deputies = (
            0 if size < 3 else 1 if size < 5 else 3 if size >= 12 and rng.random() < 0.5 else 2
        )
        roles += self.deputies[: min(deputies, size - len(roles))]
        rest = size - len(roles)
        grids = round(rest * rng.uniform(0.22, 0.38))
        extra = max(0, round(size * rng.uniform(0.39, 0.55)) - len(roles))
        members = min(extra, rest - grids)
        grid_members = min(extra - members, grids)
        roles += [self.member] * members + [self.staff] * (rest - grids - members)
        roles += [self.grid_member] * grid_members + [self.grid] * (grids - grid_members)
        return roles


def _status(rng: Random, role: Role) -> str:
    if role.committee:
        return WorkerStatus.ACTIVE.value
    r = rng.random()
    if r < _PROBATION_SHARE:
        return WorkerStatus.PROBATION.value
    if r < _PROBATION_SHARE + _LEFT_SHARE:
        return WorkerStatus.LEFT.value
    if r < _PROBATION_SHARE + _LEFT_SHARE + _RETIRED_SHARE:
        return WorkerStatus.RETIRED.value
    return WorkerStatus.ACTIVE.value


def generate_population(
    workers: int,
    seed: int,
    today: dt.date,
    posts: Sequence[PostRange],
    *,
    first_district: str = "新城区",
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> DemoPopulation:
    """``workers`` people in about ``workers / 2000`` districts, with their history.

    ``posts`` are the scale's posts in force (levels stay within their ranges); the first district
    is named ``first_district`` (the database's default district). ``progress`` gets (people drawn,
    ``workers``); ``cancel`` is checked between communities.
    """
    if workers < 1:
        raise DemoError("示例人数应至少为1")
    rng = Random(seed)
    roles = _Roles(posts)
    org = OrgPlan(rng, workers, first_district)
    sampler = PersonSampler(rng, today)
    years = appraisal_years(today)
    result: list[DemoWorker] = []
    tenures: list[Tenure] = []
    by_district: dict[int, list[int]] = {}  # unit key → worker indices
    by_street: dict[int, list[int]] = {}
    for number, plan in enumerate(org.communities):
        if number % 100 == 0:
            progress(len(result), workers)
            if cancel is not None:
                cancel.check()
        people = _staff_community(rng, roles, sampler, org, plan, years)
        members = range(len(result), len(result) + len(people))
        by_district.setdefault(plan.district, []).extend(members)
        by_street.setdefault(plan.street, []).extend(members)
        for worker, tenure in people:
            result.append(worker)
            tenures.append(tenure)
    name = {unit.key: unit.name for unit in org.units}
    district_of = {plan.street: plan.district for plan in org.communities}
    street_groups = [
        (name[district_of[key]] + name[key], members) for key, members in by_street.items()
    ]
    district_groups = [(name[key], members) for key, members in by_district.items()]
    trainings = plan_training(rng, today, tenures, district_groups, street_groups)
    progress(workers, workers)
    return DemoPopulation(seed, today, tuple(org.units), tuple(result), tuple(trainings))


def _staff_community(
    rng: Random,
    roles: _Roles,
    sampler: PersonSampler,
    org: OrgPlan,
    plan: CommunityPlan,
    years: range,
) -> list[tuple[DemoWorker, Tenure]]:
    """Draw the people of one community, give each serving grid worker a grid of their own."""
    drawn: list[tuple[Role, Person]] = []
    for role in roles.community(rng, plan.size):
        drawn.append((role, sampler.person(role, _status(rng, role), plan.district_name)))
    holders = [
        i
        for i, (role, person) in enumerate(drawn)
        if role.kind == "grid" and person.leave_date is None
    ]
    grid_keys = org.add_grids(plan.key, max(1, len(holders) + rng.randint(0, 2)))
    grid_of = dict(zip(holders, rng.sample(grid_keys, len(holders)), strict=True))
    tenures = [
        Tenure(
            person.data.community_start_date or sampler.today,
            person.leave_date,
            role.kind in ("principal", "deputy"),
        )
        for role, person in drawn
    ]
    grades = appraise(rng, tenures, years)
    return [
        (
            DemoWorker(
                person.data,
                plan.key,
                grid_of.get(i),
                person.certificate,
                person.statuses,
                tuple(grades[i]),
                person.registrations,
            ),
            tenures[i],
        )
        for i, (_, person) in enumerate(drawn)
    ]
