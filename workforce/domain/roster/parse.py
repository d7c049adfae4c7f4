"""Reading a roster sheet (一人一档 花名册, §11) into records, with every problem as data.

Pure: the posts of the scale in force come in as data. A record holds the worker's fields that the
row fills (an empty cell gives nothing, so an update leaves that field as it is and a new worker
gets the defaults of ``WorkerInput``), the 社工证, and the 区/街道/社区/网格 names. Sex and birth
date come from the ID number when their cells are empty and must agree with it when filled (a
month-only 出生年月 such as "1988.03" agrees with an ID born in that month). Every problem names
the sheet, the row as Excel numbers it, the column as the sheet heads it, and the value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workforce.domain.problems import Problem, Where, error
from workforce.domain.roster.columns import HeaderMap, detect_header
from workforce.domain.roster.reader import RowReader
from workforce.domain.roster.records import RosterRecord, UnitNames, shown
from workforce.domain.scale import PostRange
from workforce.domain.sheet import SheetGrid

__all__ = [
    "ParsedRoster",
    "RosterRecord",
    "RowReader",
    "UnitNames",
    "duplicate_ids",
    "parse_roster",
    "sheet_problems",
    "shown",
]


def duplicate_ids(records: Iterable[RosterRecord], sheet: str, label: str) -> list[Problem]:
    """An error on every row whose ID number another row of the sheet also has, naming them all."""
    rows: dict[str, list[int]] = {}
    for record in records:
        if record.id_number:
            rows.setdefault(record.id_number, []).append(record.row)
    problems: list[Problem] = []
    for number, found in rows.items():
        if len(found) > 1:
            listed = "、".join(f"第{r}行" for r in found)
            problems.extend(
                error(
                    "duplicate_id_number",
                    f"身份证号在本表中重复出现（{listed}）",
                    Where(sheet, r, label, number),
                )
                for r in found
            )
    return problems


@dataclass(frozen=True, slots=True)
class ParsedRoster:
    """A whole sheet read: the header found, the records and the sheet-level problems."""

    header: HeaderMap | None
    records: tuple[RosterRecord, ...]
    problems: tuple[Problem, ...]


def sheet_problems(sheet: str, header: HeaderMap | None) -> list[Problem]:
    """Problems of the sheet as a whole: no header, or no 身份证号 column to match people by."""
    if header is None:
        return [
            error(
                "no_header",
                "前10行中没有找到表头：表头应包含“姓名”或“身份证号”以及至少一个其他可识别的列名",
                Where(sheet),
            )
        ]
    if "id_number" not in header.columns:
        return [
            error(
                "missing_id_column",
                "表中没有“身份证号”列：导入按身份证号识别人员，请添加该列或在列对应中指定",
                Where(sheet, header.excel_row),
            )
        ]
    return []


def parse_roster(
    grid: SheetGrid, posts: tuple[PostRange, ...], column_map: Mapping[str, str] | None = None
) -> ParsedRoster:
    """Read every data row of a sheet (the services read row by row to report progress)."""
    header = detect_header(grid, column_map)
    problems: list[Problem] = sheet_problems(grid.name, header)
    if header is None:
        return ParsedRoster(None, (), tuple(problems))
    reader = RowReader(grid, header, posts)
    records = tuple(reader.read_rows(reader.data_rows.start, reader.data_rows.stop))
    problems += duplicate_ids(records, grid.name, header.label("id_number"))
    return ParsedRoster(header, records, tuple(problems))
