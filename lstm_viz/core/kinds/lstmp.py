"""``lstmp``: the LSTM with a projection layer (Sak, Senior & Beaufays 2014; nn.LSTM's
proj_size)."""

from __future__ import annotations

import numpy as np

from lstm_viz.core.kinds.lstm import LSTMKind
from lstm_viz.message import Message


def projection(hidden_size: int, proj_size: int) -> int:
    """An LSTMP's projection width: ``proj_size``, or half the hidden size for 0."""
    return proj_size or max(1, hidden_size // 2)


class ProjectedLSTMKind(LSTMKind):
    """The LSTM with a projection layer (LSTMP, Sak, Senior & Beaufays 2014; nn.LSTM's
    ``proj_size``): the cell keeps H units, h_t = W_hr (o_t tanh(c_t)) has P < H, and the gates
    and the readout see only those P numbers. Fewer recurrent weights (4H x P instead of 4H x H);
    the cell state's additive path is the LSTM's."""

    name = "lstmp"
    summary = ("the LSTM with a projection layer, h_t = W_hr (o_t tanh(c_t)) of proj_size "
               "numbers (Sak, Senior & Beaufays 2014)")

    options = ("proj_size",)
    script_layer_options = "proj_size=PROJ_SIZE"

    def script_values(self, config):
        return {"PROJ_SIZE": config.projection}

    def problem(self, config):
        if not 1 <= config.projection < config.hidden_size:
            return (f"lstmp needs hidden_size 2 or more and proj_size below it, got proj_size "
                    f"{config.proj_size!r} with hidden_size {config.hidden_size!r}")
        return None

    def fit(self, values):
        """A P too large becomes H - 1, and a hidden size of 1 becomes 2 (P = 0: half of H)."""
        notes = []
        if values["hidden_size"] < 2:
            notes.append(Message("sidebar.lstmp_hidden"))
            values["hidden_size"] = 2
        if values["proj_size"] >= values["hidden_size"]:
            notes.append(Message("sidebar.proj_clamped", {"proj": values["proj_size"],
                                 "hidden": values["hidden_size"],
                                 "using": values["hidden_size"] - 1}))
            values["proj_size"] = values["hidden_size"] - 1
        return notes

    def state_sizes(self, hidden_size, proj_size):
        return {"h": projection(hidden_size, proj_size), "c": hidden_size}

    def module_options(self, proj_size, hidden_size):
        return {"proj_size": projection(hidden_size, proj_size)}

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"])
        return {"h": h @ w["w_hr"].T, "c": c}

    def unit_readout(self, model):
        """The readout through the projection, W_out W_hr (out, H): each cell unit's weight."""
        return model.readout.weight @ model.rnn.weight_hr_l0

    def unit_outputs(self, states):
        """o_t tanh(c_t): what each cell unit outputs before the projection."""
        return states["o"] * np.tanh(states["c"])
