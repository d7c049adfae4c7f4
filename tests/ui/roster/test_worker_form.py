"""The worker form refuses what the rules refuse and saves what they accept."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import make_id
from tests.ui.conftest import add_workers
from ui.desktop.roster.worker_form import WorkerForm
from ui.desktop.widgets.inputs import set_combo_value
from workforce.services.context import Actor, Database
from workforce.services.roster.org import org_tree
from workforce.services.roster.workers import load_worker
from workforce.services.scale import posts_in_force

pytestmark = pytest.mark.gui


def _form(db: Database, actor: Actor, **kwargs: object) -> WorkerForm:
    with db.reading() as session:
        posts = posts_in_force(session, dt.date.today())
    return WorkerForm(db, actor, org_tree(db), posts, **kwargs)  # type: ignore[arg-type]


def test_form_refuses_a_bad_id_then_saves_a_valid_worker(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    community = next(n.id for n in org_tree(sqlite_db) if n.name == "光明社区")
    form = _form(sqlite_db, admin_sqlite, community_id=community)
    qtbot.addWidget(form)
    fields = form.fields
    fields.name.setText("李娜")
    fields.id_number.setText("110105194912310021")  # wrong check digit
    form.save()
    assert form.saved_id is None
    assert "校验位" in form.banner.text()
    assert form.tabs.currentIndex() == 0

    fields.id_number.setText(make_id(7, dt.date(1991, 3, 9), male=False))
    assert fields.birth_date.value() == dt.date(1991, 3, 9)  # filled from the ID number
    assert fields.sex.currentText() == "女"
    set_combo_value(fields.post, "deputy")
    assert (fields.level.minimum(), fields.level.maximum()) == (4, 15)
    fields.level.setValue(20)
    assert fields.level.value() == 15  # clamped to the post's range
    form.save()
    assert form.saved_id is not None
    saved = load_worker(sqlite_db, form.saved_id).data
    assert (saved.name, saved.post, saved.level, saved.community_id) == (
        "李娜",
        "deputy",
        15,
        community,
    )


def test_a_conflicting_save_keeps_the_edits(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    [worker_id] = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    form = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker_id))
    qtbot.addWidget(form)
    other = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker_id))
    qtbot.addWidget(other)
    other.fields.phone.setText("13900000000")
    other.save()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    form.fields.name.setText("王芳芳")
    form.save()
    assert form.saved_id is None
    assert "已被他人修改" in shown[0]
    assert form.fields.name.text() == "王芳芳"


def test_form_shows_the_statutory_retirement_and_keeps_the_original_age(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    community = next(n.id for n in org_tree(sqlite_db) if n.name == "光明社区")
    form = _form(sqlite_db, admin_sqlite, community_id=community)
    qtbot.addWidget(form)
    fields = form.fields
    fields.name.setText("赵敏")
    fields.id_number.setText(make_id(8, dt.date(1981, 9, 3), male=False))
    # the region's default for women, 50: born September 1981, 41 months later
    assert "2035-02-28" in fields.retires.text() and "53岁5个月" in fields.retires.text()
    fields.retirement_age.setCurrentIndex(fields.retirement_age.findData(55))
    assert "2039-09-30" in fields.retires.text() and "58岁" in fields.retires.text()
    form.save()
    assert form.saved_id is not None
    assert load_worker(sqlite_db, form.saved_id).data.retirement_age == 55


def test_the_record_card_prints_from_the_form_through_the_preview(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    """打印个人档案表: the worker's card, ID number masked, in the print preview."""
    from ui.desktop.widgets.print_preview import PrintPreview

    (worker,) = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    form = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker, actor=admin_sqlite))
    qtbot.addWidget(form)
    assert form.card_button.isVisibleTo(form)
    form.card_button.click()
    qtbot.waitUntil(lambda: form.findChild(PrintPreview) is not None, timeout=10_000)
    preview = form.findChild(PrintPreview)
    assert isinstance(preview, PrintPreview)
    assert preview.document.pageCount() >= 1 and preview.path.name == "王芳个人档案表.pdf"
    new = _form(sqlite_db, admin_sqlite)  # a new worker has no card yet
    qtbot.addWidget(new)
    assert not new.card_button.isVisibleTo(new)


def _answer_unsaved(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` on the next 保存 / 放弃 / 取消 question; the list gets its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "unsaved_changes" and widget.isVisible():
                assert isinstance(widget, QMessageBox)
                seen.append(widget.text())
                widget.button(button).click()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen


def test_esc_on_an_edited_form_asks_save_discard_or_cancel(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    """Issue 16: Esc used to close the form and throw the edit away."""
    from PySide6.QtCore import Qt

    [worker_id] = add_workers(sqlite_db, admin_sqlite, [("王芳", "光明社区")])
    form = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker_id))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert not form.is_edited()
    form.fields.phone.setText("13911112222")
    assert form.is_edited()

    asked = _answer_unsaved(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert len(asked) == 1 and form.isVisible()  # 取消: back to the form, the edit kept
    assert form.fields.phone.text() == "13911112222"

    asked = _answer_unsaved(QMessageBox.StandardButton.Save)
    form.close()  # the window's close button asks the same
    assert len(asked) == 1 and not form.isVisible()
    assert load_worker(sqlite_db, worker_id).data.phone == "13911112222"

    again = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker_id))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.fields.phone.setText("13000000000")
    asked = _answer_unsaved(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert len(asked) == 1 and not again.isVisible() and again.saved_id is None
    assert load_worker(sqlite_db, worker_id).data.phone == "13911112222"

    untouched = _form(sqlite_db, admin_sqlite, file=load_worker(sqlite_db, worker_id))
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.waitExposed(untouched)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing edited: closes without a word
    assert not untouched.isVisible()
