"""The dashboard's table of the units one level down, a thin model over ``UnitRow``s."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import formatting as fmt
from ui.desktop.widgets.models import RIGHT, Column, RowsTableModel
from workforce.domain.stats.breakdown import UnitRow

UNIT_COLUMNS: tuple[Column[UnitRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Unit"), lambda r: r.name, width=140),
    Column(
        QT_TRANSLATE_NOOP("columns", "In post"),
        lambda r: fmt.count_text(r.current.headcount),
        lambda r: r.current.headcount,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Year on year"),
        lambda r: fmt.signed_count_text(r.change.headcount),
        lambda r: r.change.headcount,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Bachelor+"),
        lambda r: fmt.percent_text(r.current.bachelor_or_above_ratio),
        lambda r: r.current.bachelor_or_above_ratio,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Average age"),
        lambda r: str(r.current.average_age),
        lambda r: r.current.average_age,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Under 35"),
        lambda r: fmt.percent_text(r.current.under_35_ratio),
        lambda r: r.current.under_35_ratio,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Certified"),
        lambda r: fmt.percent_text(r.current.certified_ratio),
        lambda r: r.current.certified_ratio,
        RIGHT,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Committee"),
        lambda r: fmt.percent_text(r.current.committee_ratio),
        lambda r: r.current.committee_ratio,
        RIGHT,
    ),
)


class UnitRowsModel(RowsTableModel[UnitRow]):
    def __init__(self, rows: Sequence[UnitRow] = ()) -> None:
        super().__init__(UNIT_COLUMNS, rows)

    def unit_at(self, row: int) -> int | None:
        return self.row_at(row).unit_id
