"""The shared table as a clerk uses it: select, copy, sort, the menu, export, remembered columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication
from pytestqt.qtbot import QtBot

from reports.table_xlsx import headers_and_rows
from ui import formatting as fmt
from ui.desktop.widgets.models import CODE, RIGHT, Column, RowsTableModel
from ui.desktop.widgets.tables import DataTable, make_table


@dataclass(frozen=True)
class Pay:
    name: str
    id_number: str
    level: int
    net: Decimal
    paid_on: dt.date | None
    person: bool = True


ROWS = [
    Pay("张伟", "11010519491231002X", 12, Decimal("5123.40"), dt.date(2026, 3, 5)),
    Pay("王芳", "110105199001010011", 3, Decimal("812.00"), dt.date(2025, 12, 31)),
    Pay("李娜", "011105199001010022", 10, Decimal("12000.00"), None),
    Pay("阿丽", "110105199001010033", 9, Decimal("-30.50"), dt.date(2026, 1, 2), person=False),
]
COLUMNS = (
    Column("Name", lambda r: r.name),
    Column("ID number", lambda r: r.id_number, kind=CODE),
    Column("Level", lambda r: str(r.level), align=RIGHT),
    Column("Net pay", lambda r: fmt.yuan_text(r.net), align=RIGHT),
    Column("Paid on", lambda r: fmt.date_text(r.paid_on)),
)


def _table(qtbot: QtBot, key: str | None = None) -> DataTable:
    model = RowsTableModel(COLUMNS, ROWS)
    table = make_table(model, settings_key=key, title="工资表")
    table.filter_text = lambda: "2026-03，新华街道"
    qtbot.addWidget(table)
    table.resize(800, 300)
    table.show()
    return table


def _column(table: DataTable, number: int) -> list[str]:
    model = table.rows_model
    return [model.cell_text(model.row_at(i), number) for i in range(model.rowCount())]


def test_ctrl_a_and_ctrl_c_copy_tab_separated_rows_with_the_header(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert table.selected_row_numbers() == [0, 1, 2, 3]
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    lines = data.text().split("\r\n")
    assert lines[0] == "Name\tID number\tLevel\tNet pay\tPaid on"
    # money without its thousands separator (a number in Excel), the ID number whole
    assert lines[1] == "张伟\t11010519491231002X\t12\t5123.40\t2026-03-05"
    assert lines[3] == "李娜\t011105199001010022\t10\t12000.00\t"
    # in the HTML Excel and WPS paste, the ID number is marked text (its leading 0 stays)
    assert "mso-number-format:'\\@'\">011105199001010022</td>" in data.html()
    assert "<td>12000.00</td>" in data.html()


def test_shift_and_ctrl_select_ranges_and_copy_copies_only_those(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.selectRow(0)
    selection = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(table.rows_model.index(2, 0), flags)
    table.copy(with_header=False)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert [line.split("\t")[0] for line in lines if line] == ["张伟", "李娜"]


def test_copy_follows_the_columns_as_shown(qtbot: QtBot) -> None:
    table = _table(qtbot)
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(3), 0)  # 实发 first
    table.set_column_shown(1, False)  # no ID numbers
    table.selectRow(1)
    table.copy(with_header=True)
    lines = QGuiApplication.clipboard().text().split("\r\n")
    assert lines[:2] == ["Net pay\tName\tLevel\tPaid on", "812.00\t王芳\t3\t2025-12-31"]


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        (0, ["阿丽", "李娜", "王芳", "张伟"]),  # Chinese text: pinyin (a, li, wang, zhang)
        (2, ["王芳", "阿丽", "李娜", "张伟"]),  # numbers: 3 < 9 < 10 < 12, not "10" < "3"
        (3, ["阿丽", "王芳", "张伟", "李娜"]),  # money: -30.50 < 812 < 5,123.40 < 12,000
        (4, ["王芳", "阿丽", "张伟", "李娜"]),  # dates, the empty one last
    ],
    ids=["text", "number", "money", "date"],
)
def test_a_header_click_sorts_in_the_order_of_the_columns_kind(
    qtbot: QtBot, column: int, ascending: list[str]
) -> None:
    table = _table(qtbot)
    table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert _column(table, 0) == ascending
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert _column(table, 0) == list(reversed(ascending))


def test_the_id_number_sorts_as_text(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _column(table, 1)[0] == "011105199001010022"


def test_the_menu_offers_copy_export_the_person_and_the_screens_own_actions(
    qtbot: QtBot,
) -> None:
    table = _table(qtbot)
    opened: list[str] = []
    table.open_person = lambda row: opened.append(row.name)
    table.person_of = lambda row: row.person
    exclude = QAction("Exclude from the run", table)
    table.actions_for = lambda: (exclude,)
    table.selectRow(1)
    menu = table.row_menu()
    entries = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(entries) == [
        "Copy",
        "Copy with header",
        "Export to Excel…",
        "Columns…",
        "Open person file",
        "Exclude from the run",
    ]
    entries["Open person file"].trigger()
    assert opened == ["王芳"]
    entries["Copy"].trigger()
    assert QGuiApplication.clipboard().text().startswith("王芳\t110105199001010011\t3")
    table.selectRow(3)  # not a person (a vacancy, say): nothing to open
    assert not _entry(table, "Open person file").isEnabled()


def _entry(table: DataTable, text: str) -> QAction:
    return next(a for a in table.row_menu().actions() if a.text() == text)


def test_no_person_hook_no_person_entry(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.selectRow(0)
    assert "Open person file" not in [a.text() for a in table.row_menu().actions()]


def test_export_writes_the_rows_and_columns_shown_with_title_and_filter(
    qtbot: QtBot, tmp_path: Path
) -> None:
    table = _table(qtbot)
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by 实发, highest first
    table.set_column_shown(4, False)
    table.rows_model.set_rows([r for r in table.rows_model.rows if r.level >= 9])  # a filter
    path = tmp_path / "工资表.xlsx"
    written: list[str] = []
    table.export_to(str(path), written.append)
    qtbot.waitUntil(lambda: written == [str(path)], timeout=10_000)
    sheet = headers_and_rows(path)
    assert sheet[0][0] == "工资表"
    assert sheet[1][0] == "2026-03，新华街道"
    assert sheet[2] == ["Name", "ID number", "Level", "Net pay"]
    assert sheet[3:] == [
        ["李娜", "011105199001010022", 10.0, 12000.0],
        ["张伟", "11010519491231002X", 12.0, 5123.4],
        ["阿丽", "110105199001010033", 9.0, -30.5],
    ]


def test_columns_order_widths_and_hidden_ones_are_remembered_per_table(qtbot: QtBot) -> None:
    table = _table(qtbot, key="test-payroll")
    header = table.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)
    table.setColumnWidth(0, 233)
    table.set_column_shown(1, False)
    again = _table(qtbot, key="test-payroll")
    assert again.shown_columns() == [2, 0, 3, 4]
    assert again.columnWidth(0) == 233
    other = _table(qtbot, key="test-other")
    assert other.shown_columns() == [0, 1, 2, 3, 4]


def test_columns_saved_before_a_column_was_added_are_not_restored(qtbot: QtBot) -> None:
    table = _table(qtbot, key="test-added")
    table.setColumnWidth(0, 233)  # saved with five columns
    wider = (*COLUMNS[:4], Column("After tax", lambda r: "0.00", align=RIGHT), COLUMNS[4])
    again = make_table(RowsTableModel(wider, ROWS), settings_key="test-added")
    qtbot.addWidget(again)
    again.resize(800, 300)
    again.show()
    # every column shown at its own width, the last one's dates under their header
    assert again.shown_columns() == [0, 1, 2, 3, 4, 5]
    assert again.columnWidth(0) != 233 and again.columnWidth(5) > 0
    again.setColumnWidth(0, 211)  # saved again, now for six columns: kept
    third = make_table(RowsTableModel(wider, ROWS), settings_key="test-added")
    qtbot.addWidget(third)
    assert third.columnWidth(0) == 211


def test_the_column_chooser_hides_and_shows_a_column_but_never_the_last(qtbot: QtBot) -> None:
    table = _table(qtbot)
    menu = table.column_menu()
    level = next(a for a in menu.actions() if a.text() == "Level")
    level.trigger()
    assert 2 not in table.shown_columns()
    for number in (0, 1, 3, 4):
        table.set_column_shown(number, False)
    assert table.shown_columns() == [4]  # the last one stays
    table.reset_columns()
    assert table.shown_columns() == [0, 1, 2, 3, 4]


def test_widths_fit_the_content(qtbot: QtBot) -> None:
    table = _table(qtbot)
    table.fit_columns()
    metrics = table.fontMetrics()
    assert table.columnWidth(1) >= metrics.horizontalAdvance("11010519491231002X")
    assert table.columnWidth(2) < table.columnWidth(1)
