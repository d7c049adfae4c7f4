"""A spreadsheet as plain values, so the core reads sheets without knowing any file format.

Readers in ``reports/`` turn .xlsx/.csv files into ``SheetGrid``; services only see this.
Cell values are what the file holds: ``str``, ``int``, ``float``, ``bool``, ``datetime``/``date``
or ``None`` (a float ID number is how Excel stores a number-typed cell).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

Cell = object
Span = tuple[int, int, int, int]
"""A merged range: top, left, bottom, right (0-based, inclusive)."""


@dataclass(frozen=True, slots=True)
class SheetGrid:
    name: str
    rows: tuple[tuple[Cell, ...], ...]
    file_name: str = ""
    merged: tuple[Span, ...] = ()
    """The file's merged ranges; readers copy a merged value over its range in ``rows``, so a
    sheet written back shows it once (``covered``)."""

    def covered(self) -> frozenset[tuple[int, int]]:
        """The cells a merged range covers other than its top-left one: (row, column), 0-based."""
        return frozenset(
            (r, c)
            for top, left, bottom, right in self.merged
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
            if (r, c) != (top, left)
        )

    def without_rows(self, excel_rows: Collection[int]) -> SheetGrid:
        """The sheet with the rows (as Excel numbers them, from 1) emptied; every other row keeps
        its number, so problems still name the rows the clerk sees."""
        drop = {r - 1 for r in excel_rows}
        rows = tuple(
            (None,) * len(values) if index in drop else values
            for index, values in enumerate(self.rows)
        )
        return replace(self, rows=rows)

    def cell(self, row: int, column: int) -> Cell:
        """0-based access that tolerates ragged rows."""
        if row >= len(self.rows):
            return None
        values = self.rows[row]
        return values[column] if column < len(values) else None
