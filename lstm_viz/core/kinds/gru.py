"""``gru``: Cho et al. (2014), torch.nn.GRU."""

from __future__ import annotations

import torch

from lstm_viz.core.kinds.base import ModelKind
from lstm_viz.core.kinds.gru_backward import FastGRU, GRUSteps
from lstm_viz.core.kinds.unrolled import tanh_, time_major


class GRUKind(ModelKind):
    """r, z (sigmoid); n = tanh(x_n + r (h W_hn + b_hn)); h_t = (1 - z) n + z h_{t-1}."""

    name = "gru"
    summary = "Cho et al. (2014)"
    fused = FastGRU
    script_code = (time_major, tanh_, GRUSteps, FastGRU)  # FastGRU and what it builds on
    gate_names = ("r", "z", "n")
    tanh_gates = ("n",)
    memory_gate, memory_gate_slice = "z", 1

    def gates(self, w, xw, h_prev):
        gi = xw.chunk(3, dim=-1)
        gh = (h_prev @ w["w_hh"].T + w["b_hh"]).chunk(3, dim=-1)
        r = torch.sigmoid(gi[0] + gh[0])
        z = torch.sigmoid(gi[1] + gh[1])
        return {"r": r, "z": z, "n": torch.tanh(gi[2] + r * gh[2])}

    def step(self, w, xw, state):
        gates = self.gates(w, xw, state["h"])
        return {"h": (1 - gates["z"]) * gates["n"] + gates["z"] * state["h"]}

    def memory_factor(self, internals):
        """The direct term of dh_t/dh_{t-1}: z_t (Cho et al. 2014)."""
        return internals["z"]
