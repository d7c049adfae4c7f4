"""Pay slips (工资条, §9) as PDF: strips on A4 portrait, several a page with dashed cut lines
between, each a small table of the month, the worker, every pay line, the deductions, net pay and
the month's cumulative tax figures; an embedded CJK font.

Drawn straight on the canvas like the roster: one text object and one batch of lines a page,
string widths measured once per distinct text, so a district's 100,000 slips take seconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from reports.fonts import CjkFont, cjk_font
from reports.formatting import yuan
from workforce.services.payroll.slips import Amount, Slip
from workforce.services.payroll.views import MonthHeader

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 28.0
FOOTER = 14.0
TITLE_SIZE, TEXT_SIZE, LABEL_SIZE, VALUE_SIZE = 11.0, 8.0, 7.5, 8.0
PAD = 5.0
TITLE_HEIGHT, IDENTITY_HEIGHT = 16.0, 14.0
LABEL_HEIGHT, VALUE_HEIGHT = 12.0, 13.0
GAP = 14.0  # between strips; the cut line runs through its middle
GROUP_WIDTH = 30.0
CELLS = 9  # cells a table row
TABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN
CELL_WIDTH = (TABLE_WIDTH - GROUP_WIDTH) / CELLS


def _rate(value: Decimal) -> str:
    return f"{value * 100:.0f}%"


@dataclass(frozen=True, slots=True)
class Group:
    title: str  # drawn one character a line in the group column
    cells: tuple[tuple[str, str], ...]  # (label, text)
    stressed: int = -1  # index of a cell drawn bold-shaded (实发合计)

    @property
    def rows(self) -> int:
        return max(1, math.ceil(len(self.cells) / CELLS))


def _texts(amounts: Sequence[Amount]) -> list[tuple[str, str]]:
    return [(name, yuan(amount)) for name, amount in amounts]


def groups(slip: Slip) -> tuple[Group, ...]:
    """The strip's table: 应发, 扣款 (ending in 实发合计) and the cumulative tax figures."""
    earnings = [*_texts(slip.earnings), ("应发合计", yuan(slip.gross))]
    deductions = [
        *_texts(slip.insurance),
        ("个人所得税", yuan(slip.tax)),
        *_texts(slip.after_tax),
        ("扣款合计", yuan(slip.deductions)),
        ("实发合计", yuan(slip.net)),
    ]
    tax = [
        (name, _rate(amount) if name == "税率" else yuan(amount))
        for name, amount in slip.tax_figures
    ]
    return (
        Group("应发", tuple(earnings)),
        Group("扣款", tuple(deductions), len(deductions) - 1),
        Group("个税", tuple(tax)),
    )


def strip_height(table: Sequence[Group]) -> float:
    rows = sum(g.rows for g in table)
    return PAD + TITLE_HEIGHT + IDENTITY_HEIGHT + rows * (LABEL_HEIGHT + VALUE_HEIGHT) + PAD


def paginate(heights: Sequence[float]) -> list[range]:
    """Strips a page, in order: as many as fit between the margins with a gap between each."""
    usable = PAGE_HEIGHT - 2 * MARGIN - FOOTER
    pages: list[range] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        need = height if index == start else used + GAP + height
        if index > start and need > usable:
            pages.append(range(start, index))
            start, used = index, height
        else:
            used = need
    pages.append(range(start, len(heights)))
    return pages


class _Measure:
    """String widths once per distinct text (labels and many amounts repeat)."""

    def __init__(self, font: str) -> None:
        self.font = font
        self._widths: dict[tuple[str, float], float] = {}

    def __call__(self, text: str, size: float) -> float:
        key = (text, size)
        known = self._widths.get(key)
        if known is None:
            known = stringWidth(text, self.font, size)
            if len(self._widths) < 100_000:
                self._widths[key] = known
        return known

    def fitting_size(self, text: str, size: float, width: float) -> float:
        """``size``, or smaller so ``text`` fits ``width``."""
        measured = self(text, size)
        return size if measured <= width else math.floor(size * width / measured * 10) / 10


class _Page:
    """What one page accumulates: text, ruled lines, shaded rectangles."""

    def __init__(self, canvas: Canvas, font: str, encoded: dict[Any, tuple[str, int]]) -> None:
        self.text: PDFTextObject = canvas.beginText()
        self.font = font
        self.size = 0.0
        self.encoded = encoded
        self.lines: list[tuple[float, float, float, float]] = []
        self.shades: list[tuple[float, float, float, float, float]] = []

    def put(self, x: float, y: float, text: str, size: float) -> None:
        """``text`` at (x, y). The PDF operators of a string are kept once made: reportlab's
        ``textOut`` re-encodes each string into font subsets every time, and most of a slip's
        strings (labels, common amounts) recur thousands of times. The cache keys on the subset
        current before the string, as the operators (a subset switch or not) depend on it."""
        obj = self.text
        if size != self.size:
            obj.setFont(self.font, size)
            self.size = size
        obj._code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")  # setTextOrigin, without its bookkeeping
        key = (text, size, obj._curSubset)
        known = self.encoded.get(key)
        if known is None:
            code = obj._formatText(text)
            known = (code, obj._curSubset)
            if len(self.encoded) < 200_000:
                self.encoded[key] = known
        else:
            obj._curSubset = known[1]
        obj._code.append(known[0])


def write_payslips(path: Path, header: MonthHeader, slips: Sequence[Slip]) -> CjkFont:
    """Write the month's 工资条 for ``slips`` (in print order); returns the font used, whose
    ``message`` says when no embeddable Chinese font was found.

    A strip's frame (title, labels, rules, shading) depends only on its labels, so each distinct
    frame is drawn once as a form (XObject) and placed on every strip that has it; only the
    worker's own texts are drawn per strip."""
    font = cjk_font()
    canvas = Canvas(
        str(path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1,
        initialFontName=font.name,
        initialFontSize=TEXT_SIZE,
    )
    title = f"{header.mark}{header.region}{header.label}工资条"  # 草稿（未审核） before approval
    canvas.setTitle(title)
    canvas.setAuthor(header.region)
    measure = _Measure(font.name)
    encoded: dict[Any, tuple[str, int]] = {}
    frames: dict[tuple[tuple[str, ...], ...], str] = {}
    tables = [groups(slip) for slip in slips]
    heights = [strip_height(table) for table in tables]
    pages = paginate(heights)
    for number, indexes in enumerate(pages, start=1):
        page = _Page(canvas, font.name, encoded)
        top = PAGE_HEIGHT - MARGIN
        for index in indexes:
            if index != indexes.start:
                page.lines.append((-1.0, top - GAP / 2, 0.0, 0.0))  # a cut line
                top -= GAP
            table, height = tables[index], heights[index]
            key = tuple(tuple(label for label, _ in g.cells) for g in table)
            name = frames.get(key)
            if name is None:
                name = frames[key] = f"frame{len(frames)}"
                canvas.beginForm(name, 0, 0, PAGE_WIDTH, height)
                frame = _Page(canvas, font.name, encoded)
                _frame(frame, measure, title, table, height)
                _flush(canvas, frame)
                canvas.endForm()
            canvas.saveState()
            canvas.translate(0, top - height)
            canvas.doForm(name)
            canvas.restoreState()
            _values(page, measure, slips[index], table, top)
            top -= height
        _flush(canvas, page)
        canvas.setFont(font.name, TEXT_SIZE - 1)
        canvas.drawCentredString(
            PAGE_WIDTH / 2, MARGIN - 10, f"{title}　第 {number} 页，共 {len(pages)} 页"
        )
        if header.mark:  # the page header of a month not yet approved (§8.6)
            canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - MARGIN + 10, header.mark)
        canvas.showPage()
    canvas.save()
    return font


def _frame(page: _Page, measure: _Measure, title: str, table: Sequence[Group], top: float) -> None:
    """What every strip with these labels shares: title, labels, shading and rules."""
    left, right = MARGIN, PAGE_WIDTH - MARGIN
    page.put(left, top - PAD - TITLE_SIZE, title, TITLE_SIZE)
    y = table_top = top - PAD - TITLE_HEIGHT - IDENTITY_HEIGHT
    for group in table:
        group_top = y
        for row in range(group.rows):
            cells = group.cells[row * CELLS : (row + 1) * CELLS]
            label_bottom = y - LABEL_HEIGHT
            value_bottom = label_bottom - VALUE_HEIGHT
            page.shades.append(
                (left + GROUP_WIDTH, label_bottom, len(cells) * CELL_WIDTH, LABEL_HEIGHT, 0.92)
            )
            for column, (label, _) in enumerate(cells):
                x = left + GROUP_WIDTH + column * CELL_WIDTH
                if row * CELLS + column == group.stressed:
                    page.shades.append((x, value_bottom, CELL_WIDTH, VALUE_HEIGHT, 0.85))
                size = measure.fitting_size(label, LABEL_SIZE, CELL_WIDTH - 3)
                width = measure(label, size)
                page.put(x + (CELL_WIDTH - width) / 2, label_bottom + 3.5, label, size)
            page.lines.append((left + GROUP_WIDTH, label_bottom, right, label_bottom))
            page.lines.append((left, value_bottom, right, value_bottom))
            y = value_bottom
        _group_title(page, group.title, left, group_top, y)
        page.lines.append((left, y, right, y))
    page.lines.append((left, table_top, right, table_top))
    page.lines.append((left, table_top, left, y))
    page.lines.append((left + GROUP_WIDTH, table_top, left + GROUP_WIDTH, y))
    page.lines.append((right, table_top, right, y))
    for column in range(1, CELLS):
        x = left + GROUP_WIDTH + column * CELL_WIDTH
        page.lines.append((x, table_top, x, y))


def _values(page: _Page, measure: _Measure, slip: Slip, table: Sequence[Group], top: float) -> None:
    """The worker's own texts on the strip whose top is ``top``: unit, identity, amounts."""
    left, right = MARGIN, PAGE_WIDTH - MARGIN
    unit = f"{slip.street}　{slip.community}"
    page.put(right - measure(unit, TEXT_SIZE), top - PAD - TITLE_SIZE, unit, TEXT_SIZE)
    identity = (
        f"姓名：{slip.name}　　身份证号：{slip.id_number}　　岗位：{slip.post}　　"
        f"等级：{slip.level}级　　人员状态：{slip.status}"
    )
    y = top - PAD - TITLE_HEIGHT - IDENTITY_HEIGHT
    page.put(left, y + 4, identity, TEXT_SIZE)
    for group in table:
        for row in range(group.rows):
            baseline = y - LABEL_HEIGHT - VALUE_HEIGHT + 4
            for column, (_, text) in enumerate(group.cells[row * CELLS : (row + 1) * CELLS]):
                x = left + GROUP_WIDTH + (column + 1) * CELL_WIDTH - 3
                page.put(x - measure(text, VALUE_SIZE), baseline, text, VALUE_SIZE)
            y -= LABEL_HEIGHT + VALUE_HEIGHT


def _group_title(page: _Page, title: str, left: float, top: float, bottom: float) -> None:
    """The group's name down its column, one character a line, centred."""
    step = LABEL_SIZE + 2
    first = (top + bottom) / 2 + (len(title) - 1) * step / 2 - LABEL_SIZE / 3
    for number, char in enumerate(title):
        page.put(left + (GROUP_WIDTH - LABEL_SIZE) / 2, first - number * step, char, LABEL_SIZE)


def _flush(canvas: Canvas, page: _Page) -> None:
    for x, y, width, height, gray in page.shades:
        canvas.setFillGray(gray)
        canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.setFillGray(0)
    canvas.drawText(page.text)
    canvas.setLineWidth(0.5)
    canvas.lines([line for line in page.lines if line[0] >= 0])
    cuts = [line[1] for line in page.lines if line[0] < 0]
    if cuts:
        canvas.setLineWidth(0.4)
        canvas.setDash(4, 3)
        canvas.lines([(MARGIN - 14, y, PAGE_WIDTH - MARGIN + 14, y) for y in cuts])
        canvas.setDash()
