"""Export a run: its records as CSV, its models' weights, and a standalone PyTorch script that
reproduces its training.

- ``history_csv``, ``evals_csv``, ``probes_csv``: what a reader sees of a run (a ``RunView``, so
  records up to the step on screen), one row per model and step (and time step t for probes).
  Units are in the column names: ``loss_nats`` is cross-entropy in nats (latch, order, text;
  text's training loss counts the long-range character once more, as ``Text.loss`` says),
  ``loss_mse`` a mean squared error (adding; series, in typical changes squared);
  ``rmse_in_typical_changes`` is the series' RMSE in units of the typical change.
- ``weights_at``: a question for ``trainer.answer`` (it runs where the models are, in the worker
  process or here) that returns the weights file of a step, or None once the run has trained
  past it (as ``training.probe_at``: only the latest weights are kept). The file is one
  ``torch.save`` of a dict ``{"step": int, "config": {setting: value}, "diverged": {model:
  step}, "models": {model: {name: tensor}}}`` where each ``models[kind]`` is a
  ``RecurrentModel.state_dict()`` (``rnn.weight_ih_l0``, ..., ``readout.bias``). It holds only
  tensors, strings and numbers, so ``torch.load(f, weights_only=True)`` reads it, and the
  script's models load it.
- ``script``: a Python file that needs only PyTorch and NumPy (and Python's own modules). It
  holds the run's settings, the task's batches, the models (the ablations included) and the
  training loop, and prints every step's training loss of each model, the numbers the app
  records. An uploaded price series is not embedded, and a model kind the script cannot build
  yet is named: ``script`` raises ``NotExportable`` with a sentence to show.
"""

from __future__ import annotations

import io
import pprint
import textwrap
from dataclasses import asdict
from string import Template
from typing import NamedTuple

import numpy as np
import pandas as pd
import torch
from torch import nn

from lstm_viz.core.config import RunConfig
from lstm_viz.core.kinds import KINDS
from lstm_viz.core.training import LockstepTrainer, RunView
from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_label
from lstm_viz.tasks import Task, make_task, series, text

GRAD_NORM = "grad_norm_before_clipping"


class NotExportable(ValueError):
    """The script cannot reproduce this run on its own; str(error) says why, to show."""


# -- records as CSV ---------------------------------------------------------------------------
def _loss_column(task) -> str:
    """'loss_nats' (cross-entropy) for a classifier, 'loss_mse' for a regression."""
    return "loss_nats" if task.class_names else "loss_mse"


def _metric_column(task) -> str:
    """The task's metric as a column name, with its unit where it has one."""
    name = task.metric_name.lower().replace(" ", "_").replace("-", "_")
    return "rmse_in_typical_changes" if name == "rmse" else name


def _csv(frames: list[pd.DataFrame], columns: list[str]) -> str:
    """The frames one under the other as CSV text (only the header if there are none)."""
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return table.to_csv(index=False, columns=columns)


def history_csv(view: RunView) -> str:
    """Per-step training records (one training batch each) of every model, up to the view's
    step: step, model, the batch's loss and metric, and the gradient norm before clipping."""
    columns = ["step", "model", _loss_column(view.task), _metric_column(view.task), GRAD_NORM]
    frames = [pd.DataFrame({"step": rows["step"].astype(int), "model": kind,
                            columns[2]: rows["loss"], columns[3]: rows["metric"],
                            GRAD_NORM: rows["grad_norm"]})
              for kind, rows in view.history.items()]
    return _csv(frames, columns)


def evals_csv(view: RunView) -> str:
    """The held-out evaluations up to the view's step: step, model, the metric and the loss on
    the fixed held-out batch (text: cross-entropy per character, without the extra term)."""
    metric, loss = "held_out_" + _metric_column(view.task), "held_out_" + _loss_column(view.task)
    rows = [(step, kind, value, held_out_loss) for kind in view.models  # recorded together
            for (step, value), (_, held_out_loss) in zip(view.evals[kind], view.eval_losses[kind])]
    return pd.DataFrame(rows, columns=["step", "model", metric, loss]).to_csv(index=False)


PROBE_COLUMNS = ["step", "model", "t", "grad_norm_dL_dh", "grad_norm_dL_dc",
                 "connectivity_dprediction_dx", "factor_one_step_back", "factor_product_T_to_t",
                 "pascanu_bound", "sigma_max_W_hh"]


def _probe_frame(step: int, probe) -> pd.DataFrame:
    """One model's probe at one step, one row per time step t (1 to T); NaN where a probe does
    not apply to the model (dL/dc_t is the LSTM's; the bound and sigma_max are the RNN's)."""
    length = len(probe.grad_h)
    nothing = np.full(length, np.nan)
    return pd.DataFrame({
        "step": step, "model": probe.kind, "t": np.arange(1, length + 1),
        "grad_norm_dL_dh": probe.grad_h,
        "grad_norm_dL_dc": nothing if probe.grad_c is None else probe.grad_c,
        "connectivity_dprediction_dx": probe.connectivity,
        "factor_one_step_back": probe.multiplier,
        "factor_product_T_to_t": probe.multiplier_product,
        "pascanu_bound": nothing if probe.multiplier_bound is None else probe.multiplier_bound,
        "sigma_max_W_hh": np.nan if probe.sigma_max is None else probe.sigma_max,
    })


def probes_csv(view: RunView) -> str:
    """The probe traces of every snapshot the view holds (the scheduled ones up to its step and
    any the session took itself), as probes.py defines them: ||dL/dh_t|| and ||dL/dc_t|| (batch
    means, L the summed loss; Hochreiter 1991, Bengio et al. 1994), the connectivity
    ||d prediction / d x_t|| (Madsen 2019), the per-step factor and its product from T back to
    t (geometric means over the probe sequences), Pascanu et al.'s (2013) worst-case factor and
    sigma_max(W_hh) for the RNN."""
    frames = [_probe_frame(s.step, probe) for s in view.snapshots for probe in s.probes.values()]
    return _csv(frames, PROBE_COLUMNS)


# -- weights ----------------------------------------------------------------------------------
class Weights(NamedTuple):
    """A weights file: the step its weights are of and the bytes of its ``torch.save`` file."""

    step: int
    data: bytes


def weights_at(trainer: LockstepTrainer, step: int | None = None) -> Weights | None:
    """Every model's weights at ``step`` (None: the step the run stands at) as a weights file,
    or None if the run stands elsewhere, as ``training.probe_at`` (it keeps only its latest
    weights). A question for ``trainer.answer``. The file is made where the
    models are: tensors cannot cross the worker's pipe (it pickles them through torch's
    shared-memory reductions), bytes can. A diverged model's weights are those it stopped with."""
    if step is not None and trainer.steps != step:
        return None
    settings = {k: v for k, v in asdict(trainer.config).items() if k != "max_steps"}
    content = {"step": trainer.steps, "config": settings, "diverged": dict(trainer.diverged),
               "models": {kind: dict(model.state_dict()) for kind, model in trainer.models.items()}}
    buffer = io.BytesIO()
    torch.save(content, buffer)
    return Weights(trainer.steps, buffer.getvalue())


def file_name(config: RunConfig, what: str, step: int | None = None) -> str:
    """'lstm-vs-rnn_latch_T100_seed0_step120_history.csv' (no step for the script)."""
    at = "" if step is None else f"_step{step}"
    return f"lstm-vs-rnn_{config.task}_T{config.seq_len}_seed{config.seed}{at}_{what}"


# -- the standalone script --------------------------------------------------------------------
HEADER = '''"""Reproduce a run of "LSTM vs RNN, live" in plain PyTorch: $title.

$intro

    python $file_name --steps 100

The app's weights file (.pt) loads into these models:
    build("lstm").load_state_dict(torch.load("weights.pt", weights_only=True)["models"]["lstm"])
"""

$imports
# ---- The settings (from the app) ------------------------------------------------------------
SEQ_LEN = $seq_len  # time steps per sequence: the lag to bridge
HIDDEN_SIZE = $hidden_size  # units per model
${proj_line}OPTIMIZER = $optimizer  # "adam" (Kingma & Ba 2015) or "sgd" (plain)
LR = $lr  # learning rate, the same for every model
BATCH_SIZE = $batch_size  # sequences per step, the same batch for every model
# How the memory gate (the LSTM's forget gate f, the GRU's update gate z) starts: "chrono"
# (Tallec & Ollivier 2018, "Can recurrent neural networks warp time?") or "constant".
MEMORY_INIT = $memory_init
FORGET_BIAS = $forget_bias  # the "constant" init's bias b_ih + b_hh of f (LSTM) and z (GRU)
CLIP = $clip  # gradient-norm clipping threshold (Pascanu, Mikolov & Bengio 2013); 0: none
SEED = $seed  # initial weights and batches follow from it
# The models that race (this file holds the code of these only):
MODELS = $models
STEPS = $steps  # the app's step cap; --steps changes it
'''

LATCH = '''
# ---- The task: the latch (Hochreiter & Schmidhuber 1997, experiment 2) -----------------------
# Step 0 holds one of N_SIGNALS signal symbols, steps 1 to T-1 random distractors, one-hot.
# The model must report the signal at the last step: chance accuracy is 1 / N_SIGNALS.
N_SIGNALS, N_DISTRACTORS = $n_signals, $n_distractors
INPUT_SIZE, OUTPUT_SIZE = N_SIGNALS + N_DISTRACTORS, N_SIGNALS


def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, INPUT_SIZE) and the signal to report y (B,)."""
    signal = torch.randint(0, N_SIGNALS, (batch_size,), generator=generator)
    noise = torch.randint(N_SIGNALS, INPUT_SIZE, (batch_size, SEQ_LEN - 1), generator=generator)
    symbols = torch.cat([signal[:, None], noise], dim=1)
    return F.one_hot(symbols, INPUT_SIZE).float(), signal


def loss_fn(pred, y):
    """Cross-entropy (nats) of the answer at the last step."""
    return F.cross_entropy(pred, y)
'''

TWO_POSITIONS = '''

def two_positions(batch_size, generator):
    """One step in the first half of the sequence and one in the second: (B, 2)."""
    half = SEQ_LEN // 2
    first = torch.randint(0, half, (batch_size,), generator=generator)
    second = torch.randint(half, SEQ_LEN, (batch_size,), generator=generator)
    return torch.stack([first, second], dim=1)
'''

ADDING = '''
# ---- The task: the adding problem (Hochreiter & Schmidhuber 1997, experiment 4) --------------
# Channel 0 holds random values in [0, 1]; channel 1 marks two steps, one in each half. The
# model must output the sum of the two marked values; always answering 1 scores MSE 1/6.
INPUT_SIZE, OUTPUT_SIZE = 2, 1
''' + TWO_POSITIONS + '''

def sample(batch_size, generator):
    """A batch: inputs x (B, T, 2) and the sum of the marked values y (B,)."""
    values = torch.rand(batch_size, SEQ_LEN, generator=generator)
    positions = two_positions(batch_size, generator)
    markers = torch.zeros(batch_size, SEQ_LEN)
    markers.scatter_(1, positions, 1.0)
    target = values.gather(1, positions).sum(dim=1)
    return torch.stack([values, markers], dim=-1), target


def loss_fn(pred, y):
    """Mean squared error of the sum."""
    return F.mse_loss(pred[:, 0], y)
'''

ORDER = '''
# ---- The task: temporal order (Hochreiter & Schmidhuber 1997, experiment 6) ------------------
# Every step holds one of 4 distractors except two (one in each half), which hold X or Y. The
# class is the ordered pair XX, XY, YX or YY: chance accuracy is 0.25.
INPUT_SIZE, OUTPUT_SIZE = 6, 4  # 4 distractors, then X and Y
''' + TWO_POSITIONS + '''

def sample(batch_size, generator):
    """A batch: one-hot inputs x (B, T, 6) and the class of the pair y (B,)."""
    symbols = torch.randint(0, 4, (batch_size, SEQ_LEN), generator=generator)
    positions = two_positions(batch_size, generator)
    relevant = torch.randint(0, 2, (batch_size, 2), generator=generator)
    symbols.scatter_(1, positions, 4 + relevant)
    target = 2 * relevant[:, 0] + relevant[:, 1]
    return F.one_hot(symbols, INPUT_SIZE).float(), target


def loss_fn(pred, y):
    """Cross-entropy (nats) of the class at the last step."""
    return F.cross_entropy(pred, y)
'''

TEXT = '''
# ---- The task: the next character (the char-RNN of Karpathy 2015) ---------------------------
# Korean and English sentences built from the building blocks at the end of this file (written
# for the app). In each, one character can only be predicted from the sentence's start: who is
# spoken to sets the Korean ending (갔습니다 / 갔어요 / 갔다), the subject's number was/were.
# Each window of SEQ_LEN characters ends at that character; the model predicts every next one.
MIN_SENTENCE = $min_seq_len  # shortest budget of an earlier sentence that fills the window


def characters(languages):
    """Every character the building blocks can produce, sorted: the models' inputs and
    outputs."""
    chars = {" "}
    for lang in languages:
        for cues, ending in lang["classes"].values():
            chars.update("".join(cues) + ending)
        chars.update("".join(lang["fillers"] + lang["verbs"] + lang["tails"]))
    return sorted(chars)


def sentence(rng, lang, budget):
    """A sentence of at most `budget` characters up to the character its cue decides: the cue,
    fillers drawn while they fit, a verb, the ending's first character. Returns (text, ending,
    tail): the rest of the ending and a tail follow it when an earlier sentence is complete."""
    cues, ending = lang["classes"][rng.choice(sorted(lang["classes"]))]
    cue, verb = rng.choice(cues), rng.choice(lang["verbs"])
    parts, length = [cue], len(cue) + 1 + len(verb) + 1
    unused = sorted(lang["fillers"], key=len)  # each filler once, until all have been used
    while True:
        fits = bisect.bisect_right([len(f) + 1 for f in unused], budget - length)
        if not fits:
            if len(unused) == len(lang["fillers"]):
                break
            unused = sorted(lang["fillers"], key=len)
            continue
        filler = unused.pop(rng.randrange(fits))
        parts.append(filler)
        length += len(filler) + 1
    return " ".join(parts + [verb]) + ending[0], ending, rng.choice(lang["tails"])


def window(rng):
    """SEQ_LEN + 1 characters ending at a long-range character. Its sentence fills the last
    half to all of the window; earlier complete sentences fill the start."""
    lang = rng.choice(LANGUAGES)
    margin = rng.randint(1, max(1, SEQ_LEN // 2))
    text, _, _ = sentence(rng, lang, SEQ_LEN - margin)
    while len(text) < SEQ_LEN + 1:
        before, ending, tail = sentence(rng, lang, rng.randint(MIN_SENTENCE, 80))
        text = before + ending[1:] + tail + " " + text
    return text[len(text) - (SEQ_LEN + 1):]


def sample(batch_size, generator):
    """A batch: one-hot characters x (B, T, V) and each next character y (B, T)."""
    rng = random.Random(int(torch.randint(2**62, (1,), generator=generator)))
    ids = torch.tensor([[INDEX[c] for c in window(rng)] for _ in range(batch_size)])
    return F.one_hot(ids[:, :-1], INPUT_SIZE).float(), ids[:, 1:]


def loss_fn(pred, y):
    """Cross-entropy (nats) of every predicted character, plus that of the long-range (last)
    character once more: it is what the task scores, and without it 1 character in SEQ_LEN
    carries the long-range signal."""
    last = F.cross_entropy(pred[:, -1], y[:, -1])
    every = F.cross_entropy(pred.transpose(1, 2), y, reduction="none").mean(dim=1)
    return last + every.mean()
'''

SERIES = '''
# ---- The task: forecast a price (a synthetic series with a season) ---------------------------
# A geometric Brownian motion times a sawtooth season of PERIOD steps (a slow rise, then a fall
# of AMPLITUDE). A window of SEQ_LEN log prices, relative to its last one and scaled by the
# typical HORIZON-step change, predicts the log price HORIZON steps after it. Training targets
# lie in the first 80% of the series.
HORIZON = $horizon  # forecast this many steps after the window
LENGTH, SERIES_SEED, PERIOD = $length, $series_seed, $period
DRIFT, VOLATILITY, AMPLITUDE = 0.0002, 0.005, 0.1
TRAIN_SHARE = $train_share
INPUT_SIZE, OUTPUT_SIZE = 1, 1


def synthetic_prices():
    """log p_t = log 100 + DRIFT t + VOLATILITY W_t + AMPLITUDE ((t mod PERIOD) / PERIOD), with
    W a standard random walk from NumPy's PCG64 generator."""
    rng = np.random.Generator(np.random.PCG64(SERIES_SEED))
    walk = np.concatenate(([0.0], np.cumsum(rng.standard_normal(LENGTH - 1))))
    t = np.arange(LENGTH, dtype=np.float64)
    season = AMPLITUDE * np.mod(t, PERIOD) / PERIOD
    return np.exp(math.log(100.0) + DRIFT * t + VOLATILITY * walk + season)


LOG_PRICES = np.log(synthetic_prices())
SPLIT = int(LENGTH * TRAIN_SHARE)  # training targets lie before it
TRAIN = LOG_PRICES[:SPLIT]
SCALE = float(np.std(TRAIN[HORIZON:] - TRAIN[:-HORIZON])) or 1.0  # the typical change


def sample(batch_size, generator):
    """A batch of training windows x (B, T, 1) and their targets y (B,)."""
    low = SEQ_LEN - 1 + HORIZON
    targets = torch.randint(low, SPLIT, (batch_size,), generator=generator).numpy()
    ends = targets - HORIZON  # each window's last price
    steps = ends[:, None] + np.arange(-SEQ_LEN + 1, 1)[None, :]
    last = LOG_PRICES[ends][:, None]
    x = (LOG_PRICES[steps] - last) / SCALE
    y = (LOG_PRICES[targets] - last[:, 0]) / SCALE
    return torch.tensor(x, dtype=torch.float32)[..., None], torch.tensor(y, dtype=torch.float32)


def loss_fn(pred, y):
    """Mean squared error, in typical changes squared."""
    return F.mse_loss(pred[:, 0], y)
'''

MODEL = '''

# ---- The models ------------------------------------------------------------------------------
$notes
# Each is one PyTorch recurrent layer and a linear readout of its hidden state $readout_at.
class Model(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.rnn = RECURRENT[kind](INPUT_SIZE, HIDDEN_SIZE, batch_first=True$options)
        self.readout = nn.Linear($readout_size, OUTPUT_SIZE)

    def forward(self, x):
        outputs, _ = self.rnn(x)
        return self.readout($readout)


def build(kind):
    """A model with the app's initial weights: PyTorch's default initialisation drawn from SEED
    (every model of the run starts from it), then what the kind changes."""
    torch.manual_seed(SEED)
    model = Model(kind)
$changes
    return model
'''

MEMORY = '''

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
'''

FIXED = '''

# ---- Ablations: one LSTM gate fixed open at 1 (Greff et al. 2017, "LSTM: A Search Space Odyssey")
$notes
# The gate's weights are 0 and its bias 30 (sigmoid(30) is exactly 1.0 in float32), and their
# gradients are masked, so neither Adam nor SGD ever moves them. It is set last, so it wins over
# chrono's input-gate bias; everything else is the LSTM's, initialisation included.
FIXED_GATES = $fixed  # the gate's chunk in (i, f, g, o)
OPEN = 30.0


def without_rows(grad, rows):
    """The gradient with `rows` set to 0."""
    grad = grad.clone()
    grad[rows] = 0.0
    return grad


def fix_gate_open(rnn, chunk):
    gate = slice(chunk * HIDDEN_SIZE, (chunk + 1) * HIDDEN_SIZE)
    with torch.no_grad():
        rnn.weight_ih_l0[gate] = 0.0
        rnn.weight_hh_l0[gate] = 0.0
        rnn.bias_ih_l0[gate] = OPEN / 2
        rnn.bias_hh_l0[gate] = OPEN / 2
    for parameter in (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0):
        parameter.register_hook(lambda grad: without_rows(grad, gate))
'''

ORTHOGONAL = '''

# ---- rnn-orth: the RNN with W_hh started orthogonal ------------------------------------------
def make_orthogonal(rnn):
    """W_hh as a random orthogonal matrix drawn from SEED (Saxe, McClelland & Ganguli 2014):
    every singular value is 1, the border between vanishing and exploding gradients (Pascanu,
    Mikolov & Bengio 2013). Training is free to move it."""
    nn.init.orthogonal_(rnn.weight_hh_l0, generator=torch.Generator().manual_seed(SEED))
'''

IDENTITY = '''

# ---- irnn: ReLU units started at the identity (Le, Jaitly & Hinton 2015) ---------------------
class ReLURNN(nn.RNN):
    """h_t = max(0, x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, nonlinearity="relu", **kwargs)


def start_as_identity(rnn):
    """W_hh = I and biases 0: a positive unit keeps what it holds and adds its input."""
    with torch.no_grad():
        rnn.weight_hh_l0.copy_(torch.eye(HIDDEN_SIZE))
        rnn.bias_ih_l0.zero_()
        rnn.bias_hh_l0.zero_()
'''

CUT = '''

# ---- The ablation lstm-cut: the LSTM with its cell-state gradient path cut -------------------
# The LSTM's weights, initialisation and forward values, unrolled step by step with c_{t-1}
# detached: the error reaches earlier steps only through h, as in an RNN with gates. If the
# LSTM's memory comes from its additive cell-state path (Hochreiter & Schmidhuber 1997), this
# model must fail where the LSTM succeeds.
class CutLSTM(nn.LSTM):
    def forward(self, x):
        w_ih, w_hh = self.weight_ih_l0, self.weight_hh_l0
        b_ih, b_hh = self.bias_ih_l0, self.bias_hh_l0
        h = c = x.new_zeros(x.shape[0], self.hidden_size)
        xw = x @ w_ih.T + b_ih
        outputs = []
        for t in range(x.shape[1]):
            z = xw[:, t] + h @ w_hh.T + b_hh
            i, f, g, o = z.chunk(4, dim=-1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c.detach() + i * g  # the cut: no gradient flows along c_{t-1}
            h = o * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs, dim=1), (h[None], c[None])
'''

TRAINING = '''

# ---- Training --------------------------------------------------------------------------------
def train_step(model, optimizer, x, y):
    """One step on a batch: the loss (a float), or None if the loss or the gradient is not
    finite (the model has diverged and stops training)."""
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    if not torch.isfinite(loss):
        return None
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP if CLIP > 0 else math.inf)
    if not math.isfinite(norm.item()):
        return None
    optimizer.step()
    return loss.item()


def main():
    parser = argparse.ArgumentParser(description="Reproduce a run of LSTM vs RNN, live.")
    parser.add_argument("--steps", type=int, default=STEPS, help="training steps to take")
    steps = parser.parse_args().steps
    torch.set_num_threads(1)  # as the app trains: the same sums in the same order
    models = {kind: build(kind) for kind in MODELS}
    optimizer = torch.optim.Adam if OPTIMIZER == "adam" else torch.optim.SGD
    optimizers = {kind: optimizer(model.parameters(), lr=LR) for kind, model in models.items()}
    generator = torch.Generator().manual_seed(SEED)  # the stream of training batches
    # A model stops once its loss or its gradient is not finite. The app also stops it when its
    # held-out metric or its weights are not finite, which it checks every few steps, so a
    # diverging model may be reported diverged at another step there.
    for step in range(1, steps + 1):
        if not models:
            break
        x, y = sample(BATCH_SIZE, generator)  # one batch, the same for every model
        losses = {kind: train_step(model, optimizers[kind], x, y) for kind, model in models.items()}
        print(f"step {step}: " + "  ".join(
            f"{kind} {'diverged' if loss is None else format(loss, '.9g')}"
            for kind, loss in losses.items()))
        models = {kind: models[kind] for kind, loss in losses.items() if loss is not None}
'''

TEXT_DATA = '''

# ---- The building blocks of the sentences (lstm_viz/data/text_ko.txt and text_en.txt) --------
# Per language: cue classes {name: (cues, ending)}, fillers, verbs and tails. A sentence is a cue,
# fillers, a verb, then the ending the cue's class decides.
LANGUAGES = $languages
VOCABULARY = characters(LANGUAGES)
INDEX = {c: i for i, c in enumerate(VOCABULARY)}
INPUT_SIZE = OUTPUT_SIZE = len(VOCABULARY)
'''

MAIN = '''

if __name__ == "__main__":
    main()
'''


def _literal(value) -> str:
    """A setting as a Python literal, strings in double quotes (no setting holds a quote)."""
    return repr(value).replace("'", '"')


def _settings(config: RunConfig) -> dict:
    """The settings block's values, as Python literals."""
    names = ("seq_len", "hidden_size", "optimizer", "lr", "batch_size", "memory_init",
             "forget_bias", "clip", "seed")
    models = _literal(tuple(config.models))
    if len(models) > 80:  # one model a line
        models = "(\n" + "".join(f"    {_literal(k)},\n" for k in config.models) + ")"
    proj_line = (f"PROJ_SIZE = {config.projection}  # LSTMP: the width of its projected h_t\n"
                 if "lstmp" in config.models else "")
    return {name: _literal(getattr(config, name)) for name in names} | {
        "models": models, "steps": config.max_steps, "proj_line": proj_line}


def _imports(task: str) -> str:
    """The script's imports: Python's own modules, then PyTorch (and NumPy for the series)."""
    own = ["argparse", "math"] + (["bisect", "random"] if task == "text" else [])
    numpy = ["import numpy as np"] if task == "series" else []
    return "\n".join([*(f"import {m}" for m in sorted(own)), "", *numpy, "import torch",
                      "import torch.nn.functional as F", "from torch import nn", ""])


def _task_code(config: RunConfig, task: Task) -> str:
    """The task's section: its batches and its loss."""
    if config.task == "latch":
        return Template(LATCH).substitute(n_signals=task.n_signals, n_distractors=task.n_distractors)
    if config.task == "text":
        return Template(TEXT).substitute(min_seq_len=task.min_seq_len)
    if config.task == "series":
        return Template(SERIES).substitute(
            horizon=config.horizon, length=series.SYNTHETIC_LENGTH, series_seed=series.SERIES_SEED,
            period=series.PERIOD, train_share=series.TRAIN_SHARE)
    return {"adding": ADDING, "order": ORDER}[config.task]


def _languages() -> str:
    """The text task's building blocks (text.languages()) as a Python literal."""
    blocks = [{"classes": lang.classes, "fillers": lang.fillers, "verbs": lang.verbs,
               "tails": lang.tails} for lang in text.languages()]
    return pprint.pformat(blocks, width=72, sort_dicts=False)


# What the script says of each model kind it can build (a kind not here is not exportable).
KIND_NOTES = {
    "rnn": "rnn: Elman's tanh RNN (1990).",
    "rnn-orth": "rnn-orth: the RNN with W_hh started orthogonal (Saxe et al. 2014).",
    "irnn": "irnn: ReLU units, W_hh = I and biases 0 at the start (Le, Jaitly & Hinton 2015).",
    "lstm": "lstm: Hochreiter & Schmidhuber (1997) with the forget gate of Gers, Schmidhuber & "
            "Cummins (2000).",
    "lstm-cec": "lstm-cec: the LSTM without its forget gate (f = 1), the 1997 cell.",
    "lstm-i1": "lstm-i1: the LSTM with its input gate fixed at 1.",
    "lstm-o1": "lstm-o1: the LSTM with its output gate fixed at 1.",
    "lstm-cut": "lstm-cut: the LSTM with its cell-state gradient path cut.",
    "gru": "gru: Cho et al. (2014).",
    "lstmp": "lstmp: the LSTM with a projection layer, h_t = W_hr (o_t tanh(c_t)) of PROJ_SIZE "
             "numbers (Sak, Senior & Beaufays 2014).",
}
FIXED_NOTES = {
    "lstm-cec": "lstm-cec, f = 1: the 1997 cell (Hochreiter & Schmidhuber 1997), whose cell state "
                "is a constant error carousel, c_t = c_{t-1} + i_t g_t.",
    "lstm-i1": "lstm-i1, i = 1: every step writes its whole candidate, c_t = f_t c_{t-1} + g_t.",
    "lstm-o1": "lstm-o1, o = 1: h_t = tanh(c_t), the whole cell state at every step.",
}


def _comments(notes) -> str:
    """Each note as comment lines of at most 99 characters."""
    return "\n".join(textwrap.fill(note, 99, initial_indent="# ", subsequent_indent="#   ")
                     for note in notes)


def _module_name(kind: str) -> str:
    """The recurrent layer's class as the script names it: nn.LSTM, or one it defines."""
    fused = KINDS[kind].fused
    return f"nn.{fused.__name__}" if getattr(nn, fused.__name__, None) is fused else fused.__name__


def _projection(kinds: tuple[str, ...]) -> dict:
    """The layer's extra arguments and the readout's width: the LSTMP's projection, if it races."""
    if "lstmp" not in kinds:
        return {"options": "", "readout_size": "HIDDEN_SIZE"}
    return {"options": ",\n                                   **LAYER_OPTIONS.get(kind, {})",
            "readout_size": "self.rnn.proj_size or HIDDEN_SIZE"}


def _build_changes(kinds: tuple[str, ...]) -> str:
    """The lines of ``build`` after PyTorch's initialisation, for the kinds this run has (in the
    app's order: the kind's own weights, then the memory gate, then a fixed gate)."""
    lines = []
    if "rnn-orth" in kinds:
        lines += ['    if kind == "rnn-orth":', "        make_orthogonal(model.rnn)"]
    if "irnn" in kinds:
        lines += ['    if kind == "irnn":', "        start_as_identity(model.rnn)"]
    if any(KINDS[k].memory_gate for k in kinds):
        lines += ["    if isinstance(model.rnn, (nn.LSTM, nn.GRU)):  # the gated models",
                  "        set_memory_gate(model.rnn)"]
    if any(k in FIXED_NOTES for k in kinds):
        lines += ["    if kind in FIXED_GATES:", "        fix_gate_open(model.rnn, FIXED_GATES[kind])"]
    return "\n".join(lines)


def _model_code(kinds: tuple[str, ...], every_step: bool) -> str:
    """The models' section: the layers, their initialisation and the ablations this run has."""
    code = Template(MODEL).substitute(
        notes=_comments(KIND_NOTES[k] for k in kinds),
        readout_at="at every step" if every_step else "at the last step",
        readout="outputs" if every_step else "outputs[:, -1]", changes=_build_changes(kinds),
        **_projection(kinds))
    if any(KINDS[k].memory_gate for k in kinds):
        code += MEMORY
    fixed = {k: KINDS[k].gate_names.index(KINDS[k].fixed_gate) for k in kinds if k in FIXED_NOTES}
    if fixed:
        code += Template(FIXED).substitute(notes=_comments(FIXED_NOTES[k] for k in fixed),
                                           fixed=_literal(fixed))
    code += (ORTHOGONAL if "rnn-orth" in kinds else "") + (IDENTITY if "irnn" in kinds else "") \
        + (CUT if "lstm-cut" in kinds else "")
    table = "".join(f'    "{k}": {_module_name(k)},\n' for k in kinds)
    options = '\nLAYER_OPTIONS = {"lstmp": {"proj_size": PROJ_SIZE}}\n' if "lstmp" in kinds else ""
    return code + f"\n\nRECURRENT = {{  # each model's recurrent layer\n{table}}}\n{options}"


def script(config: RunConfig) -> str:
    """A standalone PyTorch script (PyTorch, NumPy and Python's own modules) that reproduces
    the run of ``config`` step by step and prints every step's training loss of each model.
    Raises NotExportable for an uploaded price series (its prices are not in the script)."""
    if config.task == "series" and config.series != series.SYNTHETIC:
        raise NotExportable(t("export.no_upload_script"))
    unknown = [kind_label(k) for k in config.models if k not in KIND_NOTES]
    if unknown:
        raise NotExportable(t("export.unknown_kinds", models=", ".join(unknown)))
    labels = ", ".join(kind_label(k) for k in config.models)
    needs = "PyTorch, NumPy" if config.task == "series" else "PyTorch"
    intro = textwrap.fill(
        f"Models: {labels}. Written by the app from the run's settings (below), it trains them "
        "on the same batches as the app, from the same initial weights, with the same "
        "optimizer, gradient clipping and loss, and prints each step's training loss of every "
        "model, as the app records it (its \"Training records\" CSV). It imports "
        f"{needs} and Python's own modules only.", 96)
    header = Template(HEADER).substitute(
        title=f"{config.task}, T = {config.seq_len}, seed {config.seed}", intro=intro,
        file_name=file_name(config, "script.py"), imports=_imports(config.task),
        **_settings(config))
    task = make_task(config.task, config.seq_len, **config.task_options)
    data = Template(TEXT_DATA).substitute(languages=_languages()) if config.task == "text" else ""
    return (header + _task_code(config, task) + _model_code(config.models, task.every_step)
            + TRAINING + data + MAIN)
