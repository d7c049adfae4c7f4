"""The layout editor's files: import a layout received as JSON (saved through the service,
which checks it) and export the chosen one for another district. ``BankLayoutEditor``
(bank_layout_editor.py) holds the list and the form these act on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from ui.desktop.widgets.folders import last_folder, remember_folder
from workforce.domain.payroll.bank_layout import BankLayout
from workforce.services.context import Actor, Database

JSON_FILTER = "JSON (*.json)"


class LayoutFiles(QDialog):
    """Import and export; the list, the form and the writes are ``BankLayoutEditor``'s."""

    db: Database
    actor: Actor

    def current(self) -> BankLayout | None:
        raise NotImplementedError

    def _say(self, text: str, *, refused: bool = False) -> None:
        raise NotImplementedError

    def _write(self, operation: Callable[[], str | None], said: str, label: str) -> None:
        raise NotImplementedError

    def import_json(self, path: str | None = None) -> None:
        from workforce.services.payroll.bank_layouts import import_layout

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import a layout"), str(last_folder()), JSON_FILTER
            )
        if not path:
            return
        remember_folder(path)
        try:
            text = Path(path).read_text("utf-8-sig")  # a few hundred bytes
        except (OSError, UnicodeDecodeError) as exc:
            message = self.tr("The file %1 cannot be read: %2")
            self._say(message.replace("%1", path).replace("%2", str(exc)), refused=True)
            return
        db, actor = self.db, self.actor
        self._write(
            lambda: import_layout(db, actor, text).name,
            self.tr("Layout %1 imported."),
            self.tr("Importing the layout…"),
        )

    def export_json(self, path: str | None = None) -> None:
        from workforce.services.payroll.bank_layouts import layout_json

        layout = self.current()
        if layout is None:
            return
        if path is None:
            suggested = str(last_folder() / f"代发格式-{layout.name}.json")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the layout"), suggested, JSON_FILTER
            )
        if not path:
            return
        remember_folder(path)
        Path(path).write_text(layout_json(layout), "utf-8")  # a few hundred bytes
        text = self.tr("Layout %1 exported to %2.")
        self._say(text.replace("%1", layout.name).replace("%2", path))
