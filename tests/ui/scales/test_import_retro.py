"""The scale import dialog offers a retroactive import; its second confirmation shows how many
补发/补扣 lines go into which month, their total, and each line in the details."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from ui.desktop.scales.import_sheet import ScaleImportDialog, confirm_retro
from workforce.services.payroll.retro import RetroLine, RetroPlan

pytestmark = pytest.mark.gui
JANUARY = dt.date(2026, 1, 1)


def test_the_retroactive_import_is_confirmed_after_its_lines_are_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ScaleImportDialog("2026标准.xlsx", JANUARY)
    qtbot.addWidget(dialog)
    assert not dialog.retroactive.isChecked()  # an ordinary import unless asked

    line = RetroLine(1, "测试1", "", JANUARY, "补发2026年1月岗位等级工资", Decimal("3738.00"),
                     Decimal("3838.00"))  # fmt: skip
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append(box)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", answer)
    plan = RetroPlan("薪酬标准「2026」自2026-01-01起执行", dt.date(2026, 2, 1), (line,))
    assert not confirm_retro(None, plan)
    assert "2026-02" in shown[0].text() and "100.00" in shown[0].text()
    assert "补发2026年1月岗位等级工资" in shown[0].detailedText()
