"""What each page of the app shows, as figures built from a trainer (still no Streamlit).

The pages draw these and nothing else, and the benchmark times them, so a live tick measured
in the benchmark builds exactly what the browser receives.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from lstm_viz.core.kinds import KINDS, kind_of
from lstm_viz.core.probes import flip_pair
from lstm_viz.core.training import RunView, Snapshot
from lstm_viz.i18n import t
from lstm_viz.present import figures, texts
from lstm_viz.present.labels import gate_titles, headline, kind_label
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import target_text
from lstm_viz.tasks import make_task, text

TOP_UNITS = 6


def race(view: RunView) -> dict:
    """The race page: the held-out metric of every model with the chance line, the training
    loss (the held-out loss in bits per character, with its baselines, where the task has them)
    and the gradient norm before clipping with the clipping threshold (in the loss's place where
    the loss is the metric itself)."""
    task, said = view.task, words(view.task)
    # the step axis: the first 100 steps while the race is young, the run itself once it ended
    min_steps = max(1, view.steps) if view.done else min(100, view.config.max_steps)
    figs = {"race_metric": figures.metric_curves(
        view.history, view.evals, view.diverged, said.metric_label, said.metric_references(),
        t("panels.race_metric", metric=said.metric_label, length=said.length_label,
          T=task.seq_len), len(view.eval_batch.y), metric_axis=said.metric_axis,
        min_steps=min_steps)}
    clip = view.config.clip
    grad = figures.clipped_gradients(
        view.history, view.diverged, clip,
        t("panels.race_grad", clip=f"{clip:g}") if clip > 0 else t("panels.race_grad_unclipped"),
        min_steps)
    if task.loss_is_metric:  # the loss is the metric itself (adding): the gradient beside it
        figs["race_loss"] = grad
        return figs
    figs["race_grad"] = grad
    if task.loss_references():
        baselines = {"unigram": t("panels.unigram"), "bigram": t("panels.bigram")}
        figs["race_loss"] = figures.held_out_loss(
            view.eval_losses, view.diverged,
            {baselines.get(name, name): value for name, value in task.loss_references().items()},
            1 / math.log(2), t("panels.bits"),
            t("panels.race_bits", n=len(view.eval_batch.y)), min_steps)
    else:
        figs["race_loss"] = figures.training_loss(view.history, view.diverged, min_steps)
    return figs


def race_glimpses(view: RunView) -> dict:
    """Small live panels beside the race (latest probe): the LSTM's forget gate on the probe
    sequence, and the share of the error signal that reaches step 1 in each model. They change
    only with a new snapshot."""
    snapshot = view.snapshots[-1]
    n = len(view.probe_batch.y)
    figs = {}
    lead = headline(snapshot.probes)
    if lead is not None:
        figs["race_forget"] = figures.forget_gate_strip(
            snapshot.probes[lead].states[KINDS[lead].memory_gate][0].astype(float),
            view.probe_batch.key_steps[0].tolist(),
            t("panels.race_forget", step=snapshot.step))
    if snapshot.probes:
        figs["race_reach"] = figures.gradient_reach(
            snapshot.probes, t("panels.race_reach", step=snapshot.step, n=n))
    return figs


def error_signal(view: RunView) -> dict:
    """The error signal against the time step at the latest probe, for the story: every
    model's ||dL/dh_t|| and, where it has one, ||dL/dc_t|| along its cell state, on a log axis
    (the Gradient flow page's chart for this run). The RNN's falls through orders of magnitude
    on its way back (Hochreiter 1991); the LSTM's cell-state line stays near flat where its
    forget gates are near 1 (Hochreiter & Schmidhuber 1997)."""
    latest = view.snapshots[-1]
    if not latest.probes:  # every model diverged
        return {}
    return {"error_signal": figures.gradient_norms(
        latest.probes, view.probe_batch.key_steps.flatten().tolist(), view.diverged,
        t("panels.error_signal", step=latest.step), t("panels.mean", n=len(view.probe_batch.y)))}


def error_signal_note(view: RunView) -> str:
    """What the error-signal chart shows, from its own values: how much of each line's signal
    at the last step reaches step 1."""
    latest = view.snapshots[-1]
    parts = [t("panels.signal_part", line=f"{kind_label(k)} ‖∂L/∂{name}_t‖",
               share=figures.reach_share(_share(grad)))
             for k, p in latest.probes.items()
             for name, grad in (("h", p.grad_h), ("c", p.grad_c)) if grad is not None]
    return t("panels.signal_note", step=latest.step, parts="; ".join(parts)) if parts else ""


def _share(grad) -> float:
    """||dL/d·_1|| / ||dL/d·_T|| of one line (nan where nothing arrives at the last step)."""
    return float(grad[0] / grad[-1]) if grad[-1] > 0 else float("nan")


def inside(view: RunView, snapshot: Snapshot) -> dict:
    """Inside the LSTM at one snapshot: one heatmap per gate of each gated model on probe
    sequence 1, and each model's memory state on two probe sequences with different answers."""
    task, batch = view.task, view.probe_batch
    figs = {}
    for kind, probe in snapshot.probes.items():
        spec = kind_of(kind)
        titles = gate_titles(kind)
        for gate in spec.gate_names:
            figs[f"gate_{kind}_{gate}"] = figures.gate_heatmap(
                probe.states[gate][0].astype(float), titles[gate],
                gate in spec.tanh_gates, batch.key_steps[0].tolist(),
                t("panels.gate", model=kind_label(kind), gate=titles[gate], step=snapshot.step),
                task.step_labels(batch.x[0]))
    units = texts.units_phrase(TOP_UNITS, view.config.hidden_size)
    for kind, probe in snapshot.probes.items():
        names = tuple(t("panels.answer", answer=target_text(task, task.last(batch.y)[i]))
                      for i in probe.sequences)
        key_steps = batch.key_steps[list(probe.sequences)].flatten().tolist()
        figs[f"state_{kind}"] = figures.state_trajectory(
            probe, kind, key_steps, TOP_UNITS, names=names,
            title=t("panels.state", model=kind_label(kind), units=units, step=snapshot.step,
                    state=figures.state_title(kind_of(kind).memory_state)))
    if any(p.memory is not None for p in snapshot.probes.values()):
        figs["memory_trace"] = memory_trace(snapshot)
    figs.update(saturation(view, snapshot))
    return figs


def memory_trace(snapshot: Snapshot, height: int = 420) -> go.Figure:
    """The memory trace at one snapshot (Inside the LSTM; a smaller copy in the story)."""
    return figures.memory_trace(
        snapshot.probes, t("panels.memory_trace", step=snapshot.step,
                           styles=_line_styles(snapshot)), height)


def _line_styles(snapshot: Snapshot) -> str:
    """'; solid h_t, dotted c_t' where a model has states besides h (as memory_trace draws
    them), else ''."""
    names = max((kind_of(k).state_names for k in snapshot.probes), key=len, default=("h",))
    words = (t("panels.solid"), t("panels.dotted"), t("panels.dashed"))
    styles = ", ".join(f"{style} {name}_t" for name, style in zip(names, words))
    return f"; {styles}" if len(names) > 1 else ""


def saturation(view: RunView, snapshot: Snapshot) -> dict:
    """One saturation plot per sigmoid gate (Karpathy et al. 2015), the models that have it
    together, at one snapshot."""
    gates = {}
    for kind, probe in snapshot.probes.items():
        for gate in probe.saturation:
            gates.setdefault(gate, gate_titles(kind)[gate].capitalize())
    n, steps = view.probe_batch.x.shape[:2]
    return {f"saturation_{gate}": figures.gate_saturation(
        snapshot.probes, gate, t("panels.saturation", gate=title, step=snapshot.step, n=n,
                                 steps=steps))
        for gate, title in gates.items()}


def memory_note(view: RunView, snapshot: Snapshot) -> str:
    """What the memory trace shows at this snapshot, in one line, from the probes themselves:
    the flip, how each model ends on A and on B, and where a model lost the difference."""
    task = view.task
    a, b = flip_pair(task, view.probe_batch)
    if b is None:
        return t("panels.no_flip", task=task.name)
    memories = {kind: p.memory for kind, p in snapshot.probes.items()}
    if not memories:
        return t("panels.no_probe")
    rights = " / ".join(target_text(task, y) for y in next(iter(memories.values())).targets)
    measure = t("panels.probability") if task.class_names else t("panels.prediction")
    digits = 2 if task.class_names else 3  # a regression's as its right answers
    ends = "; ".join(f"{kind_label(k)} {m.answers[0]:.{digits}f} / {m.answers[1]:.{digits}f}"
                     for k, m in memories.items())
    lost = [t("panels.lost_from", model=kind_label(k), t=m.lost_at + 1)
            for k, m in memories.items() if m.lost_at is not None]
    note = t("panels.memory_note", flip=words(task).flip_words(a, b, 0), rights=rights,
             measure=measure, ends=ends)
    return note + (t("panels.memory_lost", models=", ".join(lost)) if lost else "")


def gradients(view: RunView) -> dict:
    """Gradient flow: norms at init and now (one log scale), their history per model,
    multipliers and their product, connectivity, sigma.

    The probe charts combine the probe sequences (each with its own loss) and say how; the
    key steps of all of them are marked.
    """
    first, latest = view.snapshots[0], view.snapshots[-1]
    key_steps = view.probe_batch.key_steps.flatten().tolist()
    n = len(view.probe_batch.y)
    mean = t("panels.mean", n=n)
    norms = [a for s in (first, latest) for p in s.probes.values()
             for a in (p.grad_h, p.grad_c) if a is not None]
    shared = figures.log_range(norms)
    figs = {"grad_init": figures.gradient_norms(
        first.probes, key_steps, view.diverged, t("panels.grad_init"), mean, shared)}
    if latest.probes:  # (none once every model has diverged: the page says so)
        figs["grad_now"] = figures.gradient_norms(
            latest.probes, key_steps, view.diverged, t("panels.grad_now", step=latest.step), mean,
            shared)
    z_range = figures.log10_range(view.snapshots, list(view.kinds))
    for kind in view.kinds:
        figs[f"history_{kind}"] = figures.gradient_history(
            view.snapshots, kind, z_range,
            t("panels.history", model=kind_label(kind), mean=mean))
    if latest.probes:
        figs["factors"] = figures.multiplier_factors(
            latest.probes, t("panels.factors", step=latest.step), t("panels.geometric", n=n))
        figs["products"] = figures.multiplier_products(
            latest.probes, t("panels.products", step=latest.step))
        figs["connectivity"] = figures.connectivity_figure(
            latest.probes, key_steps, t("panels.connectivity", step=latest.step), mean)
    rows = {k: ([s.step for s in view.snapshots if k in s.probes],
                [s.probes[k].sigma_max for s in view.snapshots if k in s.probes])
            for k in view.kinds if kind_of(k).memory_gate is None}
    if any(steps for steps, _ in rows.values()):
        names = t("texts.and").join(kind_label(k) for k in rows)
        figs["sigma"] = figures.sigma_figure(rows, t("panels.sigma", models=names))
    return figs


def horizon(job, config) -> go.Figure:
    """The memory-horizon chart of a sweep's finished runs."""
    task = make_task(config.task, max(job.lengths), **config.task_options)
    said = words(task)
    return figures.horizon_figure(
        job.results(), said.metric_label, said.metric_references(), task.solved_threshold,
        t("panels.horizon_yours", task=said.title))


def horizon_reference(reference: dict) -> go.Figure:
    """The memory-horizon chart of the shipped reference sweep."""
    task = make_task(reference["task"], max(max(rows) for rows in reference["results"].values()))
    seeds, said = len(reference["seeds"]), words(task)
    return figures.horizon_figure(
        reference["results"], said.metric_label, said.metric_references(), task.solved_threshold,
        t("panels.horizon_reference", task=said.title, seeds=seeds))


def next_characters(trainer, prompt, length: int, temperature: float, seed: int) -> dict:
    """Every live model's top-5 next characters after a prompt (bars) and its continuation,
    from the models as they are now: {"step": n, "figs": {...}, "continuations": {kind: str}}."""
    result = trainer.answer(text.answers, prompt, length, temperature, seed)
    step = result["step"]
    figs = {f"next_{kind}": figures.next_char_bars(
        top, kind, t("panels.next_characters", model=kind_label(kind), step=step))
        for kind, top in result["top"].items()}
    return {"step": step, "figs": figs, "continuations": result["continuations"]}


def forecasts(view: RunView) -> dict:
    """The price page: each model's latest held-out forecasts against the truth."""
    rows = {kind: view.forecast(kind) for kind in view.kinds}
    rows = {kind: row for kind, row in rows.items() if row is not None}
    step = max((row[0] for row in rows.values()), default=0)
    return {"forecast": figures.forecast_figure(
        view.eval_batch.y.numpy(), {kind: row[1] for kind, row in rows.items()}, view.diverged,
        t("panels.forecast", step=step, n=len(view.eval_batch.y), horizon=view.task.horizon,
          shown=min(figures.FORECASTS_SHOWN, len(view.eval_batch.y))))}
