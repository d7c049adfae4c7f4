"""Thin table models over plain rows, columns defined as data; ``data()`` never queries.

``WorkerTableModel`` shows ``RosterRow``s; ``RowsTableModel`` is the same idea for any rows (the
import preview uses it). Sorting happens on the Python list (PERF-NOTES).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ui import formatting as fmt

if TYPE_CHECKING:
    from workforce.services.roster.query import RosterRow

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter
CONTEXT = "columns"  # translation context of every column header


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its header (English source, translated in ``CONTEXT``), text, sort key."""

    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    width: int = 90
    colour: Callable[[R], QColor | None] | None = None


def _date_key(value: Any) -> tuple[bool, Any]:
    return (value is None, value or "")


WORKER_COLUMNS: tuple[Column[RosterRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=120),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "Sex"), lambda r: r.sex, align=CENTRE, width=44),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=170),
    Column(
        QT_TRANSLATE_NOOP("columns", "Date of birth"),
        lambda r: fmt.date_text(r.birth_date),
        lambda r: r.birth_date,
        CENTRE,
        96,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Political status"), lambda r: r.political_status, width=90
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Highest education"),
        lambda r: fmt.text(r.highest_education),
        width=80,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Duties"), lambda r: fmt.text(r.duties), width=80),
    Column(QT_TRANSLATE_NOOP("columns", "Post"), lambda r: r.post_name, width=140),
    Column(
        QT_TRANSLATE_NOOP("columns", "Level"), lambda r: str(r.level), lambda r: r.level, RIGHT, 50
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Certificate"),
        lambda r: fmt.text(r.certificate_level),
        width=110,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Community start"),
        lambda r: fmt.date_text(r.community_start_date),
        lambda r: _date_key(r.community_start_date),
        CENTRE,
        110,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Phone"), lambda r: fmt.text(r.phone), width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda r: r.status, align=CENTRE, width=56),
)
ID_COLUMN = 4


def header_text(column: Column[Any]) -> str:
    return QCoreApplication.translate(CONTEXT, column.header)


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of plain rows; columns are ``Column``s."""

    def __init__(self, columns: Sequence[Column[R]], rows: Sequence[R] = ()) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self._rows: list[R] = list(rows)

    @property
    def rows(self) -> list[R]:
        return self._rows

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def cell_text(self, row: R, column: int) -> str:
        return self.columns[column].text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return header_text(self.columns[section]) if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def sort_key(self, column: int) -> Callable[[R], Any]:
        chosen = self.columns[column]
        return chosen.sort_key or chosen.text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.sort_key(column)
        old = self._rows
        self.layoutAboutToBeChanged.emit()
        order = sorted(
            range(len(old)),
            key=lambda i: key(old[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        position = [0] * len(old)
        for new_row, old_row in enumerate(order):
            position[old_row] = new_row
        self._rows = [old[i] for i in order]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(position[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()


class WorkerTableModel(RowsTableModel["RosterRow"]):
    """The roster table; ID numbers can be shown masked (110105********002X)."""

    def __init__(self, rows: Sequence[RosterRow] = ()) -> None:
        super().__init__(WORKER_COLUMNS, rows)
        self._masked = False

    def set_masked(self, masked: bool) -> None:
        self._masked = masked
        if self._rows:
            top, bottom = self.index(0, ID_COLUMN), self.index(len(self._rows) - 1, ID_COLUMN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def cell_text(self, row: RosterRow, column: int) -> str:
        if column == ID_COLUMN:
            return fmt.id_number_text(row.id_number, masked=self._masked)
        return self.columns[column].text(row)
