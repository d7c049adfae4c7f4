"""打印工资条 from the payroll window: the month's pay slips (the PDF of ``workforce payroll
slips``, several strips per A4 page, ID numbers masked) for the workers selected in the review or
for those it shows (the whole month, or a street or community its filter keeps), written off the
GUI thread into a temporary file and opened in the print preview (打印, 另存为)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ui import formatting as fmt
from ui.desktop.widgets.print_preview import PrintPreview, show_preview
from ui.tasks import run_task
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.context import Actor, Database


def print_slips(
    parent: QWidget,
    db: Database,
    actor: Actor,
    period: dt.date,
    worker_ids: Sequence[int] | None,
    on_shown: Callable[[PrintPreview], None] | None = None,
) -> None:
    """The slips of ``worker_ids`` (every worker of the month when None) in the preview."""
    title = QCoreApplication.translate("slips_print", "Pay slips %1").replace(
        "%1", fmt.month_text(period)
    )
    target = Path(tempfile.mkdtemp(prefix="workforce-slips-")) / f"{period:%Y-%m}工资条.pdf"
    chosen = None if worker_ids is None else tuple(worker_ids)

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> tuple[int, str]:
        from reports.payroll.payslip_pdf import write_payslips
        from workforce.services.payroll.slips import payslips_view

        view = payslips_view(db, actor, period, worker_ids=chosen)
        font = write_payslips(target, view.header, view.slips)
        return len(view.slips), font.message or ""

    def done(result: tuple[int, str]) -> None:
        count, font_note = result
        note = QCoreApplication.translate(
            "slips_print", "%1 pay slips, ID numbers masked."
        ).replace("%1", fmt.count_text(count))
        preview = show_preview(parent, target, title, f"{note}\n{font_note}".strip())
        if on_shown is not None:
            on_shown(preview)

    label = QCoreApplication.translate("slips_print", "Writing the pay slips…")
    run_task(parent, operation, done, label=label, cancellable=False)


class SlipsButton(QPushButton):
    """打印工资条 with its choice: the selected workers, or those the review shows."""

    def __init__(
        self,
        selected: Callable[[], Sequence[int]],
        shown: Callable[[], tuple[Sequence[int], bool]],
        start: Callable[[Sequence[int] | None], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("slips_print", "Print pay slips…"))
        self.selected, self.shown, self.start = selected, shown, start
        self.choices = QMenu(self)
        self.choices.aboutToShow.connect(self._fill)
        self.setMenu(self.choices)

    def _fill(self) -> None:
        self.choices.clear()
        chosen = list(self.selected())
        rows, everyone = self.shown()
        shown = list(rows)
        pick = self.choices.addAction(
            QCoreApplication.translate("slips_print", "The %1 selected workers").replace(
                "%1", fmt.count_text(len(chosen))
            )
        )
        pick.setEnabled(bool(chosen))
        pick.triggered.connect(lambda _checked=False: self.start(chosen))
        text = (
            QCoreApplication.translate("slips_print", "Everyone in the month (%1)")
            if everyone
            else QCoreApplication.translate("slips_print", "The %1 workers shown (filtered)")
        )
        every = self.choices.addAction(text.replace("%1", fmt.count_text(len(shown))))
        every.setEnabled(bool(shown))
        every.triggered.connect(lambda _checked=False: self.start(None if everyone else shown))
