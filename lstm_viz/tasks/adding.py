"""Experiment 4 of Hochreiter & Schmidhuber (1997): the adding problem."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from lstm_viz.tasks.base import Batch, Task


def two_positions(batch_size: int, seq_len: int, generator: torch.Generator) -> torch.Tensor:
    """One step in the first half and one in the second half: (B, 2), ascending."""
    half = seq_len // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, seq_len, (batch_size,), generator=generator)
    return torch.stack([first, second], dim=1)


def marked_values(batch_size: int, seq_len: int,
                  generator: torch.Generator) -> tuple[torch.Tensor, ...]:
    """Inputs (B, T, 2): values in [0, 1] and the markers of two steps; the sum of the marked
    values (B,); the marked steps (B, 2)."""
    values = torch.rand(batch_size, seq_len, generator=generator)
    positions = two_positions(batch_size, seq_len, generator)
    markers = torch.zeros(batch_size, seq_len)
    markers.scatter_(1, positions, 1.0)
    target = values.gather(1, positions).sum(dim=1)
    return torch.stack([values, markers], dim=-1), target, positions


class Adding(Task):
    """Experiment 4 of Hochreiter & Schmidhuber (1997): add two marked numbers.

    Channel 0 holds a value drawn uniformly from [0, 1]; channel 1 marks two steps, one in each
    half of the sequence. The target is the sum of the two marked values, scored by mean squared
    error. Always answering 1 scores 1/6 = 0.167 (the variance of the sum); that is the baseline.
    """

    name = "adding"
    metric_name = "MSE"
    higher_is_better = False
    loss_is_metric = True
    chance = 1.0 / 6.0
    solved_threshold = 0.01
    input_size = 2
    output_size = 1
    min_seq_len = 2
    script_code = (two_positions, marked_values)

    def sample(self, batch_size, generator):
        return Batch(*marked_values(batch_size, self.seq_len, generator))

    def loss(self, pred, y, reduction="mean"):
        return F.mse_loss(pred[:, 0], y, reduction=reduction)

    def metric(self, pred, y):
        return F.mse_loss(pred[:, 0], y).item()

    def flipped(self, batch):
        """The first marked value v moved by half the value range, v + 0.5 below 0.5 and v - 0.5
        from it on (so the sum, the target, always moves by exactly 0.5 and stays in [0, 2])."""
        rows, first = torch.arange(len(batch.y)), batch.key_steps[:, 0]
        value = batch.x[rows, first, 0]
        shift = torch.where(value < 0.5, 0.5, -0.5)
        x = batch.x.clone()
        x[rows, first, 0] = value + shift
        return Batch(x, batch.y + shift, batch.key_steps)
