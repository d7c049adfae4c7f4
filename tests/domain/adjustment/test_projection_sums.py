"""预算测算's sums in integer fen (issue 19): amounts in and out, runs of equal months, a unit's
months times its share of stayers rounded as a Decimal month was."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workforce.domain.adjustment.projection_sums import fen, runs_of, shared, yuan
from workforce.domain.money import round_fen

D = Decimal


def test_fen_and_back() -> None:
    assert [fen(D("3000")), fen(D("3000.50")), fen(D("0.00")), fen(D("-1.05"))] == [
        300000,
        300050,
        0,
        -105,
    ]
    assert [repr(yuan(300050)), repr(yuan(0))] == ["Decimal('3000.50')", "Decimal('0.00')"]


@pytest.mark.parametrize("amount", ["0.005", "3000.000"])
def test_an_amount_finer_than_the_fen_is_refused(amount: str) -> None:
    with pytest.raises(ValueError, match="分"):
        fen(D(amount))


def test_runs_of_equal_months() -> None:
    # 100 from January, +50 from July, the last month paid September (index 9: nothing after)
    assert runs_of([(0, 100), (6, 50), (9, -150)]) == [(0, 6, 100), (6, 9, 150), (9, 12, 0)]
    assert runs_of([(0, 100), (3, 0), (12, -100)]) == [(0, 12, 100)]
    assert runs_of([(11, 70)]) == [(0, 11, 0), (11, 12, 70)]


def test_a_share_rounds_each_month_as_decimal_did() -> None:
    share = D("0.95") ** 3
    runs = [(0, 11, 123457), (11, 12, 200001)]
    assert shared(runs, share) == [
        (0, 11, fen(round_fen(D("1234.57") * share))),
        (11, 12, fen(round_fen(D("2000.01") * share))),
    ]
    assert shared(runs, D(1)) == runs
