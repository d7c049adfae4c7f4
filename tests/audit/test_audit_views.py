"""The audit viewer's service: filters, newest-first pages, a worker by ID number, permission."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.services.payroll_support import community, hire, user
from workforce.domain.problems import ActionRefused
from workforce.domain.vocab import Role
from workforce.services.accounts.audit_views import (
    AuditFilter,
    audit_choices,
    audit_count,
    audit_page,
)
from workforce.services.context import Actor, Database
from workforce.services.payroll.deductions import declare_deduction
from workforce.services.roster.org import rename_unit
from workforce.services.roster.workers import load_worker, update_worker


def _history(db: Database, admin: Actor) -> dict[str, int]:
    """Two workers hired, one edited (phone and name), a deduction declared, a unit renamed."""
    unit = community(db, admin)
    first, second = (hire(db, admin, unit, n) for n in (1, 2))
    file = load_worker(db, first)
    changed = replace(file.data, name="王=1+1", phone="13900001111")
    update_worker(db, admin, first, changed, file.version)
    declare_deduction(db, admin, first, "住房租金", "1500", dt.date(2026, 1, 1))
    rename_unit(db, admin, unit, "光明新社区")
    return {"unit": unit, "first": first, "second": second}


def test_filters_and_newest_first(db: Database, admin: Actor) -> None:
    ids = _history(db, admin)
    everything = audit_page(db, admin, AuditFilter())
    assert [r.action for r in everything.rows[:3]] == ["rename", "declare", "update"]
    assert everything.next_before is None
    assert [r.entry_id for r in everything.rows] == sorted(
        (r.entry_id for r in everything.rows), reverse=True
    )
    edits = audit_page(db, admin, AuditFilter(entity="worker", action="update")).rows
    assert [(r.entity_id, {c.field: (c.old, c.new) for c in r.changes}) for r in edits] == [
        (ids["first"], {"name": ("测试1", "王=1+1"), "phone": (None, "13900001111")})
    ]
    renamed = audit_page(db, admin, AuditFilter(entity="org_unit", entity_id=ids["unit"]))
    assert [r.action for r in renamed.rows] == ["rename", "create"]
    assert audit_page(db, admin, AuditFilter(username="nobody")).rows == ()
    assert audit_count(db, admin, AuditFilter(username="admin")) == len(everything.rows)


def test_free_text_finds_chinese_in_values_and_notes(db: Database, admin: Actor) -> None:
    _history(db, admin)
    found = audit_page(db, admin, AuditFilter(text="光明新")).rows
    assert [r.action for r in found] == ["rename"]
    assert [r.action for r in audit_page(db, admin, AuditFilter(text="住房租金")).rows] == [
        "declare"
    ]
    assert audit_page(db, admin, AuditFilter(text="100%_")).rows == ()  # wildcards are literal


def test_a_worker_by_id_number_brings_their_file_and_their_rows(db: Database, admin: Actor) -> None:
    ids = _history(db, admin)
    number = load_worker(db, ids["first"]).data.id_number
    rows = audit_page(db, admin, AuditFilter(id_number=number.lower())).rows
    assert [(r.action, r.entity) for r in rows] == [
        ("declare", "special_deduction"),
        ("update", "worker"),
        ("create", "worker"),
    ]
    with pytest.raises(ActionRefused, match="没有身份证号为"):
        audit_page(db, admin, AuditFilter(id_number="110101199001011237"))


def test_date_range_is_local_and_inclusive(db: Database, admin: Actor) -> None:
    _history(db, admin)
    today = dt.date.today()
    total = audit_count(db, admin, AuditFilter())
    assert audit_count(db, admin, AuditFilter(since=today, until=today)) == total
    assert audit_count(db, admin, AuditFilter(until=today - dt.timedelta(days=1))) == 0
    assert audit_count(db, admin, AuditFilter(since=today + dt.timedelta(days=1))) == 0


def test_pages_walk_the_whole_log_once(db: Database, admin: Actor) -> None:
    _history(db, admin)
    seen: list[int] = []
    before = None
    while True:
        page = audit_page(db, admin, AuditFilter(), before_id=before, limit=2)
        seen.extend(r.entry_id for r in page.rows)
        if page.next_before is None:
            break
        before = page.next_before
    assert len(seen) == len(set(seen)) == audit_count(db, admin, AuditFilter()) > 4
    assert seen == sorted(seen, reverse=True)


def test_only_approvers_and_administrators_may_read(db: Database, admin: Actor) -> None:
    _history(db, admin)
    approver = user(db, "shenhe", Role.APPROVER)
    assert audit_page(db, approver, AuditFilter()).rows
    for role in (Role.CLERK, Role.FINANCE):
        with pytest.raises(ActionRefused, match="无权"):
            audit_page(db, user(db, role.value, role), AuditFilter())
    choices = audit_choices(db, admin)
    assert {"admin", "shenhe"} <= set(choices.usernames)
    assert {"create", "update", "rename"} <= set(choices.actions)
    assert {"worker", "org_unit", "special_deduction"} <= set(choices.entities)


def test_date_range_on_dated_entries_even_slightly_out_of_order(db: Database, admin: Actor) -> None:
    """Ids grow with time only roughly (a transaction stamps before it inserts): the range is
    decided by the time stamp, whatever the ids."""
    from sqlalchemy import insert

    from workforce.persistence.accounts import AuditEntry

    def local(day: int, hour: int) -> dt.datetime:
        return dt.datetime(2026, 3, day, hour).astimezone().astimezone(dt.UTC)

    stamps = [local(1, 9), local(2, 9), local(3, 23), local(2, 23), local(4, 0), local(5, 9)]
    rows = [
        {"at": at, "username": "admin", "action": "update", "entity": "setting", "note": str(n)}
        for n, at in enumerate(stamps)
    ]
    with db.transaction() as session:
        session.execute(insert(AuditEntry), rows)
    found = audit_page(db, admin, AuditFilter(since=dt.date(2026, 3, 2), until=dt.date(2026, 3, 3)))
    assert [r.note for r in found.rows] == ["3", "2", "1"]  # newest id first
    assert audit_count(db, admin, AuditFilter(since=dt.date(2026, 3, 4))) >= 2
    assert audit_count(db, admin, AuditFilter(until=dt.date(2026, 3, 1))) == 1
