"""The import preview's tables as data: columns of new workers, field changes, problems, units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ui import formatting as fmt
from ui.desktop.widgets.models import CENTRE, RIGHT, Column
from workforce.domain.problems import Problem

if TYPE_CHECKING:
    from workforce.services.roster.importing import ImportPlan

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#b26a00")


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One field of one updated worker: the 更新 tab lists one line per changed field."""

    row: int
    name: str
    id_number: str
    label: str
    old: object
    new: object


def change_lines(plan: ImportPlan) -> list[ChangeLine]:
    return [
        ChangeLine(update.row, update.name, update.id_number, change.label, change.old, change.new)
        for update in plan.updates
        for change in update.changes
    ]


def _severity_colour(problem: Problem) -> QColor:
    return ERROR_COLOUR if problem.is_error else WARNING_COLOUR


def _severity_text(problem: Problem) -> str:
    if problem.is_error:
        return QCoreApplication.translate("import", "Error")
    return QCoreApplication.translate("import", "Warning")


def _row_text(row: int | None) -> str:
    return "" if row is None else str(row)


CREATE_COLUMNS: tuple[Column[object], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Row"), lambda c: str(c.row), lambda c: c.row, RIGHT, 56),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda c: c.name, width=90),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda c: c.id_number, width=170),
    Column(QT_TRANSLATE_NOOP("columns", "Unit"), lambda c: c.unit_path, width=300),
)  # type: ignore[attr-defined]

CHANGE_COLUMNS: tuple[Column[ChangeLine], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Row"), lambda c: str(c.row), lambda c: c.row, RIGHT, 56),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda c: c.name, width=90),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda c: c.id_number, width=170),
    Column(QT_TRANSLATE_NOOP("columns", "Field"), lambda c: c.label, width=120),
    Column(QT_TRANSLATE_NOOP("columns", "Old value"), lambda c: fmt.change_text(c.old), width=180),
    Column(QT_TRANSLATE_NOOP("columns", "New value"), lambda c: fmt.change_text(c.new), width=180),
)

PROBLEM_COLUMNS: tuple[Column[Problem], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Severity"),
        _severity_text,
        lambda p: not p.is_error,
        CENTRE,
        64,
        _severity_colour,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Sheet"), lambda p: p.where.sheet, width=140),
    Column(
        QT_TRANSLATE_NOOP("columns", "Row"),
        lambda p: _row_text(p.where.row),
        lambda p: p.where.row or 0,
        RIGHT,
        56,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Column"), lambda p: p.where.column, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Value"), lambda p: p.where.value, width=170),
    Column(
        QT_TRANSLATE_NOOP("columns", "Reason"),
        lambda p: p.message,
        width=400,
        colour=_severity_colour,
    ),
)

UNIT_COLUMNS: tuple[Column[str], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street / community / grid"), lambda path: path, width=400),
)


def summary_text(plan: ImportPlan) -> str:
    errors = sum(1 for p in plan.problems if p.is_error)
    warnings = len(plan.problems) - errors
    text = (
        QCoreApplication.translate(
            "import",
            "Sheet “%1”, %2 rows: %3 new, %4 to update, %5 unchanged; %6 errors, %7 warnings.",
        )
        .replace("%1", plan.sheet)
        .replace("%2", fmt.count_text(plan.total_rows))
        .replace("%3", fmt.count_text(len(plan.creates)))
        .replace("%4", fmt.count_text(len(plan.updates)))
        .replace("%5", fmt.count_text(plan.unchanged))
        .replace("%6", fmt.count_text(errors))
        .replace("%7", fmt.count_text(warnings))
    )
    if plan.unmapped_headers:
        text += "\n" + QCoreApplication.translate(
            "import", "Columns not recognised (ignored): %1"
        ).replace("%1", "、".join(plan.unmapped_headers))
    return text
