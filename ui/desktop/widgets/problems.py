"""A sheet's problems as a table (严重程度, 工作表, 行, 列, 值, 原因) on the shared component, and
below it the selected problem's whole text (a long reason does not fit its column). The roster
import's preview and every other sheet import (``sheet_import``) show them alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.desktop.widgets.models import CENTRE, CODE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.tables import DataTable, make_table
from workforce.domain.problems import Problem

ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#b26a00")


def _severity_colour(problem: Problem) -> QColor:
    return ERROR_COLOUR if problem.is_error else WARNING_COLOUR


def _severity_text(problem: Problem) -> str:
    if problem.is_error:
        return QCoreApplication.translate("import", "Error")
    return QCoreApplication.translate("import", "Warning")


def _row_text(row: int | None) -> str:
    return "" if row is None else str(row)


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
    # the cell as the sheet holds it: an ID number or account stays text when copied
    Column(QT_TRANSLATE_NOOP("columns", "Value"), lambda p: p.where.value, width=170, kind=CODE),
    Column(
        QT_TRANSLATE_NOOP("columns", "Reason"),
        lambda p: p.message,
        width=400,
        colour=_severity_colour,
    ),
)


class ProblemsPage(QWidget):
    """The problems table (``table``, model ``model``) and the selected one's whole text
    (``text``); the first problem is selected."""

    def __init__(
        self,
        problems: Sequence[Problem],
        *,
        settings_key: str,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model: RowsTableModel[Problem] = RowsTableModel(PROBLEM_COLUMNS, problems)
        self.table: DataTable = make_table(self.model, settings_key=settings_key, title=title)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text)
        if problems:
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.text.setText(QCoreApplication.translate("problems", "No problems found."))

    def _show(self, current: QModelIndex) -> None:
        # the row as the table shows it now (a header click sorts the rows)
        valid = current.isValid() and current.row() < self.model.rowCount()
        self.text.setText(self.model.row_at(current.row()).describe() if valid else "")

    def lines(self) -> str:
        """Every problem in full, one a line, in the order shown (what the table holds)."""
        return "\n".join(problem.describe() for problem in self.model.rows)
