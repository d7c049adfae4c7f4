"""统计 → 工资总额测算 (issue 19): a scenario from the form, the projection off the GUI thread,
its tables side by side with the baseline, and the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reports.stats.budget_tables import Table
from ui.desktop.stats.budget_window import BudgetWindow, table_model
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
    window.name.setText("普调5%")
    window.raise_rate.setValue(5)
    window.step_years.setValue(2)
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


def test_the_table_model(qtmodeltester: object) -> None:
    from decimal import Decimal

    table = Table("t", ("年度", "人数", "金额"), (("2027年", 3, Decimal("1.50")),), money_from=2)
    model = table_model(table)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert [model.index(0, c).data() for c in range(3)] == ["2027年", "3", "1.50"]
