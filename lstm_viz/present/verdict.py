"""A plain-language verdict on a race, computed from the trainer's held-out evaluations.

Each model is in one of these states, judged on the fixed held-out batch (never on training
batches): not trained yet; diverged; solved (the held-out metric passed the task's threshold and
has stayed past it); lost it again (solved once, fallen back since); at chance (or at the
baseline); worse than chance (or than the baseline); learning (in between).
"""

from __future__ import annotations

import math

import numpy as np

from lstm_viz.core.training import RunView
from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_label
from lstm_viz.present.task_words import words
from lstm_viz.tasks import Task

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


def model_verdict(run: RunView, kind: str) -> str:
    """One clause about one model, e.g. 'LSTM solved the lag-100 latch at step 75 (...)'."""
    task, said, name = run.task, words(run.task), kind_label(kind)
    if kind in run.diverged:
        return t("verdict.diverged", model=name, step=run.diverged[kind])
    metric = run.held_out(kind)
    if math.isnan(metric):
        return t("verdict.no_score", model=name)
    value = t("verdict.value", metric=said.metric_label, score=said.format(metric))
    solved, first = run.solved_step(kind), run.first_solved_step(kind)
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


def verdict(run: RunView) -> str:
    """The race in one sentence, solved models first."""
    order = sorted(run.models, key=lambda k: run.solved_step(k) is None)
    sentence = "; ".join(model_verdict(run, kind) for kind in order)
    if run.steps == 0:
        return t("verdict.untrained", sentence=sentence)
    if run.steps >= run.config.max_steps:
        return t("verdict.capped", sentence=sentence, cap=run.config.max_steps)
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
