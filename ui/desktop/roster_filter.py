"""Filtering and sorting the roster in Python (PERF-NOTES: no QSortFilterProxyModel on 100k rows).

Each row gets one lowercase search key (name, ID number, community, post, phone) computed once when
the rows are loaded; a keystroke is then one substring test per row. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workforce.services.roster.query import RosterRow

SEPARATOR = "\x1f"  # never typed, so a search cannot match across two fields


def search_key(row: RosterRow) -> str:
    parts = (row.name, row.id_number, row.community, row.post_name, row.phone or "")
    return SEPARATOR.join(parts).lower()


@dataclass(frozen=True, slots=True)
class RosterCriteria:
    """What the clerk asked for: search text, statuses, post, units (community ids)."""

    text: str = ""
    statuses: frozenset[str] | None = None
    post: str | None = None
    community_ids: frozenset[int] | None = None
    grid: str | None = None

    def narrows(self, other: RosterCriteria) -> bool:
        """True when ``self`` can only match rows that ``other`` matched (more text, same rest)."""
        return (
            self.statuses == other.statuses
            and self.post == other.post
            and self.community_ids == other.community_ids
            and self.grid == other.grid
            and other.text.strip().lower() in self.text.strip().lower()
        )


class RosterFilter:
    """The loaded rows in display order with their search keys; answers criteria quickly."""

    def __init__(self, rows: list[RosterRow]) -> None:
        self._rows = rows
        self._keys = [search_key(row) for row in rows]
        self._last: tuple[RosterCriteria, list[int]] | None = None

    @property
    def rows(self) -> list[RosterRow]:
        return self._rows

    def sort(self, key: Callable[[RosterRow], object], *, descending: bool = False) -> None:
        """Reorder the base rows (stable); later results keep this order."""
        order = sorted(range(len(self._rows)), key=lambda i: key(self._rows[i]), reverse=descending)
        self._rows = [self._rows[i] for i in order]
        self._keys = [self._keys[i] for i in order]
        self._last = None

    def apply(self, criteria: RosterCriteria) -> list[RosterRow]:
        """The rows matching ``criteria``, in the current order."""
        candidates: Collection[int]
        if self._last is not None and criteria.narrows(self._last[0]):
            candidates = self._last[1]  # typing one more letter only narrows the last result
        else:
            candidates = range(len(self._rows))
        rows, keys = self._rows, self._keys
        needle = criteria.text.strip().lower()
        if needle:
            candidates = [i for i in candidates if needle in keys[i]]
        if criteria.statuses is not None:
            statuses = criteria.statuses
            candidates = [i for i in candidates if rows[i].status in statuses]
        if criteria.post is not None:
            post = criteria.post
            candidates = [i for i in candidates if rows[i].post == post]
        if criteria.community_ids is not None:
            units = criteria.community_ids
            candidates = [i for i in candidates if rows[i].community_id in units]
        if criteria.grid is not None:
            grid = criteria.grid
            candidates = [i for i in candidates if rows[i].grid == grid]
        indexes = candidates if isinstance(candidates, list) else list(candidates)
        self._last = (criteria, indexes)
        return [rows[i] for i in indexes]
