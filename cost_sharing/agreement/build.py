"""Build the draft agreement of a scenario: the shell around the articles each item's instrument contributes.

The shell is what every agreement has — title, parties, recital, closing, signatures,
annex numbering, footer — and the general articles of the items' clause sets
(:mod:`.clauses`). The articles of an item come from its instrument
(:mod:`..instrument`), built with the blocks of :mod:`.blocks`.

Article wording is a template whose numbers are placeholders (see :mod:`.binding`), so an
article edited by a negotiator keeps printing the current amounts, and is flagged when
they have changed since the edit.
"""

from __future__ import annotations

from .. import __version__
from ..bilingual import Bilingual
from ..engine import compute, display_precision
from ..fingerprint import fingerprint
from ..instrument import instrument_for
from ..results import ScenarioResult
from ..scenario import Scenario
from .binding import STALE_MARKER_ZH, render_runs, stale_notes
from .blocks import ROLE_LABELS_EN, ROLES_ZH, ArticleSpec, BuildContext, ClauseSet, government_name, party_roles
from .clauses import PLAN_RECITAL
from .model import AgreementDoc, Appendix, Article, Paragraph, PartyEntry, Run, SignatureBlock
from .settings import DRAFT_LABELS, DRAFT_LABELS_EN
from .text import article_label, chinese_date, english_date

SHOWN_PROBLEMS = 3
"""How many problems a refusal names; the rest are counted."""


class AgreementError(ValueError):
    """The scenario cannot yield an agreement yet (an item that cannot be computed); says why."""


def build_agreement(
    scenario: Scenario,
    result: ScenarioResult | None = None,
    *,
    lang: str = "zh",
    draft_label: str | None = None,
    redline: bool = False,
) -> AgreementDoc:
    """The draft agreement of ``scenario`` in ``lang`` ("zh" or "en"; the Chinese text prevails).

    With ``redline``, edited articles whose numbers moved since the edit print what changed, for review;
    otherwise the body carries only the wording in force with the current numbers.
    """
    if lang not in ("zh", "en"):
        raise AgreementError(f"unknown language '{lang}'; use zh or en")
    settings = scenario.agreement
    label = draft_label or settings.draft_label
    if label not in DRAFT_LABELS:
        raise AgreementError(f"unknown draft label '{label}'; use one of {', '.join(DRAFT_LABELS)}")
    result = result if result is not None else compute(scenario)
    problems = [
        f"{r.item_id}: {d.message_zh if lang == 'zh' else d.message_en}"
        for r in result.items
        for d in r.diagnostics
        if d.level == "error"
    ]
    if problems:  # one line: the first few problems, and how many more (the checks pane lists them all)
        more = f" … and {len(problems) - SHOWN_PROBLEMS} more" if len(problems) > SHOWN_PROBLEMS else ""
        raise AgreementError("the scenario has problems to fix first: " + " ".join(problems[:SHOWN_PROBLEMS]) + more)
    if not scenario.items:
        raise AgreementError("the scenario has no item to agree on")
    zh = lang == "zh"
    names = [p.name_zh if zh else p.name("en") for p in scenario.parties]
    roles = party_roles(len(scenario.parties), lang)
    governments = [
        settings.signatories.get(p.id) or government_name(n, lang) for p, n in zip(scenario.parties, names, strict=True)
    ]
    use_roles = len(scenario.parties) <= (len(ROLES_ZH) if zh else len(ROLE_LABELS_EN))
    labels = {
        p.id: (role if use_roles else gov) for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
    }
    context = BuildContext(scenario, result, lang, display_precision(scenario), settings.capital_amounts, labels)

    sections = [
        instrument_for(item.kind).articles(context, item, item_result)
        for item, item_result in zip(scenario.items, result.items, strict=True)
    ]
    clause_sets = _clause_sets(scenario)
    general = [spec for clauses in clause_sets for spec in clauses.general(context)]
    specs = [spec for section in sections for spec in section.articles] + _unique(general)
    articles = tuple(_article(context, number, spec, redline) for number, spec in enumerate(specs, start=1))
    appendices: list[Appendix] = []
    for appendix in (a for s in sections for a in s.appendices):
        number = len(appendices) + 1
        label_text = f"附件{number}" if zh else f"Annex {number}"
        appendices.append(Appendix(label_text, appendix.title, appendix.paragraphs, appendix.tables, appendix.charts))
    if scenario.notes.strip():
        appendices[0] = _with_notes(appendices[0], scenario.notes, zh)

    subject = "、".join(s.subject for s in sections) if zh else "; ".join(s.subject for s in sections)
    quotes = ("、" if zh else "; and ").join(clauses.quotes.get(lang) for clauses in clause_sets)
    recital = PLAN_RECITAL.get(lang).replace("{quotes}", quotes).replace("{subject}", subject)
    signing = settings.signing_date
    date_text = (
        (chinese_date(signing) if zh else english_date(signing))
        if signing
        else ("　　年　　月　　日" if zh else "____ (date)")
    )
    signatures = tuple(
        SignatureBlock(
            role=role,
            party_name=gov,
            seal_label="（盖章）" if zh else "(seal)",
            representative_label="授权代表（签字）：" if zh else "Authorised representative (signature):",
            representative=settings.representatives.get(p.id, ""),
            date_label="日期：" if zh else "Date:",
            date_text=date_text,
        )
        for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
    )
    digest = fingerprint(scenario, result)
    notices = (
        (f"本稿为{label}，仅供协商使用，不具法律效力。",)
        if zh
        else (
            "Reference translation — the Chinese text prevails.",
            f"{DRAFT_LABELS_EN[label]} ({label}) for negotiation only; not legally binding.",
        )
    )
    title = _title(scenario, zh)
    return AgreementDoc(
        lang=lang,
        title=title,
        draft_label=label,
        draft_line=f"（{label}）" if zh else f"({DRAFT_LABELS_EN[label]} · {label})",
        notices=notices,
        parties=tuple(
            PartyEntry(role, gov, p.id, f"{role}：" if zh else f"{role}: ")
            for p, role, gov in zip(scenario.parties, roles, governments, strict=True)
        ),
        recitals=((Run(recital),),),
        articles=articles,
        closing_line="（以下无正文）" if zh else "(No further text below.)",
        signatures=signatures,
        signing_place=(f"签订地点：{settings.signing_place}" if zh else f"Place of signing: {settings.signing_place}"),
        appendices=tuple(appendices),
        fingerprint=digest,
        version=__version__,
        data_vintage=_data_vintage(scenario, zh),
        watermark=("草案 DRAFT" if settings.watermark else None),
        footer_labels=(
            {"fingerprint": "指纹", "version": "成渝协同 Accord", "data": "数据"}
            if zh
            else {"fingerprint": "Fingerprint", "version": "Chengdu–Chongqing Accord", "data": "Data"}
        ),
        captions=(
            {
                "annex_list": "附件：",
                "fingerprint": "本稿数字指纹（SHA-256，与 chengyu fingerprint 输出一致）：",
                "unit": "单位：",
                "author": "成渝协同 Accord",
            }
            if zh
            else {
                "annex_list": "Annexes: ",
                "fingerprint": "Fingerprint (SHA-256, as printed by chengyu fingerprint): ",
                "unit": "Unit: ",
                "author": "Chengdu–Chongqing Accord",
            }
        ),
    )


def _title(scenario: Scenario, zh: bool) -> str:
    """关于…的协议 (a title ending in 协议/办法 stays); in English "Agreement on" the English title (``title_en``,
    else the Chinese one), unless it already says "Agreement"."""
    if zh:
        if scenario.title.endswith(("协议", "协议书", "办法")):
            return scenario.title
        return f"关于{scenario.title}的协议"
    title = scenario.title_en or scenario.title
    return title if "agreement" in title.lower() else f"Agreement on {title}"


def _with_notes(appendix: Appendix, notes: str, zh: bool) -> Appendix:
    note = (Run(("测算说明：" if zh else "Notes: ") + notes),)
    return Appendix(appendix.label, appendix.title, (*appendix.paragraphs, note), appendix.tables, appendix.charts)


def _data_vintage(scenario: Scenario, zh: bool) -> str:
    """Which figures the numbers rest on, as each item's instrument says."""
    parts: list[str] = []
    for item in scenario.items:
        describe = instrument_for(item.kind).data_vintage
        text = describe(scenario, item, "zh" if zh else "en") if describe is not None else ""
        if text and text not in parts:
            parts.append(text)
    return "；".join(parts) if zh else "; ".join(parts)


def _article(context: BuildContext, number: int, spec: ArticleSpec, redline: bool) -> Article:
    """Render one article: the negotiator's edit if any (noted when its numbers moved), else the default.

    The notes always reach the panel and the export check; the body prints them only as a ``redline``.
    """
    edit = context.scenario.agreement.article_edits.get(spec.key)
    label = article_label(number) if context.zh else f"Article {number}"
    template = spec.template
    notes: tuple[str, ...] = ()
    paragraphs: list[Paragraph]
    if edit is not None and context.zh:
        template = edit.text
        worded = stale_notes(
            template,
            spec.values,
            edit.bound_values,
            label=Bilingual(label, f"Article {number}"),
            descriptions=spec.descriptions,
        )
        notes = tuple(note.zh for note in worded)
        paragraphs = render_runs(template, spec.values, edit.bound_values if redline else None, lang="zh")
        if notes and redline:
            paragraphs.append((Run(STALE_MARKER_ZH, marker=True),))
            paragraphs.extend((Run("（" + note + "）", marker=True),) for note in notes)
    else:
        # The English reference translation translates the default wording, whose numbers are always current:
        # the snapshot holds the Chinese values, so it has nothing to compare and no stale notes.
        paragraphs = render_runs(template, spec.values, lang=context.lang)
        if edit is not None:
            paragraphs.append(
                (
                    Run(
                        "[This article was reworded in the Chinese text, which prevails; translated here is the "
                        "original wording.]",
                        marker=True,
                    ),
                )
            )
    return Article(
        key=spec.key,
        number=number,
        label=label,
        heading=spec.heading,
        title=f"{label}　{spec.heading}" if context.zh else f"{label} {spec.heading}",
        paragraphs=tuple(paragraphs),
        template=template,
        default_template=spec.template,
        bound_values=dict(spec.values),
        bound_descriptions=dict(spec.descriptions),
        edited=edit is not None,
        stale_notes=notes,
        table=spec.table,
    )


def _clause_sets(scenario: Scenario) -> list[ClauseSet]:
    """The distinct clause sets of the scenario's items, in item order."""
    found: list[ClauseSet] = []
    for item in scenario.items:
        clauses = instrument_for(item.kind).clauses
        if all(c.key != clauses.key for c in found):
            found.append(clauses)
    return found


CLOSING_KEYS = ("general.dispute", "general.final")
"""The general articles an agreement ends with, in this order."""


def _unique(specs: list[ArticleSpec]) -> list[ArticleSpec]:
    """General articles by key, each once (two families may share one, e.g. dispute settlement); the articles
    every family closes with — disputes, then the final provisions — after all the others, whichever family
    brought them first."""
    seen: set[str] = set()
    once = [s for s in specs if not (s.key in seen or seen.add(s.key))]  # type: ignore[func-returns-value]
    return sorted(once, key=lambda s: CLOSING_KEYS.index(s.key) + 1 if s.key in CLOSING_KEYS else 0)
