"""The merged cells of an OpenDocument spreadsheet (.ods), which python-calamine does not report:
read from the workbook's ``content.xml``, so a title merged over a row or a 街道 merged down its
people reads as it does from an .xlsx.

A merged range is a ``table:table-cell`` with ``table:number-columns-spanned`` and/or
``table:number-rows-spanned`` above 1 (the cells it covers are ``table:covered-table-cell``).
Positions count ``table:number-columns-repeated`` and ``table:number-rows-repeated``, as
LibreOffice writes runs of equal cells and rows once. The XML is streamed (``iterparse``), each
row dropped once read; the caller has already refused a zip bomb, and the expat bundled with
Python refuses entity expansion attacks.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE, _ROW = f"{{{TABLE}}}table", f"{{{TABLE}}}table-row"
_CELL, _COVERED = f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"
_NAME = f"{{{TABLE}}}name"
_COLUMNS_REPEATED = f"{{{TABLE}}}number-columns-repeated"
_ROWS_REPEATED = f"{{{TABLE}}}number-rows-repeated"
_COLUMNS_SPANNED = f"{{{TABLE}}}number-columns-spanned"
_ROWS_SPANNED = f"{{{TABLE}}}number-rows-spanned"

Range = tuple[tuple[int, int], tuple[int, int]]
"""((top, left), (bottom, right)), 0-based and inclusive, as calamine's ``merged_cell_ranges``."""


def _count(element: ElementTree.Element, attribute: str) -> int:
    try:
        return max(int(element.get(attribute, "1")), 1)
    except ValueError:
        return 1


def _row_merges(row: ElementTree.Element, top: int) -> list[Range]:
    found: list[Range] = []
    column = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        if cell.tag == _CELL:
            across, down = _count(cell, _COLUMNS_SPANNED), _count(cell, _ROWS_SPANNED)
            if across > 1 or down > 1:
                found.append(((top, column), (top + down - 1, column + across - 1)))
        column += _count(cell, _COLUMNS_REPEATED)
    return found


def ods_merges(path: str | Path) -> dict[str, list[Range]]:
    """Sheet name → its merged ranges; an unreadable content.xml gives none (the cells are still
    read, as before, only without their merges)."""
    merges: dict[str, list[Range]] = {}
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            sheet: list[Range] | None = None
            top = 0
            for event, element in ElementTree.iterparse(content, events=("start", "end")):
                if element.tag == _TABLE:
                    if event == "start":
                        sheet = merges.setdefault(element.get(_NAME, ""), [])
                        top = 0
                    else:
                        sheet = None
                        element.clear()
                elif element.tag == _ROW and event == "end" and sheet is not None:
                    sheet.extend(_row_merges(element, top))
                    top += _count(element, _ROWS_REPEATED)
                    element.clear()
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    return merges
