"""The shared table as a sheet: cells selected in ranges and copied as a rectangle, whole rows on
Shift+Space; 打开人员档案 and a screen's buttons in the menu of any list; columns remembered on
the tables wired to it (drill-downs, import problems); every table has its settings key."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers, make_row
from tests.ui.widgets.test_tables import _table
from ui.desktop.main_window import MainWindow
from ui.desktop.stats.people_dialog import PeopleDialog
from ui.desktop.widgets.models import Column, Index, RowsTableModel
from ui.desktop.widgets.problems import ProblemsPage
from ui.desktop.widgets.tables import DataTable, make_table
from workforce.domain.problems import Problem, Where, error
from workforce.services.context import Actor, Database

pytestmark = pytest.mark.gui
DESKTOP = Path(__file__).resolve().parents[3] / "ui" / "desktop"


def _click(qtbot: QtBot, table: DataTable, row: int, column: int, keys: object = None) -> None:
    rect = table.visualRect(table.rows_model.index(row, column))
    modifier = keys or Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())  # type: ignore[arg-type]


def _copied(qtbot: QtBot, table: DataTable) -> list[str]:
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QGuiApplication.clipboard().text().split("\r\n")[:-1]


def test_a_click_then_shift_click_copies_that_rectangle_of_cells_with_its_headers(
    qtbot: QtBot,
) -> None:
    table = _table(qtbot)
    _click(qtbot, table, 1, 1)  # 王芳's ID number
    _click(qtbot, table, 2, 3, Qt.KeyboardModifier.ShiftModifier)  # to 李娜's net pay
    assert _copied(qtbot, table) == [
        "ID number\tLevel\tNet pay",
        "110105199001010011\t3\t812.00",
        "011105199001010022\t10\t12000.00",  # a number without its separator; the ID whole
    ]
    html = QGuiApplication.clipboard().mimeData().html()
    assert "mso-number-format:'\\@'\">011105199001010022</td>" in html  # pasted as text
    assert "张伟" not in html and "Paid on" not in html  # only the rectangle


def test_ctrl_click_adds_cells_and_the_copy_takes_the_rows_and_columns_they_touch(
    qtbot: QtBot,
) -> None:
    table = _table(qtbot)
    _click(qtbot, table, 0, 0)
    _click(qtbot, table, 2, 2, Qt.KeyboardModifier.ControlModifier)
    assert table.selected_row_numbers() == [0, 2]  # what the screen's actions act on
    # rows 0 and 2 × Name and Level: the row and the column between are left out, as Excel does
    assert _copied(qtbot, table) == ["Name\tLevel", "张伟\t12", "李娜\t10"]


def test_one_cell_copies_one_cell_and_shift_space_widens_it_to_whole_rows(qtbot: QtBot) -> None:
    table = _table(qtbot)
    _click(qtbot, table, 1, 3)
    assert _copied(qtbot, table) == ["Net pay", "812.00"]
    _click(qtbot, table, 2, 3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    lines = _copied(qtbot, table)
    assert lines[0] == "Name\tID number\tLevel\tNet pay\tPaid on"
    assert [line.split("\t")[0] for line in lines[1:]] == ["王芳", "李娜"]


def test_a_whole_row_selected_by_the_screen_copies_the_whole_row(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.selectRow(0)  # as a screen selects the person it found or saved
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.rows_model.index(1, 0), flags)
    assert len(_copied(qtbot, table)[1].split("\t")) == 5


class Shell(QMainWindow):
    """The main window as the screens see it: it opens a worker's file."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[tuple[int, str | None]] = []

    def open_worker(self, worker_id: int, page: str | None = None) -> None:
        self.opened.append((worker_id, page))


def test_a_dashboard_drill_down_opens_the_person_file_from_its_menu(qtbot: QtBot) -> None:
    shell = Shell()
    qtbot.addWidget(shell)
    rows = [make_row(7, name="王芳"), make_row(9, name="李强")]
    dialog = PeopleDialog("35岁以下", rows, parent=shell)
    dialog.show()
    table = dialog.table
    assert isinstance(table, DataTable)
    _click(qtbot, table, 1, 4)  # a cell of 李强's row
    menu = table.row_menu()
    entry = next(a for a in menu.actions() if a.text() == "Open person file")
    assert entry.isEnabled()
    entry.trigger()
    assert shell.opened == [(9, None)]
    table.selectAll()  # two people: which file? none
    assert not next(
        a for a in table.row_menu().actions() if a.text() == "Open person file"
    ).isEnabled()


def test_a_role_that_cannot_open_files_gets_no_person_entry(qtbot: QtBot) -> None:
    shell = Shell()
    shell.can_open_worker = lambda: False  # type: ignore[attr-defined]  # finance signed in
    qtbot.addWidget(shell)
    dialog = PeopleDialog("35岁以下", [make_row(7)], parent=shell)
    dialog.table.selectRow(0)
    assert "Open person file" not in [a.text() for a in dialog.table.row_menu().actions()]


def test_without_a_main_window_there_is_no_person_entry(qtbot: QtBot) -> None:
    dialog = PeopleDialog("35岁以下", [make_row(7)])
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert "Open person file" not in [a.text() for a in dialog.table.row_menu().actions()]


def test_a_screens_buttons_are_its_menu_entries(qtbot: QtBot) -> None:
    table = _table(qtbot)
    exclude, renew, hidden = QPushButton("Exclude…"), QPushButton("Renew…"), QPushButton("Admin")
    clicked: list[str] = []
    exclude.clicked.connect(lambda: clicked.append("exclude"))
    renew.setEnabled(False)
    hidden.setVisible(False)  # a button this clerk's role does not get
    table.actions_for = lambda: (exclude, None, renew, hidden)
    _click(qtbot, table, 2, 0)
    entries = {a.text(): a for a in table.row_menu().actions() if not a.isSeparator()}
    assert "Admin" not in entries and not entries["Renew…"].isEnabled()
    entries["Exclude…"].trigger()
    assert clicked == ["exclude"]


def test_a_drill_downs_columns_are_remembered(qtbot: QtBot) -> None:
    first = PeopleDialog("持证", [make_row(1)])
    qtbot.addWidget(first)
    first.table.set_column_shown(0, False)  # no 街道
    header = first.table.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)  # 姓名 first
    again = PeopleDialog("35岁以下", [make_row(2)])
    qtbot.addWidget(again)
    assert again.table.shown_columns()[:3] == [2, 1, 3]


def _problem(row: int, message: str) -> Problem:
    return error("id_number", message, Where("花名册", row, "身份证号", "1101"))


def test_the_problems_whole_text_follows_the_row_shown_after_a_sort(qtbot: QtBot) -> None:
    page = ProblemsPage(
        [_problem(9, "前17位应为数字"), _problem(3, "与第2行重复")], settings_key="test-problems"
    )
    qtbot.addWidget(page)
    page.show()
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by 行: row 3 first
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert "与第2行重复" in page.text.text()
    page.table.set_column_shown(1, False)  # 工作表: one sheet anyway
    again = ProblemsPage([_problem(4, "x")], settings_key="test-problems")
    qtbot.addWidget(again)
    assert 1 not in again.table.shown_columns()


@dataclass
class _Call:
    path: str
    line: int
    keyed: bool


def _table_calls() -> list[_Call]:
    calls = []
    for path in DESKTOP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "make_table":
                keyed = any(k.arg == "settings_key" for k in node.keywords)
                calls.append(_Call(str(path.relative_to(DESKTOP)), node.lineno, keyed))
    return calls


def test_every_list_remembers_its_columns_under_its_own_key() -> None:
    calls = _table_calls()
    assert len(calls) > 30
    # the bank file preview's columns are the layout being edited: nothing to remember
    unkeyed = [c for c in calls if not c.keyed and c.path != "payroll/bank_layout_preview.py"]
    assert unkeyed == []


def test_the_worker_list_acts_on_the_row_of_the_cell_clicked(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    opened: list[int] = []
    monkeypatch.setattr(
        window, "open_worker", lambda worker_id, page=None: opened.append(worker_id)
    )
    row = next(n for n, r in enumerate(window.model.rows) if r.name == "李强")
    _click(qtbot, window.table, row, 2)  # one cell of 李强's row
    assert window.selected_row() is not None and window.selected_row().name == "李强"  # type: ignore[union-attr]
    assert window.edit_action.isEnabled()
    other = next(  # another cell of the row, in a column shown by default
        n
        for n in range(window.model.columnCount())
        if n != 2 and not window.table.isColumnHidden(n)
    )
    rect = window.table.visualRect(window.model.index(row, other))
    _click(qtbot, window.table, row, other)  # a double-click is a press, then the second one
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [ids[1]]
    entry = next(a for a in window.table.row_menu().actions() if a.text() == "Open person file")
    entry.trigger()
    assert opened == [ids[1], ids[1]]


class _CountingModel(RowsTableModel[tuple[str, ...]]):
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        columns = [Column(f"C{n}", lambda r, n=n: r[n]) for n in range(8)]  # type: ignore[misc]
        super().__init__(columns, rows)
        self.asked = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        self.asked += 1
        return super().rowCount(parent)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        self.asked += 1
        return super().columnCount(parent)


def test_ctrl_a_on_a_long_list_asks_the_model_a_few_times_not_once_a_cell(qtbot: QtBot) -> None:
    model = _CountingModel([(str(n),) * 8 for n in range(50_000)])
    table = make_table(model, settings_key="test-long")
    qtbot.addWidget(table)
    table.resize(800, 400)
    table.show()
    qtbot.waitExposed(table)
    qtbot.wait(50)
    model.asked = 0
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    table.repaint()  # the headers ask, to paint, whether each column is wholly selected
    assert len(table.selected_row_numbers()) == 50_000 and table.row_menu() is not None
    # Qt answers a header, row by row, whether its whole column is selected: 800,000 calls
    assert model.asked < 5_000
