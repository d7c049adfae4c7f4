"""The indicators cities publish about their community workers (§9 Statistics).

Counts are of active workers (在职, 试用) on the as-of date: a worker counts when their status on
that date, replayed from the dated status history, is active and they had entered community work
by then. Ages are whole years (周岁) on the as-of date; "35岁以下" means under 35. Percentages and
the average age are rounded half up to one decimal (``round_tenth``), only at the end.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from workforce.domain.dates import age_on
from workforce.domain.scale import PostRange
from workforce.domain.vocab import ACTIVE_STATUSES, BACHELOR_OR_ABOVE

TENTH = Decimal("0.1")
YOUNG_AGE = 35  # 35岁以下: under 35
UNDATED = dt.date.min  # a certificate held with no date on file counts on every date


INDICATOR_LABELS = {
    "as_of": "统计日期",
    "headcount": "在岗人数",
    "by_post": "按岗位",
    "by_post_level": "按岗位等级",
    "by_district": "按区/旗县",
    "bachelor_or_above": "本科以上学历人数",
    "bachelor_or_above_ratio": "本科以上学历占比（%）",
    "average_age": "平均年龄（岁）",
    "under_35": "35岁以下人数",
    "under_35_ratio": "35岁以下占比（%）",
    "certified": "持证人数",
    "certified_ratio": "持证率（%）",
    "committee": "两委成员人数",
    "committee_ratio": "两委成员占比（%）",
    "training_person_times": "本年培训人次",
    "training_hours": "本年培训学时",
}


def round_tenth(value: Decimal) -> Decimal:
    """Round half up to one decimal (四舍五入保留一位小数): the rounding of every indicator."""
    return value.quantize(TENTH, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole``, rounded half up to 0.1; 0.0 when ``whole`` is 0."""
    if whole == 0:
        return Decimal("0.0")
    return round_tenth(Decimal(part) * 100 / Decimal(whole))


class StatsPerson(NamedTuple):
    """What the indicators need of one worker (a named tuple: read 100,000 at a time)."""

    worker_id: int
    birth_date: dt.date
    status: str  # the current status
    post: str
    level: int
    district: str
    highest_education: str | None
    is_committee_member: bool
    community_start_date: dt.date | None
    certified_since: dt.date | None  # earliest social-work certificate; None when none


class TrainingTotals(NamedTuple):
    """Passed attendances (人次) and their hours (学时) in the as-of year, up to the as-of date."""

    person_times: int = 0
    hours: Decimal = Decimal("0.0")


NO_TRAINING = TrainingTotals()


@dataclass(frozen=True, slots=True)
class Indicators:
    as_of: dt.date
    headcount: int
    by_post: Mapping[str, int]  # post code → headcount, in the scale's order
    post_names: Mapping[str, str]
    by_post_level: Mapping[str, Mapping[int, int]]
    by_district: Mapping[str, int]
    bachelor_or_above: int
    bachelor_or_above_ratio: Decimal
    average_age: Decimal
    under_35: int
    under_35_ratio: Decimal
    certified: int
    certified_ratio: Decimal
    committee: int
    committee_ratio: Decimal
    training_person_times: int
    training_hours: Decimal


def status_on(history: Sequence[tuple[dt.date, str]], on: dt.date, current: str) -> str:
    """A worker's status on a date from their (date, status) history in date order.

    Before the first dated status the first one applies (a file created by an import is dated
    the day of the import, yet the person was already at work); with no history, ``current``.
    """
    if not history:
        return current
    found = history[0][1]
    for effective, status in history:
        if effective > on:
            break
        found = status
    return found


def is_counted(
    person: StatsPerson, on: dt.date, history: Sequence[tuple[dt.date, str]] = ()
) -> bool:
    """Active (在职, 试用) on the date and already in community work."""
    if person.community_start_date is not None and person.community_start_date > on:
        return False
    return status_on(history, on, person.status) in ACTIVE_STATUSES


def _ordered(counts: Mapping[str, int], order: Iterable[str]) -> dict[str, int]:
    known = [key for key in order if key in counts]
    rest = sorted(set(counts) - set(known))
    return {key: counts[key] for key in (*known, *rest)}


def compute_indicators(
    people: Iterable[StatsPerson],
    as_of: dt.date,
    *,
    histories: Mapping[int, Sequence[tuple[dt.date, str]]] | None = None,
    posts: Sequence[PostRange] = (),
    districts: Sequence[str] = (),
    training: TrainingTotals = NO_TRAINING,
) -> Indicators:
    """The indicators on ``as_of`` over the counted people.

    ``histories`` holds the status history of workers whose status changed (the others keep
    their current status); ``posts`` and ``districts`` give the order and names of the
    breakdowns; ``training`` is passed through (the database sums it).
    """
    histories = histories or {}
    headcount = bachelor = young = certified = committee = age_total = 0
    by_level: Counter[tuple[str, int]] = Counter()
    by_district: Counter[str] = Counter()
    for person in people:
        if not is_counted(person, as_of, histories.get(person.worker_id, ())):
            continue
        headcount += 1
        age = age_on(person.birth_date, as_of)
        age_total += age
        young += age < YOUNG_AGE
        bachelor += person.highest_education in BACHELOR_OR_ABOVE
        since = person.certified_since
        certified += since is not None and since <= as_of
        committee += person.is_committee_member
        by_level[person.post, person.level] += 1
        by_district[person.district] += 1
    by_post_counts: Counter[str] = Counter()
    levels: dict[str, dict[int, int]] = {}
    for (post, level), count in sorted(by_level.items()):
        by_post_counts[post] += count
        levels.setdefault(post, {})[level] = count
    by_post = _ordered(by_post_counts, (p.code for p in posts))
    names = {p.code: p.name for p in posts}
    return Indicators(
        as_of=as_of,
        headcount=headcount,
        by_post=by_post,
        post_names={code: names.get(code, code) for code in by_post},
        by_post_level={post: levels[post] for post in by_post},
        by_district=_ordered(by_district, districts),
        bachelor_or_above=bachelor,
        bachelor_or_above_ratio=percent(bachelor, headcount),
        average_age=round_tenth(Decimal(age_total) / headcount) if headcount else Decimal("0.0"),
        under_35=young,
        under_35_ratio=percent(young, headcount),
        certified=certified,
        certified_ratio=percent(certified, headcount),
        committee=committee,
        committee_ratio=percent(committee, headcount),
        training_person_times=training.person_times,
        training_hours=training.hours,
    )
