"""``rnn``: Elman's (1990) tanh RNN, torch.nn.RNN."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.base import ModelKind


def scale_to_gain(rnn, gain):
    """W_hh times gain / σ_max(W_hh), so its largest singular value is ``gain`` (0: unchanged).
    Above 1/γ (γ bounds the activation's slope: 1 for tanh) the error signal can grow from step
    to step instead of shrinking, the exploding gradient of Pascanu, Mikolov & Bengio (2013)."""
    if gain > 0:
        with torch.no_grad():
            rnn.weight_hh_l0 *= gain / torch.linalg.matrix_norm(rnn.weight_hh_l0, ord=2)


class RNNKind(ModelKind):
    """h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) (Elman 1990). ``rnn_gain`` > 0
    rescales W_hh at the start to that largest singular value (``scale_to_gain``)."""

    name = "rnn"
    summary = "Elman's tanh RNN (1990)"
    fused = nn.RNN
    options = ("rnn_gain",)
    script_code = (scale_to_gain,)

    def scale_recurrence(self, rnn, gain):
        scale_to_gain(rnn, gain)

    def script_values(self, config):
        return {"RNN_GAIN": config.rnn_gain}

    def script_init(self):
        return super().script_init() + ["scale_to_gain(model.rnn, RNN_GAIN)"]

    def activation(self, z: torch.Tensor) -> torch.Tensor:
        return torch.tanh(z)

    def derivative(self, h):
        """tanh'(z) = 1 - tanh(z)^2 = 1 - h^2."""
        return 1 - h ** 2

    def step(self, w, xw, state):
        return {"h": self.activation(xw + state["h"] @ w["w_hh"].T + w["b_hh"])}
