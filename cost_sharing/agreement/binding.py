"""Numbers in article wording stay bound to the computation.

An article's wording is a template: amounts appear as placeholders such as
``{total}``, ``{amount:510100}`` or ``{share:510100}``, and literal braces are
doubled (``{{``) as in :meth:`str.format`. Rendering substitutes the current values.
An edited article also keeps the values as they were when it was edited; if any has
changed since, or if a number typed in by hand equals such an old value, the
article is flagged so that no printed sentence silently carries a stale amount.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .model import Paragraph, Run

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z_]+(?::[^{}\s]+)?)\}|[{}]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

STALE_MARKER_ZH = "【本条编辑后金额已变动，请核对】"
STALE_MARKER_EN = "[Amounts changed after this article was edited — please check]"


class TemplateError(ValueError):
    """An article template that cannot be used: a stray brace or an unknown placeholder."""


@dataclass(frozen=True)
class Piece:
    """A parsed piece of a template: literal text, or a placeholder name."""

    text: str
    placeholder: str | None = None


def escape_literal(text: str) -> str:
    """Make user text (a party name, a title) safe inside a template: braces are doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def parse_template(template: str) -> list[Piece]:
    """Split a template into literal pieces and placeholders; a single stray brace is an error."""
    pieces: list[Piece] = []
    literal = ""
    pos = 0
    for match in _TOKEN.finditer(template):
        literal += template[pos : match.start()]
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal += token[0]
        elif match.group(1):
            if literal:
                pieces.append(Piece(literal))
                literal = ""
            pieces.append(Piece(match.group(0), match.group(1)))
        else:
            column = match.start() + 1
            raise TemplateError(f"stray '{token}' at character {column}; write '{token * 2}' for a literal brace")
    literal += template[pos:]
    if literal:
        pieces.append(Piece(literal))
    return pieces


def placeholders(template: str) -> list[str]:
    """The placeholders a template uses, in order of appearance."""
    return [p.placeholder for p in parse_template(template) if p.placeholder]


def check_template(template: str, values: Mapping[str, str]) -> None:
    """Raise :class:`TemplateError` naming any placeholder that the article cannot bind."""
    unknown = [name for name in placeholders(template) if name not in values]
    if unknown:
        known = ", ".join("{" + k + "}" for k in values) or "none"
        raise TemplateError(f"unknown placeholder {{{unknown[0]}}}; this article can bind: {known}")


def render_template(template: str, values: Mapping[str, str]) -> str:
    """The wording as printed: placeholders replaced by their current values (what the editor shows)."""
    return "".join(_paragraphs_text(render_runs(template, values)))


def _paragraphs_text(paragraphs: list[Paragraph]) -> list[str]:
    return ["\n" * (i > 0) + "".join(r.text for r in p) for i, p in enumerate(paragraphs)]


def render_runs(
    template: str,
    values: Mapping[str, str],
    old_values: Mapping[str, str] | None = None,
    *,
    lang: str = "zh",
) -> list[Paragraph]:
    """Paragraphs of runs (split at line breaks); with ``old_values``, stale literals get a marker run."""
    stale_literals = _stale_literals(values, old_values or {})
    paragraphs: list[list[Run]] = [[]]
    for piece in parse_template(template):
        if piece.placeholder is not None:
            text = values.get(piece.placeholder)
            if text is None:
                missing = "【该数值已不存在，请核对】" if lang == "zh" else "[value no longer exists — check]"
                paragraphs[-1].append(Run(piece.text + missing, marker=True))
            else:
                paragraphs[-1].append(Run(text, bound=piece.placeholder))
            continue
        for index, line in enumerate(piece.text.split("\n")):
            if index:
                paragraphs.append([])
            paragraphs[-1].extend(_mark_literals(line, stale_literals, lang))
    return [tuple(p) for p in paragraphs if p]


def _mark_literals(text: str, stale: Mapping[Decimal, str], lang: str) -> list[Run]:
    if not stale:
        return [Run(text)] if text else []
    runs: list[Run] = []
    pos = 0
    for match in _NUMBER.finditer(text):
        value = _decimal(match.group(0))
        if value is None or value not in stale:
            continue
        runs.append(Run(text[pos : match.end()]))
        note = f"【旧金额，现为{stale[value]}】" if lang == "zh" else f"[old amount, now {stale[value]}]"
        runs.append(Run(note, marker=True))
        pos = match.end()
    if text[pos:]:
        runs.append(Run(text[pos:]))
    return runs


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _number_of(rendered: str) -> Decimal | None:
    match = _NUMBER.search(rendered)
    return _decimal(match.group(0)) if match else None


def changed_values(values: Mapping[str, str], old_values: Mapping[str, str]) -> dict[str, tuple[str, str | None]]:
    """Placeholders whose value differs from the snapshot: name → (old text, new text or None if gone)."""
    return {name: (old, values.get(name)) for name, old in old_values.items() if values.get(name) != old}


def _stale_literals(values: Mapping[str, str], old_values: Mapping[str, str]) -> dict[Decimal, str]:
    """Old numbers that have since changed, mapped to what they are now (for typed-in literals)."""
    current_numbers = {_number_of(v) for v in values.values()}
    stale: dict[Decimal, str] = {}
    for old, new in changed_values(values, old_values).values():
        number = _number_of(old)
        if number is not None and number not in current_numbers and number != 0:
            stale[number] = new if new is not None else "—"
    return stale


def stale_notes(
    template: str, values: Mapping[str, str], old_values: Mapping[str, str], *, lang: str = "zh"
) -> tuple[str, ...]:
    """Why an edited article must be checked; empty when its numbers are as they were at the edit."""
    changed = changed_values(values, old_values)
    if not changed:
        return ()
    notes: list[str] = []
    used = set(placeholders(template))
    for name, (old, new) in changed.items():
        if name not in used:
            continue
        now = new if new is not None else ("已删除" if lang == "zh" else "removed")
        if lang == "zh":
            notes.append(f"{{{name}}}：编辑时为{old}，现为{now}（文中已自动更新）")
        else:
            notes.append(f"{{{name}}}: {old} when edited, now {now} (updated in the text)")
    others = len([name for name in changed if name not in used])
    if others:  # values the wording does not show, but on which it may rest
        notes.append(f"本条未引用的{others}项数值亦有变动" if lang == "zh" else f"{others} other values changed")
    literal_text = "".join(p.text for p in parse_template(template) if p.placeholder is None)
    stale = _stale_literals(values, old_values)
    for match in _NUMBER.finditer(literal_text):
        value = _decimal(match.group(0))
        if value is not None and value in stale:
            typed = match.group(0)
            notes.append(
                f"手工输入的“{typed}”是编辑时的旧金额，现为{stale[value]}"
                if lang == "zh"
                else f"the typed-in '{typed}' is an old amount, now {stale[value]}"
            )
    return tuple(notes)
