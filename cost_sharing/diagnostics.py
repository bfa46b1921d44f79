"""Findings about an item, in words a negotiator understands, pointing at what to fix.

A diagnostic never names its field by a string to be parsed: its :class:`Target`
says which item field, which party, or which party's figure it is about, and the
screen goes there; :meth:`Target.path` gives the field path printed by the
command line and ``compute --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .bilingual import Bilingual

Level = Literal["error", "warning", "info"]
SEVERITY = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Target:
    """What a diagnostic is about: a field of an item (and a party within it), or a party's figure."""

    item_id: str = ""
    field: str = ""
    """A field of the item (``"weights"``, ``"basis"``, ``"amount_fen"``), or "" for the item itself."""
    party_id: str = ""
    attribute: str = ""
    """With ``party_id`` and no ``field``: the party's statistical figure of this attribute."""

    @property
    def is_figure(self) -> bool:
        return bool(self.party_id and self.attribute and not self.field)

    def path(self, item_index: int) -> str:
        """The field path in the scenario file: ``items[0].weights.510100``, ``parties.510100.figures.gdp``."""
        if self.is_figure:
            return f"parties.{self.party_id}.figures.{self.attribute}"
        path = f"items[{item_index}]"
        if self.field:
            path += f".{self.field}"
            if self.party_id:
                path += f".{self.party_id}"
        return path


@dataclass(frozen=True)
class Diagnostic:
    """A finding about an item: an error stops the item from being computed; warnings and notes do not."""

    level: Level
    code: str
    message: Bilingual
    target: Target = Target()

    @property
    def message_zh(self) -> str:
        return self.message.zh

    @property
    def message_en(self) -> str:
        return self.message.en
