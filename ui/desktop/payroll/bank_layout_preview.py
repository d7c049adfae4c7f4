"""The layout editor's preview: the first rows of a calculated month's bank file as the layout on
screen would write them — header lines, the title row and a few transfers, cells joined by commas
for a CSV layout and by tabs for an Excel one — built from the renderer's own field table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from reports.payroll.bank_file import FIELDS
from ui import formatting as fmt
from ui.desktop.payroll.dialogs import month_edit, month_of
from ui.tasks import run_task, show_error
from workforce.domain.money import to_fen
from workforce.domain.payroll.bank_layout import BankLayout, amount_text, check_layout
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank import BankView

PREVIEW_ROWS = 5


def preview_lines(layout: BankLayout, view: BankView, rows: int = PREVIEW_ROWS) -> list[str]:
    """The file's first lines; refuses (ActionRefused) a layout the writer would refuse."""
    check_layout(layout)
    values = {
        "unit": view.header.region,
        "month": view.header.label,
        "bank": layout.bank,
        "count": str(len(view.rows)),
        "total": amount_text(to_fen(view.total), layout.amount_format),
    }
    lines = [line.format(**values) for line in layout.header]
    separator = "," if layout.file_type == "csv" else "\t"
    if layout.title_row:
        lines.append(separator.join(c.title for c in layout.columns))
    memo = layout.memo.format(unit=view.header.region, month=view.header.label)
    for number, entry in enumerate(view.rows[:rows], start=1):
        cells = []
        for column in layout.columns:
            value = FIELDS[column.field](number, entry, view, memo)
            is_money = isinstance(value, Decimal)
            cells.append(
                amount_text(to_fen(value), layout.amount_format) if is_money else str(value)
            )
        lines.append(separator.join(cells))
    return lines


class LayoutPreview(QGroupBox):
    """A month field, a Preview button and the file's first lines (or why there are none)."""

    def __init__(
        self, db: Database, actor: Actor, layout: Callable[[], BankLayout], today: dt.date
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Preview of a calculated month"))
        self.db, self.actor, self.layout = db, actor, layout
        self.month = month_edit(today)
        self.button = QPushButton(self.tr("Preview"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(140)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Month")))
        pick.addWidget(self.month)
        pick.addWidget(self.button)
        pick.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(pick)
        box.addWidget(self.text)
        self.button.clicked.connect(lambda _c=False: self.show_preview())

    def show_preview(self) -> None:
        from workforce.services.payroll.bank import bank_view

        db, actor, period, layout = self.db, self.actor, month_of(self.month), self.layout()

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> tuple[list[str], int]:
            view = bank_view(db, actor, period, preview=True)
            return preview_lines(layout, view), len(view.rows)

        def done(result: tuple[list[str], int]) -> None:
            lines, count = result
            if count > PREVIEW_ROWS:
                lines.append(self.tr("… %1 transfers in all").replace("%1", fmt.count_text(count)))
            self.text.setPlainText("\n".join(lines))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ActionRefused):  # not calculated, or the layout's own fault
                self.text.setPlainText(exc.message)
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
