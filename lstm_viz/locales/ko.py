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
    "story.differs": "지금 설정이 이 장면과 다릅니다({changes}). 버튼을 눌러 다시 준비하세요.",
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
    # --- pages: gradients, horizon, prompt, prices, primer ---
    # --- inside, figures, tasks ---
}
