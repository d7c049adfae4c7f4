"""The run's read models on both databases: overview figures, one line per person, a fixed number
of queries however many people the run holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event

from tests.services.adjustment.test_run import _approver, _seed
from workforce.domain.accounts.permissions import ALLOWED, Action, is_allowed
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.adjustment.run import approve_run, override_item, prepare_run
from workforce.services.adjustment.screens import list_runs as screen_runs
from workforce.services.adjustment.views import (
    list_runs,
    people,
    run_lines,
    run_overview,
    run_report,
)
from workforce.services.context import Actor, Database

STAFF_3, STAFF_4, DEPUTY_4 = Decimal("3738"), Decimal("3908"), Decimal("4188")


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_overview_and_lines_after_an_override(db: Database, admin: Actor) -> None:
    ids = _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    override_item(db, admin, run.run_id, ids["tenure"], reason="待核实", excluded=True)
    approve_run(db, _approver(db), run.run_id)
    overview = run_overview(db, admin, run.run_id)
    assert (overview.status, overview.status_name) == ("approved", "已审核")
    assert (overview.prepared_by, overview.approved_by, overview.applied_by) == (
        "系统管理员",
        "审核员",
        None,
    )
    assert overview.person_times == 1
    assert overview.yearly_cost == 12 * (DEPUTY_4 - STAFF_3)
    assert (overview.blocked, overview.excluded, overview.overridden) == (2, 1, 0)
    assert [(g.name, g.person_times) for g in overview.by_post] == [("社区副职", 1)]
    assert [g.name for g in overview.by_street] == ["示范区/新华街道"]
    assert overview.scale_name.startswith("示范地区")
    lines = {line.worker_id: line for line in run_lines(db, admin, run.run_id)}
    assert set(lines) == set(ids.values())
    tenure = lines[ids["tenure"]]
    assert tenure.excluded and not tenure.changed and tenure.counted_yearly == 0
    assert tenure.override_reason == "待核实"
    assert tenure.reasons[0].startswith("任职年限晋级")
    appointed = lines[ids["appointed"]]
    assert (appointed.old_post_name, appointed.new_post_name, appointed.new_level) == (
        "其他社区工作者",
        "社区副职",
        4,
    )
    assert (appointed.district, appointed.street, appointed.community) == (
        "示范区",
        "新华街道",
        "光明社区",
    )
    assert lines[ids["ceiling"]].blocked
    assert people(db, [ids["tenure"]])[ids["tenure"]][1] == "测试1"


def test_the_report_reads_in_a_fixed_number_of_queries(db: Database, admin: Actor) -> None:
    _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    with counted(db) as statements:
        _, lines = run_report(db, admin, run.run_id)
    assert len(lines) == 4
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 5


def test_the_run_list_by_year_with_who_did_what(db: Database, admin: Actor) -> None:
    _seed(db, admin)
    first = prepare_run(db, admin, 2026)
    second = prepare_run(db, admin, 2026)
    approve_run(db, _approver(db), second.run_id)
    runs = list_runs(db, admin)
    assert [(r.run_id, r.status) for r in runs] == [
        (second.run_id, "approved"),
        (first.run_id, "superseded"),
    ]
    assert (runs[0].prepared_by, runs[0].approved_by, runs[0].applied_by) == (
        "系统管理员",
        "审核员",
        "",
    )
    assert runs[0].approved_at is not None and runs[0].person_times == 2
    assert list_runs(db, admin, 2025) == []
    assert screen_runs(db, admin) == runs  # the desktop's entry point reads the same list


def test_reading_a_run_needs_the_view_permission(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(db, admin)
    run = prepare_run(db, admin, 2026)
    assert all(is_allowed(role, Action.VIEW_ADJUSTMENT) for role in Role)
    monkeypatch.setitem(ALLOWED, Action.VIEW_ADJUSTMENT, frozenset({Role.ADMIN}))
    clerk = Actor(admin.user_id, "luru", Role.CLERK)
    for read in (run_report, run_overview, run_lines):
        with pytest.raises(ActionRefused, match="无权"):
            read(db, clerk, run.run_id)
    with pytest.raises(ActionRefused, match="无权"):
        list_runs(db, clerk)
    assert run_overview(db, admin, run.run_id).run_id == run.run_id
