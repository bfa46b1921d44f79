"""Line breaking for every text of the PDF: words kept whole, and the Chinese rules of 避头尾.

A line may not begin with closing punctuation (。，、）》” …) nor end with an opening one
(（《“ …). Both the grid text and the platypus paragraphs (titles, table cells, notes,
English text) choose their breaks here; reportlab's own CJK wrapping knows only part of the
rules (it hangs one closing mark but lets a line end with "（").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

NO_LINE_START = frozenset("，。、；：？！）】〕〗〉》」』”’…—·%,.;:?!)]}")
"""Closing brackets and punctuation: never the first character of a line."""
NO_LINE_END = frozenset("（【〔〖〈《「『“‘([{")
"""Opening brackets and quotes: never the last character of a line."""
SPACE = " "

T = TypeVar("T")


@dataclass(frozen=True)
class CharStyle:
    """How a character is drawn: the font (role font or fallback) and a colour for review markers."""

    font: str
    colour: str | None = None


def is_western(char: str) -> bool:
    """Latin letters, digits and their punctuation: they form words that a line never splits."""
    return ord(char) < 0x2E80 and not char.isspace() and char not in "—…“”‘’"


def tokens(chars: Sequence[tuple[str, T]]) -> list[list[tuple[str, T]]]:
    """Break units: each CJK character alone; Latin words and numbers kept whole (a line may end after the
    hyphen of a compound: interest-|coordination); spaces alone."""
    found: list[list[tuple[str, T]]] = []
    for char, payload in chars:
        last = found[-1] if found else []
        compound = len(last) > 1 and last[-1][0] == "-" and last[-2][0].isalpha() and char.isalpha()
        if is_western(char) and last and is_western(last[-1][0]) and not compound:
            found[-1].append((char, payload))
        else:
            found.append([(char, payload)])
    return found


def may_break(before: str, after: str) -> bool:
    """Whether a line may end with ``before`` and the next begin with ``after`` (避头尾)."""
    return after[:1] not in NO_LINE_START and before[-1:] not in NO_LINE_END


def break_lines(
    units: Sequence[str], widths: Sequence[float], capacity: Callable[[int], float], *, hang: bool
) -> list[list[int]]:
    """Greedy breaking of ``units`` (from :func:`tokens`) into lines of at most ``capacity(line number)``.

    Returns each line as the indexes of its units; spaces at a break are dropped. A break the rules
    forbid moves to the last allowed place before it (the characters after it go down to the next
    line); with ``hang`` a single closing mark that would start a line stays at the end of the
    previous one instead (the grid squeezes it in). Only a line with no allowed break at all
    is cut where it is full.
    """
    lines: list[list[int]] = []
    line: list[int] = []
    used = 0.0
    index = 0

    def close(indexes: list[int]) -> None:
        while indexes and units[indexes[-1]] == SPACE:
            indexes.pop()
        lines.append(indexes)

    while index < len(units):
        unit, width = units[index], widths[index]
        if not line and lines and unit == SPACE:
            index += 1  # no space at the start of a continued line
            continue
        if not line or used + width <= capacity(len(lines)) + 0.01:
            line.append(index)
            used += width
            index += 1
            continue
        if unit == SPACE:  # break at the space, which goes
            close(line)
            line, used = [], 0.0
            index += 1
            continue
        following = units[index + 1] if index + 1 < len(units) else ""
        if hang and len(unit) == 1 and unit in NO_LINE_START and (not following or may_break(unit, following)):
            close([*line, index])
            line, used = [], 0.0
            index += 1
            continue
        cut = len(line)
        while cut > 0 and not may_break(units[line[cut - 1]], units[line[cut]] if cut < len(line) else unit):
            cut -= 1
        if cut == 0:
            cut = len(line)  # nowhere the rules allow: break where the line is full
        close(line[:cut])
        line = line[cut:]
        if line and units[line[0]] == SPACE:
            line = line[1:]
        used = sum(widths[i] for i in line)
    if line or not lines:
        close(line)
    return lines
