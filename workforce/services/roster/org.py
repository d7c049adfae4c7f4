"""The organisation tree: read it, add and rename units, resolve names from a sheet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.persistence.accounts import Setting
from workforce.persistence.org import OrgUnit
from workforce.services.accounts import audit
from workforce.services.context import Actor, Database, require

KINDS = ("district", "street", "community", "grid")
KIND_NAMES = {"district": "区/旗县", "street": "街道/乡镇", "community": "社区/村", "grid": "网格"}


@dataclass(frozen=True, slots=True)
class OrgNode:
    id: int
    parent_id: int | None
    kind: str
    name: str


def org_nodes(session: Session) -> list[OrgNode]:
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.kind, OrgUnit.name).order_by(
            OrgUnit.sort_order, OrgUnit.id
        )
    )
    return [OrgNode(*row) for row in rows]


def org_tree(db: Database) -> list[OrgNode]:
    with db.reading() as session:
        return org_nodes(session)


def default_district_id(session: Session) -> int:
    setting = session.get(Setting, "default_district_id")
    if setting is None:
        raise ActionRefused("数据库尚未初始化，请先运行 workforce init")
    return int(setting.value)


def descendants(nodes: list[OrgNode], root_id: int) -> set[int]:
    """The ids of a unit and every unit below it."""
    children: dict[int | None, list[int]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node.id)
    found, stack = set(), [root_id]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(children.get(current, []))
    return found


class UnitResolver:
    """Finds or creates street → community → grid by name inside one transaction.

    Units it creates are listed in ``created`` as "街道/社区/网格" paths (§11).
    """

    def __init__(self, session: Session, actor: Actor, district_id: int) -> None:
        self.session = session
        self.actor = actor
        self.district_id = district_id
        self.created: list[str] = []
        self._known: dict[tuple[int, str, str], int] = {
            (n.parent_id, n.kind, n.name): n.id for n in org_nodes(session) if n.parent_id
        }

    def _ensure(self, parent_id: int, kind: str, name: str, path: str) -> int:
        key = (parent_id, kind, name)
        if key not in self._known:
            unit = OrgUnit(parent_id=parent_id, kind=kind, name=name)
            self.session.add(unit)
            self.session.flush()
            audit.record(
                self.session,
                self.actor,
                "create",
                "org_unit",
                unit.id,
                {"name": (None, name), "kind": (None, kind)},
            )
            self._known[key] = unit.id
            self.created.append(path)
        return self._known[key]

    def resolve(self, street: str, community: str, grid: str | None) -> tuple[int, int | None]:
        """(community id, grid id) for names from a sheet, creating what is missing."""
        street_id = self._ensure(self.district_id, "street", street, street)
        community_id = self._ensure(street_id, "community", community, f"{street}/{community}")
        grid_id = (
            self._ensure(community_id, "grid", grid, f"{street}/{community}/{grid}")
            if grid
            else None
        )
        return community_id, grid_id

    def exists(self, street: str, community: str, grid: str | None) -> bool:
        street_id = self._known.get((self.district_id, "street", street))
        community_id = street_id and self._known.get((street_id, "community", community))
        if not community_id:
            return False
        return grid is None or (community_id, "grid", grid) in self._known


def create_unit(db: Database, actor: Actor, parent_id: int | None, kind: str, name: str) -> int:
    require(actor, Action.EDIT_ORGANISATION)
    name = name.strip()
    if kind not in KINDS or not name:
        raise ActionRefused(f"无效的单位：{kind} {name!r}")
    with db.transaction() as session:
        clash = session.scalar(
            select(OrgUnit.id).where(
                OrgUnit.parent_id == parent_id, OrgUnit.kind == kind, OrgUnit.name == name
            )
        )
        if clash:
            raise ActionRefused(f"同级已有名为「{name}」的{KIND_NAMES[kind]}")
        unit = OrgUnit(parent_id=parent_id, kind=kind, name=name)
        session.add(unit)
        session.flush()
        audit.record(session, actor, "create", "org_unit", unit.id, {"name": (None, name)})
        return unit.id


def rename_unit(db: Database, actor: Actor, unit_id: int, name: str) -> None:
    require(actor, Action.EDIT_ORGANISATION)
    name = name.strip()
    if not name:
        raise ActionRefused("名称不能为空")
    with db.transaction() as session:
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            raise ActionRefused(f"单位 {unit_id} 不存在")
        old = unit.name
        unit.name = name
        audit.record(session, actor, "rename", "org_unit", unit_id, {"name": (old, name)})
