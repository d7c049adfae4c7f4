"""The yearly adjustment wizard end to end on SQLite: prepare, exclude one person with a reason,
approve as a second user, apply; and the service's refusal when the preparer approves."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import make_worker
from tests.ui.conftest import answer_confirm
from ui.desktop.adjustment.override import EXCLUDE, OverrideDialog
from ui.desktop.adjustment.text import EXCLUDED
from ui.desktop.adjustment.wizard import APPLY, APPROVE, REVIEW, AdjustWizard
from workforce.domain.vocab import Role
from workforce.services.accounts.users import create_user
from workforce.services.adjustment.appraisals import AppraisalEntry, record_appraisals
from workforce.services.adjustment.run import prepare_run
from workforce.services.context import Actor, Database
from workforce.services.roster.org import UnitResolver, default_district_id
from workforce.services.roster.workers import create_worker, load_worker

pytestmark = pytest.mark.gui
NAMES = ("王芳", "李强", "张敏")


def _seed(db: Database, admin: Actor) -> list[int]:
    """Three staff at level 3 since 2023 with three passing years: each steps up in 2026."""
    with db.transaction() as session:
        community = UnitResolver(session, admin, default_district_id(session)).resolve(
            "新华街道", "光明社区", None
        )[0]
    workers = [make_worker(community, n + 1, level_start_year=2023) for n in range(len(NAMES))]
    ids = [
        create_worker(db, admin, replace(worker, name=name))
        for worker, name in zip(workers, NAMES, strict=True)
    ]
    for year in (2023, 2024, 2025):
        record_appraisals(db, admin, year, [AppraisalEntry(w, "称职") for w in ids])
    return ids


def _wizard(qtbot: QtBot, db: Database, actor: Actor, **kwargs: object) -> AdjustWizard:
    wizard = AdjustWizard(db, actor, today=dt.date(2026, 2, 1), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_prepare_exclude_approve_as_second_user_and_apply(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(sqlite_db, admin_sqlite)
    create_user(sqlite_db, admin_sqlite, "shenhe", "审核员甲", Role.APPROVER)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    wizard = _wizard(qtbot, sqlite_db, admin_sqlite)
    assert wizard.prepare_page.year.value() == 2026
    assert wizard.prepare_page.effective_date() == dt.date(2026, 1, 1)

    wizard.next_button.click()  # prepare, off the GUI thread
    qtbot.waitUntil(lambda: wizard.step == REVIEW)
    assert wizard.state is not None and wizard.state.overview.person_times == 3
    assert "3</b> person-times" in wizard.review_page.summary.text()
    assert wizard.review_page.model.rowCount() == 3

    def exclude_with_reason(dialog: OverrideDialog) -> QDialog.DialogCode:
        dialog.choice.button(EXCLUDE).setChecked(True)
        assert not dialog.ok.isEnabled()  # a written reason is required
        dialog.text.setPlainText("学历证明待核实")
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OverrideDialog, "exec", exclude_with_reason)
    wizard.review_page.table.selectRow(1)  # 李强
    wizard.review_page.decide_button.click()
    qtbot.waitUntil(lambda: wizard.state is not None and wizard.state.overview.excluded == 1)
    assert wizard.state.overview.person_times == 2
    wizard.review_page.select_kind(EXCLUDED)
    assert [line.name for line in wizard.review_page.model.rows] == ["李强"]
    assert "学历证明待核实" in wizard.review_page.detail.toPlainText()

    wizard.next_button.click()
    assert wizard.step == APPROVE
    page = wizard.approve_page
    qtbot.waitUntil(lambda: page.account.findData("shenhe") >= 0)
    page.account.setCurrentIndex(page.account.findData("shenhe"))
    assert not page.approve_button.isEnabled()  # not before the confirmation
    page.confirm.setChecked(True)
    page.approve_button.click()
    qtbot.waitUntil(lambda: wizard.state is not None and wizard.state.overview.status == "approved")
    assert wizard.state.overview.approved_by == "审核员甲"
    assert not page.add_button.isEnabled() and not page.account.isEnabled()

    wizard.next_button.click()
    assert wizard.step == APPLY
    asked = answer_confirm(accept=False)  # 取消: nobody's level changes
    wizard.apply_page.apply_button.click()
    assert len(asked) == 1 and "2 person-times, monthly +" in asked[0]
    assert wizard.state.overview.status == "approved"
    asked = answer_confirm(accept=True)
    with qtbot.waitSignal(wizard.changed, timeout=10_000):
        wizard.apply_page.apply_button.click()
    assert wizard.state.overview.status == "applied"
    assert "2 of them with a new post or level" in wizard.apply_page.result.text()
    levels = [load_worker(sqlite_db, w).data.level for w in ids]
    assert levels == [4, 3, 4]  # 李强 was excluded


def test_the_preparer_cannot_approve_and_sees_why(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(sqlite_db, admin_sqlite)
    run = prepare_run(sqlite_db, admin_sqlite, 2026)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    wizard = _wizard(qtbot, sqlite_db, admin_sqlite, run_id=run.run_id)
    qtbot.waitUntil(lambda: wizard.step == REVIEW)  # a prepared run opens at the review
    wizard.next_button.click()
    page = wizard.approve_page
    qtbot.waitUntil(lambda: page.account.findData("admin") >= 0)
    page.account.setCurrentIndex(page.account.findData("admin"))
    assert page.own_plan.isVisible()  # said before the click, not only by the refusal after
    assert "prepared this plan and cannot approve it" in page.own_plan.text()
    page.confirm.setChecked(True)
    page.approve_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "双人复核" in shown[0]
    assert wizard.state is not None and wizard.state.overview.status == "prepared"
    assert not wizard.next_button.isEnabled()


@pytest.mark.parametrize("passwords", [True, False])
def test_an_approver_account_added_in_the_wizard_is_chosen_with_a_first_password(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    monkeypatch: pytest.MonkeyPatch,
    passwords: bool,
) -> None:
    """Once passwords are in use the account used to be created without one: signing the
    approval then failed with "尚未设置密码" and the clerk had to find 用户管理. Before (the
    embedded database nobody signs in to) no password is asked."""
    from ui.desktop.accounts.user_dialogs import AddUserDialog
    from workforce.services.accounts.auth import set_initial_password
    from workforce.services.accounts.users import list_users

    _seed(sqlite_db, admin_sqlite)
    run = prepare_run(sqlite_db, admin_sqlite, 2026)
    admin = set_initial_password(sqlite_db, "Guangming2026") if passwords else admin_sqlite

    def fill_in(dialog: AddUserDialog) -> QDialog.DialogCode:
        assert dialog.role.currentData() == Role.APPROVER
        assert (dialog.form.rowCount() == 6) is passwords
        dialog.username.setText("shenhe")
        dialog.display_name.setText("审核员甲")
        dialog.password.setText("Shenhe-2026")
        dialog.repeat.setText("Shenhe-2026")
        work = dialog.prepare()
        assert work is not None
        work()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddUserDialog, "exec", fill_in)
    wizard = _wizard(qtbot, sqlite_db, admin, run_id=run.run_id)
    qtbot.waitUntil(lambda: wizard.step == REVIEW)
    wizard.next_button.click()
    page = wizard.approve_page
    qtbot.waitUntil(lambda: page.account.findData("admin") >= 0)
    assert page.own_plan.isVisible()  # only the preparer to choose from
    page.add_button.click()
    qtbot.waitUntil(lambda: page.account.currentData() == "shenhe")
    assert not page.own_plan.isVisible()
    added = next(u for u in list_users(sqlite_db) if u.username == "shenhe")
    assert added.role is Role.APPROVER and added.has_password is passwords


def test_the_run_list_reverts_an_applied_run_with_a_reason(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.desktop.adjustment.override import ReasonDialog
    from ui.desktop.adjustment.runs import AdjustRunsDialog
    from workforce.services.accounts.acting_user import actor_for
    from workforce.services.adjustment.apply import apply_run
    from workforce.services.adjustment.run import approve_run

    ids = _seed(sqlite_db, admin_sqlite)
    create_user(sqlite_db, admin_sqlite, "shenhe", "审核员甲", Role.APPROVER)
    run = prepare_run(sqlite_db, admin_sqlite, 2026)
    approve_run(sqlite_db, actor_for(sqlite_db, "shenhe"), run.run_id)
    apply_run(sqlite_db, admin_sqlite, run.run_id)

    def revert_with_reason(dialog: ReasonDialog) -> QDialog.DialogCode:
        assert not dialog.ok.isEnabled()
        assert "taking back 3 person-times, monthly +510.00 yuan, yearly +6,120.00" in (
            dialog.prompt.text()
        )
        dialog.text.setPlainText("考核结果录入有误，整体重做")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", revert_with_reason)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    runs = AdjustRunsDialog(sqlite_db, admin_sqlite)
    qtbot.addWidget(runs)
    runs.show()
    qtbot.waitUntil(lambda: runs.model.rowCount() == 1 and runs.revert_button.isEnabled())
    with qtbot.waitSignal(runs.changed, timeout=10_000):
        runs.revert_button.click()
    qtbot.waitUntil(lambda: runs.model.rows[0].status == "reverted")
    assert [load_worker(sqlite_db, w).data.level for w in ids] == [3, 3, 3]
    assert not runs.revert_button.isEnabled()


def test_the_adjustment_menu_opens_the_wizard(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    from ui.desktop.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(sqlite_db, admin_sqlite)
    qtbot.waitUntil(window.adjust_actions[0].isEnabled)
    window.adjust_actions[0].trigger()
    wizard = window.findChild(AdjustWizard)
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(wizard.prepare_page.check.isVisible)  # what it will work from
