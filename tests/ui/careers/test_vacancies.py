"""The vacancies view makes a community off its norms stand out: 副职 3/2 and 两委成员 6/5 tint the
row red and say 超配 in a 配备情况 column (so the exported sheet says it too); a community short
of its norms is amber with 缺."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.factories import make_worker
from tests.services.payroll_support import community
from ui.desktop.careers.pipeline_board import OVER, OVER_ROW, SHORT_ROW, PipelineBoard
from workforce.services.careers.pipeline_lists import set_headcount_norm
from workforce.services.context import Actor, Database
from workforce.services.roster.workers import create_worker

pytestmark = pytest.mark.gui


def test_over_and_under_norms_stand_out_in_colour_and_words(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    sqlite_db: Database,
    admin_sqlite: Actor,
    tmp_path: Path,
) -> None:
    db, admin = sqlite_db, admin_sqlite
    crowded = community(db, admin, "新华街道", "光明社区")
    short = community(db, admin, "新华街道", "幸福社区")
    people = [("principal", 8, True)] + [("deputy", 5, True)] * 3 + [("staff", 3, True)] * 2
    for sequence, (post, level, committee) in enumerate(people, 1):
        worker = make_worker(
            crowded, sequence, post=post, level=level, is_committee_member=committee
        )
        create_worker(db, admin, worker)
    create_worker(db, admin, make_worker(short, 20))
    set_headcount_norm(db, admin, crowded, 10)

    board = PipelineBoard(db, admin)
    qtbot.addWidget(board)
    board.load()
    qtbot.waitUntil(lambda: board.board is not None)
    model = board.vacancy
    qtmodeltester.check(model)
    rows = {r.community: n for n, r in enumerate(model.rows)}
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    staffing, deputies = headers.index("Staffing"), headers.index("副职（在任/核定）")

    def cell(name: str, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(rows[name], column), role)

    assert cell("光明社区", deputies) == "3/2"
    assert cell("光明社区", deputies, Qt.ItemDataRole.ForegroundRole) == OVER
    assert cell("光明社区", staffing) == "Headcount short by 4；副职 over by 1；两委成员 over by 1"
    assert cell("光明社区", 0, Qt.ItemDataRole.BackgroundRole) == OVER_ROW
    assert cell("幸福社区", staffing) == ("正职 short by 1；副职 short by 2；两委成员 short by 5")
    assert cell("幸福社区", 0, Qt.ItemDataRole.BackgroundRole) == SHORT_ROW

    out = tmp_path / "空缺.xlsx"
    done: list[str] = []
    board.vacancy_table.export_to(str(out), done.append)
    qtbot.waitUntil(lambda: bool(done))
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    exported = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v]
    assert "Headcount short by 4；副职 over by 1；两委成员 over by 1" in exported
