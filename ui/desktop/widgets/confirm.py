"""Asking before a bulk change, in numbers (issue 16): the question names what will change and
how much (人次, 月增, 年增; 人数, 实发合计; 新增, 更新, 未变), and its button names the change, so
a click on 应用 is never a click on a bare 是."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_change(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """True when the clerk clicks ``action``; 取消 (the default, and Esc) keeps everything."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("confirm_change")
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        QCoreApplication.translate("confirm", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go
