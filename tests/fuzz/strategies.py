"""The fuzz harness of scenario files: Hypothesis strategies, a mutation corpus, and the oracle every input must pass.

Used by the fast subset in the test suite (``test_fuzz_fast.py``) and by the long run (``bench/_fuzz.py``).

* :func:`valid_scenarios` draws scenario documents (plain JSON data) that ``validate`` must accept, within every
  documented bound; :func:`broken_scenarios` breaks one of them at a random place with a hostile value.
* :func:`mutate_bytes` turns the bytes of a file into a hostile file: byte flips, truncation, NUL bytes, huge
  numbers, type swaps, duplicate ids and keys, deep nesting, 1–2 MB strings, unknown fields, other encodings.
* :func:`check_file` runs a file through ``chengyu validate``, ``compute --json`` and ``export`` (PDF and DOCX, zh
  and en) in this process, and lists every way the promise broke: an exception, an internal error, a rejection
  that is not one line naming a field, an accepted file that does not compute or export.

**An instrument plugs its item kind in here**, in one place: ``ITEM_STRATEGIES[kind] = function``, where the
function takes the party ids of the scenario and returns a strategy of that kind's item data (JSON, valid). Every
generated scenario then mixes every registered kind, and the broken and mutated files follow by themselves.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import string
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from chengyu_accord.cost_sharing.instruments.project_cost.model import FACTORS, METHODS
from chengyu_accord.cost_sharing.numbers import MAX_AMOUNT_FEN, MAX_PLACES
from chengyu_accord.cost_sharing.scenario import MAX_PARTIES, SCHEMA_VERSION
from chengyu_accord.desktop import cli

# --- text ------------------------------------------------------------------------------------------------------

CJK = "成渝协同重庆四川渝北区沙坪坝广安市高竹新区铁路生态补偿税收分享基金项目人民政府一二三四五六七八九十"
PRINTABLE = CJK + string.ascii_letters + string.digits + " .,;:-()（）《》、，。“”‘’—·%/&<>'\"" + "\u3000"
"""Characters every font of the agreement draws, markup included (it must print literally)."""


def line_text(max_size: int, *, min_size: int = 0, braces: bool = True) -> st.SearchStrategy[str]:
    """One-line text: mostly printable, now and then any character Unicode allows in a one-line field."""
    wide = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\ufffe\uffff{}")
    printable = PRINTABLE + "{}" if braces else PRINTABLE
    common = st.sampled_from(printable)
    alphabet = st.one_of(common, common, common, wide) if max_size > 10 else common
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(lambda t: not re.search("[\ufdd0-\ufdef]", t))


def visible_text(max_size: int, *, required: bool = True) -> st.SearchStrategy[str]:
    """Text that shows something (titles, names); empty too when not ``required``."""
    shown = st.builds(lambda a, b: a + b, st.sampled_from(CJK + string.ascii_letters), line_text(max_size - 1))
    return shown if required else st.one_of(st.just(""), shown)


def multi_line_text(max_size: int, *, braces: bool = True) -> st.SearchStrategy[str]:
    return st.lists(line_text(max(1, max_size // 4), braces=braces), max_size=4).map("\n".join)


def ids(prefix: str) -> st.SearchStrategy[str]:
    return st.text(string.ascii_letters + string.digits + "-_.", min_size=1, max_size=12).map(lambda s: prefix + s)


# --- numbers ---------------------------------------------------------------------------------------------------

amounts = st.one_of(st.integers(0, 10**14), st.sampled_from([0, 1, 99, MAX_AMOUNT_FEN, MAX_AMOUNT_FEN - 1]))


@st.composite
def decimal_text(draw: st.DrawFn, *, allow_zero: bool = True) -> str:
    """An exact decimal within the bounds of figures and weights, written as a file may write it."""
    whole = draw(st.one_of(st.integers(0, 10**6), st.sampled_from([10**15 - 1, 10**15])))
    places = draw(st.integers(0, MAX_PLACES))
    fraction = draw(st.integers(0, 10**places - 1)) if places and whole < 10**15 else 0
    text = f"{whole}.{fraction:0{places}d}" if places else str(whole)
    if not allow_zero and not any(c in "123456789" for c in text):
        text = "1"
    return draw(st.sampled_from([text, text, f"{whole:,}" if not places else text]))


# --- scenarios -------------------------------------------------------------------------------------------------

ATTRIBUTES = ("population", "gdp", "budget_revenue", "area")
TAGS = ("S", "S-2", "D", "U", "A", "user")


def provenance() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"tag": st.sampled_from(TAGS), "source": line_text(2_000), "note": multi_line_text(2_000)}
    )


def figure() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "value": decimal_text(),
            "year": st.one_of(st.none(), st.integers(1000, 9999)),
            "source": line_text(300),
            "tag": st.sampled_from(TAGS),
        }
    )


@st.composite
def party(draw: st.DrawFn, pid: str) -> dict[str, Any]:
    attributes = draw(st.lists(st.sampled_from(ATTRIBUTES), unique=True))
    return {
        "id": pid,
        "name_zh": draw(visible_text(100)),
        "name_en": draw(visible_text(100, required=False)),
        "code": draw(st.one_of(st.none(), st.text(string.digits, max_size=32))),
        "province": draw(st.one_of(st.none(), st.sampled_from(["Chongqing", "Sichuan"]), line_text(64))),
        "figures": {a: draw(figure()) for a in attributes},
    }


@st.composite
def proportional_split(draw: st.DrawFn, party_ids: list[str]) -> dict[str, Any]:
    """A valid proportional split over some or all of ``party_ids``."""
    members = draw(st.one_of(st.just([]), st.lists(st.sampled_from(party_ids), min_size=1, unique=True)))
    basis = draw(st.sampled_from(["population", "gdp", "budget_revenue", "area", "weights"]))
    weighted = members or party_ids
    weights = {pid: draw(decimal_text()) for pid in weighted} if basis == "weights" else {}
    return {
        "kind": "proportional_split",
        "title": draw(visible_text(200, required=False)),
        "notes": draw(multi_line_text(500)),
        "amount_fen": draw(amounts),
        "amount_provenance": draw(st.one_of(st.none(), provenance())),
        "parties": members,
        "basis": basis,
        "weights": weights,
    }


PROJECT_METHODS, PROJECT_FACTORS = METHODS, FACTORS


@st.composite
def project_cost(draw: st.DrawFn, party_ids: list[str]) -> dict[str, Any]:
    """A valid project cost-sharing item over some of ``party_ids``: small games (≤ 6 parties in coalitions,
    ≤ 20 coalitions, ≤ 10 segments), every optional attribute now and then missing."""
    members = draw(st.lists(st.sampled_from(party_ids), min_size=1, unique=True))
    segments = draw(
        st.lists(
            st.fixed_dictionaries(
                {"name_zh": visible_text(40), "name_en": visible_text(40, required=False), "cost_fen": amounts}
            ),
            max_size=10,
        )
    )
    optional = lambda strategy: st.one_of(st.none(), strategy)  # noqa: E731 - a one-line helper
    parties = [
        {
            "party": pid,
            "length_km": draw(optional(decimal_text())),
            "works_fen": draw(optional(amounts)),
            "demand": draw(optional(decimal_text())),
            "reach": draw(st.integers(1, len(segments))) if segments and draw(st.booleans()) else None,
            "users": draw(st.one_of(st.integers(1, 1000), st.just(10**9))),
            "negotiated_fen": draw(optional(amounts)),
            "provenance": draw(optional(provenance())),
        }
        for pid in members
    ]
    coalitions: list[dict[str, Any]] = []
    if len(members) <= 6:
        groups = draw(
            st.lists(
                st.lists(st.sampled_from(members), min_size=1, unique=True).map(frozenset),
                unique=True,
                max_size=20,
            )
        )
        coalitions = [
            {
                "parties": [pid for pid in members if pid in group],
                "cost_fen": draw(amounts),
                "provenance": draw(optional(provenance())),
            }
            for group in groups
        ]
    methods = draw(st.lists(st.sampled_from(PROJECT_METHODS), unique=True, max_size=8))
    contributions = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name_zh": visible_text(60),
                    "name_en": visible_text(60, required=False),
                    "amount_fen": amounts,
                    "provenance": optional(provenance()),
                }
            ),
            max_size=3,
        )
    )
    fixed = draw(optional(st.fixed_dictionaries({"party": st.sampled_from(members), "amount_fen": amounts})))
    return {
        "kind": "project_cost",
        "title": draw(visible_text(200, required=False)),
        "notes": draw(multi_line_text(500)),
        "project": {
            "name_zh": draw(visible_text(100)),
            "name_en": draw(visible_text(100, required=False)),
            "type": draw(st.sampled_from(["rail", "road", "water", "ecological", "public_service"])),
            "capital_fen": draw(amounts),
            "capital_provenance": draw(optional(provenance())),
            "operating_fen_per_year": draw(st.one_of(st.just(0), amounts)),
            "life_years": draw(st.one_of(st.integers(1, 30), st.just(100))),
            "term_years": draw(st.one_of(st.integers(1, 30), st.just(100))),
            "discount_rate": draw(st.sampled_from(["0", "0.04", "0.035", "0.1", "1"])),
            "start_year": draw(st.integers(1900, 2200)),
        },
        "contributions": contributions,
        "parties": parties,
        "basis": draw(st.sampled_from(PROJECT_FACTORS)),
        "weights": draw(st.dictionaries(st.sampled_from(PROJECT_FACTORS), decimal_text(), max_size=3)),
        "coalitions": coalitions,
        "segments": segments,
        "methods": methods,
        "method": draw(st.sampled_from(PROJECT_METHODS)),
        "fixed": fixed,
        "bargaining_power": draw(st.dictionaries(st.sampled_from(members), decimal_text(), max_size=3)),
    }


ECO_CODES = ("CODMn", "NH3-N", "TP", "TN", "COD")


@st.composite
def _percent_shares(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` shares in whole percent that add up to exactly 1."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=count - 1, max_size=count - 1)))
    bounds = [0, *cuts, 100]
    return [str(Decimal(bounds[k + 1] - bounds[k]) / 100) for k in range(count)]


@st.composite
def eco_zone(draw: st.DrawFn) -> dict[str, Any]:
    """A negotiation zone: an optional opportunity cost of either kind, a ceiling from ΔESV or a WTP survey."""
    lands = st.sampled_from(["耕地", "林地", "草地", "水域", "未利用地"])
    opportunity = draw(
        st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "type": st.just("land_use"),
                    "crops": st.lists(
                        st.fixed_dictionaries(
                            {
                                "name_zh": visible_text(20),
                                "area": decimal_text(),
                                "yield_per_area": decimal_text(),
                                "price_yuan": decimal_text(),
                            }
                        ),
                        min_size=1,
                        max_size=3,
                    ),
                    "costs_yuan": st.lists(decimal_text(), max_size=4),
                    "area": decimal_text(),
                    "protected_area": decimal_text(),
                }
            ),
            st.fixed_dictionaries(
                {
                    "type": st.just("income_gap"),
                    **{
                        f"{where}_{what}": decimal_text()
                        for where in ("urban", "rural")
                        for what in ("reference_yuan", "protected_yuan", "population")
                    },
                }
            ),
        )
    )
    if draw(st.booleans()):
        bids = draw(st.lists(decimal_text(), min_size=1, max_size=5))
        ceiling: dict[str, Any] = {
            "type": "wtp",
            "bids_yuan": bids,
            "shares": draw(_percent_shares(len(bids))),
            "population": draw(decimal_text()),
        }
    else:
        ceiling = {
            "type": "esv",
            "grain_price_yuan": draw(decimal_text()),
            "grain_yield": draw(decimal_text()),
            "before": draw(st.dictionaries(lands, decimal_text(), max_size=3)),
            "after": draw(st.dictionaries(lands, decimal_text(), max_size=3)),
        }
        if draw(st.booleans()):
            services = draw(st.lists(visible_text(10), min_size=1, max_size=3, unique=True))
            signed = st.builds(lambda sign, text: sign + text, st.sampled_from(["", "-"]), decimal_text())
            ceiling["table"] = {
                "name": draw(visible_text(30)),
                "services": services,
                "factors": draw(
                    st.dictionaries(lands, st.lists(signed, min_size=len(services), max_size=len(services)), min_size=1)
                ),
            }
    return {
        "protection_cost_fen": draw(amounts),
        "opportunity": opportunity,
        "ceiling": ceiling,
        "proposed_fen": draw(st.one_of(st.none(), amounts)),
        "provenance": draw(st.one_of(st.none(), provenance())),
    }


@st.composite
def eco_compensation(draw: st.DrawFn, party_ids: list[str]) -> dict[str, Any]:
    """A valid basin agreement over 2–6 of ``party_ids``: up to 4 sections, up to 40 samples (some months left
    without data now and then), any of the five rules, sometimes a negotiation zone and a what-if scale."""
    members = draw(st.lists(st.sampled_from(party_ids), min_size=2, max_size=6, unique=True))
    codes = draw(st.lists(st.sampled_from(ECO_CODES), min_size=1, max_size=4, unique=True))
    optional = lambda strategy: st.one_of(st.none(), strategy)  # noqa: E731 - a one-line helper
    sections = []
    for index in range(draw(st.integers(1, 4))):
        downstream = draw(st.sampled_from(members))
        upstream = draw(st.lists(st.sampled_from([m for m in members if m != downstream]), min_size=1, unique=True))
        sections.append(
            {
                "id": f"s{index}",
                "name_zh": draw(visible_text(60)),
                "name_en": draw(visible_text(60, required=False)),
                "upstream": [
                    {
                        "party": pid,
                        "ratio": draw(decimal_text()),
                        "by_indicator": draw(st.dictionaries(st.sampled_from(codes), decimal_text(), max_size=2)),
                    }
                    for pid in upstream[:3]
                ],
                "downstream": downstream,
            }
        )
    indicators = [
        {
            "code": code,
            "name_zh": draw(visible_text(20)),
            "unit": draw(st.sampled_from(["mg/L", "μg/L", "mg/l"])),
            "target": draw(optional(decimal_text())),
            "baseline": draw(optional(decimal_text())),
            "provenance": draw(optional(provenance())),
        }
        for code in codes
    ]
    year = draw(st.integers(1990, 2100))
    first, last = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2)))
    records = [
        {
            "date": f"{year:04d}-{draw(st.integers(first, last)):02d}-{draw(st.integers(1, 28)):02d}",
            "section": draw(st.sampled_from([s["id"] for s in sections])),
            "indicator": draw(st.sampled_from(codes)),
            "value": draw(decimal_text()),
            "flow_m3": draw(optional(decimal_text())),
        }
        for _ in range(draw(st.integers(0, 40)))
    ]
    outsiders = [pid for pid in party_ids if pid not in members]
    weights = st.dictionaries(st.sampled_from(codes), decimal_text(), min_size=1)
    signed_fen = st.integers(-(10**14), 10**14)
    rule = draw(
        st.one_of(
            st.fixed_dictionaries(
                {
                    "type": st.just("p_index"),
                    "k0": decimal_text(),
                    "weights": weights,
                    "amount_fen": amounts,
                    "central_fen": st.one_of(st.just(0), amounts),
                    "central_party": st.one_of(st.none(), st.sampled_from(outsiders)) if outsiders else st.none(),
                    "threshold": decimal_text(),
                    "tiers": st.lists(
                        st.fixed_dictionaries({"upper_bound": decimal_text(), "amount_fen": amounts}), max_size=3
                    ),
                    "provenance": optional(provenance()),
                }
            ),
            st.fixed_dictionaries(
                {
                    "type": st.just("per_tonne"),
                    "standards": st.dictionaries(st.sampled_from(codes), amounts, min_size=1),
                    "tiers": st.dictionaries(
                        st.sampled_from(codes),
                        st.lists(
                            st.fixed_dictionaries({"upper_multiple": decimal_text(), "fen_per_tonne": amounts}),
                            max_size=3,
                        ),
                        max_size=2,
                    ),
                    "provenance": optional(provenance()),
                }
            ),
            st.fixed_dictionaries(
                {
                    "type": st.just("pooled_fund"),
                    "fund_fen": amounts,
                    "contributions": st.dictionaries(st.sampled_from(members), decimal_text(), min_size=1),
                    "allocations": st.dictionaries(st.sampled_from(members), decimal_text(), min_size=1),
                    "failure": st.sampled_from(["all_or_nothing", "months"]),
                    "stakes": st.lists(
                        st.fixed_dictionaries(
                            {
                                "section": st.sampled_from([s["id"] for s in sections]),
                                "cut_from": st.dictionaries(st.sampled_from(members), decimal_text(), min_size=1),
                                "redistribute_to": st.dictionaries(
                                    st.sampled_from(members), decimal_text(), min_size=1
                                ),
                            }
                        ),
                        max_size=2,
                    ),
                }
            ),
            st.fixed_dictionaries(
                {
                    "type": st.just("monthly_status"),
                    "amount_fen": amounts,
                    "on_fail_fen": signed_fen,
                    "on_unchanged_fen": signed_fen,
                }
            ),
            st.fixed_dictionaries(
                {
                    "type": st.just("exceedance"),
                    "tiers": st.lists(
                        st.fixed_dictionaries({"lower_bound": decimal_text(), "amount_fen": amounts}),
                        min_size=1,
                        max_size=5,
                    ),
                    "below_first_fen": amounts,
                }
            ),
        )
    )
    scale = draw(st.sampled_from(["1", "1", "0.5", "1.07", "2", "10", "0.000001"]))
    return {
        "kind": "eco_compensation",
        "title": draw(visible_text(200, required=False)),
        "notes": draw(multi_line_text(500)),
        "parties": members,
        "sections": sections,
        "indicators": indicators,
        "records": records,
        "period": {"first": f"{year:04d}-{first:02d}", "last": f"{year:04d}-{last:02d}"},
        "rule": rule,
        "zone": draw(optional(eco_zone())),
        "quality_scale": scale,
    }


ITEM_STRATEGIES: dict[str, Callable[[list[str]], st.SearchStrategy[dict[str, Any]]]] = {
    "proportional_split": proportional_split,
    "project_cost": project_cost,
    "eco_compensation": eco_compensation,
}
"""Item kind → strategy of valid item data given the scenario's party ids. Each instrument adds its kind here."""
ITEM_MIN_PARTIES = {"eco_compensation": 2}
"""Kinds that need more than one party in the scenario (an upstream and a downstream one)."""


@st.composite
def article_edit(draw: st.DrawFn) -> dict[str, Any]:
    pieces = st.one_of(
        multi_line_text(200, braces=False), st.sampled_from(["{total}", "{{", "}}", "{amount:x}", "{share:p1}"])
    )
    return {
        "text": "".join(draw(st.lists(pieces, max_size=6))),
        "bound_values": draw(st.dictionaries(st.sampled_from(["total", "amount:p1"]), line_text(40), max_size=2)),
        "edited_at": draw(st.one_of(st.none(), st.just("2026-01-01T08:00:00Z"))),
    }


@st.composite
def valid_scenarios(draw: st.DrawFn, max_parties: int = 8) -> dict[str, Any]:
    """Scenario data that ``validate`` must accept, with items of every registered kind."""
    party_ids = draw(st.lists(ids("p"), min_size=1, max_size=min(max_parties, MAX_PARTIES), unique=True))
    items = []
    for index in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(sorted(k for k in ITEM_STRATEGIES if ITEM_MIN_PARTIES.get(k, 1) <= len(party_ids))))
        items.append({"id": f"item-{index}", **draw(ITEM_STRATEGIES[kind](party_ids))})
    representatives = draw(st.dictionaries(st.sampled_from(party_ids), line_text(100), max_size=len(party_ids)))
    keys = st.sampled_from(["general.dispute", "general.entry_into_force", "rail.split", "x"])
    return {
        "schema_version": SCHEMA_VERSION,
        "title": draw(visible_text(200)),
        "title_en": draw(visible_text(200, required=False)),
        "notes": draw(multi_line_text(2_000)),
        "parties": [draw(party(pid)) for pid in party_ids],
        "items": items,
        "display": {
            "unit": draw(st.sampled_from(["yuan", "wan_yuan", "yi_yuan"])),
            "decimals": draw(st.integers(0, 6)),
        },
        "agreement": {
            "draft_label": draw(st.sampled_from(["讨论稿", "征求意见稿", "送审稿", "草案"])),
            "signing_date": draw(st.one_of(st.none(), st.dates().map(str))),
            "signing_place": draw(line_text(200)),
            "representatives": representatives,
            "signatories": draw(st.dictionaries(st.sampled_from(party_ids), visible_text(100), max_size=3)),
            "copies_per_party": draw(st.integers(1, 10)),
            "watermark": draw(st.booleans()),
            "capital_amounts": draw(st.booleans()),
            "article_edits": draw(st.dictionaries(keys, article_edit(), max_size=2)),
        },
    }


# --- breaking a document ---------------------------------------------------------------------------------------


def deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


HOSTILE: tuple[Any, ...] = (
    10**40,
    -1,
    2**63,
    1e308,
    -0.0,
    "1e20000",
    "9e999999",
    "NaN",
    "-Infinity",
    "1\n2",
    "",
    "   ",
    "\x00",
    "渝北\u0001区",
    "\u202e反向",
    "一个 { 括号",
    "{amount:",
    "a b",
    None,
    True,
    [],
    {},
    [1, "x"],
    {"unknown": 1},
    "2026-13-45",
)


def hostile_value(rng: random.Random) -> Any:
    """A value no field should take without a one-line problem, or a huge one."""
    roll = rng.random()
    if roll < 0.05:
        return "长" * rng.randint(1_000_000, 2_000_000) if rng.random() < 0.5 else "x" * rng.randint(2_000, 30_000)
    if roll < 0.08:
        return deep(rng.choice([50, 500, 900]))  # deeper nesting comes from the byte mutations
    return rng.choice(HOSTILE)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (iteratively: documents may be deep)."""
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [(prefix, data)]
    while stack:
        where, node = stack.pop()
        found.append(where)
        if isinstance(node, dict):
            stack.extend(((*where, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*where, i), v) for i, v in enumerate(node))
    return found


def _parent(data: Any, where: tuple[Any, ...]) -> Any:
    for key in where[:-1]:
        data = data[key]
    return data


def break_data(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """``data`` with one thing wrong at a random place: a hostile value, a missing or unknown key, a duplicate, a
    swapped type."""
    data = json.loads(json.dumps(data))
    where = rng.choice([p for p in paths(data) if p])
    parent, key = _parent(data, where), where[-1]
    action = rng.choice(["replace", "replace", "replace", "delete", "unknown", "duplicate", "swap"])
    if action == "replace":
        parent[key] = hostile_value(rng)
    elif action == "delete":
        del parent[key]
    elif action == "unknown" and isinstance(parent, dict):
        parent[f"unknown_{rng.randint(0, 99)}"] = hostile_value(rng)
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[key])))  # a duplicate party, item or id
    else:
        value = parent[key]
        parent[key] = [value] if not isinstance(value, list) else {"0": value}
    return data


def broken_scenarios() -> st.SearchStrategy[dict[str, Any]]:
    """Valid scenarios broken at one random place (see :func:`break_data`)."""
    return st.builds(break_data, valid_scenarios(), st.randoms(use_true_random=False))


# --- the mutation corpus ---------------------------------------------------------------------------------------

ENCODINGS = (
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-8-sig",
    "gb18030",
    "gbk",
    "big5",
    "shift_jis",
    "euc-kr",
    "cp1252",
    "latin-1",
)
_NUMBER = re.compile(rb"(?<![\w.])\d+(?:\.\d+)?")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')


def _flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw))]


def _nul(raw: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(raw))
    return raw[:at] + b"\x00" * rng.randint(1, 3) + raw[at:]


def _huge_number(raw: bytes, rng: random.Random) -> bytes:
    matches = list(_NUMBER.finditer(raw))
    if not matches:
        return raw
    match = rng.choice(matches)
    literal = rng.choice(
        [b"1" + b"0" * rng.choice([18, 19, 40, 400, 5000]), b"1e20000", b"9e99999999", b"-7", b"1.5", b"1e-400"]
    )
    return raw[: match.start()] + literal + raw[match.end() :]


def _replace_string(raw: bytes, rng: random.Random, value: bytes) -> bytes:
    matches = list(_STRING.finditer(raw))
    match = rng.choice(matches)
    return raw[: match.start()] + value + raw[match.end() :]


def _type_swap(raw: bytes, rng: random.Random) -> bytes:
    return _replace_string(raw, rng, rng.choice([b"1", b"null", b"true", b"[]", b"{}", b"1.5", b'["x"]']))


def _huge_string(raw: bytes, rng: random.Random) -> bytes:
    text = rng.choice(["渝", "x", "a\\n", "\\u0001"]) * rng.randint(350_000, 700_000)
    return _replace_string(raw, rng, json.dumps(text, ensure_ascii=False).encode())


def _control(raw: bytes, rng: random.Random) -> bytes:
    match = rng.choice(list(_STRING.finditer(raw)))
    at = rng.randrange(match.start() + 1, match.end())
    return (
        raw[:at] + rng.choice([b"\\u0001", b"\\u0000", b"\\n", b"\\t", b"\\ud800", b"\\ufffe", b"\\u2028"]) + raw[at:]
    )


def _deep(raw: bytes, rng: random.Random) -> bytes:
    levels = rng.choice([100, 1_000, 100_000])
    return _replace_string(raw, rng, b"[" * levels + b"1" + b"]" * levels)


def _unknown_field(raw: bytes, rng: random.Random) -> bytes:
    at = raw.find(b"{", rng.randrange(len(raw)))
    at = raw.find(b"{") if at < 0 else at
    return raw[: at + 1] + b'"unknown_field": 1, ' + raw[at + 1 :]


def _duplicate(raw: bytes, rng: random.Random) -> bytes:
    """A duplicated key, or a duplicated party (its id twice)."""
    data = json.loads(raw)
    if rng.random() < 0.5 and data.get("parties"):
        data["parties"].append(rng.choice(data["parties"]))
        return json.dumps(data, ensure_ascii=False).encode()
    at = raw.find(b'"title": ')
    return raw[:at] + b'"title": "dup", ' + raw[at:]


def _reencode(raw: bytes, rng: random.Random) -> bytes:
    return raw.decode("utf-8").encode(rng.choice(ENCODINGS), errors="replace")


def _semantic(raw: bytes, rng: random.Random) -> bytes:
    return json.dumps(break_data(json.loads(raw), rng), ensure_ascii=rng.random() < 0.5).encode()


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": _flip,
    "truncate": _truncate,
    "nul": _nul,
    "huge-number": _huge_number,
    "type-swap": _type_swap,
    "huge-string": _huge_string,
    "control": _control,
    "deep": _deep,
    "unknown-field": _unknown_field,
    "duplicate": _duplicate,
    "encoding": _reencode,
    "semantic": _semantic,
}


def mutate_bytes(raw: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One or two mutations of a valid file's bytes; returns their names and the result."""
    names = [rng.choice(sorted(MUTATORS)) for _ in range(1 if rng.random() < 0.8 else 2)]
    for name in names:
        # the first mutation may leave nothing the second can work on: then the first stands alone
        with contextlib.suppress(ValueError, IndexError, RecursionError):
            raw = MUTATORS[name](raw, rng)
    return "+".join(names), raw


# --- the oracle ------------------------------------------------------------------------------------------------

EXPORTS = (("draft.pdf", "zh"), ("draft.docx", "zh"), ("draft-en.pdf", "en"), ("draft-en.docx", "en"))
MAX_LINE = 400
"""Longest problem line of ``validate`` (the reader caps its own at 300 characters plus the path)."""


@dataclass
class Outcome:
    """What became of one file: accepted or not, and every broken promise (empty when all held)."""

    accepted: bool = False
    failures: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    exports_written: int = 0
    long_export_refusals: int = 0
    """One-line export refusals over :data:`MAX_LINE` characters (they list every problem; reported, not failed)."""


def run_cli(args: list[str]) -> tuple[int | None, str, str, str | None]:
    """``chengyu ARGS`` in this process: exit code, stdout, stderr, and the traceback of anything that escaped."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(args)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue(), None
    except Exception:
        return None, out.getvalue(), err.getvalue(), traceback.format_exc(limit=-6)
    return code, out.getvalue(), err.getvalue(), None


def _rejection_problems(path: Path, err: str) -> list[str]:
    """Why ``err`` is not a list of one-line problems each naming a field (empty when it is)."""
    lines = err.splitlines()
    if not lines:
        return ["rejected without saying why"]
    wrong = []
    for line in lines:
        rest = line.removeprefix(f"{path}: ")
        named, _, message = rest.partition(": ")
        if rest == line or not named.strip() or not message.strip():
            wrong.append(f"a problem that names no field: {line[:200]!r}")
        elif len(line) > MAX_LINE:
            wrong.append(f"a problem of {len(line):,} characters: {line[:120]!r}")
    if len(lines) > 60:
        wrong.append(f"{len(lines):,} lines of problems")
    return wrong


def check_file(path: Path, workdir: Path, *, export: bool = True) -> Outcome:
    """Run ``path`` through validate, compute --json and (when accepted and ``export``) the four exports."""
    outcome = Outcome()

    def call(name: str, args: list[str]) -> tuple[int | None, str, str]:
        start = time.perf_counter()
        code, out, err, escaped = run_cli(args)
        outcome.seconds[name] = time.perf_counter() - start
        if escaped is not None:
            outcome.failures.append(f"{name}: exception escaped\n{escaped}")
        elif code == cli.EXIT_BUG:
            outcome.failures.append(f"{name}: internal error: {err.strip()[:300]}")
        elif code not in (0, 1):
            outcome.failures.append(f"{name}: exit code {code}")
        return code, out, err

    code, _, err = call("validate", ["validate", str(path)])
    outcome.accepted = code == 0
    if code == 1:
        outcome.failures.extend(f"validate: {p}" for p in _rejection_problems(path, err))
    code, out, err = call("compute", ["compute", str(path), "--json"])
    if outcome.accepted and code in (0, 1):
        try:
            document = json.loads(out)
        except ValueError:
            outcome.failures.append("compute: --json printed no JSON document")
        else:
            if (code == 0) != bool(document.get("ok")):
                outcome.failures.append(f"compute: exit code {code} but ok is {document.get('ok')}")
    elif code == 0:
        outcome.failures.append("compute: accepted a file validate refused")
    if not (outcome.accepted and export):
        return outcome
    for name, lang in EXPORTS:
        target = workdir / name
        target.unlink(missing_ok=True)
        code, _, err = call(f"export {name}", ["export", str(path), "-o", str(target), "--lang", lang])
        lines = err.splitlines()
        written = target.exists() and target.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
        outcome.exports_written += code == 0 and written
        if code == 0 and not written:
            outcome.failures.append(f"export {name}: exit 0 but no {target.suffix} file written")
        elif code == 1 and (len(lines) != 1 or not lines[0].startswith("chengyu export: ")):
            outcome.failures.append(f"export {name}: refusal is not one line: {err[:300]!r}")
        elif code == 1 and len(lines[0]) > MAX_LINE:
            outcome.long_export_refusals += 1
    return outcome
