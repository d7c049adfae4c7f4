"""The payroll month screen's table as data, its filter and totals; the per-person drill-down
(``detail_html``) is in ``ui.desktop.widgets.slip_detail``, shared with the worker's file."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import formatting as fmt
from ui.desktop.widgets.models import RIGHT, Column
from workforce.domain.money import ZERO
from workforce.domain.problems import Problem
from workforce.services.payroll.calc import Calculation
from workforce.services.payroll.guard import DRAFT, LOCKED
from workforce.services.payroll.lifecycle import Verification
from workforce.services.payroll.screens import ReviewRow
from workforce.services.payroll.views import MonthHeader

NAMES_SHOWN = 10
MISMATCHES_SHOWN = 20


def after_tax(r: ReviewRow) -> Decimal:
    """What the payslip takes from the net besides insurance and tax (税后扣款, 上月欠扣), so
    that the row reads 应发 − 个人社保公积金 − 个税 − 税后扣款 = 实发."""
    return r.gross - r.insurance - r.tax - r.net


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
        QT_TRANSLATE_NOOP("columns", "After tax"),
        lambda r: fmt.yuan_text(after_tax(r)),
        after_tax,
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
    deducted = sum((after_tax(r) for r in rows), ZERO)
    net = sum((r.net for r in rows), ZERO)
    return (
        QCoreApplication.translate(
            "payroll_text",
            "Total of %1 people: gross %2, insurance %3, tax %4, after tax %5, net %6",
        )
        .replace("%1", fmt.count_text(len(rows)))
        .replace("%2", fmt.yuan_text(gross))
        .replace("%3", fmt.yuan_text(insurance))
        .replace("%4", fmt.yuan_text(tax))
        .replace("%5", fmt.yuan_text(deducted))
        .replace("%6", fmt.yuan_text(net))
    )
