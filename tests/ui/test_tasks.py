"""The one helper for long work: result, refusal and cancel come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.tasks import _running, run_task
from workforce.domain.problems import ActionRefused
from workforce.domain.progress import CancelToken, ProgressFn

pytestmark = pytest.mark.gui


def test_result_refusal_and_cancel(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    results: list[object] = []
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    def count(progress: ProgressFn, cancel: CancelToken) -> str:
        for done in range(3):
            progress(done, 3)
        return threading.current_thread().name

    run_task(None, count, results.append, label="…")
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0] != threading.current_thread().name  # ran off the GUI thread

    def refuse(_progress: ProgressFn, _cancel: CancelToken) -> None:
        raise ActionRefused("身份证号 110105194912310021 已存在（王芳）")

    run_task(None, refuse, results.append, label="…")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown == ["身份证号 110105194912310021 已存在（王芳）"]

    started = threading.Event()
    cancelled: list[bool] = []

    def wait_for_cancel(_progress: ProgressFn, cancel: CancelToken) -> None:
        started.set()
        while True:
            cancel.check()

    task = run_task(None, wait_for_cancel, results.append, label="…",
                    on_cancelled=lambda: cancelled.append(True))  # fmt: skip
    started.wait(5)
    task.dialog.canceled.emit()  # the cancel button
    qtbot.waitUntil(lambda: cancelled == [True])
    assert len(results) == 1 and len(shown) == 1  # quiet: no result, no message


def test_progress_queued_after_the_window_closed_is_dropped(qtbot: QtBot) -> None:
    """A progress report still queued when the asking window (and its dialog) went away."""
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    gate = threading.Event()

    def operation(_progress: ProgressFn, _cancel: CancelToken) -> int:
        gate.wait(5)
        return 1

    task = run_task(window, operation, lambda _r: None, label="…")
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(task.dialog))
    task._show_progress(1, 2)  # raised "Internal C++ object already deleted"
    gate.set()
    qtbot.waitUntil(lambda: task not in _running)


def test_the_task_is_let_go_on_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task (a Python-owned Qt object, holding the asking window through its operation) whose
    last reference went on the pool thread crashed PySide 6.11 (a segfault in shiboken's
    runDeletionInMainThread, once in a few hundred tasks, in CI). Here the pool thread lingers
    after each task, as a busy machine makes it: every task must still end on the GUI thread."""
    import time
    import weakref

    import ui.tasks

    run = ui.tasks._Runnable.run

    def lingering(runnable: ui.tasks._Runnable) -> None:
        run(runnable)
        time.sleep(0.02)  # the GUI thread delivers the result meanwhile

    monkeypatch.setattr(ui.tasks._Runnable, "run", lingering)
    ended_on: list[str] = []
    results: list[int] = []
    for number in range(10):
        task = run_task(None, lambda _p, _c, n=number: n, results.append, label="…")
        weakref.finalize(task, lambda: ended_on.append(threading.current_thread().name))
        del task
        qtbot.waitUntil(lambda n=number: len(ended_on) == n + 1, timeout=5_000)
    assert results == list(range(10))
    assert set(ended_on) == {threading.main_thread().name}
