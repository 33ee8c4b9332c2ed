"""The exported script's temporal order (Hochreiter & Schmidhuber 1997, experiment 6)."""

import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import SEQ_LEN

# ---- script ----
# ---- The task: temporal order (Hochreiter & Schmidhuber 1997, experiment 6) ------------------
# Every step holds one of 4 distractors except two, which hold X or Y: the first at a step in
# [T/10, T/5], the second in [T/2, 3T/5] (experiment 6a: steps 10-20 and 50-60 of 100). The
# class is the ordered pair XX, XY, YX or YY: chance accuracy is 0.25.
INPUT_SIZE, OUTPUT_SIZE = 6, 4  # 4 distractors, then X and Y


def paper_positions(batch_size, generator):
    """One step in each of experiment 6a's bands: (B, 2)."""
    bands = [(SEQ_LEN // 10, SEQ_LEN // 5), (SEQ_LEN // 2, 3 * SEQ_LEN // 5)]
    steps = [torch.randint(low, high + 1, (batch_size,), generator=generator) for low, high in bands]
    return torch.stack(steps, dim=1)


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, 6) and the class of the pair y (B,)."""
    symbols = torch.randint(0, 4, (batch_size, SEQ_LEN), generator=generator)
    positions = paper_positions(batch_size, generator)
    relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
    symbols.scatter_(1, positions, 4 + relevant)
    target = 2 * relevant[:, 0] + relevant[:, 1]
    return F.one_hot(symbols, INPUT_SIZE).float(), target


def loss_fn(pred, y):
    """Cross-entropy (nats) of the class at the last step."""
    return F.cross_entropy(pred, y)
