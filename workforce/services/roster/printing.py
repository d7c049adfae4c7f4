"""What the printed roster (花名册) lists: the active workers of a unit on a date, in the order
clerks use (by organisation, then 正职, 副职, the other posts, then level), with its summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workforce.domain.accounts.permissions import Action
from workforce.domain.roster.summary import RosterSummary, summarise_roster
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.persistence.accounts import Setting
from workforce.services.context import Actor, Database, require
from workforce.services.roster.org import org_nodes
from workforce.services.roster.query import RosterRow, roster_rows
from workforce.services.scale import posts_in_force


@dataclass(frozen=True, slots=True)
class PrintedRoster:
    title: str
    unit: str
    as_of: dt.date
    rows: list[RosterRow]
    summary: RosterSummary


def _unit_path(session_nodes: dict[int, tuple[int | None, str]], unit_id: int) -> str:
    names: list[str] = []
    current: int | None = unit_id
    while current is not None and current in session_nodes:
        parent, name = session_nodes[current]
        names.append(name)
        current = parent
    return "".join(reversed(names))


def roster_for_print(
    db: Database, actor: Actor, unit_id: int | None = None, *, as_of: dt.date | None = None
) -> PrintedRoster:
    """The active workers (在职, 试用) under ``unit_id`` who had started by ``as_of``."""
    require(actor, Action.EXPORT_ROSTER)
    day = as_of or dt.date.today()
    active = {s.value for s in ACTIVE_STATUSES}
    nodes: dict[int, tuple[int | None, str]] = {}
    with db.reading() as session:
        rows = [
            row
            for row in roster_rows(session, unit_id, on=day, actor=actor)
            if row.status in active
            and (row.community_start_date is None or row.community_start_date <= day)
        ]
        rank = {post.code: order for order, post in enumerate(posts_in_force(session, day))}
        if unit_id is not None:  # the whole region's roster needs no unit path
            nodes = {n.id: (n.parent_id, n.name) for n in org_nodes(session)}
        region = session.get(Setting, "region_name")
    community_order: dict[int, int] = {}
    for row in rows:
        community_order.setdefault(row.community_id, len(community_order))
    rows.sort(
        key=lambda r: (community_order[r.community_id], rank.get(r.post, 99), -r.level, r.worker_id)
    )
    unit = (
        _unit_path(nodes, unit_id) if unit_id is not None else str(region.value if region else "")
    )
    summary = summarise_roster(
        ((r.birth_date, r.highest_education, r.certificate_level is not None) for r in rows), day
    )
    return PrintedRoster(f"{unit}社区工作者花名册", unit, day, rows, summary)
