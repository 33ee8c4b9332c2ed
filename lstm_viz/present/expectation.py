"""What a long lag asks of the reader's patience: how many steps the LSTM usually needs at this
lag, from the shipped reference sweep, and how long the run still needs at its own pace.

The reference sweep (``lstm_viz/data/horizon_reference.json``, made by ``python -m lstm_viz
sweep --task latch ... --seeds 5``) trained each model alone at the default settings on seeds
0-4, each run until solved on held-out data or the step cap; it recorded the step each stopped
at. A race trains the same model on the same batches from the same weights (the batch stream and
each model's initialisation follow from the seed alone: ``serving/sweep.py``), so the reference
holds for a race on the latch at the default settings, whatever the seed, the step cap and the
other models. Anywhere else (another task, another hidden size, optimizer, learning rate, ...)
it says nothing of the run, and neither does the page.

Between two measured lags the usual steps are interpolated linearly (both ends of the range),
and the sentence says so; outside the measured lags nothing is said.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import RunView
from lstm_viz.i18n import t
from lstm_viz.present.labels import kind_label
from lstm_viz.present.texts import duration

# The models whose usual steps the page names, the first one racing (the RNN rarely solves).
EXPECTED = ("lstm", "gru")
# Settings a race may change and keep the reference (they change neither the LSTM's batches,
# weights nor updates): the lag is looked up, the seed is one of many, the cap stops a run.
FREE = ("seq_len", "seed", "max_steps", "models")
# A run that needs this long or more at its pace is slow: its note is a warning with the remedy.
SLOW_SECONDS = 120
GRID = 25  # the reference's held-out evaluations came every 25 steps (eval_every)


@dataclass(frozen=True)
class Usual:
    """The steps a model took to solve this lag in the reference sweep: the fewest and the most
    over its seeds; ``between``: the two measured lags interpolated between (None: measured)."""

    kind: str
    seq_len: int
    low: int
    high: int
    seeds: int
    between: tuple[int, int] | None = None


def applies(config: RunConfig, reference: dict | None) -> bool:
    """True if the reference sweep holds for this run: the same task, and every setting but
    the lag, the seed, the step cap and the models at the reference's (its defaults)."""
    if not reference or config.task != reference["task"]:
        return False
    defaults = RunConfig()
    return config.replace(**{name: getattr(defaults, name) for name in FREE}) == defaults


def _solved_steps(reference: dict, kind: str, seq_len: int) -> list[int] | None:
    """The steps each seed stopped at on a measured lag, if every seed solved it there (a
    run stopped before the cap was solved); None if a seed did not."""
    steps = reference["stopped_at"][kind].get(str(seq_len))
    if not steps or max(steps) >= reference["steps"]:
        return None
    return steps


def _on_grid(steps: float) -> int:
    """Interpolated steps, to the nearest held-out evaluation (a multiple of GRID)."""
    return int(math.floor(steps / GRID + 0.5)) * GRID


def usual_steps(config: RunConfig, reference: dict | None) -> Usual | None:
    """The steps the first of EXPECTED in this race usually needs at its lag (``Usual``), or
    None where the reference says nothing: it does not apply (``applies``), no such model
    races, the lag lies outside the measured ones, or a seed did not solve a lag it rests on."""
    if not applies(config, reference):
        return None
    kind = next((k for k in EXPECTED if k in config.models and k in reference["stopped_at"]), None)
    if kind is None:
        return None
    lags = sorted(int(n) for n in reference["stopped_at"][kind])
    n, seeds = config.seq_len, len(reference["seeds"])
    if not lags[0] <= n <= lags[-1]:
        return None
    if n in lags:
        steps = _solved_steps(reference, kind, n)
        return Usual(kind, n, min(steps), max(steps), seeds) if steps else None
    a = max(lag for lag in lags if lag < n)
    b = min(lag for lag in lags if lag > n)
    at_a, at_b = _solved_steps(reference, kind, a), _solved_steps(reference, kind, b)
    if not at_a or not at_b:
        return None
    share = (n - a) / (b - a)
    low = _on_grid(min(at_a) + share * (min(at_b) - min(at_a)))
    high = _on_grid(max(at_a) + share * (max(at_b) - max(at_a)))
    return Usual(kind, n, low, high, seeds, (a, b))


def steps_phrase(usual: Usual) -> str:
    """'325–400 steps', or '250 steps' where every seed took the same."""
    if usual.low == usual.high:
        return t("expect.steps_one", steps=usual.low)
    return t("expect.steps", low=usual.low, high=usual.high)


def wait_phrase(low_seconds: float, high_seconds: float) -> str:
    """'about 2 min', or 'about 1–2 min' where the two ends read differently."""
    low, high = duration(low_seconds), duration(high_seconds)
    return (t("expect.about", time=high) if low == high
            else t("expect.about_range", low=low, high=high))


def pace_text(pace: float) -> str:
    """'2.9', '0.36' or '12' steps a second (two figures below 10, whole numbers above)."""
    return f"{pace:.2g}" if pace < 10 else f"{pace:.0f}"


def expectation(view: RunView, reference: dict | None, pace: float | None) -> str | None:
    """The note for a race whose reference applies, while its expected model has not solved
    yet: how many steps it usually needs at this lag (measured or interpolated), how long the
    rest takes at this session's pace (if measured), and that the step cap stops it first if
    it does. None where the reference says nothing, once the model has solved (or diverged),
    and at the step cap (the verdict says how it ended)."""
    usual = usual_steps(view.config, reference)
    if usual is None or view.done or usual.kind in view.diverged:
        return None
    if view.first_solved_step(usual.kind) is not None:
        return None
    fields = dict(model=kind_label(usual.kind), lag=usual.seq_len, steps=steps_phrase(usual),
                  seeds=usual.seeds)
    if usual.between:
        parts = [t("expect.between", a=usual.between[0], b=usual.between[1], **fields)]
    else:
        parts = [t("expect.measured", **fields)]
    if view.steps >= usual.high:
        parts.append(t("expect.past", model=kind_label(usual.kind), step=view.steps,
                       high=usual.high))
    elif pace:
        high = (usual.high - view.steps) / pace
        wait = (wait_phrase((usual.low - view.steps) / pace, high) if view.steps < usual.low
                else t("expect.up_to", time=duration(high)))
        parts.append(t("expect.time", pace=pace_text(pace), wait=wait))
    cap = view.config.max_steps
    if cap < usual.high:
        parts.append(t("expect.cap" if cap < usual.low else "expect.cap_may", cap=cap))
    return " ".join(parts)


def steps_needed(view: RunView, reference: dict | None) -> tuple[int, str]:
    """The steps this run still needs to show what it is for, and what they lead to: while
    its expected model has not solved, to the most steps that model usually needs (if the
    step cap allows them), else to the step cap."""
    usual = usual_steps(view.config, reference)
    if usual is not None and view.first_solved_step(usual.kind) is None \
            and usual.high <= view.config.max_steps:
        return max(0, usual.high - view.steps), t("expect.goal_usual", model=kind_label(usual.kind),
                                                   high=usual.high)
    return max(0, view.config.max_steps - view.steps), t("expect.goal_cap")


def is_slow(view: RunView, reference: dict | None, pace: float | None) -> bool:
    """A step takes over a second of training, or the run still needs SLOW_SECONDS or more
    at this session's pace (``steps_needed``); never at the step cap."""
    if view.done:
        return False
    if pace and steps_needed(view, reference)[0] / pace >= SLOW_SECONDS:
        return True
    return view.seconds_per_step() > 1


@dataclass(frozen=True)
class Note:
    """The race's note on its pace: its text, and whether it is the slow warning."""

    text: str
    slow: bool


def pace_note(view: RunView, reference: dict | None, pace: float | None) -> Note | None:
    """What the race says of the time it takes: the expectation (``expectation``) where the
    reference applies, with the remedy if the run is slow (``is_slow``); else, if it is slow,
    how many steps are left to the step cap and how long they take at this pace (or, before a
    pace is measured, the seconds one step takes); else nothing."""
    slow = is_slow(view, reference, pace)
    expected = expectation(view, reference, pace)
    if expected:
        return Note(f"{expected} {t('race.slow_remedy')}" if slow else expected, slow)
    if not slow:
        return None
    left, goal = steps_needed(view, reference)
    if pace and left / pace >= SLOW_SECONDS:
        wait = wait_phrase(left / pace, left / pace)
        return Note(t("race.slow_run", pace=pace_text(pace), steps=left, goal=goal, wait=wait),
                    True)
    return Note(t("race.slow", seconds=f"{view.seconds_per_step():.1f}"), True)
