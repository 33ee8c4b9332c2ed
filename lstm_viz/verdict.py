"""A plain-language verdict on a race, computed from the trainer's own history."""

from __future__ import annotations

import math

import numpy as np

from .models import MODEL_LABELS
from .tasks import Task
from .training import LockstepTrainer

CHANCE_MARGIN = 0.1  # accuracy within this of chance counts as "at chance"
BASELINE_FRACTION = 0.8  # an MSE above this share of the baseline counts as "at the baseline"


def _near_chance(task: Task, metric: float) -> bool:
    if task.higher_is_better:
        return metric <= task.chance + CHANCE_MARGIN
    return metric >= BASELINE_FRACTION * task.chance


def model_verdict(trainer: LockstepTrainer, kind: str) -> str:
    """One clause about one model, e.g. 'LSTM solved the lag-100 latch at step 212'."""
    task, name = trainer.task, MODEL_LABELS[kind]
    if kind in trainer.diverged:
        return f"{name} diverged at step {trainer.diverged[kind]} (its loss or gradient became NaN or infinite)"
    solved = trainer.solved_step(kind)
    if solved is not None:
        return f"{name} solved the lag-{task.seq_len} {task.name} at step {solved}"
    recent = trainer.history[kind].recent_metric()
    if math.isnan(recent):
        return f"{name} has not trained yet"
    word = "chance" if task.higher_is_better else "the baseline"
    if _near_chance(task, recent):
        return f"{name} is still at {word} ({task.chance:.2f})"
    return f"{name} is at {task.metric_name} {recent:.2f} ({word} {task.chance:.2f})"


def verdict(trainer: LockstepTrainer) -> str:
    """The race in one sentence, solved models first."""
    order = sorted(trainer.models, key=lambda k: trainer.solved_step(k) is None)
    sentence = "; ".join(model_verdict(trainer, kind) for kind in order)
    if trainer.steps == 0:
        return "Press Play to start training. " + sentence + "."
    if trainer.steps >= trainer.config.max_steps:
        return f"{sentence}. Training stopped at the step cap ({trainer.config.max_steps})."
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
