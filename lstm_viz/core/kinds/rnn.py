"""``rnn``: Elman's (1990) tanh RNN, torch.nn.RNN."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.base import ModelKind


class RNNKind(ModelKind):
    """h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) (Elman 1990)."""

    name = "rnn"
    summary = "Elman's tanh RNN (1990)"
    fused = nn.RNN

    def activation(self, z: torch.Tensor) -> torch.Tensor:
        return torch.tanh(z)

    def derivative(self, h):
        """tanh'(z) = 1 - tanh(z)^2 = 1 - h^2."""
        return 1 - h ** 2

    def step(self, w, xw, state):
        return {"h": self.activation(xw + state["h"] @ w["w_hh"].T + w["b_hh"])}
