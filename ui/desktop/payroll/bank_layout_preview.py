"""The layout editor's preview: the first rows of a calculated month's bank file as the layout on
screen would write them — its header lines above, the title row and a few transfers on the shared
table (copy, menu, export) — built from the renderer's own field table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from reports.payroll.bank_file import FIELDS
from ui import formatting as fmt
from ui.desktop.payroll.dialogs import month_edit, month_of
from ui.desktop.widgets.models import CODE, NUMBER, Column, RowsTableModel
from ui.desktop.widgets.tables import DataTable, make_table
from ui.tasks import run_task, show_error
from workforce.domain.money import to_fen
from workforce.domain.payroll.bank_layout import BankLayout, amount_text, check_layout
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank import BankView

PREVIEW_ROWS = 5


@dataclass(frozen=True, slots=True)
class PreviewSheet:
    """The file's first rows: its header lines, then a table of the layout's columns (titles,
    whether the file writes them as a row, the cells as written, which cells are money)."""

    header_lines: tuple[str, ...]
    titles: tuple[str, ...]
    title_row: bool
    money: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    separator: str

    def lines(self) -> list[str]:
        """The lines as the file holds them (cells joined by commas or tabs)."""
        lines = list(self.header_lines)
        if self.title_row:
            lines.append(self.separator.join(self.titles))
        lines.extend(self.separator.join(row) for row in self.rows)
        return lines


def preview_sheet(layout: BankLayout, view: BankView, rows: int = PREVIEW_ROWS) -> PreviewSheet:
    """The file's first rows; refuses (ActionRefused) a layout the writer would refuse."""
    check_layout(layout)
    values = {
        "unit": view.header.region,
        "month": view.header.label,
        "bank": layout.bank,
        "count": str(len(view.rows)),
        "total": amount_text(to_fen(view.total), layout.amount_format),
    }
    memo = layout.memo.format(unit=view.header.region, month=view.header.label)
    money = [False] * len(layout.columns)
    cells: list[tuple[str, ...]] = []
    for number, entry in enumerate(view.rows[:rows], start=1):
        row = []
        for place, column in enumerate(layout.columns):
            value = FIELDS[column.field](number, entry, view, memo)
            if isinstance(value, Decimal):
                money[place] = True
                row.append(amount_text(to_fen(value), layout.amount_format))
            else:
                row.append(str(value))
        cells.append(tuple(row))
    return PreviewSheet(
        tuple(line.format(**values) for line in layout.header),
        tuple(column.title for column in layout.columns),
        layout.title_row,
        tuple(money),
        tuple(cells),
        "," if layout.file_type == "csv" else "\t",
    )


def preview_lines(layout: BankLayout, view: BankView, rows: int = PREVIEW_ROWS) -> list[str]:
    """The file's first lines, as the file holds them."""
    return preview_sheet(layout, view, rows).lines()


def _cell(place: int) -> Callable[[tuple[str, ...]], str]:
    return lambda row: row[place]


def preview_columns(sheet: PreviewSheet) -> tuple[Column[tuple[str, ...]], ...]:
    """The layout's columns as the shared table's: money as numbers, every other cell (accounts,
    ID numbers) as text kept whole."""
    return tuple(
        Column(title, _cell(place), kind=NUMBER if money else CODE, width=120)
        for place, (title, money) in enumerate(zip(sheet.titles, sheet.money, strict=True))
    )


class LayoutPreview(QGroupBox):
    """A month field, a Preview button, then the file's header lines (or why there is no
    preview) and its first transfers on the shared table (copy, menu, export)."""

    def __init__(
        self, db: Database, actor: Actor, layout: Callable[[], BankLayout], today: dt.date
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Preview of a calculated month"))
        self.db, self.actor, self.layout = db, actor, layout
        self.sheet: PreviewSheet | None = None
        self.month = month_edit(today)
        self.button = QPushButton(self.tr("Preview"))
        self.text = QLabel()  # the header lines, the count, or why there is no preview
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.table = self._table(())
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Month")))
        pick.addWidget(self.month)
        pick.addWidget(self.button)
        pick.addStretch(1)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.box = QHBoxLayout()  # the header lines beside the transfers: as low as the text was
        self.box.addWidget(self.text)
        self.box.addWidget(self.table, 1)
        column = QVBoxLayout(self)
        column.addLayout(pick)
        column.addLayout(self.box)
        self.button.clicked.connect(lambda _c=False: self.show_preview())

    def _table(self, columns: Sequence[Column[tuple[str, ...]]]) -> DataTable:
        # no remembered columns: they are the layout's own and change as it is edited
        table = make_table(RowsTableModel(columns), title=self.tr("Bank file preview"))
        table.setMaximumHeight(140)
        table.setVisible(bool(columns))
        return table

    def _show_sheet(self, sheet: PreviewSheet | None, note: str) -> None:
        self.sheet = sheet
        columns = preview_columns(sheet) if sheet is not None else ()
        table = self._table(columns)
        if sheet is not None:
            table.rows_model.set_rows(sheet.rows)
        self.box.replaceWidget(self.table, table)
        self.table.deleteLater()
        self.table = table
        header = list(sheet.header_lines) if sheet is not None else []
        self.text.setText("\n".join([*header, note]).strip())

    def preview_text(self) -> str:
        """What the preview shows, as the file's lines (then the count, or why there are none)."""
        if self.sheet is None:
            return self.text.text()
        shown = self.table.shown()
        lines = list(self.sheet.header_lines)
        if self.sheet.title_row:
            lines.append(self.sheet.separator.join(shown.headers))
        lines.extend(self.sheet.separator.join(row) for row in shown.rows)
        return "\n".join(lines)

    def show_preview(self) -> None:
        from workforce.services.payroll.bank import bank_view

        db, actor, period, layout = self.db, self.actor, month_of(self.month), self.layout()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> tuple[PreviewSheet, int]:
            view = bank_view(db, actor, period, preview=True)
            return preview_sheet(layout, view), len(view.rows)

        def done(result: tuple[PreviewSheet, int]) -> None:
            sheet, count = result
            note = ""
            if count > PREVIEW_ROWS:
                note = self.tr("… %1 transfers in all").replace("%1", fmt.count_text(count))
            self._show_sheet(sheet, note)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ActionRefused):  # not calculated, or the layout's own fault
                self._show_sheet(None, exc.message)
            else:
                show_error(self, exc)

        run_task(
            self,
            operation,
            done,
            label=self.tr("Reading the month…"),
            on_failed=failed,
            cancellable=False,
        )
