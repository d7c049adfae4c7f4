"""调级批次: every adjustment run with its status; open one in the wizard, revert an applied run
as a whole (with a written reason), or delete a plan that was never applied."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.adjustment import text as adjust_text
from ui.desktop.adjustment.columns import RUN_COLUMNS
from ui.desktop.adjustment.override import ReasonDialog
from ui.desktop.widgets.models import RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.adjustment.run import APPLIED, PREPARED, SUPERSEDED
from workforce.services.adjustment.screens import RunInfo, RunState, list_runs, load_run
from workforce.services.context import Actor, Database


class AdjustRunsDialog(QDialog):
    """The run list. ``changed`` fires when a revert wrote workers' levels back."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(self.tr("Adjustment runs"))
        fit_window(self, 1080, 460)
        self.model: RowsTableModel[RunInfo] = RowsTableModel(RUN_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="adjustment-runs",
            actions=lambda: (self.open_button, self.revert_button, self.discard_button),
        )
        self.count = QLabel()
        self.open_button = QPushButton(self.tr("Open…"))
        self.revert_button = QPushButton(self.tr("Revert…"))
        self.discard_button = QPushButton(self.tr("Delete plan"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.revert_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.revert_button.clicked.connect(self.revert_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.refresh_button.clicked.connect(self.refresh)
        close.clicked.connect(self.close)
        self._update()
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[RunInfo]:
            return list_runs(db, actor)

        run_task(
            self, operation, self._loaded, label=self.tr("Reading the runs…"), cancellable=False
        )

    def _loaded(self, runs: list[RunInfo]) -> None:
        selected = self.selected()
        self.model.set_rows(runs)
        self.count.setText(self.tr("%1 runs").replace("%1", fmt.count_text(len(runs))))
        keep = selected.run_id if selected else None
        for number, run in enumerate(runs):
            if run.run_id == keep or keep is None:
                self.table.selectRow(number)
                break
        self._update()

    def selected(self) -> RunInfo | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def _update(self) -> None:
        run = self.selected()
        self.open_button.setEnabled(run is not None)
        self.revert_button.setEnabled(run is not None and run.status == APPLIED)
        self.discard_button.setEnabled(run is not None and run.status in (PREPARED, SUPERSEDED))

    def open_selected(self) -> None:
        from ui.desktop.adjustment.wizard import AdjustWizard

        run = self.selected()
        if run is None:
            return
        wizard = AdjustWizard(self.db, self.actor, run_id=run.run_id, parent=self)
        wizard.changed.connect(self.changed)
        wizard.finished.connect(lambda _code: self.refresh())
        wizard.show()

    def revert_selected(self) -> None:
        """撤销 after the numbers it takes back (人次, 月增, 年增) and a reason."""
        run = self.selected()
        if run is None or run.status != APPLIED:
            return
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RunState:
            return load_run(db, run.run_id, actor=actor)

        run_task(
            self,
            operation,
            lambda state: self._revert(run, state),
            label=self.tr("Reading run %1…").replace("%1", str(run.run_id)),
            cancellable=False,
        )

    def _revert(self, run: RunInfo, state: RunState) -> None:
        from workforce.services.adjustment.apply import revert_run

        dialog = ReasonDialog(
            self.tr("Revert run %1").replace("%1", str(run.run_id)),
            self.tr(
                "Reverting restores the post and level every worker of run %1 had before it, "
                "taking back %2. It is refused if a payroll already used the run or if someone "
                "was changed since."
            )
            .replace("%1", str(run.run_id))
            .replace("%2", adjust_text.change_in_numbers(state.overview, state.lines)),
            self,
            action=self.tr("Revert"),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        db, actor, reason = self.db, self.actor, dialog.reason()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> int:
            return revert_run(db, actor, run.run_id, reason)

        def done(restored: int) -> None:
            QMessageBox.information(
                self,
                self.tr("Revert run %1").replace("%1", str(run.run_id)),
                self.tr("The run was reverted: %1 workers restored.").replace(
                    "%1", fmt.count_text(restored)
                ),
            )
            self.changed.emit()
            self.refresh()

        run_task(self, operation, done, label=self.tr("Reverting…"), cancellable=False)

    def discard_selected(self) -> None:
        from workforce.services.adjustment.apply import discard_run

        run = self.selected()
        if run is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete plan"),
            self.tr("Delete the plan of run %1? Nobody's level has been changed by it.").replace(
                "%1", str(run.run_id)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> None:
            discard_run(db, actor, run.run_id)

        run_task(
            self,
            operation,
            lambda _none: self.refresh(),
            label=self.tr("Deleting…"),
            cancellable=False,
        )
