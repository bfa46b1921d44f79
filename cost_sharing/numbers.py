"""The one place numbers are read: from files, from typed-in text, from edits.

Whatever this module accepts, every computation and every renderer can handle:
amounts are whole fen up to :data:`MAX_AMOUNT_FEN`, other quantities (figures,
weights, rates) are exact decimals up to :data:`MAX_QUANTITY` with at most
:data:`MAX_PLACES` decimals. Anything beyond is refused here, when it is read,
with a message in both languages — never later, in a computation or an export.
Floats are refused: they cannot say 0.1 exactly.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .bilingual import Bilingual

MAX_AMOUNT_FEN = 10**18
"""10¹⁶ 元: far above any public budget, and within what 大写 numerals and every display unit can print."""
MAX_QUANTITY = Decimal(10**15)
"""Largest figure or weight: a population in persons, an area in m², a weight — all far below it."""
MAX_PLACES = 12
"""Most decimals a figure or weight may carry."""
MAX_TEXT_LENGTH = 64
"""Longest text taken as a number; anything longer is a slip, not a number."""
_SEPARATORS = str.maketrans("", "", ",，_  ")


class NumberError(ValueError):
    """A value that is not a usable number; ``text`` says why in both languages."""

    def __init__(self, text: Bilingual) -> None:
        super().__init__(text.en)
        self.text = text


def excerpt(value: object, limit: int = 24) -> str:
    """A short, one-line quotation of raw input for a message (newlines and control characters escaped)."""
    text = value if isinstance(value, str) else repr(value)
    shown = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def parse_decimal(
    value: object,
    *,
    maximum: Decimal = MAX_QUANTITY,
    places: int = MAX_PLACES,
    allow_negative: bool = False,
) -> Decimal:
    """An exact decimal from text ("2,093.78"), an int or a Decimal, within the bounds, else NumberError."""
    if isinstance(value, (bool, float)):
        raise NumberError(
            Bilingual(
                '必须是精确的十进制数（用文本书写，如 "2093.78"）',
                'must be an exact decimal written as text, e.g. "2093.78"',
            )
        )
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, str):
        cleaned = value.strip().translate(_SEPARATORS)
        if not cleaned:
            raise NumberError(Bilingual("请输入数字", "please type a number"))
        if len(cleaned) > MAX_TEXT_LENGTH:
            raise NumberError(Bilingual("数字过长", f"is too long for a number ({len(cleaned)} characters)"))
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            raise NumberError(Bilingual(f"“{excerpt(value)}”不是数字", f"'{excerpt(value)}' is not a number")) from None
    else:
        raise NumberError(Bilingual("必须是数字", f"must be a number, not {type(value).__name__}"))
    if not number.is_finite():
        raise NumberError(
            Bilingual(
                "必须是有限数（不接受 NaN 或无穷大）", "must be a finite number (NaN and infinity are not allowed)"
            )
        )
    if number < 0 and not allow_negative:
        raise NumberError(
            Bilingual(f"不能为负数（输入为{excerpt(value)}）", f"must not be negative (got {excerpt(value)})")
        )
    if abs(number) > maximum:
        raise NumberError(
            Bilingual(
                f"不能超过{maximum:,}（输入为{excerpt(value)}）", f"must not exceed {maximum:,} (got {excerpt(value)})"
            )
        )
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise NumberError(Bilingual(f"小数位数不能超过{places}位", f"must have at most {places} decimals"))
    return number


def canonical_decimal(number: Decimal) -> str:
    """One text for one value: no exponent, no trailing zeros ("2093.780" → "2093.78")."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def parse_fen(value: object, fen_per_unit: int = 100) -> int:
    """Exact whole fen for an amount given in a unit of ``fen_per_unit`` fen (100 for 元)."""
    number = parse_decimal(value, maximum=Decimal(MAX_AMOUNT_FEN) / fen_per_unit, places=MAX_PLACES)
    fen = number * fen_per_unit
    if fen != fen.to_integral_value():
        raise NumberError(Bilingual("金额精度不能细于1分", "is finer than one fen; use fewer decimals"))
    return int(fen)


def check_fen(value: object) -> int:
    """A whole number of fen as stored in a file or an edit, within the bounds."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise NumberError(Bilingual("必须是以分为单位的整数", "must be a whole number of fen"))
    if value < 0:
        raise NumberError(Bilingual(f"不能为负数（输入为{value}）", f"must not be negative (got {value})"))
    if value > MAX_AMOUNT_FEN:
        raise NumberError(
            Bilingual(f"不能超过{MAX_AMOUNT_FEN:,}分", f"must not exceed {MAX_AMOUNT_FEN:,} fen (10^16 yuan)")
        )
    return value
