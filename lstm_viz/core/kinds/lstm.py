"""``lstm``: Hochreiter & Schmidhuber (1997) with the forget gate of Gers, Schmidhuber & Cummins
(2000), torch.nn.LSTM."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.base import ModelKind


class LSTMKind(ModelKind):
    """Gates i, f, o (sigmoid), candidate g (tanh); c_t = f c_{t-1} + i g, h_t = o tanh(c_t)."""

    name = "lstm"
    summary = ("Hochreiter & Schmidhuber (1997) with the forget gate of Gers, "
               "Schmidhuber & Cummins (2000)")
    fused = nn.LSTM
    gate_names = ("i", "f", "g", "o")
    tanh_gates = ("g",)
    memory_gate, memory_gate_slice = "f", 1
    state_names = ("h", "c")
    memory_state = "c"

    def gates(self, w, xw, h_prev):
        z = xw + h_prev @ w["w_hh"].T + w["b_hh"]
        i, f, g, o = z.chunk(4, dim=-1)
        return {"i": torch.sigmoid(i), "f": torch.sigmoid(f), "g": torch.tanh(g),
                "o": torch.sigmoid(o)}

    @staticmethod
    def cell(gates: dict, c_prev: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """One step of the cell: c_t = f * c_{t-1} + i * g and h_t = o * tanh(c_t)."""
        c = gates["f"] * c_prev + gates["i"] * gates["g"]
        return c, gates["o"] * torch.tanh(c)

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"])
        return {"h": h, "c": c}

    def recurrence(self, gates):
        """c_t from c_0 = 0 over the time axis (dim 1)."""
        c = torch.zeros_like(gates["f"][:, 0])
        states = []
        for t in range(gates["f"].shape[1]):
            c, _ = self.cell({name: gate[:, t] for name, gate in gates.items()}, c)
            states.append(c)
        return {"c": torch.stack(states, dim=1)}

    def memory_factor(self, internals):
        """dc_t/dc_{t-1} = f_t along the cell state (Gers et al. 2000)."""
        return internals["f"]

    def init_other_gates(self, rnn, init, memory):
        """Chrono sets the input-gate bias to -b_f (Tallec & Ollivier 2018)."""
        if init.mode == "chrono":
            h = rnn.hidden_size
            rnn.bias_ih_l0[:h] = -memory / 2
            rnn.bias_hh_l0[:h] = -memory / 2
