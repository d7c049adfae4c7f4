"""Long work reports progress and can be cancelled, with no Qt inside (the CLI runs it too)."""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressFn = Callable[[int, int], None]
"""Called with (done, total) as work advances."""


def no_progress(_done: int, _total: int) -> None:
    """The default progress callback: report nothing."""


class Cancelled(Exception):
    """The user cancelled; the operation wrote nothing."""


class CancelToken:
    """Set from any thread (the cancel button); checked by the operation between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` when cancellation was asked for."""
        if self._event.is_set():
            raise Cancelled("已取消")
