"""The one place numbers and text are read: from files, from typed-in text, from edits.

Whatever this module accepts, every computation and every renderer can handle:
amounts are whole fen up to :data:`MAX_AMOUNT_FEN`, other quantities (figures,
weights, rates) are exact decimals up to :data:`MAX_QUANTITY` with at most
:data:`MAX_PLACES` decimals. Anything beyond is refused here, when it is read,
with a message in both languages — never later, in a computation or an export.
Floats are refused: they cannot say 0.1 exactly.

Text follows the same rule (:func:`check_text`): no control
characters (tabs and line breaks only in multi-line fields), a length limit per
field that the renderers are tested at, and visible characters where a field
must say something.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .bilingual import Bilingual

MAX_AMOUNT_FEN = 10**18 - 1
"""Just under 10¹⁶ 元 (10¹⁸ fen): far above any public budget, and the most that 大写 numerals (up to 万亿) and
every display unit can print."""
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
    if number.copy_abs() > maximum:  # copy_abs never rounds: "9e99999999" must not overflow here
        raise NumberError(
            Bilingual(
                f"不能超过{maximum:,}（输入为{excerpt(value)}）", f"must not exceed {maximum:,} (got {excerpt(value)})"
            )
        )
    if not number:
        return Decimal(0)  # "0e99999999" and "-0.000" are zero, with no exponent left to overflow on
    if _decimals(number) > places:
        raise NumberError(Bilingual(f"小数位数不能超过{places}位", f"must have at most {places} decimals"))
    return number


def _decimals(number: Decimal) -> int:
    """Decimals of a non-zero finite number, trailing zeros aside, without a context that could round "1e-99999999"
    to zero."""
    _, digits, exponent = number.as_tuple()
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(int(exponent) + trailing_zeros))


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
            Bilingual(
                f"不能超过{MAX_AMOUNT_FEN:,}分", f"must not exceed {MAX_AMOUNT_FEN:,} fen (just under 10^16 yuan)"
            )
        )
    return value


# --- text ---------------------------------------------------------------------------------------------

_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
"""Control characters, line/paragraph separators, lone surrogates and noncharacters: nothing a renderer can print,
and what XML (DOCX) refuses outright. Tab and line feed are checked by field (multi-line or not)."""
_ONE_LINE_ONLY = re.compile("[\t\n]")
_INVISIBLE = frozenset(("Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"))


class TextError(ValueError):
    """Text that a field cannot take; ``text`` says why in both languages."""

    def __init__(self, text: Bilingual) -> None:
        super().__init__(text.en)
        self.text = text


def check_text(value: str, *, multiline: bool = False, visible: bool = False) -> str:
    """``value`` if a renderer can print it: no control characters (tab and line feed only when ``multiline``),
    and with ``visible``, unless empty, at least one character that shows on paper (a title of spaces prints
    "关于 的协议")."""
    bad = _FORBIDDEN.search(value) or (None if multiline else _ONE_LINE_ONLY.search(value))
    if bad is not None:
        where = bad.start() + 1
        code = f"U+{ord(bad.group()):04X}"
        if bad.group() in "\t\n":
            what = "换行符" if bad.group() == "\n" else "制表符"
            raise TextError(
                Bilingual(
                    f"第{where}个字符是{what}（{code}），此处只能写一行",
                    f"has a {'line break' if bad.group() == chr(10) else 'tab'} ({code}) at character {where}; "
                    "this field is one line",
                )
            )
        raise TextError(
            Bilingual(
                f"第{where}个字符是控制字符（{code}），请删除",
                f"has a control character ({code}) at character {where}; remove it",
            )
        )
    if visible and value and not has_visible(value):
        raise TextError(Bilingual("不能只含空白", "must have visible characters, not only spaces"))
    return value


def has_visible(value: str) -> bool:
    """Whether ``value`` has a character that shows on paper (not a space, a mark or a format character)."""
    return any(unicodedata.category(c) not in _INVISIBLE for c in value)


def one_line(value: str) -> str:
    """The rules of a one-line text field (a name, a title, a source), for a pydantic ``AfterValidator``."""
    return check_text(value)


def visible_line(value: str) -> str:
    """A one-line field that, when not empty, must show something (a title, a name)."""
    return check_text(value, visible=True)


def multi_line(value: str) -> str:
    """A multi-line field (notes, article wording): tabs and line feeds allowed."""
    return check_text(value, multiline=True)
