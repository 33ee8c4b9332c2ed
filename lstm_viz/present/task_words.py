"""What the pages call each task and say of it, in the current language.

A task (``lstm_viz.tasks``) makes batches and scores predictions; its words live here, one
``Words`` class per task, looked up by the task's name: ``words(task).goal``. The words come
from the language tables (``task.<name>.title``, ``task.<name>.source``, ...).
"""

from __future__ import annotations

import math

from lstm_viz.i18n import t
from lstm_viz.tasks import Batch, Task
from lstm_viz.tasks.series import SYNTHETIC


class Words:
    """A task's words; the defaults suit a task scored at the last step against chance."""

    length_key = "task.lag"  # what seq_len is called on the charts
    metric_axis = "unit"  # the metric chart's y axis: unit (0 to 1), log or linear
    # Keys of the words a task may say its own way (None: the default for its direction)
    chance_key: str | None = None
    line_key: str | None = None
    goal_key = "task.goal"

    def __init__(self, task: Task):
        self.task = task

    @property
    def title(self) -> str:
        """The task's name as the charts show it."""
        return t(f"task.{self.task.name}.title")

    @property
    def source(self) -> str:
        """Where the task comes from."""
        return t(f"task.{self.task.name}.source")

    def describe(self) -> str:
        """One sentence that says what a model must do."""
        raise NotImplementedError

    def format(self, metric: float) -> str:
        """A metric as the pages print it."""
        return f"{metric:.2f}"

    @property
    def metric_label(self) -> str:
        """The metric as the pages and charts name it (``Task.metric_name`` stays the CLI's and
        the exports' English id); by default the id itself, for abbreviations that read the
        same in every language (MSE, RMSE)."""
        return t("task.accuracy") if self.task.metric_name == "accuracy" else self.task.metric_name

    @property
    def chance_name(self) -> str:
        """What the chance line is called: 'chance', or 'the baseline' for a regression."""
        return t(self.chance_key or ("task.chance" if self.task.higher_is_better
                                     else "task.baseline"))

    @property
    def length_label(self) -> str:
        """What seq_len is called on the charts: 'lag', 'window'."""
        return t(self.length_key)

    @property
    def reference_line(self) -> str:
        """The chance line as a sentence names it: 'the chance line', 'the baseline'."""
        return t(self.line_key or ("task.chance_line" if self.task.higher_is_better
                                   else "task.baseline"))

    def metric_references(self) -> dict[str, float]:
        """Reference lines of the metric chart, label -> value: chance, or the baseline."""
        chance = self.task.chance
        if self.task.higher_is_better:
            return {t("task.chance_value", value=f"{chance:.2f}"): chance}
        return {t("task.baseline_value", value=f"{chance:.3f}"): chance}

    @property
    def goal(self) -> str:
        """What a model must do, as the Race page's opening says it."""
        return t(self.goal_key)

    @property
    def solved_words(self) -> str:
        """What 'solved' means here, as the verdict says it: 'solved the lag-100 latch'."""
        return t("task.solved", T=self.task.seq_len, task=self.task.name)

    def plateau_note(self, metric: float) -> str:
        """Why a model may sit on a known plateau above chance ('' when it is on none)."""
        return ""

    def flip_words(self, a: Batch, b: Batch, i: int) -> str:
        """What the flip changed in sequence i: 'the signal at t = 1, A → B'."""
        return ""


class LatchWords(Words):
    def describe(self):
        task = self.task
        return t("task.latch.describe", T=task.seq_len, n=task.n_signals,
                 distractors=task.seq_len - 1)

    def flip_words(self, a, b, i):
        names = self.task.class_names
        return t("task.latch.flip", a=names[int(a.y[i])], b=names[int(b.y[i])])


class AddingWords(Words):
    metric_axis = "log"  # an MSE that spans decades

    def describe(self):
        return t("task.adding.describe", T=self.task.seq_len)

    def format(self, metric):
        return f"{metric:.3g}" if abs(metric) < 1e4 else f"{metric:.1e}"

    def plateau_note(self, metric):
        """A model that remembers only the second marked number scores 1/12 = 0.083."""
        return t("task.adding.plateau") if 0.06 <= metric <= 0.11 else ""

    def flip_words(self, a, b, i):
        step = int(a.key_steps[i, 0])
        return t("task.adding.flip", step=step + 1, a=f"{float(a.x[i, step, 0]):.2f}",
                 b=f"{float(b.x[i, step, 0]):.2f}")


class OrderWords(Words):
    def describe(self):
        (a, b), (c, d) = self.task.bands()
        return t("task.order.describe", T=self.task.seq_len, a=a + 1, b=b + 1, c=c + 1, d=d + 1)

    def plateau_note(self, metric):
        """0.5: the model remembers one of the two symbols and guesses the other."""
        return t("task.order.plateau") if 0.4 <= metric <= 0.6 else ""

    def flip_words(self, a, b, i):
        step, names = int(a.key_steps[i, 0]), self.task.class_names
        return t("task.order.flip", step=step + 1, a=names[int(a.y[i])][0],
                 b=names[int(b.y[i])][0])


class TextWords(Words):
    chance_key, line_key, goal_key = "prompt.task.chance", "prompt.task.line", "prompt.task.goal"

    def describe(self):
        return t("prompt.task.describe", seq_len=self.task.seq_len, went="갔", endings="습/어/다")

    @property
    def metric_label(self):
        return t("task.text.metric")

    def metric_references(self):
        return {t("prompt.task.no_context", chance=f"{self.task.chance:.2f}"): self.task.chance}


class SeriesWords(Words):
    chance_key, line_key = "prices.task.chance", "prices.task.line"
    length_key = "task.window"
    metric_axis = "linear"  # an RMSE near its baselines

    def describe(self):
        task = self.task
        where = t("prices.task.synthetic" if task.series == SYNTHETIC else "prices.task.uploaded")
        return t("prices.task.describe", horizon=task.horizon, seq_len=task.seq_len, where=where)

    def format(self, metric):
        return f"{metric:.3f}" if abs(metric) < 1e4 else f"{metric:.1e}"

    @property
    def goal(self):
        return t("prices.task.goal", horizon=self.task.horizon)

    @property
    def solved_words(self):
        return t("prices.task.solved")

    def metric_references(self):
        task = self.task
        references = {t("prices.task.naive", value=f"{task.chance:.3f}"): task.chance}
        if math.isfinite(task.seasonal_naive):
            references[t("prices.task.seasonal", period=task.period,
                         value=f"{task.seasonal_naive:.3f}")] = task.seasonal_naive
        return references

    def plateau_note(self, metric):
        """Where the seasonal naive forecast stands, when the model has not beaten it."""
        seasonal = self.task.seasonal_naive
        if math.isfinite(seasonal) and metric > seasonal:
            return t("prices.task.plateau", score=self.format(seasonal))
        return ""


WORDS: dict[str, type[Words]] = {"latch": LatchWords, "adding": AddingWords,
                                 "order": OrderWords, "text": TextWords, "series": SeriesWords}


def words(task: Task) -> Words:
    """The words of this task."""
    return WORDS[task.name](task)
