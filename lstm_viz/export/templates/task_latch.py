"""The exported script's latch (Hochreiter & Schmidhuber 1997, experiment 2)."""

import torch.nn.functional as F

from lstm_viz.export.templates.names import N_DISTRACTORS, N_SIGNALS, SEQ_LEN
from lstm_viz.tasks.latch import signal_and_noise


def values(task, config) -> dict:
    return {"N_SIGNALS": task.n_signals, "N_DISTRACTORS": task.n_distractors}


# ---- script ----
# ---- The task: the latch (Hochreiter & Schmidhuber 1997, experiment 2) -----------------------
# Step 0 holds one of N_SIGNALS signal symbols, steps 1 to T-1 random distractors, one-hot.
# The model must report the signal at the last step: chance accuracy is 1 / N_SIGNALS.
INPUT_SIZE, OUTPUT_SIZE = N_SIGNALS + N_DISTRACTORS, N_SIGNALS

# script: the task's own code


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, INPUT_SIZE) and the signal to report y (B,)."""
    return signal_and_noise(batch_size, SEQ_LEN, N_SIGNALS, INPUT_SIZE, generator)


def loss_fn(pred, y):
    """Cross-entropy (nats) of the answer at the last step."""
    return F.cross_entropy(pred, y)
