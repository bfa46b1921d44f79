"""Chinese numbering and date conventions of agreements (GB/T 9704, GB/T 15835).

Articles are numbered 第一条 … 第十条, 第十一条 … 第一百零一条 (never 一十一); dates
are written 2026年1月1日 without padding zeros; heading levels run 一、（一）1.（1）.
"""

from __future__ import annotations

from datetime import date

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Chinese numerals for 0 ≤ n < 10000 as used in 第…条: 10 → 十, 11 → 十一, 101 → 一百零一."""
    if not 0 <= n < 10_000:
        raise ValueError(f"{n} is outside the range of article numbers")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    text = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                text += "零"
                zero = False
            text += _DIGITS[digit] + unit
        elif text:
            zero = True
    return text


def article_label(n: int) -> str:
    """第一条, 第二条 … for the n-th article."""
    return f"第{chinese_number(n)}条"


def heading_marker(level: int, n: int) -> str:
    """The marker of the n-th heading at ``level`` 1–4: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level must be 1–4, not {level}")


def chinese_date(day: date) -> str:
    """2026年1月1日: full year, no padding zeros (GB/T 9704 7.3.5.4)."""
    return f"{day.year}年{day.month}月{day.day}日"


def english_date(day: date) -> str:
    """1 January 2026."""
    return f"{day.day} {day.strftime('%B')} {day.year}"
