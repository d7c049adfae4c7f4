"""Reading spreadsheets into ``SheetGrid`` values: .xlsx (and the other formats calamine reads)
and .csv.

python-calamine reads about five times faster than openpyxl (PERF-NOTES). Rows keep their Excel
positions (row 1 is index 0, leading empty rows included) so problems name the rows a clerk sees.
Empty cells become None. A merged cell's value is copied over its whole range, as a person
reading the sheet sees it: a 街道 merged down many rows names each of them. calamine reports no
merged cells of an .ods: ``reports.ods_merges`` reads them from its content.xml.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import python_calamine as calamine

from reports.ods_merges import ods_merges
from workforce.domain.problems import ActionRefused
from workforce.domain.roster.columns import detect_header
from workforce.domain.sheet import Cell, SheetGrid

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".ods"})
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
"""What a workbook may unpack to. A 50,000-person roster unpacks to well under 100 MB; a file
claiming more is a zip bomb (a few KB that inflate to gigabytes) or not a roster."""
MAX_RATIO = 200
"""Sheet XML compresses 5–20 times; hundreds of times means padding built to exhaust memory."""
MAX_MEMBERS = 10_000
MAX_CSV_BYTES = 200 * 1024 * 1024


Merged = Sequence[tuple[tuple[int, int], tuple[int, int]]]


def _clean_row(row: Sequence[Cell]) -> tuple[Cell, ...]:
    """Empty text is no value; NUL characters (possible in a .csv) are dropped: no database
    text column can hold them.

    One comprehension a row, not a call a cell: a city roster has 350,000 cells, and a function
    call for each of them cost as much as a third of calamine's own read (bench/profiles).
    """
    return tuple(
        [
            None
            if v == ""
            else (v.replace("\x00", "") or None)
            if isinstance(v, str) and "\x00" in v
            else v
            for v in row
        ]
    )


def _refuse_zip_bomb(path: Path) -> None:
    """Read the sizes the zip directory declares, before anything is inflated."""
    megabytes = MAX_UNPACKED_BYTES // (1024 * 1024)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ActionRefused(
            f"无法读取「{path.name}」：文件已损坏，或不是有效的 Excel 工作簿（{exc}）"
        ) from None
    if len(members) > MAX_MEMBERS:
        raise ActionRefused(f"「{path.name}」包含{len(members)}个内部文件，不是正常的 Excel 工作簿")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise ActionRefused(
            f"「{path.name}」解压后有{total // (1024 * 1024)} MB，超过上限{megabytes} MB，"
            "可能是恶意构造的文件；请拆分后再导入"
        )
    for member in members:
        if member.file_size > 10 * 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ActionRefused(
                f"「{path.name}」中的「{member.filename}」压缩比异常"
                f"（{member.compress_size} 字节解压为{member.file_size // (1024 * 1024)} MB），"
                "可能是恶意构造的文件，已拒绝读取"
            )


def _grid(
    name: str, rows: list[tuple[Cell, ...]], merged: Merged | None, file_name: str
) -> SheetGrid:
    """The sheet of cleaned rows, a merged cell's value copied over its whole range (the ranges
    kept, so a sheet written back shows the value once)."""
    spans: list[tuple[int, int, int, int]] = []
    for (top, left), (bottom, right) in merged or ():
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        spans.append((top, left, min(bottom, len(rows) - 1), right))
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = list(rows[r])
            for c in range(left, min(right, len(row) - 1) + 1):
                row[c] = value
            rows[r] = tuple(row)
    return SheetGrid(name, tuple(rows), file_name, tuple(spans))


def _sheet_rows(sheet: calamine.CalamineSheet) -> list[tuple[Cell, ...]]:
    """The cleaned rows of a worksheet from A1, as ``to_python(skip_empty_area=False)`` would
    give them, cleaned one by one as calamine hands them over.

    Streaming matters: ``to_python`` builds a list for each of a city roster's 11,500 rows, and
    keeping them all alive while they are cleaned is what set off a full garbage collection in
    the middle of the read (a third of its time, bench/profiles/roster-read-sqlite.txt).
    """
    if sheet.end is None:
        return []
    height, width = sheet.end[0] + 1, sheet.end[1] + 1
    rows: list[tuple[Cell, ...]] = []
    for values in sheet.iter_rows():
        gap = width - len(values)  # calamine's rows start at the first used column
        rows.append(_clean_row([*("",) * gap, *values] if gap else values))
    if len(rows) < height:  # … and may start at the first used row
        rows[:0] = [(None,) * width] * (height - len(rows))
    return rows


def _read_excel(path: Path) -> list[SheetGrid]:
    if path.suffix.lower() in ZIP_SUFFIXES:
        _refuse_zip_bomb(path)
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
    ods = ods_merges(path) if path.suffix.lower() == ".ods" else None
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                rows = _sheet_rows(sheet)
                merged = sheet.merged_cell_ranges if ods is None else ods.get(meta.name)
            except Exception as exc:
                raise ActionRefused(
                    f"无法读取「{path.name}」的工作表「{meta.name}」：文件已损坏（{exc}）"
                ) from None
            grid = _grid(meta.name, rows, merged, path.name)
            is_visible = meta.visible == calamine.SheetVisibleEnum.Visible
            (visible if is_visible else hidden).append(grid)
    return visible + hidden


def _read_csv(path: Path) -> list[SheetGrid]:
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ActionRefused(
            f"「{path.name}」有{size // (1024 * 1024)} MB，超过 CSV 文件上限"
            f"{MAX_CSV_BYTES // (1024 * 1024)} MB；请拆分后再导入"
        )
    raw = path.read_bytes()
    for encoding in CSV_ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ActionRefused(f"无法读取「{path.name}」：文件编码既不是 UTF-8 也不是 GBK")
    reader = csv.reader(io.StringIO(text))
    try:
        data: list[list[Cell]] = [list(row) for row in reader]
    except csv.Error as exc:  # a cell over the module's 128 KB limit, a stray NUL …
        raise ActionRefused(
            f"无法读取「{path.name}」第{reader.line_num}行：单元格内容过长或 CSV 格式有误（{exc}）"
        ) from None
    return [_grid(path.stem, [_clean_row(row) for row in data], None, path.name)]


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
            f"「{path.name}」不是 Excel 工作簿或 CSV 文件"
            "（支持 .xlsx、.xlsm、.xls、.xlsb、.ods 和 .csv）"
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
