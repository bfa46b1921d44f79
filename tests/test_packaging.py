"""The distribution ships every package folder under its own namespace, so a non-editable install is complete."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_declared_under_the_namespace():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapping = setuptools["package-dir"]
    declared = set(setuptools["packages"])
    found = set()
    for package, folder in mapping.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder)
            found.add(".".join((package, *relative.parts)))
    assert found == declared
    assert all(name.startswith("chengyu_accord.") for name in declared)
    assert set(mapping.values()) == {"cost_sharing", "desktop", "widgets", "data", "resources"}
