"""The import preview's tables as data: columns of new workers, field changes, problems (shared
with every sheet import: ``widgets.problems``), units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import formatting as fmt
from ui.desktop.widgets.models import CODE, RIGHT, Column
from ui.desktop.widgets.problems import PROBLEM_COLUMNS

if TYPE_CHECKING:
    from workforce.services.roster.importing import ImportPlan


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One field of one updated worker: the 更新 tab lists one line per changed field."""

    row: int
    worker_id: int
    name: str
    id_number: str
    label: str
    old: object
    new: object


def change_lines(plan: ImportPlan) -> list[ChangeLine]:
    return [
        ChangeLine(
            update.row,
            update.worker_id,
            update.name,
            update.id_number,
            change.label,
            change.old,
            change.new,
        )
        for update in plan.updates
        for change in update.changes
    ]


CREATE_COLUMNS: tuple[Column[object], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Row"), lambda c: str(c.row), lambda c: c.row, RIGHT, 56),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda c: c.name, width=90),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda c: c.id_number, width=170, kind=CODE),
    Column(QT_TRANSLATE_NOOP("columns", "Unit"), lambda c: c.unit_path, width=300),
)  # type: ignore[attr-defined]

CHANGE_COLUMNS: tuple[Column[ChangeLine], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Row"), lambda c: str(c.row), lambda c: c.row, RIGHT, 56),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda c: c.name, width=90),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda c: c.id_number, width=170, kind=CODE),
    Column(QT_TRANSLATE_NOOP("columns", "Field"), lambda c: c.label, width=120),
    Column(QT_TRANSLATE_NOOP("columns", "Old value"), lambda c: fmt.change_text(c.old), width=180),
    Column(QT_TRANSLATE_NOOP("columns", "New value"), lambda c: fmt.change_text(c.new), width=180),
)

__all__ = [
    "CHANGE_COLUMNS",
    "CREATE_COLUMNS",
    "PROBLEM_COLUMNS",
    "UNIT_COLUMNS",
    "ChangeLine",
    "change_lines",
    "summary_text",
]

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
