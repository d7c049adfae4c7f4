"""What the main window offers the menus, docks and screens it opens.

They type against ``WindowShell`` and never import ``main_window``: the window assembles its menus,
the menus open their screens, and the dependency runs one way (the import-linter contract "The
desktop is layered" in pyproject.toml keeps it so). ``MainWindow`` fits the protocol as it is; a
test may pass anything else that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QMainWindow

    from ui.desktop.roster_snapshot import RosterSnapshot
    from ui.desktop.widgets.org_tree import OrgTree
    from workforce.services.context import Actor, Database
    from workforce.services.roster.query import RosterRow


class WindowShell(Protocol):
    @property
    def db(self) -> Database | None:
        """The open database; None until ``attach``."""

    @property
    def actor(self) -> Actor | None:
        """Who is signed in; None until ``attach``."""

    @property
    def snapshot(self) -> RosterSnapshot | None:
        """The roster as last read: units, posts, rows; None until the first read ends."""

    @property
    def tree(self) -> OrgTree:
        """The organisation tree: the unit selected, and ``unit_selected`` when it changes."""

    @property
    def roster_loaded(self) -> SignalInstance:
        """Emitted after every (re)read of the roster: the data may have changed."""

    def widget(self) -> QMainWindow:
        """The window itself: parent of the screens, owner of the menu bar and the docks."""

    def attach(self, db: Database, actor: Actor) -> None:
        """Work on ``db`` as ``actor`` from now on (after a restore), and read the roster."""

    def refresh(self) -> None:
        """Read the roster again (after a change), keeping filters, sort and selection."""

    def shown_rows(self) -> list[RosterRow]:
        """The rows the table shows now, filters and order applied."""

    def ids_masked(self) -> bool:
        """Whether the table shows ID numbers masked (View → Mask ID numbers)."""

    def select_worker(self, worker_id: int) -> None:
        """Select the worker's row in the table, if it is shown."""

    def open_worker(self, worker_id: int) -> None:
        """The worker's form (for those who may edit files); a save reads the roster again."""
