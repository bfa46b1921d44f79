"""The fingerprint: one SHA-256 that proves two printouts carry the same numbers.

It hashes a canonical JSON document (sorted keys, no spaces, exact numbers as
normalised decimal text) of every input that can change a number, the computed
amounts in fen, and the Accord version. Names, notes, titles and article wording
do not change a number and are left out on purpose; docs/fingerprint.md lists
exactly what is covered.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from . import __version__
from .engine import ScenarioResult, compute
from .scenario import Scenario

FINGERPRINT_FORMAT = 1


def fingerprint_document(scenario: Scenario, result: ScenarioResult | None = None) -> dict[str, Any]:
    """The canonical data that the fingerprint hashes (useful to explain a mismatch)."""
    result = result if result is not None else compute(scenario)
    items = []
    for item, item_result in zip(scenario.items, result.items, strict=True):
        parties = scenario.item_parties(item)
        inputs: dict[str, Any] = {
            "kind": item.kind,
            "id": item.id,
            "amount_fen": item.amount_fen,
            "basis": item.basis,
            "parties": [p.id for p in parties],
        }
        if item.basis == "weights":
            inputs["weights"] = {pid: item.weights[pid] for pid in inputs["parties"] if pid in item.weights}
        else:
            inputs["figures"] = {
                p.id: (p.figure(item.basis).value if p.figure(item.basis) else None)  # type: ignore[union-attr]
                for p in parties
            }
        items.append(
            {
                "inputs": inputs,
                "ok": item_result.ok,
                "amounts_fen": {a.party_id: a.amount_fen for a in item_result.allocations},
            }
        )
    return {
        "fingerprint_format": FINGERPRINT_FORMAT,
        "accord_version": __version__,
        "display": {"unit": scenario.display.unit, "decimals": scenario.display.decimals},
        "items": items,
    }


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no insignificant white space, UTF-8: one byte string for one value."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(scenario: Scenario, result: ScenarioResult | None = None) -> str:
    """The SHA-256 hex digest of :func:`fingerprint_document`."""
    return hashlib.sha256(canonical_json(fingerprint_document(scenario, result))).hexdigest()


def short_fingerprint(digest: str) -> str:
    """The first 16 hex digits in groups of four, as printed in page footers."""
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))
