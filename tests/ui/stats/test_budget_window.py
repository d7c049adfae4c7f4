"""统计 → 工资总额测算 (issue 19): a scenario from the form, the projection off the GUI thread,
its tables side by side with the baseline, and the workbook."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reports.stats.budget_tables import Table
from ui.desktop.stats.budget_window import BudgetWindow, table_model
from ui.desktop.stats.scenario_form import ScenarioForm, relative, resolved
from workforce.services.context import Actor, Database
from workforce.services.system.demo import generate_demo

pytestmark = pytest.mark.gui


def test_a_scenario_from_the_form_beside_the_baseline(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    generate_demo(sqlite_db, admin_sqlite, workers=80, seed=2, today=dt.date(2026, 6, 30))
    window = BudgetWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    window.show()
    window.first.setValue(2027)
    window.years.setValue(2)
    window.form.name.setText("普调5%")
    window.form.raise_rate.setValue(5)
    window.form.step_years.setValue(2)
    window.add_scenario()
    assert window.scenario_data() == [
        {
            "name": "普调5%",
            "raise": {"rate": "0.05", "from": f"{dt.date.today().year + 1}-01-01"},
            "step_years": {"years": 2},
        }
    ]
    window.calculate()
    qtbot.waitUntil(lambda: window.report is not None, timeout=20000)
    assert window.which.count() == 1 + 2 * 5  # the comparison, then per run: 5 tables
    model = window.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "普调5%（万元）"
    assert model.rowCount() == 3  # two years and the total
    # the overdue are among the people counted, not beside them (it read "另有" / a contradiction)
    assert window.report.overdue > 0
    assert window.notes.text().endswith(
        f"Of these people, {window.report.overdue} are past their statutory retirement and are "
        "not counted."
    )
    (values,) = window.chart.chart().axes(Qt.Orientation.Vertical)
    lead = 10 ** (len(str(int(values.max()))) - 1)
    assert values.max() % lead == 0  # labels on round sums (it read 638, 1275, 1913, 2551)
    assert "普调5%" in window.notes.toolTip()  # what each scenario changes, as the exports say
    assert window.export_xlsx.isEnabled()
    target = tmp_path / "b.xlsx"
    window.export(".xlsx", str(target))
    qtbot.waitUntil(target.exists, timeout=10000)


def test_headcount_and_a_stored_scale_from_the_form_saved_as_the_clis_file(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    generate_demo(sqlite_db, admin_sqlite, workers=80, seed=2, today=dt.date(2026, 6, 30))
    window = BudgetWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    form = window.form
    community = form.unit.itemText(0)
    assert community.count("/") >= 1  # 街道/社区, as the scenario file names it
    form.name.setText("增编")
    form.set_headcount(community, 3)
    form.set_headcount(community, 2)  # a second change of the same community replaces it
    form.set_headcount(form.unit.itemText(1), -1)
    stored = form.scale.itemData(2)
    form.scale.setCurrentIndex(2)
    form.scale_from.set_value(dt.date(2027, 7, 1))
    window.add_scenario()
    expected = {
        "name": "增编",
        "headcount": {community: 2, form.unit.itemText(1): -1},
        "scale": {"from": "2027-07-01", "version": stored},
    }
    assert window.scenario_data() == [expected]

    target = tmp_path / "增编.json"
    window.save_scenario(str(target))
    assert json.loads(target.read_text("utf-8")) == expected
    assert list(json.loads(target.read_text("utf-8"))) == ["name", "headcount", "scale"]
    window.scenarios.clear()
    monkey = pytest.MonkeyPatch()
    monkey.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    window.load_scenario()
    monkey.undo()
    assert window.scenario_data() == [expected]

    window.first.setValue(2027)
    window.years.setValue(1)
    window.calculate()
    qtbot.waitUntil(lambda: window.report is not None, timeout=20000)
    (more,) = window.report.scenarios
    assert more.years[0].hires - window.report.baseline.years[0].hires == 1  # +2 and −1


def test_a_loaded_scenario_edited_in_the_form_saved_under_a_new_name_and_run(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, tmp_path: Path
) -> None:
    generate_demo(sqlite_db, admin_sqlite, workers=80, seed=2, today=dt.date(2026, 6, 30))
    source = tmp_path / "普调5%.json"
    source.write_text(
        json.dumps(
            {
                "name": "普调5%",
                "raise": {"rate": "0.05", "from": "2027-07-01"},
                "step_years": {"years": 2, "from": 2028},
                "notes": ["会议稿"],
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    window = BudgetWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    monkey = pytest.MonkeyPatch()
    monkey.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    window.load_scenario()
    monkey.undo()
    form = window.form
    assert form.name.text() == "普调5%"  # the loaded scenario is in the form
    assert form.raise_rate.value() == 5
    assert form.raise_from.value() == dt.date(2027, 7, 1)
    assert form.step_years.value() == 2
    assert "普调5%" in form.title()

    form.raise_rate.setValue(4)
    form.name.setText("普调4%")
    assert window.scenarios.count() == 1
    assert window.scenarios.item(0).text() == "普调4%"
    target = tmp_path / "普调4%.json"
    window.save_scenario(str(target))
    assert json.loads(target.read_text("utf-8")) == {
        "name": "普调4%",
        "raise": {"rate": "0.04", "from": "2027-07-01"},
        "step_years": {"years": 2, "from": 2028},  # what the form does not show is kept
        "notes": ["会议稿"],
    }
    assert json.loads(source.read_text("utf-8"))["raise"]["rate"] == "0.05"

    window.first.setValue(2027)
    window.years.setValue(2)
    window.calculate()
    qtbot.waitUntil(lambda: window.report is not None, timeout=20000)
    (run,) = window.report.scenarios
    assert run.scenario.name == "普调4%"
    assert run.scenario.raise_rate == Decimal("0.04")
    assert run.scenario.step_from == 2028
    assert run.years[1].total.total > window.report.baseline.years[1].total.total


def test_a_shown_scenario_keeps_what_the_form_does_not_show(qtbot: QtBot) -> None:
    form = ScenarioForm(["和平街道/幸福社区"], [])
    qtbot.addWidget(form)
    form.show_scenario({"name": "甲", "parity": {"from": "2027-07-01", "post": "grid"}})
    assert form.parity.currentData() == "2027-07-01"  # a date the list lacked is added
    form.raise_rate.setValue(3)
    assert form.scenario() == {
        "name": "甲",
        "parity": {"from": "2027-07-01", "post": "grid"},
        "raise": {"rate": "0.03", "from": f"{dt.date.today().year + 1}-01-01"},
    }
    form.parity.setCurrentIndex(0)  # unchanged: the section goes
    assert "parity" not in form.scenario()


def test_choosing_a_scenario_shows_it_and_adding_starts_a_new_one(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    window = BudgetWindow(sqlite_db, admin_sqlite)
    qtbot.addWidget(window)
    form = window.form
    form.name.setText("甲")
    form.raise_rate.setValue(5)
    window.add_scenario()
    form.name.setText("乙")  # nothing chosen: a new scenario, the added one unchanged
    form.raise_rate.setValue(3)
    window.add_scenario()
    assert [d["name"] for d in window.scenario_data()] == ["甲", "乙"]
    assert window.scenario_data()[0]["raise"]["rate"] == "0.05"
    window.scenarios.setCurrentRow(0)
    assert (form.name.text(), form.raise_rate.value()) == ("甲", 5)
    form.raise_rate.setValue(6)
    window.scenarios.setCurrentRow(1)
    assert (form.name.text(), form.raise_rate.value()) == ("乙", 3)
    assert [d["raise"]["rate"] for d in window.scenario_data()] == ["0.06", "0.03"]


def test_a_scale_file_is_saved_beside_the_scenario(qtbot: QtBot, tmp_path: Path) -> None:
    form = ScenarioForm(["和平街道/幸福社区"], [])
    qtbot.addWidget(form)
    form.scale.setCurrentIndex(1)  # a table from a file
    form.scale_file.setText(str(tmp_path / "四岗二十四级.xlsx"))
    form.scale_from.set_value(dt.date(2028, 1, 1))
    data = form.scenario()
    assert data["scale"] == {"from": "2028-01-01", "file": str(tmp_path / "四岗二十四级.xlsx")}
    saved = relative(data, tmp_path)
    assert saved["scale"]["file"] == "四岗二十四级.xlsx"
    assert resolved(saved, tmp_path) == data


def test_the_table_model(qtmodeltester: object) -> None:
    from decimal import Decimal

    table = Table("t", ("年度", "人数", "金额"), (("2027年", 3, Decimal("1.50")),), money_from=2)
    model = table_model(table)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.index(0, c).data() for c in range(3)] == ["2027年", "3", "1.50"]
