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
    "story.differs": "Your settings differ from this scene's: setting it up changes {changes}.",
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
    "page.race": "Race",
    "page.inside": "Inside the LSTM",
    "page.gradients": "Gradient flow",
    "page.horizon": "Memory horizon",
    "page.text": "Next character",
    "page.prices": "Prices",
    "page.primer": "Primer: vanishing and exploding",
    "setting.task": "Task",
    "setting.task.help": ("What the models must remember: latch = the first symbol, adding = the "
                          "sum of two marked numbers, order = the order of two symbols "
                          "(Hochreiter & Schmidhuber 1997); text = the next character of Korean "
                          "and English sentences; series = the next price of a series."),
    "setting.T": "Sequence length (lag)",
    "setting.T.help": ("How many time steps each sequence has, so how far back the information "
                       "to remember lies."),
    "setting.horizon": "Forecast horizon",
    "setting.horizon.help": ("Price series only: how many steps after the window the forecast "
                             "price lies."),
    "setting.hidden": "Hidden size",
    "setting.hidden.help": "How many units each model has.",
    "setting.opt": "Optimizer",
    "setting.opt.help": ("Adam adapts each weight's step size; plain SGD with a large learning "
                         "rate and no clipping lets exploding gradients blow a model up."),
    "setting.lr": "Learning rate",
    "setting.lr.help": ("The optimizer's step size, the same for every model. Too large a rate "
                        "can make training unstable, and with plain SGD and no clipping a model "
                        "can diverge."),
    "setting.batch": "Batch size",
    "setting.batch.help": ("How many sequences each training step sees; every model sees the "
                           "same ones."),
    "setting.memory_init": "Memory init (LSTM f, GRU z)",
    "setting.memory_init.help": ("How the gates that keep memory start. chrono (Tallec & "
                                 "Ollivier 2018): each unit's forget-gate bias is log(u), u "
                                 "drawn between 1 and T−1, so units remember over time scales "
                                 "from 1 step to the sequence length. constant: every unit gets "
                                 "the bias below."),
    "setting.fbias": "Memory-gate bias (constant init)",
    "setting.fbias.help": ("The starting bias (b_ih + b_hh) of the LSTM's forget gate and the "
                           "GRU's update gate, with the constant init: 0 forgets half the "
                           "memory each step, 5 keeps over 99%."),
    "setting.clip": "Gradient clipping",
    "setting.clip.help": "Rescales any gradient whose norm exceeds this; 0 turns clipping off.",
    "setting.seed": "Seed",
    "setting.seed.help": ("Fixes the initial weights and the batches; the same seed gives the "
                          "same run."),
    "setting.models": "Models",
    "setting.models.help": ("Which models train side by side on the same batches. LSTM 1997 is "
                            "the LSTM without a forget gate (f = 1 exactly), as first "
                            "published. LSTM (c cut) computes the LSTM's values but lets no "
                            "gradient flow along its cell state: race them against the LSTM to "
                            "see which part gives it its memory."),
    "setting.cap": "Step cap",
    "setting.cap.help": "Training stops by itself after this many steps.",
    "setting.w": "Factor w applied at every step",
    "setting.w.help": "What one step back multiplies the gradient by.",
    "setting.snapshot": "Training step to look at",
    "setting.snapshot.help": ("Probes are taken every few training steps (and when you pause or "
                              "step); pick one of them."),
    "setting.series": "Price series",
    "setting.series.help": "The synthetic prices, or a series you uploaded on the Prices page.",
    "setting.scene": "Scene",
    "setting.scene.help": "The story's scene.",
    "setting.lang": "Language",
    "setting.lang.help": "The language of every page.",
    "link.not_among": "not among {options}",
    "link.no_upload": ("not an upload on this server: it restarted, or the link was cut; upload "
                       "the file again"),
    "link.not_one_of": "not one of {options}",
    "link.not_a_number": "not a number",
    "link.outside": "outside {low} to {high}",
    "link.unknown": "ignored the unknown link parameter '{key}'",
    "link.none_selected": "the link selects no {key}; using the default {default}",
    "link.ignored": "ignored {key}='{value}' ({reason}); using the default {default}",
    "link.dropped": "ignored {items} in {key} (not among {options})",
    "link.no_page": "There is no page '/{path}' in this app, so it opened the Race page.",
    "link.notes": ("This link had values the app could not use, so it opened with defaults for "
                   "them: {notes}."),
    "link.all_defaults": "every setting at its default",
    "link.some_defaults": "{changed}; every other setting at its default",
    "sidebar.settings": "Settings",
    "sidebar.no_model": "Pick at least one model in the sidebar.",
    "sidebar.too_short": "The {task} task needs at least {steps} steps; using {steps}.",
    "sidebar.too_long": ("The {task} task can make sequences of at most {steps} steps with these "
                         "settings (its data is that short); using {steps}."),
    "share.title": "Share this scene",
    "share.plain": "(the plain address: all defaults)",
    "share.caption": ("Copy it with the button at the box's top right. It holds {holds}. The "
                      "same link gives the same settings, seed, initial weights and batches, so "
                      "the same numbers."),
    "change.task": "task",
    "change.seq_len": "sequence length",
    "change.hidden_size": "hidden size",
    "change.optimizer": "optimizer",
    "change.lr": "learning rate",
    "change.batch_size": "batch size",
    "change.memory_init": "memory init",
    "change.forget_bias": "memory-gate bias",
    "change.clip": "gradient clipping",
    "change.seed": "seed",
    "change.models": "models",
    "change.horizon": "forecast horizon",
    "change.series": "price series",
    "change.max_steps": "step cap",
    "controls.training": "Training",
    "controls.play": "Play",
    "controls.play.help": "Train continuously, updating the charts about once a second.",
    "controls.pause": "Pause",
    "controls.start": "Start the race",
    "controls.start.help": "Train the models live, side by side, on the same batches.",
    "controls.resume": "Resume",
    "controls.steps_per_click": "Steps per click",
    "controls.steps_per_click.help": "How many training steps the Step buttons take.",
    "controls.step": "Step ×{n}",
    "controls.step.help": "Take that many training steps, then stop.",
    "controls.reset": "Reset",
    "controls.reset.help": "Back to step 0 with the same initial weights and batches.",
    "controls.new_seed": "New seed",
    "controls.new_seed.help": "Start over with new initial weights.",
    "controls.restarted": "The race restarted at step 0 because you changed {changes}.",
    "controls.busy": ("The server is busy: {runs} runs are training at once, so each trains more "
                      "slowly."),
    "controls.close_gate": "Close the forget gate (bias 0)",
    "controls.close_gate.help": ("Constant memory-gate bias 0, PyTorch's default: the LSTM's "
                                 "forget gate starts near 0.5, so its memory halves every step. "
                                 "Undo with the sidebar's Memory init."),
    "counter.diverged": "diverged",
    "counter.text": "**step {step} / {cap}** · {scores} <small>(held-out {metric})</small>",
    "duration.s": "{s} s",
    "duration.min": "{min} min",
    "duration.h_min": "{h} h {min} min",
    "texts.the_model": "the {model}",
    "texts.vs": " vs ",
    "texts.and": " and ",
    "texts.race_title": "Race: {models}",
    "texts.race_title_alone": "Race: the {model} alone",
    "texts.climbs_away": "climbs away from",
    "texts.falls_below": "falls below",
    "texts.race_intro_many": ("The models train on the same batches and {goal}. Solid curves are "
                              "held-out sequences: a model that remembers {away} {line}."),
    "texts.race_intro_one": ("The {model} trains on a stream of sequences and {goal}. Solid "
                             "curves are held-out sequences: a model that remembers {away} "
                             "{line}."),
    "texts.next_lstm": ("Next: try a longer lag, or close the forget gate and watch the LSTM fail "
                        "too."),
    "texts.next_add_lstm": "Next: add the LSTM in the sidebar's Models and race it against these.",
    "texts.the_unit": "the unit",
    "texts.the_units": "the {n} units",
    "texts.gates_of": "the {model}'s gates ({gates})",
    "texts.inside_heatmaps": ("The heatmaps show {names} for every unit at every step of one "
                              "probe sequence; the dotted line marks the step that holds what "
                              "must be remembered."),
    "texts.inside_follow": "Turn off *Follow training* to look back at earlier snapshots.",
    "verdict.diverged": ("{model} diverged at step {step} (its loss or gradient became NaN or "
                         "infinite)"),
    "verdict.no_score": "{model} has no held-out score yet",
    "verdict.value": "held-out {metric} {score}",
    "verdict.solved": "{model} {solved} at step {step} ({value})",
    "verdict.lost": "{model} {solved} at step {step} but lost it again ({value}, {reference})",
    "verdict.chance": "{model} is at {chance} ({value})",
    "verdict.worse": "{model} is worse than {chance} ({value}, {reference})",
    "verdict.learning": "{model} is learning ({value}, {reference})",
    "verdict.untrained": "Not trained yet: {sentence}.",
    "verdict.capped": "{sentence}. Training stopped at the step cap ({cap}).",
    "verdict.label": "Verdict",
    # --- pages: gradients, horizon, prompt, prices, primer ---
    # --- inside, figures, tasks ---
}
