"""Placing roster rows in the organisation tree: the units a sheet names, existing or to be made.

A dry run must not write, so units that do not exist yet get negative placeholder ids here;
``create`` makes them inside the import's transaction and maps the placeholders to real ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workforce.persistence.org import OrgUnit
from workforce.services.accounts import audit
from workforce.services.context import Actor
from workforce.services.roster.org import OrgNode, UnitResolver


@dataclass(frozen=True, slots=True)
class PlannedUnit:
    ref: int
    parent_ref: int | None
    kind: str
    name: str
    path: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a worker sits: community and grid ids (negative for units still to be made)."""

    district: int
    street: str
    community: str
    grid: str | None


class UnitPlan:
    """The tree by name, plus the units an import would add, in the order it meets them."""

    def __init__(self, nodes: list[OrgNode], *, show_district: bool) -> None:
        self.show_district = show_district
        self._ids: dict[tuple[int | None, str, str], int] = {
            (n.parent_id, n.kind, n.name): n.id for n in nodes
        }
        self._nodes: dict[int, OrgNode] = {n.id: n for n in nodes}
        self.new: list[PlannedUnit] = []
        self._names: dict[int, str] = {}
        self._pending: dict[Place, tuple[int, int | None]] = {}

    def _ensure(self, parent: int | None, kind: str, name: str, path: str) -> int:
        key = (parent, kind, name)
        found = self._ids.get(key)
        if found is None:
            found = -len(self.new) - 1
            self._ids[key] = found
            self.new.append(PlannedUnit(found, parent, kind, name, path))
            self._names[found] = path
        return found

    def district(self, name: str) -> int:
        return self._ensure(None, "district", name, name)

    def district_name(self, ref: int) -> str:
        node = self._nodes.get(ref)
        return node.name if node else self._names.get(ref, "")

    def unit_name(self, ref: int) -> str:
        """The name of one unit, existing or planned."""
        node = self._nodes.get(ref)
        planned = self.new[-ref - 1] if ref < 0 else None
        return node.name if node else planned.name if planned else ""

    def _prefix(self, place: Place) -> str:
        return f"{self.district_name(place.district)}/" if self.show_district else ""

    def locate(self, place: Place) -> tuple[int, int | None]:
        """(community ref, grid ref) of a place, planning whatever is missing."""
        prefix = self._prefix(place)
        street = self._ensure(place.district, "street", place.street, prefix + place.street)
        community_path = f"{prefix}{place.street}/{place.community}"
        community = self._ensure(street, "community", place.community, community_path)
        grid = (
            self._ensure(community, "grid", place.grid, f"{community_path}/{place.grid}")
            if place.grid
            else None
        )
        if community < 0 or (grid is not None and grid < 0):
            self._pending[place] = (community, grid)
        return community, grid

    def place_of(self, community_id: int, grid_id: int | None) -> Place | None:
        """The names of an existing worker's community (and grid)."""
        community = self._nodes.get(community_id)
        street = self._nodes.get(community.parent_id) if community and community.parent_id else None
        if community is None or street is None or street.parent_id is None:
            return None
        grid = self._nodes.get(grid_id) if grid_id else None
        return Place(street.parent_id, street.name, community.name, grid.name if grid else None)

    def describe(self, community_ref: int, grid_ref: int | None) -> str:
        """A unit path as the plan shows it: "街道/社区/网格"."""
        if community_ref < 0 or (grid_ref is not None and grid_ref < 0):
            return self._names.get(grid_ref if grid_ref is not None else community_ref, "")
        place = self.place_of(community_ref, grid_ref)
        if place is None:
            return str(community_ref)
        parts = (place.street, place.community, *((place.grid,) if place.grid else ()))
        return self._prefix(place) + "/".join(parts)

    @property
    def new_paths(self) -> tuple[str, ...]:
        return tuple(unit.path for unit in self.new)

    def create(self, session: Session, actor: Actor) -> dict[int, int]:
        """Make the planned units (``UnitResolver`` below the district); placeholder → real id."""
        real: dict[int, int] = {}
        for unit in self.new:
            if unit.kind == "district":
                row = OrgUnit(parent_id=None, kind="district", name=unit.name)
                session.add(row)
                session.flush()
                changes = {"name": (None, unit.name), "kind": (None, "district")}
                audit.record(session, actor, "create", "org_unit", row.id, changes)
                real[unit.ref] = row.id
        resolvers: dict[int, UnitResolver] = {}
        for place, (community_ref, grid_ref) in self._pending.items():
            district = real.get(place.district, place.district)
            if district not in resolvers:
                resolvers[district] = UnitResolver(session, actor, district)
            community, grid = resolvers[district].resolve(place.street, place.community, place.grid)
            real[community_ref] = community
            if grid_ref is not None and grid is not None:
                real[grid_ref] = grid
        return real
