"""Page sentences that depend on the run: which models race, on which task, with how many
units. Each is a pure function, so a test can check it against every setting a user can reach;
the words come from the language tables (i18n.py).
"""

from __future__ import annotations

from lstm_viz.core.kinds import KINDS
from lstm_viz.i18n import t
from lstm_viz.present.figures import reach_text
from lstm_viz.present.labels import headline, inside_note, kind_label
from lstm_viz.present.task_words import words
from lstm_viz.present.verdict import gradient_state


def models_phrase(kinds: tuple[str, ...]) -> str:
    """'RNN vs LSTM', 'RNN vs LSTM vs GRU', or 'the LSTM' for a model alone."""
    labels = [kind_label(k) for k in kinds]
    return t("texts.the_model", model=labels[0]) if len(labels) == 1 else t("texts.vs").join(labels)


def race_title(kinds: tuple[str, ...]) -> str:
    """'Race: RNN vs LSTM', or 'Race: the LSTM alone'."""
    if len(kinds) == 1:
        return t("texts.race_title_alone", model=kind_label(kinds[0]))
    return t("texts.race_title", models=models_phrase(kinds))


def race_intro(kinds: tuple[str, ...], task) -> str:
    """The race page's opening: what to watch, true for one model or three and any task."""
    away = t("texts.climbs_away") if task.higher_is_better else t("texts.falls_below")
    fields = dict(goal=words(task).goal, away=away, line=words(task).reference_line)
    if len(kinds) > 1:
        return t("texts.race_intro_many", **fields)
    return t("texts.race_intro_one", model=kind_label(kinds[0]), **fields)


def race_next(view, open_button: bool = False) -> str:
    """What to try next, from where the run stands: after a divergence or an exploding
    gradient, clipping or a smaller learning rate; with the LSTM racing, a longer lag (unless the
    lag is the longest) or the forget gate closed (unless it is; then opening it, with the button
    below the page where ``open_button``); without it, the LSTM."""
    config = view.config
    if view.diverged:
        return t("texts.next_diverged_clip" if config.clip == 0 else "texts.next_diverged_lr",
                 lr=f"{config.lr:g}")
    if any(gradient_state(view, kind) == "exploded" for kind in view.kinds):
        return t("texts.next_exploded_clip" if config.clip == 0 else "texts.next_diverged_lr",
                 lr=f"{config.lr:g}")
    if not headline(view.kinds):
        return t("texts.next_add_lstm",
                 models=t("texts.and").join(kind_label(k) for k in view.kinds))
    if config.memory_init == "constant" and config.forget_bias <= 0:
        return t("texts.next_open_gate_button" if open_button else "texts.next_open_gate")
    if config.seq_len >= view.task.longest(**config.task_options):
        return t("texts.next_lstm_longest")
    return t("texts.next_lstm")


def units_phrase(k: int, hidden_size: int) -> str:
    """'the 6 units', 'the 2 units' (hidden size 2), 'the unit'."""
    n = min(k, hidden_size)
    return t("texts.the_unit") if n == 1 else t("texts.the_units", n=n)


def inside_intro(kinds: tuple[str, ...]) -> str:
    """What Inside shows, naming only the models that are there."""
    gated = [k for k in kinds if KINDS[k].gate_names]
    parts = []
    if gated:
        names = t("texts.and").join(t("texts.gates_of", model=kind_label(k),
                                                       gates=", ".join(KINDS[k].gate_names))
                                    for k in gated)
        parts.append(t("texts.inside_heatmaps", names=names))
    parts += [note for k in kinds if (note := inside_note(k))]
    parts.append(t("texts.inside_follow"))
    return " ".join(parts)


def gradient_start(view) -> list[str]:
    """What each ungated model's error signal did at the start, against its σ_max(W_hh) and
    1/γ = 1 (Pascanu, Mikolov & Bengio 2013): above 1/γ it may grow toward the early steps (an
    exploding gradient) or still shrink (saturated states); below, it must shrink. Read from the
    first snapshot's probes."""
    sentences = []
    for kind, probe in view.snapshots[0].probes.items():
        if probe.sigma_max is None:
            continue
        ratio = probe.grad_ratio
        fields = dict(model=kind_label(kind), sigma=f"{probe.sigma_max:.2f}",
                      ratio=reach_text(ratio), T=view.task.seq_len)
        if probe.sigma_max <= 1:
            key = "texts.start_vanishes"
        elif ratio >= 1:
            key = "texts.start_explodes"
            fields["clip"] = (t("texts.start_clip", clip=f"{view.config.clip:g}")
                              if view.config.clip > 0 else t("texts.start_no_clip"))
        else:
            key = "texts.start_shrinks"
        sentences.append(t(key, **fields))
    return sentences


def duration(seconds: float) -> str:
    """'40 s', '3 min', '1 h 20 min' (the Memory horizon's sweep, the race's wait)."""
    if seconds < 90:
        return t("duration.s", s=max(1, round(seconds)))
    minutes = round(seconds / 60)
    if minutes < 60:
        return t("duration.min", min=minutes)
    return t("duration.h_min", h=minutes // 60, min=minutes % 60)
