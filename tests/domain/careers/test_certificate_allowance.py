"""职业资格津贴 follows the registration (§6): paid while it is valid, stopped from the month after
its last valid day when it lapses, restarted by the start rule when it is renewed late."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.careers.certificates import valid_spans
from workforce.domain.payroll.pay_composition import certificate_allowance_since

D = dt.date
FIRST = D(2023, 3, 15)  # lapses on 2026-03-15: last valid day 2026-03-14


@pytest.mark.parametrize(
    ("registrations", "month", "next_month_rule", "paid_since"),
    [
        ([FIRST], D(2023, 3, 1), True, None),  # starts the month after registration
        ([FIRST], D(2023, 3, 1), False, FIRST),  # or the same month when so configured
        ([FIRST], D(2023, 4, 1), True, FIRST),
        ([FIRST], D(2026, 3, 1), True, FIRST),  # valid on 1–14 March: March is still paid
        ([FIRST], D(2026, 4, 1), True, None),  # lapsed: stops from the month after
        ([FIRST], D(2027, 1, 1), True, None),
        # Renewed before the lapse: no gap, no restart.
        ([FIRST, D(2026, 2, 20)], D(2026, 3, 1), True, FIRST),
        ([FIRST, D(2026, 2, 20)], D(2026, 4, 1), True, FIRST),
        ([FIRST, D(2026, 2, 20)], D(2029, 2, 1), True, FIRST),
        ([FIRST, D(2026, 2, 20)], D(2029, 3, 1), True, None),  # the renewal lapsed too
        # Renewed late (after the lapse): restarts with the renewal by the start rule.
        ([FIRST, D(2026, 5, 10)], D(2026, 4, 1), True, None),
        ([FIRST, D(2026, 5, 10)], D(2026, 5, 1), True, None),
        ([FIRST, D(2026, 5, 10)], D(2026, 5, 1), False, D(2026, 5, 10)),
        ([FIRST, D(2026, 5, 10)], D(2026, 6, 1), True, D(2026, 5, 10)),
        ([], D(2026, 6, 1), True, None),
    ],
)
def test_allowance_follows_the_registration(
    registrations: list[dt.date], month: dt.date, next_month_rule: bool, paid_since: dt.date | None
) -> None:
    assert certificate_allowance_since(registrations, month, next_month_rule) == paid_since


def test_renewal_on_the_lapse_day_continues_the_stretch() -> None:
    spans = valid_spans([FIRST, D(2026, 3, 15)])
    assert [(s.start, s.end) for s in spans] == [(FIRST, D(2029, 3, 14))]


days = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


@given(st.lists(days, min_size=1, max_size=5), days, st.booleans())
def test_paid_only_in_a_month_with_a_valid_day(
    registrations: list[dt.date], day: dt.date, next_month_rule: bool
) -> None:
    """Whenever the allowance is paid, the registration is valid on some day of the month."""
    month = day.replace(day=1)
    since = certificate_allowance_since(registrations, month, next_month_rule)
    if since is None:
        return
    following = (month + dt.timedelta(days=32)).replace(day=1)
    assert any(s.start < following and s.end >= month for s in valid_spans(registrations))
