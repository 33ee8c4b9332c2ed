"""Next character: type a prompt in Korean or English and see what each model expects next."""

import html

import streamlit as st

from lstm_viz.i18n import say, t
from lstm_viz.present import panels
from lstm_viz.present.labels import kind_label, text_color
from lstm_viz.tasks import TASKS, text
from views import shared, state, teacher

EXAMPLES = {  # (language, class in the corpus): each example stops where only its start decides
    "해요체 (to family)": ("ko", "polite"), "해라체 (a diary)": ("ko", "plain"),
    "합니다체 (formal)": ("ko", "formal"), "English: one": ("en", "one"),
    "English: many": ("en", "many"),
}  # keyed by the English label, which also names each button's widget key in every language
STYLES = {"polite": "해요체", "plain": "해라체", "formal": "합니다체"}  # speech levels' names
# The Korean words the texts quote, given as fields (the English table holds no Hangul).
OFFER_WORDS = dict(went="**갔**", formal="갔**습**니다", polite="갔**어**요", plain="갔**다**")
INTRO_WORDS = dict(went="**갔**", eo="어", polite="갔어요", da="다", plain="갔다", seup="습",
                   formal="갔습니다")
CONTINUATION = 40  # characters each model writes after the prompt
TEXT_LR = TASKS["text"].defaults["lr"]  # the text task's own learning rate (docs/science.md)

st.title(t("prompt.title"))
config = state.CURSOR.get().run.config


def _use_text() -> None:
    """Text at its learning rate, and training starts: one press."""
    state.put_settings({"task": "text", "lr": TEXT_LR})
    state.PLAYING.set(True)


def _example(prompt: str) -> None:
    state.PROMPT.set(prompt)


if config.task != "text":
    st.markdown(t("prompt.offer", **OFFER_WORDS))
    if not teacher.may_change("task", "lr"):
        st.caption(t("hidden.no_shortcut"))
        st.stop()
    st.button(t("prompt.use_text"), key=state.USE_TEXT, type="primary", on_click=_use_text,
              icon=":material/translate:", help=t("prompt.use_text_help", lr=f"{TEXT_LR:g}"))
    st.caption(t("prompt.use_text_note", lr=f"{TEXT_LR:g}"))
    st.stop()

task = state.CURSOR.get().run.task
st.markdown(t("prompt.intro", seq_len=task.seq_len, **INTRO_WORDS))
state.PROMPT.setdefault(task.example("ko", "polite"))
with st.container(horizontal=True, key=state.EXAMPLES):
    for label, (code, name) in EXAMPLES.items():
        st.button(t(f"prompt.example.{name}", style=STYLES.get(name, "")),
                  key=state.example_button(label), on_click=_example,
                  args=(task.example(code, name),))
prompt_text = st.text_area(t("prompt.prompt"), key=state.PROMPT.name, height=80,
                           help=t("prompt.prompt_help", max=text.MAX_PROMPT))
left, right = st.columns(2)
modes = {m: t(f"prompt.mode.{m}") for m in ("greedy", "sampled")}  # words fixed in this run
mode = left.radio(t("prompt.mode"), tuple(modes), horizontal=True, key=state.MODE,
                  format_func=modes.get, help=t("prompt.mode_help"))
temperature = 0.0  # the slider shows only where it matters (a greyed label reads poorly)
if mode != "greedy":
    temperature = right.slider(t("prompt.temperature"), 0.1, 2.0, 0.8, 0.1, key=state.TEMPERATURE,
                               help=t("prompt.temperature_help"))


def draw(view):
    """Each model's next-character bars and continuation, every one in a place of its own
    (empty while the prompt or the run gives none): the live fragment keeps its layout."""
    result, problem, prompt = None, None, None
    try:
        prompt = text.read_prompt(view.task, prompt_text)
        result = panels.next_characters(view.trainer, prompt, CONTINUATION,
                                        temperature, view.config.seed)
    except ValueError as bad:
        problem = say(bad)
    left_out, status = st.empty(), st.empty()
    if prompt is not None and prompt.unknown:
        shown = " ".join(f"'{c}'" for c in prompt.unknown[:12])
        left_out.info(t("prompt.left_out", n=len(prompt.unknown), shown=shown))
    if result is not None and not result["figs"]:
        problem, result = t("prompt.all_diverged"), None
    if problem is not None:
        status.warning(problem)
    elif result["step"] > view.config.max_steps:  # others on the link trained past this cap
        status.info(t("prompt.past_cap", step=result["step"], cap=view.config.max_steps))
        result = None
    elif result["step"] == 0:
        status.info(t("prompt.untrained"))
    elif result["step"] == view.steps:
        status.caption(t("prompt.at_step", step=result["step"]))
    else:  # the weights exist only at the shared run's newest step
        status.info(t("prompt.newest", step=result["step"], shown=view.steps))
    figs, said = (result["figs"], result["continuations"]) if result else ({}, {})
    for column, kind in zip(st.columns(len(view.kinds)), view.kinds):
        with column:
            shared.chart(figs.get(f"next_{kind}"), f"next_{kind}")
    tail = html.escape(("…" if len(prompt_text) > 30 else "") + prompt_text[-30:])
    for kind in view.kinds:
        slot = st.empty()
        if kind in said:
            slot.html(f'<p class="continuation"><b style="color:{text_color(kind)}">'
                      f"{kind_label(kind)}</b>{html.escape(t('prompt.continues'))}{tail}"
                      f'<span style="background:#e8eef6;font-weight:600">'
                      f"{html.escape(said[kind])}</span></p>")


shared.live(draw)
