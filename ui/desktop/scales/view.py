"""薪酬标准: the scale's versions; one version as a level × post table (double-click an amount to
correct it while no applied adjustment used the version); two versions compared, differences
highlighted; and a new version imported from a spreadsheet."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from types import EllipsisType

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.scales.models import ScaleGridModel, comparison_grid, version_grid
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.scales.admin import ScaleComparison, ScaleDetail, ScaleInfo

VERSION_COLUMNS: tuple[Column[ScaleInfo], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Effective"),
        lambda s: fmt.date_text(s.effective_date),
        align=CENTRE,
        width=90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Used"), lambda s: fmt.yes_no(s.in_use), align=CENTRE, width=50
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Amounts"), lambda s: str(s.amounts), align=RIGHT, width=50
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Scale"), lambda s: s.name, width=190),
)


def grid_view(model: ScaleGridModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.horizontalHeader().setMinimumHeight(view.fontMetrics().height() * 2 + 12)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class ScaleView(QDialog):
    """Versions left; the chosen version's table and the comparison right."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.detail: ScaleDetail | None = None
        self.comparison: ScaleComparison | None = None
        self.setWindowTitle(self.tr("Pay scales"))
        fit_window(self, 1100, 700)
        self.versions: RowsTableModel[ScaleInfo] = RowsTableModel(VERSION_COLUMNS)
        self.version_list = make_table(self.versions, settings_key="scale-versions")
        self.table_model = ScaleGridModel()
        self.table = grid_view(self.table_model)
        self.table_info = QLabel()
        self.table_info.setWordWrap(True)
        self.old = QComboBox()
        self.new = QComboBox()
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_model = ScaleGridModel()
        self.compare_table = grid_view(self.compare_model)
        self.compare_info = QLabel()
        self.edit_button = QPushButton(self.tr("Correct amount…"))
        self.import_button = QPushButton(self.tr("Import a new version…"))
        self.tabs = QTabWidget()
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        table_page = QWidget()
        column = QVBoxLayout(table_page)
        column.addWidget(self.table_info)
        column.addWidget(self.table, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)
        column.addLayout(edit_row)
        compare_page = QWidget()
        versions = QFormLayout()
        versions.addRow(self.tr("Older"), self.old)
        versions.addRow(self.tr("Newer"), self.new)
        pick = QHBoxLayout()
        pick.addLayout(versions, 1)
        pick.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignBottom)
        compared = QVBoxLayout(compare_page)
        compared.addLayout(pick)
        compared.addWidget(self.compare_info)
        compared.addWidget(self.compare_table, 1)
        self.tabs.addTab(table_page, self.tr("Version"))
        self.tabs.addTab(compare_page, self.tr("Compare versions"))
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Versions")))
        side.addWidget(self.version_list, 1)
        side.addWidget(self.import_button)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 680])
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.version_list.selectionModel().selectionChanged.connect(lambda *_: self.show_version())
        self.compare_button.clicked.connect(self.compare)
        self.table.doubleClicked.connect(lambda _index: self.edit_amount())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.edit_button.clicked.connect(self.edit_amount)
        self.import_button.clicked.connect(self.import_file)

    def _allowed(self) -> bool:
        return is_allowed(self.actor.role, Action.EDIT_CONFIGURATION)

    # -- versions -------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        from workforce.services.scales.admin import list_scales

        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[ScaleInfo]:
            return list_scales(db)

        run_task(
            self,
            operation,
            lambda infos: self._listed(infos, select),
            label=self.tr("Reading the scales…"),
            cancellable=False,
        )

    def _listed(self, infos: list[ScaleInfo], select: int | None) -> None:
        current = self.selected_info()
        keep = select if select is not None else (current.scale_id if current else None)
        self.versions.set_rows(infos)
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            combo.clear()
            for info in infos:
                combo.addItem(f"{fmt.date_text(info.effective_date)}  {info.name}", info.scale_id)
            combo.blockSignals(False)
        self.old.setCurrentIndex(max(len(infos) - 2, 0))
        self.new.setCurrentIndex(max(len(infos) - 1, 0))
        row = next((n for n, i in enumerate(infos) if i.scale_id == keep), len(infos) - 1)
        if row >= 0:
            self.version_list.selectRow(row)
        self.import_button.setEnabled(self._allowed())

    def selected_info(self) -> ScaleInfo | None:
        rows = self.version_list.selected_rows()
        return rows[0] if rows else None

    def show_version(self) -> None:
        from workforce.services.scales.admin import scale_table

        info = self.selected_info()
        if info is None:
            return
        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> ScaleDetail:
            return scale_table(db, info.scale_id)

        run_task(
            self, operation, self._shown, label=self.tr("Reading the scale…"), cancellable=False
        )

    def _shown(self, detail: ScaleDetail) -> None:
        self.detail = detail
        self.table_model.set_grid(version_grid(detail.version))
        info = detail.info
        text = (
            self.tr("%1, effective %2: monthly 岗位等级工资 in yuan.")
            .replace("%1", info.name)
            .replace("%2", fmt.date_text(info.effective_date))
        )
        if info.in_use:
            text = fmt.sentences(
                text,
                self.tr(
                    "An applied adjustment used this version: it can no longer be corrected; "
                    "import a new version instead."
                ),
            )
        self.table_info.setText(text)
        self._update()

    def _update(self) -> None:
        editable = self.detail is not None and not self.detail.info.in_use and self._allowed()
        selected = self.table.selectionModel().selectedIndexes()
        cell = self.table_model.post_level(selected[0]) if selected else None
        self.edit_button.setEnabled(editable and cell is not None)

    # -- compare, correct, import ---------------------------------------------------------------
    def compare(self) -> None:
        from workforce.services.scales.admin import compare

        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            return
        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> ScaleComparison:
            return compare(db, int(old), int(new))

        run_task(self, operation, self._compared, label=self.tr("Comparing…"), cancellable=False)

    def _compared(self, comparison: ScaleComparison) -> None:
        self.comparison = comparison
        self.compare_model.set_grid(comparison_grid(comparison.differences))
        self.compare_info.setText(
            self.tr("%1 of %2 amounts differ (highlighted: raised, lowered, added).")
            .replace("%1", fmt.count_text(len(comparison.changed)))
            .replace("%2", fmt.count_text(len(comparison.differences)))
        )
        self.tabs.setCurrentIndex(1)

    def edit_amount(self) -> None:
        from workforce.services.scales.admin import set_amount

        selected = self.table.selectionModel().selectedIndexes()
        cell = self.table_model.post_level(selected[0]) if selected else None
        if cell is None or self.detail is None or not self.edit_button.isEnabled():
            return
        post, level = cell
        current = self.table_model.data(selected[0])
        header = str(self.table_model.headerData(selected[0].column(), Qt.Orientation.Horizontal))
        amount, ok = QInputDialog.getText(
            self,
            self.tr("Correct amount"),
            self.tr("%1, level %2: monthly amount in yuan")
            .replace("%1", header.split("\n", maxsplit=1)[0])
            .replace("%2", str(level)),
            text=str(current or "").replace(",", ""),
        )
        if not ok or not amount.strip():
            return
        db, actor, scale_id = self.db, self.actor, self.detail.info.scale_id
        shown = str(current or "").replace(",", "").strip()
        try:  # refused if someone else corrected it since it was shown
            seen: Decimal | EllipsisType | None = Decimal(shown) if shown else None
        except InvalidOperation:
            seen = ...

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> None:
            set_amount(db, actor, scale_id, post, level, amount.strip(), expected=seen)

        run_task(
            self,
            operation,
            lambda _none: self.show_version(),
            label=self.tr("Saving the amount…"),
            cancellable=False,
        )

    def import_file(self) -> None:
        from ui.desktop.scales.import_sheet import import_scale_file

        import_scale_file(self, self.db, self.actor, on_done=self.refresh)
