"""The worker form's fields, grouped in tabs, read into and out of ``WorkerInput``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.widgets.inputs import (
    ETHNICITIES,
    CommunityPicker,
    DateEdit,
    OptionalDateEdit,
    OptionalYearSpin,
    combo_value,
    set_combo_value,
    vocab_combo,
)
from workforce.domain.problems import Problem
from workforce.domain.roster.worker import CertificateInput, WorkerInput
from workforce.domain.scale import PostRange
from workforce.domain.vocab import (
    CERTIFICATE_LEVELS,
    DUTIES,
    EDUCATIONS,
    POLITICAL_STATUSES,
    RECRUITMENT_CHANNELS,
    SEXES,
    WorkerStatus,
)
from workforce.services.roster.org import OrgNode
from workforce.services.roster.workers import WorkerFile

PROBLEM_STYLE = "color: #b71c1c; font-size: 9pt;"
WARNING_STYLE = "color: #8a5a00; font-size: 9pt;"


def _optional(text: str) -> str | None:
    return text.strip() or None


class WorkerFields(QObject):
    """Every input of the form; ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(
        self, nodes: Sequence[OrgNode], posts: Sequence[PostRange], *, editing: bool
    ) -> None:
        super().__init__()
        self.editing = editing
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 characters; fills date of birth and sex"))
        self.sex = vocab_combo(SEXES)
        self.birth_date = DateEdit()
        self.ethnicity = vocab_combo(ETHNICITIES, editable=True)
        self.political_status = vocab_combo(POLITICAL_STATUSES)
        set_combo_value(self.political_status, "群众")
        self.party_join_date = OptionalDateEdit()
        self.phone = QLineEdit()
        self.status = vocab_combo(s.value for s in WorkerStatus)
        self.remarks = QLineEdit()
        self.fulltime_education = vocab_combo(EDUCATIONS, optional=True)
        self.highest_education = vocab_combo(EDUCATIONS, optional=True)
        self.school = QLineEdit()
        self.major = QLineEdit()
        self.community = CommunityPicker(nodes)
        self.work_start_date = OptionalDateEdit()
        self.community_start_date = OptionalDateEdit()
        self.recruitment_channel = vocab_combo(RECRUITMENT_CHANNELS, optional=True)
        self.duties = vocab_combo(DUTIES, optional=True)
        self.is_committee_member = QCheckBox(self.tr("Member of the two committees"))
        self.post = QComboBox()
        self._ranges = {post.code: post for post in posts}
        for post in posts:
            self.post.addItem(f"{post.name}（{post.min_level}–{post.max_level}级）", post.code)
        self.level = QSpinBox()
        self.level.setSuffix(" 级")
        self.level_start_year = OptionalYearSpin()
        self.certificate_level = vocab_combo(CERTIFICATE_LEVELS, optional=True)
        self.certificate_number = QLineEdit()
        self.certificate_obtained = OptionalDateEdit()
        self.certificate_registered = OptionalDateEdit()
        self.bank_account_name = QLineEdit()
        self.bank_name = QLineEdit()
        self.bank_account = QLineEdit()
        self.post.currentIndexChanged.connect(self._clamp_level)
        self._clamp_level()
        self._rows: dict[str, tuple[int, QLabel]] = {}
        self._tab_count = 0
        self._connect_changes()

    # -- layout ---------------------------------------------------------------------------------
    def build_tabs(self, tabs: QTabWidget) -> None:
        basic = self._tab(tabs, self.tr("Basic information"))
        self._add(basic, "name", self.tr("Name"), self.name)
        self._add(basic, "id_number", self.tr("ID number"), self.id_number)
        self._add(basic, "sex", self.tr("Sex"), self.sex)
        self._add(basic, "birth_date", self.tr("Date of birth"), self.birth_date)
        self._add(basic, "ethnicity", self.tr("Ethnicity"), self.ethnicity)
        self._add(basic, "political_status", self.tr("Political status"), self.political_status)
        self._add(basic, "party_join_date", self.tr("Joined the party"), self.party_join_date)
        self._add(basic, "phone", self.tr("Phone"), self.phone)
        self._add(basic, "status", self.tr("Status"), self.status)
        self._add(basic, "remarks", self.tr("Remarks"), self.remarks)
        education = self._tab(tabs, self.tr("Education"))
        self._add(
            education, "fulltime_education", self.tr("Full-time education"), self.fulltime_education
        )
        self._add(
            education, "highest_education", self.tr("Highest education"), self.highest_education
        )
        self._add(education, "school", self.tr("School"), self.school)
        self._add(education, "major", self.tr("Major"), self.major)
        work = self._tab(tabs, self.tr("Work and post"))
        self._add(work, "community_id", self.tr("Community"), self.community)
        self._add(work, "grid_id", self.tr("Grid"), self.community.grid_combo)
        self._add(work, "work_start_date", self.tr("Started work"), self.work_start_date)
        self._add(
            work,
            "community_start_date",
            self.tr("Started community work"),
            self.community_start_date,
        )
        self._add(
            work, "recruitment_channel", self.tr("Recruitment channel"), self.recruitment_channel
        )
        self._add(work, "duties", self.tr("Duties"), self.duties)
        self._add(work, "is_committee_member", "", self.is_committee_member)
        self._add(work, "post", self.tr("Post"), self.post)
        self._add(work, "level", self.tr("Level"), self.level)
        self._add(work, "level_start_year", self.tr("Current level since"), self.level_start_year)
        other = self._tab(tabs, self.tr("Certificate and bank"))
        self._add(
            other, "certificate_level", self.tr("Social work certificate"), self.certificate_level
        )
        self._add(
            other, "certificate_number", self.tr("Certificate number"), self.certificate_number
        )
        self._add(other, "certificate_obtained", self.tr("Obtained on"), self.certificate_obtained)
        self._add(
            other, "certificate_registered", self.tr("Registered on"), self.certificate_registered
        )
        if self.editing:
            note = QLabel(
                self.tr("Certificates are kept as dated history and are not changed here.")
            )
            note.setWordWrap(True)
            other.addRow("", note)
            for widget in (
                self.certificate_level,
                self.certificate_number,
                self.certificate_obtained,
                self.certificate_registered,
            ):
                widget.setEnabled(False)
        self._add(other, "bank_account_name", self.tr("Account holder"), self.bank_account_name)
        self._add(other, "bank_name", self.tr("Bank"), self.bank_name)
        self._add(other, "bank_account", self.tr("Account number"), self.bank_account)

    def _tab(self, tabs: QTabWidget, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        self._tab_count = tabs.addTab(page, title) + 1
        return form

    def _add(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        message = QLabel()
        message.setWordWrap(True)
        message.setVisible(False)
        column.addWidget(message)
        form.addRow(label, box)
        self._rows[field] = (self._tab_count - 1, message)

    def _connect_changes(self) -> None:
        for widget in self.__dict__.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self.changed)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.changed)
        self.community.grid_combo.currentIndexChanged.connect(self.changed)

    def _clamp_level(self) -> None:
        post = self._ranges.get(self.post.currentData())
        if post is not None:
            self.level.setRange(post.min_level, post.max_level)

    # -- problems -------------------------------------------------------------------------------
    def tab_of(self, field: str) -> int:
        return self._rows[field][0] if field in self._rows else 0

    def show_problem(self, field: str, problem: Problem) -> None:
        if field not in self._rows:
            return
        message = self._rows[field][1]
        message.setStyleSheet(PROBLEM_STYLE if problem.is_error else WARNING_STYLE)
        previous = message.text() if message.isVisible() else ""
        message.setText(f"{previous}\n{problem.message}".strip())
        message.setVisible(True)

    def clear_problems(self) -> None:
        for _tab, message in self._rows.values():
            message.clear()
            message.setVisible(False)

    # -- values ---------------------------------------------------------------------------------
    def worker_input(self) -> WorkerInput:
        return WorkerInput(
            id_number=self.id_number.text().strip().upper(),
            name=self.name.text().strip(),
            sex=combo_value(self.sex) or "",
            birth_date=self.birth_date.value(),
            community_id=self.community.community_id() or 0,
            post=combo_value(self.post) or "",
            level=self.level.value(),
            ethnicity=combo_value(self.ethnicity) or "",
            political_status=combo_value(self.political_status) or "",
            party_join_date=self.party_join_date.optional_value(),
            fulltime_education=combo_value(self.fulltime_education),
            highest_education=combo_value(self.highest_education),
            school=_optional(self.school.text()),
            major=_optional(self.major.text()),
            work_start_date=self.work_start_date.optional_value(),
            community_start_date=self.community_start_date.optional_value(),
            recruitment_channel=combo_value(self.recruitment_channel),
            duties=combo_value(self.duties),
            is_committee_member=self.is_committee_member.isChecked(),
            grid_id=self.community.grid_id(),
            level_start_year=self.level_start_year.optional_value(),
            phone=_optional(self.phone.text()),
            bank_account_name=_optional(self.bank_account_name.text()),
            bank_name=_optional(self.bank_name.text()),
            bank_account=_optional(self.bank_account.text()),
            status=combo_value(self.status) or "",
            remarks=_optional(self.remarks.text()),
        )

    def certificate_input(self) -> CertificateInput | None:
        level = combo_value(self.certificate_level)
        if level is None:
            return None
        return CertificateInput(
            level,
            self.certificate_obtained.optional_value(),
            self.certificate_registered.optional_value(),
            _optional(self.certificate_number.text()),
        )

    def load(self, file: WorkerFile) -> None:
        data = file.data
        for name in (
            "name",
            "id_number",
            "phone",
            "remarks",
            "school",
            "major",
            "bank_account_name",
            "bank_name",
            "bank_account",
        ):
            getattr(self, name).setText(getattr(data, name) or "")
        for name in (
            "sex",
            "ethnicity",
            "political_status",
            "status",
            "fulltime_education",
            "highest_education",
            "recruitment_channel",
            "duties",
            "post",
        ):
            set_combo_value(getattr(self, name), getattr(data, name))
        self.birth_date.set_value(data.birth_date)
        for name in ("party_join_date", "work_start_date", "community_start_date"):
            getattr(self, name).set_optional(getattr(data, name))
        self.community.set_community(data.community_id, data.grid_id)
        self.is_committee_member.setChecked(data.is_committee_member)
        self.level.setValue(data.level)
        self.level_start_year.set_optional(data.level_start_year)
        if file.certificate is not None:
            cert = file.certificate
            set_combo_value(self.certificate_level, cert.level)
            self.certificate_number.setText(cert.number or "")
            self.certificate_obtained.set_optional(cert.obtained_date)
            self.certificate_registered.set_optional(cert.registered_date)
