"""Compute a project-cost item: the game, every method side by side, the agreed split, its schedule and checks.

Contributions off the top: the parties share ``shared = capital − Σ contributions``. Every method first splits
the FULL capital c(N) of the game as typed, then each amount is scaled by γ = shared / capital (exact). All the
solution concepts are homogeneous of degree 1, so this is the method applied to the game scaled by γ: a
coalition building alone is taken to receive the same share of the outside contributions. The stand-alone,
marginal, core and savings checks compare with that scaled game γ·c.

Tables, in order: ``methods`` (one money column per available method), ``agreed`` (amount, share),
``benchmarks`` and ``savings`` (when there is a game), ``schedule`` (capital, annuity, operating, NPV),
``years`` (each party's payment per year) and ``coalitions`` (for a coalition table).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from ...bilingual import Bilingual
from ...diagnostics import Diagnostic, Level, Target
from ...engine import display_precision
from ...games.analysis import Analysis, analyse
from ...games.game import CoalitionTable, coalition_sums
from ...games.segment import SegmentGame
from ...money import DisplayPrecision, fen_to_yuan_str, format_amount, largest_remainder, round_half_up
from ...progress import Progress
from ...results import CellNote, Column, ItemResult, ResultTable, Row
from ...scenario import Party, Scenario
from .methods import (
    DISPATCH,
    Allocation,
    Inputs,
    ProjectGame,
    Unavailable,
    Uncertified,
    run_method,
)
from .model import ProjectCostSharing
from .names import (
    AGREED_TABLE,
    AMOUNT,
    BENCHMARKS_TABLE,
    COALITIONS_TABLE,
    FIGURE_FACTORS,
    METHODS_TABLE,
    SAVINGS_TABLE,
    SCHEDULE_TABLE,
    SHARE,
    YEARS_TABLE,
    method_name,
    method_order,
)
from .schedule import Schedule, build_schedule, rate_from_text, split_exact

STAND_ALONE, MARGINAL, SAVING = "stand_alone", "marginal", "saving"
CAPITAL, ANNUAL_CAPITAL, ANNUAL_OPERATING, NPV = "capital", "annual_capital", "annual_operating", "npv"
COST, CHARGED, EXCESS = "cost", "charged", "excess"
COALITION_ROWS = 200
OVERCHARGED_ROWS = 10
OVERCHARGED_LIMIT = 16
"""Coalition tables of up to this many parties also list the most overcharged coalitions of the agreed split."""


@dataclass(frozen=True)
class MethodOutcome:
    """One method's result: the exact split of c(N), the split of the shared amount (exact and in fen)."""

    method: str
    allocation: Allocation
    exact: tuple[Fraction, ...]
    """Each party's amount of the shared cost, unrounded (γ × the method's split of c(N))."""
    fen: tuple[int, ...]


@dataclass(frozen=True)
class ProjectResult:
    """Everything ``report_section`` and the articles read besides the tables (kept on no object: recomputed)."""

    outcomes: dict[str, MethodOutcome]
    unavailable: dict[str, Bilingual]
    game_kind: str | None
    schedule: Schedule | None


def party_label(party: Party) -> Bilingual:
    return Bilingual(party.name_zh, party.name("en"))


def _diag(item: ProjectCostSharing, level: Level, code: str, zh: str, en: str, **target: str) -> Diagnostic:
    return Diagnostic(level, code, Bilingual(zh, en), Target(item.id, **target))


def _money(fen: Fraction | int, precision: DisplayPrecision, lang: str) -> str:
    """An amount in the scenario's display unit; in 元 when the display unit would show a non-zero as zero."""
    value = fen if isinstance(fen, int) else round_half_up(Fraction(fen))
    if value and not round_half_up(Fraction(value) / precision.step_fen):
        return f"{fen_to_yuan_str(value)}元" if lang == "zh" else f"{fen_to_yuan_str(value)} yuan"
    return format_amount(value, precision, lang=lang)


def factor_values(item: ProjectCostSharing, parties: tuple[Party, ...]) -> dict[str, tuple[Fraction | None, ...]]:
    """Each factor's value per party in table order; None where missing (never zero)."""
    values: dict[str, tuple[Fraction | None, ...]] = {}
    for factor in FIGURE_FACTORS:
        values[factor] = tuple(
            Fraction(Decimal(f.value)) if (f := party.figure(factor)) is not None else None for party in parties
        )
    values["length"] = tuple(None if p.length_km is None else Fraction(Decimal(p.length_km)) for p in item.parties)
    values["works"] = tuple(None if p.works_fen is None else Fraction(p.works_fen) for p in item.parties)
    values["demand"] = tuple(None if p.demand is None else Fraction(Decimal(p.demand)) for p in item.parties)
    return values


NO_GAME = Bilingual(
    "需要输入联盟成本（各方单独建设及部分联合建设的成本）或线路分段造价及各方到达的分段，才能计算博弈方法",
    "type in coalition costs (what each party, and some groups, would pay to build alone) or the line's segments "
    "and each party's reach to compute the game-theoretic methods",
)


def build_game(
    item: ProjectCostSharing, names: tuple[Bilingual, ...], needs_game: bool
) -> tuple[ProjectGame | None, Bilingual, list[Diagnostic]]:
    """The game behind the game methods, why there is none, and the problems found (error if the agreed method
    needs the game, else warning)."""
    level: Level = "error" if needs_game else "warning"
    ids = [p.party for p in item.parties]
    index = {pid: i for i, pid in enumerate(ids)}
    n = len(ids)
    full = (1 << n) - 1
    capital = item.project.capital_fen
    problems: list[Diagnostic] = []
    if item.coalitions:
        entries: dict[int, int] = {}
        for coalition in item.coalitions:
            entries[sum(1 << index[pid] for pid in coalition.parties)] = coalition.cost_fen
        if full in entries and entries[full] != capital:
            problems.append(
                _diag(
                    item,
                    level,
                    "grand-coalition-cost",
                    f"全体参与方的联盟成本{_yuan(entries[full])}与项目总投资{_yuan(capital)}不符",
                    f"the cost typed in for all parties together, {_yuan_en(entries[full])}, differs from the "
                    f"project's capital cost, {_yuan_en(capital)}",
                    field="coalitions",
                )
            )
        entries[full] = capital
        table = CoalitionTable(n, entries)
        missing = table.missing_singletons()
        if missing:
            listed_zh = "、".join(names[i].zh for i in missing)
            listed_en = ", ".join(names[i].en for i in missing)
            problems.append(
                _diag(
                    item,
                    level,
                    "missing-stand-alone",
                    f"缺少{listed_zh}单独建设的成本，请在联盟成本中补录（每一方都需要单独建设成本）",
                    f"no stand-alone cost for {listed_en}: type in what each party would pay alone",
                    field="coalitions",
                    party_id=ids[missing[0]],
                )
            )
        if problems:
            return (
                None,
                Bilingual("联盟成本表有误，见上文", "the coalition cost table has problems (see above)"),
                problems,
            )
        return ProjectGame("coalition_table", n, capital, table=table), NO_GAME, problems
    if item.segments and all(p.reach is not None for p in item.parties):
        costs = tuple(s.cost_fen for s in item.segments)
        total = sum(costs)
        farthest = max(p.reach or 0 for p in item.parties)
        if total != capital:
            problems.append(
                _diag(
                    item,
                    level,
                    "segments-total",
                    f"各分段造价合计{_yuan(total)}，与项目总投资{_yuan(capital)}不符",
                    f"the segment costs add up to {_yuan_en(total)}, not the project's capital cost "
                    f"{_yuan_en(capital)}",
                    field="segments",
                )
            )
        elif farthest < len(costs):
            problems.append(
                _diag(
                    item,
                    level,
                    "segments-unused",
                    f"第{farthest + 1}段及以后的分段没有任何一方需要，请检查各方到达的分段",
                    f"no party needs segment {farthest + 1} or later; check each party's reach",
                    field="segments",
                )
            )
        if problems:
            return None, Bilingual("线路分段有误，见上文", "the line's segments have problems (see above)"), problems
        segment = SegmentGame(costs, tuple(p.reach or 0 for p in item.parties), tuple(p.users for p in item.parties))
        return ProjectGame("segment", n, capital, segment=segment), NO_GAME, problems
    return None, NO_GAME, problems


def _yuan(fen: int) -> str:
    return f"{format_amount(fen, DisplayPrecision(), with_unit=True)}"


def _yuan_en(fen: int) -> str:
    return format_amount(fen, DisplayPrecision(), lang="en")


def run_methods(inputs: Inputs, progress: Progress) -> tuple[dict[str, Allocation], dict[str, Unavailable]]:
    done: dict[str, Allocation] = {}
    failed: dict[str, Unavailable] = {}
    order = method_order(inputs.item)
    for step, method in enumerate(order):
        progress.report(step, len(order))
        try:
            allocation = run_method(method, inputs)
        except Unavailable as reason:
            failed[method] = reason
            continue
        if allocation.exact and sum(allocation.values, Fraction(0)) != inputs.capital:
            failed[method] = Unavailable(
                Bilingual("求解结果之和不等于项目总投资（未予显示）", "the solver's amounts do not add up to c(N)")
            )
            continue
        done[method] = allocation
    progress.report(len(order), len(order))
    return done, failed


def scale(allocation: Allocation, capital: int, shared: int) -> tuple[tuple[Fraction, ...], tuple[int, ...]]:
    """γ × the split of c(N), exact, and in fen adding up to ``shared`` (largest remainder)."""
    if capital == 0:
        exact = tuple(Fraction(0) for _ in allocation.values)
    else:
        gamma = Fraction(shared, capital)
        exact = tuple(v * gamma for v in allocation.values)
    return exact, tuple(largest_remainder(list(exact), shared))


def fix_and_resplit(exact: tuple[Fraction, ...], fixed_index: int, amount: int, shared: int) -> tuple[Fraction, ...]:
    """One party pays ``amount``; the rest of ``shared`` is re-split among the others in proportion to ``exact``."""
    from ...games.bargaining import fix_and_resplit as resplit

    return tuple(resplit(list(exact), fixed_index, amount, shared))


def compute_project(scenario: Scenario, item: ProjectCostSharing, index: int, progress: Progress) -> ItemResult:
    """Every method of the item side by side, the agreed split with its schedule, and the checks."""
    result, _ = compute_project_details(scenario, item, progress)
    return result


def compute_project_details(
    scenario: Scenario, item: ProjectCostSharing, progress: Progress
) -> tuple[ItemResult, ProjectResult]:
    progress.check()
    parties = scenario.item_parties(item)
    names = tuple(party_label(p) for p in parties)
    ids = tuple(p.id for p in parties)
    capital, shared = item.project.capital_fen, item.shared_fen
    precision = display_precision(scenario)
    diagnostics: list[Diagnostic] = []
    empty = ProjectResult({}, {}, None, None)
    if capital == 0:
        diagnostics.append(
            _diag(
                item, "error", "zero-capital", "项目总投资为零，无可分担", "the capital cost is zero", field="project"
            )
        )
        return ItemResult(item.id, item.kind, diagnostics=tuple(diagnostics)), empty
    contributed = sum(c.amount_fen for c in item.contributions)
    if contributed > capital:
        diagnostics.append(
            _diag(
                item,
                "warning",
                "contributions-exceed",
                f"外部出资合计{_money(contributed, precision, 'zh')}，超过项目总投资，各方无需分担",
                f"the contributions add up to {_money(contributed, precision, 'en')}, more than the capital cost; "
                "the parties share nothing",
                field="contributions",
            )
        )
    needs_game = DISPATCH[item.method].game
    game, no_game, problems = build_game(item, names, needs_game)
    diagnostics.extend(problems)
    inputs = Inputs(item, ids, names, factor_values(item, parties), game, no_game, progress)
    done, failed = run_methods(inputs, progress)
    # the unavailable methods: the agreement's own is an error, the others are omitted with a note
    for method, reason in failed.items():
        name = method_name(method, item.basis)
        agreed = method == item.method
        level: Level = "error" if agreed else ("warning" if isinstance(reason, Uncertified) else "info")
        code = "kohlberg" if isinstance(reason, Uncertified) else "method-unavailable"
        tail_zh = "，协议所用方法无法计算" if agreed else "，该列未显示"
        tail_en = "; the agreement's method cannot be computed" if agreed else "; the column is omitted"
        target = (
            Target(item.id, reason.field, reason.party_id)
            if not reason.attribute
            else Target(party_id=reason.party_id, attribute=reason.attribute)
        )
        if reason.attribute and reason.attribute not in FIGURE_FACTORS:
            target = Target(item.id, "parties", reason.party_id)
        diagnostics.append(
            Diagnostic(
                level,
                code,
                Bilingual(f"{name.zh}：{reason.reason.zh}{tail_zh}。", f"{name.en}: {reason.reason.en}{tail_en}."),
                target,
            )
        )
    outcomes: dict[str, MethodOutcome] = {}
    for method, allocation in done.items():
        exact, fen = scale(allocation, capital, shared)
        outcomes[method] = MethodOutcome(method, allocation, exact, fen)
        for level, code, message in allocation.notes:
            diagnostics.append(Diagnostic(level, code, message, Target(item.id, "methods")))
    progress.check()
    tables: list[ResultTable] = []
    analyses = _per_party_benchmarks(game, capital, shared)
    if outcomes:
        tables.append(_methods_table(item, ids, names, outcomes, analyses, precision))
    details = ProjectResult(outcomes, {m: r.reason for m, r in failed.items()}, game.kind if game else None, None)
    if item.method not in outcomes:
        return ItemResult(item.id, item.kind, tuple(tables), tuple(diagnostics)), details
    agreed = outcomes[item.method]
    agreed_exact = agreed.exact
    if item.fixed is not None:
        fixed_index = ids.index(item.fixed.party)
        if item.fixed.amount_fen > shared:
            diagnostics.append(
                _diag(
                    item,
                    "error",
                    "fixed-too-large",
                    f"{names[fixed_index].zh}的固定金额超过待分担金额{_money(shared, precision, 'zh')}",
                    f"{names[fixed_index].en}'s fixed amount exceeds the shared amount "
                    f"{_money(shared, precision, 'en')}",
                    field="fixed",
                    party_id=item.fixed.party,
                )
            )
            return ItemResult(item.id, item.kind, tuple(tables), tuple(diagnostics)), details
        try:
            agreed_exact = fix_and_resplit(agreed_exact, fixed_index, item.fixed.amount_fen, shared)
        except (ImportError, AttributeError):
            diagnostics.append(
                _diag(
                    item,
                    "error",
                    "method-unavailable",
                    "固定金额后重新分摊的求解程序尚未提供。",
                    "Re-splitting after a fixed amount is not available yet.",
                    field="fixed",
                )
            )
            return ItemResult(item.id, item.kind, tuple(tables), tuple(diagnostics)), details
        except ValueError as exc:
            diagnostics.append(
                _diag(item, "error", "fixed-amount", f"无法按固定金额重新分摊：{exc}", str(exc), field="fixed")
            )
            return ItemResult(item.id, item.kind, tuple(tables), tuple(diagnostics)), details
    agreed_fen = tuple(largest_remainder(list(agreed_exact), shared))
    tables.append(_agreed_table(ids, names, agreed_fen, shared))
    if game is not None:
        analysis = _analyse(game, agreed_exact, capital, shared)
        tables.append(_benchmarks_table(ids, names, analyses, agreed_fen))
        tables.append(_savings_table(ids, names, outcomes, analyses, item.basis))
        diagnostics.extend(_agreed_checks(item, ids, names, game, analysis, agreed_exact, capital, shared, precision))
    shares = tuple(v / shared for v in agreed_exact) if shared else tuple(v / capital for v in agreed.allocation.values)
    schedule = build_schedule(
        agreed_fen,
        shares,
        item.project.operating_fen_per_year,
        rate_from_text(item.project.discount_rate),
        item.project.term_years,
        item.project.life_years,
        item.project.start_year,
    )
    tables.append(_schedule_table(ids, names, schedule))
    tables.append(_years_table(ids, names, schedule))
    if game is not None and game.table is not None:
        tables.append(_coalitions_table(item, ids, names, game, agreed_fen, capital, shared, diagnostics))
    details = ProjectResult(details.outcomes, details.unavailable, details.game_kind, schedule)
    return ItemResult(item.id, item.kind, tuple(tables), tuple(diagnostics)), details


# --- benchmarks and checks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Benchmarks:
    """γ·c(i) and γ·m_i per party, exact and in fen (each column rounded to its rounded exact total)."""

    stand_alone: tuple[Fraction, ...]
    marginal: tuple[Fraction, ...]
    stand_alone_fen: tuple[int, ...]
    marginal_fen: tuple[int, ...]


def _per_party_benchmarks(game: ProjectGame | None, capital: int, shared: int) -> Benchmarks | None:
    if game is None:
        return None
    gamma = Fraction(shared, capital)
    sep = game.separable
    alone = tuple(gamma * c for c in sep.stand_alone)
    marginal = tuple(gamma * (sep.grand - w) for w in sep.without_each) if game.n > 1 else (gamma * sep.grand,)
    return Benchmarks(alone, marginal, tuple(split_exact(alone)), tuple(split_exact(marginal)))


def _analyse(game: ProjectGame, agreed_exact: tuple[Fraction, ...], capital: int, shared: int) -> Analysis | None:
    """Core analysis of the agreed split against the game as typed (the split unscaled by 1/γ)."""
    if shared == 0:
        return None
    unscaled = [v * capital / shared for v in agreed_exact]
    if game.table is not None:
        return analyse(game.table, unscaled)
    if game.has_dense:
        return analyse(game.dense(), unscaled)
    return None


def _coalition_names(mask: int, names: tuple[Bilingual, ...]) -> Bilingual:
    members = [names[i] for i in range(len(names)) if mask >> i & 1]
    return Bilingual("、".join(m.zh for m in members), ", ".join(m.en for m in members))


def _agreed_checks(
    item: ProjectCostSharing,
    ids: tuple[str, ...],
    names: tuple[Bilingual, ...],
    game: ProjectGame,
    analysis: Analysis | None,
    agreed_exact: tuple[Fraction, ...],
    capital: int,
    shared: int,
    precision: DisplayPrecision,
) -> list[Diagnostic]:
    """Plain-words checks of the agreement's split against the scaled game γ·c."""
    out: list[Diagnostic] = []
    gamma = Fraction(shared, capital)
    name = method_name(item.method, item.basis)
    method = Bilingual(name.zh[1:] if name.zh.startswith("按") else name.zh, name.en)
    sep = game.separable
    for i, (pid, name) in enumerate(zip(ids, names, strict=True)):
        alone = gamma * sep.stand_alone[i]
        marginal = gamma * (sep.grand - sep.without_each[i]) if game.n > 1 else gamma * sep.grand
        x = agreed_exact[i]
        if x > alone:
            out.append(
                _diag(
                    item,
                    "warning",
                    "above-stand-alone",
                    f"按{method.zh}，{name.zh}需分担{_money(x, precision, 'zh')}，高于其单独建设所需的"
                    f"{_money(alone, precision, 'zh')}。",
                    f"Under “{method.en}”, {name.en} pays {_money(x, precision, 'en')}, more than the "
                    f"{_money(alone, precision, 'en')} it would pay to build alone.",
                    field="method",
                    party_id=pid,
                )
            )
        if x < marginal:
            out.append(
                _diag(
                    item,
                    "warning",
                    "below-marginal",
                    f"按{method.zh}，{name.zh}只分担{_money(x, precision, 'zh')}，低于其加入带来的边际成本"
                    f"{_money(marginal, precision, 'zh')}，其余各方在为其补贴。",
                    f"Under “{method.en}”, {name.en} pays {_money(x, precision, 'en')}, less than the marginal "
                    f"cost of its joining, {_money(marginal, precision, 'en')}: the others subsidise it.",
                    field="method",
                    party_id=pid,
                )
            )
    if analysis is None or game.n == 1:
        return out
    scope_zh = "" if analysis.core_checked == "all" else "（仅核查已录入的联盟及单独、除一方外的联盟）"
    scope_en = (
        ""
        if analysis.core_checked == "all"
        else " (checked against the typed-in coalitions, each party alone and all but one)"
    )
    if analysis.in_core:
        out.append(
            _diag(
                item,
                "info",
                "in-core",
                f"按{method.zh}的分担方案在核心内：任何几方单独合建都不会比现在更省{scope_zh}。",
                f"The “{method.en}” split is in the core: no group of parties would save by building on its own"
                f"{scope_en}.",
                field="method",
            )
        )
    else:
        out.append(
            _diag(
                item,
                "warning",
                "not-in-core",
                f"按{method.zh}的分担方案不在核心内：有几方单独合建比现在更省{scope_zh}。",
                f"The “{method.en}” split is not in the core: some group of parties would save by building on its "
                f"own{scope_en}.",
                field="method",
            )
        )
    worst = analysis.most_overcharged
    if worst is not None and worst.excess < 0:
        group = _coalition_names(worst.mask, names)
        count = worst.mask.bit_count()
        cost = gamma * Fraction(worst.cost)
        charged = gamma * Fraction(worst.charged)
        out.append(
            _diag(
                item,
                "warning",
                "most-overcharged",
                f"{group.zh}{_count_zh(count)}单独合建只需{_money(cost, precision, 'zh')}，按{method.zh}却共需分担"
                f"{_money(charged, precision, 'zh')}。",
                f"{group.en} could build on their own for {_money(cost, precision, 'en')}, but under “{method.en}” "
                f"they pay {_money(charged, precision, 'en')} together.",
                field="method",
            )
        )
    if game.has_dense and game.n <= OVERCHARGED_LIMIT:
        out.extend(_least_core(item, game, gamma, precision))
    return out


def _count_zh(count: int) -> str:
    words = "零一两三四五六七八九十"
    return f"{words[count] if count <= 10 else count}方" if count > 1 else ""


def _least_core(item: ProjectCostSharing, game: ProjectGame, gamma: Fraction, precision: DisplayPrecision):
    epsilon = game.least_core_epsilon
    if epsilon is None:
        try:
            from ...games.nucleolus import least_core

            epsilon = least_core(game.dense()).epsilon
        except (ImportError, ValueError, ArithmeticError):
            return
    epsilon *= gamma
    if epsilon <= 0:
        zh = (
            f"最小核心值ε = {_money(epsilon, precision, 'zh')}：存在一种分担方案，使任何几方单独合建都至少多花"
            f"{_money(-epsilon, precision, 'zh')}。"
        )
        en = (
            f"Least-core ε = {_money(epsilon, precision, 'en')}: some split leaves every group at least "
            f"{_money(-epsilon, precision, 'en')} better off than building on its own."
        )
    else:
        zh = (
            f"最小核心值ε = {_money(epsilon, precision, 'zh')}：核心为空，任何分担方案下都有几方单独合建更省；"
            f"至少需要每个联盟{_money(epsilon, precision, 'zh')}的补贴才能稳定合作。"
        )
        en = (
            f"Least-core ε = {_money(epsilon, precision, 'en')}: the core is empty; under any split some group "
            f"would save by building alone, short of a subsidy of {_money(epsilon, precision, 'en')} per group."
        )
    yield Diagnostic("info", "least-core", Bilingual(zh, en), Target(item.id, "method"))


# --- tables -------------------------------------------------------------------------------------


def _money_column(key: str, label: Bilingual) -> Column:
    return Column(key, label, "money")


def _methods_table(
    item: ProjectCostSharing,
    ids: tuple[str, ...],
    names: tuple[Bilingual, ...],
    outcomes: dict[str, MethodOutcome],
    bench: Benchmarks | None,
    precision: DisplayPrecision,
) -> ResultTable:
    order = [m for m in method_order(item) if m in outcomes]
    columns = tuple(_money_column(m, method_name(m, item.basis)) for m in order)
    rows = tuple(
        Row(pid, name, tuple(outcomes[m].fen[i] for m in order))
        for i, (pid, name) in enumerate(zip(ids, names, strict=True))
    )
    notes: list[CellNote] = []
    if bench is not None:
        for m in order:
            for i, pid in enumerate(ids):
                x = outcomes[m].exact[i]
                alone, marginal = bench.stand_alone[i], bench.marginal[i]
                if x > alone:
                    notes.append(
                        CellNote(
                            pid,
                            m,
                            "warning",
                            Bilingual(
                                f"{names[i].zh}需分担{_money(x, precision, 'zh')}，高于单独建设成本"
                                f"{_money(alone, precision, 'zh')}",
                                f"{names[i].en} pays {_money(x, precision, 'en')}, more than its stand-alone cost "
                                f"{_money(alone, precision, 'en')}",
                            ),
                        )
                    )
                if x < marginal:
                    notes.append(
                        CellNote(
                            pid,
                            m,
                            "warning",
                            Bilingual(
                                f"{names[i].zh}只分担{_money(x, precision, 'zh')}，低于其边际成本"
                                f"{_money(marginal, precision, 'zh')}",
                                f"{names[i].en} pays {_money(x, precision, 'en')}, less than its marginal cost "
                                f"{_money(marginal, precision, 'en')}",
                            ),
                        )
                    )
    return ResultTable(
        METHODS_TABLE,
        Bilingual("各方法分担金额对比", "Amounts by method"),
        columns,
        rows,
        notes=tuple(notes),
        emphasis=item.method,
    )


def _agreed_table(ids, names, fen: tuple[int, ...], shared: int) -> ResultTable:
    return ResultTable(
        AGREED_TABLE,
        Bilingual("协议分担方案", "The agreed split"),
        (
            _money_column(AMOUNT, Bilingual("分担金额", "Amount")),
            Column(SHARE, Bilingual("分担比例", "Share"), "share"),
        ),
        tuple(
            Row(pid, name, (f, Fraction(f, shared) if shared else None))
            for pid, name, f in zip(ids, names, fen, strict=True)
        ),
    )


def _benchmarks_table(ids, names, bench: Benchmarks, agreed_fen: tuple[int, ...]) -> ResultTable:
    return ResultTable(
        BENCHMARKS_TABLE,
        Bilingual("单独建设成本与边际成本", "Stand-alone and marginal costs"),
        (
            _money_column(STAND_ALONE, Bilingual("单独建设成本", "Stand-alone cost")),
            _money_column(MARGINAL, Bilingual("边际成本", "Marginal cost")),
            _money_column(SAVING, Bilingual("较单独建设节省", "Saving against building alone")),
        ),
        tuple(
            Row(pid, name, (a, m, a - x))
            for pid, name, a, m, x in zip(
                ids, names, bench.stand_alone_fen, bench.marginal_fen, agreed_fen, strict=True
            )
        ),
    )


def _savings_table(ids, names, outcomes: dict[str, MethodOutcome], bench: Benchmarks, basis: str) -> ResultTable:
    order = list(outcomes)
    return ResultTable(
        SAVINGS_TABLE,
        Bilingual("各方法下较单独建设的节省", "Savings against building alone, by method"),
        tuple(_money_column(m, method_name(m, basis)) for m in order),
        tuple(
            Row(pid, name, tuple(bench.stand_alone_fen[i] - outcomes[m].fen[i] for m in order))
            for i, (pid, name) in enumerate(zip(ids, names, strict=True))
        ),
    )


def _schedule_table(ids, names, schedule: Schedule) -> ResultTable:
    return ResultTable(
        SCHEDULE_TABLE,
        Bilingual("分年支付与现值", "Payments and present value"),
        (
            _money_column(CAPITAL, Bilingual("资本金分担", "Capital share")),
            _money_column(ANNUAL_CAPITAL, Bilingual("每年还本付息", "Annual capital payment")),
            _money_column(ANNUAL_OPERATING, Bilingual("每年运营费用", "Annual operating cost")),
            _money_column(NPV, Bilingual("支付现值", "Present value of payments")),
        ),
        tuple(
            Row(pid, name, (c, a, o, v))
            for pid, name, c, a, o, v in zip(
                ids,
                names,
                schedule.capital,
                schedule.annual_capital,
                schedule.annual_operating,
                schedule.npv,
                strict=True,
            )
        ),
    )


def _years_table(ids, names, schedule: Schedule) -> ResultTable:
    return ResultTable(
        YEARS_TABLE,
        Bilingual("各年支付", "Payments by year"),
        tuple(_money_column(pid, name) for pid, name in zip(ids, names, strict=True)),
        tuple(Row(str(year), Bilingual(f"{year}年", str(year)), cells) for year, cells in schedule.years()),
        row_totals=True,
    )


def _coalitions_table(
    item: ProjectCostSharing,
    ids: tuple[str, ...],
    names: tuple[Bilingual, ...],
    game: ProjectGame,
    agreed_fen: tuple[int, ...],
    capital: int,
    shared: int,
    diagnostics: list[Diagnostic],
) -> ResultTable:
    """Tabulated coalitions, the completed singletons and N∖i, and (≤ 16 parties) the most overcharged ones.

    Cost and charged amounts are both on the scale of the shared amount: γ·c(S) (rounded half up) and the sum of
    the agreed amounts in fen; excess = cost − charged (negative: the group is overcharged).
    """
    assert game.table is not None
    table = game.table
    n = game.n
    full = (1 << n) - 1
    gamma = Fraction(shared, capital)
    masks: list[int] = list(table.entries)
    masks += [1 << i for i in range(n)] + ([full ^ (1 << i) for i in range(n)] if n > 1 else [])
    if game.has_dense and n <= OVERCHARGED_LIMIT and n > 1:
        dense = game.dense()
        excess = dense.values * float(gamma) - coalition_sums(agreed_fen, n)
        candidates = np.argsort(excess[1:full], kind="stable")[:OVERCHARGED_ROWS] + 1
        masks += [int(m) for m in candidates if excess[m] < 0]
    seen: set[int] = set()
    ordered: list[int] = []
    for mask in masks:
        if mask not in seen and mask != 0:
            seen.add(mask)
            ordered.append(mask)
    ordered = ordered[:COALITION_ROWS]
    rows = []
    notes = []
    completed = []
    for mask in ordered:
        cost, was_completed = table.cost(mask)
        charged = sum(agreed_fen[i] for i in range(n) if mask >> i & 1)
        scaled = round_half_up(gamma * cost)
        key = "+".join(ids[i] for i in range(n) if mask >> i & 1)
        rows.append(Row(key, _coalition_names(mask, names), (scaled, charged, scaled - charged)))
        if was_completed:
            completed.append(mask)
            notes.append(
                CellNote(
                    key,
                    COST,
                    "info",
                    Bilingual("未录入，按最低成本分组补全", "not typed in: completed by the cheapest partition"),
                )
            )
    if completed:
        shown = completed[:10]
        listed_zh = "；".join(_coalition_names(m, names).zh for m in shown)
        listed_en = "; ".join(_coalition_names(m, names).en for m in shown)
        more_zh = f"等{len(completed)}个" if len(completed) > len(shown) else ""
        more_en = f" and {len(completed) - len(shown)} more" if len(completed) > len(shown) else ""
        diagnostics.append(
            _diag(
                item,
                "info",
                "completed-coalitions",
                f"以下联盟的成本未录入，按最低成本分组补全：{listed_zh}{more_zh}。",
                f"These coalitions' costs were not typed in and are completed by the cheapest partition: "
                f"{listed_en}{more_en}.",
                field="coalitions",
            )
        )
    return ResultTable(
        COALITIONS_TABLE,
        Bilingual(
            "联盟成本与分担（按扣除外部出资后的比例折算）", "Coalition costs and charges (scaled by the shared part)"
        ),
        (
            _money_column(COST, Bilingual("单独合建成本", "Cost alone")),
            _money_column(CHARGED, Bilingual("按协议分担合计", "Charged under the agreement")),
            _money_column(EXCESS, Bilingual("余量（负为多收）", "Excess (negative: overcharged)")),
        ),
        tuple(rows),
        notes=tuple(notes),
    )
