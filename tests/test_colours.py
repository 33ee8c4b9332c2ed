"""Model colours that stay apart for colour-blind readers: every pair of the model kinds'
colours, after simulating each of the three common colour-vision deficiencies (Machado,
Oliveira & Fernandes 2009, severity 1, in linear sRGB), is at least MIN_DELTA_E apart in
CIELAB (CIE76 ΔE*ab; about 2.3 is a just-noticeable difference)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from lstm_viz.present.labels import LOOKS

MIN_DELTA_E = 12.0  # every pair under each deficiency
MIN_DELTA_E_NORMAL = 20.0  # every pair with normal colour vision
# Machado et al. (2009), Table 1 at severity 1.0: linear RGB -> linear RGB as seen
DEFICIENCIES = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                   [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                     [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                   [0.004733, 0.691367, 0.303900]],
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                        [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])  # D65


def linear(hex_color: str) -> np.ndarray:
    """'#D55E00' -> linear sRGB in [0, 1]."""
    c = np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb: np.ndarray) -> np.ndarray:
    """Linear sRGB -> CIELAB (D65)."""
    f = SRGB_TO_XYZ @ np.clip(rgb, 0, 1) / WHITE
    f = np.where(f > (6 / 29) ** 3, np.cbrt(f), f / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def distances(matrix) -> dict[tuple[str, str], float]:
    seen = {kind: lab(np.asarray(matrix) @ linear(look.color)) for kind, look in LOOKS.items()}
    return {(a, b): float(np.linalg.norm(seen[a] - seen[b]))
            for a, b in itertools.combinations(seen, 2)}


def test_the_colour_science_is_right():
    assert np.allclose(lab(linear("#FFFFFF")), [100, 0, 0], atol=0.05)
    assert np.allclose(lab(linear("#000000")), [0, 0, 0])
    # a pure red and a pure green collapse for a deuteranope (the reason for the test)
    red_green = lambda m: np.linalg.norm(lab(np.asarray(m) @ linear("#FF0000"))  # noqa: E731
                                         - lab(np.asarray(m) @ linear("#00FF00")))
    assert red_green(DEFICIENCIES["deuteranopia"]) < 0.4 * red_green(np.eye(3))


def test_every_pair_of_model_colours_is_apart_with_normal_vision():
    closest = min(distances(np.eye(3)).items(), key=lambda item: item[1])
    assert closest[1] >= MIN_DELTA_E_NORMAL, closest


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_every_pair_of_model_colours_is_apart_under_a_deficiency(deficiency):
    closest = min(distances(DEFICIENCIES[deficiency]).items(), key=lambda item: item[1])
    assert closest[1] >= MIN_DELTA_E, closest


def test_every_kind_has_its_own_marker():
    symbols = [look.symbol for look in LOOKS.values()]
    assert len(set(symbols)) == len(symbols)


@pytest.fixture(scope="module")
def three_models_run():
    from lstm_viz import LockstepTrainer, RunConfig

    trainer = LockstepTrainer(RunConfig(seq_len=12, models=("rnn", "lstm", "gru"),
                                        max_steps=30, eval_every=10))
    trainer.train_to(30)
    return trainer.view()


def test_every_chart_that_shares_models_tells_them_apart_without_colour(three_models_run):
    from lstm_viz.present import panels
    from lstm_viz.present.labels import kind_of_color

    view = three_models_run
    figures = {**panels.race(view), **panels.race_glimpses(view), **panels.gradients(view),
               **panels.inside(view, view.snapshots[-1])}
    checked = 0
    for name, fig in figures.items():
        by_kind = {}
        for trace in fig.data:
            if trace.type != "scatter":
                continue
            kind = kind_of_color(trace.line.color or trace.marker.color or "")
            if kind and trace.marker.symbol != "x":
                by_kind.setdefault(kind, set()).add(trace.marker.symbol)
        if len(by_kind) > 1:
            checked += 1
            for kind, symbols in by_kind.items():
                assert symbols == {LOOKS[kind].symbol}, (name, kind, symbols)
    assert checked >= 5  # the race, the gradient norms, factors, products, the memory trace...
