"""Model kinds: one object per type, chrono and constant memory init, loud failure on unknowns."""

import math

import pytest
import torch

from lstm_viz.core.kinds import KINDS, MemoryInit, RNNKind, kind_of
from lstm_viz.core.models import build_model
from lstm_viz.present.labels import LOOKS, multiplier_label


def _effective(model, chunk):
    h = model.hidden_size
    return (model.rnn.bias_ih_l0 + model.rnn.bias_hh_l0)[chunk * h : (chunk + 1) * h].detach()


@pytest.mark.parametrize("horizon", [2, 3, 10, 100, 500])
def test_chrono_lstm_forget_bias_is_log_uniform_and_input_gate_is_its_negative(horizon):
    model = build_model("lstm", 3, 64, 2, seed=0, init=MemoryInit("chrono", horizon=horizon))
    forget, inputs = _effective(model, 1), _effective(model, 0)
    assert forget.min() >= 0 and forget.max() <= math.log(max(1, horizon - 1)) + 1e-6
    torch.testing.assert_close(inputs, -forget)
    torch.testing.assert_close(model.memory_bias(), forget)
    if horizon >= 100:  # spread over the range, one value per unit
        assert forget.max() > math.log(horizon - 1) - 1 and forget.min() < 1
        assert len(set(forget.tolist())) == 64


def test_chrono_gru_sets_the_update_gate_only():
    chrono = build_model("gru", 3, 32, 2, seed=4, init=MemoryInit("chrono", horizon=200))
    plain = build_model("gru", 3, 32, 2, seed=4, init=MemoryInit("constant", 0.0))
    z = _effective(chrono, 1)
    assert z.min() >= 0 and z.max() <= math.log(199) + 1e-6 and z.max() > 3
    for chunk in (0, 2):  # r and n keep PyTorch's init
        torch.testing.assert_close(_effective(chrono, chunk), _effective(plain, chunk))


@pytest.mark.parametrize("kind,chunk", [("lstm", 1), ("gru", 1)])
def test_constant_init_sets_the_memory_gate_of_every_unit(kind, chunk):
    model = build_model(kind, 3, 8, 2, seed=0, init=MemoryInit("constant", 3.0))
    torch.testing.assert_close(_effective(model, chunk), torch.full((8,), 3.0))
    assert model.spec.memory_gate == ("f" if kind == "lstm" else "z")


def test_rnn_has_no_memory_gate_and_chrono_changes_nothing():
    a = build_model("rnn", 3, 8, 2, seed=1, init=MemoryInit("chrono", horizon=100))
    b = build_model("rnn", 3, 8, 2, seed=1)
    assert a.memory_bias() is None
    for (name, p), q in zip(a.named_parameters(), b.parameters()):
        torch.testing.assert_close(p, q, msg=name)


def test_chrono_is_deterministic_per_seed():
    init = MemoryInit("chrono", horizon=50)
    a, b, c = (build_model("lstm", 2, 16, 2, seed=s, init=init) for s in (3, 3, 4))
    torch.testing.assert_close(a.memory_bias(), b.memory_bias())
    assert not torch.equal(a.memory_bias(), c.memory_bias())


def test_unknown_kinds_and_inits_fail_loudly():
    with pytest.raises(ValueError, match="unknown model 'transformer'"):
        kind_of("transformer")
    with pytest.raises(ValueError, match="unknown model"):
        build_model("lstm2", 3, 8, 2, seed=0)
    with pytest.raises(ValueError, match="unknown memory init"):
        build_model("lstm", 3, 8, 2, seed=0, init=MemoryInit("orthogonal"))


def test_every_kind_is_complete():
    assert set(LOOKS) == set(KINDS)  # every kind has its presentation entry, and only kinds do
    for name, kind in KINDS.items():
        look = LOOKS[name]
        assert kind.name == name and look.label and look.color.startswith("#")
        assert multiplier_label(name).startswith(look.label) and look.equations
        assert set(kind.tanh_gates) <= set(kind.gate_names)
        assert set(kind.fixed_gates) <= set(kind.gate_names) - set(kind.tanh_gates)
        assert (kind.memory_gate is None) == isinstance(kind, RNNKind) == (not kind.gate_names)
        assert kind.memory_state in kind.state_names
        assert bool(look.slope) == (kind.memory_gate is None)  # the ungated kinds' worst case
    assert len({look.color for look in LOOKS.values()}) == len(KINDS)  # one colour per model


# kind, the fixed gate's chunk (i, f, g, o)
FIXED = [("lstm-cec", 1), ("lstm-i1", 0), ("lstm-o1", 3)]


@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
@pytest.mark.parametrize("kind,chunk", FIXED)
def test_a_fixed_gate_stays_exactly_1_through_training(kind, chunk, optimizer):
    """lstm-cec (f), lstm-i1 (i), lstm-o1 (o): the fixed gate's weights stay 0 and its bias 30
    through training, so the gate is exactly 1 at every step and unit, while the other gates
    learn."""
    from lstm_viz import LockstepTrainer, RunConfig
    from lstm_viz.core.internals import trace

    trainer = LockstepTrainer(RunConfig(seq_len=10, hidden_size=6, models=(kind,),
                                        optimizer=optimizer, lr=0.05, max_steps=40))
    model = trainer.models[kind]
    before = {k: v.clone() for k, v in model.rnn.state_dict().items()}
    trainer.step(40)
    fixed = slice(chunk * 6, (chunk + 1) * 6)
    for name, value in model.rnn.state_dict().items():
        assert torch.equal(value[fixed], before[name][fixed])
        assert (value[fixed] == (0.0 if name.startswith("weight") else 15.0)).all()
        others = torch.cat([value[: fixed.start], value[fixed.stop :]])
        was = torch.cat([before[name][: fixed.start], before[name][fixed.stop :]])
        assert not torch.equal(others, was)  # the other gates did learn
    gates = trace(model, trainer.probe_batch.x)
    assert (gates["ifgo"[chunk]] == 1.0).all()
    assert all((gates[g] < 1.0).any() for g in "ifo" if g != "ifgo"[chunk])
    if kind == "lstm-cec":
        assert model.memory_bias().tolist() == [30.0] * 6


@pytest.mark.parametrize("kind,chunk", FIXED)
def test_the_fixed_gate_wins_over_chrono_is_masked_and_the_rest_is_the_lstms(kind, chunk):
    """Chrono writes the forget bias and the input gate's (-b_f); the fixed gate is written last,
    and its gradients are masked."""
    init = MemoryInit("chrono", horizon=60)
    fixed, lstm = (build_model(k, 3, 8, 2, seed=5, init=init) for k in (kind, "lstm"))
    torch.testing.assert_close(_effective(fixed, chunk), torch.full((8,), 30.0))
    for other in {0, 1, 2, 3} - {chunk}:
        torch.testing.assert_close(_effective(fixed, other), _effective(lstm, other))
    rows = torch.ones(32, dtype=torch.bool)
    rows[chunk * 8 : (chunk + 1) * 8] = False
    for name, value in lstm.rnn.state_dict().items():
        torch.testing.assert_close(fixed.rnn.state_dict()[name][rows], value[rows])
    # saturated, the gate passes no gradient of its own; a loss on the weights themselves does
    sum(p.sum() for p in fixed.rnn.parameters()).backward()
    for p in fixed.rnn.parameters():
        assert not p.grad[~rows].any() and (p.grad[rows] == 1).all()  # masked by the hooks


@pytest.mark.parametrize("kind,chunk", [("lstm-i1", 0), ("lstm-o1", 3)])
def test_a_fixed_gates_fused_forward_is_the_lstm_with_that_gate_set_to_1(kind, chunk):
    """The fused module against the equations written out with the gate replaced by 1."""
    model = build_model(kind, 3, 5, 2, seed=2, init=MemoryInit("chrono", horizon=9))
    x = torch.randn(4, 9, 3, generator=torch.Generator().manual_seed(1))
    cell = torch.nn.LSTMCell(3, 5)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in model.rnn.state_dict().items()})
    h = c = torch.zeros(4, 5)
    outputs = []
    with torch.no_grad():
        for t in range(9):
            z = list((x[:, t] @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T
                      + cell.bias_hh).chunk(4, dim=-1))
            i, f, g, o = (torch.sigmoid(z[0]), torch.sigmoid(z[1]), torch.tanh(z[2]),
                          torch.sigmoid(z[3]))
            i, o = (torch.ones_like(i), o) if chunk == 0 else (i, torch.ones_like(o))
            c = f * c + i * g
            h = o * torch.tanh(c)
            outputs.append(h)
        out, (h_n, c_n) = model.rnn(x)
    torch.testing.assert_close(out, torch.stack(outputs, dim=1))
    torch.testing.assert_close(c_n[0], c)
    lstm = build_model("lstm", 3, 5, 2, seed=2, init=MemoryInit("chrono", horizon=9))
    assert not torch.allclose(lstm.rnn(x)[0], out, atol=1e-3)  # the gate mattered


def test_the_orthogonal_rnn_starts_orthogonal_from_its_seed_and_is_otherwise_the_rnn():
    a, b, c = (build_model("rnn-orth", 3, 16, 2, seed=s) for s in (7, 7, 8))
    w = a.rnn.weight_hh_l0.detach()
    torch.testing.assert_close(w @ w.T, torch.eye(16), atol=1e-5, rtol=0)
    torch.testing.assert_close(w.T @ w, torch.eye(16), atol=1e-5, rtol=0)
    assert torch.equal(w, b.rnn.weight_hh_l0) and not torch.equal(w, c.rnn.weight_hh_l0)
    rnn = build_model("rnn", 3, 16, 2, seed=7)
    assert not torch.allclose(rnn.rnn.weight_hh_l0 @ rnn.rnn.weight_hh_l0.T, torch.eye(16),
                              atol=0.1)
    for name, value in rnn.state_dict().items():  # W_ih, biases and readout: the RNN's
        if name != "rnn.weight_hh_l0":
            assert torch.equal(a.state_dict()[name], value), name


def test_the_irnn_starts_at_identity_and_zero_bias_and_runs_relu_units():
    """Le, Jaitly & Hinton (2015): W_hh = I, biases 0, h_t = max(0, W_ih x_t + W_hh h_{t-1} + b)."""
    model = build_model("irnn", 3, 6, 2, seed=3)
    assert torch.equal(model.rnn.weight_hh_l0, torch.eye(6))
    assert not model.rnn.bias_ih_l0.any() and not model.rnn.bias_hh_l0.any()
    assert torch.equal(model.rnn.weight_ih_l0, build_model("rnn", 3, 6, 2, seed=3).rnn.weight_ih_l0)
    with torch.no_grad():  # away from the identity, so the unroll below checks every term
        for p in model.rnn.parameters():
            p.add_(0.3 * torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())))
    x = torch.randn(4, 11, 3, generator=torch.Generator().manual_seed(0))
    w = {k: v.detach() for k, v in model.weights().items()}
    h, outputs = torch.zeros(4, 6), []
    for t in range(11):
        h = torch.clamp(x[:, t] @ w["w_ih"].T + w["b_ih"] + h @ w["w_hh"].T + w["b_hh"], min=0)
        outputs.append(h)
    expected = torch.stack(outputs, dim=1)
    with torch.no_grad():
        torch.testing.assert_close(model.rnn(x)[0], expected)
    assert (expected == 0).any() and (expected > 1).any()  # both sides of the ReLU, and unbounded
    torch.testing.assert_close(kind_of("irnn").derivative(expected), (expected > 0).float())


def _gradients(module, x):
    module.zero_grad()
    outputs, _ = module(x)
    (outputs ** 2).sum().backward()
    return {name: p.grad.clone() for name, p in module.named_parameters()}


def test_the_cut_lstm_computes_the_lstms_values_and_cuts_only_the_cell_path():
    """lstm-cut: the fused LSTM's forward values, and the gradients of an independent unroll of
    nn.LSTMCell with c_{t-1} detached; at one step (nothing to cut) the LSTM's own gradients."""
    cut, lstm = (build_model(k, 3, 5, 2, seed=4, init=MemoryInit("chrono", horizon=7))
                 for k in ("lstm-cut", "lstm"))
    assert all(torch.equal(a, b)
               for a, b in zip(cut.state_dict().values(), lstm.state_dict().values()))
    x = torch.randn(4, 7, 3, generator=torch.Generator().manual_seed(0))
    (out_cut, (h_cut, c_cut)), (out, (h, c)) = cut.rnn(x), lstm.rnn(x)
    torch.testing.assert_close(out_cut, out)
    torch.testing.assert_close((h_cut, c_cut), (h, c))
    one = x[:, :1]
    for name, grad in _gradients(cut.rnn, one).items():
        torch.testing.assert_close(grad, _gradients(lstm.rnn, one)[name])
    cell = torch.nn.LSTMCell(3, 5)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in lstm.rnn.state_dict().items()})
    h_t = c_t = torch.zeros(4, 5)
    loss = 0
    for t in range(7):
        h_t, c_t = cell(x[:, t], (h_t, c_t.detach()))
        loss = loss + (h_t ** 2).sum()
    loss.backward()
    through_h = {f"{k}_l0": p.grad for k, p in cell.named_parameters()}
    cut_grads, lstm_grads = _gradients(cut.rnn, x), _gradients(lstm.rnn, x)
    for name, grad in cut_grads.items():
        torch.testing.assert_close(grad, through_h[name])
    assert not torch.allclose(cut_grads["weight_hh_l0"], lstm_grads["weight_hh_l0"])
    assert kind_of("lstm-cut").memory_factor({}) is None  # the probes measure the h path


def _all_gradients(module, x, state):
    """Values and the gradients of every parameter, x and h_0 for a loss that reads every step's
    output and the final state (h, and c where there is one)."""
    x = x.clone().requires_grad_()
    h0 = (state[0] if isinstance(state, tuple) else state).clone().requires_grad_()
    hx = (h0, state[1]) if isinstance(state, tuple) else h0
    module.zero_grad()
    outputs, last = module(x, hx)
    finals = last if isinstance(last, tuple) else (last,)
    loss = (outputs ** 2).sum() + sum((k + 1.5) * (s ** 3).sum() for k, s in enumerate(finals))
    loss.backward()
    grads = {name: p.grad.clone() for name, p in module.named_parameters()}
    return outputs.detach(), [s.detach() for s in finals], {**grads, "x": x.grad, "h0": h0.grad}


def test_the_cut_lstms_written_backward_is_an_unroll_with_c_detached_from_any_start_state():
    """The written-out backward (CutCellPath) against autograd through nn.LSTMCell steps with
    c_{t-1} detached: every weight, the input and h_0, with a loss on h_T and c_T too."""
    cut = build_model("lstm-cut", 3, 5, 2, seed=8).rnn
    cell = torch.nn.LSTMCell(3, 5)
    cell.load_state_dict({k.replace("_l0", ""): v for k, v in cut.state_dict().items()})
    gen = torch.Generator().manual_seed(1)
    x, h0, c0 = torch.randn(4, 9, 3, generator=gen), torch.randn(1, 4, 5, generator=gen), \
        torch.randn(1, 4, 5, generator=gen)

    class Unrolled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = cell

        def forward(self, x, hx):
            h, c, outputs = hx[0][0], hx[1][0], []
            for t in range(x.shape[1]):
                h, c = self.cell(x[:, t], (h, c.detach()))
                outputs.append(h)
            return torch.stack(outputs, 1), (h[None], c[None])

    ours, theirs = _all_gradients(cut, x, (h0, c0)), _all_gradients(Unrolled(), x, (h0, c0))
    torch.testing.assert_close(ours[0], theirs[0])
    torch.testing.assert_close(ours[1], theirs[1])
    for name, grad in ours[2].items():
        unrolled_name = name if name in ("x", "h0") else "cell." + name.replace("_l0", "")
        torch.testing.assert_close(grad, theirs[2][unrolled_name])
    with torch.no_grad():  # no backward to write: the fused module itself
        assert torch.equal(cut(x, (h0, c0))[0], torch.nn.LSTM.forward(cut, x, (h0, c0))[0])


@pytest.mark.parametrize("seq_len", [1, 2, 13])
def test_the_grus_written_backward_gives_nn_grus_values_and_gradients(seq_len):
    """FastGRU: nn.GRU's own forward values (bit for bit) and autograd's gradients through
    nn.GRU for every weight, the input and h_0 (GRUSteps)."""
    fast = build_model("gru", 3, 6, 2, seed=5, init=MemoryInit("chrono", horizon=20)).rnn
    plain = torch.nn.GRU(3, 6, batch_first=True)
    plain.load_state_dict(fast.state_dict())
    gen = torch.Generator().manual_seed(2)
    x, h0 = torch.randn(5, seq_len, 3, generator=gen), torch.randn(1, 5, 6, generator=gen)
    ours, theirs = _all_gradients(fast, x, h0), _all_gradients(plain, x, h0)
    assert torch.equal(ours[0], theirs[0]) and torch.equal(ours[1][0], theirs[1][0])
    assert set(ours[2]) == set(theirs[2])
    for name, grad in ours[2].items():
        torch.testing.assert_close(grad, theirs[2][name])
