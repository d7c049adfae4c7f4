"""The worker table model and the Python-side filter behind the search box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from tests.ui.conftest import make_row
from ui.desktop.roster_filter import RosterCriteria, RosterFilter
from ui.desktop.widgets.models import ID_COLUMN, WorkerTableModel

pytestmark = pytest.mark.gui


def test_worker_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = WorkerTableModel([make_row(i, name=n) for i, n in enumerate(["王芳", "李强", "赵敏"])])
    qtmodeltester.check(model, force_py=True)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert sorted(r.name for r in model.rows)[::-1] == [r.name for r in model.rows]
    model.set_masked(True)
    assert model.data(model.index(0, ID_COLUMN)) == "110105********002X"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Date of birth"
    assert model.data(model.index(0, 5)) == "1990-05-17"


def test_filter_narrows_by_text_status_post_and_unit() -> None:
    rows = [
        make_row(1, name="王芳", phone="13912345678", grid="第1网格"),
        make_row(2, name="李强", community="幸福社区", community_id=4, status="离职"),
        make_row(3, name="王强", post="deputy", post_name="社区副职"),
    ]
    roster = RosterFilter(rows)
    names = lambda c: [r.name for r in roster.apply(c)]  # noqa: E731
    assert names(RosterCriteria("王")) == ["王芳", "王强"]
    assert names(RosterCriteria("王强")) == ["王强"]  # narrowed from the last result
    assert names(RosterCriteria("幸福")) == ["李强"]
    assert names(RosterCriteria("1391234")) == ["王芳"]
    assert names(RosterCriteria("副职")) == ["王强"]
    assert names(RosterCriteria("", statuses=frozenset({"在职"}))) == ["王芳", "王强"]
    assert names(RosterCriteria("强", post="staff")) == ["李强"]
    assert names(RosterCriteria("", community_ids=frozenset({4}))) == ["李强"]
    assert names(RosterCriteria("", community_ids=frozenset({3}), grid="第1网格")) == ["王芳"]
    roster.sort(lambda r: r.worker_id, descending=True)
    assert names(RosterCriteria("王")) == ["王强", "王芳"]
