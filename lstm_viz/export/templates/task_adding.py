"""The exported script's adding problem (Hochreiter & Schmidhuber 1997, experiment 4)."""

import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import SEQ_LEN

# ---- script ----
# ---- The task: the adding problem (Hochreiter & Schmidhuber 1997, experiment 4) --------------
# Channel 0 holds random values in [0, 1]; channel 1 marks two steps, one in each half. The
# model must output the sum of the two marked values; always answering 1 scores MSE 1/6.
INPUT_SIZE, OUTPUT_SIZE = 2, 1


def two_positions(batch_size, generator):
    """One step in the first half of the sequence and one in the second: (B, 2)."""
    half = SEQ_LEN // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, SEQ_LEN, (batch_size,), generator=generator)
    return torch.stack([first, second], dim=1)


def sample(batch_size, generator):
    """A batch: inputs x (B, T, 2) and the sum of the marked values y (B,)."""
    values = torch.rand(batch_size, SEQ_LEN, generator=generator)
    positions = two_positions(batch_size, generator)
    markers = torch.zeros(batch_size, SEQ_LEN)
    markers.scatter_(1, positions, 1.0)
    target = values.gather(1, positions).sum(dim=1)
    return torch.stack([values, markers], dim=-1), target


def loss_fn(pred, y):
    """Mean squared error of the sum."""
    return F.mse_loss(pred[:, 0], y)
