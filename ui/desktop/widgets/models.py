"""Thin table models over plain rows, columns defined as data; ``data()`` never queries.

``WorkerTableModel`` shows ``RosterRow``s; ``RowsTableModel`` is the same idea for any rows (the
import preview uses it). Sorting happens on the Python list (PERF-NOTES).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
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
    kind: str = ""
    """``TEXT``, ``NUMBER`` (money too), ``DATE`` or ``CODE`` (ID numbers, accounts, phones: text
    that looks like a number); empty: a right-aligned column holds numbers, any other text."""
    shown: bool = True
    """False: hidden until the clerk shows it from the column chooser (and after 恢复默认列)."""
    stretch: bool = False
    """The column that takes the width the others leave (long text: a name, an opinion); without
    one, the widest text column does."""

    @property
    def value_kind(self) -> str:
        if self.kind:
            return self.kind
        return NUMBER if self.align == RIGHT else TEXT


TEXT, NUMBER, DATE, CODE = "text", "number", "date", "code"
_DIGITS = re.compile(r"(\d+)")
_NOT_NUMBER = str.maketrans("", "", ",¥￥% \u00a0")


def number_value(text: str) -> Decimal | None:
    """The number a cell's text shows (1,234.50, ¥12, -3, 5%), or None."""
    cleaned = text.translate(_NOT_NUMBER)
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def text_key(text: str) -> tuple[Any, ...]:
    """Chinese text in pinyin order (GB18030 orders the 3,755 common characters by pinyin), runs of
    digits by their value (社区9 before 社区10), an empty cell last."""
    if not text:
        return ((1,),)
    parts = _DIGITS.split(text)
    return tuple(
        (0, int(part), b"") if number % 2 else (0, -1, part.encode("gb18030", "replace"))
        for number, part in enumerate(parts)
        if part
    )


def cell_sort_key(kind: str, text: str) -> tuple[Any, ...]:
    """A sort key from a cell's text, in the order its kind calls for; empty cells last."""
    if kind == NUMBER:
        value = number_value(text)
        return (1, text_key(text)) if value is None else (0, value)
    if kind in (DATE, CODE):
        return (not text, text)
    return text_key(text)


def _date_key(value: Any) -> tuple[bool, Any]:
    return (value is None, value or "")


WORKER_COLUMNS: tuple[Column[RosterRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=110, shown=False),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=120),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "Sex"), lambda r: r.sex, align=CENTRE, width=44),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=170, kind=CODE),
    Column(
        QT_TRANSLATE_NOOP("columns", "Date of birth"),
        lambda r: fmt.date_text(r.birth_date),
        lambda r: r.birth_date,
        CENTRE,
        96,
        shown=False,  # the ID number says it
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Political status"),
        lambda r: r.political_status,
        width=90,
        shown=False,
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
        shown=False,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Statutory retirement"),
        lambda r: fmt.date_text(r.retires),
        lambda r: _date_key(r.retires),
        CENTRE,
        100,
        shown=False,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Phone"), lambda r: fmt.text(r.phone), width=110, kind=CODE
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda r: r.status, align=CENTRE, width=56),
)
ID_COLUMN = 4


def _none_last(value: Any) -> tuple[bool, Any]:
    if isinstance(value, str):
        return (False, text_key(value))
    return (value is None, 0 if value is None else value)


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
        if chosen.sort_key is not None:
            explicit = chosen.sort_key
            return lambda row: _none_last(explicit(row))
        kind = chosen.value_kind
        return lambda row: cell_sort_key(kind, self.cell_text(row, column))

    def kind(self, column: int) -> str:
        return self.columns[column].value_kind

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
