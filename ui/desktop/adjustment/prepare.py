"""Step 1 of the adjustment wizard: the year and the effective date, and the runs that year
already has (continue an open plan instead of preparing again, which would drop its decisions)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from workforce.domain.adjustment.appraisal import GRADE_SETS, appraisal_year_at
from workforce.services.adjustment.run import APPLIED, APPROVED, PREPARED
from workforce.services.adjustment.screens import Preflight, RunInfo

INFO = "QLabel { background: #eef4fb; border: 1px solid #c5d7ee; padding: 8px; }"
WARN = "QLabel { background: #fdecea; border: 1px solid #f5c2c0; padding: 8px; }"
CHECK = "QLabel { background: #ffffff; border: 1px solid #d0d0d0; padding: 10px; }"
GRADE_ORDER = {
    name: n for n, name in enumerate(dict.fromkeys(g.name for s in GRADE_SETS.values() for g in s))
}


class PreparePage(QWidget):
    """Year, effective date (default 1 January of the year), and the year's existing runs."""

    continue_run = Signal(int)
    inputs_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs: list[RunInfo] = []
        self.open_run: RunInfo | None = None
        self.year = QSpinBox()
        self.year.setFixedWidth(110)
        self.year.setRange(2000, today.year + 1)
        # the run after the appraisals being entered: early in the year this year's, in
        # November and December next year's (effective on 1 January)
        self.year.setValue(appraisal_year_at(today) + 1)
        self.effective = QDateEdit()
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.effective.setFixedWidth(140)
        self._default_date()
        explain = QLabel(
            self.tr(
                "The plan evaluates every worker in post against the region's rules: three "
                "qualifying years, two consecutive 优秀, education and certificate, honours, post "
                "changes, and the post's range. It uses the appraisals of the years before. "
                "Nothing changes for any worker until the plan is approved by a second user and "
                "applied."
            )
        )
        explain.setWordWrap(True)
        self.check = QLabel()
        self.check.setTextFormat(Qt.TextFormat.RichText)
        self.check.setWordWrap(True)
        self.check.setStyleSheet(CHECK)
        self.check.setVisible(False)
        self.existing = QLabel()
        self.existing.setWordWrap(True)
        self.existing.setVisible(False)
        self.continue_button = QPushButton()
        self.continue_button.setVisible(False)
        self.continue_button.clicked.connect(self._continue)
        form = QFormLayout()
        form.addRow(self.tr("Adjustment year"), self.year)
        form.addRow(self.tr("Effective date"), self.effective)
        continue_row = QHBoxLayout()
        continue_row.addWidget(self.continue_button)
        continue_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(self.check)
        layout.addWidget(self.existing)
        layout.addLayout(continue_row)
        layout.addStretch(1)
        self.year.valueChanged.connect(lambda _year: self._year_changed())
        self.effective.dateChanged.connect(lambda _date: self.inputs_changed.emit())

    def _default_date(self) -> None:
        self.effective.setDate(QDate(self.year.value(), 1, 1))

    def _year_changed(self) -> None:
        self._default_date()
        self._show_existing()
        self.inputs_changed.emit()

    def set_preflight(self, check: Preflight) -> None:
        """What the preparation will work from, to check before starting it."""
        if (check.year, check.effective_date) != (self.year.value(), self.effective_date()):
            return  # an answer for inputs changed since
        e = html.escape
        count = fmt.count_text
        grades = "、".join(
            f"{grade} {count(n)}"
            for grade, n in sorted(check.grades.items(), key=lambda g: GRADE_ORDER.get(g[0], 99))
        )
        missing = max(check.in_post - check.appraised, 0)
        lines = [
            self.tr("Workers in post: %1").replace("%1", count(check.in_post)),
            self.tr("Appraisals of %1: %2 entered (%3), %4 without one")
            .replace("%1", str(check.year - 1))
            .replace("%2", count(check.appraised))
            .replace("%3", grades or "—")
            .replace("%4", count(missing)),
        ]
        if check.scale is None:
            scale = self.tr("No pay scale is in force on %1: import one first.").replace(
                "%1", fmt.date_text(check.effective_date)
            )
            lines.append(f"<span style='color:#b71c1c'>{e(scale)}</span>")
        else:
            lines.append(
                e(
                    self.tr("Pay scale: %1 (in force from %2)")
                    .replace("%1", check.scale.name)
                    .replace("%2", fmt.date_text(check.scale.effective_date))
                )
            )
        items = "".join(f"<li>{line if line.startswith('<') else e(line)}</li>" for line in lines)
        title = e(self.tr("Before preparing"))
        self.check.setText(f"<b>{title}</b><ul style='margin:0'>{items}</ul>")
        self.check.setVisible(True)

    def effective_date(self) -> dt.date:
        value = self.effective.date()
        return dt.date(value.year(), value.month(), value.day())

    def set_runs(self, runs: list[RunInfo]) -> None:
        self.runs = runs
        self._show_existing()

    def blocked(self) -> bool:
        """The year's run is applied: preparing again is refused until it is reverted."""
        return any(r.year == self.year.value() and r.status == APPLIED for r in self.runs)

    def _show_existing(self) -> None:
        year = self.year.value()
        applied = next((r for r in self.runs if r.year == year and r.status == APPLIED), None)
        self.open_run = next(
            (r for r in self.runs if r.year == year and r.status in (PREPARED, APPROVED)), None
        )
        if applied is not None:
            self.existing.setStyleSheet(WARN)
            self.existing.setText(
                self.tr(
                    "The %1 adjustment was applied (run %2). It cannot be prepared again unless "
                    "that run is reverted (Adjustment runs…)."
                )
                .replace("%1", str(year))
                .replace("%2", str(applied.run_id))
            )
        elif self.open_run is not None:
            run = self.open_run
            self.existing.setStyleSheet(INFO)
            self.existing.setText(
                self.tr(
                    "Run %1 for %2 is %3 (prepared by %4 on %5, %6 person-times). Preparing "
                    "again replaces it and drops its exclusions and hand-set levels; the new plan "
                    "shows what changed since."
                )
                .replace("%1", str(run.run_id))
                .replace("%2", str(year))
                .replace("%3", run.status_name)
                .replace("%4", run.prepared_by)
                .replace("%5", fmt.date_text(run.prepared_at.astimezone().date()))
                .replace("%6", fmt.count_text(run.person_times))
            )
            self.continue_button.setText(
                self.tr("Continue with run %1").replace("%1", str(run.run_id))
            )
        self.existing.setVisible(applied is not None or self.open_run is not None)
        self.continue_button.setVisible(applied is None and self.open_run is not None)

    def _continue(self) -> None:
        if self.open_run is not None:
            self.continue_run.emit(self.open_run.run_id)
