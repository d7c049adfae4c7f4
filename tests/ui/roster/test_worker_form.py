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
