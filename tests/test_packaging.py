"""The package installs as it says: pyproject.toml and requirements.txt agree, the console
script is the CLI, and every subpackage and data file is shipped."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import lstm_viz
from lstm_viz import cli

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(lines) -> dict[str, str]:
    """'torch==2.13.0' -> {'torch': '==2.13.0'} for every requirement line."""
    found = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if match := re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(.*)", line):
            if not line.startswith("-"):
                found[match.group(1).lower()] = match.group(2).replace(" ", "")
    return found


# What PyTorch's CPU index also serves (the packages Community Cloud's uv could take from it
# alone, and so at any old version it holds): requirements.txt gives each a floor.
TORCH_INDEX_ALSO_SERVES = ("numpy", "pillow", "jinja2", "markupsafe", "networkx", "sympy",
                           "filelock", "fsspec", "typing-extensions", "requests", "certifi")


def test_pyproject_and_requirements_pin_the_same_versions():
    cloud = pins((ROOT / "requirements.txt").read_text().splitlines())
    ours = pins(PROJECT["dependencies"] + PROJECT["optional-dependencies"]["app"])
    assert {name: cloud.get(name) for name in ours} == ours, (cloud, ours)
    assert ours["torch"] == "==2.13.0"  # never a bare torch: that is the CUDA build


def test_requirements_give_a_floor_to_what_the_torch_index_also_serves():
    cloud = pins((ROOT / "requirements.txt").read_text().splitlines())
    for name in TORCH_INDEX_ALSO_SERVES:
        assert cloud.get(name, "").startswith(">="), f"{name} has no floor in requirements.txt"


def test_the_console_script_is_the_cli():
    assert PROJECT["scripts"]["lstm-viz"] == "lstm_viz.cli:main"
    assert callable(cli.main)


def test_every_subpackage_is_a_package_and_the_data_is_declared():
    package = Path(lstm_viz.__file__).parent
    for folder in package.rglob("*"):
        if folder.is_dir() and any(folder.glob("*.py")):
            assert (folder / "__init__.py").exists(), f"{folder} would not be installed"
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = data["package-data"]["lstm_viz"]
    shipped = {p for pattern in patterns for p in package.glob(pattern)}
    assert shipped == set((package / "data").iterdir())
