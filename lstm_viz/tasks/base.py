"""The base of every task: a ``Task`` makes seeded batches (``Batch``) and scores a model's
prediction at the last time step (or at every step, an ``every_step`` task).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

MAX_SEQ_LEN = 1000


@dataclass(frozen=True)
class Batch:
    """One batch: inputs x (B, T, I), targets y (B,), and key_steps (B, k), 0-based."""

    x: torch.Tensor
    y: torch.Tensor
    key_steps: torch.Tensor


class Task:
    """Base class: a sequence task scored at the last time step."""

    name = ""
    metric_name = ""
    higher_is_better = True
    loss_is_metric = False  # True where the training loss is the metric itself (adding: MSE)
    chance = 0.0
    solved_threshold = 0.0
    input_size = 1
    output_size = 1
    min_seq_len = 1
    class_names: tuple[str, ...] = ()  # for classification tasks, the name of each class
    # True: the model predicts at every step, batch.y is (B, T), the loss averages over all
    # steps and the metric scores the last one (``last``). False: one prediction, y is (B,).
    every_step = False
    eval_batch_size = 512  # held-out sequences; accuracy in steps of 1/512
    options: tuple[str, ...] = ()  # RunConfig fields besides seq_len that this task takes
    # The settings this task starts from where they differ from RunConfig's, as measured for it
    # (config.task_defaults; the sidebar, links from v3 on and the CLI apply them)
    defaults: dict[str, object] = {}
    # Functions of the task's module that the exported script copies (lstm_viz/export/): the
    # script draws its batches with them, the app's own code, as a model kind's script_code
    script_code: tuple = ()

    @classmethod
    def longest(cls, **options) -> int:
        """The longest sequence this task can make with these options (RunConfig.task_options;
        the ones it does not take are ignored)."""
        return MAX_SEQ_LEN

    @property
    def chance_loss(self) -> float | None:
        """The training loss of a model that knows nothing: ln(classes), a uniform guess's
        cross-entropy, for a classification; the baseline itself where the loss is the metric
        (adding's MSE 1/6); None where there is no such number (prices)."""
        if self.class_names:
            return math.log(len(self.class_names))
        return self.chance if self.loss_is_metric else None

    def __init__(self, seq_len: int):
        if not self.min_seq_len <= seq_len <= MAX_SEQ_LEN:
            raise ValueError(
                f"{self.name} needs a sequence length from {self.min_seq_len} to {MAX_SEQ_LEN}, "
                f"got {seq_len}"
            )
        self.seq_len = seq_len

    def sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        raise NotImplementedError

    def probe_sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        """The probe sequences (the pages' close-up look): plain samples unless a task pairs
        them up."""
        return self.sample(batch_size, generator)

    def held_out_sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        """Sequences to evaluate on; fresh samples (never trained on) unless a task keeps a
        held-out part of fixed data."""
        return self.sample(batch_size, generator)

    def loss(self, pred: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
        raise NotImplementedError

    def flipped(self, batch: Batch) -> Batch | None:
        """The same sequences with only the remembered input changed (one step,
        ``key_steps[:, 0]``) and the targets that follow; None where a task has no one input to
        flip (the default)."""
        return None

    def eval_loss(self, pred: torch.Tensor, y: torch.Tensor) -> float:
        """The held-out loss the pages draw (the training loss unless a task says otherwise)."""
        return self.loss(pred, y).item()

    def last(self, y: torch.Tensor) -> torch.Tensor:
        """The targets at the last step, the ones the metric scores (B,)."""
        return y[:, -1] if self.every_step else y

    def step_labels(self, x: torch.Tensor) -> list[str] | None:
        """What each time step of one sequence x (T, I) holds, for a chart's time axis (None:
        plain step numbers)."""
        return None

    def loss_references(self) -> dict[str, float]:
        """Reference lines, in eval_loss's units, for a chart of the held-out loss ({}: the
        pages draw the training loss instead)."""
        return {}

    def metric(self, pred: torch.Tensor, y: torch.Tensor) -> float:
        raise NotImplementedError

    def is_solved(self, metric: float) -> bool:
        """True when the metric is past the task's 'solved' threshold."""
        if self.higher_is_better:
            return metric >= self.solved_threshold
        return metric <= self.solved_threshold


class Classification(Task):
    metric_name = "accuracy"
    higher_is_better = True
    solved_threshold = 0.95

    def loss(self, pred, y, reduction="mean"):
        return F.cross_entropy(pred, y, reduction=reduction)

    def metric(self, pred, y):
        return (pred.argmax(dim=-1) == y).float().mean().item()


def one_hot(symbols: torch.Tensor, size: int) -> torch.Tensor:
    return F.one_hot(symbols, size).float()

