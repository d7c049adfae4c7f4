"""The worker file form (一人一档): create or edit one worker, validated before it is saved.

Problems from ``validate_worker`` show at the top and under their fields; a refusal from the service
(duplicate ID, someone else saved first) is shown as it is and the clerk's edits stay in the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.careers.tabs import CareerTabs
from ui.desktop.roster.record_tabs import RecordTabs
from ui.desktop.roster.worker_fields import WorkerFields
from ui.desktop.widgets.inputs import set_combo_value
from ui.desktop.widgets.screen_fit import fit_window, fitted_size
from workforce.domain.idcard import IdNumberError, parse_id_number
from workforce.domain.problems import ActionRefused, Problem, Where, error
from workforce.domain.roster.worker import FIELD_LABELS, validate_worker
from workforce.domain.scale import PostRange
from workforce.services.context import Actor, Database
from workforce.services.roster.org import OrgNode
from workforce.services.roster.retirements import retirement_defaults
from workforce.services.roster.workers import WorkerFile, create_worker, update_worker

FIELD_BY_LABEL = {label: name for name, label in FIELD_LABELS.items()}
ERROR_COLOUR = "#b71c1c"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
WARNING_STYLE = "color: #8a5a00;"


class WorkerForm(QDialog):
    """新建人员 / 编辑人员. ``saved_id`` holds the worker's id after a successful save."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        nodes: Sequence[OrgNode],
        posts: Sequence[PostRange],
        *,
        file: WorkerFile | None = None,
        community_id: int | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.file = db, actor, file
        self.posts = {post.code: post for post in posts}
        self.today = today or dt.date.today()
        self.saved_id: int | None = None
        self._tried = False
        self.setWindowTitle(self.tr("Edit worker") if file else self.tr("New worker"))
        self.setMinimumSize(fitted_size(self, 620, 500))

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setVisible(False)
        self.banner.setStyleSheet(
            "QLabel { background: #fdecea; border: 1px solid #f5c2c0; padding: 6px; }"
        )
        self.fields = WorkerFields(
            nodes, posts, editing=file is not None, retirement_defaults=retirement_defaults(db)
        )
        self.tabs = QTabWidget()
        self.fields.build_tabs(self.tabs)
        self.reason = QLineEdit(self.tr("Correction of the file"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.card_button = buttons.addButton(
            self.tr("Print record card…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.card_button.setVisible(file is not None)
        if file is not None:
            from ui.desktop.roster.record_card import print_record_card

            worker_id, name = file.worker_id, file.data.name
            self.card_button.clicked.connect(
                lambda _checked=False: print_record_card(self, db, actor, worker_id, name)
            )

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        if file is not None:
            reason_row = QFormLayout()
            reason_row.addRow(self.tr("Reason for the change"), self.reason)
            layout.addLayout(reason_row)
        layout.addWidget(buttons)

        if file is not None:
            self.fields.load(file)
            self.careers = CareerTabs(
                db, actor, file.worker_id, file.data.name, self.tabs, self.today
            )
            self.careers.load()
            self.record = RecordTabs(db, actor, file.worker_id, self.tabs)
            self.record.load()
            fit_window(self, 900, 560)
        else:
            self.fields.community.set_community(community_id)
        self.fields.id_number.textChanged.connect(self._fill_from_id)
        self._loaded = self._entered()
        self._revalidate = QTimer(self, singleShot=True, interval=250)
        self._revalidate.timeout.connect(self._validate_live)
        self.fields.changed.connect(self._schedule_validation)

    # -- leaving with unsaved edits -------------------------------------------------------------
    def _entered(self) -> tuple[object, ...]:
        return (self.fields.worker_input(), self.fields.certificate_input(), self.reason.text())

    def is_edited(self) -> bool:
        """True when the form differs from what it opened with."""
        return self._entered() != self._loaded

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: an edited form asks 保存 / 放弃 / 取消 first."""
        if self.isVisible() and self.saved_id is None and self.is_edited():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.windowTitle(),
                self.tr("The form has changes that are not saved. Save them?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("unsaved_changes")
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            box.setEscapeButton(QMessageBox.StandardButton.Cancel)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Save:
                self.save()  # closes the form once saved; a refusal keeps it open
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # -- ID number fills birth date and sex -----------------------------------------------------
    def show_page(self, name: str) -> bool:
        """Open the tab whose page is named ``name`` (the 社工证 tab for a certificate reminder)."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).objectName() == name:
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def _fill_from_id(self, text: str) -> None:
        try:
            info = parse_id_number(text)
        except IdNumberError:
            return
        self.fields.birth_date.set_value(info.birth_date)
        set_combo_value(self.fields.sex, info.sex)

    # -- validation ----------------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        data = self.fields.worker_input()
        problems = validate_worker(data, self.posts, self.today)
        if self.fields.community.community_id() is None:
            problems.insert(0, error("missing_community", "请选择所在社区", Where(column="社区")))
        return problems

    def _schedule_validation(self) -> None:
        if self._tried:
            self._revalidate.start()

    def _validate_live(self) -> None:
        self.show_problems(self.problems())

    def show_problems(self, problems: Sequence[Problem], message: str | None = None) -> None:
        """List problems at the top and under each field they name."""
        self.fields.clear_problems()
        lines = [message] if message else []
        tabs_with_errors = set()
        for problem in problems:
            field = FIELD_BY_LABEL.get(problem.where.column)
            if field is not None:
                self.fields.show_problem(field, problem)
                if problem.is_error:
                    tabs_with_errors.add(self.fields.tab_of(field))
            mark = "✖" if problem.is_error else "⚠"
            place = f"{problem.where.column}：" if problem.where.column else ""
            lines.append(f"{mark} {place}{problem.message}")
        for tab in range(self.tabs.count()):
            colour = QColor(ERROR_COLOUR) if tab in tabs_with_errors else QColor()
            self.tabs.tabBar().setTabTextColor(tab, colour)
        has_errors = bool(message) or any(p.is_error for p in problems)
        self.banner.setStyleSheet(
            "QLabel { background: %s; border: 1px solid %s; padding: 6px; %s }"
            % (
                ("#fdecea", "#f5c2c0", ERROR_STYLE)
                if has_errors
                else ("#fff4e0", "#f0d29a", WARNING_STYLE)
            )
        )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        first = next((p for p in problems if p.is_error), None)
        if first is not None:
            field = FIELD_BY_LABEL.get(first.where.column)
            if field is not None:
                self.tabs.setCurrentIndex(self.fields.tab_of(field))

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> None:
        self._tried = True
        problems = self.problems()
        self.show_problems(problems)
        if any(p.is_error for p in problems):
            return
        warnings = [p.describe() for p in problems if not p.is_error]
        if warnings and not self._confirm_warnings(warnings):
            return
        data = self.fields.worker_input()
        try:
            if self.file is None:
                self.saved_id = create_worker(
                    self.db, self.actor, data, self.fields.certificate_input(), today=self.today
                )
            else:
                update_worker(
                    self.db,
                    self.actor,
                    self.file.worker_id,
                    data,
                    self.file.version,
                    reason=self.reason.text().strip() or "信息修改",
                    today=self.today,
                )
                self.saved_id = self.file.worker_id
        except ActionRefused as exc:
            self.show_problems(exc.problems, None if exc.problems else exc.message)
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return
        self.accept()

    def _confirm_warnings(self, warnings: list[str]) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Please check"),
            self.tr("Please check the following:\n%1\n\nSave anyway?").replace(
                "%1", "\n".join(warnings)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
