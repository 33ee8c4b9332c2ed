"""The exported script's memory gate: the starting bias of the gate that keeps memory."""

import torch
from torch import nn

from lstm_viz.export.templates.names import FORGET_BIAS, HIDDEN_SIZE, MEMORY_INIT, SEED, SEQ_LEN

# ---- script ----


# ---- The memory gate's starting bias ---------------------------------------------------------
def memory_biases(generator):
    """The memory gate's effective bias per unit: FORGET_BIAS, or chrono's log(u) with
    u ~ U(1, T - 1), so units keep memory over 1 to T steps (Tallec & Ollivier 2018)."""
    if MEMORY_INIT == "constant":
        return torch.full((HIDDEN_SIZE,), float(FORGET_BIAS))
    high = max(1.0, SEQ_LEN - 1.0)
    u = 1.0 + (high - 1.0) * torch.rand(HIDDEN_SIZE, generator=generator)
    return torch.log(u)


def set_memory_gate(rnn):
    """The bias of the gate that keeps memory, split evenly over b_ih and b_hh: the LSTM's
    forget gate f, the GRU's update gate z (h_t = (1 - z) n + z h_{t-1}, so z near 1 keeps h).
    Chrono gives the LSTM's input gate the opposite bias."""
    h = HIDDEN_SIZE
    memory = memory_biases(torch.Generator().manual_seed(SEED + 17))
    gate = slice(h, 2 * h)  # f in the LSTM's gates (i, f, g, o), z in the GRU's (r, z, n)
    with torch.no_grad():
        rnn.bias_ih_l0[gate] = memory / 2
        rnn.bias_hh_l0[gate] = memory / 2
        if isinstance(rnn, nn.LSTM) and MEMORY_INIT == "chrono":
            rnn.bias_ih_l0[:h] = -memory / 2
            rnn.bias_hh_l0[:h] = -memory / 2
