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


def tenths(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` (both non-negative, the denominator not 0) rounded half up to
    0.1, in exact integer arithmetic: the same as ``round_tenth`` of the exact quotient, and
    fast enough for a row per community."""
    return Decimal((20 * numerator + denominator) // (2 * denominator)).scaleb(-1)


def percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole``, rounded half up to 0.1; 0.0 when ``whole`` is 0."""
    if whole == 0:
        return Decimal("0.0")
    return tenths(100 * part, whole)


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
    sex: str = ""  # 男, 女 (the age pyramid)
    community_id: int = 0  # the current community (breakdowns replay transfers from it)


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


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline figures of one group of people on one date (a row of a breakdown)."""

    headcount: int
    bachelor_or_above: int
    bachelor_or_above_ratio: Decimal
    average_age: Decimal
    under_35: int
    under_35_ratio: Decimal
    certified: int
    certified_ratio: Decimal
    committee: int
    committee_ratio: Decimal

    def change_since(self, earlier: Headline) -> Change:
        """同比增减: the published (rounded) figures minus the earlier ones; a ratio or the average
        age has no change when either side counts nobody."""
        both = self.headcount > 0 and earlier.headcount > 0

        def minus(now: Decimal, then: Decimal) -> Decimal | None:
            return now - then if both else None

        return Change(
            self.headcount - earlier.headcount,
            minus(self.bachelor_or_above_ratio, earlier.bachelor_or_above_ratio),
            minus(self.average_age, earlier.average_age),
            minus(self.under_35_ratio, earlier.under_35_ratio),
            minus(self.certified_ratio, earlier.certified_ratio),
            minus(self.committee_ratio, earlier.committee_ratio),
        )


@dataclass(frozen=True, slots=True)
class Change:
    """Year-on-year change: people, percentage points (百分点) and years of average age."""

    headcount: int
    bachelor_or_above_ratio: Decimal | None
    average_age: Decimal | None
    under_35_ratio: Decimal | None
    certified_ratio: Decimal | None
    committee_ratio: Decimal | None


class Tally:
    """Running counts of one group on one date; a unit's tally is the sum of its communities'."""

    __slots__ = ("age_total", "bachelor", "certified", "committee", "headcount", "young")

    def __init__(self) -> None:
        self.headcount = self.age_total = self.young = 0
        self.bachelor = self.certified = self.committee = 0

    def count(self, person: StatsPerson, age: int, on: dt.date) -> None:
        """Add one counted person whose age on ``on`` is ``age``."""
        self.headcount += 1
        self.age_total += age
        if age < YOUNG_AGE:
            self.young += 1
        if person.highest_education in BACHELOR_OR_ABOVE:
            self.bachelor += 1
        since = person.certified_since
        if since is not None and since <= on:
            self.certified += 1
        if person.is_committee_member:
            self.committee += 1

    def add(self, other: Tally) -> None:
        self.headcount += other.headcount
        self.age_total += other.age_total
        self.young += other.young
        self.bachelor += other.bachelor
        self.certified += other.certified
        self.committee += other.committee

    def headline(self) -> Headline:
        n = self.headcount
        return Headline(  # positional: one per unit and day, thousands of them
            n,
            self.bachelor,
            percent(self.bachelor, n),
            tenths(self.age_total, n) if n else Decimal("0.0"),
            self.young,
            percent(self.young, n),
            self.certified,
            percent(self.certified, n),
            self.committee,
            percent(self.committee, n),
        )


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
    tally = Tally()
    by_level: Counter[tuple[str, int]] = Counter()
    by_district: Counter[str] = Counter()
    for person in people:
        if not is_counted(person, as_of, histories.get(person.worker_id, ())):
            continue
        tally.count(person, age_on(person.birth_date, as_of), as_of)
        by_level[person.post, person.level] += 1
        by_district[person.district] += 1
    by_post_counts: Counter[str] = Counter()
    levels: dict[str, dict[int, int]] = {}
    for (post, level), count in sorted(by_level.items()):
        by_post_counts[post] += count
        levels.setdefault(post, {})[level] = count
    by_post = _ordered(by_post_counts, (p.code for p in posts))
    names = {p.code: p.name for p in posts}
    head = tally.headline()
    return Indicators(
        as_of=as_of,
        headcount=head.headcount,
        by_post=by_post,
        post_names={code: names.get(code, code) for code in by_post},
        by_post_level={post: levels[post] for post in by_post},
        by_district=_ordered(by_district, districts),
        bachelor_or_above=head.bachelor_or_above,
        bachelor_or_above_ratio=head.bachelor_or_above_ratio,
        average_age=head.average_age,
        under_35=head.under_35,
        under_35_ratio=head.under_35_ratio,
        certified=head.certified,
        certified_ratio=head.certified_ratio,
        committee=head.committee,
        committee_ratio=head.committee_ratio,
        training_person_times=training.person_times,
        training_hours=training.hours,
    )
