"""The guided story: eight scenes that take a reader from "the LSTM remembers" to why it does,
then to the other problem the error signal has: exploding.

Each scene is a run's settings, a question to answer before the run (a choice of outcomes) and
the outcome read from the run itself once it has reached its step cap. The interventions follow
the history of the cell: the forget gate closed (PyTorch's default bias, Gers, Schmidhuber &
Cummins 2000 on why it must start open), the 1997 cell without a forget gate (Hochreiter &
Schmidhuber 1997), the cell-state path cut (the ablation that proves the cause), and the error
signal itself (Hochreiter 1991; Bengio, Simard & Frasconi 1994). The last two scenes train the
same RNN, its W_hh started at σ_max = 2.5, on the same batches without and with gradient
clipping (Pascanu, Mikolov & Bengio 2013): its gradient explodes, and clipping is what tames it.

Scene texts live in the language tables under ``story.<key>.*``; this module only computes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import LockstepTrainer, RunView
from lstm_viz.i18n import t
from lstm_viz.present import panels
from lstm_viz.present.figures import reach_text
from lstm_viz.present.labels import kind_label
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import gradient_note, gradient_record, gradient_state

# Every scene measured on seeds 0, 1, 2 (``python -m lstm_viz story --seeds 3 --json``), which
# each scene quotes beside its own run.
REFERENCE = Path(__file__).parents[1] / "data" / "story_reference.json"


@dataclass(frozen=True)
class Scene:
    """One scene: its key (texts ``story.<key>.title/setup/why``), the settings it changes
    from the defaults, and its question: ``solved`` (which models learn the task by the step
    cap) or ``reach`` (which model's error signal reaches the first step best)."""

    key: str
    changes: dict = field(default_factory=dict)
    question: str = "solved"
    usual: tuple[str, ...] = ()  # the outcome seen on seeds 0-2 (README), which ``why`` explains
    charts: tuple[str, ...] = ("race_metric",)  # the charts the scene draws (CHARTS)

    @property
    def config(self) -> RunConfig:
        return RunConfig().replace(**self.changes)

    def choices(self) -> list[tuple[str, ...]]:
        """The outcomes a reader can predict: every set of models that may learn the task
        (largest first), or each model for ``reach``."""
        models = self.config.models
        if self.question == "reach":
            return [(k,) for k in models]
        return [c for n in range(len(models), -1, -1) for c in combinations(models, n)]

    def outcome(self, view: RunView) -> tuple[str, ...]:
        """What the run shows: the models that have solved the task (on held-out data, and
        still), or the model whose error signal at step 1 is the largest share of the one at
        the last step, on the latest probe."""
        if self.question == "reach":
            probes = view.snapshots[-1].probes
            return (max(probes, key=lambda k: probes[k].grad_ratio),) if probes else ()
        return tuple(k for k in view.kinds if view.solved_step(k) is not None)


# Which panel builds each chart a scene can draw, and whether the chart changes with every
# step (the race's curves) rather than only with a new probe.
CHARTS = {"race_metric": (panels.race, True), "race_grad": (panels.race, True),
          "race_reach": (panels.race_glimpses, False), "error_signal": (panels.error_signal, False)}

# The exploding RNN, chosen by measurement (docs/science.md): σ_max(W_hh) = 2.5 at the start,
# plain SGD at 0.5, lag 50, 600 steps, and no clipping (scene 7) or clipping at 1 (scene 8).
EXPLODING = {"seq_len": 50, "max_steps": 600, "models": ("rnn",), "rnn_gain": 2.5,
             "optimizer": "sgd", "lr": 0.5, "clip": 0.0}

SCENES = (
    Scene("lag20", {"seq_len": 20, "max_steps": 600}, usual=("rnn", "lstm")),
    Scene("lag100", {"seq_len": 100, "max_steps": 300}, usual=("lstm",),
          charts=("race_metric", "error_signal")),
    Scene("closed", {"seq_len": 100, "max_steps": 300, "memory_init": "constant",
                     "forget_bias": 0.0}, usual=()),
    Scene("cec", {"seq_len": 100, "max_steps": 300, "models": ("lstm", "lstm-cec")},
          usual=("lstm", "lstm-cec")),
    Scene("cut", {"seq_len": 100, "max_steps": 300, "models": ("lstm", "lstm-cut")},
          usual=("lstm",)),
    Scene("gradients", {"seq_len": 100, "max_steps": 300, "models": ("rnn", "lstm", "lstm-cut")},
          question="reach", usual=("lstm",), charts=("race_reach", "error_signal")),
    Scene("explode", EXPLODING, usual=(), charts=("race_metric", "race_grad")),
    Scene("clipped", {**EXPLODING, "clip": 1.0}, usual=("rnn",),
          charts=("race_metric", "race_grad")),
)


def scene_at(number: int) -> Scene:
    """Scene ``number`` (1-based), clamped into the story."""
    return SCENES[min(max(number, 1), len(SCENES)) - 1]


def number_of(key: str) -> int:
    """The 1-based number of the scene called ``key``."""
    return next(n for n, scene in enumerate(SCENES, 1) if scene.key == key)


def choice_text(scene: Scene, choice: tuple[str, ...]) -> str:
    """A predicted outcome in words: 'Both', 'Only the LSTM', 'Neither', 'The RNN'."""
    labels = [kind_label(k) for k in choice]
    if scene.question == "reach":
        return t("story.choice.one", model=labels[0])
    if len(scene.config.models) == 1:
        return t("story.choice.learns" if labels else "story.choice.fails",
                 model=kind_label(scene.config.models[0]))
    if not labels:
        return t("story.choice.none")
    if len(labels) == len(scene.config.models):
        return t("story.choice.all") if len(labels) > 2 else t("story.choice.both")
    return t("story.choice.only", models=t("story.and").join(labels))


def findings(scene: Scene, view: RunView) -> list[str]:
    """The run's own numbers behind the outcome, one sentence per model."""
    if scene.question == "reach":
        snapshot = view.snapshots[-1]
        return [t("story.reach", model=kind_label(k), step=snapshot.step,
                  ratio=reach_text(probe.grad_ratio))
                for k, probe in snapshot.probes.items()]
    sentences = []
    for kind in view.kinds:
        solved, label = view.solved_step(kind), kind_label(kind)
        score = words(view.task).format(view.held_out(kind))
        if kind in view.diverged:
            sentences.append(t("story.diverged", model=label, step=view.diverged[kind]))
        elif solved is not None:
            sentences.append(t("story.solved", model=label, step=solved, score=score))
        else:
            sentences.append(t("story.unsolved", model=label, steps=view.steps, score=score,
                               chance=words(view.task).format(view.task.chance)))
        if note := gradient_note(view, kind):
            sentences[-1] += " " + t("story.gradient", note=note[:1].upper() + note[1:])
    return sentences


def predicted_right(scene: Scene, view: RunView, prediction: tuple[str, ...]) -> bool:
    """True where the reader's prediction is what the run came out as."""
    return tuple(prediction) == scene.outcome(view)


def explanation(scene: Scene, view: RunView, prediction: tuple[str, ...] | None) -> list[str]:
    """What the finished run shows, whether the prediction was right, and why: the scene's
    explanation if the run came out as usual, else a note that this seed went another way."""
    outcome = scene.outcome(view)
    lines = findings(scene, view)
    if prediction is not None:
        verdict = "story.right" if predicted_right(scene, view, prediction) else "story.wrong"
        lines.append(t(verdict, outcome=choice_text(scene, outcome),
                       guess=choice_text(scene, prediction)))
    usual = tuple(sorted(outcome)) == tuple(sorted(scene.usual))
    lines.append(why(scene, view) if usual
                 else t("story.unusual", usual=choice_text(scene, scene.usual)))
    return lines


def why(scene: Scene, view: RunView) -> str:
    """The scene's explanation of its usual outcome, with this run's own numbers wherever it
    makes a claim about them: the probes' factors and shares at the last snapshot, and for
    the exploding scenes the steps the gradient took (``story.<key>.spiked`` or ``.calm``
    after the loss did or did not spike)."""
    numbers = probe_numbers(view)
    if scene.key in ("explode", "clipped"):
        kind = scene.config.models[0]
        numbers.update(step_numbers(view, kind))
        after = "spiked" if gradient_state(view, kind) in ("exploded", "diverged") else "calm"
        numbers["after"] = t(f"story.{scene.key}.{after}", **numbers)
    return t(f"story.{scene.key}.why", **numbers)


def probe_numbers(view: RunView) -> dict[str, str]:
    """What the explanations quote of the last snapshot: its step, each model's typical factor
    of one step back (geometric mean: the RNN's gain on the error signal, the LSTM's forget
    gate) and the share of the error signal that reaches step 1; the LSTM's product of factors
    over the lag."""
    snapshot = view.snapshots[-1]
    numbers = {"step": str(snapshot.step)}
    for kind, probe in snapshot.probes.items():
        name = kind.replace("-", "_")  # lstm-cut: {lstm_cut_factor}
        numbers[f"{name}_factor"] = f"{probe.typical_multiplier:.2f}"
        numbers[f"{name}_share"] = reach_text(probe.grad_ratio)
        numbers[f"{name}_product"] = reach_text(float(probe.multiplier_product[0]))
    return numbers


def step_numbers(view: RunView, kind: str) -> dict[str, str]:
    """The gradient's record of one model trained with plain SGD: its largest norm and the
    step it came at, how far that step moved the weights (learning rate × norm, before any
    clipping), the loss's peak and start, the clipped steps and the step it solved the task."""
    record, lr = gradient_record(view, kind), view.config.lr
    return {"norm": f"{record.grad_norm_max:.3g}", "grad_step": str(record.grad_step),
            "move": f"{lr * record.grad_norm_max:.3g}", "lr": f"{lr:g}",
            "loss": f"{record.loss_max:.3g}", "loss_step": str(record.loss_step),
            "start": f"{record.start_loss:.3g}", "clipped": str(record.clipped_steps),
            "steps": str(view.steps), "solved": str(view.solved_step(kind))}


def measure(scene: Scene, seed: int) -> dict[str, float | int | None]:
    """The scene's outcome on one seed, trained to its step cap: each model's solved step (None:
    not solved then), or for ``reach`` its share of the error signal reaching step 1."""
    trainer = LockstepTrainer(scene.config.replace(seed=seed))
    trainer.train_to(scene.config.max_steps)
    trainer.take_snapshot()
    view = trainer.view()
    if scene.question == "reach":
        return {k: float(p.grad_ratio) for k, p in view.snapshots[-1].probes.items()}
    return {k: view.solved_step(k) for k in view.kinds}


@functools.cache
def reference() -> dict:
    """The shipped measurements: scene key -> {"seeds": [...], "results": {kind: [per seed]}}."""
    return json.loads(REFERENCE.read_text())["scenes"]


def measured(scene: Scene, table: dict | None = None) -> str:
    """The scene's row of the measured table, in words: 'Measured on seeds 0, 1, 2: RNN solved
    it at steps 525 / 250 / 350; ...'."""
    row = (table or reference())[scene.key]
    parts = [t("story.measured_model", model=kind_label(kind),
               values=" / ".join(_measured_text(scene, value) for value in values))
             for kind, values in row["results"].items()]
    key = "story.measured_reach" if scene.question == "reach" else "story.measured_solved"
    return t(key, seeds=", ".join(str(s) for s in row["seeds"]), cap=scene.config.max_steps,
             results="; ".join(parts))


def _measured_text(scene: Scene, value) -> str:
    """One seed's measured result in words: its share of the error signal reaching step 1, or
    the step it solved the task at ('not solved')."""
    if scene.question == "reach":
        return reach_text(value)
    return t("story.not_solved") if value is None else str(value)
