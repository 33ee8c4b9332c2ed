"""The exported script's temporal order (Hochreiter & Schmidhuber 1997, experiment 6)."""

import torch.nn.functional as F

from lstm_viz.export.templates.names import SEQ_LEN
from lstm_viz.tasks.order import relevant_pair

# ---- script ----
# ---- The task: temporal order (Hochreiter & Schmidhuber 1997, experiment 6) ------------------
# Every step holds one of 4 distractors except two, which hold X or Y: the first at a step in
# [T/10, T/5], the second in [T/2, 3T/5] (experiment 6a: steps 10-20 and 50-60 of 100). The
# class is the ordered pair XX, XY, YX or YY: chance accuracy is 0.25.
INPUT_SIZE, OUTPUT_SIZE = 6, 4  # 4 distractors, then X and Y

# script: the task's own code


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, 6) and the class of the pair y (B,)."""
    x, y, _ = relevant_pair(batch_size, SEQ_LEN, generator)
    return x, y


def loss_fn(pred, y):
    """Cross-entropy (nats) of the class at the last step."""
    return F.cross_entropy(pred, y)
