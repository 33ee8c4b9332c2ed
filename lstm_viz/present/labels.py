"""How each model kind looks on screen: its label, its colour, its equations and its words.

The maths of a kind lives in ``lstm_viz.core.kinds``; this is its presentation entry, looked up
by the kind's id. Colours are the Okabe & Ito (2008) colour-blind-safe palette first (RNN
vermillion, LSTM blue, GRU bluish green, LSTM 1997 reddish purple, LSTM (c cut) orange), then
Tol's (2021) muted and dark schemes; tests keep them apart, also as the three common
colour-vision deficiencies see them (tests/test_colours.py). Each kind also has its own marker,
so no chart relies on colour alone (WCAG 1.4.1). The words (multiplier legend,
the Inside page's note, gate titles) come from the language tables: ``kind.<id>.multiplier``,
``kind.<id>.inside_note`` and ``gate.<letter>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lstm_viz.core.kinds import KINDS
from lstm_viz.i18n import has, t


@dataclass(frozen=True)
class Look:
    """A kind's label (the same in every language), colour and equations (LaTeX); ``slope``:
    an ungated kind's activation slope, as its worst-case legend writes it; ``headline``: the
    kind the race's forget-gate glimpse and its hints are about."""

    label: str
    color: str
    symbol: str  # its marker, the second cue beside the colour wherever models share a chart
    equations: str
    slope: str = ""
    headline: bool = False


_LSTM = r"c_t = f_t \odot c_{t-1} + i_t \odot g_t,\quad h_t = o_t \odot \tanh(c_t)"
_RNN = r"h_t = \tanh(W_{ih} x_t + W_{hh} h_{t-1} + b)"
LOOKS = {
    "rnn": Look("RNN", "#D55E00", "circle", _RNN, slope="1−h_t²"),
    "lstm": Look("LSTM", "#0072B2", "square", _LSTM, headline=True),
    "gru": Look("GRU", "#009E73", "diamond", r"h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}"),
    "lstm-cec": Look("LSTM 1997", "#CC79A7", "triangle-up",
                     r"c_t = c_{t-1} + i_t \odot g_t,\quad h_t = o_t \odot \tanh(c_t)"),
    "lstm-cut": Look("LSTM (c cut)", "#E69F00", "triangle-down", _LSTM),
    "lstm-i1": Look("LSTM (i = 1)", "#332288", "star",
                    r"c_t = f_t \odot c_{t-1} + g_t,\quad h_t = o_t \odot \tanh(c_t)"),
    "lstm-o1": Look("LSTM (o = 1)", "#762A83", "hexagram",
                    r"c_t = f_t \odot c_{t-1} + i_t \odot g_t,\quad h_t = \tanh(c_t)"),
    "rnn-orth": Look("RNN (orthogonal)", "#8C510A", "cross",
                     _RNN + r",\quad W_{hh} \text{ orthogonal at step 0}", slope="1−h_t²"),
    "irnn": Look("IRNN", "#000000", "pentagon",
                 r"h_t = \max(0,\ W_{ih} x_t + W_{hh} h_{t-1} + b),\quad W_{hh} = I,\ b = 0"
                 r" \text{ at step 0}", slope="1[h_t>0]"),
    "lstmp": Look("LSTMP", "#999933", "hourglass", r"c_t = f_t \odot c_{t-1} + i_t \odot g_t,\quad "
                                      r"h_t = W_{hr}\,(o_t \odot \tanh(c_t))"),
}

_BY_COLOR = {look.color.upper(): kind for kind, look in LOOKS.items()}


def look(kind: str) -> Look:
    return LOOKS[kind]


def kind_label(kind: str) -> str:
    """'LSTM (c cut)': the kind as every page and legend names it."""
    return LOOKS[kind].label


def kind_of_color(color: str) -> str | None:
    """The kind drawn in this colour (None: no kind's)."""
    return _BY_COLOR.get(color.upper())


def kind_color(kind: str) -> str:
    """The kind's one colour, on every page."""
    return LOOKS[kind].color


TEXT_CONTRAST = 4.5  # WCAG 2 AA for normal text


def luminance(color: str) -> float:
    """WCAG 2's relative luminance of '#RRGGBB'."""
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(color: str, background: str = "#FFFFFF") -> float:
    """WCAG 2's contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(color), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_color(kind: str) -> str:
    """The kind's colour for text on a light page: darkened toward black just enough to read
    (contrast at least TEXT_CONTRAST on white); lines and markers keep ``kind_color``."""
    channels = [int(LOOKS[kind].color[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(21):
        shade = "#" + "".join(f"{round(c * (1 - step / 20)):02X}" for c in channels)
        if contrast(shade) >= TEXT_CONTRAST:
            return shade
    return "#000000"


def gate_titles(kind: str) -> dict[str, str]:
    """Gate name -> its title in the current language ('input gate i'), in PyTorch's order; a
    gate the kind fixes says so ('forget gate f = 1 (fixed)')."""
    spec = KINDS[kind]
    return {gate: t("gate.fixed", gate=t(f"gate.{gate}")) if gate in spec.fixed_gates
            else t(f"gate.{gate}") for gate in spec.gate_names}


def multiplier_label(kind: str) -> str:
    """What one step back multiplies the gradient by, as a legend names it (starting with the
    kind's label)."""
    return t(f"kind.{kind}.multiplier")


def inside_note(kind: str) -> str:
    """What to watch in this kind on the Inside page ('' where it has no note of its own)."""
    key = f"kind.{kind}.inside_note"
    return t(key) if has(key) else ""


def headline(kinds) -> str | None:
    """The racing kind the race's glimpse and hints are about (None: it does not race)."""
    return next((k for k in kinds if LOOKS[k].headline), None)
