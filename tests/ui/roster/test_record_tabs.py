"""The worker's file gains 考核 (results by year with their source) and 工资 (month by month, the
selected month explained as in the payroll review). The scope's refusal is the services' (tests in
tests/services: worker_pay, appraisal_history)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import community, hire
from ui.desktop.roster.record_tabs import APPRAISALS_PAGE, PAY_PAGE
from ui.desktop.roster.worker_form import WorkerForm
from workforce.services.adjustment.appraisals import AppraisalEntry, record_appraisals
from workforce.services.context import Actor, Database
from workforce.services.payroll.calc import calculate_month
from workforce.services.roster.org import org_tree
from workforce.services.roster.workers import load_worker
from workforce.services.scale import posts_in_force

pytestmark = pytest.mark.gui


def _form(qtbot: QtBot, db: Database, actor: Actor, worker: int) -> WorkerForm:
    with db.reading() as session:
        posts = posts_in_force(session, dt.date(2026, 1, 1))
    form = WorkerForm(db, actor, org_tree(db), posts, file=load_worker(db, worker))
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form.record.loaded is not None)
    return form


def test_appraisal_and_pay_tabs_show_the_years_and_explain_a_month(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    worker = hire(sqlite_db, admin_sqlite, community(sqlite_db, admin_sqlite), 1)
    record_appraisals(sqlite_db, admin_sqlite, 2025, [AppraisalEntry(worker, "优秀")])
    calculate_month(sqlite_db, admin_sqlite, "2026-01")
    form = _form(qtbot, sqlite_db, admin_sqlite, worker)

    assert form.show_page(APPRAISALS_PAGE)
    table = form.record.appraisals
    assert [table.cell_text(table.rows[0], c) for c in range(3)][:2] == ["2025", "优秀"]
    assert "录入" in table.cell_text(table.rows[0], 2)

    assert form.show_page(PAY_PAGE)
    months = form.record.months
    (month,) = months.rows
    assert months.cell_text(month, 0) == "2026年1月" and months.cell_text(month, 5) == "已计算"
    assert "个人五险一金" in months.cell_text(month, 6)
    qtbot.waitUntil(lambda: "累计应纳税所得额" in form.record.explanation.toPlainText())
    assert month.net.to_eng_string().split(".")[0] in form.record.explanation.toPlainText().replace(
        ",", ""
    )
