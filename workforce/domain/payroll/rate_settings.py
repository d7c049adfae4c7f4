"""Settings of 五险一金 (§8.2): which items exist, how a clerk writes a rate (16% or 0.16), and the
checks a new version of a rate or of the base bounds must pass before it is stored."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from workforce.domain.money import FEN
from workforce.domain.problems import ActionRefused

ITEM_NAMES = {
    "pension": "养老",
    "medical": "医疗",
    "unemployment": "失业",
    "injury": "工伤",
    "maternity": "生育",
    "housing_fund": "公积金",
}
ITEM_ALIASES = {
    "养老保险": "pension",
    "医疗保险": "medical",
    "基本医疗": "medical",
    "失业保险": "unemployment",
    "工伤保险": "injury",
    "生育保险": "maternity",
    "住房公积金": "housing_fund",
}
ROUNDING_NAMES = {"fen": "到分", "yuan": "到元"}
RATE_PLACES = Decimal("0.000001")  # stored as parts per million
HUNDRED = Decimal(100)


def item_code(text: str) -> str:
    """The item's code from its code, short name (养老) or full name (养老保险)."""
    text = text.strip()
    if text in ITEM_NAMES:
        return text
    for code, name in ITEM_NAMES.items():
        if text == name:
            return code
    if text in ITEM_ALIASES:
        return ITEM_ALIASES[text]
    known = "、".join(f"{name}（{code}）" for code, name in ITEM_NAMES.items())
    raise ActionRefused(f"没有「{text}」这个险种；可用：{known}")


def rounding_code(text: str) -> str:
    """``fen``/到分 or ``yuan``/到元; refuses anything else."""
    text = text.strip()
    for code, name in ROUNDING_NAMES.items():
        if text in (code, name, name[1:]):
            return code
    known = "、".join(f"{code}（{name}）" for code, name in ROUNDING_NAMES.items())
    raise ActionRefused(f"舍入方式「{text}」无效；可用：{known}")


def parse_rate(text: str, what: str) -> Decimal:
    """``16%`` → 0.16, ``0.16`` → 0.16; a bare number above 1 is refused as ambiguous."""
    raw = text.strip().replace("％", "%")
    percent = raw.endswith("%")
    try:
        value = Decimal(raw[:-1].strip() if percent else raw)
    except InvalidOperation:
        raise ActionRefused(f"{what}「{text}」不是数字；请写作 16% 或 0.16") from None
    if not value.is_finite():
        raise ActionRefused(f"{what}「{text}」不是数字；请写作 16% 或 0.16")
    if percent:
        value = value / HUNDRED
    elif value > 1:
        raise ActionRefused(f"{what}「{text}」含义不明：百分数请带 %（如 {text}%），或写小数")
    return check_rate(value, what)


def check_rate(value: Decimal, what: str) -> Decimal:
    """A rate between 0 and 100 % with at most four decimals in percent (parts per million)."""
    if not value.is_finite() or not Decimal(0) <= value <= 1:
        raise ActionRefused(f"{what}应在 0%–100% 之间，实为 {percent(value)}")
    if value != value.quantize(RATE_PLACES):
        raise ActionRefused(f"{what}最多精确到 0.0001%：{percent(value)}")
    return value.quantize(RATE_PLACES).normalize() if value else Decimal(0)


def percent(rate: Decimal) -> str:
    """0.005 → ``0.5%`` (messages and notes; screens format through ui.formatting)."""
    if not rate.is_finite():
        return str(rate)
    text = f"{(rate * HUNDRED).normalize():f}"
    return f"{text}%"


def check_amount(value: Decimal, what: str) -> Decimal:
    if not value.is_finite() or value <= 0:
        raise ActionRefused(f"{what}应为正数，实为「{value}」")
    if value != value.quantize(FEN):
        raise ActionRefused(f"{what}最多两位小数（到分）：{value}")
    return value.quantize(FEN)


def check_bounds(floor: Decimal, ceiling: Decimal) -> tuple[Decimal, Decimal]:
    """缴费基数上下限: positive amounts to the fen, floor below ceiling."""
    floor = check_amount(floor, "缴费基数下限")
    ceiling = check_amount(ceiling, "缴费基数上限")
    if floor >= ceiling:
        raise ActionRefused(f"缴费基数下限 {floor} 应小于上限 {ceiling}")
    return floor, ceiling
