"""Dates in the forms clerks type (§10)."""

from __future__ import annotations

import datetime as dt

import pytest

from workforce.domain.dates import DateParseError, age_on, parse_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.datetime(1987, 5, 3, 0, 0), dt.date(1987, 5, 3)),  # noqa: DTZ001 - as Excel gives it
        (dt.date(1987, 5, 3), dt.date(1987, 5, 3)),
        ("1987.05", dt.date(1987, 5, 1)),
        ("1987.5", dt.date(1987, 5, 1)),
        ("1987-5-3", dt.date(1987, 5, 3)),
        ("1987/05/03", dt.date(1987, 5, 3)),
        ("1987年5月", dt.date(1987, 5, 1)),
        ("1987年5月3日", dt.date(1987, 5, 3)),
        ("19870503", dt.date(1987, 5, 3)),
        ("198705", dt.date(1987, 5, 1)),
        (31900, dt.date(1987, 5, 3)),
        (31900.0, dt.date(1987, 5, 3)),
        ("31900", dt.date(1987, 5, 3)),
        (2015, dt.date(2015, 1, 1)),
        ("", None),
        (None, None),
    ],
)
def test_clerk_forms(cell: object, expected: dt.date | None) -> None:
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["1987.13", "去年", "1987-02-30", "0987-01-01", True])
def test_not_dates(cell: object) -> None:
    with pytest.raises(DateParseError):
        parse_date(cell)


@pytest.mark.parametrize(
    ("on", "age"),
    [(dt.date(2025, 5, 16), 34), (dt.date(2025, 5, 17), 35), (dt.date(2026, 1, 1), 35)],
)
def test_age_in_whole_years(on: dt.date, age: int) -> None:
    assert age_on(dt.date(1990, 5, 17), on) == age
