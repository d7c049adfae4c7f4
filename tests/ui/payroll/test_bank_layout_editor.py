"""工资 → 银行代发格式: built-ins read-only, a bank's own layout made from a copy (columns
removed, moved, added), the service's refusal shown in the dialog, saved, exported, deleted,
imported again, and a preview of a calculated month in the layout on screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from tests.services.payroll_support import adopted_in, community, hire
from ui.desktop.payroll.bank_layout_editor import BankLayoutEditor
from workforce.services.context import Actor, Database
from workforce.services.payroll.bank_layouts import get_layout, list_layouts
from workforce.services.payroll.calc import calculate_month

pytestmark = pytest.mark.gui


def _editor(qtbot: QtBot, db: Database, actor: Actor) -> BankLayoutEditor:
    editor = BankLayoutEditor(db, actor, today=dt.date(2026, 3, 20))
    qtbot.addWidget(editor)
    editor.show()
    editor.load()
    qtbot.waitUntil(lambda: editor.list.count() == len(list_layouts(db)))
    return editor


def _select_column(editor: BankLayoutEditor, title: str) -> None:
    titles = [c.title for c in editor.form.column_values()]
    editor.form.columns.selectRow(titles.index(title))


def test_a_banks_layout_from_a_copy_to_the_preview(
    qtbot: QtBot,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    unit = community(sqlite_db, admin_sqlite)
    for n in (1, 2):
        hire(
            sqlite_db,
            admin_sqlite,
            unit,
            n,
            bank_account=f"62220200000000{n:02d}",
            bank_name="工行",
        )
    editor = _editor(qtbot, sqlite_db, admin_sqlite)
    form = editor.form
    assert (
        form.name.text() == "通用代发格式（Excel）"
        and form.name.isReadOnly()
        and form.header.isReadOnly()
    )
    assert not editor.save_button.isEnabled() and not editor.delete_button.isEnabled()

    editor.list.setCurrentRow(1)  # the built-in csv layout, copied as a new one
    editor.copy_button.click()
    assert form.name.text() == "通用代发格式（CSV） (copy)" and not form.name.isReadOnly()
    assert editor.save_button.isEnabled() and not editor.delete_button.isEnabled()
    form.name.setText("工行代发")
    form.bank.setText("中国工商银行")
    form.amount_format.setCurrentIndex(form.amount_format.findData("fen"))
    form.encoding.setCurrentIndex(form.encoding.findData("gbk"))
    form.title_row.setChecked(True)
    _select_column(editor, "摘要")
    form.remove_column()
    _select_column(editor, "金额")
    form.move_column(-1)  # 账号, 金额, 户名, 身份证号
    _select_column(editor, "身份证号")
    form.add_column()  # after 身份证号: a 摘要 column by default
    field = form.columns.cellWidget(4, 0)
    assert isinstance(field, QComboBox)
    field.setCurrentIndex(field.findData("month"))  # its title follows the field
    form.header.setPlainText("{bank},{count},{totl}")

    editor.save_button.click()  # the service refuses the unknown placeholder
    qtbot.waitUntil(editor.message.isVisible)
    qtbot.waitUntil(lambda: "无法识别" in editor.message.text())
    assert "{totl}" in editor.message.text() or "totl" in editor.message.text()
    assert [x.name for x in list_layouts(sqlite_db)] == ["default", "csv"]

    form.header.setPlainText("{bank},{month},{count},{total}")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.list.count() == 3)
    saved = get_layout(sqlite_db, "工行代发")
    assert [(c.title, c.field) for c in saved.columns] == [
        ("账号", "account"), ("金额", "amount"), ("户名", "account_name"),
        ("身份证号", "id_number"), ("月份", "month"),
    ]  # fmt: skip
    assert (saved.encoding, saved.amount_format, saved.title_row) == ("gbk", "fen", True)
    assert "saved" in editor.message.text() and editor.delete_button.isEnabled()
    assert form.name.isReadOnly()  # a stored layout keeps its name

    editor.preview.show_preview()  # March is not calculated yet
    qtbot.waitUntil(lambda: "2026年3月" in editor.preview.preview_text())
    adopted_in(sqlite_db, admin_sqlite, "2026-03")  # the program starts in March
    net = calculate_month(sqlite_db, admin_sqlite, dt.date(2026, 3, 1)).net
    editor.preview.show_preview()
    qtbot.waitUntil(lambda: "中国工商银行" in editor.preview.preview_text())
    lines = editor.preview.preview_text().splitlines()
    assert lines[0] == f"中国工商银行,2026年3月,2,{int(net * 100)}"
    assert lines[1] == "账号,金额,户名,身份证号,月份"
    assert lines[2].startswith("6222020000000001,") and lines[2].endswith(",2026年3月")
    editor.grab().save("/tmp/payroll-polish-layouts.png")

    exported = tmp_path / "icbc.json"
    editor.export_json(str(exported))
    assert "工行代发" in exported.read_text("utf-8")
    editor.delete_button.click()
    qtbot.waitUntil(lambda: editor.list.count() == 2)
    editor.import_json(str(exported))
    qtbot.waitUntil(lambda: editor.list.count() == 3)
    assert editor.form.name.text() == "工行代发"
    assert get_layout(sqlite_db, "工行代发") == saved


def test_changes_not_saved_are_kept_unless_the_clerk_lets_them_go(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    editor = _editor(qtbot, sqlite_db, admin_sqlite)
    editor.list.setCurrentRow(1)  # browsing built-ins asks nothing
    editor.list.setCurrentRow(0)
    editor.copy_button.click()
    editor.form.name.setText("农行")
    editor.form.bank.textEdited.emit("中国农业银行")  # typed by the clerk
    editor.list.setCurrentRow(1)  # "No": the copy stays on the form
    assert editor.form.name.text() == "农行" and editor.list.currentRow() == -1
    editor.list.setCurrentRow(1)  # "Yes": the csv layout is shown
    assert editor.form.name.text() == "通用代发格式（CSV）" and len(asked) == 2


def test_the_payroll_menu_opens_the_editor(
    qtbot: QtBot, sqlite_db: Database, admin_sqlite: Actor
) -> None:
    from ui.desktop.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(sqlite_db, admin_sqlite)
    menu = next(m for m in window.findChildren(QMenu) if window.payroll_action in m.actions())
    menu.aboutToShow.emit()
    entry = next(a for a in menu.actions() if a.text() == "Bank file layouts…")
    assert entry.isEnabled()
    entry.trigger()
    editor = window.findChild(BankLayoutEditor)
    assert editor is not None
    qtbot.waitUntil(lambda: editor.list.count() == 2)
