"""One worker's payslip of a month, explained as HTML (the pay lines, 五险一金 and the cumulative
withholding figures: "why did my tax change"): the payroll review's drill-down and the 工资 tab of
the worker's file show the same text."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import formatting as fmt
from workforce.domain.payroll.opening_sheet import OpeningFigures
from workforce.services.payroll.screens import SlipDetail


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
