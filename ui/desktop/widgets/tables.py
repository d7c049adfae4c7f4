"""Read-only tables over ``RowsTableModel`` as every screen shows them, and the look they share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.desktop.widgets.models import RowsTableModel

# how long a search box waits after the last key before it filters
SEARCH_DELAY_MS = 150
# a notice above a table (a draft run, a month not yet calculated …)
BANNER = "QLabel { background: #fff8e1; border: 1px solid #f0d58c; padding: 6px; }"


def make_table(model: RowsTableModel[Any], *, sortable: bool = False) -> QTableView:
    """A read-only table over a ``RowsTableModel``, sized from its columns; a sortable one starts
    in the model's own order."""
    table = QTableView()
    table.setModel(model)
    if sortable:
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    for number, column in enumerate(model.columns):
        table.setColumnWidth(number, column.width)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table
