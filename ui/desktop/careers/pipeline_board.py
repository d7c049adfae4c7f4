"""晋升通道 board: for a target (两委成员, 副职, 正职 …) the eligibility list of the unit chosen in
the tree, each person with the reason for or against (the eligible first), and beside it the
vacancies of each community against its norms. Both are read off the GUI thread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import formatting as fmt
from ui.desktop.widgets.models import CENTRE, RIGHT, Column, Index, RowsTableModel
from ui.desktop.widgets.screen_fit import fit_window
from ui.desktop.widgets.tables import make_table
from ui.tasks import run_task
from workforce.domain.careers.pipeline import TARGETS
from workforce.domain.progress import CancelToken, ProgressFn
from workforce.services.careers.pipeline_lists import (
    CommunityVacancy,
    EligibilityList,
    EligibilityRow,
    eligibility_list,
    vacancies,
)
from workforce.services.context import Actor, Database

NOT_ELIGIBLE = QColor("#8a1c1c")
OVER, SHORT = QColor("#b71c1c"), QColor("#8a5a00")  # 超配 red, 缺 amber (text)
OVER_ROW, SHORT_ROW = QColor("#fdecea"), QColor("#fff4e0")  # the row's background


@dataclass(frozen=True, slots=True)
class Board:
    eligibility: EligibilityList
    vacancies: list[CommunityVacancy]


def reasons(row: EligibilityRow) -> str:
    """Why not, when not eligible; otherwise what was checked."""
    against = row.verdict.reasons_against
    return "；".join(against or tuple(c.text for c in row.verdict.checks))


def eligibility_columns(post_names: Mapping[str, str]) -> tuple[Column[EligibilityRow], ...]:
    return (
        Column(
            QT_TRANSLATE_NOOP("columns", "Eligible"),
            lambda r: fmt.yes_no(r.verdict.eligible),
            lambda r: not r.verdict.eligible,
            CENTRE,
            56,
            lambda r: None if r.verdict.eligible else NOT_ELIGIBLE,
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.person.street, width=100),
        Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.person.community, width=110),
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.person.name, width=70),
        Column(
            QT_TRANSLATE_NOOP("columns", "Post"),
            lambda r: post_names.get(r.person.post, r.person.post),
            width=130,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "In reserve since"),
            lambda r: fmt.date_text(r.pool_since),
            None,
            CENTRE,
            100,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Eligibility reasons"), reasons, width=520, stretch=True
        ),
    )


def gap_colour(gap: int | None) -> QColor | None:
    if not gap:
        return None
    return OVER if gap > 0 else SHORT


def staffing_text(row: CommunityVacancy) -> str:
    """配备情况 in words, so an export or a print says it too: 人员超配 3；两委成员缺 2."""
    parts = []
    for role, gap in row.gaps():
        what = role or QCoreApplication.translate("pipeline_board", "Headcount")
        words = (
            QCoreApplication.translate("pipeline_board", "%1 over by %2")
            if gap > 0
            else QCoreApplication.translate("pipeline_board", "%1 short by %2")
        )
        parts.append(words.replace("%1", what).replace("%2", str(abs(gap))))
    return "；".join(parts) or QCoreApplication.translate("pipeline_board", "As approved")


def row_colour(row: CommunityVacancy) -> QColor | None:
    """超配 anywhere makes the row red, else 缺 anywhere amber."""
    gaps = [gap for _, gap in row.gaps()]
    if any(gap > 0 for gap in gaps):
        return OVER_ROW
    return SHORT_ROW if gaps else None


def _role(index: int, part: str) -> Any:
    def text(row: CommunityVacancy) -> str:
        if index >= len(row.roles):
            return ""
        role = row.roles[index]
        values = {
            "held": f"{role.holders + role.appointed}/{role.norm}",
            "vacancy": str(role.vacancy),
            "reserve": str(role.reserve),
        }
        return values[part]

    return text


def _role_colour(index: int) -> Any:
    def colour(row: CommunityVacancy) -> QColor | None:
        return gap_colour(row.roles[index].gap) if index < len(row.roles) else None

    return colour


def vacancy_columns(roles: list[str]) -> tuple[Column[CommunityVacancy], ...]:
    columns: list[Column[CommunityVacancy]] = [
        Column(QT_TRANSLATE_NOOP("columns", "Street"), lambda r: r.street, width=100),
        Column(QT_TRANSLATE_NOOP("columns", "Community"), lambda r: r.community, width=110),
        Column(QT_TRANSLATE_NOOP("columns", "Norm"), lambda r: fmt.text(r.norm), None, RIGHT, 64),
        Column(
            QT_TRANSLATE_NOOP("columns", "Headcount"),
            lambda r: str(r.headcount),
            None,
            RIGHT,
            60,
            lambda r: gap_colour(None if r.vacancy is None else -r.vacancy),
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Vacancies"),
            lambda r: fmt.text(r.vacancy),
            None,
            RIGHT,
            60,
        ),
        Column(
            QT_TRANSLATE_NOOP("columns", "Staffing"),
            staffing_text,
            lambda r: (-max((g for _, g in r.gaps()), default=0), staffing_text(r)),
            width=260,
            colour=lambda r: gap_colour(max((g for _, g in r.gaps()), key=abs, default=0)),
        ),
    ]
    for index, role in enumerate(roles):
        columns.append(
            Column(
                f"{role}（在任/核定）", _role(index, "held"), None, CENTRE, 130, _role_colour(index)
            )
        )
        columns.append(Column(f"{role}空缺", _role(index, "vacancy"), None, RIGHT, 76))
        columns.append(Column(f"{role}后备", _role(index, "reserve"), None, RIGHT, 76))
    return tuple(columns)


class EligibilityModel(RowsTableModel[EligibilityRow]):
    """The list with each cell's full text as its tooltip (the reasons run long)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.cell_text(self.row_at(index.row()), index.column())
        return super().data(index, role)


class VacancyModel(RowsTableModel[CommunityVacancy]):
    """Vacancies with each row off its norms tinted (超配 red, 缺 amber) and its 配备情况 as the
    tooltip of every cell."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return row_colour(self.row_at(index.row()))
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole:
            return staffing_text(self.row_at(index.row()))
        return super().data(index, role)


class PipelineBoard(QDialog):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        unit_id: int | None = None,
        unit_name: str = "",
        post_names: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.unit_id = db, actor, unit_id
        self.board: Board | None = None
        self.setWindowTitle(self.tr("Promotion pipeline"))
        self.target = QComboBox()
        self.target.addItems(list(TARGETS))
        self.target.setCurrentText("副职")
        self.pool_only = QCheckBox(self.tr("Reserve pool only"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.summary = QLabel()
        self.eligibility = EligibilityModel(eligibility_columns(post_names or {}))
        self.vacancy = VacancyModel(vacancy_columns([]))
        self.eligibility_table = make_table(
            self.eligibility,
            settings_key="pipeline-eligibility",
            person=lambda row: row.person.worker_id,
        )
        self.eligibility_table.show_lines(2)  # the reasons of one who qualifies are long
        self.vacancy_table = make_table(
            self.vacancy,
            settings_key="pipeline-vacancies",
            title=self.tr("Vacancies by community"),
        )
        self.vacancy_table.filter_text = lambda: self.tr("Unit: %1").replace(
            "%1", unit_name or self.tr("All")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.eligibility_table, self.tr("Eligibility"))
        self.tabs.addTab(self.vacancy_table, self.tr("Vacancies by community"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Unit: %1").replace("%1", unit_name or self.tr("All"))))
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Target")))
        top.addWidget(self.target)
        top.addWidget(self.pool_only)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.tabs, 1)
        self.target.currentIndexChanged.connect(lambda _i: self.load())
        self.pool_only.toggled.connect(lambda _on: self.load())
        self.refresh_button.clicked.connect(self.load)
        fit_window(self, 1340, 640)

    def load(self) -> None:
        target, pool_only, unit = (
            self.target.currentText(),
            self.pool_only.isChecked(),
            self.unit_id,
        )
        db, actor = self.db, self.actor

        def operation(_progress: ProgressFn, _cancel: CancelToken) -> Board:
            listed = eligibility_list(db, actor, target, pool_only=pool_only, unit_id=unit)
            return Board(listed, vacancies(db, actor, unit_id=unit))

        self.summary.setText(self.tr("Loading…"))
        run_task(
            self,
            operation,
            self._show,
            label=self.tr("Checking eligibility…"),
            on_failed=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from ui.tasks import show_error

        self.summary.setText("")
        show_error(self, exc)

    def _show(self, board: Board) -> None:
        self.board = board
        rows = board.eligibility.rows
        self.eligibility.set_rows(rows)
        roles = [r.role for r in board.vacancies[0].roles] if board.vacancies else []
        self.vacancy = VacancyModel(vacancy_columns(roles), board.vacancies)
        self.vacancy_table.setModel(self.vacancy)
        self.vacancy_table.rows_model = self.vacancy  # what 导出为 Excel writes
        self.vacancy_table.horizontalHeader().setStretchLastSection(False)
        self.vacancy_table.resizeColumnsToContents()  # one row per community: cheap
        eligible = sum(1 for r in rows if r.verdict.eligible)
        self.summary.setText(
            self.tr("%1: %2 eligible of %3 checked on %4.")
            .replace("%1", board.eligibility.target)
            .replace("%2", fmt.count_text(eligible))
            .replace("%3", fmt.count_text(len(rows)))
            .replace("%4", fmt.date_text(board.eligibility.on))
        )
        self.eligibility_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
