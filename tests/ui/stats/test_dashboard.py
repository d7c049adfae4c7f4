"""The dashboard tab: the figures of the unit selected in the tree, counted again when the data
changes, the people behind a figure listed on a click, and what it shows exported as
``workforce stats export`` writes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import make_worker
from ui.desktop.main_window import MainWindow
from workforce.domain.stats.breakdown import Figure, PostLevels
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker

pytestmark = pytest.mark.gui
TODAY = dt.date.today()


def _hire(db: Database, admin: Actor, number: int, name: str, community: str, age: int) -> int:
    with db.transaction() as session:
        unit = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", community, None
        )[0]
    born = dt.date(TODAY.year - age, 1, 1)  # ``age`` on any day of this year
    return create_worker(db, admin, make_worker(unit, number, name=name, birth_date=born))


def test_dashboard_follows_the_tree_and_lists_the_people_behind_a_figure(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 40)
    _hire(sqlite_db, admin_sqlite, 2, "李强", "幸福社区", 28)
    _hire(sqlite_db, admin_sqlite, 3, "王强", "幸福社区", 45)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    window.dashboard.action.trigger()
    panel = window.dashboard.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.workspace is not None)
    assert panel.tiles["headcount"].value.text() == "3"

    item = window.tree.findItems("幸福社区", Qt.MatchFlag.MatchRecursive)[0]
    window.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: panel.workspace.report.unit.endswith("幸福社区"))  # type: ignore[union-attr]
    assert panel.tiles["headcount"].value.text() == "2"
    assert panel.tiles["under_35"].value.text() == "50.0%"
    assert panel.tiles["average_age"].value.text() == "36.5"  # (28 + 45) / 2

    qtbot.mouseClick(panel.tiles["under_35"], Qt.MouseButton.LeftButton)
    people = window.dashboard.people
    assert people is not None and people.isVisible()
    assert [row.name for row in people.model.rows] == ["李强"]
    assert people.windowTitle() == "示范区新华街道幸福社区 · Under 35"  # untranslated here

    panel.levels.figure_clicked.emit(Figure("level", post="staff", level=3))
    assert sorted(row.name for row in window.dashboard.people.model.rows) == ["李强", "王强"]  # type: ignore[union-attr]

    _hire(sqlite_db, admin_sqlite, 4, "赵敏", "幸福社区", 30)  # the data changes: count again
    before = panel.workspace
    window.refresh()
    qtbot.waitUntil(lambda: panel.workspace is not before)
    assert panel.tiles["headcount"].value.text() == "3"


def test_the_statistics_print_through_the_preview(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    """打印… on the dashboard: the statistics table of what is shown, in the print preview."""
    from ui.desktop.widgets.print_preview import PrintPreview

    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 40)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    window.dashboard.action.trigger()
    panel = window.dashboard.panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.workspace is not None, timeout=10_000)
    panel.print_button.click()
    qtbot.waitUntil(lambda: panel.findChild(PrintPreview) is not None, timeout=10_000)
    preview = panel.findChild(PrintPreview)
    assert isinstance(preview, PrintPreview) and preview.document.pageCount() >= 1
    assert preview.path.name == f"{panel.workspace.report.title}.pdf"


def test_the_dashboard_is_a_tab_and_leaves_the_worker_list_its_width(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    """On a 1366×768 screen the dashboard once took 620 pixels beside the table (four columns
    left); as a tab beside the list it takes none of the list's room."""
    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 40)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1350, 688)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    width = window.table.width()
    window.dashboard.action.trigger()  # Ctrl+D: the dashboard's tab
    assert window.pages.currentWidget() is window.dashboard.page
    assert window.dashboard.panel is not None and window.dashboard.panel.isVisible()
    window.dashboard.action.trigger()  # again: back to the list, as wide as before
    assert window.pages.currentIndex() == 0
    assert window.table.width() == width > 1000


def test_the_dashboard_exports_what_it_shows(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    """导出… writes the unit shown, as of the date shown, to .xlsx or .pdf with the renderers of
    ``workforce stats export``, off the GUI thread."""
    from openpyxl import load_workbook

    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 40)
    _hire(sqlite_db, admin_sqlite, 2, "李强", "幸福社区", 28)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    window.dashboard.action.trigger()
    panel = window.dashboard.panel
    assert panel is not None
    item = window.tree.findItems("幸福社区", Qt.MatchFlag.MatchRecursive)[0]
    window.tree.setCurrentItem(item)
    qtbot.waitUntil(
        lambda: panel.workspace is not None and panel.workspace.report.unit.endswith("幸福社区")
    )
    assert panel.export_button.isEnabled()
    for name in ("统计.xlsx", "统计.pdf"):
        with qtbot.waitSignal(panel.exported, timeout=20_000) as written:
            panel.export_to(tmp_path / name)
        assert written.args == [str(tmp_path / name)]
    assert (tmp_path / "统计.pdf").read_bytes().startswith(b"%PDF")
    sheet = load_workbook(tmp_path / "统计.xlsx", read_only=True).worksheets[0]
    text = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert "幸福社区社区工作者统计表" in text and "光明社区" not in text


def test_a_level_with_one_person_is_still_readable(qtbot: QtBot) -> None:
    """Beside 300 people on level 2, the one on level 14 has a bar that shows and its count."""
    from ui.desktop.stats.charts import MIN_BAR, LevelsChart

    chart = LevelsChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 270)
    chart.show()
    counts = tuple((level, {2: 300, 14: 1}.get(level, 0)) for level in range(1, 19))
    chart.show_levels([PostLevels("staff", "其他社区工作者", counts)])
    qtbot.wait(50)
    bars = chart.chart().series()[0].barSets()[0]
    bound = chart.chart().axes(Qt.Orientation.Vertical)[0].max()
    assert bars.count() == 13  # levels 2 to 14
    assert bars.at(12) >= MIN_BAR * bound > 1  # level 14, one person: visible
    assert bars.at(0) == 300 and bars.at(1) == 0  # others as counted; an empty level empty
    labels = [text for text, _place in chart.label_places()]
    assert labels == ["300", "1"]
    places = dict(chart.label_places())
    assert places["1"].y() < places["300"].y() + 250  # drawn above its own bar, on the chart
    assert chart.sceneRect().contains(places["1"])


def test_the_dashboard_shows_the_statutory_retirements_of_the_years_ahead(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    from ui.desktop.stats.dashboard import DashboardPanel
    from workforce.services.roster.retirements import retirements_per_year

    _hire(sqlite_db, admin_sqlite, 1, "王芳", "光明社区", 59)
    _hire(sqlite_db, admin_sqlite, 2, "李强", "幸福社区", 57)
    _hire(sqlite_db, admin_sqlite, 3, "王强", "幸福社区", 30)
    panel = DashboardPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.load(sqlite_db, admin_sqlite, None)
    qtbot.waitUntil(lambda: panel.workspace is not None)
    ahead = retirements_per_year(sqlite_db, admin_sqlite, TODAY.year + 1, 5)
    assert panel.retirements.counts == tuple(ahead.items())  # the statutory rule, five years
    assert sum(ahead.values()) == 2  # the two near their retirement, not the one of 30
    assert panel.retirements.isVisible()
    (series,) = panel.retirements.chart().series()
    assert [series.barSets()[0].at(i) for i in range(5)] == list(ahead.values())
    assert panel.retirements.toolTip().startswith("示范区: ")  # per district


@pytest.mark.parametrize(
    ("bound", "ticks"), [(1, 2), (2, 3), (5, 6), (10, 6), (20, 5), (50, 6), (100, 6), (200, 5)]
)
def test_the_count_axes_are_labelled_on_whole_people(bound: int, ticks: int) -> None:
    """The levels and retirements charts: no "0 0 0 0 1" for a unit of one person."""
    from ui.desktop.stats.charts import whole_ticks

    assert whole_ticks(bound) == ticks
    assert bound % (ticks - 1) == 0


@pytest.mark.parametrize("top", [1, 2, 5, 10, 50])
def test_the_age_pyramid_is_labelled_on_whole_people(top: int) -> None:
    from ui.desktop.stats.charts import pyramid_labels

    labels = pyramid_labels(top)
    assert [people for people, _ in labels] == [abs(step * top) / 2 for _, step in labels]
    assert labels[0] == (top, -2) and labels[-1] == (top, 2)
