"""한국어: 앱의 모든 문구, 키별로 (``i18n.t``). 키와 각 문구의 {필드}는 영어 표와 같아야
합니다 (tests/test_i18n.py가 확인합니다)."""

TEXT = {
    # 이야기 페이지
    "page.story": "이야기",
    "story.title": "LSTM은 왜 기억할까? 여섯 장면으로 보는 이야기",
    "story.intro": ("래치(latch) 과제로 하는 짧은 실험 여섯 개입니다. 모델은 기호 하나를 본 뒤 "
                    "방해 기호를 잔뜩 보고, 마지막에 맨 처음 기호가 무엇이었는지 답해야 해요. "
                    "장면마다 결과를 먼저 예측하고 **학습 시작**을 누른 뒤, 학습이 끝나면 "
                    "실행 결과가 보여 주는 것을 읽어 보세요. 원인을 증명하는 것은 5번 장면입니다."),
    "story.scene": "장면",
    "story.scene_of": "장면 {n}/{total}: {title}",
    "story.set_up": "장면 {n} 준비하기",
    "story.set_up_help": "이 장면의 설정을 사이드바(와 링크)에 한 번에 적용합니다.",
    "story.is_set_up": "이 장면이 준비되었습니다: {settings}.",
    "story.differs": "지금 설정이 이 장면과 다릅니다. 장면을 준비하면 다음이 바뀝니다: {changes}.",
    "story.link": "이 장면의 링크:",
    "story.predict": "재생을 누르기 전에 예측해 보세요:",
    "story.predict_first": "위에서 먼저 예측을 고르세요. 그러면 실행 화면이 나타납니다.",
    "story.running": "{cap} 단계까지 학습합니다. 학습이 멈추면 설명이 나타납니다.",
    "story.next": "다음: 장면 {n}",
    "story.previous": "이전 장면",
    "story.end": ("이것으로 이야기가 끝났습니다. LSTM이 기억하는 까닭은 셀 상태가 곱하는 대신 "
                  "더하기 때문이고, 그래서 오차 신호가 셀 상태를 따라 거의 그대로(f가 1에 "
                  "가까울 때) 거슬러 흐를 수 있기 때문입니다. 이제 자기 말로 설명해 보고, "
                  "다른 페이지에서 직접 설정을 바꿔 가며 살펴보세요."),
    "story.newcomer": "처음이신가요? LSTM이 왜 기억하는지 여섯 장면으로 설명하는 이야기부터 따라가 보세요.",
    "story.open": "이야기 열기",
    "story.choice.both": "둘 다",
    "story.choice.all": "모두",
    "story.choice.none": "둘 다 못 함",
    "story.choice.only": "{models}만",
    "story.choice.one": "{model}",
    "story.and": "과 ",
    "story.solved": "{model}은(는) {step} 단계에서 풀었습니다(검증 정확도 {score}).",
    "story.unsolved": ("{model}은(는) {steps} 단계 안에 풀지 못했습니다(검증 정확도 {score}, "
                       "우연 수준 {chance})."),
    "story.diverged": "{model}은(는) {step} 단계에서 발산했습니다.",
    "story.reach": ("{step} 단계에서 {model}의 마지막 단계 오차 신호 가운데 {ratio}만큼이 첫 "
                    "단계까지 도달합니다."),
    "story.right": "예측이 맞았습니다: {outcome}.",
    "story.wrong": "실행 결과는 예측과 다릅니다: {outcome}.",
    "story.unusual": ("이 시드에서는 보통의 결과({usual})와 다르게 나왔습니다. 사이드바의 **새 "
                      "시드**를 누르고 장면을 다시 실행해 비교해 보세요."),
    "story.lag20.title": "지연 20에서 RNN과 LSTM의 대결",
    "story.lag20.setup": ("각각 유닛 32개짜리 기본 RNN과 LSTM이 같은 배치로 학습합니다. 기억할 "
                          "기호는 20단계 전에 있어요. 600단계 안에 누가 배울까요?"),
    "story.lag20.why": ("지연 20에서는 둘 다 해냅니다. RNN의 오차 신호는 한 단계 거슬러 갈 때마다 "
                        "줄어들지만, 20단계는 그중 일부가 도달할 만큼 짧습니다."),
    "story.lag100.title": "같은 실험을 지연 100에서",
    "story.lag100.setup": "이번에는 기호가 100단계 전에 있습니다. 300단계 안에 누가 배울까요?",
    "story.lag100.why": ("LSTM만 배웁니다. RNN의 오차 신호는 100단계를 거슬러 가는 동안 매 단계 "
                         "1보다 작은 값이 곱해져서, 첫 기호까지 거의 도달하지 못합니다. 전해 듣지 "
                         "못한 것은 배울 수 없지요."),
    "story.closed.title": "망각 게이트를 닫으면",
    "story.closed.setup": ("지연은 그대로 100이지만, LSTM의 망각 게이트가 PyTorch 기본값인 편향 0에서 "
                           "시작합니다. 그러면 f가 약 0.5라서 매 단계 기억이 절반으로 줄어요. "
                           "300단계 안에 누가 배울까요?"),
    "story.closed.why": ("둘 다 못 배웁니다. 0.5 근처의 망각 게이트를 100단계에 걸쳐 곱하면 약 "
                         "10⁻³⁰이 되어, LSTM의 셀 상태도 RNN의 은닉 상태처럼 잊어버립니다. LSTM의 "
                         "기억은 망각 게이트가 열려 있을 때(f가 1에 가까울 때) 생깁니다."),
    "story.cec.title": "1997년의 셀: 망각 게이트가 아예 없다면",
    "story.cec.setup": ("최초의 LSTM(Hochreiter & Schmidhuber 1997)에는 망각 게이트가 없었습니다. "
                        "f가 정확히 1인 '상수 오차 회전목마'(constant error carousel)예요. 지연 "
                        "100에서 오늘날의 LSTM과 겨뤄 봅시다. 300단계 안에 누가 배울까요?"),
    "story.cec.why": ("둘 다 배웁니다. f가 정확히 1이면 1997년 셀의 오차 신호는 셀 상태를 따라 "
                      "전혀 줄지 않고 거슬러 흐릅니다. 오늘날의 LSTM도 망각 게이트가 1 근처에 "
                      "머무는 곳에서는 같은 효과를 얻습니다."),
    "story.cut.title": "셀 상태 경로를 끊으면",
    "story.cut.setup": ("같은 LSTM, 같은 가중치, 같은 순전파 값입니다. 다만 오차가 셀 상태를 따라 "
                        "거슬러 흐르지 못하게 했습니다(매 단계 c를 detach). 그러면 오차는 RNN처럼 "
                        "h를 통해서만 과거에 닿습니다. 300단계 안에 누가 배울까요?"),
    "story.cut.why": ("온전한 LSTM만 배웁니다. 셀 상태 경로를 끊어도 모델이 계산하는 값은 전혀 "
                      "바뀌지 않았고, 오차가 흐를 수 있는 길만 바뀌었습니다. 그런데 기억이 "
                      "사라졌지요. 더하기로 이어지는 셀 상태 경로가 바로 원인입니다."),
    "story.gradients.title": "기울기를 지켜보기",
    "story.gradients.setup": ("지연 100에서 RNN, LSTM, 셀 상태 경로를 끊은 LSTM을 비교합니다. "
                              "마지막 단계의 오차 신호를 첫 단계까지 가장 많이 전하는 모델은 "
                              "어느 것일까요?"),
    "story.gradients.why": ("LSTM입니다. 셀 상태를 따라 한 단계 거슬러 갈 때마다 신호에 망각 "
                            "게이트 값이 곱해지는데, 이 값이 1에 가깝습니다. RNN과 경로를 끊은 "
                            "LSTM은 매 단계 1보다 작은 값이 곱해져서 훨씬 적게 도달합니다(위의 "
                            "숫자)."),
    # --- app, sidebar, controls, race, verdict ---
    "page.race": "경주",
    "page.inside": "LSTM 들여다보기",
    "page.gradients": "기울기 흐름",
    "page.horizon": "기억의 지평",
    "page.text": "다음 글자",
    "page.prices": "가격",
    "page.primer": "입문: 기울기 소실과 폭발",
    "setting.task": "과제",
    "setting.task.help": ("모델이 기억해야 하는 것: latch = 첫 기호, adding = 표시된 두 수의 합, "
                          "order = 두 기호의 순서(Hochreiter & Schmidhuber 1997), text = 한국어와 "
                          "영어 문장의 다음 글자, series = 가격 시계열의 다음 가격."),
    "setting.T": "시퀀스 길이(지연)",
    "setting.T.help": "시퀀스 하나가 몇 단계인지, 곧 기억할 정보가 얼마나 먼 과거에 있는지입니다.",
    "setting.horizon": "예측 거리",
    "setting.horizon.help": "가격 시계열에서만: 창이 끝난 뒤 몇 단계 뒤의 가격을 예측할지입니다.",
    "setting.hidden": "은닉 크기",
    "setting.hidden.help": "모델마다 유닛이 몇 개인지입니다.",
    "setting.opt": "옵티마이저",
    "setting.opt.help": ("Adam은 가중치마다 보폭을 맞춰 줍니다. 큰 학습률에 클리핑 없는 평범한 "
                         "SGD에서는 기울기 폭발로 모델이 망가질 수 있어요."),
    "setting.lr": "학습률",
    "setting.lr.help": ("옵티마이저의 보폭으로, 모든 모델에 같습니다. 너무 크면 학습이 불안정해지고, "
                        "평범한 SGD에 클리핑까지 끄면 모델이 발산할 수 있어요."),
    "setting.batch": "배치 크기",
    "setting.batch.help": "학습 단계마다 보는 시퀀스 수입니다. 모든 모델이 같은 시퀀스를 봅니다.",
    "setting.memory_init": "기억 초기화(LSTM f, GRU z)",
    "setting.memory_init.help": ("기억을 지키는 게이트가 어떻게 시작하는지입니다. chrono(Tallec & "
                                 "Ollivier 2018): 유닛마다 망각 게이트 편향을 log(u)로 두고 u를 1과 "
                                 "T−1 사이에서 뽑아, 1단계부터 시퀀스 길이까지 여러 시간 척도로 "
                                 "기억하게 합니다. constant: 모든 유닛이 아래의 편향을 받습니다."),
    "setting.fbias": "기억 게이트 편향(constant 초기화)",
    "setting.fbias.help": ("constant 초기화에서 LSTM 망각 게이트와 GRU 업데이트 게이트의 시작 편향"
                           "(b_ih + b_hh)입니다. 0이면 매 단계 기억의 절반을 잊고, 5면 99% 넘게 "
                           "간직합니다."),
    "setting.clip": "기울기 클리핑",
    "setting.clip.help": "노름이 이 값을 넘는 기울기를 줄입니다. 0이면 클리핑을 끕니다.",
    "setting.seed": "시드",
    "setting.seed.help": "초기 가중치와 배치를 정합니다. 시드가 같으면 실행도 같습니다.",
    "setting.models": "모델",
    "setting.models.help": ("같은 배치로 나란히 학습할 모델입니다. LSTM 1997은 처음 발표된 대로 "
                            "망각 게이트가 없는(f = 1) LSTM입니다. LSTM (c cut)은 LSTM과 같은 값을 "
                            "계산하지만 셀 상태를 따라서는 기울기가 흐르지 못합니다. LSTM과 겨뤄 "
                            "보면 어느 부분이 기억을 만드는지 알 수 있어요."),
    "setting.cap": "단계 상한",
    "setting.cap.help": "이만큼 학습하면 저절로 멈춥니다.",
    "setting.w": "매 단계 곱하는 값 w",
    "setting.w.help": "한 단계 거슬러 갈 때 기울기에 곱해지는 값입니다.",
    "setting.snapshot": "볼 학습 단계",
    "setting.snapshot.help": ("몇 단계마다(그리고 일시정지하거나 단계 실행할 때) 측정값을 남깁니다. "
                              "그중 하나를 고르세요."),
    "setting.series": "가격 시계열",
    "setting.series.help": "합성 가격, 또는 가격 페이지에서 올린 시계열입니다.",
    "setting.scene": "장면",
    "setting.scene.help": "이야기의 장면입니다.",
    "setting.lang": "언어",
    "setting.lang.help": "모든 페이지의 언어입니다.",
    "link.not_among": "{options} 가운데 없음",
    "link.no_upload": ("이 서버에 올라온 파일이 아님: 서버가 다시 시작했거나 링크가 잘렸습니다. 파일을 "
                       "다시 올려 주세요"),
    "link.not_one_of": "{options} 중 하나가 아님",
    "link.not_a_number": "숫자가 아님",
    "link.outside": "{low}~{high} 범위 밖",
    "link.unknown": "알 수 없는 링크 매개변수 '{key}'는 무시했습니다",
    "link.none_selected": "링크에 {key}가 하나도 없어 기본값 {default}을(를) 씁니다",
    "link.ignored": "{key}='{value}'는 무시했습니다({reason}). 기본값 {default}을(를) 씁니다",
    "link.dropped": "{key}의 {items}는 무시했습니다({options} 가운데 없음)",
    "link.no_page": "이 앱에는 '/{path}' 페이지가 없어서 경주 페이지를 열었습니다.",
    "link.notes": "이 링크에 쓸 수 없는 값이 있어 그 항목은 기본값으로 열었습니다: {notes}.",
    "link.all_defaults": "모든 설정이 기본값",
    "link.some_defaults": "{changed}; 나머지 설정은 모두 기본값",
    "sidebar.settings": "설정",
    "sidebar.no_model": "사이드바에서 모델을 하나 이상 고르세요.",
    "sidebar.too_short": "{task} 과제는 최소 {steps}단계가 필요해서 {steps}단계를 씁니다.",
    "sidebar.too_long": ("지금 설정에서 {task} 과제는 최대 {steps}단계짜리 시퀀스만 만들 수 있어서"
                         "(데이터가 그만큼 짧습니다) {steps}단계를 씁니다."),
    "share.title": "이 장면 공유하기",
    "share.plain": "(기본 주소: 모두 기본값)",
    "share.caption": ("상자 오른쪽 위의 버튼으로 복사하세요. 담긴 내용: {holds}. 같은 링크는 같은 "
                      "설정, 시드, 초기 가중치, 배치를 주므로 숫자도 똑같이 나옵니다."),
    "change.task": "과제",
    "change.seq_len": "시퀀스 길이",
    "change.hidden_size": "은닉 크기",
    "change.optimizer": "옵티마이저",
    "change.lr": "학습률",
    "change.batch_size": "배치 크기",
    "change.memory_init": "기억 초기화",
    "change.forget_bias": "기억 게이트 편향",
    "change.clip": "기울기 클리핑",
    "change.seed": "시드",
    "change.models": "모델",
    "change.horizon": "예측 거리",
    "change.series": "가격 시계열",
    "change.max_steps": "단계 상한",
    "controls.training": "학습",
    "controls.play": "재생",
    "controls.play.help": "계속 학습하며 약 1초마다 차트를 새로 그립니다.",
    "controls.pause": "일시정지",
    "controls.start": "학습 시작",
    "controls.start.help": "모델들을 같은 배치로 나란히, 실시간으로 학습시킵니다.",
    "controls.resume": "계속",
    "controls.steps_per_click": "클릭당 단계 수",
    "controls.steps_per_click.help": "단계 버튼 한 번에 학습할 단계 수입니다.",
    "controls.step": "{n}단계 진행",
    "controls.step.help": "그만큼 학습한 뒤 멈춥니다.",
    "controls.reset": "처음으로",
    "controls.reset.help": "같은 초기 가중치와 배치로 0단계에서 다시 시작합니다.",
    "controls.new_seed": "새 시드",
    "controls.new_seed.help": "새 초기 가중치로 처음부터 다시 시작합니다.",
    "controls.restarted": "{changes}을(를) 바꿔서 경주가 0단계에서 다시 시작했습니다.",
    "controls.busy": "서버가 바쁩니다: 실행 {runs}개가 동시에 학습 중이라 각각 느려집니다.",
    "controls.close_gate": "망각 게이트 닫기(편향 0)",
    "controls.close_gate.help": ("기억 게이트 편향을 PyTorch 기본값인 0으로 고정합니다. 그러면 "
                                 "LSTM의 망각 게이트가 0.5 근처에서 시작해 매 단계 기억이 절반으로 "
                                 "줄어요. 사이드바의 기억 초기화로 되돌릴 수 있습니다."),
    "counter.diverged": "발산",
    "counter.text": "**{step} / {cap} 단계** · {scores} <small>(검증 {metric})</small>",
    "duration.s": "{s}초",
    "duration.min": "{min}분",
    "duration.h_min": "{h}시간 {min}분",
    "texts.the_model": "{model}",
    "texts.vs": " 대 ",
    "texts.and": ", ",
    "texts.race_title": "경주: {models}",
    "texts.race_title_alone": "경주: {model} 단독",
    "texts.climbs_away": "에서 위로 멀어집니다",
    "texts.falls_below": " 아래로 내려갑니다",
    "texts.race_intro_many": ("모델들이 같은 배치로 학습하며, {goal}. 실선은 검증 시퀀스의 "
                              "결과입니다. 기억하는 모델은 {line}{away}."),
    "texts.race_intro_one": ("{model}이(가) 시퀀스를 차례로 받아 학습하며, {goal}. 실선은 검증 "
                             "시퀀스의 결과입니다. 기억하는 모델은 {line}{away}."),
    "texts.next_lstm": "다음: 지연을 늘려 보거나, 망각 게이트를 닫고 LSTM도 실패하는 것을 지켜보세요.",
    "texts.next_add_lstm": "다음: 사이드바의 모델에서 LSTM을 추가해 이 모델들과 겨뤄 보세요.",
    "texts.the_unit": "유닛",
    "texts.the_units": "유닛 {n}개",
    "texts.gates_of": "{model}의 게이트({gates})",
    "texts.inside_heatmaps": ("히트맵은 탐침 시퀀스 하나의 모든 단계, 모든 유닛에 대해 {names}를 "
                              "보여 줍니다. 점선은 기억해야 할 내용이 있는 단계입니다."),
    "texts.inside_follow": "*학습 따라가기*를 끄면 앞선 스냅숏을 돌아볼 수 있어요.",
    "verdict.diverged": "{model}: {step}단계에서 발산(손실이나 기울기가 NaN 또는 무한대가 됨)",
    "verdict.no_score": "{model}: 아직 검증 점수 없음",
    "verdict.value": "검증 {metric} {score}",
    "verdict.solved": "{model}: {step}단계에서 {solved} ({value})",
    "verdict.lost": "{model}: {step}단계에서 {solved}, 그러나 다시 놓침 ({value}, {reference})",
    "verdict.chance": "{model}: {chance} ({value})",
    "verdict.worse": "{model}: {chance}보다 나쁨 ({value}, {reference})",
    "verdict.learning": "{model}: 학습 중 ({value}, {reference})",
    "verdict.untrained": "아직 학습 전: {sentence}.",
    "verdict.capped": "{sentence}. 단계 상한({cap})에서 학습을 멈췄습니다.",
    "verdict.label": "판정",
    # --- pages: gradients, horizon, prompt, prices, primer ---
    # --- inside, figures, tasks ---
}
