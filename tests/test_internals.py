"""The recomputed internals agree with the fused modules' own outputs."""

import pytest
import torch

from lstm_viz.core.internals import trace
from lstm_viz.core.kinds import KINDS, MemoryInit
from lstm_viz.core.models import build_model

SHAPES = [(1, 1, 1, 1), (3, 7, 5, 4), (2, 50, 6, 32), (4, 13, 2, 9)]  # (B, T, I, H)


def _model_and_input(kind, shape, seed=0):
    b, t, i, h = shape
    model = build_model(kind, i, h, 3, seed=seed, init=MemoryInit("constant", 2.0))
    x = torch.randn(b, t, i, generator=torch.Generator().manual_seed(seed + 1))
    return model, x


@pytest.mark.parametrize("kind", ["lstm", "lstm-cec", "lstm-i1", "lstm-o1"])
@pytest.mark.parametrize("shape", SHAPES)
def test_lstm_trace_matches_nn_lstm(shape, kind):
    model, x = _model_and_input(kind, shape)
    out, (h_n, c_n) = model.rnn(x)
    tr = trace(model, x)
    recomputed_h = tr["o"] * torch.tanh(tr["c"])
    torch.testing.assert_close(recomputed_h, out, atol=1e-5, rtol=0)
    torch.testing.assert_close(tr["c"][:, -1], c_n[0], atol=1e-5, rtol=0)
    for gate in "ifo":
        assert ((tr[gate] >= 0) & (tr[gate] <= 1)).all()
    fixed = getattr(model.spec, "fixed_gate", None)
    if fixed:
        assert (tr[fixed] == 1.0).all()


@pytest.mark.parametrize("shape", SHAPES)
def test_lstm_gates_match_lstm_cell_step_by_step(shape):
    """Each gate against an independent computation from nn.LSTMCell's own chunks."""
    model, x = _model_and_input("lstm", shape, seed=3)
    tr = trace(model, x)
    cell = torch.nn.LSTMCell(x.shape[-1], model.hidden_size)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in model.rnn.state_dict().items()})
    h = torch.zeros(x.shape[0], model.hidden_size)
    c = torch.zeros_like(h)
    for t in range(x.shape[1]):
        z = x[:, t] @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
        f_expected = torch.sigmoid(z.chunk(4, dim=-1)[1])
        torch.testing.assert_close(tr["f"][:, t], f_expected, atol=1e-5, rtol=0)
        h, c = cell(x[:, t], (h, c))
        torch.testing.assert_close(tr["c"][:, t], c.detach(), atol=1e-5, rtol=0)


@pytest.mark.parametrize("shape", SHAPES)
def test_gru_trace_matches_nn_gru(shape):
    model, x = _model_and_input("gru", shape)
    out, _ = model.rnn(x)
    tr = trace(model, x)
    h_prev = torch.cat([torch.zeros_like(out[:, :1]), out[:, :-1]], dim=1)
    recomputed_h = (1 - tr["z"]) * tr["n"] + tr["z"] * h_prev
    torch.testing.assert_close(recomputed_h, out, atol=1e-5, rtol=0)


@pytest.mark.parametrize("kind,nonlinearity", [("rnn", "tanh"), ("rnn-orth", "tanh"),
                                                ("irnn", "relu")])
@pytest.mark.parametrize("shape", SHAPES)
def test_rnn_trace_is_nn_rnn_output(shape, kind, nonlinearity):
    model, x = _model_and_input(kind, shape)
    cell = torch.nn.RNNCell(x.shape[-1], model.hidden_size, nonlinearity=nonlinearity)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in model.rnn.state_dict().items()})
    h = torch.zeros(x.shape[0], model.hidden_size)
    states = []
    with torch.no_grad():
        for t in range(x.shape[1]):
            h = cell(x[:, t], h)
            states.append(h)
    tr = trace(model, x)
    torch.testing.assert_close(tr["h"], torch.stack(states, dim=1), atol=1e-5, rtol=0)


def test_forget_bias_is_effective_sum_of_both_vectors():
    model = build_model("lstm", 3, 8, 2, seed=0, init=MemoryInit("constant", 5.0))
    b = model.rnn.bias_ih_l0 + model.rnn.bias_hh_l0
    torch.testing.assert_close(b[8:16], torch.full((8,), 5.0))
    other = build_model("lstm", 3, 8, 2, seed=0, init=MemoryInit("constant", 0.0))
    for gate in (slice(0, 8), slice(16, 32)):  # i, then g and o: untouched, same seed
        torch.testing.assert_close(model.rnn.bias_ih_l0[gate], other.rnn.bias_ih_l0[gate])
        torch.testing.assert_close(model.rnn.bias_hh_l0[gate], other.rnn.bias_hh_l0[gate])
    torch.testing.assert_close(model.rnn.weight_hh_l0, other.rnn.weight_hh_l0)


@pytest.mark.parametrize("kind", list(KINDS))
def test_same_seed_same_weights_for_every_model_kind(kind):
    a, b, c = (build_model(kind, 3, 8, 2, seed=s, init=MemoryInit("constant", 1.0))
               for s in (7, 7, 8))
    for name, value in a.state_dict().items():
        assert torch.equal(value, b.state_dict()[name]), name
    assert not torch.equal(a.rnn.weight_ih_l0, c.rnn.weight_ih_l0)
    if kind != "irnn":  # its W_hh starts at the identity whatever the seed
        assert not torch.equal(a.rnn.weight_hh_l0, c.rnn.weight_hh_l0)
