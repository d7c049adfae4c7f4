"""ID numbers (§10): the spec's example, check digits, birth dates, sex, masking, Luhn."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.idcard import (
    IdNumberError,
    check_character,
    luhn_ok,
    make_id_number,
    mask_id_number,
    parse_id_number,
)


def test_spec_example_is_valid_and_a_woman_born_1949_12_31() -> None:
    info = parse_id_number("11010519491231002X")
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.sex == "女"


def test_lower_case_x_is_accepted_and_normalised() -> None:
    assert parse_id_number("11010519491231002x").number == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "校验位错误：末位应为X，实为1"),
        ("11010519491231002", "应为18位，实为17位"),
        ("11010519491331002X", "不是有效日期"),
        ("1101051949123100AX", "前17位应为数字"),
    ],
)
def test_invalid_numbers_say_why(number: str, reason: str) -> None:
    with pytest.raises(IdNumberError, match=reason):
        parse_id_number(number)


@given(
    birth=st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2010, 12, 31)),
    sequence=st.integers(min_value=0, max_value=499),
    male=st.booleans(),
)
def test_made_numbers_parse_back(birth: dt.date, sequence: int, male: bool) -> None:
    number = make_id_number("150102", birth, sequence, male)
    info = parse_id_number(number)
    assert (info.birth_date, info.sex) == (birth, "男" if male else "女")


@given(first17=st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_changing_one_digit_breaks_the_check(first17: str) -> None:
    good = first17 + check_character(first17)
    changed = str((int(first17[5]) + 1) % 10)
    bad = good[:5] + changed + good[6:]
    assert check_character(bad[:17]) != good[17]


def test_masking_keeps_region_and_tail() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"


@pytest.mark.parametrize(
    ("card", "ok"),
    [("6222020200112233441", False), ("4111111111111111", True), ("abc", False)],
)
def test_luhn(card: str, ok: bool) -> None:
    assert luhn_ok(card) is ok
