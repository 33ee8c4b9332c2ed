"""The exported script's temporal order (Hochreiter & Schmidhuber 1997, experiment 6)."""

import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import SEQ_LEN
from lstm_viz.export.templates.positions import two_positions

BEFORE = ("positions",)

# ---- script ----
# ---- The task: temporal order (Hochreiter & Schmidhuber 1997, experiment 6) ------------------
# Every step holds one of 4 distractors except two (one in each half), which hold X or Y. The
# class is the ordered pair XX, XY, YX or YY: chance accuracy is 0.25.
INPUT_SIZE, OUTPUT_SIZE = 6, 4  # 4 distractors, then X and Y


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, 6) and the class of the pair y (B,)."""
    symbols = torch.randint(0, 4, (batch_size, SEQ_LEN), generator=generator)
    positions = two_positions(batch_size, generator)
    relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
    symbols.scatter_(1, positions, 4 + relevant)
    target = 2 * relevant[:, 0] + relevant[:, 1]
    return F.one_hot(symbols, INPUT_SIZE).float(), target


def loss_fn(pred, y):
    """Cross-entropy (nats) of the class at the last step."""
    return F.cross_entropy(pred, y)
