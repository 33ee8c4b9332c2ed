"""Export: the CSVs hold the records a session sees, the weights load into fresh models with
weights_only=True, and the standalone script reproduces the trainer's losses step by step."""

import ast
import importlib.util
import inspect
import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
import torch

from lstm_viz import LockstepTrainer, RunConfig, export
from lstm_viz.core.kinds import MODEL_KINDS
from lstm_viz.core.models import build_model
from lstm_viz.export import standalone
from lstm_viz.export.standalone import TEMPLATES
from lstm_viz.i18n import say
from lstm_viz.serving.worker import TrainingWorker
from lstm_viz.tasks import TASKS, series
from tests.test_pages import open_app

SMALL = RunConfig(seq_len=8, hidden_size=6, batch_size=8, probe_batch_size=4, eval_every=5,
                  models=MODEL_KINDS, max_steps=400)
SCRIPT_STEPS = 5


@pytest.fixture(scope="module")
def trainer():
    """Every model kind trained 12 steps on the order task."""
    trainer = LockstepTrainer(SMALL.replace(task="order"))
    trainer.step(12)
    return trainer


def read(csv: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(csv))


def test_history_csv_holds_the_training_records_up_to_the_step_on_screen(trainer):
    view = trainer.view(9)  # a session behind the run's head
    table = read(export.history_csv(view))
    assert list(table.columns) == ["step", "model", "loss_nats", "accuracy",
                                   "grad_norm_before_clipping"]
    assert table["step"].max() == 9 and len(table) == 9 * len(SMALL.models)
    for kind, rows in table.groupby("model", sort=False):
        records = view.history[kind]
        np.testing.assert_array_equal(rows["step"], records["step"])
        np.testing.assert_array_equal(rows["loss_nats"], records["loss"])
        np.testing.assert_array_equal(rows["accuracy"], records["metric"])
        np.testing.assert_array_equal(rows["grad_norm_before_clipping"], records["grad_norm"])


def test_evals_csv_holds_the_held_out_metric_and_loss(trainer):
    view = trainer.view(10)
    table = read(export.evals_csv(view))
    assert list(table.columns) == ["step", "model", "held_out_accuracy", "held_out_loss_nats"]
    for kind in SMALL.models:
        rows = table[table["model"] == kind]
        assert list(rows["step"]) == [0, 5, 10]
        np.testing.assert_array_equal(rows["held_out_accuracy"], [m for _, m in view.evals[kind]])
        np.testing.assert_array_equal(rows["held_out_loss_nats"],
                                      [loss for _, loss in view.eval_losses[kind]])


def test_probes_csv_holds_every_snapshot_the_session_sees_its_own_included(trainer):
    own = trainer.probe_now()  # as a session's Pause at step 12
    view = trainer.view(12, own_snapshots=(own,))
    table = read(export.probes_csv(view))
    assert sorted(set(table["step"])) == [0, 5, 10, 12]
    rows = table[(table["step"] == 12) & (table["model"] == "lstm")]
    probe = own.probes["lstm"]
    assert list(rows["t"]) == list(range(1, SMALL.seq_len + 1))
    np.testing.assert_array_equal(rows["grad_norm_dL_dh"], probe.grad_h)
    np.testing.assert_array_equal(rows["grad_norm_dL_dc"], probe.grad_c)
    np.testing.assert_array_equal(rows["connectivity_dprediction_dx"], probe.connectivity)
    np.testing.assert_array_equal(rows["factor_one_step_back"], probe.multiplier)
    np.testing.assert_array_equal(rows["factor_product_T_to_t"], probe.multiplier_product)
    assert rows["pascanu_bound"].isna().all() and rows["sigma_max_W_hh"].isna().all()
    rnn = table[(table["step"] == 12) & (table["model"] == "rnn")]
    assert rnn["grad_norm_dL_dc"].isna().all()
    np.testing.assert_array_equal(rnn["pascanu_bound"], own.probes["rnn"].multiplier_bound)
    assert (rnn["sigma_max_W_hh"] == own.probes["rnn"].sigma_max).all()


def test_regression_columns_name_their_units():
    view = LockstepTrainer(SMALL.replace(task="series", models=("rnn",))).view()
    assert read(export.history_csv(view)).columns[2:4].tolist() == ["loss_mse",
                                                                    "rmse_in_typical_changes"]
    assert read(export.evals_csv(view)).columns[2:].tolist() == [
        "held_out_rmse_in_typical_changes", "held_out_loss_mse"]


def load(weights: export.Weights) -> dict:
    """The weights as a user reads the downloaded file."""
    return torch.load(io.BytesIO(weights.data), weights_only=True)


def test_weights_load_with_weights_only_into_fresh_models_with_the_same_outputs(trainer):
    file = trainer.answer(export.weights_at, 12)
    weights = load(file)
    assert file.step == 12
    assert weights["step"] == 12 and weights["config"]["task"] == "order"
    assert "max_steps" not in weights["config"] and weights["diverged"] == {}
    x = trainer.eval_batch.x[:16]
    for kind, model in trainer.models.items():
        fresh = build_model(kind, 6, SMALL.hidden_size, 4, seed=99)  # other initial weights
        assert not torch.equal(fresh(x), model(x))
        fresh.load_state_dict(weights["models"][kind])
        assert torch.equal(fresh(x), model(x))
    assert trainer.answer(export.weights_at, 11) is None  # the run has trained past step 11
    assert trainer.answer(export.weights_at).step == 12


@pytest.fixture(scope="module")
def worker():
    worker = TrainingWorker()
    yield worker
    worker.stop()


def test_a_run_in_the_worker_exports_what_a_run_here_exports(worker):
    config = SMALL.replace(models=("rnn", "lstm-cec", "lstm-cut"))
    remote, local = worker.run(config), LockstepTrainer(config)
    remote.train_to(9)
    local.train_to(9)
    for make in (export.history_csv, export.evals_csv, export.probes_csv):
        assert make(remote.view(7)) == make(local.view(7))
    there, here = remote.answer(export.weights_at, 9), local.answer(export.weights_at, 9)
    assert there.step == 9 and remote.answer(export.weights_at, 4) is None
    for kind in config.models:
        for name, value in load(here)["models"][kind].items():
            assert torch.equal(load(there)["models"][kind][name], value)


SCRIPT_CONFIGS = {
    "latch, adam, clip 1, chrono": RunConfig(seq_len=12, hidden_size=8, batch_size=8,
                                             models=("rnn", "lstm", "gru", "lstmp"), proj_size=5),
    "adding, sgd, clip 0, constant": RunConfig(task="adding", seq_len=10, hidden_size=6,
                                               batch_size=8, optimizer="sgd", lr=0.5, clip=0.0,
                                               memory_init="constant", forget_bias=2.0,
                                               models=("lstm-cec", "lstm-cut", "gru")),
    "order, adam, clip 0, chrono": RunConfig(task="order", seq_len=9, hidden_size=5,
                                             batch_size=6, clip=0.0, lr=0.05, seed=3,
                                             models=("lstm", "lstm-cec", "lstm-cut")),
    "latch, sgd, clip 1, constant": RunConfig(seq_len=6, hidden_size=4, batch_size=4,
                                              optimizer="sgd", lr=2.0, memory_init="constant",
                                              forget_bias=0.0, seed=11,
                                              models=("rnn", "lstm-i1", "lstm-o1", "irnn")),
    "order, sgd, clip 1, chrono": RunConfig(task="order", seq_len=7, hidden_size=5,
                                            batch_size=6, optimizer="sgd", lr=0.3, seed=5,
                                            models=("rnn-orth", "irnn", "lstm-i1", "lstm-o1")),
    "text": RunConfig(task="text", seq_len=30, hidden_size=8, batch_size=4, lr=0.01,
                      models=("lstm", "gru", "lstmp"), proj_size=3),
    "series, horizon 3": RunConfig(task="series", seq_len=20, hidden_size=6, batch_size=8,
                                   optimizer="sgd", lr=0.1, horizon=3, models=("rnn", "lstm")),
}


def printed_losses(output: str) -> list[dict[str, str]]:
    """'step 1: rnn 0.69  lstm 0.70' lines -> [{'rnn': '0.69', 'lstm': '0.70'}, ...]."""
    steps = []
    for n, line in enumerate(output.splitlines(), start=1):
        head, losses = line.split(": ")
        assert head == f"step {n}"
        steps.append(dict(pair.split(" ") for pair in losses.split("  ")))
    return steps


@pytest.mark.parametrize("name", SCRIPT_CONFIGS)
def test_the_script_prints_the_trainers_losses_step_by_step(name, tmp_path):
    config = SCRIPT_CONFIGS[name]
    path = tmp_path / export.file_name(config, "script.py")
    path.write_text(export.script(config), encoding="utf-8")
    run = subprocess.run([sys.executable, str(path), "--steps", str(SCRIPT_STEPS)],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    trainer = LockstepTrainer(config)
    trainer.step(SCRIPT_STEPS)
    printed = printed_losses(run.stdout)
    assert len(printed) == SCRIPT_STEPS
    for kind in config.models:
        ours = np.float32([float(losses[kind]) for losses in printed])
        np.testing.assert_array_equal(ours, np.float32(trainer.history[kind].arrays()["loss"]))


@pytest.mark.parametrize("name", SCRIPT_CONFIGS)
def test_the_script_imports_only_torch_numpy_and_pythons_own_modules(name):
    tree = ast.parse(export.script(SCRIPT_CONFIGS[name]))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)}
    assert imported <= {"argparse", "bisect", "math", "random", "numpy", "torch"}


def test_the_scripts_models_load_the_weights_file(tmp_path):
    config = SCRIPT_CONFIGS["adding, sgd, clip 0, constant"]
    code = export.script(config)
    path = tmp_path / "run.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("exported_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines everything; main() runs only as a script
    trainer = LockstepTrainer(config)
    trainer.step(3)
    weights = load(trainer.answer(export.weights_at, 3))
    x = trainer.eval_batch.x[:8]
    for kind in config.models:
        model = module.build(kind)
        model.load_state_dict(weights["models"][kind])
        assert torch.equal(model(x), trainer.models[kind](x))
    frozen = module.build("lstm-cec").rnn.weight_hh_l0  # the 1997 cell's gradient mask
    frozen.sum().backward()
    assert not frozen.grad[6:12].any() and frozen.grad[:6].all()  # the forget gate's rows


def test_the_script_builds_every_model_kind():
    assert set(MODEL_KINDS) <= {k for config in SCRIPT_CONFIGS.values() for k in config.models}
    export.script(SMALL)  # every kind at once


# Calls that draw random numbers: a task template making any draws its batches by hand
DRAWS = {"rand", "randint", "randn", "randperm", "normal", "multinomial", "standard_normal",
         "Random", "choice", "randrange", "shuffle"}


def calls(tree: ast.AST) -> set[str]:
    """The names of the functions and methods that code calls."""
    return {node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            for node in ast.walk(tree) if isinstance(node, ast.Call)
            and isinstance(node.func, (ast.Attribute, ast.Name))}


@pytest.mark.parametrize("name", TASKS)
def test_the_script_draws_its_batches_with_the_tasks_own_code(name):
    """The task's sampling functions (Task.script_code) are copied into the script as they are
    in the task's module; its template only calls them: it draws nothing and defines none of
    them itself, so the sampling code has one copy."""
    task = TASKS[name]
    configs = [config for config in SCRIPT_CONFIGS.values() if config.task == name]
    assert task.script_code and configs
    code = export.script(configs[0])
    own = standalone.body(f"task_{name}")
    for item in task.script_code:
        assert inspect.getsource(item).rstrip() in code, item.__name__
        assert f"def {item.__name__}(" not in own, item.__name__
    assert not calls(ast.parse(own)) & DRAWS


def test_the_script_is_not_offered_for_an_uploaded_series():
    upload = series.UPLOADS.add(np.exp(np.linspace(0, 1, 400)))
    with pytest.raises(export.NotExportable) as refused:
        export.script(RunConfig(task="series", seq_len=20, series=upload))
    assert "uploaded price series" in say(refused.value)


@pytest.mark.parametrize("name", SCRIPT_CONFIGS)
def test_the_script_is_clean_python(name, tmp_path):
    """Every name it uses is defined (pyflakes' checks, through ruff), and it compiles."""
    path = tmp_path / "run.py"
    path.write_text(export.script(SCRIPT_CONFIGS[name]), encoding="utf-8")
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated",
                           "--select", "F,E9", str(path)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.py")), ids=lambda p: p.stem)
def test_every_template_imports_as_a_module_and_marks_what_it_copies(path):
    module = importlib.import_module(f"lstm_viz.export.templates.{path.stem}")
    if path.stem not in ("__init__", "names"):
        assert standalone.MARK in path.read_text(encoding="utf-8"), path.name
        assert standalone.body(path.stem).strip()
        for part in getattr(module, "BEFORE", ()):
            assert (TEMPLATES / f"{part}.py").exists(), part


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def captions(at) -> str:
    return " ".join(caption.value for caption in at.caption)


def test_the_race_page_offers_the_export_when_paused_and_only_the_script_while_playing():
    # a run no other test trains
    at = open_app({"seq_len": "11", "hidden_size": "7", "seed": "5151"})
    assert not download_labels(at)  # closed: nothing is made
    at.button(key="step").click().run()
    at.session_state["export"] = True  # the user opens "Export this run"
    at.run()
    assert not at.exception, at.exception
    assert download_labels(at) == ["Training records (CSV)", "Held-out evaluations (CSV)",
                                   "Probe traces (CSV)", "Weights (.pt)", "PyTorch script (.py)"]
    assert "The records up to step 10, the step on screen" in captions(at)
    at.button(key="start").click().run()  # playing: the step on screen moves
    assert not at.exception, at.exception
    assert download_labels(at) == ["PyTorch script (.py)"]
    assert "pause it to download them" in captions(at)
    at.button(key="start").click().run()
    cursor = at.session_state["cursor"]
    ahead = cursor.step + 200  # beyond what the live tick asked for (at most 150 ahead)
    cursor.run.train_to(ahead)  # as another session on the link would
    at.run()
    assert not at.exception, at.exception
    assert download_labels(at)[3] == f"Weights of step {ahead} (.pt)"
    assert f"the weights are of step {ahead}, not {cursor.step}" in captions(at)
    at.button(key="export_go_to").click().run()
    assert at.session_state["cursor"].step == ahead
    assert download_labels(at)[3] == "Weights (.pt)"
