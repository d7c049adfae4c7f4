"""The payroll month screen's table as data, its filter and totals, and the per-person drill-down
as HTML: the pay lines, 五险一金 and the cumulative withholding figures ("why did my tax
change")."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import formatting as fmt
from ui.desktop.widgets.models import RIGHT, Column
from workforce.domain.money import ZERO
from workforce.domain.payroll.opening_sheet import OpeningFigures
from workforce.domain.problems import Problem
from workforce.services.payroll.calc import Calculation
from workforce.services.payroll.guard import DRAFT, LOCKED
from workforce.services.payroll.lifecycle import Verification
from workforce.services.payroll.screens import ReviewRow, SlipDetail
from workforce.services.payroll.views import MonthHeader

NAMES_SHOWN = 10
MISMATCHES_SHOWN = 20

REVIEW_COLUMNS: tuple[Column[ReviewRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=120),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=72),
    Column(
        QT_TRANSLATE_NOOP("columns", "Gross pay"),
        lambda r: fmt.yuan_text(r.gross),
        lambda r: r.gross,
        RIGHT,
        96,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Insurance"),
        lambda r: fmt.yuan_text(r.insurance),
        lambda r: r.insurance,
        RIGHT,
        96,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Tax"),
        lambda r: fmt.yuan_text(r.tax),
        lambda r: r.tax,
        RIGHT,
        84,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Net pay"),
        lambda r: fmt.yuan_text(r.net),
        lambda r: r.net,
        RIGHT,
        96,
    ),
)


def status_text(h: MonthHeader | None) -> str:
    """The month's status with who did what, and when."""
    if h is None:
        return QCoreApplication.translate("payroll_text", "Not calculated yet.")
    text = QCoreApplication.translate("payroll_text", "%1: %2, %3 workers.").replace("%1", h.label)
    text = text.replace("%2", h.status_name).replace("%3", fmt.count_text(h.workers))
    for who, what in (
        (h.calculated, QCoreApplication.translate("payroll_text", "Calculated by %1.")),
        (h.approved, QCoreApplication.translate("payroll_text", "Approved by %1.")),
        (h.locked, QCoreApplication.translate("payroll_text", "Locked by %1.")),
    ):
        if who:
            text += " " + what.replace("%1", who)
    if h.status == DRAFT and h.calculated:
        text += " " + QCoreApplication.translate(
            "payroll_text", "Data changed since the calculation: calculate again."
        )
    if h.status == LOCKED:
        text += " " + QCoreApplication.translate("payroll_text", "A locked month never changes.")
    return text


def changes_text(result: Calculation) -> str:
    """After a recalculation: whose net pay changed."""
    if not result.changes:
        return QCoreApplication.translate("payroll_text", "Recalculated: nobody's net pay changed.")
    shown = [
        f"{c.name} {fmt.optional_yuan_text(c.before)} → {fmt.optional_yuan_text(c.after)}"
        for c in result.changes[:NAMES_SHOWN]
    ]
    text = QCoreApplication.translate(
        "payroll_text", "Recalculated: net pay changed for %1 workers: %2"
    ).replace("%1", fmt.count_text(len(result.changes)))
    text = text.replace("%2", "；".join(shown))
    if len(result.changes) > NAMES_SHOWN:
        more = len(result.changes) - NAMES_SHOWN
        text += " " + QCoreApplication.translate("payroll_text", "and %1 more.").replace(
            "%1", fmt.count_text(more)
        )
    return text


def deduction_warnings_text(warnings: Sequence[Problem]) -> str:
    """The month's payslips with a deduction line larger than their gross (§10), or ""."""
    if not warnings:
        return ""
    text = QCoreApplication.translate(
        "payroll_text", "%1 deduction lines are larger than their payslip's gross; check them: %2"
    ).replace("%1", fmt.count_text(len(warnings)))
    text = text.replace("%2", "；".join(w.message for w in warnings[:NAMES_SHOWN]))
    if len(warnings) > NAMES_SHOWN:
        more = len(warnings) - NAMES_SHOWN
        text += " " + QCoreApplication.translate("payroll_text", "and %1 more.").replace(
            "%1", fmt.count_text(more)
        )
    return text


def verification_text(result: Verification) -> str:
    count = fmt.count_text(result.checked)
    if not result.mismatches:
        return QCoreApplication.translate(
            "payroll_text",
            "All %1 payslips were re-derived from their stored inputs and match to the fen.",
        ).replace("%1", count)
    lines = [
        f"{m.name or '—'} {m.field}: {m.stored} ≠ {m.derived}"
        for m in result.mismatches[:MISMATCHES_SHOWN]
    ]
    head = QCoreApplication.translate(
        "payroll_text", "%1 of the stored figures do not match:"
    ).replace("%1", fmt.count_text(len(result.mismatches)))
    return "\n".join([head, *lines])


def matching(rows: Sequence[ReviewRow], text: str) -> list[ReviewRow]:
    """Rows whose name, street or community contains ``text`` (all rows for no text)."""
    needle = text.strip()
    if not needle:
        return list(rows)
    return [r for r in rows if needle in r.name or needle in r.street or needle in r.community]


def totals_text(rows: Sequence[ReviewRow]) -> str:
    gross = sum((r.gross for r in rows), ZERO)
    insurance = sum((r.insurance for r in rows), ZERO)
    tax = sum((r.tax for r in rows), ZERO)
    net = sum((r.net for r in rows), ZERO)
    return (
        QCoreApplication.translate(
            "payroll_text", "Total of %1 people: gross %2, insurance %3, tax %4, net %5"
        )
        .replace("%1", fmt.count_text(len(rows)))
        .replace("%2", fmt.yuan_text(gross))
        .replace("%3", fmt.yuan_text(insurance))
        .replace("%4", fmt.yuan_text(tax))
        .replace("%5", fmt.yuan_text(net))
    )


def _row(cells: Sequence[str], *, bold: bool = False) -> str:
    tag = "th" if bold else "td"
    first, *rest = cells
    right = "".join(f'<{tag} align="right">{html.escape(c)}</{tag}>' for c in rest)
    return f'<tr><{tag} align="left">{html.escape(first)}</{tag}>{right}</tr>'


def _flags(taxable: bool, insurable: bool, after_tax: bool) -> str:
    if after_tax:
        return QCoreApplication.translate("payroll_text", "after tax")
    parts = [
        QCoreApplication.translate("payroll_text", "taxable")
        if taxable
        else QCoreApplication.translate("payroll_text", "tax-free")
    ]
    if insurable:
        parts.append(QCoreApplication.translate("payroll_text", "insurable"))
    return "、".join(parts)


def _money(value: Decimal) -> str:
    return fmt.yuan_text(value)


def detail_html(d: SlipDetail) -> str:
    """One worker's payslip, explained."""
    parts = [f"<h3>{html.escape(d.name)}</h3>"]
    if d.days_employed != d.days_in_month:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate("payroll_text", "Employed %1 of %2 days this month.")
                .replace("%1", str(d.days_employed))
                .replace("%2", str(d.days_in_month))
            )
            + "</p>"
        )
    table = '<table cellspacing="0" cellpadding="3" width="100%">'
    parts.append(
        "<b>"
        + html.escape(QCoreApplication.translate("payroll_text", "Pay lines"))
        + "</b>"
        + table
    )
    for line in d.lines:
        flags = _flags(line.taxable, line.insurable, line.after_tax)
        parts.append(_row([line.name, flags, _money(line.amount)]))
    parts.append(
        _row(
            [QCoreApplication.translate("payroll_text", "Gross pay"), "", _money(d.gross)],
            bold=True,
        )
    )
    parts.append("</table><br>")
    parts.append(
        "<b>"
        + html.escape(
            QCoreApplication.translate("payroll_text", "Social insurance and housing fund")
        )
        + "</b>"
        + table
    )
    parts.append(
        _row(
            [
                QCoreApplication.translate("payroll_text", "Item"),
                QCoreApplication.translate("payroll_text", "Base"),
                QCoreApplication.translate("payroll_text", "Individual"),
                QCoreApplication.translate("payroll_text", "Employer"),
            ],
            bold=True,
        )
    )
    for c in d.contributions:
        parts.append(_row([c.name, _money(c.base), _money(c.individual), _money(c.employer)]))
    parts.append(
        _row(
            [
                QCoreApplication.translate("payroll_text", "Individual total"),
                "",
                _money(d.insurance),
                "",
            ],
            bold=True,
        )
    )
    parts.append("</table><br>")
    parts.append(
        "<b>"
        + html.escape(
            QCoreApplication.translate("payroll_text", "Income tax (cumulative withholding)")
        )
        + "</b>"
        + table
    )
    if d.opening is not None:
        parts.append(opening_rows(d.opening))
    for title, value in d.tax_figures:
        parts.append(_row([title, _money(value)]))
    parts.append(
        _row(
            [
                QCoreApplication.translate("payroll_text", "Tax rate"),
                fmt.percent_text(d.tax_rate * 100),
            ]
        )
    )
    if d.bonus_income:
        parts.append(_bonus_rows(d))
    parts.append(
        _row(
            [QCoreApplication.translate("payroll_text", "Tax this month"), _money(d.tax)], bold=True
        )
    )
    parts.append("</table>")
    parts.append(
        "<p>"
        + html.escape(
            QCoreApplication.translate(
                "payroll_text",
                "Tax this month = cumulative taxable income × rate − quick deduction − tax "
                "withheld in earlier months of the year.",
            )
        )
        + "</p>"
    )
    if d.after_tax:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate("payroll_text", "Deducted after tax: %1").replace(
                    "%1", _money(d.after_tax)
                )
            )
        )
    if d.owed_in:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate(
                    "payroll_text", "Owed from last month, deducted after tax: %1"
                ).replace("%1", _money(d.owed_in))
            )
        )
    if d.owed_out:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate(
                    "payroll_text",
                    "The deductions exceed the pay: net pay is 0 and %1 is carried into next "
                    "month (owed by a leaver: a receivable to collect).",
                ).replace("%1", _money(d.owed_out))
            )
        )
    parts.append(
        "<h3>"
        + html.escape(
            QCoreApplication.translate("payroll_text", "Net pay: %1").replace("%1", _money(d.net))
        )
        + "</h3>"
    )
    return "".join(parts)


def opening_rows(opening: OpeningFigures) -> str:
    """The 期初 line (§8.6): the year so far the cumulative figures below began from."""
    title = QCoreApplication.translate(
        "payroll_text", "Opening figures, January–month %1 (paid outside the program)"
    ).replace("%1", str(opening.through))
    rows = [_row([title, ""], bold=True)]
    names = (
        (QT_TRANSLATE_NOOP("payroll_text", "Opening income"), opening.income),
        (QT_TRANSLATE_NOOP("payroll_text", "Opening exempt income"), opening.exempt_income),
        (QT_TRANSLATE_NOOP("payroll_text", "Opening special deductions"), opening.insurance),
        (
            QT_TRANSLATE_NOOP("payroll_text", "Opening additional deductions"),
            opening.special_deductions,
        ),
        (QT_TRANSLATE_NOOP("payroll_text", "Opening other deductions"), opening.other_deductions),
        (QT_TRANSLATE_NOOP("payroll_text", "Opening tax withheld"), opening.withheld),
    )
    figures = [(QCoreApplication.translate("payroll_text", name), value) for name, value in names]
    rows.extend(_row([name, _money(value)]) for name, value in figures)
    return "".join(rows)


def _bonus_rows(d: SlipDetail) -> str:
    """A 全年一次性奖金 taxed separately: its own figure, beside the cumulative withholding."""
    wages = d.tax - d.bonus_tax
    return "".join(
        [
            _row(
                [
                    QCoreApplication.translate("payroll_text", "Tax on wages this month"),
                    _money(wages),
                ]
            ),
            _row(
                [
                    QCoreApplication.translate("payroll_text", "Year-end bonus taxed separately"),
                    _money(d.bonus_income),
                ]
            ),
            _row(
                [
                    QCoreApplication.translate(
                        "payroll_text", "Tax on the bonus (monthly table on bonus ÷ 12)"
                    ),
                    _money(d.bonus_tax),
                ]
            ),
        ]
    )
