"""Roster export and template (§11): rows to write, posts for the drop-down, units by name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from workforce.domain.accounts.permissions import Action
from workforce.domain.problems import ActionRefused
from workforce.domain.scale import PostRange
from workforce.services.accounts.export_audit import mask_account, masked_id, record_full_numbers
from workforce.services.context import Actor, Database, require
from workforce.services.roster.org import KIND_NAMES, OrgNode, org_nodes
from workforce.services.roster.query import RosterRow, roster_rows
from workforce.services.scale import posts_in_force


def roster_for_export(
    db: Database,
    actor: Actor,
    unit_id: int | None = None,
    *,
    on: dt.date | None = None,
    full_numbers: bool = False,
) -> list[RosterRow]:
    """Every worker (any status), or those under one unit, in roster order. ID numbers and bank
    accounts are masked unless ``full_numbers`` (needed to import the export back), which is
    recorded in the audit."""
    require(actor, Action.EXPORT_ROSTER)
    with db.reading() as session:
        rows = roster_rows(session, unit_id, on=on, actor=actor)
    if full_numbers:
        record_full_numbers(db, actor, "花名册", len(rows))
        return rows
    return masked_rows(rows)


def masked_rows(rows: Sequence[RosterRow]) -> list[RosterRow]:
    """The rows with ID numbers and bank accounts masked (an export nobody asked to show)."""
    return [
        replace(r, id_number=masked_id(r.id_number), bank_account=mask_account(r.bank_account))
        for r in rows
    ]


def template_posts(db: Database, on: dt.date | None = None) -> tuple[PostRange, ...]:
    """The posts of the scale in force, for the template's 岗位 drop-down."""
    with db.reading() as session:
        return posts_in_force(session, on or dt.date.today())


def _path(node: OrgNode, nodes: dict[int, OrgNode]) -> str:
    names = [node.name]
    current = node
    while current.parent_id is not None and current.parent_id in nodes:
        current = nodes[current.parent_id]
        names.append(current.name)
    return "/".join(reversed(names))


def find_unit(db: Database, name: str, kind: str | None = None) -> int:
    """A unit by its name or by the end of its path ("新华街道/光明社区"); refuses when none or
    several match."""
    wanted = name.strip().strip("/")
    with db.reading() as session:
        nodes = {n.id: n for n in org_nodes(session)}
    matches = [
        n
        for n in nodes.values()
        if (kind is None or n.kind == kind)
        and (n.name == wanted or f"/{_path(n, nodes)}".endswith(f"/{wanted}"))
    ]
    what = KIND_NAMES.get(kind or "", "单位")
    if not matches:
        raise ActionRefused(f"没有名为「{wanted}」的{what}")
    if len(matches) > 1:
        listed = "、".join(_path(n, nodes) for n in matches)
        raise ActionRefused(
            f"「{wanted}」对应多个{what}（{listed}），请写出上级名称，如“街道/社区”"
        )
    return matches[0].id
