"""The horizontal ecological-compensation agreement (横向生态保护补偿协议), exported and read back.

Done-when (issue 11, item 6): the exported agreement's text contains the formula, the parameters and the computed
transfers. Both examples go through ``chengyu export`` to PDF and DOCX, in Chinese and in English, and are read
back: the rule's formula in symbols, every parameter's value, each transfer (payer, payee, shown amount) and each
party's net as the engine computes and the one shown rounding prints them, adding up to the printed total. An item
of each of the five rules, built here, renders and prints its own formula; an assumed or unverified parameter says
so; a what-if quality scale says the figures are a simulation; no character lacks a glyph.
"""

from __future__ import annotations

import datetime
import itertools
import re
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from agreement_helpers import ROOT, drawn_chars, embedded_fonts, run_cli
from pypdf import PdfReader

from chengyu_accord.cost_sharing.agreement.build import build_agreement
from chengyu_accord.cost_sharing.agreement.edits import with_article_edit
from chengyu_accord.cost_sharing.agreement.model import plain
from chengyu_accord.cost_sharing.engine import compute, display_precision
from chengyu_accord.cost_sharing.instruments.eco_compensation.compute import CENTRAL, compute_eco_details
from chengyu_accord.cost_sharing.instruments.eco_compensation.model import (
    EcoCompensation,
    ExceedanceRule,
    Indicator,
    MonthlyStatusRule,
    Period,
    PerTonneRule,
    PIndexRule,
    PooledFundRule,
    PoolStake,
    Sample,
    Section,
    Upstream,
)
from chengyu_accord.cost_sharing.progress import Progress
from chengyu_accord.cost_sharing.results import shown_table
from chengyu_accord.cost_sharing.scenario import DisplaySettings, Party, Provenance, Scenario
from chengyu_accord.cost_sharing.storage import read_scenario
from chengyu_accord.desktop.export import render_agreement
from chengyu_accord.desktop.export.fonts import missing_glyphs

EXAMPLES = {stem: ROOT / "examples" / f"{stem}.json" for stem in ("jialing-p-index", "qiongjiang-per-tonne")}
AMOUNT = r"(-?[\d,]+\.\d+)"

FORMULAS = {
    # zh: compact with full-width operators, as Chinese documents set formulas; en: ASCII operators, spaced
    "p_index": ("P＝k0×Σ(wi×Ci/Ci0)", "P = k0 × Σ(wi × Ci / Ci0)"),
    "per_tonne": ("Aj＝(Cj－Tj)×Q×uj/1,000,000", "Aj = (Cj - Tj) × Q × uj / 1,000,000"),
    "pooled_fund": ("净额＝分配额－扣减额＋再分配额－出资额", "net = allocation - cut + redistributed - paid in"),
    "monthly_status": ("R＝(1/n)×Σ(Cj/Bj)", "R = (1/n) × Σ(Cj / Bj)"),
    "exceedance": ("m＝(C－T)/T", "m = (C - T) / T"),
}


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read_back(pdf: Path) -> str:
    return _flat("".join(page.extract_text() for page in PdfReader(pdf).pages))


def _labels(scenario: Scenario, lang: str) -> dict[str, str]:
    """How the articles name each party: 甲方（四川省） / Party A (Sichuan Province); the central government."""
    doc = build_agreement(scenario, lang=lang)
    found = {CENTRAL: "中央财政" if lang == "zh" else "the central government"}
    for entry in doc.parties:
        party = scenario.party(entry.party_id)
        name = party.name_zh if lang == "zh" else party.name("en")
        found[entry.party_id] = f"{entry.role}（{name}）" if lang == "zh" else f"{entry.role} ({name})"
    return found


def _shown_transfers(scenario: Scenario) -> tuple[list[tuple[str, str, Decimal]], Decimal, dict[str, Decimal]]:
    """(payer, payee, shown amount) of every transfer, the shown total, and each party's shown net."""
    item = scenario.items[0]
    result = compute(scenario).items[0]
    _, details = compute_eco_details(scenario, item, Progress())
    precision = display_precision(scenario)
    transfers = shown_table(result.table("transfers"), precision)
    nets = shown_table(result.table("nets"), precision)
    assert details.settlement is not None
    paid = [
        (t.payer, t.payee, transfers.cells[r][0])
        for r, t in enumerate(details.settlement.transfers)  # the table's rows, in the settlement's order
    ]
    net = {row.key: nets.cells[r][0] for r, row in enumerate(nets.table.rows)}
    return paid, transfers.totals[0], net  # type: ignore[return-value]


def _check_transfers(text: str, scenario: Scenario, lang: str) -> None:
    """Each computed transfer is printed with its payer, payee and shown amount; they add up to the printed total;
    each party's shown net is printed with its direction; the nets add up to zero."""
    labels = _labels(scenario, lang)
    paid, total, nets = _shown_transfers(scenario)
    assert paid, "the example computes no transfer"
    read = []
    for payer, payee, amount in paid:
        who = re.escape(_flat(labels[payer])), re.escape(_flat(labels[payee]))
        pattern = f"{who[0]}向{who[1]}支付{AMOUNT}万元" if lang == "zh" else f"{who[0]}pays{who[1]}RMB{AMOUNT}ten"
        found = re.search(pattern, text, flags=re.IGNORECASE)
        assert found, f"{lang}: no payment {payer} → {payee} read back"
        printed = Decimal(found.group(1).replace(",", ""))
        assert printed == amount, f"{lang}: {payer} → {payee} printed {printed}, shown {amount}"
        read.append(printed)
    total_pattern = f"以上合计{AMOUNT}万元" if lang == "zh" else f"Intotal RMB{AMOUNT}".replace(" ", "")
    printed_total = re.search(total_pattern, text)
    assert printed_total, f"{lang}: the total of the payments is not read back"
    assert sum(read) == Decimal(printed_total.group(1).replace(",", "")) == total
    assert sum(nets.values()) == 0
    for pid, net in nets.items():
        if net == 0:
            continue
        label = re.escape(_flat(labels[pid]))
        word = ("净收入" if net > 0 else "净支出") if lang == "zh" else ("receivesanet" if net > 0 else "paysanet")
        pattern = f"{label}{word}" + (f"{AMOUNT}万元" if lang == "zh" else f"RMB{AMOUNT}")
        found = re.search(pattern, text)
        assert found, f"{lang}: the net of {pid} is not read back"
        assert Decimal(found.group(1).replace(",", "")) == abs(net)


# --- the two examples, through the command line --------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Path]:
    """Each example exported by ``chengyu export`` in both languages, to PDF and to DOCX."""
    out = tmp_path_factory.mktemp("eco")
    done = {}
    for stem, source in EXAMPLES.items():
        for lang in ("zh", "en"):
            for suffix in ("pdf", "docx"):
                target = out / f"{stem}-{lang}.{suffix}"
                run = run_cli("export", str(source), "-o", str(target), "--lang", lang)
                assert run.returncode == 0, run.stderr
                done[(stem, lang, suffix)] = target
    return done


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_example_prints_its_computed_transfers(exported, stem: str, lang: str) -> None:
    scenario = read_scenario(EXAMPLES[stem])
    _check_transfers(_read_back(exported[(stem, lang, "pdf")]), scenario, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_jialing_example_prints_the_p_index_formula_and_its_parameters(exported, lang: str) -> None:
    text = _read_back(exported[("jialing-p-index", lang, "pdf")])
    scenario = read_scenario(EXAMPLES["jialing-p-index"])
    item = scenario.items[0]
    assert isinstance(item.rule, PIndexRule)
    zh = lang == "zh"
    assert _flat(FORMULAS["p_index"][0 if zh else 1]) in text
    assert ("取0.85" if zh else "coefficient,0.85") in text  # k0
    for code in item.rule.weights:  # each weight, named with its indicator
        assert (f"（{code}）为0.25" if zh else f"({code})0.25") in text
    assert ("P≤1的，由下游方向上游方支付" if zh else "IfP≤1,thedownstreamPartypaystheupstreamParty") in text
    assert ("每个考核断面的补偿资金为5,000.00万元" if zh else "RMB5,000.00tenthousandpersection") in text
    # k0 is unverified [U], the baselines and the bet assumed [A]: the agreement says so
    assert ("未经核实" if zh else "notverified") in text
    assert ("假设值，仅作演示，并非真实数据" if zh else "assumedvaluesforthedemonstration,notrealdata") in text
    # the index P of each section, to six places, and the direction it sets
    _, details = compute_eco_details(scenario, item, Progress())
    for p in details.p.values():
        shown = (Decimal(p.numerator) / Decimal(p.denominator)).quantize(Decimal("0.000001"))
        assert str(shown) in text
    # the negotiation zone: a reference, not a commitment
    if zh:
        assert "参考下限" in text
        assert "参考上限" in text
        assert "不构成任何一方的支付承诺" in text
    else:
        assert "commitsnoPartytopay" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_qiongjiang_example_prints_the_per_tonne_formula_and_its_unit_standards(exported, lang: str) -> None:
    text = _read_back(exported[("qiongjiang-per-tonne", lang, "pdf")])
    zh = lang == "zh"
    assert _flat(FORMULAS["per_tonne"][0 if zh else 1]) in text
    if zh:
        assert "单因子补偿金额＝（断面水质指标值－断面水质控制目标值）×月断面水量×单位补偿标准" in text
        for standard in ("高锰酸盐指数（CODMn）1.5万元/吨", "氨氮（NH3-N）10万元/吨", "总磷（TP）10万元/吨"):
            assert standard in text
        assert "A为正值（水质劣于目标）的，由上游方向下游方支付A" in text
    else:
        for standard in ("(CODMn)RMB15,000pertonne", "(NH3-N)RMB100,000pertonne", "(TP)RMB100,000pertonne"):
            assert standard in text
    # the monthly amounts of each section, as shown (they add up to the section's total)
    scenario = read_scenario(EXAMPLES["qiongjiang-per-tonne"])
    _, details = compute_eco_details(scenario, scenario.items[0], Progress())
    for months in details.month_amounts.values():
        assert f"{Decimal(months['2025-06']) / 1_000_000:,.2f}" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_the_docx_carries_the_same_formula_and_transfers(exported, stem: str, lang: str) -> None:
    document = docx.Document(str(exported[(stem, lang, "docx")]))
    text = _flat("".join(p.text for p in document.paragraphs))
    formula = FORMULAS["p_index" if stem.startswith("jialing") else "per_tonne"][0 if lang == "zh" else 1]
    assert _flat(formula) in text
    _check_transfers(text, read_scenario(EXAMPLES[stem]), lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_every_character_has_a_glyph_in_the_font_it_is_drawn_with(exported, stem: str, lang: str) -> None:
    doc = build_agreement(read_scenario(EXAMPLES[stem]), lang=lang)
    for text in doc.texts():
        assert not missing_glyphs(text), text
    fonts = embedded_fonts()
    outside = set()
    for char, font_name, _ in drawn_chars(exported[(stem, lang, "pdf")]):
        choice = fonts.choice(font_name)
        assert choice is not None, f"{char!r} drawn in {font_name}, which Accord did not embed"
        if ord(char) not in fonts.cmaps[choice]:
            outside.add((char, choice.name))
    assert not outside, f"characters drawn as boxes: {sorted(outside)}"


# --- an item of each rule, built here ---------------------------------------------------------------------------

UP, DOWN, THIRD = "510000", "500000", "520000"
MONTHS = ("2025-01", "2025-02")
CONCENTRATIONS = {  # (section, indicator) → the two months' values
    ("s1", "CODMn"): ("3.2", "6.6"),
    ("s1", "NH3-N"): ("0.42", "1.15"),
    ("s2", "CODMn"): ("5.1", "4.4"),
    ("s2", "NH3-N"): ("0.61", "0.38"),
}


def _party(pid: str, zh: str, en: str) -> Party:
    return Party(id=pid, name_zh=zh, name_en=en)


def _item(rule, *, scale: str = "1") -> Scenario:
    """Three parties, two sections (the first fed by two upstream parties 3:1), two indicators, two months."""
    records = tuple(
        Sample(
            date=datetime.date(int(month[:4]), int(month[5:]), 15),
            section=section,
            indicator=code,
            value=values[m],
            flow_m3="20000000",
        )
        for (section, code), values in CONCENTRATIONS.items()
        for m, month in enumerate(MONTHS)
    )
    item = EcoCompensation(
        id="rule-test",
        title="测试流域横向生态保护补偿",
        parties=(UP, DOWN, THIRD),
        sections=(
            Section(
                id="s1",
                name_zh="甲断面",
                name_en="Section One",
                upstream=(Upstream(party=UP, ratio="3"), Upstream(party=THIRD, ratio="1")),
                downstream=DOWN,
            ),
            Section(id="s2", name_zh="乙断面", name_en="Section Two", upstream=(Upstream(party=DOWN),), downstream=UP),
        ),
        indicators=(
            Indicator(code="CODMn", name_zh="高锰酸盐指数", name_en="Permanganate index", target="6", baseline="4"),
            Indicator(code="NH3-N", name_zh="氨氮", name_en="Ammonia nitrogen", target="1", baseline="0.5"),
        ),
        records=records,
        period=Period(first=MONTHS[0], last=MONTHS[-1]),
        rule=rule,
        quality_scale=scale,
    )
    return Scenario(
        title="测试流域横向生态保护补偿",
        title_en="A test basin's compensation",
        parties=(
            _party(UP, "四川省", "Sichuan"),
            _party(DOWN, "重庆市", "Chongqing"),
            _party(THIRD, "贵州省", "Guizhou"),
        ),
        items=(item,),
        display=DisplaySettings(unit="wan_yuan", decimals=2),
    )


ASSUMED = Provenance(tag="A", note="假设值，仅作演示。")
RULES = {
    "p_index": PIndexRule(
        k0="0.9",
        weights={"CODMn": "0.5", "NH3-N": "0.5"},
        amount_fen=20_000_000_00,
        central_fen=3_000_000_00,
        tiers=({"upper_bound": "0.8", "amount_fen": 30_000_000_00},),  # type: ignore[arg-type]
        provenance=ASSUMED,
    ),
    "per_tonne": PerTonneRule(
        standards={"CODMn": 1_500_000, "NH3-N": 10_000_000},
        tiers={"NH3-N": ({"upper_multiple": "0.5", "fen_per_tonne": 5_000_000},)},  # type: ignore[dict-item]
        provenance=Provenance(tag="U", source="江苏省水环境区域补偿单位标准"),
    ),
    "pooled_fund": PooledFundRule(
        fund_fen=200_000_000_00,
        contributions={UP: "1", DOWN: "5", THIRD: "4"},
        allocations={UP: "3", DOWN: "4", THIRD: "3"},
        failure="months",
        stakes=(PoolStake(section="s1", cut_from={UP: "1"}, redistribute_to={DOWN: "1", THIRD: "1"}),),
        provenance=ASSUMED,
    ),
    "monthly_status": MonthlyStatusRule(amount_fen=1_000_000_00, on_fail_fen=1_500_000_00, provenance=ASSUMED),
    "exceedance": ExceedanceRule(below_first_fen=5_000_000, provenance=ASSUMED),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(RULES))
def test_an_item_of_each_rule_renders_with_its_formula_and_transfers(tmp_path: Path, kind: str, lang: str) -> None:
    scenario = _item(RULES[kind])
    assert compute(scenario).items[0].ok, compute(scenario).items[0].diagnostics
    pdf = render_agreement(scenario, tmp_path / f"{kind}-{lang}.pdf", lang=lang)
    text = _read_back(pdf)
    assert _flat(FORMULAS[kind][0 if lang == "zh" else 1]) in text
    _check_transfers(text, scenario, lang)
    assert ("假设值" if lang == "zh" else "assumedvalues") in text or kind == "per_tonne"
    assert "75.00%" in text
    assert "25.00%" in text
    for paragraph_text in build_agreement(scenario, lang=lang).texts():
        assert not missing_glyphs(paragraph_text), paragraph_text


def test_each_rule_prints_its_parameters() -> None:
    """The parameters of each rule in its formula article (Chinese), with their values."""

    def formula(kind: str) -> str:
        doc = build_agreement(_item(RULES[kind]))
        return "".join(plain(p) for p in doc.article("items.rule-test.formula").paragraphs)

    text = formula("p_index")
    assert "取0.9。" in text
    assert "为0.5" in text
    assert "每个考核断面的补偿资金为2,000.00万元" in text
    assert "P≤0.8的，为3,000.00万元" in text  # the graded tier
    assert "中央财政在考核期内向每个考核断面的上游方拨付补偿资金300.00万元" in text
    text = formula("per_tonne")
    assert "高锰酸盐指数（CODMn）1.5万元/吨" in text
    assert "氨氮（NH3-N）10万元/吨" in text
    assert "不超过0.5倍的为5万元/吨" in text
    assert "未经核实（江苏省水环境区域补偿单位标准）" in text
    text = formula("pooled_fund")
    assert "考核期内资金总额为20,000.00万元" in text
    assert "按1:5:4的比例出资" in text
    assert "按3:4:3的比例分配" in text
    assert "甲方（四川省）10.00%，计2,000.00万元" in text
    assert "扣减系数f为未达标月数占考核月数的比例" in text
    assert (
        "甲断面未达标的，扣减甲方（四川省）分配额的100%乘以扣减系数f，扣减部分由乙方（重庆市）、丙方（贵州省）按1:1的比例分得"
        in text
    )
    text = formula("monthly_status")
    assert "达标且水质改善的，由下游方向上游方支付100.00万元" in text
    assert "未达标的，由上游方向下游方支付150.00万元" in text
    assert "达标且持平的，不支付补偿资金" in text
    text = formula("exceedance")
    assert "0.1<m≤0.5的，为10.00万元" in text
    assert "m>2的，为200.00万元" in text
    assert "0<m≤0.1的，补偿基数为5.00万元" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_what_if_quality_scale_is_printed_as_a_simulation(tmp_path: Path, lang: str) -> None:
    scenario = _item(RULES["per_tonne"], scale="1.1")
    text = _read_back(render_agreement(scenario, tmp_path / f"scaled-{lang}.pdf", lang=lang))
    if lang == "zh":
        assert "模拟说明" in text
        assert "水质模拟系数1.1" in text
        assert "相当于水质整体变差10%" in text
        assert "不得作为补偿资金结算的依据" in text
        assert "（模拟结果，不作为结算依据）" in text
    else:
        assert "what-iffactor1.1" in text
        assert "areasimulation" in text
        assert "maynotbeusedtosettleanypayment" in text
    # the monitoring annex gives the data as measured; the calculation annex says it is of the scaled data
    monitoring, calculation = build_agreement(scenario, lang=lang).appendices
    first_month = next(t for t in monitoring.tables if t.key.endswith(".monthly.s1")).rows[0]
    assert first_month[1:3] == ("3.20", "0.420")  # CODMn 3.2 and NH3-N 0.42 as sampled, not × 1.1
    assert any(("模拟说明" if lang == "zh" else "Simulation:") in plain(p) for p in calculation.paragraphs)
    plain_text = _read_back(render_agreement(_item(RULES["per_tonne"]), tmp_path / f"plain-{lang}.pdf", lang=lang))
    assert "模拟" not in plain_text
    assert "simulation" not in plain_text


def test_a_reworded_payment_article_keeps_its_amounts_bound_and_flags_a_change() -> None:
    """The negotiator's wording keeps printing the current transfer; a change of the numbers marks it stale."""
    scenario = _item(RULES["monthly_status"])
    doc = build_agreement(scenario)
    article = doc.article("items.rule-test.payment")
    keys = [k for k in article.bound_values if k.startswith("transfer:")]
    assert keys, article.bound_values
    edited = with_article_edit(scenario, article.key, f"经协商，补偿资金为{{{keys[0]}}}。")
    assert not build_agreement(edited).article(article.key).stale
    item = edited.items[0]
    rule = item.rule.model_copy(update={"amount_fen": 2_000_000_00, "on_fail_fen": 3_000_000_00})  # twice as much
    changed = edited.model_copy(update={"items": (item.model_copy(update={"rule": rule}),)})
    again = build_agreement(changed).article(article.key)
    assert again.stale, "the amount moved but the edited article is not flagged"
    assert again.bound_values[keys[0]] in "".join(plain(p) for p in again.paragraphs)


def test_a_basin_of_many_parties_lists_its_payments_in_the_table_not_the_prose() -> None:
    """Fourteen parties along a river, each upstream of the next: the payment article counts the transfers and
    leaves them to its table, which lists every one, adding up to the printed total."""
    codes = [f"p{n:02d}" for n in range(14)]
    sections = tuple(
        Section(id=f"s{n}", name_zh=f"断面{n + 1}", upstream=(Upstream(party=a),), downstream=b)
        for n, (a, b) in enumerate(itertools.pairwise(codes))
    )
    records = tuple(
        Sample(
            date=datetime.date(2025, 1, 15),
            section=section.id,
            indicator="CODMn",
            value=f"{4 + (n % 5) * 0.7:.1f}",
            flow_m3="10000000",
        )
        for n, section in enumerate(sections)
    )
    item = EcoCompensation(
        id="long-river",
        title="长河流域横向生态保护补偿",
        parties=tuple(codes),
        sections=sections,
        indicators=(Indicator(code="CODMn", name_zh="高锰酸盐指数", target="6"),),
        records=records,
        period=Period(first="2025-01", last="2025-01"),
        rule=PerTonneRule(standards={"CODMn": 1_500_000}, provenance=ASSUMED),
    )
    scenario = Scenario(
        title="长河流域横向生态保护补偿",
        parties=tuple(_party(c, f"第{n + 1}县", f"County {n + 1}") for n, c in enumerate(codes)),
        items=(item,),
    )
    paid, total, _ = _shown_transfers(scenario)
    assert len(paid) > 12
    doc = build_agreement(scenario)
    article = doc.article("items.long-river.payment")
    text = "".join(plain(p) for p in article.paragraphs)
    assert f"各方之间共{len(paid)}笔，见下表。" in text
    assert "各方净收支见附件" in text
    assert article.table is not None
    rows = article.table.rows
    assert len(rows) == len(paid)
    assert sum(Decimal(r[-1].replace(",", "")) for r in rows) == total
    assert article.table.total_row is not None
    assert Decimal(article.table.total_row[-1].replace(",", "")) == total
    assert "各方（共十四方）" in "".join(plain(p) for p in doc.article("items.long-river.scope").paragraphs)
