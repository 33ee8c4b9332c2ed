"""``lstm-cec``, ``lstm-i1``, ``lstm-o1``: the LSTM with one gate fixed open at exactly 1
(Greff et al. 2017's NFG, NIG and NOG ablations)."""

from __future__ import annotations

import torch

from lstm_viz.core.kinds.lstm import LSTMKind

OPEN = 30.0  # a fixed gate's bias: sigmoid(30) is exactly 1.0 in float32


def without_rows(grad, rows):
    """The gradient with ``rows`` set to 0 (a frozen gate: Adam and SGD then leave it as is)."""
    grad = grad.clone()
    grad[rows] = 0.0
    return grad


def fix_gate_open(rnn, chunk):
    """Fix the gate in chunk ``chunk`` of (i, f, g, o) open at 1: its weights 0, its bias OPEN
    split over b_ih and b_hh, and their gradients masked."""
    gate = slice(chunk * rnn.hidden_size, (chunk + 1) * rnn.hidden_size)
    with torch.no_grad():
        rnn.weight_ih_l0[gate] = 0.0
        rnn.weight_hh_l0[gate] = 0.0
        rnn.bias_ih_l0[gate] = OPEN / 2
        rnn.bias_hh_l0[gate] = OPEN / 2
    for parameter in (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0):
        parameter.register_hook(lambda grad: without_rows(grad, gate))


class FixedGateKind(LSTMKind):
    """The LSTM with one gate (``fixed_gate``) fixed open at exactly 1, in the fused module: the
    gate's weights are 0 and its bias OPEN, split over b_ih and b_hh (sigmoid(30) is exactly 1.0
    in float32), and their gradients are masked, so neither Adam nor SGD ever moves them.
    Everything else is the LSTM's, initialisation included; the fixed gate is written last, so
    it wins over chrono's input-gate bias. Greff et al. (2017), "LSTM: A Search Space Odyssey",
    compared exactly these ablations: NIG (no input gate, i = 1), NFG (no forget gate, f = 1)
    and NOG (no output gate, o = 1)."""

    fixed_gate = ""  # i, f or o
    script_code = (f"OPEN = {OPEN!r}  # a fixed gate's bias: sigmoid(30) is exactly 1.0 in float32",
                   without_rows, fix_gate_open)

    @property
    def fixed_gates(self) -> tuple[str, ...]:
        return (self.fixed_gate,)

    @property
    def fixed_chunk(self) -> int:
        """The fixed gate's chunk in PyTorch's stacked weights (i, f, g, o)."""
        return self.gate_names.index(self.fixed_gate)

    def init_memory(self, rnn, init, generator):
        super().init_memory(rnn, init, generator)  # the LSTM's own, chrono included
        fix_gate_open(rnn, self.fixed_chunk)

    def script_init(self):
        return super().script_init() + [f"fix_gate_open(model.rnn, {self.fixed_chunk})"
                                        f"  # {self.fixed_gate} = 1"]


class CECKind(FixedGateKind):
    """The 1997 cell (Hochreiter & Schmidhuber 1997): no forget gate, so f = 1 and the cell
    state is a constant error carousel, c_t = c_{t-1} + i_t g_t, dc_t/dc_{t-1} = 1 exactly (the
    forget gate came with Gers, Schmidhuber & Cummins 2000; Greff et al. 2017's NFG)."""

    name = "lstm-cec"
    summary = "the LSTM without its forget gate (f = 1), the 1997 cell"
    fixed_gate = "f"


class InputOpenKind(FixedGateKind):
    """The LSTM without an input gate, i = 1 (Greff et al. 2017's NIG): every step writes its
    whole candidate into the cell state, c_t = f_t c_{t-1} + g_t, and only the forget gate
    decides what stays. Without it the cell cannot shield its memory from irrelevant inputs, the
    "input weight conflict" the input gate was made for (Hochreiter & Schmidhuber 1997)."""

    name = "lstm-i1"
    summary = "the LSTM with its input gate fixed at 1"
    fixed_gate = "i"


class OutputOpenKind(FixedGateKind):
    """The LSTM without an output gate, o = 1 (Greff et al. 2017's NOG): h_t = tanh(c_t), so the
    whole cell state is shown at every step and reaches the gates of the next one (Hochreiter &
    Schmidhuber 1997 made the output gate against this "output weight conflict")."""

    name = "lstm-o1"
    summary = "the LSTM with its output gate fixed at 1"
    fixed_gate = "o"
