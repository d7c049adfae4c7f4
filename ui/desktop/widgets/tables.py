"""The one table every list shows: ``DataTable`` over a ``RowsTableModel``, made by ``make_table``.

What each list gets from here, as a clerk used to Excel expects it:
- cells selected as in a sheet: a click selects a cell, Shift extends the rectangle, Ctrl adds
  cells, Shift+Space widens the selection to whole rows, Ctrl+A selects everything. A row counts
  as selected when any of its cells is (``selected_rows``: what a screen's actions act on);
- Ctrl+C copies the selected cells as a rectangle (the rows touched × the columns touched, in
  the order shown: Ctrl-clicked rows or columns come together, as Excel copies them) as
  tab-separated rows with the header line (text/plain) and as an HTML table (what Excel and WPS
  paste first) in which ID numbers and accounts stay text and numbers are plain numbers; whole
  rows selected copy whole rows;
- a right-click menu: 复制, 复制（含表头）, 导出为 Excel…, 打开人员档案 where a row is a person
  (``person``: the row's worker id, opened by the main window's ``open_worker``), then the
  screen's own actions (``actions``);
- sorting on a header click in the order of the column's kind (``models.cell_sort_key``);
- column widths that fit their content, numbers narrow, and one text column (``Column.stretch``,
  else the widest text column) taking the width the others leave, so a long name or opinion is
  read whole; columns a clerk seldom needs hidden until chosen (``Column.shown``);
- order, widths and hidden columns remembered per table in QSettings (``settings_key``), with a
  column chooser on the header's right-click menu;
- 导出为 Excel writes exactly the rows and columns shown, in the order shown, through
  ``reports.table_xlsx`` off the GUI thread, titled and with the filter in the sheet's header.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableView,
    QWidget,
)

from ui.desktop.widgets.column_state import SavedColumns
from ui.desktop.widgets.models import TEXT, RowsTableModel
from ui.desktop.widgets.shown_table import ShownTable, clipboard_data, export_shown

PersonOf = Callable[[Any], "int | None"]
"""A row's worker id, or None when the row is not a person (a vacancy, a unit's total)."""
Actions = Callable[[], Sequence["QAction | QAbstractButton | None"]]
"""The screen's own actions for the menu: its actions, or its buttons (the entry says what the
button says, is enabled when it is, and clicks it), None for a separator."""

# how long a search box waits after the last key before it filters
SEARCH_DELAY_MS = 150
# a notice above a table (a draft run, a month not yet calculated …)
BANNER = "QLabel { background: #fff8e1; border: 1px solid #f0d58c; padding: 6px; }"
FIT_SAMPLE = 200  # rows measured when fitting a column's width (a 100,000-row list stays fast)
MAX_FIT_WIDTH = 360


class DataTable(QTableView):
    """A read-only table over a ``RowsTableModel`` with the behaviour every list shares."""

    def __init__(
        self,
        model: RowsTableModel[Any],
        *,
        sortable: bool = True,
        settings_key: str | None = None,
        title: str = "",
    ) -> None:
        super().__init__()
        self._natural: dict[int, int] = {}  # each column's own width: header and first rows
        self._stretching = False  # the stretch column follows the window: not the clerk's width
        self.rows_model = model
        self._fitted = False
        self.settings_key = settings_key
        self.title = title
        self.filter_text: Callable[[], str] = lambda: ""
        """What the screen filters on, for the exported sheet's header."""
        self.open_person: Callable[[Any], None] | None = None
        """Opens a row's person file; the menu offers 打开人员档案 when set (or ``person`` is)."""
        self.person_of: Callable[[Any], bool] = lambda _row: True
        self.person: PersonOf | None = None
        """A row's worker id: 打开人员档案 opens it in the main window (``set_person``)."""
        self.person_page: Callable[[Any], str | None] | None = None
        self.actions_for: Actions = lambda: ()
        """The screen's own actions for the menu (None: a separator)."""
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing at 100k
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)  # the stretch column takes the room (``fill_width``)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        if sortable:
            header.setSectionsClickable(True)
            header.setSortIndicatorShown(True)
            self.setSortingEnabled(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setModel(model)
        self.restore_columns()
        header.sectionResized.connect(lambda *_args: self._stretching or self.save_columns())
        header.sectionMoved.connect(lambda *_args: self.save_columns())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Another model (a screen whose columns change: the pipeline's vacancies): copy, the
        menu and export follow it; its columns start at their widths, hidden as the columns say,
        and fit once filled."""
        super().setModel(model)
        if not isinstance(model, RowsTableModel):
            return
        # the headers get a selection of their own, always empty: a header asks, to paint each
        # section, whether its whole column is selected, and Qt answers that row by row (after
        # Ctrl+A on 100,000 rows, 1.6 million model calls a paint); sections are not
        # highlighted anyway, and a header click still selects through the table's own
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSelectionModel(QItemSelectionModel(model, header))
        self.rows_model, self._fitted = model, False
        self._natural.clear()
        for number, column in enumerate(model.columns):
            self.setColumnWidth(number, column.width)
            self.horizontalHeader().setSectionHidden(number, not column.shown)
        model.modelReset.connect(self._natural.clear)  # new rows: widths measured again
        model.modelReset.connect(self._fit_once)
        self._fit_once()

    # -- columns: fit, remember, choose -------------------------------------------------------
    def _fit_once(self) -> None:
        if self._fitted or self.rows_model.rowCount() == 0:
            return
        self._fitted = True
        if self._saved_state() is not None:
            return  # the clerk's own widths win
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and its first rows' text need (within bounds)."""
        self._natural = {}
        for number in range(len(self.rows_model.columns)):
            self.setColumnWidth(number, self.natural_width(number))
        self.fill_width()
        self.save_columns()

    def natural_width(self, number: int) -> int:
        """What column ``number`` needs: its header and its first rows' text, within bounds."""
        if number not in self._natural:
            model, metrics = self.rows_model, self.fontMetrics()
            title = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
            widest = self.horizontalHeader().fontMetrics().horizontalAdvance(title) + 28  # arrow
            for row in model.rows[:FIT_SAMPLE]:
                widest = max(widest, metrics.horizontalAdvance(model.cell_text(row, number)) + 16)
            self._natural[number] = min(widest, MAX_FIT_WIDTH)
        return self._natural[number]

    def stretch_column(self) -> int | None:
        """The shown column that takes the spare width: the one marked ``stretch``, else the
        widest text column, else the last one shown."""
        shown = self.shown_columns()
        if not shown:
            return None
        marked = [number for number in shown if self.rows_model.columns[number].stretch]
        if marked:
            return marked[0]
        texts = [number for number in shown if self.rows_model.kind(number) == TEXT]
        if texts:
            return max(texts, key=self.natural_width)
        return shown[-1]

    def fill_width(self) -> None:
        """Give the stretch column the width the other shown columns leave (never less than it
        needs itself), so the table is as wide as its view and a long text is read whole."""
        column = self.stretch_column()
        if column is None:
            return
        others = sum(self.columnWidth(n) for n in self.shown_columns() if n != column)
        width = max(self.natural_width(column), self.viewport().width() - others)
        if width != self.columnWidth(column):
            self._stretching = True
            try:
                self.setColumnWidth(column, width)
            finally:
                self._stretching = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fill_width()

    def _headers(self) -> str:
        return "\t".join(column.header for column in self.rows_model.columns)

    def save_columns(self) -> None:
        if self.settings_key:
            SavedColumns(self.settings_key).save(
                self.horizontalHeader().saveState(), self._headers()
            )

    def _saved_state(self) -> QByteArray | None:
        return SavedColumns(self.settings_key).load(self._headers()) if self.settings_key else None

    def restore_columns(self) -> None:
        state = self._saved_state()
        if state is not None:
            header = self.horizontalHeader()
            header.restoreState(state)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # rows come in their own order

    def set_column_shown(self, column: int, shown: bool) -> None:
        header = self.horizontalHeader()
        hidden = sum(header.isSectionHidden(i) for i in range(header.count()))
        if not shown and header.count() - hidden <= 1:
            return  # the last column shown stays
        header.setSectionHidden(column, not shown)
        self.fill_width()
        self.save_columns()

    def reset_columns(self) -> None:
        header = self.horizontalHeader()
        for number, column in enumerate(self.rows_model.columns):
            header.setSectionHidden(number, not column.shown)
            header.moveSection(header.visualIndex(number), number)
        self.fit_columns()

    def _header_menu(self, position: QPoint) -> None:
        self.column_menu().exec(self.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        """The column chooser: one checkable entry a column, and 恢复默认列."""
        menu = QMenu(self)
        header, model = self.horizontalHeader(), self.rows_model
        for visual in range(header.count()):
            number = header.logicalIndex(visual)
            action = menu.addAction(str(model.headerData(number, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.toggled.connect(lambda on, n=number: self.set_column_shown(n, on))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("table", "Fit column widths"), self.fit_columns)
        menu.addAction(
            QCoreApplication.translate("table", "Restore default columns"), self.reset_columns
        )
        return menu

    def show_lines(self, lines: int) -> None:
        """Rows ``lines`` lines high with long text wrapped (the height stays one for all rows:
        no per-row sizing on a long list)."""
        self.setWordWrap(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * lines + 8)

    # -- what is shown ------------------------------------------------------------------------
    def shown_columns(self) -> list[int]:
        """The model's columns as shown: in the header's order, hidden ones left out."""
        header = self.horizontalHeader()
        logical = (header.logicalIndex(visual) for visual in range(header.count()))
        return [number for number in logical if not header.isSectionHidden(number)]

    def selected_row_numbers(self) -> list[int]:
        """The rows any selected cell is in, top to bottom (what a screen's actions act on)."""
        return sorted(self._selected_lines()[0])

    def _selected_lines(self) -> tuple[set[int], set[int]]:
        """The rows and the columns the selection's ranges cover (read from the ranges: Ctrl+A
        on 100,000 rows is one range, not 1.6 million indexes)."""
        rows: set[int] = set()
        columns: set[int] = set()
        for part in self.selectionModel().selection():
            rows.update(range(part.top(), part.bottom() + 1))
            columns.update(range(part.left(), part.right() + 1))
        return rows, columns

    def first_selected_row(self) -> Any | None:
        """The topmost row any selected cell is in (what a one-row action acts on), or None."""
        tops = [part.top() for part in self.selectionModel().selection()]
        return self.rows_model.row_at(min(tops)) if tops else None

    def select_whole_rows(self) -> None:
        """Shift+Space: the rows of the selection (or the current cell's row), every column."""
        rows = self.selected_row_numbers() or (
            [self.currentIndex().row()] if self.currentIndex().isValid() else []
        )
        model, last = self.rows_model, self.rows_model.columnCount() - 1
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, last))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def selected_rows(self) -> list[Any]:
        return [self.rows_model.row_at(number) for number in self.selected_row_numbers()]

    def shown(
        self, rows: Sequence[int] | None = None, columns: Sequence[int] | None = None
    ) -> ShownTable:
        model = self.rows_model
        columns = self.shown_columns() if columns is None else list(columns)
        numbers = range(model.rowCount()) if rows is None else rows
        return ShownTable(
            self.title or self.window().windowTitle(),
            self.filter_text(),
            tuple(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns),
            tuple(model.kind(c) for c in columns),
            tuple(
                tuple(model.cell_text(model.row_at(number), c) for c in columns)
                for number in numbers
            ),
        )

    # -- copy ---------------------------------------------------------------------------------
    def selection_table(self) -> ShownTable:
        """The rows and columns the selected cells are in (shown columns only, in shown order)."""
        chosen_rows, chosen = self._selected_lines()
        rows = sorted(chosen_rows)
        columns = [number for number in self.shown_columns() if number in chosen]
        return self.shown(rows, columns)

    def copy(self, with_header: bool = True) -> None:
        table = self.selection_table()
        if not table.rows:
            return
        QGuiApplication.clipboard().setMimeData(clipboard_data(table, with_header))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy(with_header=True)
            event.accept()
            return
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        ):
            self.select_whole_rows()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- the right-click menu -----------------------------------------------------------------
    def row_menu(self) -> QMenu:
        menu = QMenu(self)
        chosen = self.selectionModel().hasSelection()
        copy = menu.addAction(
            QCoreApplication.translate("table", "Copy"), lambda: self.copy(with_header=False)
        )
        copy_all = menu.addAction(
            QCoreApplication.translate("table", "Copy with header"),
            lambda: self.copy(with_header=True),
        )
        copy.setEnabled(chosen)
        copy_all.setEnabled(chosen)
        export = menu.addAction(
            QCoreApplication.translate("table", "Export to Excel…"), self.export_dialog
        )
        export.setEnabled(self.rows_model.rowCount() > 0)
        menu.addAction(
            QCoreApplication.translate("table", "Columns…"),
            lambda: self.column_menu().exec(self.cursor().pos()),
        )
        opener = self.person_opener()
        if opener is not None:
            rows = self.selected_rows()
            person = menu.addAction(
                QCoreApplication.translate("table", "Open person file"),
                lambda: opener(rows[0]) if rows else None,
            )
            person.setEnabled(len(rows) == 1 and self.person_of(rows[0]))
        own = list(self.actions_for())
        if own:
            menu.addSeparator()
            for action in own:
                if action is None:
                    menu.addSeparator()
                elif isinstance(action, QAbstractButton):
                    if not _hidden(action):
                        entry = menu.addAction(action.text(), action.click)
                        entry.setEnabled(action.isEnabled())
                else:
                    menu.addAction(action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)  # the cell right-clicked, as a sheet does
        self.row_menu().exec(event.globalPos())

    # -- the person a row is ------------------------------------------------------------------
    def set_person(
        self, worker_id: PersonOf, page: Callable[[Any], str | None] | None = None
    ) -> None:
        """Rows are people: ``worker_id(row)`` (None: this row is not one); 打开人员档案 opens
        the file in the main window, on the tab ``page(row)`` names if given."""
        self.person = worker_id
        self.person_page = page
        self.person_of = lambda row: worker_id(row) is not None

    def person_opener(self) -> Callable[[Any], None] | None:
        """What 打开人员档案 calls with a row: the screen's own ``open_person``, else, for rows
        that are people (``set_person``), the ``open_worker`` of the main window the table is
        shown in (every screen's parent chain leads to it; ``shell.WindowShell``)."""
        if self.open_person is not None:
            return self.open_person
        if self.person is None:
            return None
        window = main_window_of(self)
        if window is None:
            return None
        may_open = getattr(window, "can_open_worker", None)
        if callable(may_open) and not may_open():
            return None  # a role that cannot open files (finance, approver): no dead entry
        worker_id, page = self.person, self.person_page

        def open_row(row: Any) -> None:
            number = worker_id(row)
            if number is not None:
                window.open_worker(number, page(row) if page is not None else None)

        return open_row

    # -- export -------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        from ui.desktop.widgets.folders import last_folder, remember_folder

        name = (self.title or self.window().windowTitle() or "table").replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("table", "Export to Excel"),
            str(last_folder() / f"{name}.xlsx"),
            QCoreApplication.translate("table", "Excel workbook (*.xlsx)"),
        )
        if path:
            remember_folder(path)
            self.export_to(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    def export_to(self, path: str, on_done: Callable[[str], None] | None = None) -> None:
        """Writes what is shown to ``path`` off the GUI thread; ``on_done(path)`` after."""
        export_shown(self, self.shown(), path, on_done)


def _hidden(button: QAbstractButton) -> bool:
    """A button the screen hid (not one merely not shown yet): it is no menu entry either."""
    explicit = button.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    return explicit and button.isHidden()


def main_window_of(widget: QWidget) -> Any:
    """The main window above ``widget`` (through dialogs and docks): the first ``QMainWindow``
    up the parent chain that opens a worker's file, or None."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, QMainWindow) and callable(getattr(parent, "open_worker", None)):
            return parent
        parent = parent.parentWidget()
    return None


def make_table(
    model: RowsTableModel[Any],
    *,
    sortable: bool = True,
    settings_key: str | None = None,
    title: str = "",
    person: PersonOf | None = None,
    person_page: Callable[[Any], str | None] | None = None,
    actions: Actions | None = None,
) -> DataTable:
    """The table every list shows (see the module's notes). ``sortable`` lists sort on a header
    click (starting in the model's own order); ``settings_key`` remembers the columns (a stable
    name: ``tables2/<key>/header`` in QSettings); ``person`` gives a row's worker id (打开人员档案
    in the menu); ``actions`` the screen's own actions for the menu (its buttons' actions)."""
    table = DataTable(model, sortable=sortable, settings_key=settings_key, title=title)
    if person is not None:
        table.set_person(person, person_page)
    if actions is not None:
        table.actions_for = actions
    return table


table_view = make_table
