"""Long-lag benchmark tasks from Hochreiter & Schmidhuber (1997), "Long Short-Term Memory".

Every task makes seeded batches of shape (batch, seq_len, input_size), scores a model's
prediction at the last time step, and says which time steps carry the information the model
must remember (``Batch.key_steps``), so plots can mark them. An ``every_step`` task (the
next-character text, text.py) also predicts at every step along the way.

- ``latch``: experiment 2, the first symbol must be reported after seq_len - 1 distractors.
- ``adding``: experiment 4, the sum of the two marked values in a stream of random values.
- ``order``: experiment 6 (temporal order), the order of two relevant symbols among distractors.

``Task.flipped`` makes the memory trace's intervention (probes.py): the same sequences with only
the remembered input changed, at the first key step, and the targets that follow from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from .i18n import t

MAX_SEQ_LEN = 500


@dataclass(frozen=True)
class Batch:
    """One batch: inputs x (B, T, I), targets y (B,), and key_steps (B, k), 0-based."""

    x: torch.Tensor
    y: torch.Tensor
    key_steps: torch.Tensor


class Task:
    """Base class: a sequence task scored at the last time step."""

    name = ""
    metric_name = ""
    higher_is_better = True
    loss_is_metric = False  # True where the training loss is the metric itself (adding: MSE)
    chance = 0.0
    solved_threshold = 0.0
    input_size = 1
    output_size = 1
    min_seq_len = 1
    class_names: tuple[str, ...] = ()  # for classification tasks, the name of each class
    # True: the model predicts at every step, batch.y is (B, T), the loss averages over all
    # steps and the metric scores the last one (``last``). False: one prediction, y is (B,).
    every_step = False
    eval_batch_size = 512  # held-out sequences; accuracy in steps of 1/512
    options: tuple[str, ...] = ()  # RunConfig fields besides seq_len that this task takes

    @classmethod
    def longest(cls, **options) -> int:
        """The longest sequence this task can make with these options (RunConfig.task_options;
        the ones it does not take are ignored)."""
        return MAX_SEQ_LEN

    @property
    def title(self) -> str:
        """The task's name as the charts show it, in the current language."""
        return t(f"task.{self.name}.title")

    @property
    def source(self) -> str:
        """Where the task comes from, in the current language."""
        return t(f"task.{self.name}.source")

    def __init__(self, seq_len: int):
        if not self.min_seq_len <= seq_len <= MAX_SEQ_LEN:
            raise ValueError(
                f"{self.name} needs a sequence length from {self.min_seq_len} to {MAX_SEQ_LEN}, "
                f"got {seq_len}"
            )
        self.seq_len = seq_len

    def sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        raise NotImplementedError

    def probe_sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        """The probe sequences (the pages' close-up look): plain samples unless a task pairs
        them up."""
        return self.sample(batch_size, generator)

    def held_out_sample(self, batch_size: int, generator: torch.Generator) -> Batch:
        """Sequences to evaluate on; fresh samples (never trained on) unless a task keeps a
        held-out part of fixed data."""
        return self.sample(batch_size, generator)

    def loss(self, pred: torch.Tensor, y: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
        raise NotImplementedError

    def flipped(self, batch: Batch) -> Batch | None:
        """The same sequences with only the remembered input changed (one step,
        ``key_steps[:, 0]``) and the targets that follow; None where a task has no one input to
        flip (the default)."""
        return None

    def flip_words(self, a: Batch, b: Batch, i: int) -> str:
        """What the flip changed in sequence i, as a page says it: 'the signal at t = 1, A → B'."""
        return ""

    def eval_loss(self, pred: torch.Tensor, y: torch.Tensor) -> float:
        """The held-out loss the pages draw (the training loss unless a task says otherwise)."""
        return self.loss(pred, y).item()

    def last(self, y: torch.Tensor) -> torch.Tensor:
        """The targets at the last step, the ones the metric scores (B,)."""
        return y[:, -1] if self.every_step else y

    def step_labels(self, x: torch.Tensor) -> list[str] | None:
        """What each time step of one sequence x (T, I) holds, for a chart's time axis (None:
        plain step numbers)."""
        return None

    def loss_references(self) -> dict[str, float]:
        """Reference lines, in eval_loss's units, for a chart of the held-out loss ({}: the
        pages draw the training loss instead)."""
        return {}

    def metric(self, pred: torch.Tensor, y: torch.Tensor) -> float:
        raise NotImplementedError

    def is_solved(self, metric: float) -> bool:
        """True when the metric is past the task's 'solved' threshold."""
        if self.higher_is_better:
            return metric >= self.solved_threshold
        return metric <= self.solved_threshold

    def describe(self) -> str:
        """One sentence that says what a model must do."""
        raise NotImplementedError

    def format(self, metric: float) -> str:
        """A metric as the pages print it."""
        return f"{metric:.2f}"

    @property
    def metric_label(self) -> str:
        """The metric as the pages and charts name it, in the current language (``metric_name``
        stays the English identifier of the CLI and the exports); by default the name itself,
        for abbreviations that read the same in every language (MSE, RMSE)."""
        return self.metric_name

    @property
    def chance_name(self) -> str:
        """What the chance line is called: 'chance', or 'the baseline' for a regression."""
        return t("task.chance") if self.higher_is_better else t("task.baseline")

    length_name = "lag"  # what seq_len is called on the charts (an id: lag or window)
    metric_axis = "unit"  # the metric chart's y axis: unit (0 to 1), log or linear

    @property
    def length_label(self) -> str:
        """What seq_len is called on the charts, in the current language: 'lag', 'window'."""
        return t("task.window") if self.length_name == "window" else t("task.lag")

    @property
    def reference_line(self) -> str:
        """The chance line as a sentence names it: 'the chance line', 'the baseline'."""
        return t("task.chance_line") if self.higher_is_better else t("task.baseline")

    def metric_references(self) -> dict[str, float]:
        """Reference lines of the metric chart, label -> value: chance, or the baseline."""
        if self.higher_is_better:
            return {t("task.chance_value", value=f"{self.chance:.2f}"): self.chance}
        return {t("task.baseline_value", value=f"{self.chance:.3f}"): self.chance}

    @property
    def goal(self) -> str:
        """What a model must do, as the Race page's opening says it."""
        return t("task.goal")

    @property
    def solved_words(self) -> str:
        """What 'solved' means here, as the verdict says it: 'solved the lag-100 latch'."""
        return t("task.solved", T=self.seq_len, task=self.name)

    def plateau_note(self, metric: float) -> str:
        """Why a model may sit on a known plateau above chance ('' when it is on none)."""
        return ""


class _Classification(Task):
    metric_name = "accuracy"
    higher_is_better = True
    solved_threshold = 0.95

    @property
    def metric_label(self):
        return t("task.accuracy")

    def loss(self, pred, y, reduction="mean"):
        return F.cross_entropy(pred, y, reduction=reduction)

    def metric(self, pred, y):
        return (pred.argmax(dim=-1) == y).float().mean().item()


def _one_hot(symbols: torch.Tensor, size: int) -> torch.Tensor:
    return F.one_hot(symbols, size).float()


def _two_positions(batch_size: int, seq_len: int, generator: torch.Generator) -> torch.Tensor:
    """One step in the first half and one in the second half: (B, 2), ascending."""
    half = seq_len // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, seq_len, (batch_size,), generator=generator)
    return torch.stack([first, second], dim=1)


class Latch(_Classification):
    """Experiment 2 of Hochreiter & Schmidhuber (1997): remember the first symbol.

    Step 0 holds one of ``n_signals`` signal symbols; steps 1..T-1 hold random distractor
    symbols. The target, read at the last step, is the signal symbol. Inputs are one-hot over
    signals + distractors. Chance accuracy is 1 / n_signals.
    """

    name = "latch"

    def __init__(self, seq_len: int, n_signals: int = 2, n_distractors: int = 4):
        super().__init__(seq_len)
        self.n_signals = n_signals
        self.n_distractors = n_distractors
        self.input_size = n_signals + n_distractors
        self.output_size = n_signals
        self.chance = 1.0 / n_signals
        self.class_names = tuple("ABCDEFGH"[:n_signals])

    def sample(self, batch_size, generator):
        signal = torch.randint(0, self.n_signals, (batch_size,), generator=generator)
        noise = torch.randint(
            self.n_signals, self.input_size, (batch_size, self.seq_len - 1), generator=generator
        )
        symbols = torch.cat([signal[:, None], noise], dim=1)
        key_steps = torch.zeros(batch_size, 1, dtype=torch.long)
        return Batch(_one_hot(symbols, self.input_size), signal, key_steps)

    def flipped(self, batch):
        """The signal at step 0 replaced by the next signal symbol (A ↔ B for two signals); the
        target is the new signal."""
        other = (batch.x[:, 0, : self.n_signals].argmax(dim=-1) + 1) % self.n_signals
        x = batch.x.clone()
        x[:, 0] = _one_hot(other, self.input_size)
        return Batch(x, other, batch.key_steps)

    def flip_words(self, a, b, i):
        return t("task.latch.flip", a=self.class_names[int(a.y[i])],
                 b=self.class_names[int(b.y[i])])

    def describe(self):
        return t("task.latch.describe", T=self.seq_len, n=self.n_signals,
                 distractors=self.seq_len - 1)


class Adding(Task):
    """Experiment 4 of Hochreiter & Schmidhuber (1997): add two marked numbers.

    Channel 0 holds a value drawn uniformly from [0, 1]; channel 1 marks two steps, one in each
    half of the sequence. The target is the sum of the two marked values, scored by mean squared
    error. Always answering 1 scores 1/6 = 0.167 (the variance of the sum); that is the baseline.
    """

    name = "adding"
    metric_name = "MSE"
    higher_is_better = False
    loss_is_metric = True
    metric_axis = "log"
    chance = 1.0 / 6.0
    solved_threshold = 0.01
    input_size = 2
    output_size = 1
    min_seq_len = 2

    def sample(self, batch_size, generator):
        values = torch.rand(batch_size, self.seq_len, generator=generator)
        positions = _two_positions(batch_size, self.seq_len, generator)
        markers = torch.zeros(batch_size, self.seq_len)
        markers.scatter_(1, positions, 1.0)
        target = values.gather(1, positions).sum(dim=1)
        return Batch(torch.stack([values, markers], dim=-1), target, positions)

    def loss(self, pred, y, reduction="mean"):
        return F.mse_loss(pred[:, 0], y, reduction=reduction)

    def metric(self, pred, y):
        return F.mse_loss(pred[:, 0], y).item()

    def flipped(self, batch):
        """The first marked value v moved by half the value range, v + 0.5 below 0.5 and v - 0.5
        from it on (so the sum, the target, always moves by exactly 0.5 and stays in [0, 2])."""
        rows, first = torch.arange(len(batch.y)), batch.key_steps[:, 0]
        value = batch.x[rows, first, 0]
        shift = torch.where(value < 0.5, 0.5, -0.5)
        x = batch.x.clone()
        x[rows, first, 0] = value + shift
        return Batch(x, batch.y + shift, batch.key_steps)

    def flip_words(self, a, b, i):
        step = int(a.key_steps[i, 0])
        return t("task.adding.flip", step=step + 1, a=f"{float(a.x[i, step, 0]):.2f}",
                 b=f"{float(b.x[i, step, 0]):.2f}")

    def describe(self):
        return t("task.adding.describe", T=self.seq_len)

    def format(self, metric):
        return f"{metric:.3g}" if abs(metric) < 1e4 else f"{metric:.1e}"

    def plateau_note(self, metric):
        """A model that remembers only the second marked number scores 1/12 = 0.083."""
        if 0.06 <= metric <= 0.11:
            return t("task.adding.plateau")
        return ""


class TemporalOrder(_Classification):
    """Experiment 6 of Hochreiter & Schmidhuber (1997): the order of two relevant symbols.

    Each step holds one of 4 distractor symbols, except two steps (one in each half) that hold
    X or Y. The class is the ordered pair: XX, XY, YX or YY, so chance accuracy is 0.25.
    """

    name = "order"
    chance = 0.25
    class_names = ("XX", "XY", "YX", "YY")
    input_size = 6  # 4 distractors, then X and Y
    output_size = 4
    min_seq_len = 2

    def sample(self, batch_size, generator):
        symbols = torch.randint(0, 4, (batch_size, self.seq_len), generator=generator)
        positions = _two_positions(batch_size, self.seq_len, generator)
        relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
        symbols.scatter_(1, positions, 4 + relevant)
        target = 2 * relevant[:, 0] + relevant[:, 1]
        return Batch(_one_hot(symbols, self.input_size), target, positions)

    def flipped(self, batch):
        """The first of the two relevant symbols swapped (X ↔ Y); the class follows
        (XY ↔ YY, XX ↔ YX)."""
        rows, first = torch.arange(len(batch.y)), batch.key_steps[:, 0]
        relevant = batch.x[rows, first].argmax(dim=-1) - 4  # 0: X, 1: Y
        x = batch.x.clone()
        x[rows, first] = _one_hot(5 - relevant, self.input_size)
        return Batch(x, batch.y + 2 * (1 - 2 * relevant), batch.key_steps)

    def flip_words(self, a, b, i):
        step = int(a.key_steps[i, 0])
        return t("task.order.flip", step=step + 1, a=self.class_names[int(a.y[i])][0],
                 b=self.class_names[int(b.y[i])][0])

    def describe(self):
        return t("task.order.describe", T=self.seq_len)

    def plateau_note(self, metric):
        """0.5: the model remembers one of the two symbols and guesses the other."""
        if 0.4 <= metric <= 0.6:
            return t("task.order.plateau")
        return ""


from .series import Series  # noqa: E402  (they build on the classes above)
from .text import Text  # noqa: E402

TASKS = {task.name: task for task in (Latch, Adding, TemporalOrder, Text, Series)}


def make_task(name: str, seq_len: int, **options) -> Task:
    """Build a task by name, passing on the options it takes (others are ignored); raises
    ValueError with the valid names for an unknown one."""
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}; choose one of {', '.join(TASKS)}")
    task = TASKS[name]
    return task(seq_len, **{k: v for k, v in options.items() if k in task.options})
