"""Tables on the clerk's 1366×768 screen: a long text column (a training session's name, the
promotion list's 审查意见) takes the width the number columns leave, and the worker list shows the
columns a clerk uses most without scrolling sideways, the others hidden until chosen."""

from __future__ import annotations

from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from tests.ui.conftest import make_row
from ui.desktop.widgets.models import RIGHT, WORKER_COLUMNS, Column, RowsTableModel, header_text
from ui.desktop.widgets.tables import make_table


@dataclass(frozen=True)
class Session:
    title: str
    hours: int
    people: int
    level: str


SESSIONS = [
    Session("示范区民族街道2026年党建引领专题培训暨社区工作者业务能力提升班", 8, 150, "街道"),
    Session("2026年全市社区工作者示范培训班", 16, 57, "市级"),
]
COLUMNS = (
    Column("Title", lambda r: r.title, width=220, stretch=True),
    Column("Hours", lambda r: str(r.hours), align=RIGHT, width=200),
    Column("People", lambda r: str(r.people), align=RIGHT, width=200),
    Column("Level", lambda r: r.level, width=200),
)


def test_the_long_text_column_takes_the_room_and_numbers_stay_narrow(qtbot: QtBot) -> None:
    table = make_table(RowsTableModel(COLUMNS))
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    table.rows_model.set_rows(SESSIONS)  # the first rows: widths fitted to them
    numbers = [table.columnWidth(n) for n in (1, 2)]
    assert all(width < 90 for width in numbers)  # as wide as "People" and "150", not 200
    title = table.columnWidth(0)
    total = sum(table.columnWidth(n) for n in range(4))
    assert total == table.viewport().width()  # the title has the rest: no gap, no scrolling
    assert title >= table.fontMetrics().horizontalAdvance(SESSIONS[0].title)  # read whole
    table.resize(1200, 300)  # a wider window: the title column grows, the others stay
    assert table.columnWidth(0) > title
    assert [table.columnWidth(n) for n in (1, 2)] == numbers


def test_without_a_marked_column_the_widest_text_column_stretches(qtbot: QtBot) -> None:
    columns = tuple(Column(c.header, c.text, align=c.align) for c in COLUMNS)
    table = make_table(RowsTableModel(columns, SESSIONS))
    qtbot.addWidget(table)
    table.resize(1200, 300)
    table.show()
    table.fit_columns()
    assert table.stretch_column() == 0
    assert sum(table.columnWidth(n) for n in range(4)) == table.viewport().width()


def test_the_worker_list_fits_1366_and_offers_the_other_columns(qtbot: QtBot) -> None:
    """The table's share of a 1366-pixel main window (the tree, its borders and the scroll bar
    taken off) holds every default column of a realistic row, fitted to its content."""
    from ui.desktop.widgets.models import WorkerTableModel

    model = WorkerTableModel()
    table = make_table(model, settings_key="workers")
    qtbot.addWidget(table)
    table.resize(1366 - 16 - 220 - 30, 500)
    table.show()
    long_row = make_row(
        community="锡林浩特市巴彦查干苏木社区", post_name="其他社区工作者",
        certificate_level="助理社会工作师", highest_education="硕士研究生", duties="专职社工",
    )  # fmt: skip
    model.set_rows([long_row, make_row(2)])
    headers = [header_text(WORKER_COLUMNS[n]) for n in table.shown_columns()]
    assert headers == ["Community", "Name", "Sex", "ID number", "Highest education", "Duties",
                       "Post", "Level", "Certificate", "Phone", "Status"]  # fmt: skip
    assert sum(table.columnWidth(n) for n in table.shown_columns()) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    for number in table.shown_columns():  # no cell cut: each as wide as its text needs
        assert table.columnWidth(number) >= table.natural_width(number)
    chooser = {a.text(): a.isChecked() for a in table.column_menu().actions() if a.isCheckable()}
    assert chooser["Street"] is False and chooser["Date of birth"] is False
    assert len(chooser) == len(WORKER_COLUMNS)
    table.set_column_shown(0, True)  # 街道, chosen by the clerk
    assert not table.isColumnHidden(0)
    table.reset_columns()  # 恢复默认列: hidden again
    assert [header_text(WORKER_COLUMNS[n]) for n in table.shown_columns()] == headers


def test_a_column_state_saved_by_the_earlier_version_does_not_bring_back_every_column(
    qtbot: QtBot,
) -> None:
    """The earlier version saved the worker list's header (every column shown) on each automatic
    fit; an upgraded PC must still open on the default columns for the clerk's screen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QTableView

    from ui.desktop.widgets.models import WorkerTableModel

    old = QTableView()
    qtbot.addWidget(old)
    old.setModel(WorkerTableModel())
    QSettings().setValue("tables/workers/header", old.horizontalHeader().saveState())

    table = make_table(WorkerTableModel(), settings_key="workers")
    qtbot.addWidget(table)
    shown = [header_text(WORKER_COLUMNS[n]) for n in table.shown_columns()]
    assert "Street" not in shown and "Date of birth" not in shown
