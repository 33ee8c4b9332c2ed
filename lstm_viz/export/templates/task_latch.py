"""The exported script's latch (Hochreiter & Schmidhuber 1997, experiment 2)."""

import torch
import torch.nn.functional as F

from lstm_viz.export.templates.names import N_DISTRACTORS, N_SIGNALS, SEQ_LEN


def values(task, config) -> dict:
    return {"N_SIGNALS": task.n_signals, "N_DISTRACTORS": task.n_distractors}


# ---- script ----
# ---- The task: the latch (Hochreiter & Schmidhuber 1997, experiment 2) -----------------------
# Step 0 holds one of N_SIGNALS signal symbols, steps 1 to T-1 random distractors, one-hot.
# The model must report the signal at the last step: chance accuracy is 1 / N_SIGNALS.
INPUT_SIZE, OUTPUT_SIZE = N_SIGNALS + N_DISTRACTORS, N_SIGNALS


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, INPUT_SIZE) and the signal to report y (B,)."""
    signal = torch.randint(0, N_SIGNALS, (batch_size,), generator=generator)
    noise = torch.randint(N_SIGNALS, INPUT_SIZE, (batch_size, SEQ_LEN - 1), generator=generator)
    symbols = torch.cat([signal[:, None], noise], dim=1)
    return F.one_hot(symbols, INPUT_SIZE).float(), signal


def loss_fn(pred, y):
    """Cross-entropy (nats) of the answer at the last step."""
    return F.cross_entropy(pred, y)
