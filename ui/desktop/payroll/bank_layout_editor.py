"""银行代发格式 (工资 → 银行代发格式…): the layouts of the district's banks. Built-in layouts are
shown read-only and can be copied as a new one; the district's own are edited, saved, deleted,
exported as JSON for another district and imported from one. Every change goes through
``workforce.services.payroll.bank_layouts`` (the service checks the layout; its message is shown
in the dialog). A preview shows the first rows of a calculated month's file in the layout on
screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.payroll.bank_layout_files import LayoutFiles
from ui.desktop.payroll.bank_layout_form import LayoutForm
from ui.desktop.payroll.bank_layout_preview import LayoutPreview
from ui.desktop.widgets.screen_fit import fit_window, scrolled
from ui.tasks import run_task, show_error
from workforce.domain.payroll.bank_layout import NAME_LIMIT, STANDARD_COLUMNS, BankLayout
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database

INFO = "QLabel { background: #eef4fb; border: 1px solid #c5d7ee; padding: 6px; }"
WARN = "QLabel { background: #fdecea; border: 1px solid #f5c2c0; padding: 6px; }"


class BankLayoutEditor(LayoutFiles):
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
        self.layouts: list[BankLayout] = []
        self.stored: str | None = None  # the name of the stored layout on the form; None: new
        self.shown_row, self.dirty, self._filling = -1, False, False
        self.setWindowTitle(self.tr("Bank file layouts"))
        fit_window(self, 1100, 820)
        self.list = QListWidget()
        self.form = LayoutForm()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.new_button = QPushButton(self.tr("New"))
        self.copy_button = QPushButton(self.tr("Copy as new"))
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.import_button = QPushButton(self.tr("Import JSON…"))
        self.export_button = QPushButton(self.tr("Export JSON…"))
        self.preview = LayoutPreview(db, actor, self.form.value, today or dt.date.today())
        self._build()
        self.list.currentRowChanged.connect(self._row_chosen)
        self.form.edited.connect(self._edited)
        self.new_button.clicked.connect(lambda _c=False: self.new_layout())
        self.copy_button.clicked.connect(lambda _c=False: self.copy_as_new())
        self.save_button.clicked.connect(lambda _c=False: self.save())
        self.delete_button.clicked.connect(lambda _c=False: self.delete())
        self.import_button.clicked.connect(lambda _c=False: self.import_json())
        self.export_button.clicked.connect(lambda _c=False: self.export_json())

    def _build(self) -> None:
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("Layouts")))
        side.addWidget(self.list, 1)
        for button in (self.new_button, self.copy_button, self.import_button):
            side.addWidget(button)
        right = QWidget()
        main = QVBoxLayout(right)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.form, 1)
        main.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        main.addLayout(actions)
        main.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrolled(right))  # the form and the preview are taller than 768
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 860])  # the layouts' names whole (通用代发格式（Excel）· 内置)
        QVBoxLayout(self).addWidget(splitter)

    # -- reading ------------------------------------------------------------------------------
    def load(self, select: str | None = None) -> None:
        from workforce.services.payroll.bank_layouts import list_layouts

        db = self.db

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[BankLayout]:
            return list_layouts(db)

        run_task(
            self,
            operation,
            lambda layouts: self._listed(layouts, select),
            label=self.tr("Reading the layouts…"),
            cancellable=False,
        )

    def _listed(self, layouts: list[BankLayout], select: str | None) -> None:
        self.layouts = layouts
        self.list.blockSignals(True)
        self.list.clear()
        for layout in layouts:
            tag = self.tr(" · built-in") if layout.builtin else ""
            item = QListWidgetItem(f"{layout.label}{tag}")
            item.setToolTip(layout.description)
            self.list.addItem(item)
        names = [layout.name for layout in layouts]
        self.list.setCurrentRow(names.index(select) if select in names else 0)
        self.list.blockSignals(False)
        self._show_row(self.list.currentRow())

    def _row_chosen(self, row: int) -> None:
        if self._may_discard():
            self._show_row(row)
            return
        self.list.blockSignals(True)  # stay on the layout being edited
        self.list.setCurrentRow(self.shown_row)
        self.list.blockSignals(False)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.layouts):
            return
        layout = self.layouts[row]
        self.stored, self.shown_row = layout.name, row
        self._set_form(layout, read_only=layout.builtin)
        self.form.name.setReadOnly(True)  # a stored layout keeps its name; copy to rename
        self._update_buttons()

    def _set_form(self, layout: BankLayout, *, read_only: bool) -> None:
        self._filling = True
        self.form.set_layout(layout, read_only=read_only)
        self._filling, self.dirty = False, False

    def _edited(self) -> None:
        if not self._filling and not self.form.read_only:
            self.dirty = True

    def _may_discard(self) -> bool:
        """True when nothing is unsaved or the clerk lets the changes go."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Bank file layouts"), self.tr("Discard the changes not saved?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def current(self) -> BankLayout | None:
        row = self.list.currentRow()
        if self.stored is None or not 0 <= row < len(self.layouts):
            return None  # a new layout, not saved yet
        return self.layouts[row]

    def _update_buttons(self) -> None:
        layout = self.current()
        editable = layout is None or not layout.builtin
        self.save_button.setEnabled(editable)
        self.delete_button.setEnabled(layout is not None and not layout.builtin)
        self.export_button.setEnabled(layout is not None)

    def _say(self, text: str, *, refused: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(WARN if refused else INFO)
        self.message.setVisible(bool(text))

    # -- editing ------------------------------------------------------------------------------
    def _edit_new(self, layout: BankLayout) -> None:
        self.stored, self.shown_row = None, -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._set_form(layout, read_only=False)
        self.form.name.setFocus()
        self._update_buttons()

    def new_layout(self) -> None:
        if not self._may_discard():
            return
        blank = BankLayout("", "", "", "xlsx", STANDARD_COLUMNS, ("{unit}{month}工资代发清单",))
        self._edit_new(blank)
        self._say(self.tr("A new layout: enter its name and the bank's columns, then save."))

    def copy_as_new(self) -> None:
        base = self.form.value()
        name = self.tr("%1 (copy)").replace("%1", base.name)[:NAME_LIMIT]
        self._edit_new(replace(base, name=name, description="", builtin=False))
        self._say(
            self.tr("A copy of %1: change what the bank needs, then save.").replace("%1", base.name)
        )

    def save(self) -> None:
        from workforce.services.payroll.bank_layouts import save_layout

        db, actor, layout = self.db, self.actor, self.form.value()
        if self.stored is None and any(x.name == layout.name for x in self.layouts):
            answer = QMessageBox.question(
                self,
                self.tr("Save layout"),
                self.tr("A layout named %1 exists. Replace it?").replace("%1", layout.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._write(
            lambda: save_layout(db, actor, layout).name,
            self.tr("Layout %1 saved."),
            self.tr("Saving the layout…"),
        )

    def _write(self, operation: Callable[[], str | None], said: str, label: str) -> None:
        """A write off the GUI thread; then ``said`` (%1: the name it returns) and the list again
        with that layout chosen, or the service's refusal in the dialog."""

        def done(name: str | None) -> None:
            self._say(said.replace("%1", name or ""))
            self.load(select=name)

        run_task(
            self,
            lambda _p, _c: operation(),
            done,
            label=label,
            on_failed=self._refused,
            cancellable=False,
        )

    def _refused(self, exc: BaseException) -> None:
        """The service's check, in the dialog next to what it names; a bug still pops up."""
        if isinstance(exc, ActionRefused):
            self._say(exc.message, refused=True)
        else:
            show_error(self, exc)

    def delete(self) -> None:
        from workforce.services.payroll.bank_layouts import delete_layout

        layout = self.current()
        if layout is None or layout.builtin:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete layout"),
            self.tr("Delete the layout %1? Bank files already written are not affected.").replace(
                "%1", layout.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, name = self.db, self.actor, layout.name
        said = self.tr("Layout %1 deleted.").replace("%1", name)
        self._write(lambda: delete_layout(db, actor, name), said, self.tr("Deleting the layout…"))
