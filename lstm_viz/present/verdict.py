"""A plain-language verdict on a race, computed from the trainer's held-out evaluations.

Each model is in one of these states, judged on the fixed held-out batch (never on training
batches): not trained yet; diverged; solved (the held-out metric passed the task's threshold and
has stayed past it); lost it again (solved once, fallen back since); at chance (or at the
baseline); worse than chance (or than the baseline); learning (in between).

Its training records add how its gradient behaved (``gradient_state``, Pascanu, Mikolov & Bengio
2013): exploded (the training loss spiked far above where it started and above chance, with a
gradient norm far past the clipping threshold), held by clipping (the gradient norm went far
past the threshold, the loss did not spike), or diverged (NaN) after an exploding gradient.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lstm_viz.core.training import RunView
from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_label
from lstm_viz.present.task_words import words
from lstm_viz.tasks import Task

SPIKE = 4.0  # a training loss this many times its start and the chance loss has spiked
STEEP = 10.0  # a gradient norm this many times the clip threshold (or 10, unclipped) is exploding
CHANCE_MARGIN = 0.1  # accuracy within this of chance counts as "at chance"
BASELINE_BAND = (0.8, 1.2)  # an MSE within these shares of the baseline counts as "at the baseline"


def standing(task: Task, metric: float) -> str:
    """'solved', 'chance', 'worse' or 'learning' for one held-out metric (two-sided)."""
    if task.is_solved(metric):
        return "solved"
    if task.higher_is_better:
        low, high = task.chance - CHANCE_MARGIN, task.chance + CHANCE_MARGIN
    else:
        low, high = BASELINE_BAND[0] * task.chance, BASELINE_BAND[1] * task.chance
    if low <= metric <= high:
        return "chance"
    worse = metric < low if task.higher_is_better else metric > high
    return "worse" if worse else "learning"


@dataclass(frozen=True)
class GradientRecord:
    """How one model's training went, from its per-step records: the largest gradient norm
    before clipping and the largest training loss (each with its step), the loss of its first
    step (before any update could blow up), the steps that clipping rescaled and the threshold
    (0: no clipping)."""

    grad_norm_max: float
    grad_step: int
    loss_max: float
    loss_step: int
    start_loss: float
    clipped_steps: int
    clip: float

    @property
    def steep_norm(self) -> float:
        """The gradient norm from which the gradient counts as exploding."""
        return STEEP * (self.clip if self.clip > 0 else 1.0)


def gradient_record(view: RunView, kind: str) -> GradientRecord | None:
    """A model's GradientRecord (None before its first recorded step)."""
    data = view.history[kind]
    if not len(data["step"]):
        return None
    norms, losses, clip = data["grad_norm"], data["loss"], view.config.clip
    steep, high = int(np.argmax(norms)), int(np.argmax(losses))
    return GradientRecord(float(norms[steep]), int(data["step"][steep]), float(losses[high]),
                          int(data["step"][high]), float(losses[0]),
                          int((norms > clip).sum()) if clip > 0 else 0, clip)


def gradient_state(view: RunView, kind: str) -> str | None:
    """'exploded', 'diverged' (after a steep gradient, or with no record to tell), 'clipped'
    (steep, held by clipping) or None (nothing of the kind)."""
    record = gradient_record(view, kind)
    if kind in view.diverged:
        return "diverged"
    if record is None or record.grad_norm_max < record.steep_norm:
        return None
    reference = max(record.start_loss, view.task.chance_loss or 0.0)
    if record.loss_max >= SPIKE * reference:
        return "exploded"
    return "clipped" if record.clip > 0 else None


def gradient_note(view: RunView, kind: str) -> str:
    """The clause's second part on the gradient ('' when there is nothing to say)."""
    state, record = gradient_state(view, kind), gradient_record(view, kind)
    if state is None or record is None:
        return ""
    numbers = dict(norm=f"{record.grad_norm_max:.3g}", step=record.grad_step,
                   clip=f"{record.clip:g}", loss=f"{record.loss_max:.3g}",
                   loss_step=record.loss_step, start=f"{record.start_loss:.3g}",
                   clipped=record.clipped_steps)
    if state == "diverged":
        return t("verdict.grad_before_nan", **numbers)
    if state == "exploded":
        return t("verdict.exploded" if record.clip > 0 else "verdict.exploded_unclipped",
                 **numbers)
    return t("verdict.clipped", **numbers)


def model_verdict(view: RunView, kind: str) -> str:
    """One clause about one model and its gradient (``gradient_note``)."""
    note = gradient_note(view, kind)
    return _standing_clause(view, kind) + (f"; {note}" if note else "")


def _standing_clause(view: RunView, kind: str) -> str:
    """e.g. 'LSTM solved the lag-100 latch at step 75 (...)'."""
    task, said, name = view.task, words(view.task), kind_label(kind)
    if kind in view.diverged:
        return t("verdict.diverged", model=name, step=view.diverged[kind])
    metric = view.held_out(kind)
    if math.isnan(metric):
        return t("verdict.no_score", model=name)
    value = t("verdict.value", metric=said.metric_label, score=said.format(metric))
    solved, first = view.solved_step(kind), view.first_solved_step(kind)
    reference = f"{said.chance_name} {said.format(task.chance)}"
    if solved is not None:
        return t("verdict.solved", model=name, solved=said.solved_words, step=solved, value=value)
    if first is not None:
        return t("verdict.lost", model=name, solved=said.solved_words, step=first, value=value,
                 reference=reference)
    state = standing(task, metric)
    note = said.plateau_note(metric)
    note = f"; {note}" if note else ""
    if state == "chance":
        return t("verdict.chance", model=name, chance=said.chance_name, value=value) + note
    if state == "worse":
        return t("verdict.worse", model=name, chance=said.chance_name, value=value,
                 reference=reference)
    return t("verdict.learning", model=name, value=value, reference=reference) + note


def verdict(view: RunView) -> str:
    """The race in one sentence, solved models first."""
    order = sorted(view.kinds, key=lambda k: view.solved_step(k) is None)
    sentence = "; ".join(model_verdict(view, kind) for kind in order)
    if view.steps == 0:
        return t("verdict.untrained", sentence=sentence)
    if view.steps >= view.config.max_steps:
        return t("verdict.capped", sentence=sentence, cap=view.config.max_steps)
    return sentence + "."


def answer_text(task: Task, pred: np.ndarray) -> str:
    """A model's answer for one sequence: 'B (p = 0.97)' or '1.234'."""
    if not task.class_names:
        return f"{float(pred[0]):.3f}"
    p = np.exp(pred - pred.max())
    p /= p.sum()
    best = int(p.argmax())
    return f"{task.class_names[best]} (p = {p[best]:.2f})"


def target_text(task: Task, y) -> str:
    """The right answer for one sequence, in the same words as answer_text."""
    return task.class_names[int(y)] if task.class_names else f"{float(y):.3f}"
