"""What each page of the app shows, as figures built from a trainer (still no Streamlit).

The pages draw these and nothing else, and the benchmark times them, so a live tick measured
in the benchmark builds exactly what the browser receives.
"""

from __future__ import annotations

import plotly.graph_objects as go

from . import figures, texts
from .models import MODEL_LABELS, kind_of
from .probes import AGGREGATION, GEOMETRIC
from .tasks import make_task
from .training import RunView, Snapshot

TOP_UNITS = 6


def chance_label(task) -> str:
    """'chance (0.50)' for accuracy, the always-answer-1 baseline for the adding task."""
    if task.higher_is_better:
        return f"chance ({task.chance:.2f})"
    return f"baseline: always answer 1 ({task.chance:.3f})"


def race(run: RunView) -> dict:
    """The race page: the held-out metric of every model with the chance line, and the
    training loss (the gradient norm where the loss is the metric itself)."""
    task = run.task
    left = "grad_norm" if task.loss_is_metric else "loss"
    min_steps = min(100, run.config.max_steps)
    return {
        "race_metric": figures.metric_curves(
            run.history, run.evals, run.diverged, task.metric_name, task.chance,
            chance_label(task), f"Held-out {task.metric_name}, lag {task.seq_len}",
            len(run.eval_batch.y), metric_log=not task.higher_is_better, min_steps=min_steps),
        "race_loss": figures.training_signal(
            run.history, run.diverged, left, figures.TRAINING_PANELS[left][0], min_steps),
        **race_glimpses(run),
    }


def race_glimpses(run: RunView) -> dict:
    """Small live panels beside the race (latest probe): the LSTM's forget gate on the probe
    sequence, and the share of the error signal that reaches step 1 in each model."""
    snapshot = run.snapshots[-1]
    n = len(run.probe_batch.y)
    figs = {}
    if "lstm" in snapshot.probes:
        figs["race_forget"] = figures.forget_gate_strip(
            snapshot.probes["lstm"].states["f"], run.probe_batch.key_steps[0].tolist(),
            f"LSTM forget gate on probe sequence 1 (step {snapshot.step})")
    if snapshot.probes:
        figs["race_reach"] = figures.gradient_reach(
            snapshot.probes, f"Error signal reaching step 1 (step {snapshot.step})<br><sub>ratio of "
            f"the means over {n} probe sequences</sub>")
    return figs


def inside(run: RunView, snapshot: Snapshot) -> dict:
    """Inside the LSTM: gate heatmaps (LSTM, GRU) and state trajectories of one snapshot."""
    key_steps = run.probe_batch.key_steps[0].tolist()
    figs = {
        f"gates_{kind}": figures.gate_heatmaps(
            snapshot.probes[kind].states, kind, key_steps,
            f"{MODEL_LABELS[kind]} gates on the probe sequence (training step {snapshot.step})")
        for kind in snapshot.probes if kind_of(kind).gate_names
    }
    if snapshot.probes:
        figs["states"] = figures.state_trajectories(
            snapshot.probes, key_steps, TOP_UNITS,
            f"States over time: {texts.units_phrase(TOP_UNITS, run.config.hidden_size)} the "
            f"prediction leans on most (training step {snapshot.step})")
    return figs


def gradients(run: RunView) -> dict:
    """Gradient flow: norms at init and now, their history, multipliers, connectivity, sigma.

    The probe charts combine the probe sequences (each with its own loss) and say how; the
    key steps of all of them are marked.
    """
    first, latest = run.snapshots[0], run.snapshots[-1]
    key_steps = run.probe_batch.key_steps.flatten().tolist()
    n = len(run.probe_batch.y)
    mean, geometric = AGGREGATION.format(n=n), GEOMETRIC.format(n=n)
    figs = {
        "grad_norms": figures.gradient_norms(
            first.probes, latest.probes, latest.step, key_steps, run.diverged,
            "How much error signal reaches step t", mean),
        "grad_heatmap": figures.gradient_heatmap(
            run.snapshots, list(run.models),
            f"‖∂L/∂h_t‖ as training goes on (log10, {mean})"),
    }
    if latest.probes:
        figs["multipliers"] = figures.multiplier_figure(
            latest.probes, latest.step, "Per-step gradient multiplier and its product",
            geometric + " (and units)")
        figs["connectivity"] = figures.connectivity_figure(
            latest.probes, key_steps,
            f"Which inputs the prediction uses: ‖∂prediction/∂x_t‖ (step {latest.step})", mean)
    ungated = [k for k in run.models if kind_of(k).memory_gate is None]
    rows = [(s.step, s.probes[k].sigma_max) for k in ungated[:1] for s in run.snapshots
            if k in s.probes]
    if rows:
        figs["sigma"] = figures.sigma_figure(
            [r[0] for r in rows], [r[1] for r in rows],
            "RNN: largest singular value of W_hh during training")
    return figs


def horizon(job, config) -> go.Figure:
    """The memory-horizon chart of a sweep's finished runs."""
    task = make_task(config.task, max(job.lengths))
    return figures.horizon_figure(
        job.results(), task.metric_name, task.chance, chance_label(task), task.solved_threshold,
        f"How far back can each model remember? {task.title}, your settings")


def horizon_reference(reference: dict) -> go.Figure:
    """The memory-horizon chart of the shipped reference sweep."""
    task = make_task(reference["task"], max(max(rows) for rows in reference["results"].values()))
    seeds = len(reference["seeds"])
    return figures.horizon_figure(
        reference["results"], task.metric_name, task.chance, chance_label(task),
        task.solved_threshold,
        f"How far back can each model remember? {task.title}, default settings, {seeds} seeds")
