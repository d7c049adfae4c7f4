"""启动检查 on the desktop: after the sign-in, ``PRAGMA quick_check`` of the embedded file off the
GUI thread. An intact file opens the window; a damaged one is written no more (the service refuses
every write) and this dialog says so in plain words, shows the newest backup that passes
``integrity_check`` with what it holds, and restores it after a confirmation, or quits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.system.backup_dialog import backup_preview
from ui.tasks import run_task, show_error
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.backup import BackupInfo
from workforce.services.context import Actor, Database
from workforce.services.system.health import (
    Health,
    damaged_message,
    newest_intact_backup,
    restore_intact,
    stop_writing_if_damaged,
)

SHOWN_PROBLEMS = 8
OFFERED_KEYS = ("made", "reason", "workers", "locked", "file")


@dataclass(frozen=True, slots=True)
class StartCheck:
    """The check's answer and, for a damaged file, the backup offered (or why there is none)."""

    health: Health
    offered: BackupInfo | None = None
    refusal: str = ""


def start_check(db: Database, actor: Actor) -> StartCheck:
    """Off the GUI thread: the check, and for a damaged file the newest intact backup."""
    health = stop_writing_if_damaged(db)
    if health.ok:
        return StartCheck(health)
    try:
        return StartCheck(health, newest_intact_backup(db, actor))
    except ActionRefused as exc:  # not an administrator: backups are theirs to restore
        return StartCheck(health, refusal=exc.message)


def check_at_start(
    window: QWidget,
    db: Database,
    actor: Actor,
    proceed: Callable[[], None],
    quit_app: Callable[[], None],
    restart: Callable[[], None],
    settle: Callable[[Callable[[], None]], None] | None = None,
) -> None:
    """``proceed`` when the file is intact; else the dialog, which ends in ``restart`` (a backup
    was restored: sign in again to it) or ``quit_app``. ``settle(show)`` calls ``show`` once
    nothing else reads the file (the window's first page, read during the check): the dialog
    waits for it, since a restore replaces the file."""

    def damaged(result: StartCheck) -> None:
        dialog = DamagedDatabaseDialog(db, actor, result, parent=window)
        dialog.restored.connect(restart)
        dialog.rejected.connect(quit_app)
        dialog.open()

    def checked(result: StartCheck) -> None:
        if result.health.ok:
            proceed()
        elif settle is not None:
            settle(lambda: damaged(result))
        else:
            damaged(result)

    def failed(exc: BaseException) -> None:
        show_error(window, exc)
        quit_app()

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> StartCheck:
        return start_check(db, actor)

    run_task(
        window,
        operation,
        checked,
        label=QCoreApplication.translate("app", "Checking the database file…"),
        on_failed=failed,
        cancellable=False,
    )


class DamagedDatabaseDialog(QDialog):
    """The file is damaged: what happened, what SQLite found, the backup offered. ``restored``
    fires once the backup replaced the file; closing the dialog (Quit) rejects it."""

    restored = Signal()

    def __init__(
        self, db: Database, actor: Actor, check: StartCheck, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.check = db, actor, check
        self.setWindowTitle(self.tr("The database file is damaged"))
        self.setMinimumWidth(640)
        headline = QLabel(self.tr("The database file is damaged. Nothing more will be written."))
        bold = QFont(headline.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        headline.setFont(bold)
        self.message = QLabel(damaged_message(check.health))
        self.message.setWordWrap(True)
        found = QLabel(self.tr("What the check found:"))
        self.problems = QPlainTextEdit("\n".join(check.health.problems[:SHOWN_PROBLEMS]))
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(90)
        self.offer = QGroupBox(self.tr("Newest intact backup (passes the full integrity check)"))
        self.preview = {key: QLabel() for key in OFFERED_KEYS}
        form = QFormLayout(self.offer)
        labels = (
            self.tr("Made at"),
            self.tr("Reason"),
            self.tr("Workers"),
            self.tr("Last locked payroll"),
            self.tr("File"),
        )
        for key, label in zip(OFFERED_KEYS, labels, strict=True):
            form.addRow(label, self.preview[key])
        self.none_offered = QLabel()
        self.none_offered.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.quit_button = QPushButton(self.tr("Quit"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        for widget in (headline, self.message, found, self.problems, self.offer, self.none_offered):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore_offered)
        self.quit_button.clicked.connect(self.reject)
        self._show_offer()

    def _show_offer(self) -> None:
        offered = self.check.offered
        self.offer.setVisible(offered is not None)
        self.restore_button.setVisible(offered is not None)
        self.none_offered.setVisible(offered is None)
        if offered is not None:
            texts = backup_preview(offered)
            for key, label in self.preview.items():
                label.setText(texts[key])
            self.restore_button.setDefault(True)
        else:
            self.none_offered.setText(
                self.tr("Only an administrator can restore a backup: quit, and let them log in.")
                if self.check.refusal
                else self.tr("No intact backup was found beside the database file.")
            )
            self.quit_button.setDefault(True)

    def confirm(self, info: BackupInfo) -> bool:
        text = self.tr(
            "Replace the damaged database with the backup made %1 (%2)?\n\n"
            "Everything entered since then will no longer be shown. The damaged file is kept "
            "as another backup."
        )
        text = text.replace("%1", fmt.datetime_text(info.made_at)).replace("%2", info.reason)
        answer = QMessageBox.question(self, self.tr("Restore backup"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore_offered(self) -> None:
        info = self.check.offered
        if info is None or not self.confirm(info):
            return
        db, actor, path = self.db, self.actor, info.path

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> BackupInfo:
            return restore_intact(db, actor, path)

        run_task(
            self,
            operation,
            lambda _info: self._restored(),
            label=self.tr("Restoring…"),
            cancellable=False,
        )

    def _restored(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
        self.restored.emit()
