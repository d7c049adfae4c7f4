"""打印个人档案表 from the worker's form: the record card (``workforce card``) written off the GUI
thread into a temporary file, ID numbers masked, then shown in the print preview (打印, 另存为)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.desktop.widgets.print_preview import show_preview
from ui.tasks import run_task

if TYPE_CHECKING:
    from workforce.domain.progress import CancelToken, ProgressFn
    from workforce.services.context import Actor, Database


def print_record_card(
    parent: QWidget, db: Database, actor: Actor, worker_id: int, name: str
) -> None:
    """The card of ``worker_id`` in the preview; the note says when a font was missing."""
    title = QCoreApplication.translate("record_card", "Record card of %1").replace("%1", name)
    folder = Path(tempfile.mkdtemp(prefix="workforce-card-"))
    target = folder / f"{name}个人档案表.pdf"

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> str:
        from reports.roster.record_card_pdf import write_record_card
        from workforce.services.roster.dossier import load_dossier

        dossier = load_dossier(db, actor, worker_id)
        return write_record_card(target, dossier, mask_ids=True).message or ""

    def done(note: str) -> None:
        show_preview(parent, target, title, note)

    label = QCoreApplication.translate("record_card", "Writing the record card…")
    run_task(parent, operation, done, label=label, cancellable=False)
