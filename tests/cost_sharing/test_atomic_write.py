"""Saves and exports (``atomic_write_bytes``): permissions, symlinks, short temp names, killed saves cleaned up."""

import os
import random
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from chengyu_accord.cost_sharing import storage
from chengyu_accord.cost_sharing.scenario import Figure, Party, Scenario
from chengyu_accord.cost_sharing.storage import (
    atomic_write_bytes,
    read_scenario,
    remove_leftovers,
    save_scenario,
    scenario_to_bytes,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="modes, symlinks and SIGKILL are POSIX")


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "shared.json"
    target.write_bytes(b"old")
    target.chmod(0o664)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_bytes() == b"new"


@posix_only
def test_a_new_file_follows_the_umask_not_0600(tmp_path):
    old = os.umask(0o002)
    try:
        atomic_write_bytes(tmp_path / "new.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o664


@posix_only
def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(small_scenario, tmp_path):
    real = tmp_path / "real" / "scenario.json"
    real.parent.mkdir()
    real.write_bytes(b"stale")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    save_scenario(small_scenario, link)
    assert link.is_symlink()
    assert real.read_bytes() == scenario_to_bytes(small_scenario)
    assert read_scenario(link) == small_scenario
    assert temp_files(tmp_path) == temp_files(real.parent) == []


def test_any_name_the_system_accepts_can_be_saved(tmp_path):
    name = "协" * 80 + ".pdf"  # 244 bytes in UTF-8; the old '.NAME.XXXXXXXX.tmp' temp name went past 255
    assert len(name.encode("utf-8")) == 244
    atomic_write_bytes(tmp_path / name, b"%PDF")
    assert (tmp_path / name).read_bytes() == b"%PDF"
    assert os.listdir(tmp_path) == [name]


def test_temp_files_have_short_names_of_their_own(tmp_path, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(storage, "_checkpoint", lambda stage: seen.extend(temp_files(tmp_path)))
    atomic_write_bytes(tmp_path / ("很长的名字" * 10 + ".json"), b"{}")
    assert seen
    assert all(storage._TEMP_NAME.fullmatch(n) and len(n) == 20 for n in seen), seen


def test_leftovers_of_killed_saves_are_removed_at_the_next_save_and_nothing_else(tmp_path):
    leftovers = [".accord-0123abcd.tmp", ".accord-ffffffff.tmp", ".scenario.json.a1b2_c3d.tmp"]
    others = [".accord-0123abcd.tmp.bak", "accord-0123abcd.tmp", ".accord-XYZ.tmp", ".other.json.a1b2c3d4.tmp", "x.tmp"]
    for name in leftovers + others:
        (tmp_path / name).write_bytes(b"half a save")
    atomic_write_bytes(tmp_path / "scenario.json", b"{}")
    assert sorted(os.listdir(tmp_path)) == sorted([*others, "scenario.json"])


@posix_only
def test_a_temp_file_whose_save_is_still_running_is_not_removed(tmp_path):
    fd, temp = storage._create_temp(tmp_path)
    try:
        assert remove_leftovers(tmp_path) == []
        assert temp.exists()
    finally:
        os.close(fd)
    assert remove_leftovers(tmp_path) == [temp]


# --- killed saves ---------------------------------------------------------------------------------

ZYGOTE = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    from chengyu_accord.cost_sharing.storage import atomic_write_bytes

    target = Path(sys.argv[1])
    versions = [Path(p).read_bytes() for p in sys.argv[2:]]
    for line in sys.stdin:  # one trial per line: the delay before the kill, in seconds
        pid = os.fork()
        if pid == 0:
            n = 0
            while True:
                atomic_write_bytes(target, versions[n % 2])
                n += 1
        time.sleep(float(line))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print("killed", flush=True)
    """
)


def big_scenario(small_scenario: Scenario, label: str) -> Scenario:
    """A valid scenario of some 1.6 MB: 60 parties whose four figures cite 1,980-character sources."""
    source = label * 660
    figure = Figure(value="1", year=2020, source=source)
    figures = dict.fromkeys(("population", "gdp", "budget_revenue", "area"), figure)
    parties = tuple(Party(id=f"p{i}", name_zh=f"{label}{i}", figures=figures) for i in range(60))
    item = small_scenario.items[0].model_copy(update={"notes": label * 6_000})
    return small_scenario.model_copy(update={"notes": label * 6_000, "parties": parties, "items": (item,)})


@posix_only
def test_saves_killed_at_random_moments_leave_the_old_or_the_new_file_and_no_litter(small_scenario, tmp_path):
    """100 saves of a ~1.6 MB scenario, each SIGKILLed at a random moment (fork from one warm process: fast)."""
    versions = []
    for n, label in enumerate(("旧版本", "新版本")):
        source = tmp_path / f"v{n}.json"
        save_scenario(big_scenario(small_scenario, label), source)
        versions.append(source.read_bytes())
    assert len(versions[0]) > 1_500_000
    work = tmp_path / "work"
    work.mkdir()
    target = work / "scenario.json"
    target.write_bytes(versions[0])
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(target), *(str(tmp_path / f"v{n}.json") for n in range(2))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    rng = random.Random(8)
    litter = 0
    try:
        for trial in range(100):
            zygote.stdin.write(f"{rng.uniform(0, 0.04):.4f}\n")
            zygote.stdin.flush()
            assert zygote.stdout.readline() == "killed\n", f"trial {trial}: the saving process died by itself"
            assert target.read_bytes() in versions, f"trial {trial}: the file is neither the old nor the new one"
            litter += bool(temp_files(work))
            atomic_write_bytes(target, versions[trial % 2])  # the next save to the folder cleans up
            assert temp_files(work) == [], f"trial {trial}: a temporary file was left after the next save"
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
    assert litter, "no kill landed during a write: the trial never tested a leftover"
    assert read_scenario(target).notes in ("旧版本" * 6_000, "新版本" * 6_000)
