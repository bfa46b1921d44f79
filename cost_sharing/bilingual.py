"""Words the engine hands to the screen and the paper in both languages.

The engine has no Qt, so it cannot use Qt's translators: every label it produces
(a column heading, a diagnostic, the name of an edit for the undo menu) carries
its Chinese and its English wording side by side, and the caller picks one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bilingual:
    """One label in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The wording for ``lang`` ("zh" or "en")."""
        return self.zh if lang == "zh" else self.en
