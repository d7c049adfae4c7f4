"""The one way the desktop runs long work: off the GUI thread, with progress and cancel.

Like Anki's ``CollectionOp``/``QueryOp``: the operation is a plain function
``operation(progress, cancel) -> result`` with no Qt inside (the CLI runs the same services). It
runs on the global ``QThreadPool``; a ``QProgressDialog`` shows its progress and its cancel button
sets the ``CancelToken``. The result, or the error, comes back on the GUI thread:
``ActionRefused`` → a message box with the service's own (Chinese) message, ``Cancelled`` → quiet,
anything else → a message box naming the error (and the traceback in the log).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from workforce.domain.problems import ActionRefused
from workforce.domain.progress import Cancelled, CancelToken, ProgressFn

T = TypeVar("T")
Operation = Callable[[ProgressFn, CancelToken], T]

log = logging.getLogger(__name__)
_running: set[Task[Any]] = set()  # keeps each task alive until its result is delivered
PROGRESS_INTERVAL = 0.05  # seconds between progress signals (the operation may report per row)


class _Runnable(QRunnable):
    """Runs the task's operation on a pool thread.

    The task (a Qt object owned by Python, holding the operation and through it the asking
    window) must never lose its last reference here: shiboken would have to delete it from this
    thread, and PySide 6.11 crashed doing so (a segfault in runDeletionInMainThread, seen once in
    a few hundred tasks). So this thread lets go of the task, then says so; the GUI thread drops
    its own reference only after that (``Task._release``)."""

    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self.task: Task[Any] | None = task

    def run(self) -> None:
        task, self.task = self.task, None
        assert task is not None
        let_go = task.worker_let_go
        try:
            result = task.operation(task.report_progress, task.cancel_token)
        except Cancelled:
            task.cancelled.emit()
        except BaseException as exc:
            task.failed.emit(exc)
        else:
            task.succeeded.emit(result)
            del result
        del task
        let_go.set()


class Task(QObject, Generic[T]):
    """One operation in flight. Lives on the GUI thread; its signals cross back to it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        operation: Operation[T],
        on_done: Callable[[T], None],
        *,
        label: str,
        on_failed: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
        show_after_ms: int = 300,
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.operation = operation
        self.on_done = on_done
        self.on_failed = on_failed
        self.on_cancelled = on_cancelled
        self.cancel_token = CancelToken()
        self.worker_let_go = threading.Event()  # the pool thread holds no reference any more
        self._last_report = 0.0
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setMinimumWidth(360)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._cancel)
        self.progressed.connect(self._show_progress)
        self.succeeded.connect(self._deliver)
        self.failed.connect(self._fail)
        self.cancelled.connect(self._quiet)

    # -- worker thread side -------------------------------------------------------------------
    def report_progress(self, done: int, total: int) -> None:
        """The ``progress`` callback handed to the operation; throttled, safe from any thread."""
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_INTERVAL:
            return
        self._last_report = now
        self.progressed.emit(done, total)

    # -- GUI thread side ----------------------------------------------------------------------
    def start(self) -> Task[T]:
        _running.add(self)
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    @Slot()
    def _cancel(self) -> None:
        self.cancel_token.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))
        self.dialog.show()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        # a report still queued when the asking window closed finds its dialog gone with it
        if self.cancel_token.cancelled or not shiboken6.isValid(self.dialog):
            return
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total))

    def _finish(self) -> None:
        if shiboken6.isValid(self.dialog):  # gone with its parent when the window was closed
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        QTimer.singleShot(0, self._release)  # not inside this object's own slot

    def _release(self) -> None:
        """Let the task go, on the GUI thread, once the pool thread has let go of it."""
        if self.worker_let_go.is_set():
            _running.discard(self)
        else:
            QTimer.singleShot(5, self._release)

    def _asker_gone(self) -> bool:
        """The window that asked was closed while the work ran: nothing is left to show."""
        return self.parent_widget is not None and not shiboken6.isValid(self.parent_widget)

    @Slot(object)
    def _deliver(self, result: T) -> None:
        self._finish()
        if not self._asker_gone():
            self.on_done(result)

    @Slot(object)
    def _fail(self, exc: BaseException) -> None:
        self._finish()
        if self._asker_gone():
            log.error("operation failed after its window closed", exc_info=exc)
        elif self.on_failed is not None:
            self.on_failed(exc)
        else:
            show_error(self.parent_widget, exc)

    @Slot()
    def _quiet(self) -> None:
        self._finish()
        if self.on_cancelled is not None and not self._asker_gone():
            self.on_cancelled()


def run_task(
    parent: QWidget | None,
    operation: Operation[T],
    on_done: Callable[[T], None],
    *,
    label: str,
    on_failed: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
    show_after_ms: int = 300,
) -> Task[T]:
    """Run ``operation(progress, cancel)`` off the GUI thread; ``on_done(result)`` on it."""
    return Task(
        parent,
        operation,
        on_done,
        label=label,
        on_failed=on_failed,
        on_cancelled=on_cancelled,
        cancellable=cancellable,
        show_after_ms=show_after_ms,
    ).start()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A refused action shows the service's message as it is; a bug names itself."""
    if isinstance(exc, ActionRefused):
        title = QCoreApplication.translate("tasks", "The action was refused")
        QMessageBox.warning(parent, title, exc.message)
        return
    log.error("operation failed", exc_info=exc)
    first_line = (str(exc) or exc.__class__.__name__).splitlines()[0]
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("tasks", "The operation failed"),
        QCoreApplication.translate("tasks", "The operation failed:\n%1").replace(
            "%1", f"{exc.__class__.__name__}: {first_line}"
        ),
    )
