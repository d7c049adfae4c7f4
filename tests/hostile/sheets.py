"""Hypothesis strategies for hostile sheets: importer headers among junk, cells of every type a
reader can hand over (text, formulas, huge text, numbers, dates as text, numbers where dates go,
times, durations, booleans), ragged rows; and writers that put a grid into a real .xlsx with
openpyxl or xlsxwriter (hidden sheets, merged cells, formulas)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import xlsxwriter
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.factories import make_id
from tests.hostile.importers import HEADERS
from workforce.domain.sheet import Cell, SheetGrid

WORDS = (
    "优秀", "称职", "基本称职", "不称职", "合格", "不合格", "是", "否", "社会工作师",
    "助理社会工作师", "高级社会工作师", "住房租金", "子女教育", "赡养老人", "取暖补贴", "网格员",
    "正职", "副职", "其他社区工作者", "新华街道", "光明社区", "男", "女", "本科", "大专", "汉族",
    "2025", "2026-03", "2026年3月", "2019-10-01", "2019/13/45", "1990-02-30", "3738", "-20.5",
    "1,500.00", "１２３", "合计", "NaN", "inf", "1e308", "", " ", "\t", "\r\n",
    "-99999", "2030-01-01", "2005-07-01",  # a deduction to confirm; unborn; work at 15 (b. 1990)
    "=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://example.com","点我")', "=A1/0", "#DIV/0!",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@")


def id_numbers() -> st.SearchStrategy[str]:
    """Valid ID numbers (some of the seeded workers, some new), broken ones and lower-case x."""
    valid = st.integers(1, 40).map(make_id)
    return st.one_of(
        valid,
        valid.map(lambda s: s[:-1] + "x" if s[-1] == "X" else s[:-2]),
        valid.map(lambda s: s[:17] + "0"),
        valid.map(lambda s: f" {s} "),
    )


def cells(huge: bool = True) -> st.SearchStrategy[Cell]:
    texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
    options: list[st.SearchStrategy[Cell]] = [
        st.none(),
        st.sampled_from(WORDS),
        st.sampled_from(HEADERS),
        id_numbers(),
        texts,
        st.integers(-(10**18), 10**18),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from((0.0, -0.0, 1.5, 3738.0, 1e15, 11010219900517123.0, 45000.25)),
        st.booleans(),
        st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)),
        st.datetimes(dt.datetime(1899, 12, 31), dt.datetime(2100, 1, 1)),  # noqa: DTZ001
        st.times(),
        st.timedeltas(dt.timedelta(days=-3), dt.timedelta(days=400)),
    ]
    if huge:
        huge_text = st.integers(10_000, 1_000_000).map(lambda n: "长" * n)
        plain = st.one_of(*options)
        return st.integers(0, 19).flatmap(lambda k: huge_text if k == 0 else plain)
    return st.one_of(*options)


@st.composite
def grids(draw: st.DrawFn, huge: bool = True) -> SheetGrid:
    """A sheet: a few junk rows, a header mixing real and junk labels, ragged data rows."""
    junk = draw(st.lists(st.lists(cells(huge=False), max_size=4), max_size=3))
    header = draw(
        st.lists(st.one_of(st.sampled_from(HEADERS), cells(huge=False)), min_size=1, max_size=12)
    )
    width = len(header) + 2
    data = draw(st.lists(st.lists(cells(huge), max_size=width), max_size=8))
    rows = tuple(tuple(row) for row in (*junk, header, *data))
    return SheetGrid(draw(st.sampled_from(("Sheet1", "花名册", "'=1'", " "))), rows, "fuzz.xlsx")


@st.composite
def mutated(
    draw: st.DrawFn, template: tuple[tuple[Cell, ...], ...], huge: bool = True
) -> SheetGrid:
    """A valid sheet with a few hostile changes: cells replaced, rows duplicated or dropped,
    junk above the header, a 合计 footer. Some still import; the rest must be refused cleanly."""
    rows = [list(row) for row in template]
    for _ in range(draw(st.integers(0, 4))):
        r = draw(st.integers(0, len(rows) - 1))
        if not rows[r]:
            continue
        c = draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = draw(cells(huge))
    if draw(st.booleans()):
        rows.append(list(draw(st.sampled_from(rows))))
    if draw(st.integers(0, 4)) == 0:
        rows.insert(0, [draw(cells(False))])
    if draw(st.integers(0, 4)) == 0:
        rows.append(["合计", None, len(rows)])
    if draw(st.integers(0, 5)) == 0 and len(rows) > 2:
        del rows[draw(st.integers(1, len(rows) - 1))]
    return SheetGrid("Sheet1", tuple(tuple(row) for row in rows), "fuzz.xlsx")


def _writable(value: Cell) -> Cell:
    """What a spreadsheet can hold: no durations or huge text (Excel stops at 32,767)."""
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value[:32_000])
    return value


def write_openpyxl(grid: SheetGrid, path: Path, *, hide_first: bool = False) -> Path:
    """Formulas stay formulas (openpyxl writes a text starting with = as one)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "数据"
    for row in grid.rows:
        sheet.append([_writable(v) for v in row])
    if grid.rows and len(grid.rows[0]) > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    if hide_first:
        decoy = book.create_sheet("隐藏", 0)
        decoy.append(["身份证号", "姓名"])
        decoy.sheet_state = "hidden"
    book.save(path)
    return path


def write_xlsxwriter(grid: SheetGrid, path: Path) -> Path:
    """Every value through ``write`` (strings starting with = become formulas), dates typed."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": True, "nan_inf_to_errors": True})
    sheet = book.add_worksheet("数据")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(grid.rows):
        for c, raw in enumerate(row):
            value = _writable(raw)
            if isinstance(value, dt.date | dt.time):
                sheet.write_datetime(r, c, value, dates)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    return path
