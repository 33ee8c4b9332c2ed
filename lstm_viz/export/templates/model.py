"""The exported script's models: one recurrent layer of each kind and a linear readout."""

import torch
from torch import nn

from lstm_viz.export.templates.names import (
    EVERY_STEP,
    HIDDEN_SIZE,
    INPUT_SIZE,
    LAYER_OPTIONS,
    OUTPUT_SIZE,
    RECURRENT,
    SEED,
)


def values(task, config) -> dict:
    return {"EVERY_STEP": task.every_step}


# ---- script ----
# ---- The models ------------------------------------------------------------------------------
# script: the kinds' notes
# Each is one PyTorch recurrent layer (RECURRENT, below) and a linear readout of its hidden
# state at the last step, or at every step where EVERY_STEP (the next character).

class Model(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.rnn = RECURRENT[kind](INPUT_SIZE, HIDDEN_SIZE, batch_first=True,
                                   **LAYER_OPTIONS.get(kind, {}))
        self.readout = nn.Linear(self.rnn.proj_size or HIDDEN_SIZE, OUTPUT_SIZE)

    def forward(self, x):
        outputs, _ = self.rnn(x)
        return self.readout(outputs if EVERY_STEP else outputs[:, -1])


def build(kind):
    """A model with the app's initial weights: PyTorch's default initialisation drawn from SEED
    (every model of the run starts from it), then what the kind changes."""
    torch.manual_seed(SEED)
    model = Model(kind)
    # script: the kinds' initialisation
    return model
