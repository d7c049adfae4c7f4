"""The yearly grade adjustment rules (年度调级调薪, spec §4) as one pure function.

``propose_adjustment(history, rules, posts, year)`` evaluates, for one worker and run year Y, the
tenure step, the early step, the qualification ladder, honours and a post change, then clamps the
result to the post's range. Every reason names its rule and the facts it used, so a clerk can check
each step against the paper file.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from workforce.domain.adjustment.parameters import AdjustmentRules
from workforce.domain.scale import PostRange

CN_NUMBERS = "零一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class HonourFact:
    """荣誉: kind (市级及以上表彰 / 劳模), title and the year it was awarded."""

    kind: str
    title: str
    year: int


@dataclass(frozen=True, slots=True)
class WorkerHistory:
    """What the rules need to know of one worker before the run for year Y.

    ``tenure_start_year``: the year the current level began (for a new worker, the community start
    year). ``early_streak_start``: the first year that may count toward the 优秀 streak (the year of
    the last early step). ``credited_ladder``: the ladder value the level already reflects.
    """

    worker_id: int
    post: str
    level: int
    tenure_start_year: int
    appraisals: Mapping[int, str] = field(default_factory=dict)
    highest_education: str | None = None
    certificate_level: str | None = None
    credited_ladder: int = 0
    early_steps_used: int = 0
    early_streak_start: int | None = None
    honours: tuple[HonourFact, ...] = ()
    credited_honour_kinds: frozenset[str] = frozenset()
    new_post: str | None = None


def history_as(h: WorkerHistory, worker_id: int, appraisals: Mapping[int, str]) -> WorkerHistory:
    """``h`` for ``worker_id`` with ``appraisals``, the rest the same: the projection makes
    millions of these, and the constructor costs several times less than ``replace``."""
    return WorkerHistory(
        worker_id,
        h.post,
        h.level,
        h.tenure_start_year,
        appraisals,
        h.highest_education,
        h.certificate_level,
        h.credited_ladder,
        h.early_steps_used,
        h.early_streak_start,
        h.honours,
        h.credited_honour_kinds,
        h.new_post,
    )


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a level change: the rule, the levels it gives, and its facts in words."""

    rule: str
    steps: int
    text: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """The proposed outcome for one worker, with what the run must remember once applied."""

    worker_id: int
    old_post: str
    old_level: int
    new_post: str
    new_level: int
    reasons: tuple[Reason, ...]
    notes: tuple[str, ...]
    credited_ladder: int
    early_steps_used: int
    early_streak_start: int | None
    credited_honour_kinds: frozenset[str]

    @property
    def changed(self) -> bool:
        return (self.new_post, self.new_level) != (self.old_post, self.old_level)


def _years_text(years: list[int]) -> str:
    consecutive = all(b == a + 1 for a, b in itertools.pairwise(years))
    if consecutive and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return "、".join(str(y) for y in years)


def _count_text(n: int) -> str:
    """Small counts in Chinese as clerks write them: 两年, 三年."""
    if n == 2:
        return "两"
    return CN_NUMBERS[n] if 0 <= n <= 10 else str(n)


def _tenure(
    history: WorkerHistory, rules: AdjustmentRules, year: int
) -> tuple[Reason | None, list[str]]:
    notes: list[str] = []
    years = range(history.tenure_start_year, year)
    qualifying = [y for y in years if history.appraisals.get(y) in rules.passing_grades]
    for y in years:
        grade = history.appraisals.get(y)
        if grade is None:
            notes.append(f"缺少{y}年度考核结果，该年不计入任职年限")
        elif grade not in rules.passing_grades:
            notes.append(f"{y}年度考核为{grade}，该年不计入任职年限")
    steps = len(qualifying) // rules.qualifying_years_per_step
    if steps == 0:
        return None, notes
    counted = qualifying[: steps * rules.qualifying_years_per_step]
    grades = [history.appraisals[y] for y in counted]
    same = len(set(grades)) == 1
    consecutive = counted == list(range(counted[0], counted[-1] + 1))
    if same and consecutive:
        facts = f"{_years_text(counted)} 连续{_count_text(len(counted))}年{grades[0]}"
    else:
        tally = "、".join(f"{g}{grades.count(g)}年" for g in dict.fromkeys(grades))
        facts = f"{_years_text(counted)}年度考核合格{len(counted)}年（{tally}）"
    return Reason("tenure", steps, f"任职年限晋级：{facts}，晋升{steps}级"), notes


def _early(history: WorkerHistory, rules: AdjustmentRules, year: int) -> Reason | None:
    if history.early_steps_used >= rules.max_early_steps:
        return None
    streak = list(range(year - rules.early_streak, year))
    if history.early_streak_start is not None and streak[0] < history.early_streak_start:
        return None
    if all(history.appraisals.get(y) == rules.early_grade for y in streak):
        used = history.early_steps_used + 1
        return Reason(
            "early",
            1,
            f"破格晋级：{_years_text(streak)} 连续{_count_text(len(streak))}年{rules.early_grade}，"
            f"晋升1级（职业生涯第{used}次，最多{rules.max_early_steps}次）",
        )
    return None


def _ladder(history: WorkerHistory, rules: AdjustmentRules) -> tuple[Reason | None, int]:
    education = rules.education_ladder.get(history.highest_education or "", 0)
    certificate = rules.certificate_ladder.get(history.certificate_level or "", 0)
    value = max(education, certificate)
    if value <= history.credited_ladder:
        return None, history.credited_ladder
    source = (
        f"学历{history.highest_education}（{education}）"
        if education >= certificate
        else f"{history.certificate_level}证书（{certificate}）"
    )
    steps = value - history.credited_ladder
    text = (
        f"学历/职业资格晋级：{source}高于已认定的阶梯值{history.credited_ladder}，"
        f"按最高一项晋升{steps}级（不叠加）"
    )
    return Reason("ladder", steps, text), value


def _honours(
    history: WorkerHistory, rules: AdjustmentRules, year: int
) -> tuple[list[Reason], frozenset[str]]:
    credited = set(history.credited_honour_kinds)
    reasons = []
    for honour in sorted(history.honours, key=lambda h: h.year):
        if honour.kind in rules.honour_kinds and honour.kind not in credited and honour.year < year:
            credited.add(honour.kind)
            reasons.append(
                Reason(
                    "honour",
                    1,
                    f"荣誉晋级：{honour.year}年获{honour.title}（{honour.kind}），晋升1级",
                )
            )
    return reasons, frozenset(credited)


def _reslot(level: int, old: PostRange, new: PostRange) -> tuple[int, Reason]:
    if new.min_level > old.min_level:
        slotted = max(level, new.min_level)
        text = (
            f"岗位变动：{old.name}→{new.name}（晋升岗位），"
            f"等级取现等级与新岗位起点{new.min_level}级的较高者"
        )
    elif new.min_level < old.min_level:
        slotted = min(level, new.max_level)
        text = (
            f"岗位变动：{old.name}→{new.name}（降低岗位），"
            f"等级取现等级与新岗位最高{new.max_level}级的较低者"
        )
    else:
        slotted = min(max(level, new.min_level), new.max_level)
        text = f"岗位变动：{old.name}→{new.name}（同级岗位），等级保持在新岗位范围内"
    return slotted, Reason("post_change", slotted - level, f"{text}：{level}级→{slotted}级")


def propose_adjustment(
    history: WorkerHistory,
    rules: AdjustmentRules,
    posts: Mapping[str, PostRange],
    year: int,
) -> Proposal:
    """Evaluate every rule of §4 for one worker and the run for ``year``; pure and deterministic."""
    old_post = posts[history.post]
    new_post = posts[history.new_post] if history.new_post else old_post
    reasons: list[Reason] = []
    notes: list[str] = []
    level = history.level
    if new_post.code != old_post.code:
        level, reason = _reslot(level, old_post, new_post)
        reasons.append(reason)
    steps = 0
    if rules.tenure_enabled:
        tenure, tenure_notes = _tenure(history, rules, year)
        notes.extend(tenure_notes)
        if tenure:
            reasons.append(tenure)
            steps += tenure.steps
    early_used, streak_start = history.early_steps_used, history.early_streak_start
    if rules.early_enabled and (early := _early(history, rules, year)):
        reasons.append(early)
        steps += 1
        early_used, streak_start = early_used + 1, year
    credited_ladder = history.credited_ladder
    if rules.ladder_enabled:
        ladder, credited_ladder = _ladder(history, rules)
        if ladder:
            reasons.append(ladder)
            steps += ladder.steps
    honour_kinds = history.credited_honour_kinds
    if rules.honours_enabled:
        honour_reasons, honour_kinds = _honours(history, rules, year)
        reasons.extend(honour_reasons)
        steps += len(honour_reasons)
    wanted = level + steps
    new_level = min(max(wanted, new_post.min_level), new_post.max_level)
    if wanted > new_post.max_level:
        lost = wanted - new_post.max_level
        notes.append(
            f"已达本岗最高等级（{new_post.name}最高{new_post.max_level}级），{lost}级未能晋升"
        )
        reasons.append(Reason("ceiling", -lost, f"已达本岗最高等级：{lost}级未能晋升"))
    return Proposal(
        worker_id=history.worker_id,
        old_post=old_post.code,
        old_level=history.level,
        new_post=new_post.code,
        new_level=new_level,
        reasons=tuple(reasons),
        notes=tuple(notes),
        credited_ladder=credited_ladder,
        early_steps_used=early_used,
        early_streak_start=streak_start,
        credited_honour_kinds=honour_kinds,
    )


def first_year_read(tenure_start_year: int, rules: AdjustmentRules, year: int) -> int:
    """The earliest appraisal year the rules read in the run for ``year``: the tenure start, or
    the first year of the 优秀 streak if that is earlier. Older grades change no proposal."""
    return min(tenure_start_year, year - rules.early_streak)


def facts_read(history: WorkerHistory, rules: AdjustmentRules, year: int) -> tuple[object, ...]:
    """Everything of ``history`` the rules read in the run for ``year``, but the worker's id: the
    grades of the years from the tenure start (or the 优秀 streak, if earlier) up to the run year.
    Histories with equal facts get equal proposals but for the id."""
    grades = history.appraisals
    first = first_year_read(history.tenure_start_year, rules, year)
    return (
        history.post,
        history.new_post,
        history.level,
        history.tenure_start_year,
        tuple(map(grades.get, range(first, year))),
        history.highest_education,
        history.certificate_level,
        history.credited_ladder,
        history.early_steps_used,
        history.early_streak_start,
        history.honours,
        history.credited_honour_kinds,
    )


class Proposer:
    """``propose_adjustment`` for the many workers of one run (same rules, posts and year).

    The rules read only a few facts of a worker (``facts``): at city scale 100,000 workers share
    about 10,000 distinct combinations, so each combination is evaluated once and the answer is
    reused with the worker's own id. The answers are those of ``propose_adjustment`` itself."""

    def __init__(self, rules: AdjustmentRules, posts: Mapping[str, PostRange], year: int) -> None:
        self.rules, self.posts, self.year = rules, posts, year
        self.known: dict[tuple[object, ...], Proposal] = {}

    def facts(self, history: WorkerHistory) -> tuple[object, ...]:
        """Everything of ``history`` the rules read (``facts_read``)."""
        return facts_read(history, self.rules, self.year)

    def propose(self, history: WorkerHistory, facts: tuple[object, ...] | None = None) -> Proposal:
        key = self.facts(history) if facts is None else facts
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = propose_adjustment(history, self.rules, self.posts, self.year)
        if found.worker_id == history.worker_id:
            return found
        return Proposal(
            history.worker_id,
            found.old_post,
            found.old_level,
            found.new_post,
            found.new_level,
            found.reasons,
            found.notes,
            found.credited_ladder,
            found.early_steps_used,
            found.early_streak_start,
            found.credited_honour_kinds,
        )
