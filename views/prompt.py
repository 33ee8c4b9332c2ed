"""Next character: type a prompt in Korean or English and see what each model expects next."""

import html

import streamlit as st

from lstm_viz import panels, text
from lstm_viz.models import KINDS
from views import shared

EXAMPLES = {  # (language, class in the corpus): each example stops where only its start decides
    "해요체 (to family)": ("ko", "polite"), "해라체 (a diary)": ("ko", "plain"),
    "합니다체 (formal)": ("ko", "formal"), "English: one": ("en", "one"),
    "English: many": ("en", "many"),
}
CONTINUATION = 40  # characters each model writes after the prompt
# At Adam 2e-3 the LSTM learns the long-range ending but stays a poor character model within
# the step cap (3.2-3.4 bits per character, README); at 1e-2 all three model the text well.
TEXT_LR = 0.01

st.title("Next character: Korean and English")
config = st.session_state.cursor.run.config


def _use_text() -> None:
    st.session_state.task = "text"
    st.session_state.lr = TEXT_LR


def _example(prompt: str) -> None:
    st.session_state.prompt = prompt


if config.task != "text":
    st.markdown(
        "The Korean LSTM notebooks end with a model that predicts a sentence's next character. "
        "This page does the same, on sentences where one character can only be predicted from "
        "the sentence's start: the ending after **갔** (갔**습**니다, 갔**어**요 or 갔**다**) "
        "is set by who is spoken to, and **was** or **were** by a subject many words back.")
    st.button("Train on text", key="use_text", type="primary", on_click=_use_text,
              icon=":material/translate:",
              help=f"Sets the sidebar's Task to text and its learning rate to {TEXT_LR:g}: at "
                   "the default 0.002 the LSTM stays a poor character model within the step cap.")
    st.caption(f"The button also sets the learning rate to {TEXT_LR:g} (at 0.002 the LSTM "
               "learns the long-range ending but writes poor text within 2000 steps).")
    st.stop()

task = st.session_state.cursor.run.task
st.markdown(
    "Every model reads your prompt from its first character and shows the 5 characters it "
    "finds most probable next, then writes on. The examples are sentences like the training "
    f"windows, their start about {task.seq_len} characters back (the sequence length), stopped "
    "right before the character only that start decides: after a past-tense verb such as "
    "**갔**, 어 (갔어요) when speaking to family, 다 (갔다) in a diary, 습 (갔습니다) to an "
    "audience; after **w**, a (was) for one subject, e (were) for many. A model that has not "
    "carried the start that far guesses. Shorter prompts than the windows it trained on can "
    "fool even a model that solved the task.")
st.session_state.setdefault("prompt", task.example("ko", "polite"))
with st.container(horizontal=True, key="examples"):
    for label, (code, name) in EXAMPLES.items():
        st.button(label, key=f"example_{label}", on_click=_example,
                  args=(task.example(code, name),))
prompt_text = st.text_area("Prompt (Korean or English)", key="prompt", height=80,
                           help=f"Up to {text.MAX_PROMPT} characters. Characters the models "
                                "never saw are left out.")
left, right = st.columns(2)
mode = left.radio("Continuation", ("greedy", "sampled"), horizontal=True, key="mode",
                  help="Greedy: always the most probable character. Sampled: drawn from the "
                       "model's probabilities, seeded by the run's seed, so the same models and "
                       "prompt give the same text.")
temperature = right.slider("Temperature", 0.1, 2.0, 0.8, 0.1, key="temperature",
                           disabled=mode == "greedy",
                           help="Sampling only: below 1 sharpens the probabilities, above 1 "
                                "flattens them.")


def draw(view):
    try:
        prompt = text.read_prompt(view.task, prompt_text)
    except ValueError as problem:
        st.warning(str(problem))
        return
    if prompt.unknown:
        shown = " ".join(f"'{c}'" for c in prompt.unknown[:12])
        st.info(f"Left out {len(prompt.unknown)} character(s) the models never saw: {shown}.")
    result = panels.next_characters(view.trainer, prompt, CONTINUATION,
                                    0.0 if mode == "greedy" else temperature, view.config.seed)
    if not result["figs"]:
        st.warning("Every model has diverged: nothing to ask.")
        return
    if result["step"] == view.steps:
        st.caption(f"The models as they are at step {result['step']}.")
    else:  # the weights exist only at the shared run's newest step
        st.info(f"These answers come from the models at step {result['step']}, the newest "
                f"step of this shared run, not step {view.steps} shown above: the models' "
                "weights exist only at the newest step, which you or others on this link "
                "trained to. Press Resume or Step to catch up.")
    columns = st.columns(len(result["figs"]))
    for column, (key, fig) in zip(columns, result["figs"].items()):
        with column:
            shared.chart(fig, key)
    tail = html.escape(("…" if len(prompt_text) > 30 else "") + prompt_text[-30:])
    for kind, continuation in result["continuations"].items():
        st.html(f'<p class="continuation"><b style="color:{KINDS[kind].color}">'
                f"{KINDS[kind].label}</b> continues: {tail}"
                f'<span style="background:#e8eef6;font-weight:600">'
                f"{html.escape(continuation)}</span></p>")


shared.live(draw)
