"""The adjustment tables as data: the plan's lines, totals by group, the run list; and the review's
filter, applied to the Python list (PERF-NOTES: no proxy model over ``data()`` calls)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui import formatting as fmt
from ui.desktop.adjustment import text
from ui.desktop.widgets.models import CENTRE, RIGHT, Column
from workforce.services.adjustment.screens import RunInfo
from workforce.services.adjustment.views import GroupTotal, RunLine

LINE_COLUMNS: tuple[Column[RunLine], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=86),
    Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=86),
    Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, width=62),
    Column(QT_TRANSLATE_NOOP("columns", "ID number"), lambda r: r.id_number, width=150),
    Column(
        QT_TRANSLATE_NOOP("columns", "Before"),
        lambda r: text.post_level(r.old_post_name, r.old_level),
        lambda r: (r.old_post_name, r.old_level),
        width=140,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "After"),
        lambda r: text.post_level(r.new_post_name, r.new_level),
        lambda r: (r.new_post_name, r.new_level),
        width=140,
        colour=lambda r: text.KIND_COLOURS.get(text.kind(r)),
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Monthly change"),
        lambda r: text.money(r.counted_monthly),
        lambda r: r.counted_monthly,
        RIGHT,
        80,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Status"),
        text.kind_text,
        align=CENTRE,
        width=64,
        colour=lambda r: text.KIND_COLOURS.get(text.kind(r)),
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Reasons"),
        lambda r: "；".join(r.reasons or r.notes),
        width=300,
    ),
)

GROUP_COLUMNS: tuple[Column[GroupTotal], ...] = (
    Column(QT_TRANSLATE_NOOP("columns", "Unit or post"), lambda g: g.name, width=136),
    Column(
        QT_TRANSLATE_NOOP("columns", "Person-times"),
        lambda g: fmt.count_text(g.person_times),
        lambda g: g.person_times,
        RIGHT,
        48,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Yearly cost (yuan)"),
        lambda g: text.money(g.yearly_cost),
        lambda g: g.yearly_cost,
        RIGHT,
        110,
    ),
)

RUN_COLUMNS: tuple[Column[RunInfo], ...] = (
    Column(
        QT_TRANSLATE_NOOP("columns", "Run"), lambda r: str(r.run_id), lambda r: r.run_id, RIGHT, 50
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Year"), lambda r: str(r.year), align=CENTRE, width=56),
    Column(
        QT_TRANSLATE_NOOP("columns", "Effective"),
        lambda r: fmt.date_text(r.effective_date),
        align=CENTRE,
        width=92,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda r: r.status_name, width=130),
    Column(
        QT_TRANSLATE_NOOP("columns", "Person-times"),
        lambda r: fmt.count_text(r.person_times),
        lambda r: r.person_times,
        RIGHT,
        80,
    ),
    Column(
        QT_TRANSLATE_NOOP("columns", "Yearly cost (yuan)"),
        lambda r: text.money(r.yearly_cost),
        lambda r: r.yearly_cost,
        RIGHT,
        120,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Prepared by"), lambda r: r.prepared_by, width=90),
    Column(
        QT_TRANSLATE_NOOP("columns", "Prepared at"),
        lambda r: f"{r.prepared_at.astimezone():%Y-%m-%d %H:%M}",
        align=CENTRE,
        width=130,
    ),
    Column(QT_TRANSLATE_NOOP("columns", "Approved by"), lambda r: r.approved_by, width=90),
    Column(
        QT_TRANSLATE_NOOP("columns", "Applied at"),
        lambda r: f"{r.applied_at.astimezone():%Y-%m-%d %H:%M}" if r.applied_at else "",
        align=CENTRE,
        width=130,
    ),
)

ALL = "all"
FILTER_KINDS: tuple[tuple[str, str], ...] = (
    (ALL, QT_TRANSLATE_NOOP("adjust", "Everyone in the plan")),
    (text.CHANGED, QT_TRANSLATE_NOOP("adjust", "Moving (counted)")),
    (text.BLOCKED, QT_TRANSLATE_NOOP("adjust", "Blocked")),
    (text.EXCLUDED, QT_TRANSLATE_NOOP("adjust", "Excluded")),
    (text.OVERRIDDEN, QT_TRANSLATE_NOOP("adjust", "Level set by hand")),
)


@dataclass(frozen=True, slots=True)
class LineFilter:
    """Which lines the review shows: a kind (``ALL``, or a line kind) and words to find."""

    kind: str = ALL
    search: str = ""

    def matches(self, line: RunLine) -> bool:
        if self.kind == text.CHANGED and not line.changed:
            return False
        if self.kind not in (ALL, text.CHANGED) and text.kind(line) != self.kind:
            return False
        words = self.search.split()
        if not words:
            return True
        haystack = " ".join(
            (line.name, line.id_number, line.street, line.community, line.new_post_name)
        )
        return all(word.upper() in haystack.upper() for word in words)

    def apply(self, lines: Iterable[RunLine]) -> list[RunLine]:
        return [line for line in lines if self.matches(line)]


def kind_counts(lines: Sequence[RunLine]) -> dict[str, int]:
    """How many lines each filter kind would show."""
    counts = {kind: 0 for kind, _ in FILTER_KINDS}
    counts[ALL] = len(lines)
    for line in lines:
        if line.changed:
            counts[text.CHANGED] += 1
        current = text.kind(line)
        if current in (text.BLOCKED, text.EXCLUDED, text.OVERRIDDEN):
            counts[current] += 1
    return counts
