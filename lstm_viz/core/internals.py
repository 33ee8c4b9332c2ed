"""Exact internals of the fused modules: gates, cell states and hidden states per time step.

torch.nn.LSTM and nn.GRU do not expose their gates. Given the hidden states the fused module
returns, every gate is a pure function of (x_t, h_{t-1}) and the module's own weights, so it can
be recomputed exactly, all time steps at once, by the model kind's own ``gates`` (models.py);
only the LSTM's cell state needs the elementwise recursion c_t = f_t * c_{t-1} + i_t * g_t
(Gers, Schmidhuber & Cummins 2000). Equations and gate order follow the PyTorch documentation of
nn.RNN, nn.LSTM (i, f, g, o) and nn.GRU (r, z, n).
"""

from __future__ import annotations

import torch

from lstm_viz.core.models import RecurrentModel


def input_projection(w: dict, x: torch.Tensor) -> torch.Tensor:
    """x W_ih^T + b_ih for every step at once: the part of each gate that the input gives."""
    return x @ w["w_ih"].T + w["b_ih"]


@torch.no_grad()
def trace(model: RecurrentModel, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Per-step internals for a batch x (B, T, I), each (B, T, H).

    Always holds ``h`` (the fused module's own hidden states) and ``pred`` (B, out). The LSTM
    adds ``c`` and its gates i, f, g, o; the GRU adds r, z, n.
    """
    outputs, _ = model.rnn(x)
    h_prev = torch.cat([torch.zeros_like(outputs[:, :1]), outputs[:, :-1]], dim=1)
    w = model.weights()
    gates = model.spec.gates(w, input_projection(w, x), h_prev)
    return {"h": outputs, "pred": model.readout(outputs[:, -1]), **gates,
            **model.spec.recurrence(gates)}
