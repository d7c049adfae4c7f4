"""A titled form with OK and Cancel, the base of the small dialogs every screen asks with."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class FormDialog(QDialog):
    """A titled form with OK and Cancel; subclasses add their rows."""

    def __init__(self, title: str, note: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def require(self, field: QLineEdit) -> None:
        """OK only once ``field`` is filled in (a reason the service refuses to go without: the
        refusal came after the dialog had closed, and what was typed was lost)."""
        field.setPlaceholderText(self.tr("Required"))
        field.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(field.text().strip()))
