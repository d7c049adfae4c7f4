"""Who counted where on a date: the people with their dated histories, replayed to any day.

The statistics are asked for a date (31 December of a year, the same day a year earlier), and a
worker's file holds only the current state plus dated history rows. A worker counts on a date by
the rule of ``stats.is_counted`` (active that day, community work begun), in the community they
were in that day, with the post and level they held that day:

- status: the last status dated on or before the day (``stats.status_on``);
- community: the one they left by the first transfer after the day; the current one when they
  have not moved since (a transfer takes effect on its date: on that day they count in the new
  community, the day before in the old one);
- post and level: the last change dated on or before the day; before the first dated change, the
  first one (a file created by an import is dated the import day, yet the person held the level).

Education and 两委 membership have no dated history: the current values count on every date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from workforce.domain.dates import age_on
from workforce.domain.stats.indicators import StatsPerson, is_counted


class Move(NamedTuple):
    """调动: from a community (None when not on file) to another, effective on a date."""

    effective: dt.date
    from_community: int | None
    to_community: int


class Grade(NamedTuple):
    """岗位等级变动: the post and level held from a date."""

    effective: dt.date
    post: str
    level: int


class Placed(NamedTuple):
    """A counted person on a day: where they were, what they held, how old they were."""

    person: StatsPerson
    community_id: int
    post: str
    level: int
    age: int


@dataclass(frozen=True, slots=True)
class Population:
    """Everything the statistics read, for any date. The histories list only the workers whose
    state changed (the others keep their current state); each history is in date order."""

    people: Sequence[StatsPerson]
    statuses: Mapping[int, Sequence[tuple[dt.date, str]]] = field(default_factory=dict)
    moves: Mapping[int, Sequence[Move]] = field(default_factory=dict)
    grades: Mapping[int, Sequence[Grade]] = field(default_factory=dict)


def community_on(moves: Sequence[Move], on: dt.date, current: int) -> int:
    """The community a worker was in on a date (see the module's rule)."""
    for move in moves:
        if move.effective > on:
            return move.from_community if move.from_community is not None else current
    return current


def grade_on(grades: Sequence[Grade], on: dt.date, current: tuple[str, int]) -> tuple[str, int]:
    """The (post, level) a worker held on a date; ``current`` when there is no history."""
    if not grades:
        return current
    found = grades[0]
    for grade in grades:
        if grade.effective > on:
            break
        found = grade
    return found.post, found.level


def year_earlier(day: dt.date) -> dt.date:
    """The same day a year earlier (同期); 29 February gives 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def placed_on(
    population: Population, on: dt.date, communities: Collection[int] | None = None
) -> Iterator[Placed]:
    """Each person counted on ``on``, placed; only those in ``communities`` that day if given."""
    statuses, moves, grades = population.statuses, population.moves, population.grades
    for person in population.people:
        worker = person.worker_id
        if not is_counted(person, on, statuses.get(worker, ())):
            continue
        community = person.community_id
        if worker in moves:
            community = community_on(moves[worker], on, community)
        if communities is not None and community not in communities:
            continue
        post, level = person.post, person.level
        if worker in grades:
            post, level = grade_on(grades[worker], on, (post, level))
        yield Placed(person, community, post, level, age_on(person.birth_date, on))
