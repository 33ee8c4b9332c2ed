"""Exact internals of the fused modules: gates, cell states and hidden states per time step.

torch.nn.LSTM and nn.GRU do not expose their gates. Given the hidden states the fused module
returns, every gate is a pure function of (x_t, h_{t-1}) and the module's own weights, so it can
be recomputed exactly, all time steps at once; only the LSTM's cell state needs the elementwise
recursion c_t = f_t * c_{t-1} + i_t * g_t (Gers, Schmidhuber & Cummins 2000). Equations and gate
order follow the PyTorch documentation of nn.RNN, nn.LSTM (i, f, g, o) and nn.GRU (r, z, n).

The gate functions take any leading dimensions, so the probes reuse them one step at a time;
they take the input's share xw = x W_ih^T + b_ih, computed once for all steps.
"""

from __future__ import annotations

import torch

from .models import RecurrentModel

GATE_NAMES = {"rnn": (), "lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}
GATE_TITLES = {
    "i": "input gate i",
    "f": "forget gate f",
    "g": "cell candidate g",
    "o": "output gate o",
    "r": "reset gate r",
    "z": "update gate z",
    "n": "candidate n",
}


def input_projection(w: dict, x: torch.Tensor) -> torch.Tensor:
    """x W_ih^T + b_ih for every step at once: the part of each gate that the input gives."""
    return x @ w["w_ih"].T + w["b_ih"]


def rnn_step(w: dict, xw: torch.Tensor, h_prev: torch.Tensor) -> torch.Tensor:
    """h_t = tanh(x W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), given xw = x W_ih^T + b_ih."""
    return torch.tanh(xw + h_prev @ w["w_hh"].T + w["b_hh"])


def lstm_gates(w: dict, xw: torch.Tensor, h_prev: torch.Tensor) -> dict[str, torch.Tensor]:
    """The LSTM's gates i, f, o (sigmoid) and cell candidate g (tanh) at one or many steps."""
    z = xw + h_prev @ w["w_hh"].T + w["b_hh"]
    i, f, g, o = z.chunk(4, dim=-1)
    return {"i": torch.sigmoid(i), "f": torch.sigmoid(f), "g": torch.tanh(g), "o": torch.sigmoid(o)}


def lstm_cell(gates: dict, c_prev: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """One step of the cell: c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t)."""
    c = gates["f"] * c_prev + gates["i"] * gates["g"]
    return c, gates["o"] * torch.tanh(c)


def gru_gates(w: dict, xw: torch.Tensor, h_prev: torch.Tensor) -> dict[str, torch.Tensor]:
    """The GRU's reset r and update z gates and candidate n = tanh(x_n + r * (h W_hn + b_hn))."""
    gi = xw.chunk(3, dim=-1)
    gh = (h_prev @ w["w_hh"].T + w["b_hh"]).chunk(3, dim=-1)
    r = torch.sigmoid(gi[0] + gh[0])
    z = torch.sigmoid(gi[1] + gh[1])
    return {"r": r, "z": z, "n": torch.tanh(gi[2] + r * gh[2])}


def gru_hidden(gates: dict, h_prev: torch.Tensor) -> torch.Tensor:
    """h_t = (1 - z) * n + z * h_{t-1}."""
    return (1 - gates["z"]) * gates["n"] + gates["z"] * h_prev


@torch.no_grad()
def trace(model: RecurrentModel, x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Per-step internals for a batch x (B, T, I), each (B, T, H).

    Always holds ``h`` (the fused module's own hidden states) and ``pred`` (B, out). The LSTM
    adds ``c`` and its gates i, f, g, o; the GRU adds r, z, n.
    """
    outputs, _ = model.rnn(x)
    h_prev = torch.cat([torch.zeros_like(outputs[:, :1]), outputs[:, :-1]], dim=1)
    result = {"h": outputs, "pred": model.readout(outputs[:, -1])}
    w = model.weights()
    if model.kind == "lstm":
        gates = lstm_gates(w, input_projection(w, x), h_prev)
        result.update(gates)
        result["c"] = _cell_states(gates)
    elif model.kind == "gru":
        result.update(gru_gates(w, input_projection(w, x), h_prev))
    return result


def _cell_states(gates: dict) -> torch.Tensor:
    """Run c_t = f_t * c_{t-1} + i_t * g_t from c_0 = 0 over the time axis (dim 1)."""
    c = torch.zeros_like(gates["f"][:, 0])
    states = []
    for t in range(gates["f"].shape[1]):
        c, _ = lstm_cell({name: gate[:, t] for name, gate in gates.items()}, c)
        states.append(c)
    return torch.stack(states, dim=1)
