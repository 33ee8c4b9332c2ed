"""English: every text of the app, by key (``i18n.t``). Keep the keys and the {fields} of each
text the same in every language (tests/test_i18n.py checks)."""

TEXT = {
    # The story page
    "page.story": "Story",
    "story.title": "Why does the LSTM remember? A story in six scenes",
    "story.intro": ("Six short experiments on the latch task: the models see a symbol, then "
                    "many distractors, and must name the first symbol at the end. In each scene, "
                    "predict what will happen, press **Start the race**, and read what the run "
                    "shows once it stops. Scene 5 proves the cause."),
    "story.scene": "Scene",
    "story.scene_of": "Scene {n} of {total}: {title}",
    "story.set_up": "Set up scene {n}",
    "story.set_up_help": "Sets every setting of this scene in the sidebar (and in the link).",
    "story.is_set_up": "This scene is set up: {settings}.",
    "story.differs": "Your settings differ from this scene's ({changes}). Press the button to set it up again.",
    "story.link": "This scene's link:",
    "story.predict": "Your prediction, before you press play:",
    "story.predict_first": "Make your prediction above; the run appears once you have.",
    "story.running": "Training to step {cap}; the explanation appears when the run stops.",
    "story.next": "Next: scene {n}",
    "story.previous": "Previous scene",
    "story.end": ("That is the whole story: the LSTM remembers because its cell state adds "
                  "instead of multiplying, so the error signal flows back along it unchanged "
                  "(f near 1). Now explain it in your own words, then explore the other pages "
                  "with your own settings."),
    "story.newcomer": "New here? Follow the six-scene story that explains why the LSTM remembers.",
    "story.open": "Open the story",
    "story.choice.both": "Both",
    "story.choice.all": "All of them",
    "story.choice.none": "Neither",
    "story.choice.only": "Only the {models}",
    "story.choice.one": "The {model}",
    "story.and": " and the ",
    "story.solved": "The {model} solved it at step {step} (held-out accuracy {score}).",
    "story.unsolved": ("The {model} did not solve it in {steps} steps (held-out accuracy "
                       "{score}; chance {chance})."),
    "story.diverged": "The {model} diverged at step {step}.",
    "story.reach": ("At step {step}, {ratio} of the {model}'s error signal at the last step "
                    "reaches the first step."),
    "story.right": "You predicted it: {outcome}.",
    "story.wrong": "The run says otherwise: {outcome}.",
    "story.unusual": ("This seed went another way than the usual outcome ({usual}); press "
                      "**New seed** in the sidebar and run the scene again to compare."),
    "story.lag20.title": "RNN against LSTM at lag 20",
    "story.lag20.setup": ("A vanilla RNN and an LSTM, 32 units each, train on the same batches. "
                          "The symbol to remember is 20 steps back. Which will learn it within "
                          "600 steps?"),
    "story.lag20.why": ("At lag 20 both get there: the RNN's error signal shrinks at every step "
                        "back, but 20 steps is short enough for some of it to arrive."),
    "story.lag100.title": "The same at lag 100",
    "story.lag100.setup": ("Now the symbol lies 100 steps back. Which will learn it within 300 "
                           "steps?"),
    "story.lag100.why": ("Only the LSTM learns it. The RNN's error signal is multiplied by a "
                         "factor below 1 at each of the 100 steps back, so almost none of it "
                         "reaches the first symbol: it cannot learn what it never hears about."),
    "story.closed.title": "Close the forget gate",
    "story.closed.setup": ("Same lag 100, but the LSTM's forget gate starts at PyTorch's default "
                           "bias 0, so f is about 0.5: it halves its memory at every step. Which "
                           "will learn it within 300 steps?"),
    "story.closed.why": ("Neither learns it: a forget gate near 0.5, multiplied over 100 "
                         "steps, is about 10⁻³⁰, so the LSTM's cell state forgets like the RNN's "
                         "hidden state. The LSTM's "
                         "memory is in the forget gate being open (f near 1)."),
    "story.cec.title": "The 1997 cell: no forget gate at all",
    "story.cec.setup": ("The first LSTM (Hochreiter & Schmidhuber 1997) had no forget gate: f is "
                        "exactly 1, a constant error carousel. Race it against today's LSTM at "
                        "lag 100. Which will learn it within 300 steps?"),
    "story.cec.why": ("Both learn it: with f = 1 exactly, the 1997 cell's error signal flows "
                      "back along the cell state without shrinking at all; today's LSTM gets "
                      "the same wherever its forget gate stays near 1."),
    "story.cut.title": "Cut the cell-state path",
    "story.cut.setup": ("The same LSTM, same weights and same forward values, but the error may "
                        "not flow back along the cell state (c is detached at every step): it "
                        "reaches the past only through h, as in an RNN. Which will learn it "
                        "within 300 steps?"),
    "story.cut.why": ("Only the intact LSTM learns it. Cutting the cell-state path changed "
                      "nothing in what the model computes, only where the error can flow, and "
                      "the memory went away: the additive cell-state path is the cause."),
    "story.gradients.title": "Watch the gradients",
    "story.gradients.setup": ("The RNN, the LSTM and the LSTM with its cell-state path cut, at lag "
                              "100. Which one passes the largest share of its error signal back "
                              "to the first step?"),
    "story.gradients.why": ("The LSTM's: along the cell state each step back multiplies the "
                            "signal by its forget gate, close to 1. The RNN and the cut LSTM "
                            "multiply it by factors below 1 at every step, so far less of it "
                            "arrives (the numbers above)."),
    # --- app, sidebar, controls, race, verdict ---
    # --- pages: gradients, horizon, prompt, prices, primer ---
    # --- inside, figures, tasks ---
}
