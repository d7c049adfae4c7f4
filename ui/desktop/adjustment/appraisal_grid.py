"""考核结果录入: a community and a year → one row per worker in post, a grade from the region's
scheme in each, saved through ``record_appraisals``. The 优秀 count is shown against the quota as
grades are chosen; the service's quota warning is shown after saving (the grades are kept)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.adjustment.appraisal import allowed_excellent, appraisal_year_at
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.adjustment.appraisals import AppraisalEntry, AppraisalResult
from workforce.services.adjustment.screens import (
    Community,
    GradeRow,
    GradeSheet,
    communities,
    community_grades,
)
from workforce.services.context import Actor, Database

Index = QModelIndex | QPersistentModelIndex
GRADE_COLUMN = 5
EDITED = QColor("#fff4c2")  # a grade chosen and not saved yet
WARN = "QLabel { background: #fff8e1; border: 1px solid #f0d58c; padding: 6px; }"
GRADE_COLUMNS: tuple[Column[GradeRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=90),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=170),
    Column(QT_TRANSLATE_NOOP("columns", "Post"), lambda r: r.post_name, width=130),
    Column(QT_TRANSLATE_NOOP("columns", "Level"), lambda r: str(r.level), align=RIGHT, width=50),
    Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda r: r.status, align=CENTRE, width=56),
    Column(QT_TRANSLATE_NOOP("columns", "Appraisal"), lambda r: r.grade or "", width=120),
)


class GradeModel(RowsTableModel[GradeRow]):
    """The rows of a community; the grade column is editable and edits are kept until saved."""

    def __init__(self) -> None:
        super().__init__(GRADE_COLUMNS)
        self.edits: dict[int, str] = {}

    def set_rows(self, rows: Any) -> None:
        self.edits = {}
        super().set_rows(rows)

    def grade(self, row: GradeRow) -> str:
        return self.edits.get(row.worker_id, row.grade or "")

    def cell_text(self, row: GradeRow, column: int) -> str:
        return self.grade(row) if column == GRADE_COLUMN else super().cell_text(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return EDITED if self.row_at(index.row()).worker_id in self.edits else None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == GRADE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() != GRADE_COLUMN:
            return False
        row = self.row_at(index.row())
        grade = str(value or "")
        if grade == (row.grade or "") or not grade:
            self.edits.pop(row.worker_id, None)
        else:
            self.edits[row.worker_id] = grade
        first, last = self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
        return True

    def entries(self) -> list[AppraisalEntry]:
        return [AppraisalEntry(worker, grade) for worker, grade in self.edits.items()]


class GradeDelegate(QStyledItemDelegate):
    """A combo of the scheme's grades; an empty choice means not entered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grades: tuple[str, ...] = ()

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("", "")
        for grade in self.grades:
            combo.addItem(grade, grade)
        combo.currentIndexChanged.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(editor.findData(index.data() or ""), 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class AppraisalGrid(QDialog):
    """A community's grades for a year; ``saved`` holds the last save's result."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.sheet: GradeSheet | None = None
        self.saved: AppraisalResult | None = None
        today = today or dt.date.today()
        self.setWindowTitle(self.tr("Appraisal entry"))
        fit_window(self, 820, 620)
        self.community = QComboBox()
        self.community.setMinimumWidth(260)
        self.year = QSpinBox()
        self.year.setRange(2000, today.year)
        self.year.setValue(appraisal_year_at(today))  # in December: this year's 考核
        self.model = GradeModel()
        self.delegate = GradeDelegate(self)
        self.table = make_table(
            self.model, settings_key="appraisal-grades", person=lambda row: row.worker_id
        )
        self.table.setItemDelegateForColumn(GRADE_COLUMN, self.delegate)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.quota = QLabel()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARN)
        self.warnings.setVisible(False)
        self.save_button = QPushButton(self.tr("Save grades"))
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Community")))
        top.addWidget(self.community, 1)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        bottom = QHBoxLayout()
        bottom.addWidget(self.quota, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(bottom)
        self.community.currentIndexChanged.connect(lambda _i: self._other_sheet())
        self.year.valueChanged.connect(lambda _y: self._other_sheet())
        self.model.dataChanged.connect(lambda *_: self._update())
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.close)
        self._update()
        self._load_communities()

    def _load_communities(self) -> None:
        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[Community]:
            return communities(db)

        def done(found: list[Community]) -> None:
            self.community.blockSignals(True)
            for item in found:
                self.community.addItem(item.label, item.community_id)
            self.community.blockSignals(False)
            self.load()

        run_task(
            self, operation, done, label=self.tr("Reading the communities…"), cancellable=False
        )

    def _other_sheet(self) -> None:
        self.warnings.setVisible(False)  # the last save's warning is about the sheet left
        self.load()

    def load(self) -> None:
        community, year = self.community.currentData(), self.year.value()
        if community is None:
            return
        if self.model.edits and not self._discard_edits():
            return
        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> GradeSheet:
            return community_grades(db, int(community), year)

        run_task(
            self, operation, self._show, label=self.tr("Reading the grades…"), cancellable=False
        )

    def _discard_edits(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Appraisal entry"), self.tr("Discard the grades not saved yet?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show(self, sheet: GradeSheet) -> None:
        self.sheet = sheet
        self.delegate.grades = sheet.scheme.names
        self.model.set_rows(sheet.rows)
        for number in range(len(sheet.rows)):
            self.table.openPersistentEditor(self.model.index(number, GRADE_COLUMN))
        self._update()

    def _update(self) -> None:
        sheet = self.sheet
        self.save_button.setEnabled(bool(self.model.edits))
        if sheet is None:
            self.quota.setText("")
            return
        excellent = sheet.scheme.excellent
        count = sum(1 for row in self.model.rows if self.model.grade(row) == excellent)
        most = allowed_excellent(sheet.scheme, len(sheet.rows))
        entered = sum(1 for row in self.model.rows if self.model.grade(row))
        text = (
            self.tr("%1 workers, %2 graded · %3: %4 (quota %5%, at most %6)")
            .replace("%1", fmt.count_text(len(sheet.rows)))
            .replace("%2", fmt.count_text(entered))
            .replace("%3", excellent)
            .replace("%4", str(count))
            .replace("%5", f"{sheet.scheme.excellent_quota * 100:.0f}")
            .replace("%6", str(most))
        )
        if self.model.edits:
            text += " · " + self.tr("%1 not saved").replace("%1", str(len(self.model.edits)))
        self.quota.setText(text)
        self.quota.setStyleSheet("color: #b71c1c; font-weight: bold;" if count > most else "")
        if count <= most:  # the quota warning of the last save no longer holds
            self.warnings.setVisible(False)

    def save(self) -> None:
        from workforce.services.adjustment.appraisals import record_appraisals

        entries = self.model.entries()
        if not entries or self.sheet is None:
            return
        db, actor, year = self.db, self.actor, self.sheet.year

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> AppraisalResult:
            return record_appraisals(db, actor, year, entries)

        def done(result: AppraisalResult) -> None:
            self.saved = result
            self.model.edits = {}
            lines = [w.message for w in result.warnings]
            self.warnings.setText("\n".join(lines))
            self.warnings.setVisible(bool(lines))
            self.load()

        run_task(self, operation, done, label=self.tr("Saving the grades…"), cancellable=False)
