"""A model of a run: one fused recurrent layer of a kind (``lstm_viz.core.kinds``) and a linear
readout of its hidden state at the last step (or at every step, for next-character text).
All models of one run are initialised from the same seed.
"""

from __future__ import annotations

import threading

import torch
from torch import nn

from lstm_viz.core.kinds import MemoryInit, kind_of

# Model init draws from torch's global generator, which Streamlit sessions (threads) share.
_INIT_LOCK = threading.Lock()


class RecurrentModel(nn.Module):
    """A one-layer fused recurrent module (batch first) plus a linear readout at step T, or at
    every step (``every_step``: a next-character model)."""

    def __init__(self, kind: str, input_size: int, hidden_size: int, output_size: int,
                 every_step: bool = False, proj_size: int = 0):
        super().__init__()
        self.kind = kind
        self.spec = kind_of(kind)
        self.hidden_size = hidden_size
        self.state_sizes = self.spec.state_sizes(hidden_size, proj_size)
        self.every_step = every_step
        self.rnn = self.spec.fused(input_size, hidden_size, batch_first=True,
                                   **self.spec.module_options(proj_size, hidden_size))
        self.readout = nn.Linear(self.state_sizes["h"], output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Prediction (B, output_size) from the hidden state at the last step, or (B, T,
        output_size) at every step."""
        outputs, _ = self.rnn(x)
        return self.readout(outputs if self.every_step else outputs[:, -1])

    def run(self, x: torch.Tensor, state=None) -> tuple[torch.Tensor, object]:
        """Predictions at every step (B, T, output_size) from ``state`` (None: zeros), and the
        state after the last step (the fused module's own: h, or (h, c) for the LSTM)."""
        outputs, state = self.rnn(x, state)
        return self.readout(outputs), state

    def weights(self) -> dict[str, torch.Tensor]:
        """The recurrent layer's parameters: w_ih, w_hh, b_ih, b_hh (PyTorch gate order), and
        the projection w_hr where there is one (LSTMP)."""
        weights = {
            "w_ih": self.rnn.weight_ih_l0,
            "w_hh": self.rnn.weight_hh_l0,
            "b_ih": self.rnn.bias_ih_l0,
            "b_hh": self.rnn.bias_hh_l0,
        }
        if getattr(self.rnn, "proj_size", 0):
            weights["w_hr"] = self.rnn.weight_hr_l0
        return weights

    def memory_bias(self) -> torch.Tensor | None:
        """The memory gate's effective bias b_ih + b_hh per unit (None for the RNN)."""
        if self.spec.memory_gate is None:
            return None
        h, k = self.hidden_size, self.spec.memory_gate_slice
        return (self.rnn.bias_ih_l0 + self.rnn.bias_hh_l0)[k * h : (k + 1) * h].detach()


def build_model(kind: str, input_size: int, hidden_size: int, output_size: int, seed: int,
                init: MemoryInit = MemoryInit(), every_step: bool = False,
                proj_size: int = 0, rnn_gain: float = 0.0) -> RecurrentModel:
    """A model initialised from ``seed`` alone (not from whatever the global RNG holds);
    ``proj_size``: the projection of the kinds that have one (LSTMP); ``rnn_gain``: the RNN
    kinds' σ_max(W_hh) at the start (0: as initialised)."""
    with _INIT_LOCK, torch.random.fork_rng():
        torch.manual_seed(seed)
        model = RecurrentModel(kind, input_size, hidden_size, output_size, every_step, proj_size)
    model.spec.init_weights(model.rnn, seed)
    model.spec.scale_recurrence(model.rnn, rnn_gain)
    model.spec.init_memory(model.rnn, init, torch.Generator().manual_seed(seed + 17))
    return model

