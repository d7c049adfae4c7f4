"""The audit chain's canonical text and break finding, and the month seal, over plain values."""

from __future__ import annotations

import datetime as dt

from workforce.domain.accounts.audit_chain import (
    DELETED,
    EDITED,
    GENESIS,
    INSERTED,
    Break,
    Fixed,
    StoredEntry,
    chain,
    changes_text,
    entry_text,
    first_break,
    link,
)
from workforce.domain.payroll.month_seal import (
    CARRY_FIELDS,
    SEALED_PAYSLIP_FIELDS,
    MonthTotals,
    month_seal,
)

AT = dt.datetime(2026, 1, 5, 8, 0, 0, 123456, tzinfo=dt.UTC)
FIXED = Fixed(AT, 1, "admin", "update", "worker", None, "备注")


def test_the_text_is_the_same_after_either_database_round_trip() -> None:
    """SQLite gives the time back without a zone, PostgreSQL in the session's zone; JSONB
    reorders keys."""
    beijing = AT.astimezone(dt.timezone(dt.timedelta(hours=8)))
    naive = AT.replace(tzinfo=None)
    texts = {
        entry_text(at, 1, "admin", "update", "worker", 7, changes, None, "备注")
        for at in (AT, beijing, naive)
        for changes in ({"a": ["1", "2"], "b": [None, "是"]}, {"b": [None, "是"], "a": ["1", "2"]})
    }
    assert texts == {
        '["2026-01-05T08:00:00.123456",1,"admin","update","worker",7,'
        '{"a":["1","2"],"b":[null,"\\u662f"]},null,"\\u5907\\u6ce8"]'
    }


def test_a_bulk_append_chains_like_single_entries() -> None:
    entries = [(7, changes_text({"level": ["3", "4"]})), (None, changes_text({}))]
    prev, expected = "x" * 64, []
    for entity_id, changes in entries:
        text = entry_text(AT, 1, "admin", "update", "worker", entity_id, None, None, "备注")
        text = text.replace(",{},", f",{changes},")
        expected.append((prev, link(prev, text)))
        prev = expected[-1][1]
    assert list(chain("x" * 64, FIXED, entries)) == expected


def _log(count: int) -> list[StoredEntry]:
    entries, prev = [], GENESIS
    for number in range(1, count + 1):
        text = f'["entry {number}"]'
        row_hash = link(prev, text)
        entries.append(StoredEntry(number, prev, row_hash, text))
        prev = row_hash
    return entries


def test_first_break() -> None:
    log = _log(5)
    assert first_break(log) == (5, None)
    edited = [*log[:2], StoredEntry(3, log[2].prev_hash, log[2].row_hash, "改过"), *log[3:]]
    assert first_break(edited) == (2, Break(3, EDITED, 2))
    assert first_break(log[:2] + log[3:]) == (2, Break(4, DELETED, 2))
    assert first_break(log[1:]) == (0, Break(2, DELETED, None))  # the first entry deleted
    unhashed = StoredEntry(9, None, None, "[]")
    assert first_break([*log[:3], unhashed, *log[3:]]) == (3, Break(9, INSERTED, 3))
    made_up = StoredEntry(9, log[2].row_hash, link(log[2].row_hash, "[]"), "[]")
    assert first_break([*log[:3], made_up, *log[3:]]) == (3, Break(9, INSERTED, 3))


def test_the_seal_takes_payslips_by_worker_and_every_value_counts() -> None:
    totals = MonthTotals(dt.date(2026, 3, 1), 2, 100, 0, 90, 30)
    width = len(SEALED_PAYSLIP_FIELDS)
    first, second = [1, *range(width - 1)], [2, *range(width - 1)]
    seal = month_seal(totals, [first, second])
    assert seal == month_seal(totals, [second, first])
    assert seal != month_seal(totals, [first, [2, *range(width - 2), 99]])
    assert seal != month_seal(totals, [first])
    fewer = MonthTotals(dt.date(2026, 3, 1), 1, 100, 0, 90, 30)
    assert seal != month_seal(fewer, [first, second])


def test_a_month_without_carry_keeps_the_seal_it_was_locked_with() -> None:
    """Months locked before 欠扣 existed (§8.6) still verify: with no carry in any payslip the
    seal is format 1, digit for digit (the digest below is the one format 1 gave these rows);
    a carry anywhere makes it format 2, so a carry set or cleared changes the digest."""
    totals = MonthTotals(dt.date(2026, 3, 1), 2, 100, 0, 90, 30)
    carry_at = [SEALED_PAYSLIP_FIELDS.index(name) for name in CARRY_FIELDS]
    width = len(SEALED_PAYSLIP_FIELDS) - len(carry_at)

    def with_carry(row: list[int], carry: tuple[int, int]) -> list[int]:
        row = list(row)
        for at, value in zip(carry_at, carry, strict=True):
            row.insert(at, value)
        return row

    first, second = [1, *range(width - 1)], [2, *range(width - 1)]
    rows = [with_carry(first, (0, 0)), with_carry(second, (0, 0))]
    assert month_seal(totals, rows) == (
        "d31963730287abf3837e9e16752e43df5db4c5965e2da6d1ca2f73eea38abdbe"
    )
    carried = [with_carry(first, (0, 71353)), with_carry(second, (0, 0))]
    assert month_seal(totals, carried) != month_seal(totals, rows)
