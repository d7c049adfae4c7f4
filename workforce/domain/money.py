"""Money: yuan as ``Decimal``, stored as integer fen. Floats are refused.

Rounding happens only where a rule says so, through the named policies below
(beancount's ``number.py`` is the model).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
YUAN = Decimal("1")
ZERO = Decimal("0.00")


class FloatMoneyError(TypeError):
    """Raised when a float reaches money code: floats cannot hold fen exactly."""


def to_money(value: Decimal | int | str) -> Decimal:
    """Turn an int, a decimal string or a Decimal into yuan, exact (no rounding)."""
    if isinstance(value, float):
        raise FloatMoneyError(f"money must not be a float: {value!r}")
    if isinstance(value, bool):
        raise TypeError("money must not be a bool")
    return value if isinstance(value, Decimal) else Decimal(value)


def round_fen(amount: Decimal) -> Decimal:
    """Round to the fen, half up (四舍五入到分): the default policy."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def round_yuan(amount: Decimal) -> Decimal:
    """Round to the yuan, half up (公积金 often rounds to the yuan)."""
    return amount.quantize(YUAN, rounding=ROUND_HALF_UP).quantize(FEN)


def truncate_fen(amount: Decimal) -> Decimal:
    """Drop anything below the fen (舍去)."""
    return amount.quantize(FEN, rounding=ROUND_DOWN)


def to_fen(amount: Decimal | int | str) -> int:
    """Yuan to integer fen; refuses amounts with fractions of a fen."""
    value = to_money(amount)
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"amount has fractions of a fen: {value}")
    return int(fen)


def from_fen(fen: int) -> Decimal:
    """Integer fen to yuan with two decimals."""
    return (Decimal(fen) / 100).quantize(FEN)
