"""The desktop's first start after an upgrade: the file is backed up before it is migrated, and
the clerk is told where the copy is before signing in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.services.system.test_upgrade_backup import _older_file
from ui.desktop.app import open_operation, tell_upgrade_backup
from workforce.domain.progress import CancelToken, no_progress

pytestmark = pytest.mark.gui


def test_opening_an_older_file_returns_the_copy_made_before_the_upgrade(tmp_path: Path) -> None:
    _older_file(tmp_path / "workforce.db")
    opened = open_operation(str(tmp_path / "workforce.db"))(no_progress, CancelToken())
    try:
        assert opened.upgrade_backup is not None
        assert opened.upgrade_backup.name.endswith("-升级前.db")
    finally:
        opened.db.close()
    again = open_operation(str(tmp_path / "workforce.db"))(no_progress, CancelToken())
    try:
        assert again.upgrade_backup is None
    finally:
        again.db.close()


def test_the_clerk_is_told_where_the_copy_is(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args))
    parent = QWidget()
    qtbot.addWidget(parent)
    copy = tmp_path / "backups" / "workforce-20261207-130000-升级前.db"
    tell_upgrade_backup(parent, copy)
    [(_, title, text)] = shown
    assert title == "Program updated"  # translated to 程序已更新 in Chinese
    assert str(copy) in text
