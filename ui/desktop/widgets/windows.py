"""Opening a screen from a menu: the way every menu of the main window does it, written once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from workforce.services.context import Actor, Database

ScreenT = TypeVar("ScreenT", bound=QWidget)
ScreenT_co = TypeVar("ScreenT_co", bound=QWidget, covariant=True)


class ScreenHost(Protocol):
    """What a screen is opened from: the main window (``ui.desktop.shell.WindowShell`` fits)."""

    @property
    def db(self) -> Database | None: ...

    @property
    def actor(self) -> Actor | None: ...

    def widget(self) -> QWidget: ...


class ScreenFactory(Protocol[ScreenT_co]):
    """A screen's class (or a ``functools.partial`` of it with its other arguments)."""

    def __call__(
        self, db: Database, actor: Actor, *, parent: QWidget | None = ...
    ) -> ScreenT_co: ...


def open_window(host: ScreenHost, factory: ScreenFactory[ScreenT]) -> ScreenT | None:
    """Open a screen on the host's database as the signed-in user, parented to the host's window
    and deleted when closed; None (nothing opened) while no database is open."""
    if host.db is None or host.actor is None:
        return None
    screen = factory(host.db, host.actor, parent=host.widget())
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.show()
    return screen
