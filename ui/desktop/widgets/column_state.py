"""A table's remembered columns (order, widths, hidden ones) in QSettings, per ``settings_key``."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class SavedColumns:
    """The header state a clerk left, kept with the headers it was saved for: a state saved
    before a version added a column (the payroll month's 税后扣款) would show the new column's
    header over an empty column, and the last one's figures nowhere, so it is not restored."""

    def __init__(self, settings_key: str) -> None:
        self.settings_key = settings_key

    def _key(self, name: str) -> str:
        # "2": the columns shown by default and the stretch column changed (a 1366 screen); a
        # state saved by the earlier version (every column, saved on each automatic fit) would
        # keep the old wide list on every upgraded PC
        return f"tables2/{self.settings_key}/{name}"

    def save(self, state: QByteArray, headers: str) -> None:
        QSettings().setValue(self._key("header"), state)
        QSettings().setValue(self._key("columns"), headers)

    def load(self, headers: str) -> QByteArray | None:
        """The saved state if it was saved for ``headers`` (the table's columns now), else None."""
        settings = QSettings()
        state = settings.value(self._key("header"))
        if settings.value(self._key("columns")) != headers:
            return None
        return QByteArray(state) if isinstance(state, QByteArray | bytes) else None
