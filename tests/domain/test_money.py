"""Money: exact, no floats, named rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workforce.domain.money import (
    FloatMoneyError,
    from_fen,
    round_fen,
    round_yuan,
    to_fen,
    to_money,
)


def test_floats_are_refused() -> None:
    with pytest.raises(FloatMoneyError):
        to_money(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "fen", "yuan"),
    [("2.345", "2.35", "2.00"), ("2.344", "2.34", "2.00"), ("2.5", "2.50", "3.00")],
)
def test_half_up_rounding(amount: str, fen: str, yuan: str) -> None:
    assert round_fen(Decimal(amount)) == Decimal(fen)
    assert round_yuan(Decimal(amount)) == Decimal(yuan)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_fen_round_trip(fen: int) -> None:
    assert to_fen(from_fen(fen)) == fen


def test_fractions_of_a_fen_are_refused() -> None:
    with pytest.raises(ValueError, match="fractions of a fen"):
        to_fen(Decimal("1.005"))
