"""Reading spreadsheets into ``SheetGrid`` values: .xlsx (and the other formats calamine reads)
and .csv.

python-calamine reads about five times faster than openpyxl (PERF-NOTES). Rows keep their Excel
positions (row 1 is index 0, leading empty rows included) so problems name the rows a clerk sees.
Empty cells become None. A merged cell's value is copied over its whole range, as a person
reading the sheet sees it: a 街道 merged down many rows names each of them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import python_calamine as calamine

from workforce.domain.problems import ActionRefused
from workforce.domain.roster_columns import detect_header
from workforce.domain.sheet import Cell, SheetGrid

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


Merged = Sequence[tuple[tuple[int, int], tuple[int, int]]]


def _grid(name: str, data: list[list[Cell]], merged: Merged | None, file_name: str) -> SheetGrid:
    for (top, left), (bottom, right) in merged or ():
        if top >= len(data) or left >= len(data[top]):
            continue
        value = data[top][left]
        for r in range(top, min(bottom, len(data) - 1) + 1):
            row = data[r]
            for c in range(left, min(right, len(row) - 1) + 1):
                row[c] = value
    rows = tuple(tuple(None if v == "" else v for v in row) for row in data)
    return SheetGrid(name, rows, file_name)


def _read_excel(path: Path) -> list[SheetGrid]:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise ActionRefused(
            f"「{path.name}」设有打开密码，请先在 Excel 中取消密码后再导入"
        ) from None
    except Exception as exc:
        raise ActionRefused(
            f"无法读取「{path.name}」：文件已损坏，或不是有效的 Excel 工作簿（{exc}）"
        ) from None
    visible: list[SheetGrid] = []
    hidden: list[SheetGrid] = []
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                data = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
                merged = sheet.merged_cell_ranges
            except Exception as exc:
                raise ActionRefused(
                    f"无法读取「{path.name}」的工作表「{meta.name}」：文件已损坏（{exc}）"
                ) from None
            grid = _grid(meta.name, data, merged, path.name)
            is_visible = meta.visible == calamine.SheetVisibleEnum.Visible
            (visible if is_visible else hidden).append(grid)
    return visible + hidden


def _read_csv(path: Path) -> list[SheetGrid]:
    raw = path.read_bytes()
    for encoding in CSV_ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ActionRefused(f"无法读取「{path.name}」：文件编码既不是 UTF-8 也不是 GBK")
    data: list[list[Cell]] = [list(row) for row in csv.reader(io.StringIO(text))]
    return [_grid(path.stem, data, None, path.name)]


def read_workbook(path: str | Path) -> list[SheetGrid]:
    """Every worksheet of a workbook (visible ones first), or the one sheet of a .csv file.

    Raises ``ActionRefused`` for a missing, unsupported, encrypted or damaged file.
    """
    path = Path(path)
    if not path.is_file():
        raise ActionRefused(f"文件「{path}」不存在")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix not in EXCEL_SUFFIXES:
        raise ActionRefused(
            f"「{path.name}」不是 Excel 工作簿或 CSV 文件（支持 .xlsx、.xls、.csv 等）"
        )
    return _read_excel(path)


def _is_empty(grid: SheetGrid) -> bool:
    return all(v is None for row in grid.rows for v in row)


def pick_roster_sheet(sheets: Sequence[SheetGrid], name: str | None = None) -> SheetGrid:
    """The sheet to import: the one named, else the first with a recognisable roster header,
    else the first that is not empty."""
    if name is not None:
        for sheet in sheets:
            if sheet.name == name:
                return sheet
        names = "、".join(f"「{s.name}」" for s in sheets)
        raise ActionRefused(f"工作簿中没有名为「{name}」的工作表（现有：{names}）")
    filled = [s for s in sheets if not _is_empty(s)]
    if not filled:
        raise ActionRefused("工作簿中没有任何数据")
    return next((s for s in filled if detect_header(s) is not None), filled[0])
