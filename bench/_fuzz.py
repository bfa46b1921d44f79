"""The long fuzz run of issue 8: thousands of generated and mutated scenario files through ``chengyu``.

    python -m bench._fuzz --inputs 10000 --jobs 2      (or: bash accord fuzz)

Not a benchmark (the leading underscore keeps ``python -m bench`` from running it). Inputs come from the harness
in ``tests/fuzz/strategies.py``: 60 % mutants of ``examples/*.json``, 20 % generated valid scenarios, 20 %
generated broken ones. Each goes through ``validate``, ``compute --json`` and, when accepted, ``export`` to PDF and
DOCX in Chinese and English, in worker processes, each input under a watchdog (``--timeout`` seconds). Every
broken promise is saved with its input under ``--failures`` for reproduction; the figures for
docs/robustness.md are printed at the end (and written as JSON with ``--summary``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import signal
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 50
SHARES = (("mutant", 6), ("valid", 2), ("broken", 2))


class HangError(Exception):
    """The watchdog fired: one input took longer than the timeout."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise HangError


def _chunk(task: tuple[str, int, int, float, str]) -> dict[str, Any]:
    """Run ``count`` inputs of one kind from ``seed``; return their tallies (runs in a worker process)."""
    kind, count, seed, timeout, failures_dir = task
    sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
    import strategies
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    warnings.simplefilter("ignore")
    signal.signal(signal.SIGALRM, _alarm)
    tally: dict[str, Any] = dict.fromkeys(("inputs", "accepted", "rejected", "hangs", "long", "exports"), 0)
    tally["failures"] = []
    tally["slowest"] = 0.0
    tally["mutators"] = Counter()
    work = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))
    path = work / "scenario.json"

    def one(raw: bytes, label: str) -> None:
        path.write_bytes(raw)
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            outcome = strategies.check_file(path, work)
            problems = outcome.failures
            accepted = outcome.accepted
            tally["long"] += outcome.long_export_refusals
            tally["exports"] += outcome.exports_written
        except HangError:
            problems, accepted = [f"hang: over {timeout:g} s"], False
            tally["hangs"] += 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        tally["slowest"] = max(tally["slowest"], elapsed)
        if elapsed > timeout and not problems:
            problems = [f"hang: {elapsed:.1f} s"]
            tally["hangs"] += 1
        tally["inputs"] += 1
        tally["accepted" if accepted else "rejected"] += 1
        if problems:
            name = f"{kind}-{seed}-{tally['inputs']}"
            Path(failures_dir, f"{name}.json").write_bytes(raw)
            Path(failures_dir, f"{name}.txt").write_text(f"{label}\n" + "\n".join(problems), encoding="utf-8")
            tally["failures"].append(f"{name} ({label}): {problems[0].splitlines()[0][:200]}")

    if kind == "mutant":
        rng = random.Random(seed)
        examples = sorted((ROOT / "examples").glob("*.json"))
        for _ in range(count):
            example = rng.choice(examples)
            label, raw = strategies.mutate_bytes(example.read_bytes(), rng)
            tally["mutators"][label] += 1
            one(raw, f"{label} of {example.name}")
    else:
        strategy = strategies.valid_scenarios() if kind == "valid" else strategies.broken_scenarios()

        @hypothesis_seed(seed)
        @settings(
            max_examples=count,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def draw(data: dict[str, Any]) -> None:
            try:
                raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
            except (UnicodeEncodeError, RecursionError):
                raw = json.dumps(data).encode("ascii")
            one(raw, kind)

        draw()
    tally["mutators"] = dict(tally["mutators"])
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it counts as a hang")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--failures", type=Path, default=Path(tempfile.gettempdir()) / "accord-fuzz-failures")
    parser.add_argument("--summary", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    args.failures.mkdir(parents=True, exist_ok=True)
    total_share = sum(s for _, s in SHARES)
    tasks = []
    for kind, share in SHARES:
        wanted = args.inputs * share // total_share
        for n in range(0, wanted, CHUNK):
            tasks.append(
                (kind, min(CHUNK, wanted - n), args.seed * 100_003 + len(tasks), args.timeout, str(args.failures))
            )
    random.Random(args.seed).shuffle(tasks)  # mix kinds so that progress reflects the whole run
    start = time.perf_counter()
    totals: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {kind: Counter() for kind, _ in SHARES}
    mutators: Counter[str] = Counter()
    failures: list[str] = []
    slowest = 0.0
    with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=4) as pool:
        for task, tally in zip(tasks, pool.imap(_chunk, tasks), strict=True):
            for key in ("inputs", "accepted", "rejected", "exports", "hangs", "long"):
                totals[key] += tally[key]
                by_kind[task[0]][key] += tally[key]
            mutators.update(tally["mutators"])
            failures.extend(tally["failures"])
            slowest = max(slowest, tally["slowest"])
            print(
                f"{time.perf_counter() - start:7.0f} s  {totals['inputs']:6,} inputs  {totals['accepted']:6,} accepted"
                f"  {len(failures)} failures",
                flush=True,
            )
    summary = {
        "command": "python -m bench._fuzz " + " ".join(argv if argv is not None else sys.argv[1:]),
        "seconds": round(time.perf_counter() - start),
        "jobs": args.jobs,
        "timeout": args.timeout,
        "totals": dict(totals),
        "by_kind": {k: dict(v) for k, v in by_kind.items()},
        "mutators": dict(mutators.most_common()),
        "slowest_input_seconds": round(slowest, 2),
        "failures": failures,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.summary:
        args.summary.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
