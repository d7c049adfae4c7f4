"""预算测算's inputs (issue 19), read in a few bulk queries (``read_inputs``): the adjustment
run's own facts (``load_facts``), each worker's sex, birth date, original retirement age, duties,
status, certificate and base; the scales, allowances, 五险一金 rates and bounds in force; per
community the grade shares and the leaver rate of the last three years and 核定人数
(``org_unit.headcount_norm``); the assumptions in words."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, cast, extract, func, select
from sqlalchemy.orm import Session

from workforce.domain.adjustment.appraisal import GradeScheme
from workforce.domain.adjustment.projection import (
    Economy,
    Person,
    Unit,
)
from workforce.domain.adjustment.rules import WorkerHistory, history_as
from workforce.domain.adjustment.scenario import (
    ALL_UNITS,
    Assumptions,
)
from workforce.domain.payroll.insurance import BaseBounds
from workforce.domain.payroll.pay_composition import certificate_allowance_starts
from workforce.domain.problems import ActionRefused
from workforce.domain.roster.retirement import Retirements
from workforce.domain.scale import PostRange, ScaleVersion
from workforce.domain.vocab import ACTIVE_STATUSES, WorkerStatus
from workforce.persistence.org import OrgUnit
from workforce.persistence.pay import AllowanceRate, PayScale
from workforce.persistence.payroll import ContributionBase
from workforce.persistence.people import Appraisal, Certificate, StatusChange, Worker
from workforce.persistence.plain import dates_of, plain_rows
from workforce.services.adjustment.appraisals import grade_scheme
from workforce.services.adjustment.inputs import load_facts
from workforce.services.adjustment.run import rules_for
from workforce.services.payroll.basis import (
    CERTIFICATE_FROM_NEXT_MONTH,
    allowances_from,
    bounds_in_force,
    insurance_items,
    monthly_allowances,
    setting,
)
from workforce.services.roster.org import OrgNode
from workforce.services.roster.retirements import original_age_defaults
from workforce.services.scale import load_scale

HISTORY_YEARS = 3
LEFT = (WorkerStatus.LEFT.value, WorkerStatus.TRANSFERRED_OUT.value)
SHARE = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class Inputs:
    people: list[Person]
    units: list[Unit]
    economy: Economy
    notes: list[str]
    overdue: int
    paths: dict[str, list[int]]  # community by name and by path


def _paths(nodes: Sequence[OrgNode]) -> dict[int, tuple[str, str, str]]:
    """(district, street, community) names of each community."""
    by_id = {n.id: n for n in nodes}
    found = {}
    for node in nodes:
        if node.kind != "community" or node.parent_id is None:
            continue
        street = by_id[node.parent_id]
        district = by_id.get(street.parent_id) if street.parent_id is not None else None
        found[node.id] = (district.name if district else "", street.name, node.name)
    return found


def _window(session: Session, first: int) -> tuple[int, int]:
    """The three appraisal years the shares come from: those before ``first``, or before the
    year before when that year's results are not in yet."""
    latest = session.scalar(select(func.max(Appraisal.year)).where(Appraisal.year < first))
    last = latest if latest is not None else first - 1
    return last - HISTORY_YEARS + 1, last


def _grade_shares(
    session: Session, scheme: GradeScheme, window: tuple[int, int]
) -> tuple[dict[int, tuple[tuple[str, Decimal], ...]], tuple[tuple[str, Decimal], ...]]:
    """Per community (and over all), the share of each grade of the window's results, 优秀 first."""
    order = [scheme.excellent, *(g for g in scheme.names if g != scheme.excellent)]
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for community, grade, n in session.execute(
        select(Worker.community_id, Appraisal.grade, func.count())
        .join(Worker, Worker.id == Appraisal.worker_id)
        .where(Appraisal.year.between(*window))
        .group_by(Worker.community_id, Appraisal.grade)
    ):
        counts[community][grade] += n
    overall: Counter[str] = Counter()
    for tally in counts.values():
        overall.update(tally)

    def shares(tally: Counter[str]) -> tuple[tuple[str, Decimal], ...]:
        total = sum(tally[g] for g in order)
        if total == 0:
            passing = next(g for g in order if g in scheme.passing_grades)
            return tuple((g, Decimal(g == passing)) for g in order)
        parts = [(g, (Decimal(tally[g]) / total).quantize(SHARE)) for g in order]
        rest = Decimal(1) - sum((s for _, s in parts[1:]), Decimal(0))
        return ((parts[0][0], rest), *parts[1:])

    return {c: shares(t) for c, t in counts.items()}, shares(overall)


def _leaver_rates(
    session: Session, window: tuple[int, int], heads: Mapping[int, int]
) -> dict[int, Decimal]:
    """Per community, the workers who left (离职, 调出) a year in the window, as a share of today's
    headcount."""
    rates = {}
    for community, n in session.execute(
        select(Worker.community_id, func.count(func.distinct(StatusChange.worker_id)))
        .join(Worker, Worker.id == StatusChange.worker_id)
        .where(
            StatusChange.status.in_(LEFT),
            cast(extract("year", StatusChange.effective_date), Integer).between(*window),
        )
        .group_by(Worker.community_id)
    ):
        if heads.get(community):
            rate = Decimal(n) / (HISTORY_YEARS * (heads[community] + Decimal(n) / HISTORY_YEARS))
            rates[community] = min(rate, Decimal("0.5")).quantize(SHARE)
    return rates


def _economy(
    session: Session, first: int, assumptions: Assumptions, scheme: GradeScheme
) -> tuple[Economy, ScaleVersion]:
    start = dt.date(first, 1, 1)
    scales = tuple(
        load_scale(session, scale_id)
        for scale_id in session.scalars(select(PayScale.id).order_by(PayScale.effective_date))
    )
    in_force = [s for s in scales if s.effective_date <= start]
    if not in_force:
        raise ActionRefused(f"{start:%Y-%m-%d}没有生效的薪酬标准，无法测算")
    bounds = bounds_in_force(session, start)
    items = insurance_items(session, start)
    if bounds is None or not items:
        raise ActionRefused(f"{start:%Y-%m-%d}没有生效的社保公积金费率或缴费基数上下限，无法测算")
    from_next = bool(setting(session, CERTIFICATE_FROM_NEXT_MONTH, True))
    reward: dict[str, tuple[dt.date, Decimal]] = {}
    for key, amount, effective in session.execute(
        select(AllowanceRate.key, AllowanceRate.amount, AllowanceRate.effective_date).where(
            AllowanceRate.kind == "reward_performance",
            AllowanceRate.period == "year",
            AllowanceRate.effective_date <= start,
        )
    ):
        if key not in reward or effective > reward[key][0]:
            reward[key] = (effective, amount)
    scale = max(in_force, key=lambda s: s.effective_date)
    staff = scale.post("staff") or scale.posts[-1]
    economy = Economy(
        scales=scales,
        allowances=allowances_from(monthly_allowances(session, start), from_next),
        insurance=items,
        bounds=BaseBounds(bounds.floor, bounds.ceiling, bounds.effective_date),
        rules=rules_for(session, first),
        reward={grade: amount for grade, (_, amount) in reward.items()},
        bounds_growth=assumptions.bounds_growth,
        entry=(staff.code, staff.min_level),
        refill_month=assumptions.refill_month,
        assume_first_grades=session.scalar(
            select(func.count()).select_from(Appraisal).where(Appraisal.year == first - 1)
        )
        == 0,
    )
    return economy, scale


def _person_facts(
    session: Session, first: int, allowances: Mapping[str, Decimal], from_next: bool
) -> tuple[dict[int, tuple[Any, ...]], dict[int, Decimal], dict[int, tuple[str, dt.date]]]:
    active = Worker.status.in_([s.value for s in ACTIVE_STATUSES])
    plain = plain_rows(  # (the driver's values: birth dates parsed once per distinct date)
        session,
        select(
            Worker.id,
            Worker.sex,
            Worker.birth_date,
            Worker.retirement_age,
            Worker.duties,
            Worker.status,
        ).where(active),
    )
    births = dates_of(row[2] for row in plain)
    rows = {
        worker_id: (sex, births.get(birth), original, duties, status)
        for worker_id, sex, birth, original, duties, status in plain
    }
    bases = dict(
        session.execute(
            select(ContributionBase.worker_id, ContributionBase.base).where(
                ContributionBase.year == first
            )
        )
        .tuples()
        .all()
    )
    certificates: dict[int, tuple[str, dt.date]] = {}
    for worker_id, level, registered in session.execute(
        select(Certificate.worker_id, Certificate.level, func.min(Certificate.registered_date))
        .where(Certificate.registered_date.is_not(None), Certificate.level.in_(sorted(allowances)))
        .group_by(Certificate.worker_id, Certificate.level)
    ).tuples():
        if registered is None:
            continue
        held = certificates.get(worker_id)
        if held is None or allowances[level] > allowances[held[0]]:
            certificates[worker_id] = (level, certificate_allowance_starts(registered, from_next))
    return rows, bases, certificates


def _as_worker(h: WorkerHistory, worker_id: int) -> WorkerHistory:
    """``h`` for another worker with the same facts."""
    return history_as(h, worker_id, h.appraisals)


def read_inputs(
    session: Session,
    first: int,
    assumptions: Assumptions,
    within: set[int] | None,
    nodes: Sequence[OrgNode],
) -> Inputs:
    scheme = grade_scheme(session)
    economy, _ = _economy(session, first, assumptions, scheme)
    defaults = original_age_defaults(session)
    facts = load_facts(session, first, dt.date(first, 1, 1), economy.rules)
    rows, bases, certificates = _person_facts(
        session,
        first,
        economy.allowances.certificate,
        economy.allowances.certificate_from_next_month,
    )
    people, overdue = [], 0
    dates = Retirements(defaults)
    start = dt.date(first, 1, 1)
    # one history read per distinct facts (its grades parsed once), the others but for the id
    # alike (they share the grades, which the projection only reads)
    read: dict[Any, WorkerHistory] = {}
    probation = WorkerStatus.PROBATION.value
    for worker_id, community, key in facts.workers:
        if within is not None and community not in within:
            continue
        sex, birth, original, duties, status = rows[worker_id]
        retires = dates.of(birth, sex, original)
        assert retires is not None
        overdue += retires < start
        held = certificates.get(worker_id)
        history = read.get(key)
        if history is None:
            history = read[key] = facts.history(worker_id, key)
        elif history.worker_id != worker_id:
            history = _as_worker(history, worker_id)
        people.append(
            Person(
                worker_id,
                community,
                history,
                retires,
                duties,
                held[0] if held else None,
                held[1] if held else None,
                status == probation,
                bases.get(worker_id),
                key,
            )
        )
    paths = _paths(nodes)
    heads = Counter(p.community for p in people)
    norms = dict(
        session.execute(
            select(OrgUnit.id, OrgUnit.headcount_norm).where(OrgUnit.kind == "community")
        )
        .tuples()
        .all()
    )
    window = _window(session, first)
    shares, overall = _grade_shares(session, scheme, window)
    leavers = _leaver_rates(session, (first - HISTORY_YEARS, first - 1), heads)
    by_name: dict[str, list[int]] = defaultdict(list)
    for community, (district, street, name) in paths.items():
        by_name[name].append(community)
        by_name[f"{street}/{name}"].append(community)
        by_name[f"{district}/{street}/{name}"].append(community)

    def chosen(table: Mapping[str, Any], community: int) -> Any:
        district, street, name = paths[community]
        for key in (f"{district}/{street}/{name}", f"{street}/{name}", name, ALL_UNITS):
            if key in table:
                return table[key]
        return None

    named: tuple[tuple[Mapping[str, Any], str], ...] = (
        (assumptions.grade_shares, "grade_shares"),
        (assumptions.leaver_rates, "leaver_rates"),
        (assumptions.approved, "approved"),
    )
    for table, what in named:
        for unit_name in table:
            if unit_name != ALL_UNITS and len(by_name.get(unit_name, [])) != 1:
                raise ActionRefused(
                    f"假设文件 {what} 中的「{unit_name}」不是唯一的社区（可写 街道/社区）"
                )
    units = []
    for community in sorted({p.community for p in people} | set(_scoped(paths, within))):
        district, street, name = paths[community]
        approved = chosen(assumptions.approved, community)
        if approved is None and assumptions.refill:
            approved = norms.get(community) or heads.get(community, 0)
        units.append(
            Unit(
                community,
                district,
                street,
                name,
                chosen(assumptions.grade_shares, community) or shares.get(community, overall),
                chosen(assumptions.leaver_rates, community)
                if chosen(assumptions.leaver_rates, community) is not None
                else leavers.get(community, Decimal(0)),
                approved if assumptions.refill or approved is not None else None,
            )
        )
    notes = _notes(economy, assumptions, window, overall, leavers, heads, first)
    return Inputs(people, units, economy, notes, overdue, dict(by_name))


def _scoped(paths: Mapping[int, Any], within: set[int] | None) -> list[int]:
    return [c for c in paths if within is None or c in within]


def _notes(
    economy: Economy,
    assumptions: Assumptions,
    window: tuple[int, int],
    overall: Sequence[tuple[str, Decimal]],
    leavers: Mapping[int, Decimal],
    heads: Mapping[int, int],
    first: int,
) -> list[str]:
    people = sum(heads.values())
    entry_post = in_force_post(economy, first)
    entry_name = entry_post.name if entry_post else economy.entry[0]
    left = sum((leavers.get(c, Decimal(0)) * n for c, n in heads.items()), Decimal(0))
    rate = (left / people * 100).quantize(Decimal("0.1")) if people else Decimal(0)
    overall_text = "、".join(f"{g}{(s * 100).quantize(Decimal('0.1'))}%" for g, s in overall)
    notes = [
        f"人员：{first - 1}年末在职、试用人员，按现岗位等级、证书、职务计发；"
        "岗位等级工资、津贴、五险一金费率和缴费基数上下限按测算首年1月1日生效的标准",
        f"调级：每年1月1日按调级规则（每{economy.rules.qualifying_years_per_step}个合格年度晋1级，"
        f"连续{economy.rules.early_streak}年{economy.rules.early_grade}破格晋级等）与调级批次相同的规则测算",
        f"考核：{window[0]}–{window[1]}年各社区考核结果的比例（全部：{overall_text}），"
        f"{_overrides(assumptions.grade_shares)}；"
        "优秀名额在社区内逐年轮换",
        "退休：按渐进式延迟法定退休年龄（2025年1月1日起施行）计算的法定退休时间，当月末退休",
        f"离职：各社区{first - HISTORY_YEARS}–{first - 1}年离职、调出人数占比"
        f"（全部年均约{rate}%），于每年年末离开",
        (
            f"补员：空缺按核定人数（未核定的按现有人数）于每年{economy.refill_month}月按"
            f"{entry_name} {economy.entry[1]}级补充"
            if assumptions.refill
            else "补员：不补充空缺"
        ),
        "单位缴费：首年按已核定的缴费基数（未核定的按首月应发），以后年度按上年月平均应发；"
        f"缴费基数上下限每年增长{(economy.bounds_growth * 100).normalize()}%",
    ]
    if economy.reward:
        notes.append("奖励绩效：按当年考核等次于年末计发")
    return notes


def in_force_post(economy: Economy, first: int) -> PostRange | None:
    """The entry post as the scale in force at the start names it."""
    start = dt.date(first, 1, 1)
    scale = max(
        (s for s in economy.scales if s.effective_date <= start), key=lambda s: s.effective_date
    )
    return scale.post(economy.entry[0])


def _overrides(table: Mapping[str, Any]) -> str:
    return f"{'、'.join(sorted(table))}按假设文件" if table else "未另设"
