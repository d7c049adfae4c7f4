"""Step 2 of the adjustment wizard: review the plan.

The figures a city reports (人次, 年度增加资金 in 元 and 万元, blocked), totals by district, street
and post, and a table of every person with filters (moving, blocked, excluded, set by hand) and a
text search; the detail pane gives one person's reasons. A clerk excludes a person or sets their
level with a written reason (``override_item``); the plan is read again afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.adjustment import text as adjust_text
from ui.desktop.adjustment.columns import (
    ALL,
    FILTER_KINDS,
    GROUP_COLUMNS,
    LINE_COLUMNS,
    LineFilter,
    kind_counts,
)
from ui.desktop.adjustment.text import CHANGED
from ui.desktop.widgets.models import RowsTableModel
from ui.desktop.widgets.tables import BANNER, SEARCH_DELAY_MS, make_table
from workforce.services.adjustment.run import PREPARED
from workforce.services.adjustment.screens import RunState, SinceLast
from workforce.services.adjustment.views import GroupTotal, RunLine, RunOverview

NAMES_SHOWN = 8


class GroupTotals(QTabWidget):
    """人次 and 年度增加资金 by district, by street and by post."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: list[RowsTableModel[GroupTotal]] = []
        for key, title in (
            ("district", self.tr("By district")),
            ("street", self.tr("By street")),
            ("post", self.tr("By post")),
        ):
            model: RowsTableModel[GroupTotal] = RowsTableModel(GROUP_COLUMNS)
            self.models.append(model)
            self.addTab(make_table(model, settings_key=f"adjustment-totals-{key}"), title)

    def set_overview(self, o: RunOverview) -> None:
        for model, groups in zip(self.models, (o.by_district, o.by_street, o.by_post), strict=True):
            model.set_rows(groups)
        self.setCurrentIndex(1 if len(o.by_district) == 1 else 0)


class ReviewPage(QWidget):
    """The plan under review; ``decide`` asks the wizard to exclude/override the selected line."""

    decide = Signal(object)  # RunLine
    export_workbook = Signal()
    export_notices = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: RunState | None = None
        self.since = QLabel()
        self.since.setWordWrap(True)
        self.since.setStyleSheet(BANNER)
        self.since.setVisible(False)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.kind = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, ID number, street or community"))
        self.model: RowsTableModel[RunLine] = RowsTableModel(LINE_COLUMNS)
        self.table = make_table(
            self.model,
            settings_key="adjustment-review",
            person=lambda row: row.worker_id,
            actions=lambda: (self.decide_button,),
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.shown = QLabel()
        self.detail = QTextBrowser()
        self.groups = GroupTotals()
        self.decide_button = QPushButton(self.tr("Exclude or set level…"))
        self.workbook_button = QPushButton(self.tr("Export plan (.xlsx)…"))
        self.notices_button = QPushButton(self.tr("Print notices (PDF)…"))
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.kind)
        filters.addWidget(self.search, 1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addWidget(self.shown)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.detail)
        side.addWidget(self.groups)
        side.setSizes([330, 220])
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setSizes([820, 340])
        buttons = QHBoxLayout()
        buttons.addWidget(self.decide_button)
        buttons.addStretch(1)
        buttons.addWidget(self.workbook_button)
        buttons.addWidget(self.notices_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.since)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self._debounce.timeout.connect(self.apply_filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.doubleClicked.connect(lambda _index: self._decide())
        self.decide_button.clicked.connect(self._decide)
        self.workbook_button.clicked.connect(self.export_workbook)
        self.notices_button.clicked.connect(self.export_notices)

    # -- state ----------------------------------------------------------------------------------
    def set_state(self, state: RunState, select_worker: int | None = None) -> None:
        self.state = state
        o = state.overview
        self.summary.setText(adjust_text.summary_html(o))
        self._show_since(state.since_last)
        self.groups.set_overview(o)
        counts = kind_counts(state.lines)
        first = self.kind.count() == 0
        chosen = (CHANGED if counts[CHANGED] else ALL) if first else self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind, label in FILTER_KINDS:
            self.kind.addItem(
                f"{adjust_text.translated(label)} ({fmt.count_text(counts[kind])})", kind
            )
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        self.kind.blockSignals(False)
        self.notices_button.setEnabled(o.person_times > 0)
        self.apply_filter(select_worker)

    def _show_since(self, since: SinceLast | None) -> None:
        if since is None:
            self.since.setVisible(False)
            return
        if since.empty:
            text = self.tr("Prepared again: nobody changed since the last preparation.")
        else:
            parts = []
            for label, people in (
                (self.tr("new in the plan: %1"), since.added),
                (self.tr("no longer in the plan: %1"), since.removed),
                (self.tr("proposed level changed: %1"), since.changed),
            ):
                if people:
                    names = "、".join(p.name for p in people[:NAMES_SHOWN])
                    more = "…" if len(people) > NAMES_SHOWN else ""
                    count = fmt.count_text(len(people))
                    parts.append(label.replace("%1", f"{count}（{names}{more}）"))
            text = self.tr("Since the last preparation: %1.").replace("%1", "；".join(parts))
        self.since.setText(text)
        self.since.setVisible(True)

    def line_filter(self) -> LineFilter:
        return LineFilter(self.kind.currentData() or "all", self.search.text())

    def apply_filter(self, select_worker: int | None = None) -> None:
        self._debounce.stop()
        if self.state is None:
            return
        keep = select_worker if select_worker is not None else self._selected_worker()
        rows = self.line_filter().apply(self.state.lines)
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < len(LINE_COLUMNS):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.shown.setText(
            self.tr("%1 of %2 people shown")
            .replace("%1", fmt.count_text(len(rows)))
            .replace("%2", fmt.count_text(len(self.state.lines)))
        )
        self._select(keep)
        self._show_selected()

    def _select(self, worker_id: int | None) -> None:
        for number, line in enumerate(self.model.rows):
            if line.worker_id == worker_id:
                self.table.selectRow(number)
                self.table.scrollTo(self.model.index(number, 0))
                return
        if self.model.rows:
            self.table.selectRow(0)

    def selected_line(self) -> RunLine | None:
        rows = self.table.selected_rows()
        return rows[0] if rows else None

    def _selected_worker(self) -> int | None:
        line = self.selected_line()
        return line.worker_id if line else None

    def _show_selected(self) -> None:
        line = self.selected_line()
        self.detail.setHtml(adjust_text.detail_html(line) if line else "")
        editable = self.state is not None and self.state.overview.status == PREPARED
        self.decide_button.setEnabled(editable and line is not None)
        if not editable:
            self.decide_button.setToolTip(self.tr("Only a plan not yet approved can be changed."))

    def _decide(self) -> None:
        line = self.selected_line()
        if line is not None and self.decide_button.isEnabled():
            self.decide.emit(line)

    def select_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
