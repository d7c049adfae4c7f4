"""The rates window on SQLite: the demo region's rates in force and their history, a new version
added through the dialog (a bad rate and a refused month shown in the dialog), and the bank export
writing the layout the clerk chose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import adopted_in, community, hire
from ui.desktop.payroll.exports import BankLayoutDialog, export_bank
from ui.desktop.payroll.rates_dialogs import BoundsDialog, RateDialog
from ui.desktop.payroll.rates_window import RatesWindow
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank_layouts import get_layout, list_layouts
from workforce.services.payroll.calc import calculate_month
from workforce.services.payroll.rates import rate_history

pytestmark = pytest.mark.gui


def _texts(window: RatesWindow, row: int) -> list[str]:
    model = window.in_force
    return [model.cell_text(model.row_at(row), c) for c in range(model.columnCount())]


def test_rates_in_force_history_and_a_new_version(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    window = RatesWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 6, 15))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded)
    assert _texts(window, 0)[:5] == ["养老", "16%", "8%", "到分", "2020-01-01"]
    assert _texts(window, 4)[:4] == ["公积金", "12%", "12%", "到元"]
    assert "4,863.00" in window.bounds_text.text() and "24,315.00" in window.bounds_text.text()

    window.in_force_table.selectRow(2)  # 失业: the dialog starts from its current rates
    window.new_rate_button.click()
    dialog = window.dialog
    assert isinstance(dialog, RateDialog)
    assert (dialog.item.currentText(), dialog.employer.text()) == ("失业", "0.5%")
    assert dialog.effective.date().toString("yyyy-MM-dd") == "2026-07-01"
    dialog.employer.setText("150%")
    dialog.buttons.accepted.emit()
    assert "单位费率应在 0%–100% 之间，实为 150%" in dialog.message.text()
    assert dialog.isVisible()
    dialog.employer.setText("0.7%")
    dialog.note.setText("人社发〔2026〕1号")
    window.grab().save("/tmp/payroll-config-rates.png")
    dialog.grab().save("/tmp/payroll-config-rate-dialog.png")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.history.rowCount() == 6)  # saved, closed and reloaded
    assert [r.employer_rate for r in rate_history(sqlite_db, "失业")][-1] * 1000 == 7

    window.new_bounds_button.click()
    bounds = window.dialog
    assert isinstance(bounds, BoundsDialog)
    bounds.floor.setText("30000")
    bounds.ceiling.setText("24315")
    bounds.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "应小于上限" in bounds.message.text())
    assert bounds.isVisible()
    bounds.reject()


def test_the_bank_export_writes_the_chosen_layout(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    hire(sqlite_db, admin_sqlite, unit, 1, bank_account="6222020000000001", bank_name="工行")
    adopted_in(sqlite_db, admin_sqlite, "2026-03")  # the program starts in March
    calculate_month(sqlite_db, admin_sqlite, "2026-03")
    from tests.services.payroll_support import user
    from workforce.domain.vocab import Role
    from workforce.services.payroll.lifecycle import approve_month

    approve_month(sqlite_db, user(sqlite_db, "shenhe", Role.APPROVER), "2026-03")  # §8.6
    chooser = BankLayoutDialog(list_layouts(sqlite_db))
    qtbot.addWidget(chooser)
    assert chooser.choice.count() == 2
    chooser.choice.setCurrentIndex(1)
    assert chooser.chosen().name == "csv" and "GB18030" in chooser.about.text()
    chooser.grab().save("/tmp/payroll-config-bank-layout.png")

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    target = tmp_path / "代发"
    export_bank(
        chooser,
        sqlite_db,
        admin_sqlite,
        dt.date(2026, 3, 1),
        str(target),
        get_layout(sqlite_db, "csv"),
    )
    qtbot.waitUntil(lambda: bool(messages))
    written = (tmp_path / "代发.csv").read_text("gb18030").splitlines()
    assert written[0].startswith("总笔数,1,总金额,")
    assert written[1].startswith("6222020000000001,")
