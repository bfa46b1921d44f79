"""Exporting the draft agreement as PDF or DOCX; Qt-free, so the command line draws the same document.

``render_agreement`` picks the format by the output's suffix and raises
:class:`ExportError` with a message for the user; ``export_agreement`` is the
command-line wrapper that prints the message or the written path.
"""

from __future__ import annotations

import sys
from pathlib import Path

from chengyu_accord.cost_sharing.agreement.build import AgreementError, build_agreement
from chengyu_accord.cost_sharing.agreement.model import AgreementDoc
from chengyu_accord.cost_sharing.scenario import Scenario
from chengyu_accord.cost_sharing.storage import atomic_write_bytes

from .fonts import FontError, describe_char, font_set, missing_glyphs

FORMATS = (".pdf", ".docx")


class ExportError(Exception):
    """The agreement cannot be exported; the message says why and what to do."""


SHOWN_CHARACTERS = 5
"""How many undrawable characters a refusal names, in its one line; the rest are counted."""


def check_glyphs(doc: AgreementDoc) -> None:
    """Refuse to print a character no available font can draw (it would come out as a box)."""
    missing: list[str] = []
    for text in doc.texts():
        missing.extend(c for c in missing_glyphs(text) if c not in missing)
    if missing:
        fonts = " or ".join(c.name for c in font_set().used)
        named = ", ".join(describe_char(c) for c in missing[:SHOWN_CHARACTERS])
        if len(missing) > SHOWN_CHARACTERS:
            named += f" and {len(missing) - SHOWN_CHARACTERS} more"
        raise ExportError(f"no font ({fonts}) can draw {named}; replace or remove these characters")


def render_agreement(
    scenario: Scenario, output: Path, *, lang: str = "zh", draft_label: str | None = None, redline: bool = False
) -> Path:
    """Write the scenario's draft agreement to ``output`` (.pdf or .docx) and return the path.

    ``redline`` prints, under each edited article whose numbers moved since the edit, what changed (for review).
    """
    output = Path(output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"{output}: unknown format '{output.suffix}'; the output must end in .pdf or .docx")
    if output.is_dir():
        raise ExportError(f"{output}: is a folder; give a file name ending in .pdf or .docx")
    # a file where a folder should be makes every folder below it "not exist"; name the file instead
    in_the_way = next((p for p in output.parents if p.exists() and not p.is_dir()), None)
    if in_the_way is not None:
        raise ExportError(f"{output}: {in_the_way} is a file, not a folder")
    if not output.parent.is_dir():
        raise ExportError(f"{output}: the folder {output.parent} does not exist")
    try:
        doc = build_agreement(scenario, lang=lang, draft_label=draft_label, redline=redline)
    except AgreementError as exc:
        raise ExportError(str(exc)) from None
    try:
        if suffix == ".pdf":
            check_glyphs(doc)
            from .pdf import render_pdf

            data = render_pdf(doc)
        else:
            from .docx import render_docx

            data = render_docx(doc)
    except FontError as exc:
        raise ExportError(str(exc)) from None
    try:
        # like a scenario save: an interrupted export never leaves a half-written draft behind
        atomic_write_bytes(output, data)
    except OSError as exc:
        raise ExportError(f"{output}: cannot be written ({exc.strerror or exc})") from None
    return output


def export_agreement(
    scenario: Scenario, output: Path, *, lang: str = "zh", draft_label: str | None = None, redline: bool = False
) -> int:
    """The ``chengyu export`` command: 0 and the written path, or 1 and the problem on stderr."""
    try:
        written = render_agreement(scenario, output, lang=lang, draft_label=draft_label, redline=redline)
    except ExportError as exc:
        print(f"chengyu export: {exc}", file=sys.stderr)
        return 1
    print(written)
    return 0
