"""期初累计 (§8.6): the opening figures of a year begun outside the program — one row per worker as
the tax authority's withholding client reports them, with the check of each against the
cumulative method — the import of the client's sheet (problems and an error report shown before
anything is written), 更正 of one worker's figures with a reason and 删除 of a row imported for
the wrong person. Reads and writes run off the GUI thread through the services the CLI runs
(``workforce payroll opening import|list|show``); a year with an approved month refuses and the
refusal is shown as is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.sheet_import import (
    LeftOut,
    choose_workbook,
    import_rows,
    read_and_plan,
    show_plan,
)
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.accounts.permissions import Action, is_allowed
from workforce.domain.money import ZERO
from workforce.domain.payroll.opening_sheet import AMOUNTS, OpeningFigures
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.domain.sheet import SheetGrid
from workforce.services.context import Actor, Database
from workforce.services.payroll.opening import OpeningRow
from workforce.services.payroll.opening_import import OpeningPlan

AMOUNT_TITLES = {
    "income": QT_TRANSLATE_NOOP("columns", "Cumulative income"),
    "exempt_income": QT_TRANSLATE_NOOP("columns", "Cumulative exempt income"),
    "insurance": QT_TRANSLATE_NOOP("columns", "Cumulative special deductions"),
    "special_deductions": QT_TRANSLATE_NOOP("columns", "Cumulative additional deductions"),
    "other_deductions": QT_TRANSLATE_NOOP("columns", "Cumulative other deductions"),
    "withheld": QT_TRANSLATE_NOOP("columns", "Tax withheld"),
}


def _amount(key: str) -> Column[OpeningRow]:
    return Column(
        AMOUNT_TITLES[key],
        lambda r: fmt.yuan_text(getattr(r.figures, key)),
        lambda r: getattr(r.figures, key),
        RIGHT,
        104,
    )


def check_text(row: OpeningRow) -> str:
    """The row's check: the cumulative tax its figures give, when it is not what was withheld."""
    computed = row.figures.cumulative_tax(row.expected_basic)
    if computed == row.figures.withheld:
        return ""
    return QCoreApplication.translate("payroll_opening", "Tax by the figures: %1").replace(
        "%1", fmt.yuan_text(computed)
    )


OPENING_COLUMNS: tuple[Column[OpeningRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Unit"), lambda r: r.unit, width=150),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=72),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=160),
    Column(
        QT_TRANSLATE_NOOP("columns", "Months"),
        lambda r: f"{r.first_month}–{r.figures.through}",
        lambda r: r.months,
        CENTRE,
        60,
    ),
    *(_amount(key) for key, _ in AMOUNTS),
    Column(QT_TRANSLATE_NOOP("columns", "Check"), check_text, width=160),
)


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "") or "0")
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        return None
    return value


class CorrectDialog(QDialog):
    """更正 one worker's opening figures: the six amounts and the reason (kept in the audit log)."""

    def __init__(self, row: OpeningRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Correct the opening figures of %1").replace("%1", row.name))
        self.fields = {key: QLineEdit(f"{getattr(row.figures, key):.2f}") for key, _ in AMOUNTS}
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        through = f"{row.figures.year}-{row.figures.through:02d}"
        form.addRow(self.tr("Through"), QLabel(through))
        for key, title in AMOUNTS:
            form.addRow(title, self.fields[key])
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def figures(self) -> OpeningFigures | None:
        values: dict[str, Decimal] = {}
        for key, _ in AMOUNTS:
            value = _decimal(self.fields[key].text())
            if value is None:
                return None
            values[key] = value
        return OpeningFigures(self.row.figures.year, self.row.figures.through, **values)

    def _accept(self) -> None:
        if self.figures() is None:
            self.error.setText(self.tr("Amounts are yuan, not negative, at most two decimals."))
            return
        if not self.reason.text().strip():
            self.error.setText(self.tr("Write why the figures are corrected."))
            return
        self.accept()


class OpeningWindow(QDialog):
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
        self.dialog: QDialog | None = None  # the one open (for tests)
        self.rows: list[OpeningRow] = []
        self.loaded = False
        self.setWindowTitle(self.tr("Opening figures"))
        fit_window(self, 1300, 640)
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue((today or dt.date.today()).year)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or ID number"))
        self.search.setClearButtonEnabled(True)
        self.model: RowsTableModel[OpeningRow] = RowsTableModel(OPENING_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="payroll-opening",
            person=lambda row: row.worker_id,
            actions=lambda: (self.correct_button, self.delete_button),
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "A unit that starts using the program during the year records here what it paid "
                "and withheld from January up to the month before: the first month calculated "
                "continues the cumulative withholding from these figures. Import the sheet the "
                "withholding client exports (身份证号, 姓名, 所属期止, 累计收入额, 累计免税收入, "
                "累计专项扣除, 累计专项附加扣除, 累计其他扣除, 累计已预缴税额)."
            )
        )
        explain.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import sheet…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.search, 1)
        for button in (self.import_button, self.correct_button, self.delete_button):
            top.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(explain)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        self.year.valueChanged.connect(lambda _year: self.load())
        self.search.textChanged.connect(lambda _text: self._filter())
        self.import_button.clicked.connect(self.choose_sheet)
        self.correct_button.clicked.connect(self.correct)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self._enable()

    # -- reads ---------------------------------------------------------------------------------
    def load(self) -> None:
        from workforce.services.payroll.opening import list_openings

        db, actor, year = self.db, self.actor, self.year.value()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[OpeningRow]:
            return list_openings(db, actor, year)

        self.loaded = False
        run_task(self, operation, self._show, label=self.tr("Reading the opening figures…"))

    def open_latest(self) -> None:
        """Show the latest year with opening figures (this year when there are none)."""
        from workforce.services.payroll.opening import opening_years

        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> list[tuple[int, int, int]]:
            return opening_years(db, actor)

        def done(years: list[tuple[int, int, int]]) -> None:
            if years and years[0][0] != self.year.value():
                self.year.setValue(years[0][0])  # loads
            else:
                self.load()

        run_task(self, operation, done, label=self.tr("Reading the opening figures…"))

    def _show(self, rows: list[OpeningRow]) -> None:
        self.rows = rows
        self._filter()
        year = self.year.value()
        if rows:
            through = rows[0].figures.through
            text = (
                self.tr(
                    "Year %1: opening figures through month %2 for %3 people; income %4, tax "
                    "withheld %5. The payroll of year %1 starts in month %6."
                )
                .replace("%1", str(year))
                .replace("%2", str(through))
                .replace("%3", fmt.count_text(len(rows)))
                .replace("%4", fmt.yuan_text(sum((r.figures.income for r in rows), ZERO)))
                .replace("%5", fmt.yuan_text(sum((r.figures.withheld for r in rows), ZERO)))
                .replace("%6", str(through + 1))
            )
            checks = sum(1 for r in rows if check_text(r))
            if checks:
                text = fmt.sentences(
                    text,
                    self.tr(
                        "%1 rows withheld other than the figures give: check them with the client."
                    ).replace("%1", fmt.count_text(checks)),
                )
        else:
            text = self.tr(
                "Year %1 has no opening figures: its payroll starts in January."
            ).replace("%1", str(year))
        self.summary.setText(text)
        self.loaded = True
        self._enable()

    def _filter(self) -> None:
        text = self.search.text().strip().upper()
        shown = [r for r in self.rows if not text or text in r.name.upper() or text in r.id_number]
        self.model.set_rows(shown)

    def selected(self) -> OpeningRow | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def _enable(self) -> None:
        can = is_allowed(self.actor.role, Action.EDIT_PAY_INPUTS)
        self.import_button.setEnabled(can)
        chosen = self.selected() is not None
        self.correct_button.setEnabled(can and chosen)
        self.delete_button.setEnabled(can and chosen)

    # -- writes --------------------------------------------------------------------------------
    def _write(self, work: Callable[[], Any]) -> None:
        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Any:
            return work()

        run_task(
            self, operation, lambda _r: self.load(), label=self.tr("Saving…"), cancellable=False
        )

    def correct(self) -> None:
        from workforce.services.payroll.opening_edits import correct_opening

        row = self.selected()
        if row is None:
            return
        dialog = CorrectDialog(row, self)
        self.dialog = dialog

        def accepted() -> None:
            figures, reason = dialog.figures(), dialog.reason.text()
            if figures is None:
                return
            db, actor = self.db, self.actor
            self._write(lambda: correct_opening(db, actor, row.worker_id, figures, reason))

        dialog.accepted.connect(accepted)
        dialog.open()

    def delete(self) -> None:
        from workforce.services.payroll.opening_edits import remove_opening

        row = self.selected()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Delete opening figures"),
            self.tr(
                "Why are %1's opening figures deleted? The reason is kept in the audit log."
            ).replace("%1", row.name),
        )
        if not ok:
            return
        db, actor, year = self.db, self.actor, row.figures.year
        self._write(lambda: remove_opening(db, actor, row.worker_id, year, reason))

    def choose_sheet(self) -> None:
        path = choose_workbook(self, self.tr("Import opening figures"))
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: Path) -> None:
        """Read and dry-run off the GUI thread; show the plan; apply it all or nothing."""
        from workforce.services.payroll.opening_import import (
            apply_opening_import,
            plan_opening_import,
        )

        db, actor = self.db, self.actor

        def planned(grid: SheetGrid, plan: OpeningPlan) -> None:
            through = f"{plan.year}-{plan.through:02d}" if plan.year and plan.through else "—"
            summary = (
                self.tr("Sheet %1: %2 people through %3; %4 new, %5 changed, %6 unchanged.")
                .replace("%1", plan.sheet)
                .replace("%2", fmt.count_text(plan.total_rows))
                .replace("%3", through)
                .replace("%4", fmt.count_text(plan.created))
                .replace("%5", fmt.count_text(plan.updated))
                .replace("%6", fmt.count_text(plan.unchanged))
            )
            title = self.tr("Import opening figures: %1").replace("%1", path.name)

            def apply(left_out: LeftOut | None) -> None:
                if plan.year is not None:
                    self.year.blockSignals(True)
                    self.year.setValue(plan.year)
                    self.year.blockSignals(False)

                self._write(
                    lambda: import_rows(
                        left_out,
                        lambda valid_only: apply_opening_import(
                            db, actor, grid, valid_only=valid_only
                        ),
                    )
                )

            sheet = (path, grid, plan.header_row)
            rows = plan.created + plan.updated + plan.unchanged
            self.dialog = show_plan(
                self, title, summary, sheet, plan.problems, apply, valid_rows=rows
            )

        read_and_plan(self, path, lambda grid: plan_opening_import(db, actor, grid), planned)
