"""``python -m lstm_viz doctor``: what a user needs to know when the app misbehaves on their
machine, each finding with a one-line fix where one exists.

It looks at the torch build (a CUDA build is several GB that the app's tiny models never use),
the threads torch would take, Streamlit's version against the pin, whether the training worker
starts and trains, one training step of each model kind, and Chromium for the browser tests.
"""

from __future__ import annotations

import os
import shutil
import time
import warnings
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import torch

from lstm_viz.core.config import RunConfig
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.training import LockstepTrainer
from lstm_viz.serving.worker import TrainingWorker

CPU_INDEX = "https://download.pytorch.org/whl/cpu"
CHROMIUM = "/usr/bin/chromium"  # Debian's, which the browser tests drive
WORKER_STEPS = 10
WORKER_SECONDS = 60  # the most the worker may take to train WORKER_STEPS once started
TIMED_STEPS = 10  # training steps timed per kind, after two to warm up
SLOW_STEP_MS = 50  # above this, the default race trains under about 10 steps a second per model
TORCH_THREADS = torch.get_num_threads()  # torch's own choice, read before anything sets it


@dataclass(frozen=True)
class Finding:
    """One check: 'ok', 'warn' (works, but worse than it could) or 'fail' (the app cannot)."""

    status: str
    what: str
    fix: str = ""


def pinned(name: str) -> str | None:
    """The version this package pins ``name`` to (its own metadata), or None."""
    for requirement in metadata.requires("lstm-viz") or ():
        head = requirement.split(";")[0].replace(" ", "")
        if head.lower().startswith(f"{name}=="):
            return head.split("==")[1]
    return None


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def torch_build() -> Finding:
    """CPU or CUDA, the version against the pin, and its size on disk (with NVIDIA's libraries
    for a CUDA build)."""
    home = Path(torch.__file__).parent
    size = folder_mb(home)
    nvidia = home.parent / "nvidia"
    if nvidia.is_dir():
        size += folder_mb(nvidia)
    version, pin = torch.__version__, pinned("torch")
    if torch.version.cuda:
        return Finding("warn", f"torch {version} is a CUDA {torch.version.cuda} build, "
                       f"{size / 1e3:.1f} GB on disk; the app's models are too small to gain "
                       "from a GPU", f"pip install torch=={pin} --index-url {CPU_INDEX}")
    what = f"torch {version}, a CPU build, {size:.0f} MB on disk"
    if pin and version.split("+")[0] != pin:
        return Finding("warn", f"{what}; this package is tested with {pin}",
                       f"pip install torch=={pin} --index-url {CPU_INDEX}")
    return Finding("ok", what)


def cpu_quota() -> float | None:
    """The CPUs a cgroup v2 quota allows this process (None: no quota, or none readable)."""
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        return None


def threads() -> Finding:
    """The threads torch takes by itself, against the CPUs this process may use."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    quota = cpu_quota()
    limit = f", a quota of {quota:g} CPUs" if quota is not None else ""
    what = (f"torch takes {TORCH_THREADS} threads by itself (in a notebook, say); this process "
            f"may use {usable} of {os.cpu_count()} CPUs{limit}. The app's worker and the CLI "
            "train on 1 thread, the fastest for models this small")
    if quota is not None and quota < 1:
        return Finding("warn", what, "this share is under one CPU: expect the race to train "
                       f"about {quota:.0%} as fast as on a full core")
    return Finding("ok", what)


def streamlit_version() -> Finding:
    """Streamlit installed, at the version the pages are written and tested for."""
    pin = pinned("streamlit")
    try:
        version = metadata.version("streamlit")
    except metadata.PackageNotFoundError:
        return Finding("fail", "Streamlit is not installed: the library and the CLI work, the app "
                       "does not", "pip install -r requirements.txt")
    if pin and version != pin:
        return Finding("warn", f"streamlit {version}; the pages are tested with {pin} (a "
                       "pages/ folder or a widget's keywords may behave otherwise)",
                       f"pip install streamlit=={pin}")
    return Finding("ok", f"streamlit {version}, as pinned")


def worker_check() -> Finding:
    """Start a training worker (as the app does on first use), train a few steps, stop it."""
    worker = TrainingWorker()
    began = time.perf_counter()
    try:
        run = worker.run(RunConfig(models=("lstm",), max_steps=WORKER_STEPS))
        started = time.perf_counter() - began
        run.train_to(WORKER_STEPS, wait=False)
        run.await_head(WORKER_STEPS, WORKER_SECONDS)
        trained = time.perf_counter() - began - started
        if run.head < WORKER_STEPS:
            return Finding("fail", f"the training worker started in {started:.1f} s but trained "
                           f"{run.head} of {WORKER_STEPS} steps in {WORKER_SECONDS} s",
                           "python -m lstm_viz.serving.worker_process must run beside the server: "
                           "check that this Python can import lstm_viz")
        return Finding("ok", f"the training worker starts and opens a run ({started:.1f} s) "
                       f"and trains ({WORKER_STEPS} steps in {trained:.1f} s)")
    except Exception as error:  # any reason at all is what the user needs to see
        return Finding("fail", f"the training worker did not start: {error}",
                       "run `python -m lstm_viz.serving.worker_process` to see its own error")
    finally:
        worker.stop()


def step_times() -> dict[str, float]:
    """Milliseconds per training step of each model kind alone, at the app's default settings."""
    times = {}
    with warnings.catch_warnings():  # torch's note that the LSTMP skips oneDNN, once per process
        warnings.filterwarnings("ignore", "LSTM with projections is not supported with oneDNN")
        for kind in KINDS:
            trainer = LockstepTrainer(RunConfig(models=(kind,)))
            trainer.step(2)
            began = time.perf_counter()
            trainer.step(TIMED_STEPS)
            times[kind] = 1e3 * (time.perf_counter() - began) / TIMED_STEPS
    return times


def step_finding(times: dict[str, float]) -> Finding:
    config = RunConfig()
    listed = ", ".join(f"{kind} {ms:.1f}" for kind, ms in times.items())
    what = (f"one training step at the defaults ({config.task}, length {config.seq_len}, "
            f"{config.hidden_size} units, batch {config.batch_size}), ms: {listed}")
    slow = [kind for kind in config.models if times[kind] > SLOW_STEP_MS]
    if slow:
        return Finding("warn", what, f"{', '.join(slow)} over {SLOW_STEP_MS} ms a step: close "
                       "other programs, or race at a shorter length")
    return Finding("ok", what)


def chromium() -> Finding:
    """Debian's Chromium and Playwright, which the browser tests need (the app does not)."""
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    try:
        metadata.version("playwright")
        playwright = True
    except metadata.PackageNotFoundError:
        playwright = False
    if found and playwright:
        return Finding("ok", f"chromium at {found} and playwright, for the browser tests")
    missing = [name for name, there in (("chromium", found), ("playwright", playwright))
               if not there]
    return Finding("warn", f"{' and '.join(missing)} missing: only the browser tests need it",
                   "bash .ci/run installs both (Debian's chromium with apt-get)")


def findings() -> list[Finding]:
    """Every check, in the order the report gives them."""
    torch.set_num_threads(1)  # step times as the app trains
    return [torch_build(), threads(), streamlit_version(), worker_check(),
            step_finding(step_times()), chromium()]


def report(found: list[Finding]) -> str:
    """The findings as lines a terminal shows: status, what, then the fix indented."""
    lines = []
    for finding in found:
        lines.append(f"{finding.status:<5} {finding.what}")
        if finding.fix:
            lines.append(f"      fix: {finding.fix}")
    return "\n".join(lines)


def as_json(found: list[Finding]) -> list[dict]:
    return [asdict(f) for f in found]
