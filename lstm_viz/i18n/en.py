"""English: every text of the app, by key (``i18n.t``). Keep the keys and the {fields} of each
text the same in every language (tests/test_i18n.py checks)."""

TEXT = {
    # The story page
    "page.story": "Story",
    "story.title": "Why does the LSTM remember? A story in eight scenes",
    "story.intro": ("Eight short experiments on the latch task: the models see a symbol, then "
                    "many distractors, and must name the first symbol at the end. In each scene, "
                    "predict what will happen, press **Start**, and read what the run "
                    "shows once it stops. Scene 5 proves the cause; scenes 7 and 8 show the "
                    "other way an error signal fails, exploding, and what tames it."),
    "story.scene": "Scene",
    "story.scene_of": "Scene {n} of {total}: {title}",
    "story.set_up": "Set up scene {n}",
    "story.set_up_help": "Sets every setting of this scene in the sidebar (and in the link).",
    "story.is_set_up": "This scene is set up: {settings}.",
    "story.differs": "Your settings differ from this scene's: setting it up changes {changes}.",
    "story.link": "This scene's link:",
    "story.class": "How the class predicted so far: {said}.",
    "story.class_item": "{n} of {total} “{choice}”",
    "story.class_help": ("Every reader on this link who predicted this scene, counted on the server "
                         "while the run is kept (counts only: nobody is named)."),
    "story.predict": "Your prediction, before you press play:",
    "story.predict_first": "Make your prediction above; the run appears once you have.",
    "story.running": "Training to step {cap}; the explanation appears when the run stops.",
    "story.next": "Next: scene {n}",
    "story.previous": "Previous scene",
    "story.end": ("That is the whole story: the LSTM remembers because its cell state adds "
                  "instead of multiplying, so the error signal flows back along it unchanged "
                  "(f near 1). Factors below 1 make the RNN's signal vanish; factors above 1 "
                  "make it explode, and clipping bounds each step. Now explain it in your own "
                  "words, then explore the other pages with your own settings."),
    "story.newcomer": "New here? Start with the story",
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
    "story.wrong": "You predicted: {guess}. The run says otherwise: {outcome}.",
    "story.unusual": ("This seed went another way than the usual outcome ({usual}); press "
                      "**New seed** in the sidebar and run the scene again to compare."),
    "story.lag20.title": "RNN against LSTM at lag 20",
    "story.lag20.setup": ("A vanilla RNN and an LSTM, 32 units each, train on the same batches. "
                          "The symbol to remember is 20 steps back. Which will learn it within "
                          "600 steps?"),
    "story.lag20.why": ("At lag 20 both get there: the RNN's error signal shrinks on its way "
                        "back (at step {step}, {rnn_share} of it reaches the first step), but "
                        "over 20 steps back enough of it arrives for the RNN to learn."),
    "story.lag100.title": "The same at lag 100",
    "story.lag100.setup": ("Now the symbol lies 100 steps back. Which will learn it within 300 "
                           "steps?"),
    "story.lag100.why": ("Only the LSTM learns it. Each of the 100 steps back multiplies the "
                         "RNN's error signal by a factor below 1 ({rnn_factor} on average in "
                         "this run), so at step {step} only {rnn_share} of it reaches the first "
                         "symbol: it cannot learn what it never hears about."),
    "story.closed.title": "Close the forget gate",
    "story.closed.setup": ("Same lag 100, but the LSTM's forget gate starts at PyTorch's default "
                           "bias 0, so f is about 0.5: it halves its memory at every step. Which "
                           "will learn it within 300 steps?"),
    "story.closed.why": ("Neither learns it: this run's forget gates are {lstm_factor} on "
                         "average, and multiplied over the lag that leaves {lstm_product} of the "
                         "cell state's error signal, so the LSTM's cell state forgets like the "
                         "RNN's hidden state. The LSTM's memory is in the forget gate being open "
                         "(f near 1)."),
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
                            "signal by its forget gate, {lstm_factor} on average here, close to "
                            "1. The RNN and the cut LSTM multiply it by factors below 1 at every "
                            "step ({rnn_factor} and {lstm_cut_factor} on average), so far less of it "
                            "arrives (the numbers above)."),
    "story.explode.title": "Exploding gradients",
    "story.explode.setup": ("The other problem: factors above 1. One vanilla RNN, its recurrent "
                            "weights W_hh scaled at the start so that their largest singular "
                            "value σ_max is 2.5, trains with plain SGD (learning rate 0.5) and "
                            "**no gradient clipping** on the latch at lag 50. Will it learn the "
                            "task within 600 steps?"),
    "story.explode.why": ("With σ_max(W_hh) above 1, a step back can multiply the error signal "
                          "instead of shrinking it, and with no clipping nothing bounds the "
                          "update that follows. Plain SGD moves the weights by the learning rate "
                          "times the gradient: this run's largest gradient, norm {norm} at step "
                          "{grad_step}, moved them {move} in one step ({lr} × {norm}). {after}The "
                          "gradient chart shows every step's norm."),
    "story.explode.calm": ("The loss never spiked (at most {loss}), yet the RNN did not learn "
                           "the task either. "),
    "story.explode.spiked": ("The loss spiked to {loss} at step {loss_step} (it started at "
                             "{start}): steps that long throw the weights far from where they "
                             "were, and training starts over from there. "),
    "story.clipped.title": "The same RNN, with gradient clipping",
    "story.clipped.setup": ("The same RNN, the same initial weights and the same batches as "
                            "scene 7, with one change: gradient clipping at 1 (Pascanu, Mikolov "
                            "& Bengio 2013). Before each step, a gradient whose norm passes 1 is "
                            "rescaled to norm 1; its direction is kept. Will it learn the task "
                            "now?"),
    "story.clipped.why": ("Clipping rescaled every gradient whose norm passed 1 to norm 1 before "
                          "its step ({clipped} of the {steps} steps; the gradient chart marks "
                          "each), so no step moved the weights by more than the learning rate, "
                          "{lr}. {after}Clipping bounds a step; it cannot make a vanishing "
                          "signal larger, which is why it did not save the RNN at lag 100 (scene "
                          "2 clips at 1 too)."),
    "story.clipped.calm": ("The loss never spiked (at most {loss}), and the RNN learned the "
                           "lag-50 latch at step {solved}. "),
    "story.clipped.spiked": ("A bounded step can still land badly: the loss spiked to {loss} at "
                             "step {loss_step} (it started at {start}). But clipping kept the "
                             "spike from becoming divergence: the loss came back down, and the "
                             "RNN learned the lag-50 latch at step {solved}. "),
    "story.choice.learns": "The {model} learns it",
    "story.choice.fails": "The {model} does not",
    "story.gradient": "{note}.",
    "story.measured_solved": ("Measured on seeds {seeds}, the step each model solved it at "
                              "within {cap} steps: {results}."),
    "story.measured_reach": ("Measured on seeds {seeds}, the share of the error signal that "
                             "reaches the first step at step {cap}: {results}."),
    "story.measured_model": "{model} {values}",
    "story.not_solved": "not solved",
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
    "setting.seq_len": "Sequence length (lag)",
    "setting.seq_len.help": ("How many time steps each sequence has, so how far back the information "
                       "to remember lies."),
    "setting.horizon": "Forecast horizon",
    "setting.horizon.help": ("Price series only: how many steps after the window the forecast "
                             "price lies."),
    "setting.hidden_size": "Hidden size",
    "setting.hidden_size.help": "How many units each model has.",
    "setting.optimizer": "Optimizer",
    "setting.optimizer.help": ("Adam adapts each weight's step size; plain SGD with a large learning "
                         "rate and no clipping lets exploding gradients blow a model up."),
    "setting.lr": "Learning rate",
    "setting.lr.help": ("The optimizer's step size, the same for every model. Too large a rate "
                        "can make training unstable, and with plain SGD and no clipping a model "
                        "can diverge."),
    "setting.batch_size": "Batch size",
    "setting.batch_size.help": ("How many sequences each training step sees; every model sees the "
                           "same ones."),
    "setting.memory_init": "Memory init (LSTM f, GRU z)",
    "setting.memory_init.help": ("How the gates that keep memory start. chrono (Tallec & "
                                 "Ollivier 2018): each unit's forget-gate bias is log(u), u "
                                 "drawn between 1 and T−1, so units remember over time scales "
                                 "from 1 step to the sequence length. constant: every unit gets "
                                 "the bias below."),
    "setting.forget_bias": "Memory-gate bias (constant init)",
    "setting.forget_bias.help": ("The starting bias (b_ih + b_hh) of the LSTM's forget gate and the "
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
                            "see which part gives it its memory. LSTM (i = 1) and LSTM (o = 1) "
                            "hold their input or output gate at 1; RNN (orthogonal) and IRNN "
                            "start the RNN with an orthogonal or identity W_hh; LSTMP projects "
                            "h_t onto fewer numbers."),
    "setting.max_steps": "Step cap",
    "setting.max_steps.help": "Training stops by itself after this many steps.",
    "setting.w": "Factor w applied at every step",
    "setting.w.help": "What one step back multiplies the gradient by.",
    "setting.snapshot": "Training step to look at",
    "setting.snapshot.help": ("Probes are taken every few training steps (and when you pause or "
                              "step); pick one of them."),
    "setting.series": "Price series",
    "setting.series.help": "The synthetic prices, or a series you uploaded on the Prices page.",
    "setting.scene": "Scene",
    "setting.scene.help": "The story's scene.",
    "setting.hide": "Hidden settings",
    "setting.hide.help": "The settings a teacher's link hides from students.",
    "setting.lock": "Locked",
    "setting.lock.help": "A link that locks its hidden settings: students cannot show them.",
    "setting.lang": "Language",
    "setting.lang.help": "The language of every page.",
    "link.not_among": "not among {options}",
    "link.no_upload": ("not an upload on this server: it restarted, or the link was cut; upload "
                       "the file again"),
    "link.not_one_of": "not one of {options}",
    "link.not_a_number": "not a number",
    "link.outside": "outside {low} to {high}",
    "link.unknown": "ignored the unknown link parameter '{key}'",
    "link.nearest": "{key}={value} is between the slider's stops, so it uses {used}",
    "link.none_selected": "the link selects no {key}; using the default {default}",
    "link.ignored": "ignored {key}='{value}' ({reason}); using the default {default}",
    "link.dropped": "ignored {items} in {key} (not among {options})",
    "link.no_page": "There is no page '/{path}' in this app, so it opened the Race page.",
    "link.notes": ("This link had values the app could not use, so it opened with defaults for "
                   "them: {notes}."),
    "link.more": "; and {n} more",
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
    "hidden.all": "all settings",
    "hidden.all_but": "all settings except {shown}",
    "hidden.all_but_seq_len": "all settings but the sequence length (students keep it and Start)",
    "hidden.notice": "This link hides some settings from you: {what}. They keep the link's values.",
    "hidden.locked": ("This link hides some settings and locks them: {what}. The scene stays as the "
                      "link set it."),
    "hidden.no_shortcut": "This link hides the settings that this page's button would change.",
    "hidden.show_all": "Show all settings",
    "link.students_see": "students see: {shown}",
    "link.play_controls": "play controls",
    "link.hidden_from": "hidden from students: {hidden}",
    "link.locked": "locked",
    "share.hide": "Hide from students",
    "share.hide_none": "nothing hidden",
    "share.hide_help": ("The link hides these settings and keeps their values. Start, Pause, Step, "
                        "Reset, the page links and the language always stay."),
    "share.lock": "Lock them (no \"Show all settings\")",
    "share.lock_help": "Students cannot show the hidden settings, so the scene stays fixed.",
    "change.task": "task",
    "change.seq_len": "sequence length",
    "change.hidden_size": "hidden size",
    "change.optimizer": "optimizer",
    "change.lr": "learning rate",
    "change.batch_size": "batch size",
    "change.memory_init": "memory init",
    "change.forget_bias": "memory-gate bias",
    "change.clip": "gradient clipping",
    "change.clip.zero": "off",
    "change.seed": "seed",
    "change.models": "models",
    "change.horizon": "forecast horizon",
    "change.series": "price series",
    "change.max_steps": "step cap",
    "controls.training": "Training",
    "controls.play.help": "Train continuously, updating the charts about once a second.",
    "controls.pause": "Pause",
    "controls.start": "Start",
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
    "worker.lost": ("**Training is held up:** {reason}. Nothing is lost: your place in the run is "
                    "kept, and the run goes on with the same numbers once the worker answers (a "
                    "new one starts by itself if it died)."),
    "worker.failed": ("**This run cannot train:** {reason}. The other runs train on; change a "
                      "setting or press New seed."),
    "worker.error": "**The training worker could not answer:** {reason}. It trains on.",
    "worker.why.no_start": "the training worker could not be started",
    "worker.why.stopped": "the training worker stopped; ask again",
    "worker.why.no_answer": "the training worker did not answer within {seconds:g} s",
    "worker.why.slow_start": "the training worker did not start within {seconds:g} s",
    "worker.why.silent": "the training worker sent nothing for {seconds:.0f} s; it may be busy or restarting",
    "controls.busy": ("The server is busy: {runs} runs are training at once, so each trains more "
                      "slowly."),
    "controls.close_gate": "Close the forget gate (bias 0)",
    "controls.open_gate": "Memory init back to chrono",
    "controls.open_gate.help": ("Chrono initialisation (Tallec & Ollivier 2018): the forget gates "
                                "start open, each unit keeping memory over its own span up to the "
                                "sequence length."),
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
    "texts.next_add_lstm": ("Next: add the LSTM in the sidebar's Models and race it against the "
                            "{models}."),
    "texts.next_exploded_clip": ("Next: the gradient exploded and the loss spiked. Turn gradient "
                                 "clipping on (1 in the sidebar): each step whose gradient norm "
                                 "passes it is scaled back to it, and the race starts again on the "
                                 "same batches."),
    "texts.next_lstm_longest": ("Next: this is the longest lag; close the forget gate and watch "
                                "the LSTM fail, or race the adding task."),
    "texts.next_open_gate": ("Next: set Memory init back to chrono (in the sidebar) and race the "
                             "same lag with the forget gate open."),
    "texts.next_open_gate_button": ("Next: press **Memory init back to chrono** below and race the "
                                    "same lag with the forget gate open."),
    "texts.next_diverged_clip": ("Next: the gradient blew up and training stopped. Turn gradient "
                                 "clipping on (1 in the sidebar) or lower the learning rate "
                                 "({lr}): the race starts again with it."),
    "texts.next_diverged_lr": ("Next: the updates were too large even with clipping: lower the "
                               "learning rate ({lr}) in the sidebar: the race starts again "
                               "with it."),
    "texts.the_unit": "the unit",
    "texts.the_units": "the {n} units",
    "texts.gates_of": "the {model}'s gates ({gates})",
    "texts.inside_heatmaps": ("The heatmaps show {names} for every unit at every step of one "
                              "probe sequence; the dotted line marks the step that holds what "
                              "must be remembered."),
    "texts.start_explodes": ("**At the start, {model}'s gradient explodes.** σ_max(W_hh) is "
                             "{sigma}, above 1/γ = 1, and its states are not saturated, so the "
                             "error signal grows on its way back: ‖∂L/∂h_1‖ is {ratio} × "
                             "‖∂L/∂h_{T}‖ (left chart). {clip}"),
    "texts.start_clip": "Gradient clipping rescales any gradient whose norm passes {clip}.",
    "texts.start_no_clip": "Clipping is off (0), so nothing stops one step from jumping the weights.",
    "texts.start_shrinks": ("At the start, {model}'s σ_max(W_hh) is {sigma}, above 1/γ = 1, yet its "
                            "error signal still shrinks on its way back: ‖∂L/∂h_1‖ is {ratio} × "
                            "‖∂L/∂h_{T}‖. Above 1/γ is necessary for exploding, not sufficient: "
                            "tanh′ < 1 where states saturate, and the gradient's direction, shrink "
                            "it. A larger RNN gain (σ_max at the start, in the settings) can make "
                            "it grow."),
    "texts.start_vanishes": ("At the start, {model}'s σ_max(W_hh) is {sigma}, at most 1/γ = 1, so its "
                             "error signal must shrink on its way back: ‖∂L/∂h_1‖ is {ratio} × "
                             "‖∂L/∂h_{T}‖."),
    "texts.inside_follow": "Turn off *Follow training* to look back at earlier snapshots.",
    "verdict.diverged": ("{model} diverged at step {step} (its loss or gradient became NaN or "
                         "infinite)"),
    "verdict.grad_before_nan": "its largest gradient norm before that was {norm}, at step {step}",
    "verdict.exploded": ("its gradient exploded: the norm reached {norm} at step {step}, far past "
                         "the clipping threshold {clip}, and the training loss spiked to {loss} "
                         "at step {loss_step} (it started at {start})"),
    "verdict.exploded_unclipped": ("its gradient exploded: the norm reached {norm} at step "
                                   "{step} with no clipping, and the training loss spiked to "
                                   "{loss} at step {loss_step} (it started at {start})"),
    "verdict.clipped": ("clipping held its gradient: the norm reached {norm} at step {step}, and "
                        "clipping rescaled it to {clip} on {clipped} steps; the training loss "
                        "never spiked (at most {loss})"),
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
    "race.no_probes": ("No probe charts: every model has diverged, and a model with NaN or "
                       "infinite weights has no gradients to measure."),
    "race.slow": ("At these settings one training step takes {seconds} s, so the charts move once "
                  "per step. Shorter sequences or fewer units speed it up."),
    "race.task": "Task: {describe} Source: {source}.",
    "race.slow_run": ("At this page's pace, {pace} steps a second, the {steps} steps to {goal} take "
                      "{wait}. Shorter sequences or fewer units speed it up."),
    "race.slow_remedy": "That is slow: shorter sequences or fewer units speed it up.",
    "expect.measured": ("At lag {lag} the {model} usually needs {steps} to solve the task: in the "
                        "reference sweep at these settings (the Memory horizon page) each of its "
                        "{seeds} seeds solved it within that."),
    "expect.between": ("At lag {lag} the {model} usually needs about {steps} to solve the task: "
                       "interpolated between lags {a} and {b}, where each of the reference "
                       "sweep's {seeds} seeds solved it at these settings (the Memory horizon "
                       "page)."),
    "expect.steps": "{low}–{high} steps",
    "expect.steps_one": "{steps} steps",
    "expect.time": "At this page's pace, {pace} steps a second, the rest takes {wait}.",
    "expect.about": "about {time}",
    "expect.about_range": "about {low} to {high}",
    "expect.up_to": "up to about {time}",
    "expect.past": ("This run is at step {step}, past those {high}, and the {model} has not solved "
                    "it yet."),
    "expect.cap": "This run's step cap, {cap}, stops it before then.",
    "expect.cap_may": "This run's step cap, {cap}, may stop it before then.",
    "expect.goal_usual": "the {model}'s usual {high}",
    "expect.goal_cap": "the step cap",
    "export.title": "Export this run",
    "export.playing": ("The records and the weights are of the step on screen, which moves while "
                       "the race plays: pause it to download them."),
    "export.paused": ("The records up to step {step}, the step on screen; column names carry "
                      "their units. The weights file loads with torch.load(file, "
                      "weights_only=True): its \"models\" hold each model's state_dict."),
    "export.history": "Training records (CSV)",
    "export.history.help": ("Every training step of every model: the batch's loss and metric, "
                            "and the gradient norm before clipping."),
    "export.held_out": "Held-out evaluations (CSV)",
    "export.held_out.help": "The held-out metric and loss of every model at every evaluation.",
    "export.probes": "Probe traces (CSV)",
    "export.probes.help": ("Every snapshot, per time step t: ‖∂L/∂h_t‖, ‖∂L/∂c_t‖ (LSTMs), "
                           "connectivity, the per-step factor and its product from T back to t."),
    "export.weights": "Weights (.pt)",
    "export.weights_of": "Weights of step {step} (.pt)",
    "export.weights.help": "Every model's weights at step {step}.",
    "export.script": "PyTorch script (.py)",
    "export.script.help": ("A Python file that needs nothing of this app: it trains the same "
                           "models on the same batches from the same initial weights and prints "
                           "each step's training loss."),
    "export.ahead": ("The run keeps only its latest weights, and it stands at step {step} (it "
                     "trains ahead of the step on screen, and every session on this link shares "
                     "it): the weights are of step {step}, not {shown}."),
    "export.behind": ("The run keeps only its latest weights, and it stands at step {step}: the "
                      "weights are of step {step}, not {shown}."),
    "export.go_to": "Go to step {step}",
    "export.go_to.help": ("Moves the step on screen to the weights' step, so the records and the "
                          "weights are of the same step."),
    "export.no_upload_script": ("The script is not available for an uploaded price series: it "
                                "rebuilds the synthetic series, and your file is not in it."),
    "setting.rnn_gain": "RNN gain σ_max(W_hh) at the start",
    "setting.rnn_gain.help": ("The RNN's recurrent weights W_hh rescaled at the start so that their "
                              "largest singular value is this. Above 1 the error signal can grow "
                              "at every step back: the gradient explodes, and gradient clipping "
                              "is what tames it. 0 keeps PyTorch's initialisation."),
    "setting.proj_size": "Projection size (LSTMP)",
    "setting.proj_size.help": ("The LSTMP's projected h_t: how many numbers its gates and readout "
                               "see of its H cell units (below the hidden size; 0: half of it)."),
    "sidebar.lstmp_hidden": "The LSTMP needs at least 2 units; using hidden size 2.",
    "sidebar.proj_clamped": ("The LSTMP's projection must be smaller than its {hidden} units: "
                             "using {using} instead of {proj}."),
    "change.proj_size": "projection size",
    "change.proj_size.zero": "half the hidden size",
    "change.rnn_gain": "RNN gain σ_max(W_hh)",
    "change.rnn_gain.zero": "PyTorch's init",
    # --- pages: gradients, horizon, prompt, prices, primer ---
    "gradients.title": "Gradient flow",
    "gradients.intro": (
        "The loss is computed at the last step T; to learn, that error signal must travel back to "
        "the step that held the information. The first chart shows how much of it arrives at each "
        "step t, on a log scale: a vanilla RNN's ‖∂L/∂h_t‖ usually shrinks by orders of magnitude "
        "(it vanishes; with a large RNN gain it can grow instead: it explodes, as the note below the "
        "first two charts says of this run), while the LSTM's cell-state path ‖∂L/∂c_t‖ keeps it "
        "(once a model has learned, its loss and so all its gradients are small: read the shape of a curve, not its height). The charts below show why, "
        "step by step; close the forget gate on the Race page (constant bias 0) and compare."),
    "gradients.not_finite": ("{model}: its gradients are not finite, so it is left out of the "
                             "charts of later steps."),
    "gradients.mechanism": (
        "**The mechanism in numbers.** Going back one step multiplies the RNN's gradient by "
        "W_hhᵀ diag(1 − h_t²); the solid line is the gain that matrix has on the actual gradient, the "
        "dotted line the worst case, max(1 − h_t²) · σ_max(W_hh) (Pascanu et al. 2013). Along the "
        "LSTM's cell state the "
        "multiplier is just the forget gate f_t (Gers et al. 2000); the GRU's is its update gate z_t. "
        "The product on the right is what T − t steps back do in total: at each t, the product of "
        "the left chart's factors from t + 1 to T."),
    "gradients.sigma_note": (
        "Pascanu, Mikolov & Bengio (2013): with γ a bound on the activation's slope (|tanh′| ≤ γ = 1), "
        "a largest singular value below 1/γ = 1 is sufficient for vanishing gradients, and above it "
        "is necessary for exploding. σ_max above 1 while the gradient still vanishes is no "
        "contradiction: σ_max is the worst case over all directions, and the actual gain also "
        "depends on tanh′ < 1 and on the direction of the gradient."),
    "horizon.title": "Memory horizon",
    "horizon.intro": (
        "How far back can each model remember? Each point is a model trained alone on the same "
        "batches as in the race, at one sequence length, then scored on held-out sequences; a run "
        "stops early once it is solved. The line is the median over seeds, the band the spread "
        "from the worst to the best seed."),
    "horizon.reference": ("Measured on this project's machine with `{command}` (default settings, "
                          "{task} task)."),
    "horizon.yours": "Your sweep, with the sidebar's settings",
    "horizon.lengths": "Sequence lengths",
    "horizon.lengths_help": "Each length is one point on the chart, for every model.",
    "horizon.seeds": "Seeds per point",
    "horizon.seeds_help": "More seeds show the spread between runs; each costs a run.",
    "horizon.pick": "Pick at least one length and a number of seeds.",
    "horizon.plan": ("**{runs} runs** ({models} models × {lengths} lengths × {seeds} seeds, up to "
                     "{cap} steps each)"),
    "horizon.pending": ("{plan}; {done} already done on this server. Expected time on an idle "
                        "server: **at most {time}** (runs that solve the task stop early, so "
                        "usually much less). A sweep only uses the CPU that live training leaves "
                        "free, so it takes longer while others train here."),
    "horizon.all_done": "{plan}: all done on this server, so the chart below is ready.",
    "horizon.partial": ("So far {done} of {total} runs: each point is the median of the seeds "
                        "done at its length."),
    "horizon.resume": "**Run the sweep** carries on from here.",
    "horizon.too_long": ("That is more than {minutes} minutes: pick fewer lengths or seeds, a "
                         "lower step cap or fewer models."),
    "horizon.run": "Run the sweep",
    "horizon.cancel": "Cancel",
    "horizon.cancel_help": "Stops after the current tick; finished runs are kept.",
    "horizon.progress": "Training {model} at T = {T}, seed {seed}: {done} of {total} runs done",
    "prompt.title": "Next character: Korean and English",
    "prompt.example.polite": "{style} (to family)",
    "prompt.example.plain": "{style} (a diary)",
    "prompt.example.formal": "{style} (formal)",
    "prompt.example.one": "English: one",
    "prompt.example.many": "English: many",
    "prompt.offer": (
        "The Korean LSTM notebooks end with a model that predicts a sentence's next character. "
        "This page does the same, on sentences where one character can only be predicted from "
        "the sentence's start: the ending after {went} ({formal}, {polite} or {plain}) "
        "is set by who is spoken to, and **was** or **were** by a subject many words back."),
    "prompt.use_text": "Train on text",
    "prompt.use_text_help": ("Sets the sidebar's Task to text and its learning rate to {lr}, "
                             "and starts training: at the default 0.002 the LSTM stays a poor "
                             "character model within the step cap."),
    "prompt.use_text_note": ("The button also sets the learning rate to {lr} (at 0.002 the LSTM "
                             "learns the long-range ending but writes poor text within 2000 "
                             "steps)."),
    "prompt.intro": (
        "Every model reads your prompt from its first character and shows the 5 characters it "
        "finds most probable next, then writes on. The examples are sentences like the training "
        "windows, their start about {seq_len} characters back (the sequence length), stopped "
        "right before the character only that start decides: after a past-tense verb such as "
        "{went}, {eo} ({polite}) when speaking to family, {da} ({plain}) in a diary, {seup} "
        "({formal}) to an audience; after **w**, a (was) for one subject, e (were) for many. A "
        "model that has not carried the start that far guesses. Shorter prompts than the windows "
        "it trained on can fool even a model that solved the task."),
    "prompt.prompt": "Prompt (Korean or English)",
    "prompt.prompt_help": ("Up to {max} characters. Characters the models never saw are left "
                           "out."),
    "prompt.mode": "Continuation",
    "prompt.mode_help": ("Greedy: always the most probable character. Sampled: drawn from the "
                         "model's probabilities, seeded by the run's seed, so the same models and "
                         "prompt give the same text."),
    "prompt.mode.greedy": "greedy",
    "prompt.mode.sampled": "sampled",
    "prompt.temperature": "Temperature",
    "prompt.temperature_help": ("Sampling only: below 1 sharpens the probabilities, above 1 "
                                "flattens them."),
    "prompt.left_out": "Left out {n} character(s) the models never saw: {shown}.",
    "prompt.all_diverged": "Every model has diverged: nothing to ask.",
    "prompt.at_step": "The models as they are at step {step}.",
    "prompt.newest": ("These answers come from the models at step {step}, the newest step of "
                      "this shared run, not step {shown} shown above: the models' weights exist "
                      "only at the newest step, which you or others on this link trained to. "
                      "Press Resume or Step to catch up."),
    "prompt.continues": " continues: ",
    "prompt.untrained": ("At step 0 the models are untrained: these answers come from their "
                         "random starting weights. Press Start to train them."),
    "prompt.past_cap": ("This shared run has been trained to step {step}, past your step cap "
                        "of {cap}, by others on this link, and the models' weights exist only "
                        "at its newest step: raise the step cap in the sidebar to ask them."),
    "prompt.empty": "Type a prompt first: the models continue what you write.",
    "prompt.too_long": ("The prompt has {n} characters; the limit is {max}. Shorten it: the "
                        "models read it from its first character."),
    "prompt.no_known": "None of the prompt's characters is in the models' training text.",
    "prompt.task.describe": ("Predict each next character of Korean and English sentences; "
                             "scored on the one that only the sentence's start, up to {seq_len} "
                             "characters back, decides (the ending after {went}: {endings}, or "
                             "was/were)."),
    "prompt.task.goal": ("must predict every next character; the one scored can only be "
                         "predicted from the start of its sentence, many characters earlier"),
    "prompt.task.chance": "the no-context baseline",
    "prompt.task.line": "the no-context baseline",
    "prompt.task.no_context": "no long context: the most frequent ending ({chance})",
    "prices.title": "Prices: forecasting a series",
    "prices.offer": (
        "Papers that compare RNNs and LSTMs often forecast stock prices. This page trains the "
        "models on a price series, a synthetic one with a slow season or a CSV of your own, "
        "and scores them against the forecasts any model must beat: the last price, and the "
        "last price plus the change one season earlier."),
    "prices.use_prices": "Train on prices",
    "prices.use_prices_help": ("Sets the sidebar's Task to series, its forecast horizon to "
                               "{horizon} steps (one step ahead, noise hides the season the "
                               "models can learn), and starts training."),
    "prices.intro": (
        "Each model reads a window of {seq_len} log prices and forecasts the price "
        "{horizon} step(s) later. Scores are RMSE on the last 20% of the series, which no "
        "model trains on, in units of the typical change over the horizon. **Naive** repeats the "
        "last price; **seasonal naive** adds to it the change over the same steps one season "
        "earlier."),
    "prices.honest": (
        "**Be honest about prices.** On real prices the naive forecast is very hard to beat: "
        "tomorrow's price is today's plus noise, and no window of past prices, however long, "
        "predicts that noise. The synthetic series has what real prices lack: a season of "
        "{period} steps under its noise, longer than a vanilla RNN's memory, so a model "
        "that looks far enough back can tell where in the season the price is."),
    "prices.upload": "Use your own prices (CSV)",
    "prices.upload_caption": ("A comma-separated file with a header row, up to {mb} MB, UTF-8 or "
                              "CP949, with a column of at least {rows} positive prices in time "
                              "order, oldest first."),
    "prices.csv_file": "CSV file",
    "prices.unchanged": "{problem} The series in use is unchanged.",
    "prices.column": "Price column",
    "prices.column_help": ("The column of prices, oldest first. A date column that reads as "
                           "numbers (20240131) is no price."),
    "prices.use_upload": "Train on this column",
    "prices.upload_name": "column '{column}' of {file}",
    "prices.your_upload": "your upload",
    "prices.in_use": "In use: {name} ({series}).",
    "prices.back": "Back to the synthetic series",
    "prices.verdict": "**Verdict:** {verdict}",
    "prices.task": "Task: {task}",
    "prices.task.describe": ("Forecast the log price {horizon} step(s) after a window of "
                             "{seq_len} prices of {where}; RMSE in units of the typical "
                             "{horizon}-step change."),
    "prices.task.synthetic": "the synthetic series",
    "prices.task.uploaded": "your uploaded series",
    "prices.task.goal": "must forecast the price {horizon} step(s) after each window of prices",
    "prices.task.solved": "beat the naive forecast by 10% or more",
    "prices.task.chance": "the naive forecast",
    "prices.task.line": "the naive forecast's line",
    "prices.task.naive": "naive, next = last: {value}",
    "prices.task.seasonal": "seasonal naive ({period}-step season): {value}",
    "prices.task.plateau": ("the seasonal naive forecast scores {score}, so the season is there "
                            "to be learned"),
    "prices.task.gone": ("the uploaded series {key} is not on this server any more (it "
                         "restarted); upload the file again"),
    "prices.task.too_few": ("the series has {n} prices, too few for windows of {seq_len} and a "
                            "horizon of {horizon}; shorten the window"),
    "prices.upload.save_as_csv": ("In Excel, use File > Save As > 'CSV UTF-8 (comma delimited)' "
                                  "and upload that file."),
    "prices.upload.empty": ("The file is empty. Upload a CSV with column names in the first row "
                            "and at least {rows} rows of prices."),
    "prices.upload.no_numeric": ("No column in the file holds numbers. The columns found are: "
                                 "{names}. Upload a comma-separated file with a column of prices "
                                 "(at least {share} of its filled cells must be numbers)."),
    "prices.upload.no_such_column": ("The file has no column named {name}. Its columns are: "
                                     "{names}. Choose one of those."),
    "prices.upload.too_few_rows": ("Column {name} has only {rows} rows of data; at least {min} "
                                   "are needed to train and test a forecast. Upload a longer "
                                   "price history."),
    "prices.upload.not_prices": "Column {name} does not hold prices: {count} {where}. {advice}",
    "prices.upload.not_number_is.one": "{n} cell is not a number",
    "prices.upload.not_number_is.many": "{n} cells are not numbers",
    "prices.upload.choose_numeric": "Choose a column of numbers: {names}.",
    "prices.upload.none_numeric": ("No column in the file holds numbers; upload a file with a "
                                   "column of prices."),
    "prices.upload.bad_cells": ("Column {name} has {count} {where}. Correct or remove {rows} and "
                                "upload the file again."),
    "prices.upload.not_number_that.one": "{n} cell that is not a number",
    "prices.upload.not_number_that.many": "{n} cells that are not numbers",
    "prices.upload.that_row": "that row",
    "prices.upload.those_rows": "those rows",
    "prices.upload.missing": ("Column {name} has {count} {where}. Empty cells are not filled in "
                              "or skipped automatically: please fill or remove {them} and upload "
                              "the file again."),
    "prices.upload.missing.one": "{n} missing value",
    "prices.upload.missing.many": "{n} missing values",
    "prices.upload.it": "it",
    "prices.upload.them": "them",
    "prices.upload.constant": ("Every value in column {name} is the same value ({value}), so "
                               "there is nothing to forecast. Choose a column whose prices "
                               "change."),
    "prices.upload.not_positive": ("Prices must be positive because the forecast works on log "
                                   "prices, but column {name} has {count} zero or negative "
                                   "{where}. Choose a column of prices, not of changes or "
                                   "returns."),
    "prices.upload.not_positive.one": "{n} value that is",
    "prices.upload.not_positive.many": "{n} values that are",
    "prices.upload.too_big": ("The file is {size} MB; the limit is {limit} MB. Upload a shorter "
                              "price history or remove columns you do not need."),
    "prices.upload.binary": ("The file is not CSV text in an encoding this app reads: it looks "
                             "like a spreadsheet workbook (.xlsx) or text saved as UTF-16. "
                             "{save}"),
    "prices.upload.encoding": ("The file's text encoding could not be read; this app accepts "
                               "UTF-8 (with or without a byte order mark) and CP949 (EUC-KR, "
                               "Korean Windows). {save}"),
    "prices.upload.unreadable": "The file could not be read as a CSV table: {problem}. {save}",
    "prices.upload.fields": "row {line} has {seen} cells but the header row has {expected}",
    "prices.upload.quote": "a quote opened in row {row} is never closed",
    "prices.upload.row": "in row {row}",
    "prices.upload.row_shown": "in row {row}: {shown}",
    "prices.upload.where_one": "{place}",
    "prices.upload.where_many": "(the first is {place})",
    "prices.upload.and_more": "{shown} and {extra} more",
    "primer.title": "Primer: vanishing and exploding",
    "primer.intro": (
        "Backpropagation through time multiplies the error signal by one factor per step. Move the "
        "slider: any factor w below 1 shrinks w^t towards zero (vanishing), any factor above 1 blows "
        "it up (exploding), and only w = 1 carries the signal unchanged across the whole lag."),
    "primer.linear": "w^t over the {T} steps of your sequence",
    "primer.log": "The same on a log axis",
    "primer.after": "After {T} steps, $w^T$ = {w}^{T} = **{value}**.",
    "primer.rnn": (
        r"**The RNN** computes $h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$, so going back one step "
        r"multiplies the gradient by $W_{hh}^\top \mathrm{diag}(1 - h_t^2)$: a matrix, but it acts "
        r"like $w$. Unless its gain sits at 1, the signal from far back vanishes or explodes "
        "(Pascanu, Mikolov & Bengio 2013)."),
    "primer.explode_link": ("w > 1 in a live run: story scene {n}, an RNN whose "
                            "gradient explodes, then the same RNN with clipping"),
    "primer.lstm": (
        r"**The LSTM** adds a second path: its cell state $c_t = f_t \odot c_{t-1} + i_t \odot g_t$ "
        r"is updated by addition, so along it the gradient is multiplied only by the forget gate "
        r"$f_t$. With $f_t$ near 1 that is the $w = 1$ curve: Hochreiter & Schmidhuber's constant "
        "error carousel (1997), made learnable by the forget gate of Gers et al. (2000)."),
    "primer.references": (
        "**References.** S. Hochreiter & J. Schmidhuber, *Long Short-Term Memory*, Neural "
        "Computation 9(8), 1997. · F. A. Gers, J. Schmidhuber & F. Cummins, *Learning to Forget: "
        "Continual Prediction with LSTM*, Neural Computation 12(10), 2000. · R. Pascanu, T. "
        "Mikolov & Y. Bengio, *On the difficulty of training recurrent neural networks*, ICML 2013."),
    "primer.one_step": ("**Your models:** with a sequence of 1 step there is no step back to "
                        "multiply by; pick a longer sequence to see their factors."),
    "primer.model_line": ("- {label}: product from step T back to step 1 **{product}**, as if "
                          "each step multiplied by w = **{w}** (the geometric mean of the factors "
                          "on *Gradient flow*)"),
    "primer.no_finite": "- {model}: no finite factors",
    "primer.now": "**Your models now (training step {step}):**",
    # --- inside, figures, tasks ---
    "kind.lstmp.multiplier": "LSTMP: forget gate f_t (along the cell state)",
    "kind.lstmp.inside_note": ("The LSTMP keeps the LSTM's cell state c_t, but its h_t is a "
                               "projection of o_t tanh(c_t) onto fewer numbers, which is all its "
                               "gates and readout see."),
    "task.text.title": "Text (next character, Korean and English)",
    "task.text.source": "sentences written for this project; the char-RNN of Karpathy 2015",
    "task.series.title": "Price series (forecast the next price)",
    "task.series.source": "synthetic GBM with a season, or your CSV",
    "inside.title": "Inside the LSTM",
    "inside.follow": "Follow training",
    "inside.follow_help": "On: show the newest probe. Off: pick an earlier moment of training.",
    "inside.one_snapshot": "Only one snapshot so far: train a few steps to look back in time.",
    "inside.answer": "sequence {n} (right answer **{right}**): {answer}",
    "inside.answers": "**{model} at step {step}** answers {answers}.",
    "inside.no_probes": "{model}: it has no probes after that.",
    "inside.no_gates": "Add the LSTM (or GRU) in the sidebar's Models to see gates.",
    "inside.memory": "Memory on two sequences with different answers",
    "inside.memory_caption": ("Solid: probe sequence 1; dashed: the first probe sequence whose "
                              "right answer differs. A model that remembers keeps the two apart "
                              "until the last step."),
    "inside.flipped": "What one flipped input leaves in memory",
    "inside.saturation": "How often each gate saturates",
    "inside.saturation_note": ("As in Karpathy, Johnson & Fei-Fei (2015): a gate is "
                               "left-saturated below 0.1 and right-saturated above 0.9. Each "
                               "point is one unit, placed by the share of the probe sequences' "
                               "steps it spends in each; points on the dashed diagonal are "
                               "never in between. A memory gate far right (the LSTM's f, the "
                               "GRU's z) keeps its memory for long."),
    "panels.race_metric": "Held-out {metric}, {length} {T}",
    "panels.unigram": "unigram",
    "panels.bigram": "bigram",
    "panels.bits": "bits per character",
    "panels.race_bits": ("Held-out bits per character, all positions<br><sub>on {n} held-out "
                         "windows; lower is better</sub>"),
    "panels.race_grad": ("Gradient norm before clipping, each training step<br><sub>clipping "
                         "rescales every gradient above {clip} to {clip}</sub>"),
    "panels.race_grad_unclipped": ("Gradient norm, each training step<br><sub>no clipping: "
                                   "every gradient is applied as it is</sub>"),
    "panels.race_forget": "LSTM forget gate on probe sequence 1 (step {step})",
    "panels.race_reach": ("Error signal reaching step 1 (step {step})<br><sub>ratio of the "
                          "means over {n} probe sequences</sub>"),
    "panels.gate": "{model} {gate} (step {step})",
    "panels.answer": "answer {answer}",
    "panels.state": "{model} {state}: {units} it leans on most (step {step})",
    "panels.memory_trace": ("What one flipped input leaves (step {step})<br><sub>probe sequence "
                            "1 (A) against its flipped copy (B){styles}</sub>"),
    "panels.solid": "solid",
    "panels.dotted": "dotted",
    "panels.dashed": "dashed",
    "panels.saturation": ("{gate}: saturation (step {step})<br><sub>one point per unit, over "
                          "{n} probe sequences × {steps} steps</sub>"),
    "panels.no_flip": ("The {task} task has no single remembered input to flip, so there is no "
                       "memory trace here (the latch, adding and temporal-order tasks have one)."),
    "panels.no_probe": "No model has a probe at this step.",
    "panels.probability": "Probability of the right answer",
    "panels.prediction": "Prediction",
    "panels.lost_from": "{model} from t = {t}",
    "panels.memory_note": ("Probe sequence 1 (A) and a copy (B) with {flip}; right answers "
                           "{rights}. {measure} at the end, A / B: {ends}."),
    "panels.memory_lost": " Float64 can no longer tell A and B apart in the {models}.",
    "panels.mean": "mean over the {n} probe sequences",
    "panels.geometric": "geometric mean over the {n} probe sequences (and units)",
    "panels.grad_init": "Error signal reaching step t: at step 0",
    "panels.grad_now": "Error signal reaching step t: now (step {step})",
    "panels.error_signal": "Error signal reaching each step t (step {step})",
    "panels.signal_part": "{line} {share}",
    "panels.signal_note": ("At step {step}, the share of each line's error signal at the last step that "
                           "reaches t = 1: {parts}."),
    "panels.history": "{model}: log10 ‖∂L/∂h_t‖ as training goes on<br><sub>{mean}</sub>",
    "panels.factors": "Factor of one step back (step {step})",
    "panels.products": "Their product from step T back to t (step {step})",
    "panels.connectivity": "Which inputs the prediction uses: ‖∂prediction/∂x_t‖ (step {step})",
    "panels.sigma": "{models}: largest singular value of W_hh during training",
    "panels.horizon_yours": "How far back can each model remember? {task}, your settings",
    "panels.horizon_reference": ("How far back can each model remember? {task}, default "
                                 "settings, {seeds} seeds"),
    "panels.next_characters": "{model}: top 5 next characters<br><sub>step {step}</sub>",
    "panels.forecast": ("Held-out forecasts against the truth (step {step})<br><sub>the first "
                        "{shown} of {n} windows from the last 20% of the series, {horizon} "
                        "step(s) ahead</sub>"),
    "figures.diverged": "{model} (diverged at step {step})",
    "figures.state_h": "hidden state h_t",
    "figures.state_c": "cell state c_t",
    "figures.log_scale": "{label} (log scale)",
    "figures.loss": "Training loss",
    "figures.loss_axis": "loss on training batches",
    "figures.clipped_steps": "{model}: {n} clipped steps",
    "figures.clip_line": "clipping threshold {clip}",
    "figures.grad_norm_axis": "‖gradient‖ before clipping",
    "figures.alt": "Chart: {title}. {said}.",
    "figures.alt_line": "{name}: from {first} to {last}",
    "figures.alt_at": "{value} at {axis} {x}",
    "figures.alt_heatmap": "a heatmap of {rows} rows by {columns} columns, values {low} to {high}",
    "figures.alt_x": "x",
    "figures.alt_empty": "no data yet",
    "figures.held_out": "{model}, held-out",
    "figures.training_batches": "{model}, training batches",
    "figures.dotted_batches": "dotted: training batches, mean of last {n} steps",
    "figures.training_step": "training step",
    "figures.on_held_out": "{title}<br><sub>on {n} held-out sequences</sub>",
    "figures.key_step": "key step",
    "figures.key_steps_all": "key steps (all probe sequences)",
    "figures.time_step": "time step t",
    "figures.time_step_loss": "time step t (loss at t = T)",
    "figures.time_step_key": "time step t (dotted: key step)",
    "figures.characters": "{title}: the character read there",
    "figures.characters_every": "{title}: the character read there (labels every {every} steps)",
    "figures.gate": "gate",
    "figures.unit": "unit",
    "figures.unit_hover": "t={t}, unit {unit}: {value}",
    "figures.sequence": "sequence {n}",
    "figures.state_hover": "unit {unit}, {label}, t={t}: {value}",
    "figures.grad_c": "{model} ‖∂L/∂c_t‖ (cell state)",
    "figures.gradient_norm": "gradient norm",
    "figures.history_hover": "step {step}, t={t}: {value}",
    "figures.worst_case": "{model} worst case: max({slope})·σ_max(W_hh)",
    "figures.no_loss_no_gain": "1: no loss, no gain",
    "figures.multiplier": "multiplier per step",
    "figures.product": "product from T back to t",
    "figures.sigma_threshold": ("1/γ = 1: γ bounds the slope of tanh and of ReLU (γ = 1), "
                                "Pascanu et al. 2013"),
    "figures.sigma_axis": "largest singular value",
    "figures.connectivity": "‖∂ prediction / ∂x_t‖",
    "figures.power": "w^t with w = {w}",
    "figures.power_one": "1^t: the cell-state path with f = 1",
    "figures.factor": "factor w^t",
    "figures.steps_back": "steps back t",
    "figures.seed_band": "{model}: worst to best seed",
    "figures.median_seed": "{model}: median over {seeds} seed",
    "figures.median_seeds": "{model}: median over {seeds} seeds",
    "figures.solved": "solved ({value})",
    "figures.lengths": "sequence length T, the lag to bridge",
    "figures.at_the_end": "held-out {metric} at the end",
    "figures.forget_gate": "forget gate f",
    "figures.below_float64": "below float64",
    "figures.reach_share": "{ratio}: 1 in {n}",
    "figures.reach_axis": "share reaching t = 1, log scale from {floor}",
    "figures.below": "below {floor}",
    "figures.up_to": " (up to {value}, above the chart)",
    "figures.below_float64_from": "{model}, below float64 from t = {t}",
    "figures.below_float64_until": "{model}: below float64 at t ≤ {t}",
    "figures.model": "model",
    "figures.next_probability": "probability of the next character",
    "figures.next_character": "next character",
    "figures.truth": "truth",
    "figures.held_out_window": "held-out window (time order)",
    "figures.change": "change (typical changes)",
    "figures.state_distance": "‖state A − state B‖ (log)",
    "figures.flipped_here": "flipped here",
    "figures.always_saturated": "always saturated (x + y = 1)",
    "figures.units": "{model} ({n} units)",
    "figures.saturation_hover": "unit {unit}: > {high} in {right}, < {low} in {left}",
    "figures.right_saturated": "share of steps right-saturated (> {high})",
    "figures.left_saturated": "share left-saturated (< {low})",
    "task.accuracy": "accuracy",
    "task.text.metric": "long-range accuracy",
    "task.chance": "chance",
    "task.baseline": "the baseline",
    "task.lag": "lag",
    "task.window": "window",
    "task.chance_line": "the chance line",
    "task.chance_value": "chance ({value})",
    "task.baseline_value": "baseline: always answer 1 ({value})",
    "task.goal": "must report, at the last step, something from many steps earlier",
    "task.solved": "solved the lag-{T} {task}",
    "task.latch.title": "Latch (remember the first symbol)",
    "task.latch.source": "Hochreiter & Schmidhuber 1997, experiment 2",
    "task.latch.describe": ("Report the first of {T} symbols (one of {n}) after {distractors} "
                            "distractors."),
    "task.latch.flip": "the signal at t = 1, {a} → {b}",
    "task.adding.title": "Adding (sum two marked numbers)",
    "task.adding.source": "Hochreiter & Schmidhuber 1997, experiment 4",
    "task.adding.describe": "Output the sum of the two marked numbers among {T} random numbers.",
    "task.adding.flip": "the first marked value, at t = {step}, {a} → {b}",
    "task.adding.plateau": ("near 1/12 = 0.083, the MSE of a model that remembers only the "
                            "second marked number and guesses the mean for the first"),
    "task.order.title": "Temporal order (XX, XY, YX or YY)",
    "task.order.source": "Hochreiter & Schmidhuber 1997, experiment 6",
    "task.order.describe": ("Tell the order of the two X/Y symbols hidden among {T} symbols: the "
                            "first comes between steps {a} and {b}, the second between {c} and "
                            "{d}, as in the 1997 paper (nothing after step {d} matters)."),
    "task.order.flip": "the first relevant symbol, at t = {step}, {a} → {b}",
    "task.order.plateau": ("0.5 on this task means it remembers only one of the two symbols and "
                           "guesses the other, so 2 of the 4 classes are left"),
    "gate.i": "input gate i",
    "gate.f": "forget gate f",
    "gate.g": "cell candidate g",
    "gate.o": "output gate o",
    "gate.fixed": "{gate} = 1 (fixed)",
    "gate.r": "reset gate r",
    "gate.z": "update gate z",
    "gate.n": "candidate n",
    "kind.rnn.multiplier": "RNN: gain of W_hhᵀ diag(1−h_t²) on the gradient",
    "kind.rnn-orth.multiplier": "RNN (orthogonal): gain of W_hhᵀ diag(1−h_t²) on the gradient",
    "kind.irnn.multiplier": "IRNN: gain of W_hhᵀ diag(1[h_t>0]) on the gradient",
    "kind.lstm.multiplier": "LSTM: forget gate f_t (along the cell state)",
    "kind.lstm-cec.multiplier": "LSTM 1997: f_t = 1 exactly (constant error carousel)",
    "kind.lstm-i1.multiplier": "LSTM (i = 1): forget gate f_t (along the cell state)",
    "kind.lstm-o1.multiplier": "LSTM (o = 1): forget gate f_t (along the cell state)",
    "kind.lstm-cut.multiplier": ("LSTM (c cut): gain on the gradient through h (the cell path "
                                 "is cut)"),
    "kind.gru.multiplier": "GRU: update gate z_t (direct path)",
    "kind.rnn.inside_note": "The RNN's h_t is rewritten by every new input.",
    "kind.rnn-orth.inside_note": ("The RNN (orthogonal) is the RNN with W_hh started orthogonal "
                                  "(every singular value 1): watch whether its h_t keeps a "
                                  "trace of the key step longer."),
    "kind.irnn.inside_note": ("In the IRNN, h_t = max(0, W_ih x_t + W_hh h_{t−1} + b) with W_hh "
                              "= I and b = 0 at first: while a unit stays above 0, it keeps "
                              "what it holds and adds each new input."),
    "kind.lstm.inside_note": ("Watch the LSTM's forget gate **f** stay near 1 (memory kept) and "
                              "its input gate **i** respond at the key step; its cell state c_t "
                              "carries what the key step wrote."),
    "kind.lstm-cec.inside_note": ("The LSTM 1997 has no forget gate: its **f** is exactly 1 at "
                                  "every unit and step, so its cell state only adds what the "
                                  "input gate **i** lets in."),
    "kind.lstm-i1.inside_note": ("The LSTM (i = 1) has no input gate: its **i** is exactly 1, "
                                 "so every step adds its whole candidate **g** to the cell "
                                 "state, and only **f** decides what stays."),
    "kind.lstm-o1.inside_note": ("The LSTM (o = 1) has no output gate: its **o** is exactly 1, "
                                 "so its h_t is tanh(c_t), the whole cell state, at every step."),
    "kind.lstm-cut.inside_note": ("The LSTM (c cut) computes the LSTM's own values, but its "
                                  "error may not flow back along the cell state: c_{t−1} is "
                                  "detached, so gradients reach earlier steps only through h."),
}
