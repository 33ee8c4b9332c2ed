"""The exported script's adding problem (Hochreiter & Schmidhuber 1997, experiment 4)."""

import torch.nn.functional as F

from lstm_viz.export.templates.names import SEQ_LEN
from lstm_viz.tasks.adding import marked_values

# ---- script ----
# ---- The task: the adding problem (Hochreiter & Schmidhuber 1997, experiment 4) --------------
# Channel 0 holds random values in [0, 1]; channel 1 marks two steps, one in each half. The
# model must output the sum of the two marked values; always answering 1 scores MSE 1/6.
INPUT_SIZE, OUTPUT_SIZE = 2, 1

# script: the task's own code


def sample(batch_size, generator):
    """A batch: inputs x (B, T, 2) and the sum of the marked values y (B,)."""
    x, y, _ = marked_values(batch_size, SEQ_LEN, generator)
    return x, y


def loss_fn(pred, y):
    """Mean squared error of the sum."""
    return F.mse_loss(pred[:, 0], y)
