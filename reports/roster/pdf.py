"""The roster PDF (花名册, §9): A4 landscape, title, unit and date, the header repeated on every
page, page N of M, the summary line and the signature block, with an embedded CJK font.

Drawn straight on the canvas page by page (PERF-NOTES: a LongTable of 100,000 rows is ~8× slower);
cell text is cut to its column so a row is always one line and the page count is known up front.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports.fonts import CjkFont, cjk_font
from workforce.domain.idcard import mask_id_number
from workforce.domain.roster.summary import RosterSummary
from workforce.services.roster.query import RosterRow

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 28.0
TITLE_SIZE, TEXT_SIZE, HEADER_SIZE, SMALL_SIZE = 16.0, 8.0, 7.5, 8.0
ROW_HEIGHT, HEADER_HEIGHT = 16.0, 24.0
TOP_BLOCK = 48.0  # title, unit and date above the table
FOOTER = 22.0
CLOSING_BLOCK = 70.0  # summary line and signatures after the last row


def _month(value: dt.date | None) -> str:
    return f"{value.year}.{value.month:02d}" if value else ""


@dataclass(frozen=True, slots=True)
class Column:
    header: str  # "\n" splits a header over two lines
    width: float
    text: Callable[[RosterRow, int, bool], str]
    centred: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("序号", 26, lambda r, i, m: str(i)),
    Column("姓名", 46, lambda r, i, m: r.name),
    Column("性别", 22, lambda r, i, m: r.sex),
    Column("民族", 36, lambda r, i, m: r.ethnicity),
    Column("出生\n年月", 38, lambda r, i, m: _month(r.birth_date)),
    Column("身份证号", 92, lambda r, i, m: mask_id_number(r.id_number) if m else r.id_number),
    Column("政治\n面貌", 50, lambda r, i, m: r.political_status),
    Column("学历", 42, lambda r, i, m: r.highest_education or ""),
    Column("进入社区\n工作时间", 44, lambda r, i, m: _month(r.community_start_date)),
    Column("职务", 46, lambda r, i, m: r.duties or ""),
    Column("岗位", 66, lambda r, i, m: r.post_name),
    Column("等级", 24, lambda r, i, m: str(r.level)),
    Column("社工证", 64, lambda r, i, m: r.certificate_level or ""),
    Column("所在社区", 86, lambda r, i, m: r.community, centred=False),
    Column("联系电话", 64, lambda r, i, m: r.phone or ""),
)


def _scaled_columns() -> list[tuple[Column, float, float]]:
    """Each column with its x position and width, stretched to the printable width."""
    factor = (PAGE_WIDTH - 2 * MARGIN) / sum(c.width for c in COLUMNS)
    placed, x = [], MARGIN
    for column in COLUMNS:
        width = column.width * factor
        placed.append((column, x, width))
        x += width
    return placed


@dataclass(frozen=True, slots=True)
class RosterDocument:
    title: str
    unit: str
    as_of: dt.date
    summary: RosterSummary
    mask_ids: bool = True


def rows_per_page() -> int:
    usable = PAGE_HEIGHT - 2 * MARGIN - TOP_BLOCK - HEADER_HEIGHT - FOOTER
    return int(usable // ROW_HEIGHT)


def page_count(rows: int) -> int:
    """Pages needed: full pages of rows, plus room for the closing block on the last one."""
    per_page = rows_per_page()
    pages = max(1, math.ceil(rows / per_page))
    on_last = rows - (pages - 1) * per_page
    if on_last * ROW_HEIGHT + CLOSING_BLOCK > per_page * ROW_HEIGHT:
        pages += 1
    return pages


class _Fitter:
    """Measures text once per distinct string (most cells repeat: 女, 汉族, 中共党员 …) and cuts
    text to a column's width; measuring is what costs time at 100,000 rows."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        known = self._widths.get(text)
        if known is None:
            known = stringWidth(text, self.font, self.size)
            if len(self._widths) < 50_000:
                self._widths[text] = known
        return known

    def __call__(self, text: str, width: float) -> tuple[str, float]:
        measured = self.width(text)
        while text and measured > width:
            text = text[:-1]
            measured = self.width(text)
        return text, measured


class _CellText:
    """A page's cells as one PDF text object (BT … ET), the very operators reportlab's
    ``setTextOrigin`` + ``textOut`` write, but each distinct text of a column (女, 汉族, 中共党员 …)
    is fitted, placed and encoded to the font's glyph codes once, not once per cell: ``textOut``
    measured and encoded every cell again, which was most of the roster's time at 100,000 rows."""

    def __init__(self, canvas: Canvas, font: str, columns: list[tuple[Column, float, float]]):
        self.font = getFont(font)
        self.doc = canvas._doc  # the subsets (glyph code pages) are the document's
        # what setFont(font, TEXT_SIZE) leaves on a text object, leading 1.2 × size included
        self.size = f"{fp_str(TEXT_SIZE)} Tf {fp_str(TEXT_SIZE * 1.2)} TL"
        self.fit = _Fitter(font, TEXT_SIZE)
        self.columns = columns
        self.known: list[dict[str, tuple[str, tuple[tuple[int, str], ...]]]] = [{} for _ in columns]
        self.switches: dict[int, str] = {}

    def _entry(self, number: int, text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
        """The column's x (as PDF text) and the text's (subset, show operator) pieces."""
        column, x, width = self.columns[number]
        shown, measured = self.fit(text, width - 4)
        left = x + (width - measured) / 2 if column.centred else x + 2
        pieces = tuple(
            (subset, f"({escapePDF(codes)}) Tj")
            for subset, codes in self.font.splitString(shown, self.doc)
        )
        entry = (f"1 0 0 1 {fp_str(left)} ", pieces)
        if len(self.known[number]) < 20_000:  # unique texts (序号, 电话) need no memory
            self.known[number][text] = entry
        return entry

    def _switch(self, subset: int) -> str:
        found = self.switches.get(subset)
        if found is None:
            name = self.font.getSubsetInternalName(subset, self.doc)
            found = self.switches[subset] = f"{name} {self.size}"
        return found

    def page(
        self, rows: Sequence[RosterRow], first: int, top: float, mask: bool
    ) -> tuple[str, float]:
        """The text object of ``rows`` (numbered from ``first``) below ``top``, and its bottom."""
        code = ["BT", "1 0 0 1 0 0 Tm"]
        add = code.append
        current = -1  # no subset chosen yet in this text object
        texts = [
            (number, column.text, self.known[number])
            for number, (column, _, _) in enumerate(self.columns)
        ]
        for index, row in enumerate(rows, first):
            top -= ROW_HEIGHT
            at = f"{fp_str(top + 5)} Tm"
            for number, text_of, known in texts:
                text = text_of(row, index, mask)
                left, pieces = known.get(text) or self._entry(number, text)
                add(left + at)
                if len(pieces) == 1 and pieces[0][0] == current:
                    add(pieces[0][1])
                    continue
                shown = []
                for subset, show in pieces:
                    if subset != current:
                        shown.append(self._switch(subset))
                        current = subset
                    shown.append(show)
                add(" ".join(shown))
        add("ET")
        return " ".join(code), top


def write_roster_pdf(path: Path, rows: Sequence[RosterRow], document: RosterDocument) -> CjkFont:
    """Write the roster of ``rows`` (already in roster order); returns the font used, whose
    ``message`` says when no embeddable Chinese font was found."""
    font = cjk_font()
    canvas = Canvas(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1,
        initialFontName=font.name,
        initialFontSize=TEXT_SIZE,
    )
    canvas.setTitle(document.title)
    canvas.setAuthor(document.unit)
    columns = _scaled_columns()
    cells = _CellText(canvas, font.name, columns)
    per_page = rows_per_page()
    pages = page_count(len(rows))
    for page in range(pages):
        top = _page_top(canvas, font.name, document, page, pages)
        y = _header(canvas, font.name, columns, top)
        chunk = rows[page * per_page : (page + 1) * per_page]
        code, y = cells.page(chunk, page * per_page + 1, y, document.mask_ids)
        canvas.addLiteral(code)
        _grid(canvas, columns, top - HEADER_HEIGHT, y)
        if page == pages - 1:
            _closing(canvas, font.name, document, y)
        canvas.showPage()
    canvas.save()
    return font


def _page_top(canvas: Canvas, font: str, document: RosterDocument, page: int, pages: int) -> float:
    top = PAGE_HEIGHT - MARGIN
    canvas.setFont(font, TITLE_SIZE)
    canvas.drawCentredString(PAGE_WIDTH / 2, top - TITLE_SIZE, document.title)
    canvas.setFont(font, SMALL_SIZE)
    line = top - TITLE_SIZE - 22
    canvas.drawString(MARGIN, line, f"填报单位：{document.unit}")
    as_of = document.as_of
    canvas.drawRightString(
        PAGE_WIDTH - MARGIN, line, f"截至{as_of.year}年{as_of.month}月{as_of.day}日"
    )
    canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN - 10, f"第 {page + 1} 页，共 {pages} 页")
    return top - TOP_BLOCK


def _header(
    canvas: Canvas, font: str, columns: list[tuple[Column, float, float]], top: float
) -> float:
    canvas.setFillGray(0.92)
    canvas.rect(MARGIN, top - HEADER_HEIGHT, PAGE_WIDTH - 2 * MARGIN, HEADER_HEIGHT, 0, 1)
    canvas.setFillGray(0)
    canvas.setFont(font, HEADER_SIZE)
    for column, x, width in columns:
        lines = column.header.split("\n")
        first = top - HEADER_HEIGHT / 2 + (len(lines) - 1) * HEADER_SIZE / 2 - HEADER_SIZE / 3
        for number, text in enumerate(lines):
            canvas.drawCentredString(x + width / 2, first - number * (HEADER_SIZE + 1), text)
    return top - HEADER_HEIGHT


def _grid(
    canvas: Canvas, columns: list[tuple[Column, float, float]], header_bottom: float, bottom: float
) -> float:
    top = header_bottom + HEADER_HEIGHT
    canvas.setLineWidth(0.4)
    right = PAGE_WIDTH - MARGIN
    y = header_bottom
    canvas.line(MARGIN, top, right, top)
    while y >= bottom - 0.01:
        canvas.line(MARGIN, y, right, y)
        y -= ROW_HEIGHT
    for _, x, _width in columns:
        canvas.line(x, top, x, bottom)
    canvas.line(right, top, right, bottom)
    return bottom


def _closing(canvas: Canvas, font: str, document: RosterDocument, y: float) -> None:
    canvas.setFont(font, SMALL_SIZE + 1)
    canvas.drawString(MARGIN, y - 16, document.summary.describe())
    line = y - 48
    spots = ("填报单位（盖章）：", "填报人：", "审核人：", "日期：")
    step = (PAGE_WIDTH - 2 * MARGIN) / len(spots)
    for number, label in enumerate(spots):
        canvas.drawString(MARGIN + number * step, line, label)
