"""What every model kind has: ``ModelKind``, and ``MemoryInit``, the memory gate's starting bias.

Memory initialisation (``MemoryInit``) sets the bias of the gate that keeps memory: the LSTM's
forget gate f, the GRU's update gate z (h_t = (1 - z) n + z h_{t-1}, so z near 1 keeps h).
Constant: one bias for every unit. Chrono (Tallec & Ollivier 2018, "Can recurrent neural
networks warp time?"): per unit b = log(u), u ~ U(1, T_max - 1), so memory time scales spread
from 1 step to the sequence length; the LSTM's input gate gets -b.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from lstm_viz.message import Message

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
        raise ValueError(f"unknown memory init {self.mode!r}; "
                         f"choose one of {', '.join(MEMORY_INITS)}")


class ModelKind:
    """One model type: its fused module, gates, step equations, memory path and initialisation
    (its label, colour and words: ``lstm_viz.present.labels``).

    ``gates(w, xw, h_prev)`` computes the gates at one or many steps from xw = x W_ih^T + b_ih;
    ``step(w, xw_t, state)`` advances the state dict (h, and c for the LSTM) one step, with
    gradients; ``memory_factor(internals)`` is d(memory_t)/d(memory_{t-1}) along the kind's
    memory path (B, T, H), or None where the whole gradient must be measured (the RNN).

    Its members come in four groups, in this order: the maths, the initialisation, the hooks of
    the settings (RunConfig's checks, the sidebar) and those of the exported script.
    """

    # -- what it is, and its maths: the fused module and the equations the probes unroll -----------
    name = ""
    summary = ""  # what it is, in one English line: the CLI's help, the exported script's notes
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

    def derivative(self, h: torch.Tensor) -> torch.Tensor:
        """An ungated kind's activation slope at each unit and step, from h_t itself: the
        diagonal of dh_t/dz_t (Pascanu et al. 2013's bound needs it). Gated kinds have none."""
        raise NotImplementedError(f"{self.name} has gates, not one activation")

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

    # -- its initialisation (core/models.py builds the module, then calls these) -------------------
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

    def init_weights(self, rnn: nn.Module, seed: int) -> None:
        """Kind-specific initial weights, drawn from the run's ``seed``; PyTorch's own
        initialisation by default."""

    def scale_recurrence(self, rnn: nn.Module, gain: float) -> None:
        """The ``rnn_gain`` setting, for the kinds that take it (none by default)."""

    # -- its settings: the fields it takes, RunConfig's checks and the sidebar's fixes -------------
    options: tuple[str, ...] = ()  # RunConfig fields besides the common ones this kind takes

    def problem(self, config) -> str | None:
        """What in ``config`` this kind cannot run with, in English (None: nothing)."""
        return None

    def fit(self, values: dict) -> list[Message]:
        """Change the sidebar's ``values`` (setting name -> value) into ones this kind can run
        with, and say what changed (nothing by default)."""
        return []

    # -- the exported script (lstm_viz/export/standalone.py) builds this kind with these -----------
    script_code: tuple = ()  # the kind's own functions and classes, which the script copies
    script_layer_options = ""  # the layer's extra arguments in the script ("proj_size=...")

    @property
    def script_layer(self) -> str:
        """The recurrent layer's class as the script names it: nn.LSTM, or one it copies."""
        name = self.fused.__name__
        return f"nn.{name}" if getattr(nn, name, None) is self.fused else name

    def script_init(self) -> list[str]:
        """The lines of the script's ``build(kind)`` after PyTorch's initialisation, in the app's
        order: the kind's own weights (``init_weights``), then the memory gate's bias."""
        return ["set_memory_gate(model.rnn)"] if self.memory_gate else []

    def script_values(self, config) -> dict:
        """Settings of this kind the script needs, NAME -> value (none by default)."""
        return {}
