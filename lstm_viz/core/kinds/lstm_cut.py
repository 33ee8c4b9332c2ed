"""``lstm-cut``: the LSTM with its cell-state gradient path cut, an ablation."""

from __future__ import annotations

import torch
from torch import nn

from lstm_viz.core.kinds.lstm import LSTMKind


class CutLSTM(nn.LSTM):
    """nn.LSTM's parameters and forward values, unrolled step by step with c_{t-1} detached in
    the recurrence (``CutKind.step``): the error reaches earlier steps only through h. Batch
    first, one layer; slower than the fused kernel (a Python loop over the steps)."""

    def forward(self, x: torch.Tensor, hx=None):
        w = {"w_ih": self.weight_ih_l0, "w_hh": self.weight_hh_l0, "b_ih": self.bias_ih_l0,
             "b_hh": self.bias_hh_l0}
        zeros = x.new_zeros(x.shape[0], self.hidden_size)
        state = {"h": zeros, "c": zeros} if hx is None else {"h": hx[0][0], "c": hx[1][0]}
        xw = x @ w["w_ih"].T + w["b_ih"]
        step, outputs = CutKind().step, []
        for t in range(x.shape[1]):
            state = step(w, xw[:, t], state)
            outputs.append(state["h"])
        return torch.stack(outputs, dim=1), (state["h"][None], state["c"][None])


class CutKind(LSTMKind):
    """The LSTM with its cell-state gradient path cut: c_t = f_t c_{t-1} + i_t g_t in value, but
    c_{t-1} is detached, so the error reaches the past only through h, as in an RNN with gates.
    Same weights, initialisation and forward values as the LSTM: if the LSTM's memory comes from
    its additive cell-state path (Hochreiter & Schmidhuber 1997), this one must fail where the
    LSTM succeeds."""

    name = "lstm-cut"
    summary = "the LSTM with its cell-state gradient path cut"
    fused = CutLSTM

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"].detach())
        return {"h": h, "c": c}

    def memory_factor(self, internals):
        """None: the cell path is cut, so the probes measure the gain on the actual gradient,
        which flows through h only (as for the RNN)."""
        return None
