"""统计 → 工资总额测算 (issue 19): a scenario from the form, the projection off the GUI thread,
its tables side by side with the baseline, and the workbook."""

from __future__ import annotations

import datetime as dt
import json
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
