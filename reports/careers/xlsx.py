"""Certificates, training and the promotion pipeline as .xlsx for clerks and leadership (§6, §7):
the certificate register (社工证台账), the training compliance report (培训学时达标情况: 汇总 per
community with totals, 明细 per person) and an eligibility list (资格审查名单: every check in
words).

Written with xlsxwriter in constant-memory mode (rows in order): frozen header, autofilter, A4
landscape fit to width with the header repeated. Totals are live SUM formulas that also store
their computed values, so a program reading the file without recalculating sees the right figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from reports.cell_text import text_workbook
from reports.formatting import chinese_date
from workforce.domain.careers.certificates import hours_text
from workforce.services.careers.certificates import RegisterRow
from workforce.services.careers.pipeline_lists import EligibilityList
from workforce.services.careers.training_report import ComplianceReport

A4 = 9
HOURS = "0.0"
RULE_NAMES = {
    "post": "岗位",
    "community_years": "社区工作年限",
    "appraisals": "年度考核",
    "education": "学历",
    "certificate": "社工证",
    "training": "培训学时",
    "age": "年龄",
}


class _Formats:
    def __init__(self, workbook: Any) -> None:
        border = {"border": 1, "valign": "vcenter"}
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.header = workbook.add_format(
            {**border, "bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True}
        )
        self.text = workbook.add_format(border)
        self.wrap = workbook.add_format({**border, "text_wrap": True})
        self.date = workbook.add_format({**border, "num_format": "yyyy-mm-dd"})
        self.month = workbook.add_format({**border, "num_format": "yyyy年m月"})
        self.integer = workbook.add_format({**border, "num_format": "0"})
        self.hours = workbook.add_format({**border, "num_format": HOURS})
        self.warn = workbook.add_format({**border, "font_color": "#9C0006", "bg_color": "#FFC7CE"})
        self.good = workbook.add_format({**border, "font_color": "#006100", "bg_color": "#C6EFCE"})
        total = {**border, "bold": True, "bg_color": "#FFF2CC"}
        self.total_text = workbook.add_format(total)
        self.total_integer = workbook.add_format({**total, "num_format": "0"})
        self.total_hours = workbook.add_format({**total, "num_format": HOURS})


class _Sheet:
    """One table: a title row, a header row, then data rows written top to bottom."""

    def __init__(
        self,
        workbook: Any,
        formats: _Formats,
        name: str,
        title: str,
        columns: Sequence[tuple[str, int]],
    ) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.f = formats
        self.width = len(columns)
        self.sheet.write_string(0, 0, title, formats.title)
        for col, (label, width) in enumerate(columns):
            self.sheet.set_column(col, col, width)
            self.sheet.write_string(1, col, label, formats.header)
        self.sheet.freeze_panes(2, 0)
        self.sheet.set_landscape()
        self.sheet.set_paper(A4)
        self.sheet.fit_to_pages(1, 0)
        self.sheet.repeat_rows(1)
        self.sheet.set_footer("&C第 &P 页，共 &N 页")
        self.row = 2

    def cell(self, col: int, value: object, fmt: Any = None) -> None:
        fmt = fmt or self.f.text
        if value is None or value == "":
            self.sheet.write_blank(self.row, col, None, fmt)
        elif isinstance(value, bool):
            self.sheet.write_string(self.row, col, "是" if value else "否", fmt)
        elif isinstance(value, int | Decimal):
            self.sheet.write_number(self.row, col, value, fmt)
        elif isinstance(value, dt.date):
            self.sheet.write_datetime(self.row, col, value, fmt)
        else:
            self.sheet.write_string(self.row, col, str(value), fmt)

    def line(self, *values: object, formats: Sequence[Any] = ()) -> None:
        for col, value in enumerate(values):
            self.cell(col, value, formats[col] if col < len(formats) else None)
        self.row += 1

    def finish(self) -> None:
        self.sheet.autofilter(1, 0, max(self.row - 1, 2), self.width - 1)

    def total(self, label_cols: int, sums: Sequence[tuple[int, Decimal | int, Any]]) -> None:
        """A 合计 row under the data: a SUM formula with its stored value per column."""
        first, last = 2, self.row - 1
        self.cell(0, "合计", self.f.total_text)
        for col in range(1, label_cols):
            self.cell(col, "", self.f.total_text)
        for col, value, fmt in sums:
            span = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(max(last, first), col)}"
            self.sheet.write_formula(self.row, col, f"=SUM({span})", fmt, value)
        self.row += 1


REGISTER_COLUMNS = (
    ("序号", 6),
    ("街道", 12),
    ("社区", 14),
    ("姓名", 9),
    ("身份证号", 20),
    ("证书等级", 14),
    ("证书编号", 18),
    ("取得日期", 11),
    ("首次登记", 11),
    ("最近登记", 11),
    ("有效期至", 11),
    ("状态", 9),
    ("再登记次数", 8),
    ("津贴起发", 10),
)


def write_certificate_register(path: str | Path, rows: Sequence[RegisterRow], on: dt.date) -> None:
    """证书台账: one row per certificate; lapsed and lapsing registrations marked."""
    workbook = text_workbook(path, {"constant_memory": True})
    f = _Formats(workbook)
    table = _Sheet(workbook, f, "证书台账", f"社工证台账（{chinese_date(on)}）", REGISTER_COLUMNS)
    dates = (f.date, f.date, f.date, f.date)
    for number, row in enumerate(rows, 1):
        c = row.certificate
        state = f.warn if c.state in ("已过期", "即将到期") else f.text
        latest = c.registrations[-1] if c.registrations else None
        renewals = max(len(c.registrations) - 1, 0)
        table.line(
            *(number, row.street, row.community, row.name, row.id_number, c.level, c.number),
            *(c.obtained, c.ladder_from, latest, c.valid_until, c.state, renewals),
            c.allowance_from,
            formats=(f.integer, *[f.text] * 6, *dates, state, f.integer, f.month),
        )
    table.finish()
    workbook.close()


SUMMARY_COLUMNS = (
    ("街道", 12),
    ("社区", 14),
    ("人数", 7),
    ("达标人数", 9),
    ("未达标人数", 9),
    ("差学时合计", 10),
    ("持证登记人数", 10),
    ("继续教育不足人数", 12),
)
DETAIL_COLUMNS = (
    ("序号", 6),
    ("街道", 12),
    ("社区", 14),
    ("姓名", 9),
    ("身份证号", 20),
    ("年度学时", 9),
    ("年度要求", 9),
    ("还差", 7),
    ("社工证", 14),
    ("登记周期", 23),
    ("继续教育应达", 10),
    ("继续教育已有", 10),
    ("继续教育还差", 10),
)


def write_training_compliance(path: str | Path, report: ComplianceReport) -> None:
    """培训学时达标情况: 汇总 per community with a totals row, 明细 per person (short in red)."""
    workbook = text_workbook(path, {"constant_memory": True})
    f = _Formats(workbook)
    title = (
        f"{report.year}年培训学时达标情况（年度要求{hours_text(report.target)}学时，"
        f"继续教育截至{chinese_date(report.on)}）"
    )
    summary = _Sheet(workbook, f, "汇总", title, SUMMARY_COLUMNS)
    counts = (f.integer, f.integer, f.integer)
    for c in report.communities:
        summary.line(
            *(c.street, c.community, c.headcount, c.met, c.short, c.short_hours),
            *(c.registered, c.ce_short),
            formats=(f.text, f.text, *counts, f.hours, f.integer, f.integer),
        )
    groups = report.communities
    summary.total(
        2,
        [
            (2, sum(c.headcount for c in groups), f.total_integer),
            (3, sum(c.met for c in groups), f.total_integer),
            (4, sum(c.short for c in groups), f.total_integer),
            (5, sum((c.short_hours for c in groups), Decimal(0)), f.total_hours),
            (6, sum(c.registered for c in groups), f.total_integer),
            (7, sum(c.ce_short for c in groups), f.total_integer),
        ],
    )
    detail = _Sheet(workbook, f, "明细", title, DETAIL_COLUMNS)
    for number, row in enumerate(report.rows, 1):
        p, s, ce = row.person, row.status, row.status.ce
        period = f"{ce.period.start:%Y-%m-%d}至{ce.period.end:%Y-%m-%d}" if ce else ""
        person = (f.integer, f.text, f.text, f.text, f.text)
        short = f.warn if s.short_by else f.hours
        ce_short = f.warn if ce and ce.short_by else f.hours
        level = row.certificate.level if row.certificate else ""
        detail.line(
            *(number, p.street, p.community, p.name, p.id_number, s.hours, s.target, s.short_by),
            *(level, period),
            *((ce.required, ce.earned, ce.short_by) if ce else (None, None, None)),
            formats=(*person, f.hours, f.hours, short, f.text, f.text, f.hours, f.hours, ce_short),
        )
    detail.finish()
    workbook.close()


def write_eligibility(path: str | Path, listing: EligibilityList) -> None:
    """资格审查名单: each person, eligible or not, with every check in words."""
    rules = [check.rule for check in listing.rows[0].verdict.checks] if listing.rows else []
    columns = [
        ("序号", 6),
        ("街道", 12),
        ("社区", 14),
        ("姓名", 9),
        ("身份证号", 20),
        ("是否符合", 8),
        ("后备人选自", 11),
        *[(RULE_NAMES.get(rule, rule), 24) for rule in rules],
        ("不符合的原因", 50),
    ]
    workbook = text_workbook(path, {"constant_memory": True})
    f = _Formats(workbook)
    scope = "后备人选" if listing.pool_only else "在职人员"
    title = (
        f"{listing.target}资格审查名单（{scope}，审查日期{chinese_date(listing.on)}，"
        f"符合{listing.eligible}人，共{len(listing.rows)}人）"
    )
    table = _Sheet(workbook, f, "资格审查", title, columns)
    for number, row in enumerate(listing.rows, 1):
        p, verdict = row.person, row.verdict
        checks = [(c.text, f.wrap if c.passed else f.warn) for c in verdict.checks]
        person = (f.integer, f.text, f.text, f.text, f.text)
        verdict_format = f.good if verdict.eligible else f.warn
        table.line(
            *(number, p.street, p.community, p.name, p.id_number),
            "符合" if verdict.eligible else "不符合",
            row.pool_since,
            *[text for text, _ in checks],
            "；".join(verdict.reasons_against),
            formats=(*person, verdict_format, f.date, *[fmt for _, fmt in checks], f.wrap),
        )
    table.finish()
    workbook.close()
