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

from ..bilingual import Bilingual
from .model import Article, Paragraph, Run

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z_]+(?::[^{}\s]+)?)\}|[{}]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")

STALE_MARKER_ZH = "【本条编辑后金额已变动，请核对】"


class TemplateError(ValueError):
    """An article template that cannot be used: a stray brace or an unknown placeholder.

    ``text`` says why in both languages, for the interface; ``str()`` is the English, for logs and the command line.
    """

    def __init__(self, text: Bilingual | str) -> None:
        text = text if isinstance(text, Bilingual) else Bilingual(text, text)
        super().__init__(text.en)
        self.text = text


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
            raise TemplateError(
                Bilingual(
                    f"第{column}个字符是单独的“{token}”；如需印出括号本身，请写成“{token * 2}”",
                    f"stray '{token}' at character {column}; write '{token * 2}' for a literal brace",
                )
            )
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
        code = "{" + unknown[0] + "}"
        raise TemplateError(
            Bilingual(
                f"本条没有数值“{code}”；请从“绑定数值”列表中插入本条的数值",
                f"unknown placeholder {code}; insert this article's numbers from its list of bound numbers",
            )
        )


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
    """Paragraphs of runs (split at line breaks); with ``old_values`` (a redline), stale literals get a marker run.

    A placeholder whose value no longer exists (its party left) prints a marker, never its code.
    """
    stale_literals = _stale_literals(values, old_values or {})
    paragraphs: list[list[Run]] = [[]]
    for piece in parse_template(template):
        if piece.placeholder is not None:
            text = values.get(piece.placeholder)
            if text is None:
                missing = "【该数值已不存在，请核对】" if lang == "zh" else "[value no longer exists — check]"
                paragraphs[-1].append(Run(missing, marker=True))
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


def _described(name: str, descriptions: Mapping[str, str]) -> Bilingual:
    """Whose number a placeholder is, in words: 渝北区 · 分担金额 reads 渝北区的分担金额; never the code."""
    description = descriptions.get(name)
    if description is None:
        return Bilingual("一项数值", "a number")
    return Bilingual(description.replace(" · ", "的"), f"the number “{description}”")


def stale_notes(
    template: str,
    values: Mapping[str, str],
    old_values: Mapping[str, str],
    *,
    label: Bilingual,
    descriptions: Mapping[str, str],
) -> tuple[Bilingual, ...]:
    """Why an edited article must be checked, in words (第四条中渝北区的分担金额已由…变为…); empty when its
    numbers are as they were at the edit. ``label`` names the article (第四条 / Article 4)."""
    changed = changed_values(values, old_values)
    if not changed:
        return ()
    notes: list[Bilingual] = []
    used = set(placeholders(template))
    for name, (old, new) in changed.items():
        if name not in used:
            continue
        what = _described(name, descriptions)
        if new is None:
            notes.append(
                Bilingual(
                    f"{label.zh}中{what.zh}（编辑时为{old}）已不存在",
                    f"In {label.en}, {what.en} ({old} when edited) no longer exists",
                )
            )
        else:
            notes.append(
                Bilingual(
                    f"{label.zh}中{what.zh}已由{old}变为{new}",
                    f"In {label.en}, {what.en} changed from {old} to {new}",
                )
            )
    others = len([name for name in changed if name not in used])
    if others:  # values the wording does not show, but on which it may rest
        notes.append(
            Bilingual(
                f"{label.zh}未引用的{others}项数值亦有变动",
                f"In {label.en}, {others} number{'s' if others > 1 else ''} the wording does not quote also changed",
            )
        )
    literal_text = "".join(p.text for p in parse_template(template) if p.placeholder is None)
    stale = _stale_literals(values, old_values)
    for match in _NUMBER.finditer(literal_text):
        value = _decimal(match.group(0))
        if value is not None and value in stale:
            typed = match.group(0)
            notes.append(
                Bilingual(
                    f"{label.zh}中手工输入的“{typed}”是编辑时的旧金额，现为{stale[value]}",
                    f"In {label.en}, the typed-in “{typed}” is an old amount, now {stale[value]}",
                )
            )
    return tuple(notes)


def article_stale_notes(article: Article, old_values: Mapping[str, str]) -> tuple[Bilingual, ...]:
    """The stale notes of a built (Chinese) article in both languages, for the panel and the export check."""
    return stale_notes(
        article.template,
        article.bound_values,
        old_values,
        label=Bilingual(article.label, f"Article {article.number}"),
        descriptions=article.bound_descriptions,
    )
