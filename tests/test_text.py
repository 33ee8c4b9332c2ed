"""The next-character task: corpus, windows, targets, long-range positions, metric, baselines and
the prompt box, each against a direct computation."""

import math
import unicodedata
from collections import Counter

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from lstm_viz.core.models import build_model
from lstm_viz.i18n import say
from lstm_viz.tasks import make_task, text

PAST = "ᆻ"  # the final consonant ㅆ of a past-tense syllable (갔, 했, 먹었)


def _batch(task, n=64, seed=0):
    return task.sample(n, torch.Generator().manual_seed(seed))


def _strings(task, batch):
    """Each window's input characters plus the last target: the window's seq_len + 1 chars."""
    return ["".join(task.step_labels(batch.x[i])) + task.class_names[batch.y[i, -1]]
            for i in range(len(batch.x))]


def test_the_corpus_files_say_where_they_come_from_and_keep_the_long_range_clean():
    for lang in text.languages():
        header = (text.DATA / f"text_{lang.code}.txt").read_text(encoding="utf-8").splitlines()[:3]
        assert any("Written for this project" in line for line in header)
        assert len(lang.classes) >= 2 and len(lang.fillers) >= 30 and lang.verbs and lang.tails
        firsts = [ending[0] for _, ending in lang.classes.values()]
        assert len(set(firsts)) == len(firsts)  # the first character tells the classes apart
    ko, en = text.languages()
    # A filler must not end a sentence's long-range spot early: no Korean past-tense syllable,
    # no English word starting with w.
    assert not any(PAST in unicodedata.normalize("NFD", f) for f in ko.fillers)
    assert all(unicodedata.normalize("NFD", v[-1]).endswith(PAST) for v in ko.verbs)
    assert not any(word.startswith("w") for f in en.fillers for word in f.lower().split())


@pytest.mark.parametrize("seq_len", [24, 100, 500])
def test_windows_end_at_the_character_that_the_cue_decides(seq_len):
    task = make_task("text", seq_len)
    batch = _batch(task)
    assert batch.x.shape == (64, seq_len, task.input_size) and batch.y.shape == (64, seq_len)
    # the targets are the inputs shifted by one
    assert torch.equal(batch.y[:, :-1], batch.x[:, 1:].argmax(-1))
    endings = {cue: ending for lang in text.languages()
               for cues, ending in lang.classes.values() for cue in cues}
    lags = []
    for window, key in zip(_strings(task, batch), batch.key_steps[:, 0].tolist()):
        cue = next(c for c in sorted(endings, key=len, reverse=True)
                   if window[: key + 1].endswith(c))
        assert window[-1] == endings[cue][0]  # the cue, far back, decides the last character
        assert window[-2] in {v[-1] for lang in text.languages() for v in lang.verbs}
        lags.append(seq_len - key)
    if seq_len >= 100:  # the slider sets how far back the cue is (short windows fit few fillers)
        assert min(lags) >= 0.15 * seq_len and np.median(lags) >= 0.55 * seq_len


def test_long_range_accuracy_scores_the_last_step_and_the_loss_every_step():
    task = make_task("text", 40)
    batch = _batch(task, 16)
    logits = torch.randn(16, 40, task.output_size)
    right = (logits[:, -1].argmax(-1) == batch.y[:, -1]).float().mean().item()
    assert task.metric(logits, batch.y) == pytest.approx(right)
    assert task.metric(logits[:, -1], batch.y[:, -1]) == pytest.approx(right)
    perfect = F.one_hot(batch.y, task.output_size).float() * 50
    assert task.metric(perfect, batch.y) == 1.0
    every = np.mean([F.cross_entropy(logits[b, t][None], batch.y[b, t][None]).item()
                     for b in range(16) for t in range(40)])
    assert task.eval_loss(logits, batch.y) == pytest.approx(every, rel=1e-5)
    last = F.cross_entropy(logits[:, -1], batch.y[:, -1]).item()
    assert task.loss(logits, batch.y).item() == pytest.approx(every + last, rel=1e-5)
    assert task.loss(logits[:, -1], batch.y[:, -1]).item() == pytest.approx(last, rel=1e-5)


def test_the_no_context_baseline_is_what_local_context_alone_achieves():
    """chance (closed form: the most frequent ending per language) against a bigram model
    that predicts the last character from the one before it, fitted and scored on samples."""
    task = make_task("text", 60)
    assert task.chance == pytest.approx((1 / 3 + 1 / 2) / 2)
    fit, test = _batch(task, 2000, 1), _batch(task, 2000, 2)
    counts = Counter(zip(fit.x[:, -1].argmax(-1).tolist(), fit.y[:, -1].tolist()))
    best = {}
    for (before, after), n in counts.items():
        if n > counts.get((before, best.get(before)), 0):
            best[before] = after
    guesses = [best.get(b) for b in test.x[:, -1].argmax(-1).tolist()]
    accuracy = np.mean([g == y for g, y in zip(guesses, test.y[:, -1].tolist())])
    assert accuracy == pytest.approx(task.chance, abs=0.04)


def test_unigram_and_bigram_bits_per_character_match_a_direct_count():
    task = make_task("text", 50)
    unigram, bigram = text.ngram_baselines(50)
    assert 0 < bigram < unigram < math.log(task.output_size)
    fit, test = (text._ids(task, seed) for seed in text._BASELINE_SEEDS)
    counts = Counter(fit[:, 1].tolist())
    total = len(fit) + text.SMOOTHING * task.output_size
    direct = -np.mean([math.log((counts[c] + text.SMOOTHING) / total) for c in test[:, 1]])
    assert unigram == pytest.approx(direct, rel=1e-9)
    assert task.loss_references() == {"unigram": unigram, "bigram": bigram}
    assert text.bits(math.log(2)) == 1.0


def test_a_prompt_keeps_known_characters_and_rejects_empty_and_long_ones():
    task = make_task("text", 24)
    prompt = text.read_prompt(task, "할머니, 😀 봤€")
    assert prompt.unknown == ("😀", "€")
    assert "".join(task.class_names[i] for i in prompt.ids) == "할머니,  봤"
    for bad, words in (("", "Type a prompt"), ("   ", "Type a prompt"),
                       ("가" * (text.MAX_PROMPT + 1), "the limit is"), ("😀😀", "None of")):
        with pytest.raises(ValueError) as rejected:
            text.read_prompt(task, bad)
        assert words in say(rejected.value)


@pytest.mark.parametrize("kind", ["rnn", "lstm", "gru"])
def test_top_five_and_continuation_follow_the_models_own_forward_pass(kind):
    task = make_task("text", 24)
    model = build_model(kind, task.input_size, 8, task.output_size, 3, every_step=True)
    prompt = text.read_prompt(task, "엄마, 어제 저녁에 영화를 봤")
    x = F.one_hot(torch.tensor([prompt.ids]), task.input_size).float()
    with torch.no_grad():
        probs = torch.softmax(model(x)[0, -1], -1)
    top = text.next_char(model, task, prompt)
    assert [c for c, _ in top] == [task.class_names[i] for i in probs.topk(5).indices]
    np.testing.assert_allclose([p for _, p in top], probs.topk(5).values, rtol=1e-5)
    greedy = text.continuation(model, task, prompt, 12, 0.0, seed=0)
    ids = list(prompt.ids)
    for _ in range(12):  # the whole sequence again each time: no state carried over
        with torch.no_grad():
            out = model(F.one_hot(torch.tensor([ids]), task.input_size).float())
        ids.append(int(out[0, -1].argmax()))
    assert greedy == "".join(task.class_names[i] for i in ids[len(prompt.ids):])
    sampled = text.continuation(model, task, prompt, 12, 1.0, seed=5)
    assert sampled == text.continuation(model, task, prompt, 12, 1.0, seed=5) and len(sampled) == 12


@pytest.mark.parametrize("seq_len", [24, 60, 300])
def test_examples_stop_right_before_the_character_their_class_decides(seq_len):
    task = make_task("text", seq_len)
    for lang in text.languages():
        for name, (cues, ending) in lang.classes.items():
            example = task.example(lang.code, name)
            assert example == task.example(lang.code, name) and len(example) < seq_len
            assert any(example.startswith(cue) for cue in cues)
            assert any(example.endswith(verb) for verb in lang.verbs)
            read = text.read_prompt(task, example)
            assert not read.unknown and len(read.ids) == len(example)


@pytest.mark.parametrize("seq_len", [24, 100])
def test_probe_windows_come_in_twins_that_differ_only_in_the_cue_and_answer(seq_len):
    task = make_task("text", seq_len)
    batch = task.probe_sample(8, torch.Generator().manual_seed(2))
    windows = _strings(task, batch)
    for a, b, key in zip(windows[::2], windows[1::2], batch.key_steps[::2, 0].tolist()):
        differ = [t for t, (x, y) in enumerate(zip(a, b)) if x != y]
        assert differ and differ[-1] == seq_len and a[-1] != b[-1]  # the answers differ
        assert all(t <= key for t in differ[:-1])  # everything else differs only in the cue
    from lstm_viz.core.probes import contrast_pair

    assert contrast_pair(task.last(batch.y)) == (0, 1)  # Inside draws the first twins
