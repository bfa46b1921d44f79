"""Exact money: integer fen, largest-remainder splits, 元/万元/亿元 formatting.

Every amount Accord computes is an ``int`` number of fen (0.01 元). Splits are
done with exact rational arithmetic and largest-remainder rounding, so the
parts of a split always add up to its total — in fen, and again at whatever
coarser precision they are shown (for example 万元 with two decimals).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction

FEN_PER_YUAN = 100


class MoneyError(ValueError):
    """An amount or a set of weights that cannot be split or parsed."""


class Unit(Enum):
    """Display units for amounts; the value is the number of fen in one unit."""

    YUAN = 100
    WAN_YUAN = 100 * 10_000
    YI_YUAN = 100 * 100_000_000

    @property
    def label_zh(self) -> str:
        return {Unit.YUAN: "元", Unit.WAN_YUAN: "万元", Unit.YI_YUAN: "亿元"}[self]

    @property
    def label_en(self) -> str:
        return {Unit.YUAN: "yuan", Unit.WAN_YUAN: "10k yuan", Unit.YI_YUAN: "100m yuan"}[self]


def yuan_to_fen(value: str | int | Decimal) -> int:
    """Parse an amount in 元 (at most two decimals) into exact fen.

    Floats are refused on purpose: a float cannot say 0.1 元 exactly.
    """
    if isinstance(value, (bool, float)):
        raise MoneyError(f"amount must be a decimal string or an integer, not {type(value).__name__}")
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise MoneyError(f"'{value}' is not a number") from None
    if not amount.is_finite():
        raise MoneyError(f"'{value}' is not a finite number")
    fen = amount * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise MoneyError(f"'{value}' has more than two decimals (finer than one fen)")
    return int(fen)


def fen_to_yuan_str(fen: int) -> str:
    """Exact decimal string in 元, always with two decimals: 12345 → '123.45'."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{cents:02d}"


def largest_remainder(quotas: Sequence[Fraction], target: int) -> list[int]:
    """Round exact quotas to integers that sum to ``target``.

    Each part is the floor of its quota, and the units still missing go to the
    largest fractional remainders; ties go to the earlier position, so the
    result is deterministic. ``target`` must lie between the sum of the floors
    and that sum plus the number of parts.
    """
    denominator = math.lcm(*(q.denominator for q in quotas)) if quotas else 1
    return apportion([q.numerator * (denominator // q.denominator) for q in quotas], denominator, target)


def apportion(numerators: Sequence[int], denominator: int, target: int) -> list[int]:
    """:func:`largest_remainder` for quotas ``numerators[i] / denominator``, in integer arithmetic (fast)."""
    floors_and_remainders = [divmod(n, denominator) for n in numerators]
    parts = [f for f, _ in floors_and_remainders]
    missing = target - sum(parts)
    if not 0 <= missing <= len(parts):
        raise MoneyError(f"cannot round {len(parts)} quotas to a total of {target}")
    if missing:
        order = sorted(range(len(parts)), key=lambda i: (-floors_and_remainders[i][1], i))
        for i in order[:missing]:
            parts[i] += 1
    return parts


def split_fen(total_fen: int, weights: Sequence[Fraction | Decimal | int]) -> list[int]:
    """Split ``total_fen`` in proportion to non-negative ``weights``, exactly.

    The parts sum to ``total_fen`` to the fen. A zero weight gets zero.
    """
    if not weights:
        raise MoneyError("nothing to split among: no parties")
    exact = [Fraction(w) for w in weights]
    if any(w < 0 for w in exact):
        raise MoneyError("weights must not be negative")
    common = math.lcm(*(w.denominator for w in exact))
    scaled = [w.numerator * (common // w.denominator) for w in exact]
    weight_sum = sum(scaled)
    if weight_sum == 0:
        raise MoneyError("all weights are zero")
    return apportion([total_fen * w for w in scaled], weight_sum, total_fen)


def round_half_up(value: Fraction) -> int:
    """Round an exact fraction to the nearest integer, halves away from zero (四舍五入)."""
    magnitude = abs(value)
    rounded = (magnitude.numerator * 2 + magnitude.denominator) // (2 * magnitude.denominator)
    return rounded if value >= 0 else -rounded


@dataclass(frozen=True)
class DisplayPrecision:
    """How amounts are shown: a unit and a number of decimals (e.g. 万元, 2)."""

    unit: Unit = Unit.WAN_YUAN
    decimals: int = 2

    @property
    def step_fen(self) -> Fraction:
        """Size of the last shown digit, in fen (may be below one fen)."""
        return Fraction(self.unit.value, 10**self.decimals)


def shown_split(parts_fen: Sequence[int], precision: DisplayPrecision) -> tuple[list[Decimal], Decimal]:
    """Round parts and their total to ``precision`` so that the shown parts add up to the shown total.

    The total is rounded half-up; the parts are rounded by largest remainder at
    the shown precision. Returns ``(shown_parts, shown_total)`` as Decimals in
    the display unit.
    """
    step = precision.step_fen
    total_steps = round_half_up(Fraction(sum(parts_fen)) / step)
    # part / step = part * step.denominator / step.numerator: one common denominator, integer arithmetic
    steps = apportion([p * step.denominator for p in parts_fen], step.numerator, total_steps)
    scale = Decimal(1).scaleb(-precision.decimals)

    def to_decimal(n: int) -> Decimal:
        return (Decimal(n) * scale).quantize(scale)

    return [to_decimal(s) for s in steps], to_decimal(total_steps)


def format_amount(
    value: Decimal | int, precision: DisplayPrecision, *, with_unit: bool = True, lang: str = "zh"
) -> str:
    """Format an amount with thousands separators.

    ``value`` is either fen (``int``, rounded half-up to the precision) or a
    Decimal already expressed in the display unit (as returned by
    :func:`shown_split`).
    """
    if isinstance(value, int) and not isinstance(value, bool):
        steps = round_half_up(Fraction(value) / precision.step_fen)
        scale = Decimal(1).scaleb(-precision.decimals)
        value = (Decimal(steps) * scale).quantize(scale)
    text = f"{value:,.{precision.decimals}f}"
    if not with_unit:
        return text
    label = precision.unit.label_zh if lang == "zh" else precision.unit.label_en
    return f"{text}{label}" if lang == "zh" else f"{text} {label}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ["", "拾", "佰", "仟"]
_BIG_UNITS = ["", "万", "亿", "万亿"]


def capital_amount(fen: int) -> str:
    """Amount in Chinese capital numerals (大写) as used in payment clauses: 12345 → '壹佰贰拾叁元肆角伍分'."""
    if fen < 0:
        return "负" + capital_amount(-fen)
    yuan, rest = divmod(fen, 100)
    jiao, fen_digit = divmod(rest, 10)
    if yuan == 0:
        head = ""
    else:
        groups: list[int] = []
        n = yuan
        while n:
            n, g = divmod(n, 10_000)
            groups.append(g)
        if len(groups) > len(_BIG_UNITS):
            raise MoneyError("amount too large for capital numerals")
        text = ""
        zero_pending = False
        for idx in range(len(groups) - 1, -1, -1):
            g = groups[idx]
            if g == 0:
                zero_pending = bool(text)
                continue
            if text and (zero_pending or g < 1000):
                text += "零"
            zero_pending = False
            text += _group_capital(g) + _BIG_UNITS[idx]
        head = text + "元"
    if jiao == 0 and fen_digit == 0:
        return (head or "零元") + "整"
    tail = ""
    if jiao:
        tail += _DIGITS[jiao] + "角"
    elif head:
        tail += "零"
    if fen_digit:
        tail += _DIGITS[fen_digit] + "分"
    else:
        tail += "整"
    return head + tail


def _group_capital(group: int) -> str:
    """Capital numerals of 1..9999 without leading zero."""
    digits = [int(d) for d in f"{group:04d}"]
    text = ""
    zero = False
    started = False
    for pos, d in enumerate(digits):
        unit = _SMALL_UNITS[3 - pos]
        if d == 0:
            zero = started
            continue
        if zero:
            text += "零"
            zero = False
        text += _DIGITS[d] + unit
        started = True
    return text
