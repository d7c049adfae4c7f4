"""A spreadsheet as plain values, so the core reads sheets without knowing any file format.

Readers in ``reports/`` turn .xlsx/.csv files into ``SheetGrid``; services only see this.
Cell values are what the file holds: ``str``, ``int``, ``float``, ``bool``, ``datetime``/``date``
or ``None`` (a float ID number is how Excel stores a number-typed cell).
"""

from __future__ import annotations

from dataclasses import dataclass

Cell = object


@dataclass(frozen=True, slots=True)
class SheetGrid:
    name: str
    rows: tuple[tuple[Cell, ...], ...]
    file_name: str = ""

    def cell(self, row: int, column: int) -> Cell:
        """0-based access that tolerates ragged rows."""
        if row >= len(self.rows):
            return None
        values = self.rows[row]
        return values[column] if column < len(values) else None
