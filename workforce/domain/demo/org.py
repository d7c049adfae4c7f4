"""The organisation tree of the demo population (§1): districts, streets, communities, grids.

A district holds about 2,000 workers in 8–12 streets of about 12 communities each; a community
holds about 17 workers. Smaller populations get one district and proportionally fewer units.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from workforce.domain.demo import names

WORKERS_PER_DISTRICT = 2000
WORKERS_PER_COMMUNITY = 17
COMMUNITIES_PER_STREET = 12
MIN_COMMUNITY = 8


@dataclass(frozen=True, slots=True)
class DemoUnit:
    """An organisation unit; ``key`` is its position in the population's unit list."""

    key: int
    parent: int | None
    kind: str  # district, street, community, grid
    name: str
    sort_order: int


@dataclass(frozen=True, slots=True)
class CommunityPlan:
    """A community to staff: its unit key, its street's and district's, and its size."""

    key: int
    street: int
    district: int
    district_name: str
    size: int


def _district_names(first: str, count: int) -> list[str]:
    pool = list(names.DISTRICT_NAMES)
    pool += [f"{root}区" for root in names.DISTRICT_ROOTS]
    pool += [f"{root}新区" for root in names.DISTRICT_ROOTS]
    chosen = list(dict.fromkeys([first, *pool]))[:count]
    chosen += [f"示范第{i}区" for i in range(len(chosen) + 1, count + 1)]
    return chosen


def _distinct(rng: Random, roots: tuple[str, ...], count: int, suffix: str) -> list[str]:
    picked = rng.sample(roots, min(count, len(roots)))
    picked += [f"第{i}" for i in range(len(picked) + 1, count + 1)]
    return [name + suffix for name in picked]


def _split(rng: Random, total: int, parts: int, minimum: int) -> list[int]:
    """``total`` split into ``parts`` uneven sizes of at least ``minimum`` (when it allows)."""
    sizes = [total // parts + (1 if i < total % parts else 0) for i in range(parts)]
    floor = min(minimum, *sizes)
    for _ in range(parts * 2):
        i, j = rng.randrange(parts), rng.randrange(parts)
        step = rng.randint(0, 4)
        if i != j and sizes[i] - step >= floor:
            sizes[i] -= step
            sizes[j] += step
    return sizes


def grid_name(number: int) -> str:
    """第一网格, 第二网格 … (arabic numerals past the table)."""
    numerals = names.GRID_NUMERALS
    return f"第{numerals[number - 1] if number <= len(numerals) else number}网格"


class OrgPlan:
    """Builds the unit list; grids are added as communities are staffed."""

    def __init__(self, rng: Random, workers: int, first_district: str) -> None:
        self.rng = rng
        self.units: list[DemoUnit] = []
        self.communities: list[CommunityPlan] = []
        district_count = max(1, round(workers / WORKERS_PER_DISTRICT))
        district_sizes = _split(rng, workers, district_count, 1)
        for order, (name, size) in enumerate(
            zip(_district_names(first_district, district_count), district_sizes, strict=True)
        ):
            self._district(self._add(None, "district", name, order), name, size)

    def _add(self, parent: int | None, kind: str, name: str, order: int) -> int:
        key = len(self.units)
        self.units.append(DemoUnit(key, parent, kind, name, order))
        return key

    def _district(self, key: int, name: str, workers: int) -> None:
        rng = self.rng
        community_count = max(1, round(workers / WORKERS_PER_COMMUNITY))
        street_count = max(1, min(community_count, round(community_count / COMMUNITIES_PER_STREET)))
        per_street = _split(rng, community_count, street_count, 1)
        sizes = iter(_split(rng, workers, community_count, MIN_COMMUNITY))
        street_names = _distinct(rng, names.STREET_ROOTS, street_count, "街道")
        for order, (street_name, count) in enumerate(zip(street_names, per_street, strict=True)):
            street = self._add(key, "street", street_name, order)
            community_names = _distinct(rng, names.COMMUNITY_ROOTS, count, "社区")
            for position, community_name in enumerate(community_names):
                community = self._add(street, "community", community_name, position)
                self.communities.append(CommunityPlan(community, street, key, name, next(sizes)))

    def add_grids(self, community: int, count: int) -> list[int]:
        """``count`` grids under a community, named 第一网格 …; returns their keys."""
        return [self._add(community, "grid", grid_name(i + 1), i) for i in range(count)]
