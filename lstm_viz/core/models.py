"""The model types, each one ``ModelKind`` that keeps its equations, memory path and
initialisation side by side (as micrograd keeps each op's forward and backward together).

- ``rnn``: Elman's tanh RNN (torch.nn.RNN).
- ``lstm``: Hochreiter & Schmidhuber (1997) with the forget gate of Gers, Schmidhuber &
  Cummins (2000) (torch.nn.LSTM).
- ``gru``: Cho et al. (2014) (torch.nn.GRU).
- ``lstm-cec``: the 1997 cell without a forget gate (f = 1), an ablation of ``lstm``.
- ``lstm-cut``: the LSTM with its cell-state gradient path cut (c_{t-1} detached), an ablation.
- ``lstmp``: the LSTM with a projection layer (Sak, Senior & Beaufays 2014; nn.LSTM's proj_size).
- ``lstm-i1``, ``lstm-o1``: the LSTM with its input or output gate fixed at 1, ablations.
- ``rnn-orth``: the RNN with W_hh initialised orthogonal; ``irnn``: ReLU units, W_hh = I and
  biases 0 at initialisation (Le, Jaitly & Hinton 2015).

Training uses the fused modules; a kind's ``gates`` and ``step`` recompute the same numbers from
the fused weights (equations and gate order as in PyTorch's documentation), so the probes and the
"inside" views can unroll them. The prediction is read from the hidden state at the last step.
All models of one run are initialised from the same seed.

Memory initialisation (``MemoryInit``) sets the bias of the gate that keeps memory: the LSTM's
forget gate f, the GRU's update gate z (h_t = (1 - z) n + z h_{t-1}, so z near 1 keeps h).
Constant: one bias for every unit. Chrono (Tallec & Ollivier 2018, "Can recurrent neural
networks warp time?"): per unit b = log(u), u ~ U(1, T_max - 1), so memory time scales spread
from 1 step to the sequence length; the LSTM's input gate gets -b.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from lstm_viz.message import Message

# Model init draws from torch's global generator, which Streamlit sessions (threads) share.
_INIT_LOCK = threading.Lock()
MEMORY_INITS = ("chrono", "constant")


@dataclass(frozen=True)
class MemoryInit:
    """How the memory gate's bias starts: ``chrono`` over ``horizon`` steps, or ``bias``."""

    mode: str = "constant"  # chrono or constant
    bias: float = 0.0  # constant: the effective bias b_ih + b_hh of every unit
    horizon: int = 100  # chrono: T_max, the longest dependency expected (the sequence length)

    def biases(self, hidden_size: int, generator: torch.Generator) -> torch.Tensor:
        """The effective memory-gate bias of each unit (H,)."""
        if self.mode == "constant":
            return torch.full((hidden_size,), float(self.bias))
        if self.mode == "chrono":
            high = max(1.0, self.horizon - 1.0)
            u = 1.0 + (high - 1.0) * torch.rand(hidden_size, generator=generator)
            return torch.log(u)
        raise ValueError(f"unknown memory init {self.mode!r}; choose one of {', '.join(MEMORY_INITS)}")


class ModelKind:
    """One model type: its fused module, gates, step equations, memory path and initialisation
    (its label, colour and words: ``lstm_viz.present.labels``).

    ``gates(w, xw, h_prev)`` computes the gates at one or many steps from xw = x W_ih^T + b_ih;
    ``step(w, xw_t, state)`` advances the state dict (h, and c for the LSTM) one step, with
    gradients; ``memory_factor(internals)`` is d(memory_t)/d(memory_{t-1}) along the kind's
    memory path (B, T, H), or None where the whole gradient must be measured (the RNN).
    """

    name = ""
    fused: type[nn.Module] = nn.RNN
    gate_names: tuple[str, ...] = ()  # in PyTorch's order
    tanh_gates: tuple[str, ...] = ()  # gates valued in [-1, 1]; the others are sigmoids
    memory_gate: str | None = None  # the gate whose bias the memory init sets
    memory_gate_slice = 0  # that gate's chunk in PyTorch's stacked weights
    state_names: tuple[str, ...] = ("h",)
    memory_state = "h"  # the state that carries memory, drawn on Inside
    fixed_gates: tuple[str, ...] = ()  # gates held at exactly 1 (ablations)

    def gates(self, w: dict, xw: torch.Tensor, h_prev: torch.Tensor) -> dict[str, torch.Tensor]:
        return {}

    def step(self, w: dict, xw: torch.Tensor, state: dict) -> dict[str, torch.Tensor]:
        raise NotImplementedError

    def recurrence(self, gates: dict) -> dict[str, torch.Tensor]:
        """States other than h, from the gates of all steps (the LSTM's c); {} by default."""
        return {}

    def memory_factor(self, internals: dict) -> torch.Tensor | None:
        return None

    def init_memory(self, rnn: nn.Module, init: MemoryInit, generator: torch.Generator) -> None:
        """Set the memory gate's effective bias (split evenly over b_ih and b_hh)."""
        if self.memory_gate is None:
            return
        h = rnn.hidden_size
        memory = init.biases(h, generator)
        gate = slice(self.memory_gate_slice * h, (self.memory_gate_slice + 1) * h)
        with torch.no_grad():
            rnn.bias_ih_l0[gate] = memory / 2
            rnn.bias_hh_l0[gate] = memory / 2
            self.init_other_gates(rnn, init, memory)

    def init_other_gates(self, rnn: nn.Module, init: MemoryInit, memory: torch.Tensor) -> None:
        """Kind-specific companions of the memory bias (none by default)."""

    def init_weights(self, rnn: nn.Module, generator: torch.Generator) -> None:
        """Kind-specific initial weights, drawn from ``generator`` (the run's seed); PyTorch's
        own initialisation by default."""

    options: tuple[str, ...] = ()  # RunConfig fields besides the common ones this kind takes

    def problem(self, config) -> str | None:
        """What in ``config`` this kind cannot run with, in English (None: nothing)."""
        return None

    def fit(self, values: dict) -> list[Message]:
        """Change the sidebar's ``values`` (setting name -> value) into ones this kind can run
        with, and say what changed (nothing by default)."""
        return []

    def state_sizes(self, hidden_size: int, proj_size: int) -> dict[str, int]:
        """The width of each state: every state has ``hidden_size`` units by default."""
        return {name: hidden_size for name in self.state_names}

    def module_options(self, proj_size: int, hidden_size: int) -> dict:
        """Extra arguments of the fused module (none by default)."""
        return {}

    def unit_readout(self, model: nn.Module) -> torch.Tensor:
        """The readout's weight on each of the layer's units (out, H): the readout itself by
        default (the units are h_t's)."""
        return model.readout.weight

    def unit_outputs(self, states: dict) -> torch.Tensor:
        """What each unit outputs (T, H) that ``unit_readout`` weighs: h_t by default."""
        return states["h"]

    def derivative(self, h: torch.Tensor) -> torch.Tensor:
        """An ungated kind's activation slope at each unit and step, from h_t itself: the
        diagonal of dh_t/dz_t (Pascanu et al. 2013's bound needs it). Gated kinds have none."""
        raise NotImplementedError(f"{self.name} has gates, not one activation")


class RNNKind(ModelKind):
    """h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) (Elman 1990)."""

    name = "rnn"
    fused = nn.RNN

    def activation(self, z: torch.Tensor) -> torch.Tensor:
        return torch.tanh(z)

    def derivative(self, h):
        """tanh'(z) = 1 - tanh(z)^2 = 1 - h^2."""
        return 1 - h ** 2

    def step(self, w, xw, state):
        return {"h": self.activation(xw + state["h"] @ w["w_hh"].T + w["b_hh"])}


class OrthogonalRNNKind(RNNKind):
    """The RNN with W_hh initialised as a random orthogonal matrix (Saxe, McClelland & Ganguli
    2014), drawn from the run's seed: every singular value is 1, so at initialisation
    sigma_max(W_hh) = 1, the threshold of Pascanu, Mikolov & Bengio (2013) between vanishing and
    exploding, and only tanh' <= 1 shrinks the error signal. W_ih and the biases are the RNN's
    (same seed, same values); training is free to move W_hh away from orthogonal."""

    name = "rnn-orth"

    def init_weights(self, rnn, generator):
        nn.init.orthogonal_(rnn.weight_hh_l0, generator=generator)


class ReLURNN(nn.RNN):
    """nn.RNN with rectified linear units (nonlinearity='relu')."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, nonlinearity="relu", **kwargs)


class IRNNKind(RNNKind):
    """The IRNN of Le, Jaitly & Hinton (2015), "A Simple Way to Initialize Recurrent Networks
    of Rectified Linear Units": ReLU units, h_t = max(0, x_t W_ih^T + h_{t-1} W_hh^T + b), with
    W_hh initialised to the identity and the biases to 0, so at first a positive unit keeps
    what it holds and adds its input, and the error passes back unchanged through it. W_ih keeps
    PyTorch's initialisation, as in the other kinds (the Keras reproduction of the paper's
    pixel-MNIST experiment draws it from N(0, 0.001^2) instead). The ReLU's slope is 1[h > 0]."""

    name = "irnn"
    fused = ReLURNN

    def activation(self, z):
        return torch.relu(z)

    def derivative(self, h):
        """relu'(z) = 1[z > 0] = 1[h > 0] (0 at z = 0, as autograd takes it)."""
        return (h > 0).to(h.dtype)

    def init_weights(self, rnn, generator):
        with torch.no_grad():
            rnn.weight_hh_l0.copy_(torch.eye(rnn.hidden_size))
            rnn.bias_ih_l0.zero_()
            rnn.bias_hh_l0.zero_()


class LSTMKind(ModelKind):
    """Gates i, f, o (sigmoid), candidate g (tanh); c_t = f c_{t-1} + i g, h_t = o tanh(c_t)."""

    name = "lstm"
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


class FixedGateKind(LSTMKind):
    """The LSTM with one gate (``fixed_gate``) fixed open at exactly 1, in the fused module: the
    gate's weights are 0 and its bias OPEN, split over b_ih and b_hh (sigmoid(30) is exactly 1.0
    in float32), and their gradients are masked, so neither Adam nor SGD ever moves them.
    Everything else is the LSTM's, initialisation included; the fixed gate is written last, so
    it wins over chrono's input-gate bias. Greff et al. (2017), "LSTM: A Search Space Odyssey",
    compared exactly these ablations: NIG (no input gate, i = 1), NFG (no forget gate, f = 1)
    and NOG (no output gate, o = 1)."""

    fixed_gate = ""  # i, f or o
    OPEN = 30.0

    @property
    def fixed_gates(self) -> tuple[str, ...]:
        return (self.fixed_gate,)

    def fixed_rows(self, hidden_size: int) -> slice:
        """The fixed gate's rows in PyTorch's stacked weights and biases."""
        k = self.gate_names.index(self.fixed_gate)
        return slice(k * hidden_size, (k + 1) * hidden_size)

    def init_memory(self, rnn, init, generator):
        super().init_memory(rnn, init, generator)  # the LSTM's own, chrono included
        gate = self.fixed_rows(rnn.hidden_size)
        with torch.no_grad():
            rnn.weight_ih_l0[gate] = 0.0
            rnn.weight_hh_l0[gate] = 0.0
            rnn.bias_ih_l0[gate] = self.OPEN / 2
            rnn.bias_hh_l0[gate] = self.OPEN / 2
        for parameter in (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0):
            parameter.register_hook(lambda grad, gate=gate: _without(grad, gate))


class CECKind(FixedGateKind):
    """The 1997 cell (Hochreiter & Schmidhuber 1997): no forget gate, so f = 1 and the cell
    state is a constant error carousel, c_t = c_{t-1} + i_t g_t, dc_t/dc_{t-1} = 1 exactly (the
    forget gate came with Gers, Schmidhuber & Cummins 2000; Greff et al. 2017's NFG)."""

    name = "lstm-cec"
    fixed_gate = "f"


class InputOpenKind(FixedGateKind):
    """The LSTM without an input gate, i = 1 (Greff et al. 2017's NIG): every step writes its
    whole candidate into the cell state, c_t = f_t c_{t-1} + g_t, and only the forget gate
    decides what stays. Without it the cell cannot shield its memory from irrelevant inputs, the
    "input weight conflict" the input gate was made for (Hochreiter & Schmidhuber 1997)."""

    name = "lstm-i1"
    fixed_gate = "i"


class OutputOpenKind(FixedGateKind):
    """The LSTM without an output gate, o = 1 (Greff et al. 2017's NOG): h_t = tanh(c_t), so the
    whole cell state is shown at every step and reaches the gates of the next one (Hochreiter &
    Schmidhuber 1997 made the output gate against this "output weight conflict")."""

    name = "lstm-o1"
    fixed_gate = "o"


def _without(grad: torch.Tensor, rows: slice) -> torch.Tensor:
    """The gradient with ``rows`` set to 0 (a frozen gate: Adam and SGD then leave it as is)."""
    grad = grad.clone()
    grad[rows] = 0.0
    return grad


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
        step, outputs = KINDS["lstm-cut"].step, []
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
    fused = CutLSTM

    def step(self, w, xw, state):
        c, h = self.cell(self.gates(w, xw, state["h"]), state["c"].detach())
        return {"h": h, "c": c}

    def memory_factor(self, internals):
        """None: the cell path is cut, so the probes measure the gain on the actual gradient,
        which flows through h only (as for the RNN)."""
        return None


def projection(hidden_size: int, proj_size: int) -> int:
    """An LSTMP's projection width: ``proj_size``, or half the hidden size for 0."""
    return proj_size or max(1, hidden_size // 2)


class ProjectedLSTMKind(LSTMKind):
    """The LSTM with a projection layer (LSTMP, Sak, Senior & Beaufays 2014; nn.LSTM's
    ``proj_size``): the cell keeps H units, h_t = W_hr (o_t tanh(c_t)) has P < H, and the gates
    and the readout see only those P numbers. Fewer recurrent weights (4H x P instead of 4H x H);
    the cell state's additive path is the LSTM's."""

    name = "lstmp"

    options = ("proj_size",)

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
                                 "hidden": values["hidden_size"], "using": values["hidden_size"] - 1}))
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


class GRUKind(ModelKind):
    """r, z (sigmoid); n = tanh(x_n + r (h W_hn + b_hn)); h_t = (1 - z) n + z h_{t-1}."""

    name = "gru"
    fused = nn.GRU
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


KINDS: dict[str, ModelKind] = {k.name: k for k in (
    RNNKind(), LSTMKind(), GRUKind(), CECKind(), CutKind(), InputOpenKind(), OutputOpenKind(),
    OrthogonalRNNKind(), IRNNKind(), ProjectedLSTMKind())}
MODEL_KINDS = tuple(KINDS)


def kind_of(name: str) -> ModelKind:
    """The ModelKind called ``name``; an unknown name fails loudly."""
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(MODEL_KINDS)}") from None


class RecurrentModel(nn.Module):
    """A one-layer fused recurrent module (batch first) plus a linear readout at step T, or at
    every step (``every_step``: a next-character model)."""

    def __init__(self, kind: str, input_size: int, hidden_size: int, output_size: int,
                 every_step: bool = False, proj_size: int = 0):
        super().__init__()
        self.kind = kind
        self.spec = kind_of(kind)
        self.hidden_size = hidden_size
        self.state_sizes = self.spec.state_sizes(hidden_size, proj_size)
        self.every_step = every_step
        self.rnn = self.spec.fused(input_size, hidden_size, batch_first=True,
                                   **self.spec.module_options(proj_size, hidden_size))
        self.readout = nn.Linear(self.state_sizes["h"], output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Prediction (B, output_size) from the hidden state at the last step, or (B, T,
        output_size) at every step."""
        outputs, _ = self.rnn(x)
        return self.readout(outputs if self.every_step else outputs[:, -1])

    def run(self, x: torch.Tensor, state=None) -> tuple[torch.Tensor, object]:
        """Predictions at every step (B, T, output_size) from ``state`` (None: zeros), and the
        state after the last step (the fused module's own: h, or (h, c) for the LSTM)."""
        outputs, state = self.rnn(x, state)
        return self.readout(outputs), state

    def weights(self) -> dict[str, torch.Tensor]:
        """The recurrent layer's parameters: w_ih, w_hh, b_ih, b_hh (PyTorch gate order), and
        the projection w_hr where there is one (LSTMP)."""
        weights = {
            "w_ih": self.rnn.weight_ih_l0,
            "w_hh": self.rnn.weight_hh_l0,
            "b_ih": self.rnn.bias_ih_l0,
            "b_hh": self.rnn.bias_hh_l0,
        }
        if getattr(self.rnn, "proj_size", 0):
            weights["w_hr"] = self.rnn.weight_hr_l0
        return weights

    def memory_bias(self) -> torch.Tensor | None:
        """The memory gate's effective bias b_ih + b_hh per unit (None for the RNN)."""
        if self.spec.memory_gate is None:
            return None
        h, k = self.hidden_size, self.spec.memory_gate_slice
        return (self.rnn.bias_ih_l0 + self.rnn.bias_hh_l0)[k * h : (k + 1) * h].detach()


def build_model(kind: str, input_size: int, hidden_size: int, output_size: int, seed: int,
                init: MemoryInit = MemoryInit(), every_step: bool = False,
                proj_size: int = 0) -> RecurrentModel:
    """A model initialised from ``seed`` alone (not from whatever the global RNG holds);
    ``proj_size``: the projection of the kinds that have one (LSTMP)."""
    with _INIT_LOCK, torch.random.fork_rng():
        torch.manual_seed(seed)
        model = RecurrentModel(kind, input_size, hidden_size, output_size, every_step, proj_size)
    model.spec.init_weights(model.rnn, torch.Generator().manual_seed(seed))
    model.spec.init_memory(model.rnn, init, torch.Generator().manual_seed(seed + 17))
    return model

