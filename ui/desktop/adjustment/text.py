"""Adjustment values as the screens show them: money, 万元, a line's status, the detail pane.

(The figures follow ``ui.formatting``'s habits; these live beside the adjustment screens until the
lead folds the money helpers into ``ui/formatting.py``.)
"""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ui import formatting as fmt
from workforce.domain.adjustment.plan import ten_thousand_yuan
from workforce.services.adjustment.views import RunLine, RunOverview

CONTEXT = "adjust"
CHANGED, OVERRIDDEN, EXCLUDED, BLOCKED, UNCHANGED = (
    "changed",
    "overridden",
    "excluded",
    "blocked",
    "unchanged",
)
KIND_NAMES = {
    CHANGED: QT_TRANSLATE_NOOP("adjust", "Moves"),
    OVERRIDDEN: QT_TRANSLATE_NOOP("adjust", "Level set by hand"),
    EXCLUDED: QT_TRANSLATE_NOOP("adjust", "Excluded"),
    BLOCKED: QT_TRANSLATE_NOOP("adjust", "Blocked"),
    UNCHANGED: QT_TRANSLATE_NOOP("adjust", "No change"),
}
KIND_COLOURS = {
    OVERRIDDEN: QColor("#1a56a8"),
    EXCLUDED: QColor("#7a7a7a"),
    BLOCKED: QColor("#8a5a00"),
}


def translated(text: str) -> str:
    """A string marked with ``QT_TRANSLATE_NOOP("adjust", …)``, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def kind(line: RunLine) -> str:
    if line.excluded:
        return EXCLUDED
    if line.changed:
        return OVERRIDDEN if line.overridden else CHANGED
    return BLOCKED if line.blocked else UNCHANGED


def kind_text(line: RunLine) -> str:
    return translated(KIND_NAMES[kind(line)])


money = fmt.yuan_text
signed_money = fmt.signed_yuan_text


def wan(amount: Decimal) -> str:
    """万元 to two decimals, as cities publish it: 1,388.72."""
    return f"{ten_thousand_yuan(amount):,.2f}"


def post_level(post_name: str, level: int) -> str:
    return f"{post_name} {fmt.level_text(level)}"


def summary_html(o: RunOverview) -> str:
    """The figures a city reports, and the run's state, in two lines."""
    head = (
        QCoreApplication.translate("adjust", "Run %1 · %2 · effective %3 · %4")
        .replace("%1", str(o.run_id))
        .replace("%2", QCoreApplication.translate("adjust", "year %1").replace("%1", str(o.year)))
        .replace("%3", fmt.date_text(o.effective_date))
        .replace("%4", o.status_name)
    )
    figures = (
        QCoreApplication.translate(
            "adjust", "<b>%1</b> person-times, yearly cost <b>%2</b> yuan (<b>%3</b> 10k yuan)"
        )
        .replace("%1", fmt.count_text(o.person_times))
        .replace("%2", money(o.yearly_cost))
        .replace("%3", wan(o.yearly_cost))
    )
    others = (
        QCoreApplication.translate("adjust", "blocked %1 · excluded %2 · set by hand %3")
        .replace("%1", fmt.count_text(o.blocked))
        .replace("%2", fmt.count_text(o.excluded))
        .replace("%3", fmt.count_text(o.overridden))
    )
    return f"<div style='font-size:15px'>{figures}</div><div>{html.escape(head)} · {others}</div>"


def _section(title: str, items: tuple[str, ...] | list[str], colour: str = "") -> str:
    if not items:
        return ""
    style = f" style='color:{colour}'" if colour else ""
    entries = "".join(f"<li{style}>{html.escape(item)}</li>" for item in items)
    return f"<p><b>{html.escape(title)}</b></p><ol style='margin-left:-20px'>{entries}</ol>"


YUAN = QT_TRANSLATE_NOOP("adjust", "%1 yuan")
DETAIL_LABELS = (
    QT_TRANSLATE_NOOP("adjust", "ID number"),
    QT_TRANSLATE_NOOP("adjust", "Unit"),
    QT_TRANSLATE_NOOP("adjust", "Before"),
    QT_TRANSLATE_NOOP("adjust", "After"),
    QT_TRANSLATE_NOOP("adjust", "Proposed by the rules"),
    QT_TRANSLATE_NOOP("adjust", "Monthly change"),
    QT_TRANSLATE_NOOP("adjust", "Yearly change"),
    QT_TRANSLATE_NOOP("adjust", "Status"),
)


def detail_html(line: RunLine) -> str:
    """Everything about one person of the run, for the review's detail pane."""
    e = html.escape
    values = (
        line.id_number,
        f"{line.district} / {line.street} / {line.community}",
        post_level(line.old_post_name, line.old_level),
        post_level(line.new_post_name, line.new_level),
        fmt.level_text(line.proposed_level),
        translated(YUAN).replace("%1", signed_money(line.counted_monthly)),
        translated(YUAN).replace("%1", signed_money(line.counted_yearly)),
        kind_text(line),
    )
    table = "".join(
        f"<tr><td style='color:#555;padding-right:10px'>{e(translated(k))}</td><td>{e(v)}</td></tr>"
        for k, v in zip(DETAIL_LABELS, values, strict=True)
    )
    parts = [f"<h3 style='margin:0'>{e(line.name)}</h3><table>{table}</table>"]
    reasons = QCoreApplication.translate("adjust", "Reasons")
    nothing = QCoreApplication.translate("adjust", "No reason to move.")
    parts.append(_section(reasons, line.reasons) or f"<p>{e(nothing)}</p>")
    parts.append(_section(QCoreApplication.translate("adjust", "Notes"), line.notes, "#8a5a00"))
    if line.override_reason:
        title = QCoreApplication.translate("adjust", "Clerk's decision")
        decision = translated(KIND_NAMES[EXCLUDED if line.excluded else OVERRIDDEN])
        parts.append(f"<p><b>{e(title)}</b>: {e(decision)}<br>{e(line.override_reason)}</p>")
    return "".join(parts)
