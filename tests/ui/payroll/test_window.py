"""The payroll month screen on SQLite: calculate three workers, review the totals and one
person's lines, the refusal when the calculator approves, then approve as a second user, lock and
verify."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import ASSISTANT, community, hire, user
from tests.ui.conftest import answer_confirm
from ui import formatting as fmt
from ui.desktop.payroll import window_actions
from ui.desktop.payroll.item_dialog import ItemDialog
from ui.desktop.payroll.window import PayrollWindow
from workforce.domain.vocab import Role
from workforce.services.context import Actor, Database
from workforce.services.payroll.guard import APPROVED, CALCULATED, DRAFT, LOCKED

pytestmark = pytest.mark.gui


def _choose(window: PayrollWindow, username: str) -> None:
    window.account.setCurrentIndex(window.account.findData(username))


def test_calculate_review_approve_lock_and_verify(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    for sequence, level in ((1, 3), (2, 5), (3, 12)):
        hire(
            sqlite_db, admin_sqlite, unit, sequence, ASSISTANT if level == 3 else None, level=level
        )
    user(sqlite_db, "shenhe", Role.APPROVER)
    messages: list[str] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window = PayrollWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 1, 20))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "Not calculated" in window.status.text())
    assert not window.approve_button.isEnabled() and not window.lock_button.isEnabled()

    window.calculate_button.click()  # off the GUI thread
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.model.rowCount() == 3)
    rows = window.model.rows
    net = fmt.yuan_text(sum((r.net for r in rows), rows[0].net - rows[0].net))
    assert "Total of 3 people" in window.totals.text() and net in window.totals.text()
    # the workbook is for checking; the bank file waits for 审核 (refused only after a file name)
    assert window.workbook_button.isEnabled() and not window.bank_button.isEnabled()

    window.table.selectRow(0)
    qtbot.waitUntil(lambda: "岗位等级工资" in window.detail.toPlainText())
    assert rows[0].name in window.detail.toPlainText()
    assert "累计应纳税所得额" in window.detail.toPlainText()
    window.search.setText(rows[1].name)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.search.clear()

    _choose(window, admin_sqlite.username)  # the person who calculated
    window.approve_button.click()
    qtbot.waitUntil(lambda: any("双人复核" in m for m in messages))
    assert window.status_code() == CALCULATED

    _choose(window, "shenhe")
    window.approve_button.click()
    qtbot.waitUntil(lambda: window.status_code() == APPROVED)
    assert window.lock_button.isEnabled() and not window.approve_button.isEnabled()
    assert window.bank_button.isEnabled()
    assert not window.calculate_button.isEnabled()

    confirmed: list[object] = []
    with monkeypatch.context() as patch:
        patch.setattr(window_actions, "confirm_change", lambda *a: confirmed.append(a) or False)
        window.lock_button.click()  # still the approver: told at once, before confirm and password
    assert not confirmed and "only a 财务、管理员 can" in messages[-1]
    assert window.status_code() == APPROVED

    _choose(window, admin_sqlite.username)  # finance (or the administrator) locks
    asked = answer_confirm(accept=False)  # 取消 keeps the month open
    window.lock_button.click()
    assert len(asked) == 1 and f"3 people, net pay {net} yuan in total" in asked[0]
    assert window.status_code() == APPROVED
    asked = answer_confirm(accept=True)
    window.lock_button.click()
    qtbot.waitUntil(lambda: window.status_code() == LOCKED)
    assert not window.lock_button.isEnabled() and window.verify_button.isEnabled()
    assert "never changes" in window.status.text()
    window.verify_button.click()
    qtbot.waitUntil(lambda: any("match to the fen" in m for m in messages))


def test_an_item_for_two_workers_then_recalculation_lists_their_changes(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = community(sqlite_db, admin_sqlite)
    for sequence in (1, 2, 3):
        hire(sqlite_db, admin_sqlite, unit, sequence, level=4)
    window = PayrollWindow(sqlite_db, admin_sqlite, today=dt.date(2026, 1, 20))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.review is not None)
    window.calculate_button.click()
    qtbot.waitUntil(lambda: window.status_code() == CALCULATED and window.model.rowCount() == 3)
    assert not window.item_button.isEnabled()  # nobody selected
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert window.item_button.isEnabled()

    def heating(dialog: ItemDialog) -> QDialog.DialogCode:
        assert [r.name for r in dialog.rows] == [
            window.model.rows[0].name,
            window.model.rows[2].name,
        ]
        dialog.name.setText("取暖补贴")
        dialog.amount.setText("300")
        dialog.taxable.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ItemDialog, "exec", heating)
    window.item_button.click()
    qtbot.waitUntil(lambda: window.status_code() == DRAFT)
    assert "calculate again" in window.status.text()
    window.calculate_button.click()
    qtbot.waitUntil(window.changes.isVisible)
    assert "net pay changed for 2 workers" in window.changes.text()
    assert window.model.rows[1].name not in window.changes.text()
