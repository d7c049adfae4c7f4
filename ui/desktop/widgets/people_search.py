"""The picker both the payroll inputs and the training list use: a unit's workers narrowed by
name or 身份证号, read off the GUI thread, several chosen at once. Subclasses say what to read
(``operation``) and how to show it (``show``); the dialog itself writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.widgets.models import Column, RowsTableModel
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn


class _Person(Protocol):
    @property
    def worker_id(self) -> int: ...


R = TypeVar("R", bound=_Person)
Operation = Callable[[ProgressFn, CancelToken], list[Any]]


class PeopleSearch(QDialog, Generic[R]):
    """选择人员: a search line, Search and Select all, the table, a count and OK/Cancel.
    ``loaded`` is False while a search runs."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        unit_name: str,
        unit_note: str = "",
        above_table: Sequence[QWidget] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or ID number"))
        find = QPushButton(self.tr("Search"))
        select_all = QPushButton(self.tr("Select all"))
        self.model: RowsTableModel[R] = RowsTableModel(tuple(columns))
        self.table = make_table(self.model, sortable=True, settings_key="people-picker")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        unit = self.tr("Unit: %1").replace("%1", unit_name or self.tr("All"))
        top = QHBoxLayout()
        top.addWidget(QLabel(f"{unit} · {unit_note}" if unit_note else unit))
        top.addWidget(self.search, 1)
        top.addWidget(find)
        top.addWidget(select_all)
        column = QVBoxLayout(self)
        column.addLayout(top)
        for widget in above_table:
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        column.addWidget(buttons)
        find.clicked.connect(self.load)
        self.search.returnPressed.connect(self.load)
        select_all.clicked.connect(self.table.selectAll)

    def operation(self, text: str) -> Operation:
        """What reads the rows matching ``text`` (run off the GUI thread)."""
        raise NotImplementedError

    def show_rows(self, rows: list[R]) -> None:
        """Show the rows found (and the count)."""
        raise NotImplementedError

    def load(self) -> None:
        self.loaded = False
        run_task(
            self, self.operation(self.search.text()), self._found, label=self.tr("Finding workers…")
        )

    def _found(self, rows: list[R]) -> None:
        self.show_rows(rows)
        self.loaded = True

    def chosen(self) -> list[int]:
        """The chosen rows' worker ids, in table order."""
        return [row.worker_id for row in self.table.selected_rows()]
