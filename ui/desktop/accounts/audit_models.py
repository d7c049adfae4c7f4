"""The audit window's tables: entries (appended page by page) and one entry's field changes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.desktop.widgets.models import RIGHT, Column, RowsTableModel
from workforce.services.accounts.audit_labels import action_name, entity_name
from workforce.services.accounts.audit_views import AuditRow, FieldChange


def when(row: AuditRow) -> str:
    return f"{row.at.astimezone():%Y-%m-%d %H:%M:%S}"


def summary(row: AuditRow) -> str:
    return "；".join(f"{c.label or c.field}: {c.old or ''} → {c.new or ''}" for c in row.changes)


ENTRY_COLUMNS: tuple[Column[AuditRow], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Time"), when, width=140),
    Column(QT_TRANSLATE_NOOP("columns", "User"), lambda r: r.username, width=80),
    Column(QT_TRANSLATE_NOOP("columns", "Action"), lambda r: action_name(r.action), width=90),
    Column(QT_TRANSLATE_NOOP("columns", "Object"), lambda r: entity_name(r.entity), width=90),
    Column(
        QT_TRANSLATE_NOOP("columns", "No."),
        lambda r: "" if r.entity_id is None else str(r.entity_id),
        None,
        RIGHT,
        60,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Changes"), summary, width=320),
    Column(QT_TRANSLATE_NOOP("columns", "Note"), lambda r: r.note, width=200),
)

CHANGE_COLUMNS: tuple[Column[FieldChange], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Field"), lambda c: c.label or c.field, width=110),
    Column(QT_TRANSLATE_NOOP("columns", "Old value"), lambda c: c.old or "", width=150),
    Column(QT_TRANSLATE_NOOP("columns", "New value"), lambda c: c.new or "", width=150),
)


class EntryModel(RowsTableModel[AuditRow]):
    """The entries loaded so far; later pages are appended, never re-read."""

    def append_rows(self, rows: tuple[AuditRow, ...]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(self.index(-1, -1).parent(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
