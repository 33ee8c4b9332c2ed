"""Next-character prediction on Korean and English text whose key characters lie far back.

The examples our readers learned from (Karpathy 2015, "The unreasonable effectiveness of
recurrent neural networks", and the Korean notebooks that follow it) train a character model and
let it continue a sentence. Here the sentences are built from the corpus in ``data/text_ko.txt``
and ``data/text_en.txt`` (written for this project) so that one character in each can only be
predicted from the start of the sentence, at a distance the sequence length sets:

- Korean: who is spoken to (선생님, 엄마, a diary) sets the speech level, and the speech level
  sets the ending after the verb: 갔습니다 (합니다체), 갔어요 (해요체) or 갔다 (해라체).
- English: the subject's number sets the verb after a long run of phrases: was or were.

Each window of ``seq_len`` characters ends at that character (the long-range position), its
sentence filling the last half to all of the window, so the cue lies up to seq_len characters
back and earlier sentences, complete with their endings, fill the rest. The model predicts the
next character at every step, and the loss is the mean over all of them; the metric is the
accuracy at the last step, the **long-range accuracy**. Its chance line is the best a model can
do without the start of the sentence: the most frequent ending of each language. Unigram and
bigram bits per character are the baselines of the loss.
"""

from __future__ import annotations

import bisect
import functools
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from lstm_viz.message import Problem
from lstm_viz.tasks.base import Batch, Task, one_hot

DATA = Path(__file__).parents[1] / "data"
LANGUAGES = {"ko": "Korean", "en": "English"}
SMOOTHING = 0.1  # additive smoothing of the unigram and bigram baselines
BASELINE_WINDOWS = 256  # windows the baselines are fitted on, and again evaluated on
LONGEST = 500  # the longest window: memory, not the corpus, sets it
MAX_PROMPT = 600  # characters a prompt may have (the longest example has about 500)
_BASELINE_SEEDS = (7_000_003, 7_000_019)


@dataclass(frozen=True)
class Language:
    """One language's building blocks: cue classes (cues, ending), fillers, verbs, tails."""

    code: str
    classes: dict[str, tuple[tuple[str, ...], str]]
    fillers: tuple[str, ...]
    verbs: tuple[str, ...]
    tails: tuple[str, ...]

    @property
    def no_context_accuracy(self) -> float:
        """The long-range accuracy of always answering the most frequent ending's first
        character (the classes are drawn uniformly)."""
        firsts = [ending[0] for _, ending in self.classes.values()]
        return max(firsts.count(c) for c in firsts) / len(firsts)

    @property
    def blocks(self) -> dict:
        """The building blocks as plain data, {"classes", "fillers", "verbs", "tails"}: what the
        sampling functions take, so that the exported script can hold them as a literal."""
        return {"classes": self.classes, "fillers": self.fillers, "verbs": self.verbs,
                "tails": self.tails}


def read_language(code: str) -> Language:
    """Parse ``data/text_<code>.txt``: "[cues NAME ENDING]", "[fillers]", "[verbs]", "[tails]"."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in (DATA / f"text_{code}.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = []
        else:
            sections[current].append(line)
    classes = {}
    for header, cues in sections.items():
        if header.startswith("cues "):
            _, name, ending = header.split(" ")
            classes[name] = (tuple(cues), ending)
    return Language(code, classes, tuple(sections["fillers"]), tuple(sections["verbs"]),
                    tuple(sections["tails"]))


@functools.cache
def languages() -> tuple[Language, ...]:
    return tuple(read_language(code) for code in LANGUAGES)


@functools.cache
def building_blocks() -> tuple[dict, ...]:
    """Each language's ``blocks``, in the order of LANGUAGES."""
    return tuple(lang.blocks for lang in languages())


@functools.cache
def vocabulary() -> tuple[str, ...]:
    """Every character the corpus can produce, sorted (the models' inputs and outputs)."""
    return tuple(characters(building_blocks()))


# -- sampling: the task and the exported script draw with these (Text.script_code) -----------
def characters(languages: tuple[dict, ...]) -> list[str]:
    """Every character the languages' building blocks can produce, sorted."""
    chars = {" "}
    for lang in languages:
        for cues, ending in lang["classes"].values():
            chars.update("".join(cues) + ending)
        chars.update("".join(lang["fillers"] + lang["verbs"] + lang["tails"]))
    return sorted(chars)


def seeded_random(generator: torch.Generator) -> random.Random:
    """Python's random.Random seeded with one draw of ``generator``: the stream the windows of
    one batch are drawn from."""
    return random.Random(int(torch.randint(2**62, (1,), generator=generator)))


def sentence(rng: random.Random, lang: dict, budget: int, name=None) -> tuple[str, int, str, str]:
    """A sentence of at most ``budget`` characters up to its long-range character: cue, fillers
    drawn while they fit, verb, the ending's first character. ``lang``: a language's building
    blocks; ``name``: the sentence's class (drawn at random if None). Returns the text, the cue's
    length, the ending and a tail (the ending's rest and the tail follow a complete sentence)."""
    cues, ending = lang["classes"][name or rng.choice(sorted(lang["classes"]))]
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
    return " ".join(parts + [verb]) + ending[0], len(cue), ending, rng.choice(lang["tails"])


def window(rng: random.Random, languages: tuple[dict, ...], seq_len: int,
           shortest: int) -> tuple[str, int]:
    """seq_len + 1 characters ending at a long-range character, and the step of the cue's last
    character. The sentence takes the last half to all of the window (so the model also meets
    sentences shorter than the window, as a prompt may be); earlier sentences of ``shortest``
    to 80 characters, complete with their endings, fill the window's start."""
    lang = rng.choice(languages)
    margin = rng.randint(1, max(1, seq_len // 2))
    text, cue_length, _, _ = sentence(rng, lang, seq_len - margin)
    last = len(text)  # the length of the window's own sentence
    while len(text) < seq_len + 1:
        before, _, ending, tail = sentence(rng, lang, rng.randint(shortest, 80))
        text = before + ending[1:] + tail + " " + text
    start = len(text) - (seq_len + 1)
    return text[start:], len(text) - last + cue_length - 1 - start


def encode(texts: list[str], index: dict[str, int]) -> tuple[torch.Tensor, torch.Tensor]:
    """Windows of characters as one-hot inputs x (B, T, V) and the next characters' ids
    y (B, T)."""
    ids = torch.tensor([[index[c] for c in text] for text in texts])
    return F.one_hot(ids[:, :-1], len(index)).float(), ids[:, 1:]


class Text(Task):
    """Next-character prediction; scored on the character that only the sentence's start
    decides (see the module docstring)."""

    name = "text"
    metric_name = "long-range accuracy"
    solved_threshold = 0.95
    min_seq_len = 24
    every_step = True
    eval_batch_size = 128  # windows of up to LONGEST one-hot characters each
    # Measured at T = 100, seeds 0-4 (docs/science.md): at Adam 2e-3 the LSTM stays a poor
    # character model within the step cap; at 0.01 every model models the characters well.
    defaults = {"lr": 0.01}
    script_code = (characters, seeded_random, sentence, window, encode)

    @classmethod
    def longest(cls, **options) -> int:
        """LONGEST: a held-out batch of 128 one-hot windows of 1000 characters would be 114 MB."""
        return LONGEST

    def __init__(self, seq_len: int):
        if seq_len > LONGEST:
            raise ValueError(f"text needs a sequence length from {self.min_seq_len} to {LONGEST}, "
                             f"got {seq_len}")
        super().__init__(seq_len)
        self.class_names = vocabulary()
        self.index = {c: i for i, c in enumerate(self.class_names)}
        self.input_size = self.output_size = len(self.class_names)
        self.chance = float(np.mean([lang.no_context_accuracy for lang in languages()]))

    # -- sampling -------------------------------------------------------------------------
    def example(self, code: str, name: str) -> str:
        """A prompt like the windows: a sentence of class ``name`` in language ``code``, its cue
        about seq_len characters back, stopped right before its long-range character. The same
        for the same length."""
        lang = next(lang for lang in languages() if lang.code == code)
        rng = random.Random(f"{code}-{name}-{self.seq_len}")
        return sentence(rng, lang.blocks, self.seq_len - 1, name)[0][:-1]

    def sample(self, batch_size, generator):
        rng = seeded_random(generator)
        return self._batch([self._window(rng) for _ in range(batch_size)])

    def probe_sample(self, batch_size, generator):
        """Probe windows in twins: the second of a pair is the first with its cue swapped for
        a cue of another class of the same length, so the two differ only in the cue and the
        answer (what a model must carry between them)."""
        rng = seeded_random(generator)
        windows = []
        while len(windows) < batch_size:
            drawn = self._window(rng)
            twin = self.twin(*drawn)
            if twin is not None:
                windows += [drawn, twin]
        return self._batch(windows[:batch_size])

    def _window(self, rng: random.Random) -> tuple[str, int]:
        """A window of this task's length, and its cue's last step (``window``)."""
        return window(rng, building_blocks(), self.seq_len, self.min_seq_len)

    @staticmethod
    def twin(text: str, cue_end: int) -> tuple[str, int] | None:
        """The window with its cue (ending at ``cue_end``) replaced by one of the same length
        from another class, and its last character by that class's answer (None if no cue of
        another class has that length)."""
        classes = [(cues, ending) for lang in languages() for cues, ending in lang.classes.values()]
        head = text[: cue_end + 1]
        cue, ending = max(((c, e) for cues, e in classes for c in cues if head.endswith(c)),
                          key=lambda pair: len(pair[0]))
        others = sorted(c2 + "\0" + e2 for cues, e2 in classes if e2 != ending for c2 in cues
                        if len(c2) == len(cue))
        if not others:
            return None
        other, other_ending = others[0].split("\0")
        return head[: -len(cue)] + other + text[cue_end + 1 : -1] + other_ending[0], cue_end

    def _batch(self, windows: list[tuple[str, int]]) -> Batch:
        x, y = encode([text for text, _ in windows], self.index)
        return Batch(x, y, torch.tensor([[cue] for _, cue in windows]))

    # -- scoring --------------------------------------------------------------------------
    def loss(self, pred, y, reduction="mean"):
        """Cross-entropy (nats) of every predicted character, pred (B, T, V) and y (B, T), plus
        that of the long-range character once more (it is what the task scores, as the 1997
        tasks score their last step; without it 1 character in seq_len carries the long-range
        signal and no model learns it within the step cap). pred (B, V), y (B,): the last
        step's cross-entropy alone (the probes)."""
        if pred.dim() == 2:
            return F.cross_entropy(pred, y, reduction=reduction)
        last = F.cross_entropy(pred[:, -1], y[:, -1], reduction=reduction)
        every = F.cross_entropy(pred.transpose(1, 2), y, reduction="none").mean(dim=1)
        return last + (every.mean() if reduction == "mean" else every.sum())

    def eval_loss(self, pred, y):
        """Cross-entropy per character over every step (nats), without the extra term."""
        return F.cross_entropy(pred.transpose(1, 2), y).item()

    def metric(self, pred, y):
        """Accuracy at the last step, the long-range character."""
        if pred.dim() == 3:
            pred, y = pred[:, -1], y[:, -1]
        return (pred.argmax(dim=-1) == y).float().mean().item()

    def step_labels(self, x):
        return [self.class_names[i] for i in x.argmax(dim=-1).tolist()]

    def loss_references(self):
        """Unigram and bigram cross-entropy (nats per character) on fresh windows."""
        return dict(zip(("unigram", "bigram"), ngram_baselines(self.seq_len)))


def _ids(task: Text, seed: int) -> np.ndarray:
    batch = task.sample(BASELINE_WINDOWS, torch.Generator().manual_seed(seed))
    previous = batch.x.argmax(dim=-1)
    return torch.stack([previous, batch.y], dim=-1).reshape(-1, 2).numpy()


@functools.cache
def ngram_baselines(seq_len: int) -> tuple[float, float]:
    """(unigram, bigram) cross-entropy in nats per character: counts (add-0.1) from one set of
    windows, scored on another."""
    task = Text(seq_len)
    fit, test = (_ids(task, seed) for seed in _BASELINE_SEEDS)
    v = task.output_size
    unigram = np.bincount(fit[:, 1], minlength=v) + SMOOTHING
    unigram /= unigram.sum()
    bigram = np.full((v, v), SMOOTHING)
    np.add.at(bigram, (fit[:, 0], fit[:, 1]), 1.0)
    bigram /= bigram.sum(axis=1, keepdims=True)
    return (float(-np.log(unigram[test[:, 1]]).mean()),
            float(-np.log(bigram[test[:, 0], test[:, 1]]).mean()))


def bits(nats: float) -> float:
    """Nats per character as bits per character."""
    return nats / math.log(2)


# -- the prompt box ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Prompt:
    """A user's prompt as model input: the known characters' ids and the ones left out."""

    ids: tuple[int, ...]
    unknown: tuple[str, ...]


def read_prompt(task: Text, text: str) -> Prompt:
    """The prompt's characters the models know; raises ValueError, with a sentence to show,
    for an empty or an over-long prompt or one with no known character."""
    if not text.strip():
        raise Problem("prompt.empty")
    if len(text) > MAX_PROMPT:
        raise Problem("prompt.too_long", n=len(text), max=MAX_PROMPT)
    ids = tuple(task.index[c] for c in text if c in task.index)
    unknown = tuple(dict.fromkeys(c for c in text if c not in task.index))
    if not ids:
        raise Problem("prompt.no_known")
    return Prompt(ids, unknown)


@torch.no_grad()
def next_char(model, task: Text, prompt: Prompt, k: int = 5) -> list[tuple[str, float]]:
    """The k most probable next characters after the prompt, with their probabilities."""
    x = one_hot(torch.tensor([prompt.ids]), task.input_size)
    probs = torch.softmax(model.run(x)[0][0, -1], dim=-1)
    top = torch.topk(probs, k)
    return [(task.class_names[i], float(p)) for p, i in zip(top.values, top.indices)]


@torch.no_grad()
def continuation(model, task: Text, prompt: Prompt, length: int, temperature: float,
                 seed: int) -> str:
    """``length`` characters after the prompt, one at a time from the model's own state:
    the most probable each time (temperature 0) or sampled from softmax(logits / temperature)."""
    generator = torch.Generator().manual_seed(seed)
    x = one_hot(torch.tensor([prompt.ids]), task.input_size)
    logits, state = model.run(x)
    out = []
    for _ in range(length):
        last = logits[0, -1]
        if temperature <= 0:
            i = int(last.argmax())
        else:
            i = int(torch.multinomial(torch.softmax(last / temperature, dim=-1), 1,
                                      generator=generator))
        out.append(task.class_names[i])
        logits, state = model.run(one_hot(torch.tensor([[i]]), task.input_size), state)
    return "".join(out)


def answers(trainer, prompt: Prompt, length: int, temperature: float, seed: int) -> dict:
    """Every live model's top 5 next characters after the prompt and its continuation, from
    the trainer's models as they are now: {"step": n, "top": {kind: [...]}, "continuations":
    {kind: str}}. Ask it through ``trainer.answer`` (the models may live in the worker)."""
    kinds = trainer.live_kinds
    return {"step": trainer.steps,
            "top": {k: next_char(trainer.models[k], trainer.task, prompt) for k in kinds},
            "continuations": {k: continuation(trainer.models[k], trainer.task, prompt, length,
                                              temperature, seed) for k in kinds}}
