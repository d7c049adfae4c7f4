"""费率与基数上下限 (工资 → 费率与基数上下限…): the 五险一金 rates and the contribution base bounds
in force on a date, and every version of each (history). 新增费率版本… and 新增上下限版本… open
a dialog that saves through the service; the window reloads after a save. Reads run off the GUI
thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.payroll.rates_dialogs import BoundsDialog, RateDialog, date_edit, date_of
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.payroll.rate_settings import ROUNDING_NAMES
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.rates import (
    BoundsVersion,
    RateVersion,
    bounds_history,
    bounds_in_force,
    rate_history,
    rates_in_force,
)

if TYPE_CHECKING:
    pass


def rate_text(rate: Decimal) -> str:
    """0.005 → 0.5%, 0.16 → 16%."""
    return fmt.percent_text(Decimal(f"{(rate * 100).normalize():f}"))


RATE_COLUMNS: tuple[Column[RateVersion], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Item"), lambda r: r.name, width=90),
    Column(
        QT_TRANSLATE_NOOP("columns", "Employer rate"),
        lambda r: rate_text(r.employer_rate),
        None,
        RIGHT,
        104,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Individual rate"),
        lambda r: rate_text(r.individual_rate),
        None,
        RIGHT,
        104,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Rounding"),
        lambda r: ROUNDING_NAMES.get(r.rounding, r.rounding),
        None,
        CENTRE,
        70,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Effective from"),
        lambda r: fmt.date_text(r.effective_date),
        None,
        CENTRE,
        100,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda r: r.note, width=160),
)

BOUNDS_COLUMNS: tuple[Column[BoundsVersion], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Floor"), lambda b: fmt.yuan_text(b.floor), None, RIGHT, 90
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Ceiling"),
        lambda b: fmt.yuan_text(b.ceiling),
        None,
        RIGHT,
        90,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Effective from"),
        lambda b: fmt.date_text(b.effective_date),
        None,
        CENTRE,
        100,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda b: b.note, width=160),
)


@dataclass(frozen=True, slots=True)
class RatesScreen:
    on: dt.date
    rates: list[RateVersion]
    bounds: BoundsVersion | None
    rate_history: list[RateVersion]
    bounds_history: list[BoundsVersion]


def load_screen(db: Database, on: dt.date) -> RatesScreen:
    return RatesScreen(
        on, rates_in_force(db, on), bounds_in_force(db, on), rate_history(db), bounds_history(db)
    )


class RatesWindow(QDialog):
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
        self.today = today or dt.date.today()
        self.dialog: QDialog | None = None  # the one open (for tests)
        self.loaded = False
        self.setWindowTitle(self.tr("Rates and contribution bounds"))
        self.on = date_edit(self.today)
        self.in_force = RowsTableModel(RATE_COLUMNS)
        self.history = RowsTableModel(RATE_COLUMNS)
        self.bounds = RowsTableModel(BOUNDS_COLUMNS)
        self.bounds_text = QLabel()
        self.new_rate_button = QPushButton(self.tr("New rate version…"))
        self.new_bounds_button = QPushButton(self.tr("New bounds version…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("In force on")))
        top.addWidget(self.on)
        top.addStretch(1)
        top.addWidget(self.new_rate_button)
        top.addWidget(self.new_bounds_button)
        now = QGroupBox(self.tr("In force"))
        now_box = QVBoxLayout(now)
        self.in_force_table = make_table(self.in_force, settings_key="rates-in-force")
        now_box.addWidget(self.in_force_table)
        now_box.addWidget(self.bounds_text)
        past = QGroupBox(self.tr("History (every version)"))
        past_box = QHBoxLayout(past)
        self.history_table = make_table(self.history, settings_key="rates-history")
        past_box.addWidget(self.history_table, 3)
        past_box.addWidget(make_table(self.bounds, settings_key="rates-bounds"), 2)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(now, 1)
        column.addWidget(past, 1)
        self.on.dateChanged.connect(lambda _date: self.load())
        self.new_rate_button.clicked.connect(lambda _checked=False: self.new_rate())
        self.new_bounds_button.clicked.connect(lambda _checked=False: self.new_bounds())
        fit_window(self, 980, 620)
        self.load()

    def load(self) -> None:
        db, on = self.db, date_of(self.on)

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> RatesScreen:
            return load_screen(db, on)

        self.loaded = False
        run_task(self, operation, self._show, label=self.tr("Loading…"))

    def _show(self, screen: RatesScreen) -> None:
        self.in_force.set_rows(screen.rates)
        self.history.set_rows(screen.rate_history)
        self.bounds.set_rows(screen.bounds_history)
        if screen.bounds is None:
            self.bounds_text.setText(self.tr("No contribution bounds in force on this date."))
        else:
            self.bounds_text.setText(
                self.tr("Contribution base: floor %1, ceiling %2 (from %3)")
                .replace("%1", fmt.yuan_text(screen.bounds.floor))
                .replace("%2", fmt.yuan_text(screen.bounds.ceiling))
                .replace("%3", fmt.date_text(screen.bounds.effective_date))
            )
        self.loaded = True

    def _selected_rate(self) -> RateVersion | None:
        index = self.in_force_table.selectionModel().currentIndex()
        return self.in_force.row_at(index.row()) if index.isValid() else None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.load)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def new_rate(self) -> None:
        first = _next_month(self.today)
        self._open(RateDialog(self.db, self.actor, first, self._selected_rate(), self))

    def new_bounds(self) -> None:
        self._open(BoundsDialog(self.db, self.actor, _next_month(self.today), self))


def _next_month(day: dt.date) -> dt.date:
    """A new version usually starts on the first of next month."""
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
