"""Ecological compensation: recomputing a basin of 50 sections × 12 months × 5 indicators (issue 11).

Two basins of the same size, all figures assumed (for timing only): 50 border sections between neighbouring
cluster units, five indicators (CODMn, NH3-N, TP, TN, COD), two samples per indicator and month over 2019
(6,000 samples), settled once under the 新安江 P-index bet and once under the 江苏 per-tonne rule (with a monthly
flow per section). ``compute_eco`` of each: median, fastest and slowest of repeated calls after a warm-up; every
call reads the 6,000 samples afresh (nothing is kept between calls), and its tables are compared in the tests
with those of ``compute_eco_details``, timed too for comparison.
"""

from __future__ import annotations

import datetime

from bench import Section, timed

SECTIONS = 50
MONTHS = 12
INDICATORS = ("CODMn", "NH3-N", "TP", "TN", "COD")
BASELINES = {"CODMn": "2.0", "NH3-N": "0.15", "TP": "0.030", "TN": "1.20", "COD": "15"}
"""Baseline concentrations (mg/L, assumed; the P-index divides by them)."""
TARGETS = {"CODMn": "4", "NH3-N": "0.5", "TP": "0.1", "TN": "1.0", "COD": "20"}
"""Target concentrations (mg/L, assumed; roughly class III)."""
STANDARDS_YUAN = {"CODMn": 15_000, "NH3-N": 100_000, "TP": 100_000, "TN": 10_000, "COD": 1_500}
"""Per-tonne unit standards in yuan (assumed)."""
SAMPLES_PER_MONTH = 2
REPEAT = 25
TARGET_MS = 20.0


def basin(rule: str):
    """(scenario, item): the 50-section basin under ``rule`` (``p_index`` or ``per_tonne``)."""
    from chengyu_accord import data
    from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
        EcoCompensation,
        Indicator,
        Period,
        PerTonneRule,
        PIndexRule,
        Sample,
        Upstream,
    )
    from chengyu_accord.cost_sharing.instruments.eco_compensation.model import Section as EcoSection
    from chengyu_accord.cost_sharing.presets import party_from_unit
    from chengyu_accord.cost_sharing.scenario import Scenario

    codes = [u.code for u in data.units()]
    sections = []
    for k in range(SECTIONS):
        up, down, other = (codes[(k + shift) % len(codes)] for shift in (0, 1, -1))
        # every fifth section has two upstream parties sharing 2:1
        upstream = (Upstream(party=up),) if k % 5 else (Upstream(party=up, ratio="2"), Upstream(party=other))
        sections.append(
            EcoSection(
                id=f"s{k}", name_zh=f"断面{k + 1}", name_en=f"Section {k + 1}", upstream=upstream, downstream=down
            )
        )
    parties = list(dict.fromkeys(p for s in sections for p in (*(u.party for u in s.upstream), s.downstream)))
    records = []
    for k, section in enumerate(sections):
        for month in range(1, MONTHS + 1):
            flow = str(10_000_000 + 250_000 * k + 50_000 * month)
            for n, code in enumerate(INDICATORS):
                base = float(TARGETS[code])
                for day in range(SAMPLES_PER_MONTH):
                    # 70 %–130 % of the target, varying by section, month, indicator and sample; 3 decimals
                    factor = 700 + (37 * k + 53 * month + 71 * n + 211 * day) % 601
                    value = f"{base * factor / 1000:.3f}"
                    records.append(
                        Sample(
                            date=datetime.date(2019, month, 5 + 10 * day),
                            section=section.id,
                            indicator=code,
                            value=value,
                            flow_m3=flow if rule == "per_tonne" else None,
                        )
                    )
    indicators = tuple(
        Indicator(code=c, name_zh=c, target=TARGETS[c], baseline=BASELINES[c] if rule == "p_index" else None)
        for c in INDICATORS
    )
    if rule == "p_index":
        the_rule = PIndexRule(
            k0="0.85", weights=dict.fromkeys(INDICATORS, "0.2"), amount_fen=100_000_000, central_fen=50_000_000
        )
    else:
        the_rule = PerTonneRule(standards={c: yuan * 100 for c, yuan in STANDARDS_YUAN.items()})
    item = EcoCompensation(
        id=f"basin-{rule}",
        title=f"{SECTIONS}个断面（基准测试）",
        parties=tuple(parties),
        sections=tuple(sections),
        indicators=indicators,
        records=tuple(records),
        period=Period(first="2019-01", last="2019-12"),
        rule=the_rule,
    )
    scenario = Scenario(title="生态补偿基准测试", parties=tuple(party_from_unit(p) for p in parties), items=(item,))
    return scenario, item


def run() -> Section:
    from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import compute_eco, compute_eco_details
    from chengyu_accord.cost_sharing.progress import Progress

    rows, passed, notes, details = [], True, [], []
    for rule, name in (("p_index", "P-index bet (新安江)"), ("per_tonne", "per-tonne (江苏)")):
        scenario, item = basin(rule)
        result = compute_eco(scenario, item, 0, Progress())
        if not result.ok:
            notes.append(f"{name}: not computed — {result.diagnostics[0].message.en}")
            passed = False
        median, low, high = timed(lambda s=scenario, i=item: compute_eco(s, i, 0, Progress()), REPEAT)
        passed = passed and median * 1000 <= TARGET_MS
        rows.append(
            f"| {name} | {len(item.sections)} | {len(item.records)} | {median * 1000:.1f} ms | {low * 1000:.1f} ms "
            f"| {high * 1000:.1f} ms |"
        )
        with_details, _, _ = timed(lambda s=scenario, i=item: compute_eco_details(s, i, Progress()), REPEAT)
        details.append(f"{name} {with_details * 1000:.1f} ms")
    lines = [
        f"`compute_eco` of one ecological-compensation item of {SECTIONS} sections × {MONTHS} months × "
        f"{len(INDICATORS)} indicators ({SAMPLES_PER_MONTH} samples each a month; assumed figures): median, fastest "
        f"and slowest of {REPEAT} calls after a warm-up.",
        "",
        "| rule | sections | samples | median | min | max |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        *([f"- {note}" for note in notes] + [""] if notes else []),
        f"Target: under {TARGET_MS:.0f} ms each — " + ("met" if passed else "**not met**") + ".",
        "",
        "For comparison, not a target: `compute_eco_details`, which also makes the exact monthly means and every "
        "month's settlement (for `compute --json` and the agreement; a recompute needs neither): "
        + ", ".join(details)
        + " (median).",
    ]
    return Section("Ecological compensation: recomputing a basin", "\n".join(lines), passed, notes)


if __name__ == "__main__":
    print(run().markdown)
