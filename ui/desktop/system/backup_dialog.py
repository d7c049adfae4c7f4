"""备份与恢复: the copies of the embedded database beside it, newest first, with what each holds;
back up now, or put one back in place of the live file (after a confirmation that says what will
be lost) and reopen the database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.models import RIGHT, Column, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.backup import (
    BackupInfo,
    backup_folder,
    create_backup,
    list_backups,
    restore,
)
from workforce.services.context import Actor, Database

if TYPE_CHECKING:
    from ui.desktop.shell import WindowShell

PREVIEW_KEYS = ("file", "made", "reason", "revision", "workers", "locked", "applied", "size")

BACKUP_COLUMNS: tuple[Column[BackupInfo], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Made at"),
        lambda b: fmt.datetime_text(b.made_at),
        lambda b: b.made_at,
        width=150,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda b: b.reason, width=100),
    Column(
        QT_TRANSLATE_NOOP("columns", "Workers"),
        lambda b: fmt.count_text(b.facts.workers),
        lambda b: b.facts.workers,
        RIGHT,
        70,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Size"),
        lambda b: fmt.size_text(b.size),
        lambda b: b.size,
        RIGHT,
    ),
)


class BackupDialog(QDialog):
    """The backup list with a preview. ``restored`` fires once a backup replaced the database."""

    restored = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(self.tr("Backup and restore"))
        fit_window(self, 860, 420)
        self.model: RowsTableModel[BackupInfo] = RowsTableModel(BACKUP_COLUMNS)
        self.table = make_table(self.model, settings_key="backups")
        folder = backup_folder(db)
        self.folder = QLabel(
            self.tr("Backups are kept in %1").replace("%1", str(folder))
            if folder
            else self.tr("A server database is backed up by its administrator with pg_dump.")
        )
        self.folder.setWordWrap(True)
        self.preview = {key: QLabel() for key in PREVIEW_KEYS}
        form = QFormLayout()
        for key, label in zip(PREVIEW_KEYS, self._preview_labels(), strict=True):
            self.preview[key].setWordWrap(True)
            form.addRow(label, self.preview[key])
        self.create_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(form, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.create_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.close)
        self.create_button.setEnabled(folder is not None)
        self.refresh()

    def _preview_labels(self) -> list[str]:
        return [
            self.tr("File"),
            self.tr("Made at"),
            self.tr("Reason"),
            self.tr("Schema revision"),
            self.tr("Workers"),
            self.tr("Last locked payroll"),
            self.tr("Last applied adjustment"),
            self.tr("Size"),
        ]

    def selected(self) -> BackupInfo | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def refresh(self) -> None:
        try:
            found = list_backups(self.db, self.actor)
        except ActionRefused as exc:  # not an administrator
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            found = []
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
        self._show_selected()

    def _show_selected(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None)
        for key, text in (backup_preview(info) if info else {}).items():
            self.preview[key].setText(text)
        if info is None:
            for label in self.preview.values():
                label.clear()

    def back_up_now(self) -> None:
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Path:
            return create_backup(db, actor)

        run_task(
            self,
            operation,
            lambda _path: self.refresh(),
            label=self.tr("Backing up…"),
            on_failed=self._failed,
            cancellable=False,
        )

    def confirm(self, info: BackupInfo) -> bool:
        text = self.tr(
            "Replace the current database with the backup made %1 (%2)?\n\n"
            "Everything entered since then will no longer be shown; the current data is first "
            "saved as another backup, so this can be undone."
        )
        text = text.replace("%1", fmt.datetime_text(info.made_at)).replace("%2", info.reason)
        answer = QMessageBox.question(self, self.tr("Restore backup"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not self.confirm(info):
            return
        db, actor, path = self.db, self.actor, info.path

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> BackupInfo:
            return restore(db, actor, path)

        run_task(
            self,
            operation,
            lambda _info: self._restored(),
            label=self.tr("Restoring…"),
            on_failed=self._failed,
            cancellable=False,
        )

    def _restored(self) -> None:
        self.refresh()
        self.restored.emit()

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), str(error))


def backup_preview(info: BackupInfo) -> dict[str, str]:
    """What a backup holds, line by line (``PREVIEW_KEYS``)."""
    facts = info.facts
    run = facts.last_applied_run
    none = QCoreApplication.translate("BackupDialog", "none")
    workers = QCoreApplication.translate("BackupDialog", "%1 (%2 active)")
    applied = QCoreApplication.translate("BackupDialog", "%1 adjustment (run %2), applied %3")
    return {
        "file": info.name,
        "made": fmt.datetime_text(info.made_at),
        "reason": info.reason,
        "revision": facts.revision or none,
        "workers": workers.replace("%1", fmt.count_text(facts.workers)).replace(
            "%2", fmt.count_text(facts.active_workers)
        ),
        "locked": facts.last_locked_month or none,
        "applied": applied.replace("%1", str(run[1]))
        .replace("%2", str(run[0]))
        .replace("%3", fmt.datetime_text(run[2]))
        if run
        else none,
        "size": fmt.size_text(info.size),
    }


def open_backups(window: WindowShell) -> None:
    """文件 → 备份与恢复…; after a restore the window reads the restored database."""
    if window.db is None or window.actor is None:
        return
    dialog = BackupDialog(window.db, window.actor, parent=window.widget())
    dialog.restored.connect(lambda: _reattach(window))
    dialog.show()


def _reattach(window: WindowShell) -> None:
    from workforce.services.accounts.acting_user import actor_for

    assert window.db is not None and window.actor is not None
    try:
        actor = actor_for(window.db, window.actor.username)
    except ActionRefused:  # the user did not exist yet when the backup was made
        actor = window.actor
    window.attach(window.db, actor)
