"""The per-person notice of a grade adjustment (调级通知书, §4): one A4 page per person who moves.

Each page: title and number, the person (ID number masked unless asked otherwise), their unit, old
→ new post and level, the monthly 岗位等级工资 before and after and the difference, every reason on
its own line, the clerk's notes, the effective date, the issuing unit's seal and date, and a
receipt to sign. Drawn straight on the canvas (PERF-NOTES: thousands of pages in seconds; no
Paragraph per cell). A plan not yet approved, or a reverted run, carries a watermark.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports import formatting as fmt
from reports.fonts import CjkFont, cjk_font
from workforce.domain.idcard import mask_id_number
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn, no_progress
from workforce.domain.scale import ScaleVersion
from workforce.services.adjustment.run import PREPARED, REVERTED, SUPERSEDED
from workforce.services.adjustment.views import RunLine, RunOverview

WIDTH, HEIGHT = A4
MARGIN = 64.0
CONTENT = WIDTH - 2 * MARGIN
LABEL_WIDTH = 88.0
FIRST_VALUE = 124.0
"""Two pairs in a row: the first value (a name, an amount) is narrow, the second (an ID number)
takes the rest."""
BODY, SMALL, TITLE = 12.0, 9.0, 19.0
LEADING = 1.55
PAD = 7.0
GREY = Color(0.38, 0.38, 0.38)
RULE_RED = Color(0.75, 0.1, 0.1)
WATERMARKS = {
    PREPARED: "计划草稿 · 未经审核",
    SUPERSEDED: "已被取代 · 作废",
    REVERTED: "已撤销 · 作废",
}
RECEIPT_TOP = MARGIN + 92
NO_BREAK_START = "，。、；：？！）》」』”’%"


@dataclass(frozen=True, slots=True)
class NoticeResult:
    """How many notices were written, and the font (``font.message`` warns of the fallback)."""

    pages: int
    font: CjkFont


@functools.lru_cache(maxsize=8192)
def _char_width(char: str, font: str, size: float) -> float:
    return float(stringWidth(char, font, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines of at most ``width`` points, between any two characters (as
    Chinese is set). Closing punctuation never starts a line: the character before it moves down
    with it (no hanging punctuation past a table's rule)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for char in paragraph:
            advance = _char_width(char, font, size)
            if line and used + advance > width:
                carry = line[-1] if char in NO_BREAK_START and len(line) > 1 else ""
                lines.append(line[: len(line) - len(carry)])
                line = carry + char
                used = sum(_char_width(c, font, size) for c in line)
            else:
                line += char
                used += advance
        lines.append(line)
    return lines


class _Notice:
    """One page being drawn: the canvas, the font, and a cursor ``y`` moving down the page."""

    def __init__(self, canvas: Canvas, font: str) -> None:
        self.c, self.font, self.y = canvas, font, HEIGHT - MARGIN

    def text(self, x: float, y: float, text: str, size: float = BODY) -> None:
        self.c.setFont(self.font, size)
        self.c.drawString(x, y, text)

    def paragraph(self, text: str, *, indent: float = 0.0, size: float = BODY) -> None:
        """Body text with its first line indented by two characters."""
        first = 2 * size
        lines = wrap(text, self.font, size, CONTENT - indent - first)
        rest = wrap("".join(lines[1:]), self.font, size, CONTENT - indent) if len(lines) > 1 else []
        for number, line in enumerate([lines[0], *rest]):
            self.y -= size * LEADING
            self.text(MARGIN + indent + (first if number == 0 else 0), self.y, line, size)

    def title(self, text: str, number: str) -> None:
        c = self.c
        self.y -= TITLE
        shape = c.beginText()
        shape.setTextRenderMode(2)  # fill and stroke: a bolder title from a single-weight font
        shape.setFont(self.font, TITLE)
        shape.setTextOrigin((WIDTH - stringWidth(text, self.font, TITLE)) / 2, self.y)
        shape.textOut(text)
        shape.setTextRenderMode(0)  # the mode is text state: it would carry on to later text
        c.setLineWidth(0.45)
        c.drawText(shape)
        self.y -= 20
        c.setFillColor(GREY)
        c.setFont(self.font, SMALL + 1)
        c.drawRightString(WIDTH - MARGIN, self.y, number)
        c.setFillColor(black)
        self.y -= 8
        c.setStrokeColor(RULE_RED)
        c.setLineWidth(1.6)
        c.line(MARGIN, self.y, WIDTH - MARGIN, self.y)
        c.setLineWidth(0.5)
        c.line(MARGIN, self.y - 3, WIDTH - MARGIN, self.y - 3)
        c.setStrokeColor(black)
        self.y -= 12

    def table(self, rows: Sequence[Sequence[tuple[str, str]]]) -> None:
        """A ruled table; each row holds one (label, value) pair across the width, or two."""
        c, top = self.c, self.y
        c.setLineWidth(0.7)
        leading = BODY * 1.4
        for row in rows:
            spans = (
                [CONTENT - LABEL_WIDTH]
                if len(row) == 1
                else [FIRST_VALUE, CONTENT - 2 * LABEL_WIDTH - FIRST_VALUE]
            )
            cells = [
                wrap(value, self.font, BODY, span - 2 * PAD)
                for (_, value), span in zip(row, spans, strict=True)
            ]
            height = max(len(lines) for lines in cells) * leading + 2 * PAD - (leading - BODY)
            bottom = self.y - height
            x = MARGIN
            for (label, _), lines, span in zip(row, cells, spans, strict=True):
                c.setFillColor(Color(0.94, 0.95, 0.97))
                c.rect(x, bottom, LABEL_WIDTH, height, stroke=0, fill=1)
                c.setFillColor(black)
                label_size = BODY - 1 if stringWidth(label, self.font, BODY) > LABEL_WIDTH else BODY
                label_x = x + (LABEL_WIDTH - stringWidth(label, self.font, label_size)) / 2
                self.text(label_x, bottom + height / 2 - label_size * 0.35, label, label_size)
                c.line(x + LABEL_WIDTH, bottom, x + LABEL_WIDTH, self.y)
                for number, line in enumerate(lines):
                    self.text(
                        x + LABEL_WIDTH + PAD, self.y - PAD - BODY * 0.85 - number * leading, line
                    )
                x += LABEL_WIDTH + span
                if x < MARGIN + CONTENT - 1:
                    c.line(x, bottom, x, self.y)
            c.line(MARGIN, bottom, MARGIN + CONTENT, bottom)
            self.y = bottom
        c.setLineWidth(1.0)
        c.rect(MARGIN, self.y, CONTENT, top - self.y)

    def watermark(self, text: str) -> None:
        c = self.c
        c.saveState()
        c.setFillColor(Color(0.55, 0.55, 0.55, alpha=0.28))
        c.translate(WIDTH / 2, HEIGHT / 2)
        c.rotate(38)
        c.setFont(self.font, 46)
        c.drawCentredString(0, 0, text)
        c.restoreState()


def _post_level(post: str, level: int) -> str:
    return f"{post} {fmt.level(level)}"


def _rows(
    line: RunLine, scale: ScaleVersion | None, effective: dt.date, masked: bool
) -> list[list[tuple[str, str]]]:
    number = mask_id_number(line.id_number) if masked else line.id_number
    rows = [
        [("姓　　名", line.name), ("身份证号", number)],
        [("所在单位", f"{line.district}　{line.street}　{line.community}")],
        [("原岗位等级", _post_level(line.old_post_name, line.old_level))],
        [("新岗位等级", _post_level(line.new_post_name, line.new_level))],
    ]
    if scale is not None:
        before = scale.monthly_pay(line.old_post, line.old_level)
        after = scale.monthly_pay(line.new_post, line.new_level)
        rows.append(
            [("原月工资标准", f"{fmt.yuan(before)} 元"), ("新月工资标准", f"{fmt.yuan(after)} 元")]
        )
    rows.append(
        [
            ("每月增加", f"{fmt.signed_yuan(line.monthly_delta)} 元"),
            ("全年增加", f"{fmt.signed_yuan(line.yearly_delta)} 元"),
        ]
    )
    rows.append([("生效日期", fmt.chinese_date(effective))])
    reasons = [f"{n}. {text}" for n, text in enumerate(line.reasons, 1)]
    if line.overridden:
        reasons.append(f"{len(reasons) + 1}. 经复核调整为{fmt.level(line.new_level)}")
    rows.append([("调整原因", "\n".join(reasons) or "—")])
    if line.notes:
        rows.append([("说　　明", "\n".join(line.notes))])
    if line.override_reason:
        rows.append([("复核意见", line.override_reason)])
    return rows


def _draw(
    page: _Notice,
    overview: RunOverview,
    line: RunLine,
    sequence: int,
    total: int,
    scale: ScaleVersion | None,
    masked: bool,
) -> None:
    c = page.c
    page.title(
        f"{overview.year}年度社区工作者岗位等级调整通知书",
        f"编号：{overview.year}-{overview.run_id:03d}-{sequence:05d}",
    )
    page.y -= 6
    page.text(MARGIN, page.y - BODY, f"{line.name}同志：", BODY + 1)
    page.y -= BODY + 4
    page.paragraph(
        f"根据社区工作者岗位等级调整的有关规定，经审核批准，自{fmt.chinese_date(overview.effective_date)}"
        "起对你的岗位等级及岗位等级工资作如下调整："
    )
    page.y -= 12
    page.table(_rows(line, scale, overview.effective_date, masked))
    page.y -= 6
    page.paragraph("特此通知。")
    seal_x = MARGIN + CONTENT * 0.55
    page.y -= 46
    page.text(seal_x, page.y, "发文单位（盖章）：")
    page.y -= 40
    page.text(seal_x + 2 * BODY, page.y, "年　　　月　　　日")
    if page.y > RECEIPT_TOP + 40:  # a notice with very many reasons has no room for it
        _receipt(page, line)
    c.setFillColor(GREY)
    c.setFont(page.font, SMALL)
    footer = f"调级批次 {overview.run_id}（{overview.status_name}）　{line.street}{line.community}"
    c.drawString(MARGIN, MARGIN / 2, footer)
    c.drawRightString(WIDTH - MARGIN, MARGIN / 2, f"第 {sequence} 页，共 {total} 页")
    c.setFillColor(black)
    if overview.status in WATERMARKS:
        page.watermark(WATERMARKS[overview.status])


def _receipt(page: _Notice, line: RunLine) -> None:
    """A receipt below a cut line: the person signs that they received the notice."""
    c, top = page.c, RECEIPT_TOP
    c.setDash(4, 3)
    c.setStrokeColor(GREY)
    c.line(MARGIN, top, WIDTH - MARGIN, top)
    c.setDash()
    c.setStrokeColor(black)
    c.setFillColor(GREY)
    c.setFont(page.font, SMALL)
    c.drawCentredString(WIDTH / 2, top + 4, "（沿此线剪开，回执交所在街道留存）")
    c.setFillColor(black)
    label = "回　执"
    page.text((WIDTH - stringWidth(label, page.font, BODY + 2)) / 2, top - 24, label, BODY + 2)
    page.y = top - 30
    page.paragraph(
        f"本人已收到本通知书，调整后岗位等级为{_post_level(line.new_post_name, line.new_level)}。"
    )
    signed = min(top - 80, page.y - 24)
    page.text(MARGIN, signed, f"签收人（{line.name}）：＿＿＿＿＿＿＿＿")
    page.text(MARGIN + CONTENT * 0.55, signed, "日期：　　　年　　月　　日")


def write_notices(
    path: str | Path,
    overview: RunOverview,
    lines: Sequence[RunLine],
    *,
    scale: ScaleVersion | None = None,
    masked: bool = True,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
) -> NoticeResult:
    """One notice per person of ``lines`` who moves (excluded and blocked people get none).

    ``scale`` (the version the run used) adds the monthly amounts before and after; without it
    the notice gives the difference only. Refuses when nobody moves."""
    movers = [line for line in lines if line.changed]
    if not movers:
        raise ActionRefused(f"调级批次{overview.run_id}没有调整等级的人员，无需打印调级通知")
    font = cjk_font()
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1, initialFontName=font.name)
    canvas.setTitle(f"{overview.year}年度岗位等级调整通知书（批次{overview.run_id}）")
    canvas.setAuthor("workforce")
    canvas.setSubject("调级通知")
    for sequence, line in enumerate(movers, 1):
        if sequence % 200 == 0:
            progress(sequence, len(movers))
            if cancel is not None:
                cancel.check()
        _draw(_Notice(canvas, font.name), overview, line, sequence, len(movers), scale, masked)
        canvas.showPage()
    canvas.save()
    progress(len(movers), len(movers))
    return NoticeResult(len(movers), font)
