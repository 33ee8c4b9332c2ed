"""Inside the LSTM, the Race and Gradient flow pages in Korean: their charts' titles, axis titles,
legends and notes come from the language tables, the English pages stay as they were; and the
words of the latch, adding and order tasks and of every model kind in both languages."""

import json
import re
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from lstm_viz import i18n
from lstm_viz.core.kinds import KINDS
from lstm_viz.i18n import TABLES, t
from lstm_viz.present.labels import (
    gate_titles,
    inside_note,
    kind_label,
    multiplier_label,
)
from lstm_viz.present.task_words import words
from lstm_viz.tasks import make_task

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HANGUL = re.compile("[\uac00-\ud7a3]")
MODELS = ["RNN", "LSTM", "GRU", "LSTM 1997"]
PAGES = ["views/inside.py", "views/race.py", "views/gradients.py"]
# English words a Korean chart may show: model labels, math and number formats
KEPT = {"orthogonal", "tanh", "diag", "float"}


def open_page(page, lang=None):
    at = AppTest.from_file(APP, default_timeout=120)
    params = {"seq_len": "12", "hidden_size": "6", "max_steps": "100", "models": MODELS}
    if lang:
        params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    at.button(key="step").click().run()
    assert not at.exception, at.exception
    return at


def chart_specs(at):
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def axis_titles(spec):
    return [axis["title"]["text"] for key, axis in spec["layout"].items()
            if key.startswith(("xaxis", "yaxis")) and axis.get("title", {}).get("text")]


def chart_words(spec):
    """Every text a reader sees on a chart: title, axis titles, legend names, notes."""
    notes = [note["text"] for note in spec["layout"].get("annotations", [])]
    names = [trace["name"] for trace in spec["data"] if trace.get("name")]
    return [spec["layout"]["title"]["text"], *axis_titles(spec), *notes, *names]


def english_words(text):
    return set(re.findall(r"\b[a-z]{4,}\b", text)) - KEPT


@pytest.fixture
def korean():
    i18n.use("ko")
    yield
    i18n.use(None)


@pytest.mark.parametrize("page", PAGES)
def test_the_charts_are_korean_on_a_korean_page(page):
    at = open_page(page, "ko")
    specs = chart_specs(at)
    assert specs, "no chart on the page"
    for spec in specs:
        title = spec["layout"]["title"]["text"]
        assert HANGUL.search(title), title
        assert axis_titles(spec) and all(HANGUL.search(axis) for axis in axis_titles(spec)), \
            (title, axis_titles(spec))
        left = {word for text in chart_words(spec) for word in english_words(text)}
        assert not left, (title, left)


@pytest.mark.parametrize("page", PAGES)
def test_the_english_charts_are_unchanged(page):
    specs = chart_specs(open_page(page))
    assert specs
    assert not [text for spec in specs for text in chart_words(spec) if HANGUL.search(text)]
    titles = [spec["layout"]["title"]["text"] for spec in specs]
    expected = {"views/inside.py": "LSTM forget gate f (step 10)",
                "views/race.py": "Held-out accuracy, lag 12<br>"
                                 "<sub>on 512 held-out sequences</sub>",
                "views/gradients.py": "Error signal reaching step t: at step 0"}[page]
    assert expected in titles, titles


def test_inside_the_lstm_in_korean():
    at = open_page("views/inside.py", "ko")
    ko = TABLES["ko"]
    assert at.title[0].value == ko["inside.title"]
    assert at.toggle(key="follow").label == ko["inside.follow"]
    main = [h.value for h in at.main.header]
    assert main[:3] == [ko["inside.memory"], ko["inside.flipped"], ko["inside.saturation"]]
    assert ko["inside.saturation_note"] in [c.value for c in at.caption]
    shown = " ".join(m.value for m in at.markdown)
    assert "**10단계의 LSTM 1997** 답: 시퀀스 1(정답 **" in shown  # each model's answers
    assert "검증 정확도" in shown  # the step counter names the metric in Korean
    for name in ("rnn", "lstm", "lstm-cec"):  # the intro's note on each kind
        assert ko[f"kind.{name}.inside_note"] in shown
    assert not english_words(" ".join(c.value for c in at.caption))
    titles = [spec["layout"]["title"]["text"] for spec in chart_specs(at)]
    assert "LSTM 1997 망각 게이트 f = 1 (고정) (10단계)" in titles
    assert "GRU 업데이트 게이트 z (10단계)" in titles
    at.toggle(key="follow").set_value(False).run()  # look back: the step slider in Korean
    assert not at.exception, at.exception
    assert at.select_slider[0].label == ko["setting.snapshot"]


@pytest.mark.parametrize("name, seq_len", [("latch", 100), ("adding", 100), ("order", 100)])
def test_the_tasks_speak_korean(korean, name, seq_len):
    task = make_task(name, seq_len)
    said = words(task)
    batch = task.sample(4, torch.Generator().manual_seed(0))
    plateau = {"latch": None, "adding": 0.08, "order": 0.5}[name]
    texts = [said.describe(), said.goal, said.solved_words, said.chance_name, said.reference_line,
             *said.metric_references(), said.title, said.source, said.length_label,
             said.flip_words(batch, task.flipped(batch), 0)]
    if plateau:
        texts.append(said.plateau_note(plateau))
    for text in texts:
        assert HANGUL.search(text) and not english_words(text.replace(name, "")), text
    assert said.metric_label == {"latch": "정확도", "adding": "MSE", "order": "정확도"}[name]
    assert task.metric_name == {"latch": "accuracy", "adding": "MSE", "order": "accuracy"}[name]


def test_the_tasks_english_is_unchanged():
    latch, adding, order = (words(make_task(name, 100)) for name in ("latch", "adding", "order"))
    assert latch.describe() == "Report the first of 100 symbols (one of 2) after 99 distractors."
    assert adding.describe() == "Output the sum of the two marked numbers among 100 random numbers."
    assert order.describe() == ("Tell the order of the two X/Y symbols hidden among 100 symbols: "
                                "the first comes between steps 11 and 21, the second between 51 "
                                "and 61, as in the 1997 paper (nothing after step 61 matters).")
    assert latch.goal == "must report, at the last step, something from many steps earlier"
    assert latch.solved_words == "solved the lag-100 latch"
    assert (latch.chance_name, latch.reference_line) == ("chance", "the chance line")
    assert (adding.chance_name, adding.reference_line) == ("the baseline", "the baseline")
    assert list(latch.metric_references()) == ["chance (0.50)"]
    assert list(adding.metric_references()) == ["baseline: always answer 1 (0.167)"]
    assert adding.plateau_note(0.08).startswith("near 1/12 = 0.083, the MSE of a model")
    assert order.plateau_note(0.5).startswith("0.5 on this task means it remembers only one")
    assert (latch.title, order.source) == ("Latch (remember the first symbol)",
                                           "Hochreiter & Schmidhuber 1997, experiment 6")
    assert (latch.metric_label, adding.metric_label, latch.length_label) == \
        ("accuracy", "MSE", "lag")
    assert words(make_task("text", 40)).metric_label == "long-range accuracy"
    assert words(make_task("series", 20)).length_label == "window"


def test_the_text_and_series_metrics_on_screen_in_korean(korean):
    assert words(make_task("text", 40)).metric_label == "장거리 정확도"
    assert make_task("text", 40).metric_name == "long-range accuracy"  # the CLI's and exports' id
    assert words(make_task("series", 20)).length_label == "윈도우"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_kind_has_its_words_in_both_languages(language):
    try:
        i18n.use(language)
        for name, kind in KINDS.items():
            assert multiplier_label(name).startswith(kind_label(name)), name
            assert tuple(gate_titles(name)) == kind.gate_names
            note = inside_note(name)
            assert bool(note) == (name != "gru"), name
            if language == "ko":
                assert HANGUL.search(multiplier_label(name)), name
                assert all(HANGUL.search(title) for title in gate_titles(name).values()), name
                assert not note or HANGUL.search(note), name
    finally:
        i18n.use(None)
    assert gate_titles("lstm") == {"i": "input gate i", "f": "forget gate f",
                                   "g": "cell candidate g", "o": "output gate o"}
    assert gate_titles("lstm-cec")["f"] == "forget gate f = 1 (fixed)"
    assert multiplier_label("irnn") == "IRNN: gain of W_hhᵀ diag(1[h_t>0]) on the gradient"


def test_the_dynamic_keys_exist():
    """Keys the code builds from names (not found by test_i18n's literal search)."""
    used = {f"kind.{name}.{part}" for name in KINDS for part in ("multiplier", "inside_note")
            if not (name == "gru" and part == "inside_note")}
    used |= {f"task.{name}.{part}" for name in ("latch", "adding", "order")
             for part in ("title", "source")}
    used |= {"figures.median_seed", "figures.median_seeds"}
    assert not used - set(TABLES["en"]), sorted(used - set(TABLES["en"]))
    assert t("figures.median_seed", model="LSTM", seeds=1) == "LSTM: median over 1 seed"
