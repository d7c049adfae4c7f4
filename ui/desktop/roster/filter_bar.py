"""The worker list's filters above its table: the search box, the status and the post.
``changed`` says the clerk asked for other rows: the search after a pause in the typing (or at
once on Enter), a status or a post at once. The window filters (``roster_filter``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.desktop.roster_filter import RosterCriteria
from ui.desktop.widgets.tables import SEARCH_DELAY_MS
from workforce.domain.scale import PostRange
from workforce.domain.vocab import ACTIVE_STATUSES, WorkerStatus

IN_POST = frozenset(status.value for status in ACTIVE_STATUSES)


class RosterFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, ID number, community, post or phone"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("In post (active, probation)"), IN_POST)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in WorkerStatus:
            self.status_filter.addItem(status.value, frozenset({status.value}))
        self.post_filter = QComboBox()
        self.post_filter.addItem(self.tr("All posts"), None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(QLabel(self.tr("Status")))
        layout.addWidget(self.status_filter)
        layout.addWidget(QLabel(self.tr("Post")))
        layout.addWidget(self.post_filter)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.changed)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.post_filter.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def settle(self) -> None:
        """The rows are filtered now: a search still waiting for its pause is not run again."""
        self._debounce.stop()

    def set_posts(self, posts: Sequence[PostRange]) -> None:
        """The posts to choose from (the one chosen stays chosen while it is there)."""
        post = self.post_filter.currentData()
        self.post_filter.blockSignals(True)
        while self.post_filter.count() > 1:
            self.post_filter.removeItem(1)
        for item in posts:
            self.post_filter.addItem(item.name, item.code)
        self.post_filter.setCurrentIndex(max(self.post_filter.findData(post), 0))
        self.post_filter.blockSignals(False)

    def criteria(self, units: frozenset[int] | None, grid: str | None) -> RosterCriteria:
        """What the clerk asked for, within ``units`` (and ``grid``) when a unit is selected."""
        return RosterCriteria(
            self.search.text(),
            self.status_filter.currentData(),
            self.post_filter.currentData(),
            units,
            grid,
        )

    def description(self, unit: str = "") -> str:
        """The filter in words, for the header of an export: unit; status; post; search."""
        parts = [unit, self.status_filter.currentText(), self.post_filter.currentText()]
        if self.search.text():
            parts.append(self.tr("Search: %1").replace("%1", self.search.text()))
        return "; ".join(part for part in parts if part)
