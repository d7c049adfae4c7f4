"""Decisions that need a written reason: exclude a person or set their level (override), revert a
run. The OK button stays disabled until a reason is written (the service refuses without one)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.adjustment.text import post_level
from workforce.domain.scale import PostRange
from workforce.services.adjustment.views import RunLine

EXCLUDE, SET_LEVEL, RESTORE = 0, 1, 2


class ReasonDialog(QDialog):
    """A prompt and a required reason; ``reason()`` once accepted."""

    def __init__(
        self, title: str, prompt: str, parent: QWidget | None = None, *, action: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write the reason (required)"))
        self.text.setFixedHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if action:
            self.ok.setText(action)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.prompt)
        self.body = QVBoxLayout()
        self.layout_.addLayout(self.body)
        self.layout_.addWidget(QLabel(self.tr("Reason:")))
        self.layout_.addWidget(self.text)
        self.layout_.addWidget(self.buttons)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason()) and self._choice_ok())

    def _choice_ok(self) -> bool:
        return True


class OverrideDialog(ReasonDialog):
    """Exclude one person from the run, set their new level by hand, or restore the proposal."""

    def __init__(
        self, line: RunLine, post: PostRange | None, parent: QWidget | None = None
    ) -> None:
        proposal = (
            self.tr("The rules propose: %1 → %2.")
            .replace("%1", post_level(line.old_post_name, line.old_level))
            .replace("%2", post_level(line.new_post_name, line.proposed_level))
        )
        super().__init__(
            self.tr("Exclude or set the level: %1").replace("%1", line.name),
            f"{line.name}（{line.community}）  {proposal}",
            parent,
        )
        self.line = line
        self.choice = QButtonGroup(self)
        exclude = QRadioButton(self.tr("Exclude from this run (no change this year)"))
        set_level = QRadioButton(self.tr("Set the new level to"))
        restore = QRadioButton(
            self.tr("Restore the proposal (%1)").replace("%1", fmt.level_text(line.proposed_level))
        )
        self.level = QSpinBox()
        low, high = (post.min_level, post.max_level) if post else (1, 30)
        self.level.setRange(low, high)
        self.level.setValue(line.new_level)
        self.level.setSuffix(self.tr(" level"))
        if post is not None:
            self.level.setToolTip(
                self.tr("%1: levels %2–%3")
                .replace("%1", post.name)
                .replace("%2", str(low))
                .replace("%3", str(high))
            )
        grid = QGridLayout()
        for number, button in ((EXCLUDE, exclude), (SET_LEVEL, set_level), (RESTORE, restore)):
            self.choice.addButton(button, number)
            grid.addWidget(button, number, 0)
        grid.addWidget(self.level, SET_LEVEL, 1)
        grid.setColumnStretch(2, 1)
        restore.setEnabled(line.excluded or line.overridden)
        (restore if line.excluded else set_level).setChecked(True)
        self.body.addLayout(grid)
        self.choice.idToggled.connect(lambda *_: self._update())
        self.level.valueChanged.connect(lambda _value: self._update())

    def _choice_ok(self) -> bool:
        chosen = self.choice.checkedId()
        if chosen == SET_LEVEL:
            return self.line.excluded or self.level.value() != self.line.new_level
        return chosen in (EXCLUDE, RESTORE)

    def decision(self) -> tuple[bool, int | None]:
        """(excluded, new level) for ``override_item``."""
        chosen = self.choice.checkedId()
        if chosen == EXCLUDE:
            return True, None
        if chosen == RESTORE:
            return False, self.line.proposed_level
        return False, self.level.value()
