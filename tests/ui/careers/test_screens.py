"""The career screens: a worker's certificate tab and a renewal through its dialog, the reminders
dock listing a lapsing registration (and opening the worker's file), and the pipeline board giving
reasons person by person."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import add_workers
from ui.desktop.careers.dialogs import RegistrationDialog
from ui.desktop.careers.pages import CERTIFICATES_PAGE
from ui.desktop.careers.pipeline_board import PipelineBoard, reasons
from ui.desktop.careers.tabs import PERIODS_COLUMN
from ui.desktop.main_window import MainWindow
from ui.desktop.roster.worker_form import WorkerForm
from workforce.domain.careers.certificates import add_years
from workforce.domain.vocab import Role
from workforce.services.accounts.acting_user import actor_for
from workforce.services.accounts.users import create_user
from workforce.services.careers.certificates import CertificateEntry, record_certificate
from workforce.services.context import Actor, Database
from workforce.services.roster.org import org_tree
from workforce.services.roster.workers import load_worker
from workforce.services.scale import posts_in_force

pytestmark = pytest.mark.gui
TODAY = dt.date.today()
LAPSING = add_years(TODAY, -3) + dt.timedelta(days=30)  # lapses within 90 days


def _certified(db: Database, actor: Actor) -> int:
    worker = add_workers(db, actor, [("王芳", "光明社区")])[0]
    record_certificate(
        db,
        actor,
        CertificateEntry(worker, "社会工作师", "S2020001", LAPSING, LAPSING),
        today=TODAY,
    )
    return worker


def test_certificate_tab_shows_the_registration_and_a_renewal_updates_it(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    worker = _certified(sqlite_db, admin_sqlite)
    with sqlite_db.reading() as session:
        posts = posts_in_force(session, TODAY)
    form = WorkerForm(
        sqlite_db, admin_sqlite, org_tree(sqlite_db), posts, file=load_worker(sqlite_db, worker)
    )
    qtbot.addWidget(form)
    careers = form.careers
    qtbot.waitUntil(lambda: careers.loaded is not None)
    (certificate,) = careers.certificates.rows
    assert (certificate.level, certificate.state) == ("社会工作师", "即将到期")
    assert careers.certificates.cell_text(certificate, PERIODS_COLUMN).startswith(
        f"{LAPSING:%Y-%m-%d} 至"
    )

    careers.register_button.click()
    dialog = careers.dialog
    assert isinstance(dialog, RegistrationDialog)
    dialog.date.set_value(TODAY)
    dialog.accept()
    qtbot.waitUntil(lambda: len(careers.certificates.rows[0].registrations) == 2)
    assert careers.certificates.rows[0].state == "有效"


def test_a_pipeline_change_and_a_correction_ask_for_their_reason_before_ok(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    """The services refuse both without a reason; the refusal came after the dialog had closed."""
    from ui.desktop.careers.dialogs import CorrectionDialog, MoveDialog

    move = MoveDialog("王芳", TODAY, None)  # type: ignore[arg-type]
    correction = CorrectionDialog("社会工作师", [LAPSING], None)  # type: ignore[arg-type]
    for dialog in (move, correction):
        qtbot.addWidget(dialog)
        assert not dialog.ok_button.isEnabled()
        assert dialog.reason.placeholderText() == "Required"
        dialog.reason.setText("   ")
        assert not dialog.ok_button.isEnabled()
        dialog.reason.setText("街道党工委推荐")
        assert dialog.ok_button.isEnabled()


def _window_with_reminders(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(db, actor)
    qtbot.waitUntil(lambda: window.snapshot is not None)
    window.reminders.dock.show()
    return window


def test_reminders_dock_lists_a_lapsing_registration(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    _certified(sqlite_db, admin_sqlite)
    window = _window_with_reminders(qtbot, sqlite_db, admin_sqlite)
    model = window.reminders.model
    qtbot.waitUntil(lambda: any(r.kind_name == "登记即将到期" for r in model.rows))
    lapsing = next(r for r in model.rows if r.kind_name == "登记即将到期")
    assert lapsing.person.name == "王芳"


def test_a_reminder_and_the_table_open_the_workers_file_for_those_who_may_edit(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Double-clicking a reminder and 编辑 on the table open the same form (the window's
    ``open_worker``, which the dock reaches through ``WindowShell``); an approver opens none."""
    worker = _certified(sqlite_db, admin_sqlite)
    opened: list[WorkerForm] = []
    monkeypatch.setattr(WorkerForm, "exec", lambda form: opened.append(form) or 0)
    window = _window_with_reminders(qtbot, sqlite_db, admin_sqlite)
    model = window.reminders.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    window.reminders.table.doubleClicked.emit(model.index(0, 0))
    window.select_worker(worker)
    window.edit_action.trigger()
    assert [(form.file.worker_id, form.file.data.name) for form in opened if form.file] == [
        (worker, "王芳"),
        (worker, "王芳"),
    ]
    # the reminder (a registration lapsing) opens the file on its 社工证 tab; 编辑 on the first
    pages = [form.tabs.currentWidget().objectName() for form in opened]
    assert pages[0] == CERTIFICATES_PAGE and opened[1].tabs.currentIndex() == 0
    # the certificate is in one tab only: the form's own tab keeps the bank account
    titles = [opened[0].tabs.tabText(n) for n in range(opened[0].tabs.count())]
    assert "Bank account" in titles and "Certificate and bank" not in titles

    opened.clear()
    create_user(sqlite_db, admin_sqlite, "shenhe", "审核员甲", Role.APPROVER)
    window.attach(sqlite_db, actor_for(sqlite_db, "shenhe"))
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not window.edit_action.isEnabled())
    window.select_worker(worker)
    window.reminders.open_worker(0)
    window.edit_selected()
    assert opened == []


def test_pipeline_board_lists_eligibility_with_reasons(
    qtbot: QtBot, qtmodeltester: ModelTester, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区"), ("李强", "幸福社区")])
    board = PipelineBoard(sqlite_db, admin_sqlite)
    qtbot.addWidget(board)
    board.load()
    qtbot.waitUntil(lambda: board.board is not None)
    rows = board.eligibility.rows
    assert {r.person.name for r in rows} == {"王芳", "李强"}
    assert all(reasons(r) for r in rows)
    assert [r.verdict.eligible for r in rows] == sorted(
        (r.verdict.eligible for r in rows), reverse=True
    )
    assert {r.community for r in board.vacancy.rows} >= {"光明社区", "幸福社区"}
    qtmodeltester.check(board.eligibility)
    qtmodeltester.check(board.vacancy)
