"""The LSTM with a projection layer (LSTMP, Sak, Senior & Beaufays 2014): its fused nn.LSTM,
its own step and the probes against a written-out unroll, its setting, and the pages."""

from pathlib import Path

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.kinds import MemoryInit
from lstm_viz.core.models import build_model
from lstm_viz.core.probes import probe
from lstm_viz.tasks import make_task

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def written_out(model, x):
    """h_t and c_t of every step from the equations, with the fused module's weights:
    z = x W_ih^T + b_ih + h W_hh^T + b_hh; i, f, g, o; c = f c + i g; h = W_hr (o tanh c)."""
    rnn = model.rnn
    h = x.new_zeros(x.shape[0], rnn.proj_size)
    c = x.new_zeros(x.shape[0], rnn.hidden_size)
    hs, cs = [], []
    for t in range(x.shape[1]):
        z = x[:, t] @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0
        i, f, g, o = z.chunk(4, dim=-1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = (torch.sigmoid(o) * torch.tanh(c)) @ rnn.weight_hr_l0.T
        hs.append(h)
        cs.append(c)
    return hs, cs


def test_the_projection_is_half_the_hidden_size_unless_set_and_must_be_smaller():
    assert RunConfig(models=("lstmp",), hidden_size=32).projection == 16
    assert RunConfig(models=("lstmp",), hidden_size=3).projection == 1
    assert RunConfig(models=("lstmp",), hidden_size=32, proj_size=5).projection == 5
    for hidden, proj in ((8, 8), (1, 0), (4, 9)):
        with pytest.raises(ValueError, match="lstmp needs"):
            RunConfig(models=("lstmp",), hidden_size=hidden, proj_size=proj)
    RunConfig(models=("lstm",), hidden_size=4, proj_size=9)  # only the LSTMP needs it


def test_the_fused_forward_is_the_written_out_lstmp_and_the_readout_sees_p_numbers():
    task = make_task("latch", 9)
    model = build_model("lstmp", task.input_size, 8, task.output_size, 0, proj_size=3)
    assert model.rnn.proj_size == 3 and model.readout.in_features == 3
    assert model.state_sizes == {"h": 3, "c": 8} and model.rnn.weight_hh_l0.shape == (32, 3)
    x = task.sample(5, torch.Generator().manual_seed(1)).x
    outputs, (h_n, c_n) = model.rnn(x)
    hs, cs = written_out(model, x)
    torch.testing.assert_close(outputs, torch.stack(hs, dim=1))
    torch.testing.assert_close(c_n[0], cs[-1])


@pytest.mark.parametrize("task_name,seq_len", [("latch", 12), ("adding", 9), ("latch", 1)])
def test_probes_match_autograd_on_the_written_out_unroll(task_name, seq_len):
    task = make_task(task_name, seq_len)
    model = build_model("lstmp", task.input_size, 6, task.output_size, 2,
                        MemoryInit("constant", 1.5), proj_size=4)
    batch = task.sample(6, torch.Generator().manual_seed(2))
    x = batch.x.clone().requires_grad_(True)
    hs, cs = written_out(model, x)
    for state in hs + cs:
        state.retain_grad()
    task.loss(model.readout(hs[-1]), batch.y, reduction="sum").backward()
    result = probe(model, task, batch)
    np.testing.assert_allclose(result.grad_h, [h.grad.norm(dim=-1).mean().item() for h in hs],
                               rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(result.grad_c, [c.grad.norm(dim=-1).mean().item() for c in cs],
                               rtol=1e-4, atol=1e-9)
    effective = model.readout.weight @ model.rnn.weight_hr_l0  # (out, H): each cell unit's weight
    np.testing.assert_allclose(result.readout_norms, effective.detach().norm(dim=0).numpy(),
                               rtol=1e-6)
    assert result.states["c"].shape[-1] == 6 and result.states["h"].shape[-1] == 4
    x = batch.x.clone().requires_grad_(True)  # connectivity: d prediction / d x_t
    pred = model.readout(written_out(model, x)[0][-1])
    (pred[:, 0] if task.output_size == 1 else pred.max(dim=1).values).sum().backward()
    np.testing.assert_allclose(result.connectivity, x.grad.norm(dim=-1).mean(dim=0).numpy(),
                               rtol=1e-4, atol=1e-9)


def test_an_lstmp_races_and_remembers_the_latch():
    torch.set_num_threads(1)
    run = LockstepTrainer(RunConfig(seq_len=20, models=("lstmp",), max_steps=300, seed=0))
    run.train_to(300)
    view = run.view()
    assert view.solved_step("lstmp") is not None, view.evals["lstmp"][-3:]


def open_app(params):
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_projection_slider_shows_with_the_lstmp_and_a_too_large_one_is_clamped():
    at = open_app({"models": ["LSTM"]})
    assert not [s for s in at.slider if s.key == "proj_size"]
    at = open_app({"models": ["LSTM", "LSTMP"], "hidden_size": "6", "proj_size": "9"})
    assert at.select_slider(key="proj_size").value == 9
    assert "using 5 instead of 9" in " ".join(i.value for i in at.info)
    assert at.session_state["cursor"].run.config.proj_size == 5
    at = open_app({"models": ["LSTMP"], "hidden_size": "1"})
    config = at.session_state["cursor"].run.config
    assert (config.hidden_size, config.projection) == (2, 1)
