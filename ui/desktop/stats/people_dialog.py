"""The people behind a dashboard figure (35岁以下, 持证, a level's bar …) as a worker list.

Double-clicking a person selects them in the main window's table (when its filters show them);
打开人员档案 in the right-click menu opens their file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui import formatting as fmt
from ui.desktop.widgets.models import WorkerTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table

if TYPE_CHECKING:
    from workforce.services.roster.query import RosterRow


class PeopleDialog(QDialog):
    worker_chosen = Signal(int)

    def __init__(
        self,
        title: str,
        rows: Sequence[RosterRow],
        *,
        masked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model = WorkerTableModel(rows)
        self.model.set_masked(masked)
        self.count = QLabel(
            self.tr("%1 people. Double-click a person to select them in the worker list.").replace(
                "%1", fmt.count_text(len(rows))
            )
        )
        self.table = make_table(
            self.model,
            settings_key="dashboard-people",
            title=title,
            person=lambda row: row.worker_id,
        )
        self.table.doubleClicked.connect(
            lambda index: self.worker_chosen.emit(self.model.row_at(index.row()).worker_id)
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        column.addWidget(buttons)
        fit_window(self, 1100, 560)
