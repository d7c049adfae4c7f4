"""The indicators broken down (§9): by district, street and community with the same day a year
earlier, levels per post, and the age pyramid (5-year bands × sex), all from one pass over the
people for both days.

Each counted person adds to their community's ``Tally`` on the day (``stats_population``'s
rule); a street's and a district's figures are the sums of their communities', so the rows of a
table always add up. The people behind any figure (``Figure``) are found by the same placing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from workforce.domain.dates import age_on
from workforce.domain.scale import PostRange
from workforce.domain.stats.indicators import YOUNG_AGE, Change, Headline, Tally, is_counted
from workforce.domain.stats.population import (
    Placed,
    Population,
    community_on,
    grade_on,
    placed_on,
)
from workforce.domain.vocab import BACHELOR_OR_ABOVE, SEXES

BAND_WIDTH, FIRST_BAND, LAST_BAND = 5, 20, 60
AGE_BANDS: tuple[str, ...] = (
    f"{FIRST_BAND}岁以下",
    *(f"{low}-{low + BAND_WIDTH - 1}岁" for low in range(FIRST_BAND, LAST_BAND, BAND_WIDTH)),
    f"{LAST_BAND}岁及以上",
)
"""Labels of the pyramid's bands, youngest first: 20岁以下, 20-24岁, …, 55-59岁, 60岁及以上."""


def age_band(age: int) -> int:
    """The index in ``AGE_BANDS`` of an age in whole years."""
    if age < FIRST_BAND:
        return 0
    return min((age - FIRST_BAND) // BAND_WIDTH + 1, len(AGE_BANDS) - 1)


class Unit(Protocol):
    """An organisation unit as the breakdown needs it (``services.org.OrgNode`` is one)."""

    @property
    def id(self) -> int: ...
    @property
    def parent_id(self) -> int | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...


Profile = Counter[tuple[str, int, int, str]]
"""People per (post, level, age, sex): the level distribution and the pyramid both sum it."""


@dataclass(frozen=True, slots=True)
class Counts:
    """What one pass counted: for each day the tallies per community (the community each
    person was in that day) and, on the first day, the ``Profile``."""

    days: tuple[dt.date, ...]
    communities: tuple[dict[int, Tally], ...]
    profile: Profile


def total(tallies: Mapping[int, Tally]) -> Tally:
    found = Tally()
    for tally in tallies.values():
        found.add(tally)
    return found


def count_days(
    population: Population, days: Sequence[dt.date], communities: Collection[int] | None = None
) -> Counts:
    """Count ``population`` on each of ``days`` in one pass (the first day also profiled).

    The placing is ``placed_on``'s, with the same rules (``is_counted``, ``community_on``,
    ``grade_on``, ``age_on``); it is written out here, both days per person, because this loop
    is the cost of the statistics: 100,000 people × 2 days in about 0.25 s.
    """
    statuses, moves, grades = population.statuses, population.moves, population.grades
    tallies: tuple[dict[int, Tally], ...] = tuple({} for _ in days)
    profile: list[tuple[str, int, int, str]] = []
    for person in population.people:
        worker = person.worker_id
        history = statuses.get(worker, ())
        moved = moves.get(worker)
        for index, on in enumerate(days):
            if not is_counted(person, on, history):
                continue
            community = person.community_id
            if moved is not None:
                community = community_on(moved, on, community)
            if communities is not None and community not in communities:
                continue
            age = age_on(person.birth_date, on)
            by_community = tallies[index]
            tally = by_community.get(community)
            if tally is None:
                tally = by_community[community] = Tally()
            tally.count(person, age, on)
            if index == 0:
                post, level = person.post, person.level
                if worker in grades:
                    post, level = grade_on(grades[worker], on, (post, level))
                profile.append((post, level, age, person.sex))
    return Counts(tuple(days), tallies, Counter(profile))


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One row of the breakdown: a unit (None: everything in scope), on the day and a year
    earlier. ``depth`` is 0 for the scope itself, 1 for its children, and so on."""

    unit_id: int | None
    kind: str
    name: str
    depth: int
    current: Headline
    previous: Headline

    @property
    def change(self) -> Change:
        return self.current.change_since(self.previous)


def _rolled_up(units: Sequence[Unit], tallies: Mapping[int, Tally]) -> dict[int, Tally]:
    """Each unit's tally: the communities' summed a level at a time into their ancestors (each
    partial sum goes up once; the tallies passed in are not changed)."""
    parents = {unit.id: unit.parent_id for unit in units}
    rolled = dict(tallies)
    level: Mapping[int, Tally] = tallies
    while level:
        above: dict[int, Tally] = {}
        for unit_id, tally in level.items():
            parent = parents.get(unit_id)
            if parent is not None:
                into = above.get(parent)
                if into is None:
                    into = above[parent] = Tally()
                into.add(tally)
        for parent, sums in above.items():
            if parent in rolled:  # a unit with people of its own and below it
                merged = Tally()
                merged.add(rolled[parent])
                merged.add(sums)
                rolled[parent] = merged
            else:
                rolled[parent] = sums
        level = above
    return rolled


def unit_rows(
    units: Sequence[Unit],
    scope: Unit | None,
    current: Mapping[int, Tally],
    previous: Mapping[int, Tally],
    *,
    total_name: str = "合计",
) -> list[UnitRow]:
    """The scope's row (the sum of everything counted) then each unit below it down to the
    communities, depth first in the order of ``units``; tallies are per community."""
    rows = [
        UnitRow(
            scope.id if scope else None,
            scope.kind if scope else "all",
            scope.name if scope else total_name,
            0,
            total(current).headline(),
            total(previous).headline(),
        )
    ]
    now = _rolled_up(units, current)
    then = _rolled_up(units, previous)
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        if unit.kind != "grid":
            children.setdefault(unit.parent_id, []).append(unit)
    empty = Tally().headline()

    def walk(parent: int | None, depth: int) -> None:
        for unit in children.get(parent, ()):
            rows.append(
                UnitRow(
                    unit.id,
                    unit.kind,
                    unit.name,
                    depth,
                    now[unit.id].headline() if unit.id in now else empty,
                    then[unit.id].headline() if unit.id in then else empty,
                )
            )
            walk(unit.id, depth + 1)

    if scope is None:
        walk(None, 1)
    elif scope.kind != "grid":
        walk(scope.id, 1)
    return rows


@dataclass(frozen=True, slots=True)
class PostLevels:
    """岗位等级分布: people per level of one post, every level of its range listed."""

    post: str
    name: str
    counts: tuple[tuple[int, int], ...]  # (level, people), lowest level first

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def level_distribution(profile: Profile, posts: Sequence[PostRange]) -> list[PostLevels]:
    """Levels per post in the scale's order; a post or level off the scale still shows."""
    levels: Counter[tuple[str, int]] = Counter()
    for (post_code, level, _age, _sex), people in profile.items():
        levels[post_code, level] += people
    known = {post.code: post for post in posts}
    codes = [post.code for post in posts]
    codes += sorted({post for post, _ in levels} - set(codes))
    found = []
    for code in codes:
        post = known.get(code)
        seen = {level for p, level in levels if p == code}
        span = set(range(post.min_level, post.max_level + 1)) if post else set()
        counts = tuple((level, levels.get((code, level), 0)) for level in sorted(span | seen))
        if counts:
            found.append(PostLevels(code, post.name if post else code, counts))
    return found


class PyramidBand(NamedTuple):
    """年龄结构: one 5-year band of the pyramid."""

    label: str
    men: int
    women: int


def age_pyramid(profile: Profile) -> list[PyramidBand]:
    """Every band of ``AGE_BANDS``, youngest first."""
    pyramid: Counter[tuple[int, str]] = Counter()
    for (_post, _level, age, sex), people in profile.items():
        pyramid[age_band(age), sex] += people
    men, women = SEXES
    return [
        PyramidBand(label, pyramid.get((band, men), 0), pyramid.get((band, women), 0))
        for band, label in enumerate(AGE_BANDS)
    ]


FIGURE_KINDS = (
    "headcount",
    "bachelor_or_above",
    "under_35",
    "certified",
    "committee",
    "post",
    "level",
    "age_band",
)


class Figure(NamedTuple):
    """A figure a clerk can click to see the people behind it: ``kind`` is one of
    ``FIGURE_KINDS``; ``post``/``level`` name a bar of the level distribution, ``band``/``sex``
    one of the pyramid (an empty ``sex`` takes both)."""

    kind: str
    post: str = ""
    level: int = 0
    band: int = 0
    sex: str = ""

    def matches(self, placed: Placed, on: dt.date) -> bool:
        person = placed.person
        match self.kind:
            case "headcount":
                return True
            case "bachelor_or_above":
                return person.highest_education in BACHELOR_OR_ABOVE
            case "under_35":
                return placed.age < YOUNG_AGE
            case "certified":
                return person.certified_since is not None and person.certified_since <= on
            case "committee":
                return person.is_committee_member
            case "post":
                return placed.post == self.post
            case "level":
                return (placed.post, placed.level) == (self.post, self.level)
            case "age_band":
                return age_band(placed.age) == self.band and self.sex in ("", person.sex)
        raise ValueError(f"unknown figure {self.kind!r}")


def members(
    population: Population,
    figure: Figure,
    on: dt.date,
    communities: Collection[int] | None = None,
) -> list[int]:
    """The worker ids behind ``figure`` on ``on``, in ascending order."""
    return sorted(
        placed.person.worker_id
        for placed in placed_on(population, on, communities)
        if figure.matches(placed, on)
    )


def sex_totals(bands: Iterable[PyramidBand]) -> tuple[int, int]:
    """(men, women) over the bands."""
    men = women = 0
    for band in bands:
        men += band.men
        women += band.women
    return men, women
