"""Resolve requirements.txt against PyPI alone, as Community Cloud would with PyTorch's index
line removed: uv for Linux x86_64 at every Python that Cloud offers, pip at this machine's
Python. Fails if a requirement cannot be met (a floor that drifted above what its dependents
allow, a pin that vanished), and prints the versions the packages PyTorch's CPU index also
serves resolve to. ``python .ci/resolve.py [--json FILE]``.

Why floors: requirements.txt. PyTorch's own index is out of reach from the machines this runs
on, so the resolve is against PyPI alone; a floor holds whichever index a package comes from.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPI = "https://pypi.org/simple"
CLOUD_PYTHONS = ("3.11", "3.12", "3.13", "3.14")  # Cloud: the Pythons still given security fixes
PLATFORM = "x86_64-manylinux_2_28"  # Cloud runs Debian on x86_64
SHOWN = ("torch", "numpy", "pillow", "jinja2", "markupsafe", "requests", "certifi")


def requirements() -> list[str]:
    """requirements.txt's requirement lines, without comments and index options."""
    lines = (line.split("#")[0].strip() for line in (ROOT / "requirements.txt").open())
    return [line for line in lines if line and not line.startswith("-")]


def uv_resolve(path: Path, python: str) -> dict[str, str]:
    """{name: version} as uv resolves the file for Linux at that Python, from PyPI alone."""
    out = subprocess.run(
        [sys.executable, "-m", "uv", "pip", "compile", str(path), "--no-config", "--quiet",
         "--index-url", PYPI, "--python-version", python, "--python-platform", PLATFORM,
         "--no-header", "--no-annotate"], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"uv cannot resolve requirements.txt for Python {python}:\n{out.stderr}")
    pins = (line.split("==") for line in out.stdout.split() if "==" in line)
    return {canonicalize_name(name): version for name, version in pins}


def pip_resolve(path: Path) -> dict[str, str]:
    """{name: version} as pip resolves the file at this Python, from PyPI alone (--isolated:
    no config file, no local index)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        out = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--quiet",
             "--ignore-installed", "--index-url", PYPI, "--report", str(report),
             "-r", str(path)], capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"pip cannot resolve requirements.txt:\n{out.stderr}")
        installs = json.loads(report.read_text())["install"]
    return {canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"] for i in installs}


def unmet(wanted: list[str], resolved: dict[str, str], python: str) -> list[str]:
    """The requirements a resolution does not satisfy (a resolver's bug, or a stale report)."""
    problems = []
    for line in wanted:
        req = Requirement(line)
        if req.marker and not req.marker.evaluate({"python_version": python}):
            continue
        version = resolved.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            problems.append(f"{line}: resolved {version}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the resolutions here")
    args = parser.parse_args()
    wanted = requirements()
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "requirements.txt"
        path.write_text("\n".join(wanted) + "\n")
        # Side by side: each resolve mostly waits on PyPI (about 45 s one after another, 25 s
        # together, most of it pip's).
        with ThreadPoolExecutor(len(CLOUD_PYTHONS) + 1) as pool:
            pip = pool.submit(pip_resolve, path)
            uv = {python: pool.submit(uv_resolve, path, python) for python in CLOUD_PYTHONS}
            runs = {f"uv {python}": (python, job.result()) for python, job in uv.items()}
            runs[f"pip {here}"] = (here, pip.result())
    problems = [f"{name}: {p}" for name, (python, found) in runs.items()
                for p in unmet(wanted, found, python)]
    print("| package | " + " | ".join(runs) + " |")
    print("| --- " * (len(runs) + 1) + "|")
    for package in SHOWN:
        print(f"| {package} | " + " | ".join(found.get(package, "-")
                                              for _, found in runs.values()) + " |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({name: found for name, (_, found) in runs.items()},
                                        indent=1))
    if problems:
        raise SystemExit("requirements not met:\n" + "\n".join(problems))
    print(f"requirements.txt resolves from PyPI alone under uv ({', '.join(CLOUD_PYTHONS)}) "
          f"and pip ({here}), every floor and pin met")


if __name__ == "__main__":
    main()
