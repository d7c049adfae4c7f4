"""Everything the main window shows, read in one go off the GUI thread (no Qt here)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ui.desktop.roster_filter import RosterFilter
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.scale import PostRange
from workforce.domain.vocab import ACTIVE_STATUSES
from workforce.services.context import Actor, Database
from workforce.services.roster.org import OrgNode, descendants, org_nodes
from workforce.services.roster.query import RosterRow, first_communities, roster_rows, worker_count
from workforce.services.scale import posts_in_force


@dataclass(frozen=True, slots=True)
class RosterSnapshot:
    roster: RosterFilter
    nodes: list[OrgNode]
    posts: tuple[PostRange, ...]
    in_post: dict[int, int]
    """Workers in post (在职, 试用) under each organisation unit, the unit's whole subtree."""
    partial: bool = False
    """Only the first page: the rest is still loading."""

    @property
    def rows(self) -> list[RosterRow]:
        return self.roster.rows

    def unit_filter(self, unit_id: int) -> tuple[frozenset[int], str | None]:
        """Communities under a unit, and the grid's name when the unit is a grid.

        Rows carry their community's id and their grid's name: a grid matches the rows of its
        community that name it.
        """
        node = next((n for n in self.nodes if n.id == unit_id), None)
        if node is not None and node.kind == "grid" and node.parent_id is not None:
            return frozenset({node.parent_id}), node.name
        return frozenset(descendants(self.nodes, unit_id)), None


def subtree_counts(nodes: list[OrgNode], per_community: Counter[int]) -> dict[int, int]:
    """Each unit's count is its own plus all of its descendants'."""
    counts = {node.id: per_community.get(node.id, 0) for node in nodes}
    parents = {node.id: node.parent_id for node in nodes}
    for node in nodes:
        own = per_community.get(node.id, 0)
        parent = parents.get(node.id)
        while own and parent is not None and parent in counts:
            counts[parent] += own
            parent = parents.get(parent)
    return counts


FIRST_PAGE = 300  # rows shown at once while the whole roster loads
BIG_ROSTER = 5_000  # a smaller one loads whole in well under a second: no first page


def load_first_page(
    db: Database, today: dt.date | None = None, actor: Actor | None = None
) -> Callable[[ProgressFn, CancelToken], RosterSnapshot | None]:
    """The operation that reads only the first page of a big roster (the first communities'
    workers, about ``FIRST_PAGE``), a partial snapshot; None for a roster of at most
    ``BIG_ROSTER`` workers (it loads whole in well under a second). It only reads: the window
    reads it at the sign-in, while the file is being checked (``MainWindow.prefetch``)."""

    def operation(_progress: ProgressFn, cancel: CancelToken) -> RosterSnapshot | None:
        with db.reading_alone() as session:  # no connection left open for a restore to meet
            if worker_count(session) <= BIG_ROSTER:
                return None
            posts = posts_in_force(session, today or dt.date.today())
            cancel.check()
            communities = first_communities(session, FIRST_PAGE)
            page = roster_rows(session, on=today, actor=actor, communities=communities)
        return RosterSnapshot(RosterFilter(page), [], posts, {}, partial=True)

    return operation


def load_roster(
    db: Database,
    today: dt.date | None = None,
    actor: Actor | None = None,
    first_page: Callable[[RosterSnapshot], None] | None = None,
) -> Callable[[ProgressFn, CancelToken], RosterSnapshot]:
    """The operation that reads the roster (only ``actor``'s scope when given), the organisation
    tree and the posts in force. With ``first_page`` and more than ``BIG_ROSTER`` workers, it is
    first handed a partial snapshot: the first communities' workers (about ``FIRST_PAGE``), read in
    a few milliseconds, so that a 100,000-worker window shows rows and filters them while the rest
    loads."""

    def operation(progress: ProgressFn, cancel: CancelToken) -> RosterSnapshot:
        progress(0, 3)
        with db.reading() as session:
            posts = posts_in_force(session, today or dt.date.today())
            big = first_page is not None and worker_count(session) > BIG_ROSTER
            if (
                first_page is not None and big
            ):  # the tree (34,000 units at 100k workers) waits for it
                communities = first_communities(session, FIRST_PAGE)
                page = roster_rows(session, on=today, actor=actor, communities=communities)
                first_page(RosterSnapshot(RosterFilter(page), [], posts, {}, partial=True))
            nodes = org_nodes(session)
            cancel.check()
            rows = roster_rows(session, on=today, actor=actor)
        progress(1, 3)
        cancel.check()
        roster = RosterFilter(rows)
        progress(2, 3)
        active = {status.value for status in ACTIVE_STATUSES}
        in_post = [row for row in rows if row.status in active]
        counts = subtree_counts(nodes, Counter(row.community_id for row in in_post))
        grids = {(n.parent_id, n.name): n.id for n in nodes if n.kind == "grid"}
        per_grid = Counter(grids.get((row.community_id, row.grid)) for row in in_post if row.grid)
        counts.update((grid, count) for grid, count in per_grid.items() if grid is not None)
        progress(3, 3)
        return RosterSnapshot(roster, nodes, posts, counts)

    return operation
