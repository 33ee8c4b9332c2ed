"""The three recurrent models, built on PyTorch's fused modules, with a linear readout.

- ``rnn``: Elman's tanh RNN (torch.nn.RNN).
- ``lstm``: Hochreiter & Schmidhuber (1997) with the forget gate of Gers, Schmidhuber &
  Cummins (2000) (torch.nn.LSTM).
- ``gru``: Cho et al. (2014) (torch.nn.GRU).

The prediction is read from the hidden state at the last time step. All models of one run are
initialised from the same seed, so a run is reproducible and "reset" means the same weights.
"""

from __future__ import annotations

import threading

import torch
from torch import nn

MODEL_KINDS = ("rnn", "lstm", "gru")
MODEL_LABELS = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}
_FUSED = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
# Model init draws from torch's global generator, which Streamlit sessions (threads) share.
_INIT_LOCK = threading.Lock()


class RecurrentModel(nn.Module):
    """A one-layer fused recurrent module (batch first) plus a linear readout at step T."""

    def __init__(self, kind: str, input_size: int, hidden_size: int, output_size: int):
        super().__init__()
        if kind not in _FUSED:
            raise ValueError(f"unknown model {kind!r}; choose from {', '.join(MODEL_KINDS)}")
        self.kind = kind
        self.hidden_size = hidden_size
        self.rnn = _FUSED[kind](input_size, hidden_size, batch_first=True)
        self.readout = nn.Linear(hidden_size, output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Prediction (B, output_size) from the hidden state at the last step."""
        outputs, _ = self.rnn(x)
        return self.readout(outputs[:, -1])

    def weights(self) -> dict[str, torch.Tensor]:
        """The recurrent layer's parameters: w_ih, w_hh, b_ih, b_hh (PyTorch gate order)."""
        return {
            "w_ih": self.rnn.weight_ih_l0,
            "w_hh": self.rnn.weight_hh_l0,
            "b_ih": self.rnn.bias_ih_l0,
            "b_hh": self.rnn.bias_hh_l0,
        }


def set_forget_bias(model: RecurrentModel, bias: float) -> None:
    """Set the LSTM's effective forget-gate bias b_ih[f] + b_hh[f] to ``bias``, per unit.

    PyTorch keeps two bias vectors and orders the LSTM gates (i, f, g, o); each of the two
    forget slices gets half. An open forget gate at initialisation (Gers et al. 2000; Jozefowicz
    et al. 2015) lets the gradient flow along the cell state from the first step.
    """
    h = model.hidden_size
    with torch.no_grad():
        model.rnn.bias_ih_l0[h : 2 * h] = bias / 2
        model.rnn.bias_hh_l0[h : 2 * h] = bias / 2


def build_model(
    kind: str, input_size: int, hidden_size: int, output_size: int, seed: int, forget_bias: float
) -> RecurrentModel:
    """A model initialised from ``seed`` alone (not from whatever the global RNG holds)."""
    with _INIT_LOCK, torch.random.fork_rng():
        torch.manual_seed(seed)
        model = RecurrentModel(kind, input_size, hidden_size, output_size)
    if kind == "lstm":
        set_forget_bias(model, forget_bias)
    return model
