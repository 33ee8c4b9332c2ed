"""python -m lstm_viz doctor: each check on this machine, and each one failing as it would on
another machine (the failure faked), with its fix."""

from __future__ import annotations

import json
from importlib import metadata

import pytest
import torch

from lstm_viz import cli, doctor
from lstm_viz.core.kinds import KINDS


def test_the_pins_come_from_the_package_metadata():
    assert doctor.pinned("torch") == "2.13.0"
    assert doctor.pinned("streamlit") == metadata.version("streamlit")
    assert doctor.pinned("no-such-package") is None


def test_this_machine_has_a_cpu_build_at_the_pin():
    found = doctor.torch_build()
    assert torch.version.cuda is None
    assert found.status == "ok" and "a CPU build" in found.what, found
    assert torch.__version__ in found.what


def test_a_cuda_build_gets_the_cpu_index_as_its_fix(monkeypatch):
    monkeypatch.setattr(torch.version, "cuda", "12.8")
    found = doctor.torch_build()
    assert found.status == "warn" and "CUDA 12.8 build" in found.what
    assert found.fix == f"pip install torch==2.13.0 --index-url {doctor.CPU_INDEX}"


def test_threads_says_what_torch_takes_and_what_the_app_takes(monkeypatch):
    found = doctor.threads()
    assert f"torch takes {doctor.TORCH_THREADS} threads" in found.what
    assert "train on 1 thread" in found.what
    monkeypatch.setattr(doctor, "cpu_quota", lambda: 0.25)
    found = doctor.threads()
    assert found.status == "warn" and "0.25 CPUs" in found.what and "25%" in found.fix


def test_streamlit_missing_or_off_its_pin(monkeypatch):
    assert doctor.streamlit_version().status == "ok"
    real = metadata.version

    def missing(name):
        if name == "streamlit":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(metadata, "version", missing)
    found = doctor.streamlit_version()
    assert found.status == "fail" and found.fix == "pip install -r requirements.txt"
    monkeypatch.setattr(metadata, "version", lambda name: "1.40.0")
    found = doctor.streamlit_version()
    assert (found.status == "warn"
            and found.fix == f"pip install streamlit=={doctor.pinned('streamlit')}")


def test_the_worker_starts_and_trains_here():
    found = doctor.worker_check()
    assert found.status == "ok", found
    assert f"trains ({doctor.WORKER_STEPS} steps in" in found.what


def test_a_worker_that_cannot_start_is_a_failure_with_a_fix(monkeypatch):
    def broken(self, config):
        raise OSError("no such interpreter")

    monkeypatch.setattr(doctor.TrainingWorker, "run", broken)
    found = doctor.worker_check()
    assert found.status == "fail" and "no such interpreter" in found.what
    assert "python -m lstm_viz.serving.worker_process" in found.fix


def test_every_kind_has_a_step_time():
    times = doctor.step_times()
    assert set(times) == set(KINDS)
    assert all(ms > 0 for ms in times.values())
    found = doctor.step_finding({kind: 1.0 for kind in KINDS})
    assert found.status == "ok" and all(f"{kind} 1.0" in found.what for kind in KINDS)
    slow = doctor.step_finding({kind: doctor.SLOW_STEP_MS + 1 for kind in KINDS})
    assert slow.status == "warn" and "shorter length" in slow.fix


def test_chromium_missing_is_a_warning_with_a_fix(monkeypatch):
    monkeypatch.setattr(doctor.shutil, "which", lambda name: None)
    monkeypatch.setattr(doctor, "CHROMIUM", "/nonexistent/chromium")
    found = doctor.chromium()
    assert found.status == "warn" and found.what.startswith("chromium missing")
    assert "bash .ci/run" in found.fix


@pytest.mark.parametrize("failing", [False, True])
def test_the_command_prints_every_check_and_fails_only_on_a_failure(monkeypatch, capsys,
                                                                     failing):
    checks = [doctor.Finding("ok", "fine"),
              doctor.Finding("fail" if failing else "warn", "broken", "mend it")]
    monkeypatch.setattr(doctor, "findings", lambda: checks)
    assert cli.main(["doctor"]) == (1 if failing else 0)
    out = capsys.readouterr().out
    assert out.splitlines() == ["ok    fine", f"{checks[1].status:<5} broken", "      fix: mend it"]
    assert cli.main(["doctor", "--json"]) == (1 if failing else 0)
    assert json.loads(capsys.readouterr().out)["checks"][1] == {
        "status": checks[1].status, "what": "broken", "fix": "mend it"}
