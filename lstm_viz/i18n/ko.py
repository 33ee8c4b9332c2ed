"""한국어: 앱의 모든 문구, 키별로 (``i18n.t``). 키와 각 문구의 {필드}는 영어 표와 같아야
합니다 (tests/test_i18n.py가 확인합니다)."""

TEXT = {
    # 이야기 페이지
    "page.story": "이야기",
    "story.title": "LSTM은 왜 기억할까? 여덟 장면으로 보는 이야기",
    "story.intro": ("래치(latch) 과제로 하는 짧은 실험 여덟 개예요. 모델은 기호 하나를 본 뒤 "
                    "방해 기호를 잔뜩 보고, 마지막에 맨 처음 기호가 무엇이었는지 답해야 해요. "
                    "장면마다 결과를 먼저 예측하고 **시작**을 누른 뒤, 학습이 멈추면 "
                    "실행 결과가 보여 주는 것을 읽어 보세요. 원인을 증명하는 것은 5번 장면이고, "
                    "7번과 8번 장면은 오차 신호가 실패하는 또 다른 방식인 폭발과 그것을 막는 "
                    "방법을 보여 줘요."),
    "story.scene": "장면",
    "story.scene_of": "장면 {n}/{total}: {title}",
    "story.set_up": "장면 {n} 준비하기",
    "story.set_up_help": "이 장면의 설정을 사이드바(와 링크)에 한 번에 적용해요.",
    "story.is_set_up": "이 장면이 준비됐어요: {settings}.",
    "story.differs": "지금 설정이 이 장면과 달라요. 장면을 준비하면 다음 설정이 바뀌어요: {changes}.",
    "story.link": "이 장면의 링크:",
    "story.class": "지금까지 반 전체의 예측: {said}.",
    "story.class_item": "{total}명 중 {n}명 “{choice}”",
    "story.class_help": ("이 링크에서 이 장면을 예측한 모든 사람을 서버가 세어요. 실행이 남아 있는 "
                         "동안만 세고, 숫자만 남겨요(누구인지는 남기지 않아요)."),
    "story.predict": "학습을 시작하기 전에 예측해 보세요:",
    "story.predict_first": "위에서 먼저 예측을 고르세요. 그러면 실행 화면이 나타나요.",
    "story.running": "{cap}단계까지 학습해요. 학습이 멈추면 설명이 나타나요.",
    "story.next": "다음: 장면 {n}",
    "story.previous": "이전 장면",
    "story.end": ("이것으로 이야기가 끝났어요. LSTM이 기억하는 까닭은 셀 상태가 곱하지 않고 "
                  "더하기 때문이에요. 그래서 오차 신호가 셀 상태를 따라 줄지 않고 거슬러 "
                  "흘러요(f가 1에 가까울 때). 1보다 작은 값이 곱해지면 RNN의 신호는 사라지고, "
                  "1보다 큰 값이 곱해지면 폭발하며, 클리핑은 한 번의 업데이트 크기를 제한해요. "
                  "이제 자기 말로 설명해 보고, 다른 페이지에서 직접 설정을 바꿔 가며 살펴보세요."),
    "story.newcomer": "처음이신가요? 이야기부터 보세요",
    "story.choice.both": "둘 다",
    "story.choice.all": "모두",
    "story.choice.none": "둘 다 못 함",
    "story.choice.only": "{models}만",
    "story.choice.one": "{model}",
    "story.and": ", ",
    "story.solved": "{model}: {step}단계에서 과제를 풀었어요(검증 정확도 {score}).",
    "story.unsolved": ("{model}: {steps}단계 안에 과제를 풀지 못했어요(검증 정확도 {score}, "
                       "우연 수준 {chance})."),
    "story.diverged": "{model}: {step}단계에서 발산했어요.",
    "story.reach": ("학습 {step}단계에서 {model}의 마지막 단계 오차 신호 가운데 {ratio}만큼이 "
                    "첫 단계까지 도달해요."),
    "story.right": "예측이 맞았어요: {outcome}.",
    "story.wrong": "예측: {guess}. 실행 결과는 예측과 달라요: {outcome}.",
    "story.unusual": ("이 시드에서는 보통의 결과({usual})와 다르게 나왔어요. 사이드바의 **새 "
                      "시드**를 누르고 장면을 다시 실행해 비교해 보세요."),
    "story.lag20.title": "지연 20에서 RNN과 LSTM의 대결",
    "story.lag20.setup": ("유닛이 32개씩인 기본 RNN과 LSTM이 같은 배치로 학습해요. 기억할 "
                          "기호는 20단계 전에 있어요. 600단계 안에 누가 배울까요?"),
    "story.lag20.why": ("지연 20에서는 둘 다 해내요. RNN의 오차 신호는 거슬러 가는 동안 "
                        "줄어들지만({step}단계에서 첫 단계에 닿는 몫은 {rnn_share}), "
                        "20단계 정도면 RNN이 배울 만큼은 도달해요."),
    "story.lag100.title": "같은 실험을 지연 100에서",
    "story.lag100.setup": "이번에는 기호가 100단계 전에 있어요. 300단계 안에 누가 배울까요?",
    "story.lag100.why": ("LSTM만 배워요. RNN의 오차 신호에는 100단계를 거슬러 가는 동안 매 "
                         "단계 1보다 작은 값이 곱해져서(이 실행에서 평균 {rnn_factor}), "
                         "{step}단계에서 첫 기호에 닿는 몫은 {rnn_share}뿐이에요. 전해 "
                         "듣지 못한 것은 배울 수 없지요."),
    "story.closed.title": "망각 게이트를 닫으면",
    "story.closed.setup": ("지연은 그대로 100이지만, LSTM의 망각 게이트가 PyTorch 기본값인 편향 0에서 "
                           "시작해요. 그러면 f가 약 0.5라서 매 단계 기억이 절반으로 줄어요. "
                           "300단계 안에 누가 배울까요?"),
    "story.closed.why": ("둘 다 못 배워요. 이 실행의 망각 게이트는 평균 {lstm_factor}이고, "
                         "지연 전체에 걸쳐 곱하면 셀 상태의 오차 신호 가운데 "
                         "{lstm_product}만 남아요. 그래서 LSTM의 셀 상태도 RNN의 은닉 "
                         "상태처럼 잊어버려요. LSTM의 기억은 망각 게이트가 열려 있는 데서(f가 1에 "
                         "가까울 때) 나와요."),
    "story.cec.title": "1997년의 셀: 망각 게이트가 아예 없다면",
    "story.cec.setup": ("최초의 LSTM(Hochreiter & Schmidhuber 1997)에는 망각 게이트가 없었어요. "
                        "f가 정확히 1인 '상수 오차 회전목마'(constant error carousel)예요. 지연 "
                        "100에서 오늘날의 LSTM과 겨뤄요. 300단계 안에 누가 배울까요?"),
    "story.cec.why": ("둘 다 배워요. f가 정확히 1이면 1997년 셀의 오차 신호는 셀 상태를 따라 "
                      "전혀 줄지 않고 거슬러 흘러요. 오늘날의 LSTM도 망각 게이트가 1 근처에 "
                      "머무는 곳에서는 같은 효과를 얻어요."),
    "story.cut.title": "셀 상태 경로를 끊으면",
    "story.cut.setup": ("같은 LSTM, 같은 가중치, 같은 순전파 값이에요. 다만 오차가 셀 상태를 따라 "
                        "거슬러 흐르지 못하게 했어요(매 단계 c를 detach). 그러면 오차는 RNN처럼 "
                        "h를 통해서만 과거에 닿아요. 300단계 안에 누가 배울까요?"),
    "story.cut.why": ("온전한 LSTM만 배워요. 셀 상태 경로를 끊어도 모델이 계산하는 값은 전혀 "
                      "바뀌지 않았고, 오차가 흐를 수 있는 길만 바뀌었어요. 그런데 기억이 "
                      "사라졌지요. 덧셈으로 이어지는 셀 상태 경로가 바로 원인이에요."),
    "story.gradients.title": "기울기 지켜보기",
    "story.gradients.setup": ("지연 100에서 RNN, LSTM, 셀 상태 경로를 끊은 LSTM을 비교해요. "
                              "마지막 단계의 오차 신호를 첫 단계까지 가장 큰 비율로 전하는 "
                              "모델은 어느 것일까요?"),
    "story.gradients.why": ("LSTM이에요. 셀 상태를 따라 한 단계 거슬러 갈 때마다 신호에 망각 "
                            "게이트 값이 곱해지는데, 여기서는 평균 {lstm_factor}로 1에 "
                            "가까워요. RNN과 경로를 끊은 LSTM에서는 매 단계 1보다 작은 "
                            "값(평균 {rnn_factor}, {lstm_cut_factor})이 곱해져서 훨씬 "
                            "적게 도달해요(위의 숫자를 보세요)."),
    "story.explode.title": "기울기 폭발",
    "story.explode.setup": ("또 다른 문제, 1보다 큰 값이에요. 바닐라 RNN 하나의 순환 가중치 W_hh를 "
                            "시작할 때 가장 큰 특잇값 σ_max가 2.5가 되도록 키우고, 지연 50 래치에서 "
                            "일반 SGD(학습률 0.5)로 **기울기 클리핑 없이** 학습해요. 600단계 안에 "
                            "과제를 배울까요?"),
    "story.explode.why": ("σ_max(W_hh)가 1보다 크면 한 단계 거슬러 갈 때 오차 신호가 줄지 "
                          "않고 커질 수 있고, 클리핑이 없으니 이어지는 업데이트를 제한할 것이 없어요. "
                          "일반 SGD는 가중치를 학습률 곱하기 기울기만큼 옮겨요. 이 실행에서 가장 큰 "
                          "기울기({grad_step}단계, 노름 {norm})는 가중치를 한 번에 "
                          "{move}만큼 옮겼어요({lr} × {norm}). {after}기울기 "
                          "차트가 매 단계의 노름을 보여 줘요."),
    "story.explode.calm": ("손실이 치솟지는 않았지만(최대 {loss}) RNN은 과제도 배우지 "
                           "못했어요. "),
    "story.explode.spiked": ("손실은 {loss_step}단계에서 {loss}까지 치솟았어요(처음에는 "
                             "{start}). 이만큼 긴 한 걸음은 가중치를 멀리 던져 버리고, "
                             "학습은 거기서 다시 시작해야 해요. "),
    "story.clipped.title": "같은 RNN, 기울기 클리핑과 함께",
    "story.clipped.setup": ("7번 장면과 같은 RNN, 같은 초기 가중치, 같은 배치예요. 바뀐 것은 하나, "
                            "1에서 하는 기울기 클리핑(Pascanu, Mikolov & Bengio 2013)이에요. 매 "
                            "단계 전에 노름이 1을 넘는 기울기를 방향은 그대로 두고 노름 1로 줄여요. "
                            "이번에는 과제를 배울까요?"),
    "story.clipped.why": ("클리핑이 노름이 1을 넘는 기울기를 모두 업데이트 전에 노름 1로 "
                          "줄였어요({steps}단계 중 {clipped}단계, 기울기 차트가 각각 "
                          "표시해요). 그래서 어떤 단계도 가중치를 학습률 {lr}보다 멀리 옮기지 "
                          "못했어요. {after}클리핑은 한 단계의 크기를 제한할 뿐 사라지는 신호를 "
                          "키우지는 못해요. 그래서 지연 100에서는 RNN을 구하지 못했어요(2번 "
                          "장면도 1에서 클리핑해요)."),
    "story.clipped.calm": ("손실은 치솟지 않았고(최대 {loss}), RNN은 {solved}단계에서 "
                           "지연 50 래치를 배웠어요. "),
    "story.clipped.spiked": ("제한된 한 걸음도 나쁜 곳에 떨어질 수는 있어요. 손실은 "
                             "{loss_step}단계에서 {loss}까지 치솟았어요(처음에는 "
                             "{start}). 하지만 클리핑 덕분에 그 급등이 발산으로 이어지지 "
                             "않았어요. 손실은 다시 내려왔고, RNN은 {solved}단계에서 지연 "
                             "50 래치를 배웠어요. "),
    "story.choice.learns": "{model}이(가) 배운다",
    "story.choice.fails": "{model}이(가) 못 배운다",
    "story.gradient": "{note}.",
    "story.measured_solved": ("시드 {seeds}에서 잰 값, {cap}단계 안에 각 모델이 과제를 푼 "
                              "단계: {results}."),
    "story.measured_reach": ("시드 {seeds}에서 잰 값, 학습 {cap}단계에서 첫 단계까지 도달하는 "
                             "오차 신호의 비율: {results}."),
    "story.measured_model": "{model} {values}",
    "story.not_solved": "못 풂",
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
    "setting.seq_len": "시퀀스 길이(지연)",
    "setting.seq_len.help": ("시퀀스 하나의 단계 수예요. 곧 기억할 정보가 얼마나 먼 과거에 있는지를 "
                       "정해요."),
    "setting.horizon": "예측 거리",
    "setting.horizon.help": ("가격 시계열에서만 써요. 윈도우가 끝나고 몇 단계 뒤의 가격을 "
                             "예측할지 정해요."),
    "setting.hidden_size": "은닉 크기",
    "setting.hidden_size.help": "모델마다 있는 유닛 수예요.",
    "setting.optimizer": "옵티마이저",
    "setting.optimizer.help": ("Adam은 가중치마다 보폭을 알아서 조절해요. 평범한 SGD에 학습률이 크고 "
                         "클리핑도 없으면 기울기 폭발로 모델이 망가질 수 있어요."),
    "setting.lr": "학습률",
    "setting.lr.help": ("옵티마이저의 보폭으로, 모든 모델에 같은 값을 써요. 너무 크면 학습이 "
                        "불안정해지고, 평범한 SGD에 클리핑까지 끄면 모델이 발산할 수 있어요."),
    "setting.batch_size": "배치 크기",
    "setting.batch_size.help": "학습 단계마다 보는 시퀀스 수예요. 모든 모델이 같은 시퀀스를 봐요.",
    "setting.memory_init": "기억 게이트 초기화(LSTM f, GRU z)",
    "setting.memory_init.help": ("기억을 지키는 게이트의 시작 값을 정해요. chrono(Tallec & "
                                 "Ollivier 2018): 유닛마다 망각 게이트 편향을 log(u)로 두고 u를 1과 "
                                 "T−1 사이에서 뽑아, 1단계부터 시퀀스 길이까지 여러 시간 척도로 "
                                 "기억하게 해요. constant: 모든 유닛이 아래의 편향을 받아요."),
    "setting.forget_bias": "기억 게이트 편향(constant 초기화)",
    "setting.forget_bias.help": ("constant 초기화에서 LSTM 망각 게이트와 GRU 업데이트 게이트의 시작 편향"
                           "(b_ih + b_hh)이에요. 0이면 매 단계 기억의 절반을 잊고, 5면 99% 넘게 "
                           "간직해요."),
    "setting.clip": "기울기 클리핑",
    "setting.clip.help": "노름이 이 값을 넘는 기울기의 크기를 줄여요. 0이면 클리핑을 꺼요.",
    "setting.seed": "시드",
    "setting.seed.help": "초기 가중치와 배치를 정해요. 시드가 같으면 실행도 같아요.",
    "setting.models": "모델",
    "setting.models.help": ("같은 배치로 나란히 학습할 모델이에요. LSTM 1997은 처음 발표된 대로 "
                            "망각 게이트가 없는(f = 1로 고정) LSTM이에요. LSTM (c cut)은 LSTM과 "
                            "같은 값을 계산하지만 셀 상태를 따라서는 기울기가 흐르지 못해요. LSTM과 "
                            "겨뤄 보면 어느 부분이 기억을 만드는지 알 수 있어요. LSTM (i = 1)과 "
                            "LSTM (o = 1)은 입력 게이트나 출력 게이트를 1로 고정하고, RNN "
                            "(orthogonal)과 IRNN은 W_hh를 직교 행렬이나 단위 행렬로 시작해요. "
                            "LSTMP는 h_t를 더 적은 수로 투영해요."),
    "setting.max_steps": "단계 상한",
    "setting.max_steps.help": "학습이 이 단계 수에 이르면 저절로 멈춰요.",
    "setting.w": "매 단계 곱하는 값 w",
    "setting.w.help": "한 단계 거슬러 갈 때 기울기에 곱해지는 값이에요.",
    "setting.snapshot": "볼 학습 단계",
    "setting.snapshot.help": ("탐침 결과는 학습 몇 단계마다(그리고 일시정지하거나 단계 버튼을 "
                              "누를 때) 기록돼요. 그중 하나를 고르세요."),
    "setting.series": "가격 시계열",
    "setting.series.help": "합성 가격, 또는 가격 페이지에서 올린 시계열이에요.",
    "setting.scene": "장면",
    "setting.scene.help": "이야기의 장면이에요.",
    "setting.hide": "숨긴 설정",
    "setting.hide.help": "선생님의 링크가 학생에게 숨기는 설정이에요.",
    "setting.lock": "잠금",
    "setting.lock.help": "숨긴 설정을 잠근 링크예요. 학생은 그 설정을 다시 볼 수 없어요.",
    "setting.lang": "언어",
    "setting.lang.help": "모든 페이지의 언어예요.",
    "link.not_among": "{options} 가운데 없음",
    "link.no_upload": ("이 서버에 올린 파일이 아님: 서버가 다시 시작됐거나 링크가 잘렸으니 "
                       "파일을 다시 올려 주세요"),
    "link.not_one_of": "{options} 중 하나가 아님",
    "link.not_a_number": "숫자가 아님",
    "link.outside": "{low}~{high} 범위 밖",
    "link.nearest": "{key}={value}: 슬라이더 눈금 사이의 값이라 가장 가까운 눈금 값({used})을 써요",
    "link.unknown": "알 수 없는 링크 매개변수 '{key}' 무시",
    "link.none_selected": "링크에서 고른 {key} 없음, 기본값 {default} 사용",
    "link.ignored": "{key}='{value}' 무시({reason}), 기본값 {default} 사용",
    "link.dropped": "{key}의 {items} 무시({options} 가운데 없음)",
    "link.no_page": "이 앱에는 '/{path}' 페이지가 없어서 경주 페이지를 열었어요.",
    "link.notes": "이 링크에 쓸 수 없는 값이 있어서 그 항목은 기본값으로 열었어요: {notes}.",
    "link.more": "; 그 밖에 {n}개 더",
    "link.all_defaults": "모든 설정이 기본값",
    "link.some_defaults": "{changed}; 나머지 설정은 모두 기본값",
    "sidebar.settings": "설정",
    "sidebar.no_model": "사이드바에서 모델을 하나 이상 고르세요.",
    "sidebar.too_short": "{task} 과제는 최소 {steps}단계가 필요해서 {steps}단계를 써요.",
    "sidebar.too_long": ("지금 설정에서는 {task} 과제의 데이터가 짧아서 시퀀스를 최대 "
                         "{steps}단계까지만 만들 수 있어요. {steps}단계를 써요."),
    "share.title": "이 장면 공유하기",
    "share.plain": "(기본 주소: 모두 기본값)",
    "share.caption": ("상자 오른쪽 위의 버튼으로 복사하세요. 담긴 내용: {holds}. 같은 링크는 같은 "
                      "설정, 시드, 초기 가중치, 배치를 주므로 숫자도 똑같이 나와요."),
    "hidden.all": "모든 설정",
    "hidden.all_but": "{shown} 말고 모든 설정",
    "hidden.all_but_seq_len": "시퀀스 길이 말고 모든 설정(학생에게는 시퀀스 길이와 시작만 보여요)",
    "hidden.notice": "이 링크가 숨긴 설정: {what}. 링크에 담긴 값을 그대로 써요.",
    "hidden.locked": "이 링크가 숨기고 잠근 설정: {what}. 장면은 링크가 정한 그대로예요.",
    "hidden.no_shortcut": "이 링크가 이 페이지의 버튼이 바꿀 설정을 숨겼어요.",
    "hidden.show_all": "모든 설정 보기",
    "link.students_see": "학생에게 보이는 것: {shown}",
    "link.play_controls": "재생 버튼",
    "link.hidden_from": "학생에게 숨긴 설정: {hidden}",
    "link.locked": "잠김",
    "share.hide": "학생에게 숨길 설정",
    "share.hide_none": "숨긴 설정 없음",
    "share.hide_help": ("링크가 이 설정들을 숨기고 값은 그대로 지켜요. 시작, 일시정지, 단계, 초기화, "
                        "페이지 링크와 언어는 늘 보여요."),
    "share.lock": "잠그기 (\"모든 설정 보기\" 없음)",
    "share.lock_help": "학생이 숨긴 설정을 다시 볼 수 없어서 장면이 그대로 유지돼요.",
    "change.task": "과제",
    "change.seq_len": "시퀀스 길이",
    "change.hidden_size": "은닉 크기",
    "change.optimizer": "옵티마이저",
    "change.lr": "학습률",
    "change.batch_size": "배치 크기",
    "change.memory_init": "기억 게이트 초기화",
    "change.forget_bias": "기억 게이트 편향",
    "change.clip": "기울기 클리핑",
    "change.clip.zero": "끔",
    "change.seed": "시드",
    "change.models": "모델",
    "change.horizon": "예측 거리",
    "change.series": "가격 시계열",
    "change.max_steps": "단계 상한",
    "controls.training": "학습",
    "controls.play.help": "계속 학습하며 약 1초마다 차트를 새로 그려요.",
    "controls.pause": "일시정지",
    "controls.start": "시작",
    "controls.start.help": "모델들을 같은 배치로 나란히, 실시간으로 학습시켜요.",
    "controls.resume": "계속",
    "controls.steps_per_click": "클릭당 단계 수",
    "controls.steps_per_click.help": "단계 버튼 한 번에 학습할 단계 수예요.",
    "controls.step": "{n}단계 진행",
    "controls.step.help": "그만큼 학습한 뒤 멈춰요.",
    "controls.reset": "처음으로",
    "controls.reset.help": "같은 초기 가중치와 배치로 0단계부터 다시 시작해요.",
    "controls.new_seed": "새 시드",
    "controls.new_seed.help": "새 초기 가중치로 처음부터 다시 시작해요.",
    "controls.restarted": "설정을 바꿔서 경주가 0단계부터 다시 시작했어요: {changes}.",
    "worker.lost": ("**학습이 잠시 멈췄어요:** {reason}. 잃은 것은 없어요. 실행에서의 위치는 "
                    "그대로이고, 작업 프로세스가 응답하면 같은 숫자로 이어서 학습해요(프로세스가 "
                    "죽었다면 새 프로세스가 저절로 시작돼요)."),
    "worker.failed": ("**이 실행은 학습할 수 없어요:** {reason}. 다른 실행은 계속 학습해요. "
                      "설정을 바꾸거나 새 시드를 눌러 보세요."),
    "worker.error": "**학습 작업 프로세스가 답하지 못했어요:** {reason}. 학습은 계속돼요.",
    "worker.why.no_start": "학습 작업 프로세스를 시작할 수 없었어요",
    "worker.why.stopped": "학습 작업 프로세스가 멈췄어요. 다시 요청해 주세요",
    "worker.why.no_answer": "학습 작업 프로세스가 {seconds:g}초 안에 답하지 않았어요",
    "worker.why.slow_start": "학습 작업 프로세스가 {seconds:g}초 안에 시작되지 않았어요",
    "worker.why.silent": ("학습 작업 프로세스가 {seconds:.0f}초 동안 아무것도 보내지 않았어요. 바쁘거나 "
                          "다시 시작하는 중일 수 있어요"),
    "controls.busy": "서버가 바빠요. 실행 {runs}개가 동시에 학습 중이라 각각 느려져요.",
    "controls.close_gate": "망각 게이트 닫기(편향 0)",
    "controls.open_gate": "기억 게이트 초기화를 chrono로",
    "controls.open_gate.help": ("chrono 초기화(Tallec & Ollivier 2018): 망각 게이트가 열린 채로 "
                                "시작해, 유닛마다 시퀀스 길이까지 저마다의 구간만큼 기억을 지켜요."),
    "controls.close_gate.help": ("기억 게이트 편향을 PyTorch 기본값인 0으로 고정해요. 그러면 "
                                 "LSTM의 망각 게이트가 0.5 근처에서 시작해 매 단계 기억이 절반으로 "
                                 "줄어요. 사이드바의 기억 게이트 초기화로 되돌릴 수 있어요."),
    "counter.diverged": "발산",
    "counter.text": "**{step} / {cap}단계** · {scores} <small>(검증 {metric})</small>",
    "duration.s": "{s}초",
    "duration.min": "{min}분",
    "duration.h_min": "{h}시간 {min}분",
    "texts.the_model": "{model}",
    "texts.vs": " 대 ",
    "texts.and": ", ",
    "texts.race_title": "경주: {models}",
    "texts.race_title_alone": "경주: {model} 단독",
    "texts.climbs_away": "에서 위로 멀어져요",
    "texts.falls_below": " 아래로 내려가요",
    "texts.race_intro_many": ("모델들이 같은 배치로 학습하며, {goal}. 실선은 검증 시퀀스의 "
                              "결과예요. 기억하는 모델은 {line}{away}."),
    "texts.race_intro_one": ("이번 경주의 모델은 {model} 하나예요. 시퀀스를 차례로 받아 "
                             "학습하며, {goal}. 실선은 검증 시퀀스의 결과예요. 기억하는 모델은 "
                             "{line}{away}."),
    "texts.next_lstm": "다음: 지연을 늘려 보거나, 망각 게이트를 닫고 LSTM도 실패하는 것을 지켜보세요.",
    "texts.next_add_lstm": "다음: 사이드바의 모델에서 LSTM을 추가해 {models}와(과) 겨뤄 보세요.",
    "texts.next_exploded_clip": ("다음: 기울기가 폭발해 손실이 치솟았어요. 사이드바에서 기울기 클리핑을 켜 "
                                 "보세요(1). 기울기 노름이 그 값을 넘는 단계마다 그 값으로 줄어들고, "
                                 "경주가 같은 배치로 다시 시작돼요."),
    "texts.next_lstm_longest": ("다음: 지금이 가장 긴 지연이에요. 망각 게이트를 닫고 LSTM도 실패하는 것을 "
                                "지켜보거나, adding 과제로 겨뤄 보세요."),
    "texts.next_open_gate": ("다음: 사이드바에서 기억 게이트 초기화를 chrono로 되돌리고, 망각 게이트를 연 채로 "
                             "같은 지연을 겨뤄 보세요."),
    "texts.next_open_gate_button": ("다음: 아래의 **기억 게이트 초기화를 chrono로** 버튼을 누르고, 망각 "
                                    "게이트를 연 채로 같은 지연을 겨뤄 보세요."),
    "texts.next_diverged_clip": ("다음: 기울기가 폭발해 학습이 멈췄어요. 사이드바에서 기울기 클리핑을 켜거나(1) "
                                 "학습률({lr})을 낮춰 보세요. 경주가 그 설정으로 다시 시작돼요."),
    "texts.next_diverged_lr": ("다음: 클리핑을 해도 갱신이 너무 컸어요. 사이드바에서 학습률({lr})을 낮춰 보세요. "
                               "경주가 그 설정으로 다시 시작돼요."),
    "texts.the_unit": "유닛",
    "texts.the_units": "유닛 {n}개",
    "texts.gates_of": "{model}의 게이트({gates})",
    "texts.inside_heatmaps": ("히트맵은 탐침 시퀀스 하나의 모든 단계, 모든 유닛에 대해 {names}를 "
                              "보여 줘요. 점선은 기억해야 할 내용이 있는 단계예요."),
    "texts.start_explodes": ("**시작할 때 {model}의 기울기가 폭발해요.** σ_max(W_hh)가 {sigma}로 "
                             "1/γ = 1보다 크고 상태가 포화되지 않아서, 오차 신호가 거슬러 갈수록 "
                             "커져요. ‖∂L/∂h_1‖이 ‖∂L/∂h_{T}‖의 {ratio}배예요(왼쪽 차트). {clip}"),
    "texts.start_clip": "기울기 클리핑은 노름이 {clip}을 넘는 기울기를 줄여요.",
    "texts.start_no_clip": "클리핑이 꺼져 있어서(0) 한 단계가 가중치를 크게 튀게 해도 막을 것이 없어요.",
    "texts.start_shrinks": ("시작할 때 {model}의 σ_max(W_hh)는 {sigma}로 1/γ = 1보다 크지만, 오차 "
                            "신호는 거슬러 갈수록 여전히 줄어요. ‖∂L/∂h_1‖이 ‖∂L/∂h_{T}‖의 {ratio}배예요. "
                            "1/γ보다 큰 것은 폭발의 필요조건일 뿐 충분조건이 아니에요. 상태가 포화된 "
                            "곳의 tanh′ < 1과 기울기의 방향이 신호를 줄여요. 설정에서 RNN 초기 이득"
                            "(시작할 때의 σ_max)을 키우면 커질 수 있어요."),
    "texts.start_vanishes": ("시작할 때 {model}의 σ_max(W_hh)는 {sigma}로 1/γ = 1 이하라서, 오차 "
                             "신호는 거슬러 갈수록 줄어들 수밖에 없어요. ‖∂L/∂h_1‖이 "
                             "‖∂L/∂h_{T}‖의 {ratio}배예요."),
    "texts.inside_follow": "*학습 따라가기*를 끄면 앞선 스냅숏을 돌아볼 수 있어요.",
    "verdict.diverged": "{model}: {step}단계에서 발산(손실이나 기울기가 NaN 또는 무한대가 됨)",
    "verdict.grad_before_nan": "그 전까지 가장 큰 기울기 노름은 {step}단계의 {norm}",
    "verdict.exploded": ("기울기 폭발: 노름이 {step}단계에서 {norm}에 이르러 클리핑 임계값 {clip}을 "
                         "크게 넘었고, 학습 손실이 {loss_step}단계에서 {loss}까지 치솟음(시작은 "
                         "{start})"),
    "verdict.exploded_unclipped": ("기울기 폭발: 클리핑 없이 노름이 {step}단계에서 {norm}에 "
                                   "이르렀고, 학습 손실이 {loss_step}단계에서 {loss}까지 "
                                   "치솟음(시작은 {start})"),
    "verdict.clipped": ("클리핑이 기울기를 잡음: 노름이 {step}단계에서 {norm}에 이르렀지만 "
                        "클리핑이 {clipped}개 단계에서 {clip}(으)로 줄였고, 학습 손실은 치솟지 "
                        "않음(최대 {loss})"),
    "verdict.no_score": "{model}: 아직 검증 점수 없음",
    "verdict.value": "검증 {metric} {score}",
    "verdict.solved": "{model}: {step}단계에서 {solved} ({value})",
    "verdict.lost": "{model}: {step}단계에서 {solved}, 이후 다시 놓침 ({value}, {reference})",
    "verdict.chance": "{model}: {chance}에 머묾 ({value})",
    "verdict.worse": "{model}: {chance}보다 나쁨 ({value}, {reference})",
    "verdict.learning": "{model}: 학습 중 ({value}, {reference})",
    "verdict.untrained": "아직 학습 전이에요. {sentence}.",
    "verdict.capped": "{sentence}. 단계 상한({cap})에서 학습을 멈췄어요.",
    "verdict.label": "판정",
    "race.no_probes": ("프로브 차트가 없어요. 모든 모델이 발산했고, 가중치가 NaN이거나 무한한 모델에는 "
                       "잴 기울기가 없어요."),
    "race.slow": ("이 설정에서는 학습 한 단계에 {seconds}초가 걸려서 차트가 단계마다 한 번씩 "
                  "움직여요. 시퀀스를 짧게 하거나 유닛 수를 줄이면 빨라져요."),
    "race.task": "과제: {describe} 출처: {source}.",
    "race.slow_run": ("이 페이지의 속도(초당 {pace}단계)로는 {goal}까지 남은 {steps}단계에 "
                      "{wait} 걸려요. 시퀀스를 짧게 하거나 유닛 수를 줄이면 빨라져요."),
    "race.slow_remedy": "느린 편이에요. 시퀀스를 짧게 하거나 유닛 수를 줄이면 빨라져요.",
    "expect.measured": ("지연 {lag}에서 {model}이(가) 과제를 풀기까지 보통 {steps}가 필요해요. 이 "
                        "설정의 기준 스윕(기억의 지평 페이지)에서 시드 {seeds}개가 모두 그 안에 "
                        "풀었어요."),
    "expect.between": ("지연 {lag}에서 {model}이(가) 과제를 풀기까지 보통 약 {steps}가 필요해요. 기준 "
                       "스윕의 시드 {seeds}개가 이 설정에서 모두 푼 지연 {a}과 {b} 사이를 "
                       "보간한 값이에요(기억의 지평 페이지)."),
    "expect.steps": "{low}–{high}단계",
    "expect.steps_one": "{steps}단계",
    "expect.time": "이 페이지의 속도(초당 {pace}단계)로는 남은 단계에 {wait} 걸려요.",
    "expect.about": "약 {time}",
    "expect.about_range": "약 {low}에서 {high}",
    "expect.up_to": "최대 약 {time}",
    "expect.past": "이 실행은 {step}단계로 그 {high}단계를 지났지만 {model}이(가) 아직 풀지 못했어요.",
    "expect.cap": "이 실행의 단계 상한 {cap}에서 그 전에 멈춰요.",
    "expect.cap_may": "이 실행의 단계 상한 {cap}에서 그 전에 멈출 수도 있어요.",
    "expect.goal_usual": "{model}의 보통 {high}단계",
    "expect.goal_cap": "단계 상한",
    "export.title": "이 실행 내보내기",
    "export.playing": ("기록과 가중치는 화면에 보이는 단계의 것인데, 경주가 진행되는 동안에는 이 "
                       "단계가 계속 움직여요. 내려받으려면 일시정지하세요."),
    "export.paused": ("화면에 보이는 {step}단계까지의 기록이에요. 열 이름에 단위가 들어 있어요. "
                      "가중치 파일은 torch.load(file, weights_only=True)로 읽을 수 있고, "
                      "\"models\"에 모델별 state_dict가 들어 있어요."),
    "export.history": "학습 기록(CSV)",
    "export.history.help": "모든 모델의 모든 학습 단계: 배치의 손실과 지표, 클리핑 전 기울기 노름.",
    "export.held_out": "검증 결과(CSV)",
    "export.held_out.help": "평가할 때마다 기록한 모든 모델의 검증 지표와 손실.",
    "export.probes": "탐침 기록(CSV)",
    "export.probes.help": ("스냅숏마다, 시간 단계 t별로: ‖∂L/∂h_t‖, ‖∂L/∂c_t‖(LSTM), 연결성, 단계별 "
                           "배율과 T부터 t까지 거슬러 간 그 곱."),
    "export.weights": "가중치(.pt)",
    "export.weights_of": "{step}단계의 가중치(.pt)",
    "export.weights.help": "{step}단계에서 모든 모델의 가중치.",
    "export.script": "PyTorch 스크립트(.py)",
    "export.script.help": ("이 앱 없이도 돌아가는 파이썬 파일이에요. 같은 초기 가중치에서 같은 "
                           "배치로 같은 모델들을 학습시키고, 단계마다 학습 손실을 출력해요."),
    "export.ahead": ("실행은 최신 가중치만 보관하는데, 지금 {step}단계에 있어요(화면의 단계보다 "
                     "앞서 학습하고, 이 링크의 모든 세션이 함께 써요). 그래서 가중치는 "
                     "{shown}단계가 아니라 {step}단계의 것이에요."),
    "export.behind": ("실행은 최신 가중치만 보관하는데, 지금 {step}단계에 있어요. 그래서 "
                      "가중치는 {shown}단계가 아니라 {step}단계의 것이에요."),
    "export.go_to": "{step}단계로 이동",
    "export.go_to.help": "화면의 단계를 가중치의 단계로 옮겨, 기록과 가중치가 같은 단계가 되게 해요.",
    "export.no_upload_script": ("올린 가격 시계열로는 스크립트를 만들 수 없어요. 스크립트는 합성 "
                                "시계열을 다시 만드는데, 올린 파일은 거기에 들어 있지 않으니까요."),
    "setting.rnn_gain": "RNN 초기 이득 σ_max(W_hh)",
    "setting.rnn_gain.help": ("시작할 때 RNN의 순환 가중치 W_hh를 가장 큰 특잇값이 이 값이 되도록 "
                              "조정해요. 1보다 크면 오차 신호가 한 스텝 거슬러 갈 때마다 커질 수 "
                              "있어요. 이것이 기울기 폭발이고, 기울기 클리핑이 이를 막아요. "
                              "0이면 PyTorch의 초기화를 그대로 써요."),
    "setting.proj_size": "투영 크기(LSTMP)",
    "setting.proj_size.help": ("LSTMP의 투영된 h_t 크기예요. 게이트와 출력층이 셀 유닛 H개를 몇 "
                               "개의 수로 줄여서 보는지 정해요(은닉 크기보다 작아야 하고, 0이면 그 "
                               "절반)."),
    "sidebar.lstmp_hidden": "LSTMP에는 유닛이 2개 이상 필요해서 은닉 크기 2를 써요.",
    "sidebar.proj_clamped": ("LSTMP의 투영 크기는 유닛 수({hidden})보다 작아야 해요. 투영 크기: "
                             "{proj} → {using}."),
    "change.proj_size": "투영 크기",
    "change.proj_size.zero": "은닉 크기의 절반",
    "change.rnn_gain": "RNN 초기 이득 σ_max(W_hh)",
    "change.rnn_gain.zero": "PyTorch 기본 초기화",
    # --- pages: gradients, horizon, prompt, prices, primer ---
    "gradients.title": "기울기 흐름",
    "gradients.intro": (
        "손실은 마지막 단계 T에서 계산돼요. 학습하려면 이 오차 신호가 정보를 담고 있던 단계까지 "
        "거슬러 가야 해요. 첫 번째 차트는 각 단계 t에 신호가 얼마나 도달하는지 로그 눈금으로 "
        "보여 줘요. 바닐라 RNN의 ‖∂L/∂h_t‖는 대개 몇 자릿수씩 줄어드는 반면(기울기 소실: RNN "
        "초기 이득이 크면 오히려 커질 수도 있어요. 기울기 폭발이고, 차트 아래 안내가 이 실행에서 "
        "어느 쪽인지 알려 줘요), LSTM의 셀 상태 경로 "
        "‖∂L/∂c_t‖는 신호를 지켜 내요(모델이 학습을 마치면 손실이 작아져 기울기도 모두 "
        "작아지니, 곡선의 높이가 아니라 모양을 보세요). 아래 차트들은 그 까닭을 단계별로 보여 "
        "줘요. 경주 페이지에서 망각 게이트를 닫고(상수 편향 0) 비교해 보세요."),
    "gradients.not_finite": ("{model}: 기울기가 유한하지 않아서 이후 단계의 차트에서는 "
                             "뺐어요."),
    "gradients.mechanism": (
        "**숫자로 보는 원리.** 한 단계 거슬러 갈 때마다 RNN의 기울기에는 W_hhᵀ diag(1 − h_t²)가 "
        "곱해져요. 실선은 이 행렬이 실제 기울기를 키우거나 줄이는 배율이고, 점선은 최악의 "
        "경우인 max(1 − h_t²) · σ_max(W_hh)예요(Pascanu et al. 2013). LSTM의 셀 상태를 "
        "따라서는 곱해지는 값이 망각 게이트 f_t 하나뿐이고(Gers et al. 2000), GRU에서는 "
        "업데이트 게이트 z_t예요. 오른쪽의 곱은 T − t 단계를 거슬러 가는 동안 쌓인 전체 "
        "효과로, 각 t에서 왼쪽 차트의 인수를 t + 1부터 T까지 곱한 값이에요."),
    "gradients.sigma_note": (
        "Pascanu, Mikolov & Bengio (2013): 활성화 함수 미분값의 상한을 γ라 하면(|tanh′| ≤ γ = 1), "
        "최대 특잇값이 1/γ = 1보다 작은 것은 기울기 소실의 충분조건이고, 1보다 큰 것은 기울기 "
        "폭발의 필요조건이에요. 기울기가 소실되는데도 σ_max가 1보다 큰 것은 모순이 아니에요. "
        "σ_max는 모든 방향 가운데 최악의 경우이고, 실제 배율은 tanh′ < 1과 기울기의 방향에도 "
        "달려 있기 때문이에요."),
    "horizon.title": "기억의 지평",
    "horizon.intro": (
        "각 모델은 얼마나 먼 과거까지 기억할까요? 점 하나하나는 한 시퀀스 길이에서 경주와 같은 "
        "배치로 따로 학습한 모델을 검증 시퀀스로 채점한 결과예요. 과제를 풀면 그 실행은 일찍 "
        "멈춰요. 선은 시드들의 중앙값이고, 띠는 가장 나쁜 시드부터 가장 좋은 시드까지의 "
        "범위예요."),
    "horizon.reference": ("이 프로젝트의 컴퓨터에서 `{command}` 명령으로 측정했어요(기본 설정, "
                          "{task} 과제)."),
    "horizon.yours": "사이드바 설정으로 돌리는 내 스윕",
    "horizon.lengths": "시퀀스 길이",
    "horizon.lengths_help": "길이 하나마다 차트에 모델별로 점이 하나씩 찍혀요.",
    "horizon.seeds": "점당 시드 수",
    "horizon.seeds_help": ("시드가 많을수록 실행 사이의 편차가 잘 보이지만, 시드 하나마다 실행이 "
                           "하나씩 늘어요."),
    "horizon.pick": "길이를 하나 이상 고르고 시드 수를 정하세요.",
    "horizon.plan": ("**실행 {runs}회** (모델 {models}개 × 길이 {lengths}개 × 시드 {seeds}개, "
                     "각각 최대 {cap}단계)"),
    "horizon.pending": ("{plan}. 이 서버에서 이미 {done}회를 마쳤어요. 서버가 한가할 때 예상 "
                        "시간: **최대 {time}** (과제를 풀면 실행이 일찍 멈추므로 보통 훨씬 "
                        "짧아요). 스윕은 실시간 학습이 남긴 CPU만 쓰므로, 다른 사람들이 이 "
                        "서버에서 학습 중이면 더 걸려요."),
    "horizon.all_done": "{plan}: 이 서버에서 모두 마쳐서 아래 차트가 준비되어 있어요.",
    "horizon.partial": ("지금까지 {total}개 중 {done}개 실행: 각 점은 그 길이에서 끝난 시드들의 "
                        "중앙값이에요."),
    "horizon.resume": "**스윕 실행**을 누르면 여기서부터 이어서 해요.",
    "horizon.too_long": ("{minutes}분이 넘게 걸려요. 길이나 시드를 줄이거나, 단계 상한을 "
                         "낮추거나, 모델 수를 줄이세요."),
    "horizon.run": "스윕 실행",
    "horizon.cancel": "취소",
    "horizon.cancel_help": "지금 도는 틱이 끝나면 멈춰요. 끝난 실행은 그대로 남아요.",
    "horizon.progress": "{model} 학습 중 (T = {T}, 시드 {seed}): 실행 {total}회 중 {done}회 완료",
    "prompt.title": "다음 글자: 한국어와 영어",
    "prompt.example.polite": "{style} (가족에게)",
    "prompt.example.plain": "{style} (일기)",
    "prompt.example.formal": "{style} (격식)",
    "prompt.example.one": "영어: 주어 하나",
    "prompt.example.many": "영어: 주어 여럿",
    "prompt.offer": (
        "한국어 LSTM 실습 노트북은 대개 문장의 다음 글자를 예측하는 모델로 마무리해요. 이 "
        "페이지도 같은 일을 하는데, 어떤 글자 하나를 문장 첫머리로만 예측할 수 있는 문장을 써요. "
        "{went} 뒤의 어미({formal}, {polite}, {plain})는 누구에게 말하는지가 정하고, **was**나 "
        "**were**는 여러 단어 앞의 주어가 정해요."),
    "prompt.use_text": "텍스트로 학습하기",
    "prompt.use_text_help": ("사이드바의 과제를 text로, 학습률을 {lr}로 바꾸고 학습을 시작해요. "
                             "기본값 0.002에서는 LSTM이 단계 상한 안에 좋은 글자 모델이 되지 "
                             "못해요."),
    "prompt.use_text_note": ("이 버튼은 학습률도 {lr}로 바꿔요(0.002에서는 LSTM이 먼 거리의 "
                             "어미는 배우지만, 2000단계 안에 글을 잘 쓰지는 못해요)."),
    "prompt.intro": (
        "모든 모델이 프롬프트를 첫 글자부터 읽고, 다음에 올 확률이 가장 높은 글자 5개를 보여 준 "
        "뒤 글을 이어 써요. 예시는 학습 윈도우와 비슷한 문장이에요. 첫머리가 약 {seq_len}글자 "
        "앞(시퀀스 길이)에 있고, 그 첫머리만이 정하는 글자 바로 앞에서 끊겨 있어요. {went} 같은 "
        "과거형 동사 뒤에는 가족에게 말할 때 {eo}({polite}), 일기에서는 {da}({plain}), 청중 "
        "앞에서는 {seup}({formal})이 와요. 영어에서는 **w** 뒤에 주어가 하나면 a(was), 여럿이면 "
        "e(were)가 와요. 첫머리를 그만큼 멀리 실어 나르지 못한 모델은 찍을 수밖에 없어요. 학습한 "
        "윈도우보다 짧은 프롬프트에는 과제를 푼 모델도 속을 수 있어요."),
    "prompt.prompt": "프롬프트 (한국어 또는 영어)",
    "prompt.prompt_help": "최대 {max}글자까지 쓸 수 있어요. 모델이 본 적 없는 글자는 빠져요.",
    "prompt.mode": "이어 쓰기",
    "prompt.mode_help": ("그리디: 늘 확률이 가장 높은 글자를 써요. 샘플링: 모델의 확률에 따라 "
                         "뽑되 실행의 시드를 쓰므로, 모델과 프롬프트가 같으면 같은 글이 "
                         "나와요."),
    "prompt.mode.greedy": "그리디",
    "prompt.mode.sampled": "샘플링",
    "prompt.temperature": "온도",
    "prompt.temperature_help": ("샘플링에서만 써요. 1보다 작으면 확률 분포가 뾰족해지고, "
                                "1보다 크면 평평해져요."),
    "prompt.left_out": "모델이 본 적 없는 글자 {n}개를 뺐어요: {shown}.",
    "prompt.all_diverged": "모든 모델이 발산했어요. 물어볼 모델이 없어요.",
    "prompt.at_step": "{step}단계 시점의 모델이에요.",
    "prompt.untrained": ("0단계의 모델은 아직 학습되지 않았어요. 이 답은 무작위로 시작한 가중치에서 "
                         "나왔어요. **시작**을 눌러 학습시켜 보세요."),
    "prompt.past_cap": ("이 공유 실행은 이 링크의 다른 사람들이 {step}단계까지 학습시켜서, 여러분의 단계 "
                        "상한 {cap}을 넘었어요. 모델의 가중치는 최신 단계에만 있으니, 사이드바에서 "
                        "단계 상한을 올리면 물어볼 수 있어요."),
    "prompt.newest": ("이 답은 위에 보이는 {shown}단계가 아니라, 이 공유 실행의 최신 단계인 "
                      "{step}단계 모델에서 나왔어요. 모델의 가중치는 여러분이나 이 링크의 다른 "
                      "사람이 학습시킨 최신 단계에만 있기 때문이에요. **계속**이나 단계 버튼을 "
                      "눌러 따라잡으세요."),
    "prompt.continues": "의 이어 쓰기: ",
    "prompt.empty": "먼저 프롬프트를 입력하세요. 모델이 입력한 글을 이어 써요.",
    "prompt.too_long": ("프롬프트가 {n}글자인데, 한도는 {max}글자예요. 모델은 첫 글자부터 "
                        "읽으니 줄여 주세요."),
    "prompt.no_known": "프롬프트의 글자 가운데 모델의 학습 텍스트에 있는 글자가 하나도 없어요.",
    "prompt.task.describe": ("한국어와 영어 문장의 다음 글자를 하나하나 예측해요. 채점은 최대 "
                             "{seq_len}글자 앞의 문장 첫머리만이 정하는 글자로 해요({went} "
                             "뒤의 어미 {endings}, 또는 was/were)."),
    "prompt.task.goal": ("다음 글자를 모두 예측해야 하는데, 채점하는 글자는 여러 글자 앞의 "
                         "문장 첫머리로만 예측할 수 있어요"),
    "prompt.task.chance": "문맥 없는 기준선",
    "prompt.task.line": "문맥 없는 기준선",
    "prompt.task.no_context": "긴 문맥 없이: 가장 흔한 어미 ({chance})",
    "prices.title": "가격: 시계열 예측",
    "prices.offer": (
        "RNN과 LSTM을 비교하는 논문은 주가 예측을 자주 다뤄요. 이 페이지에서는 느린 계절성이 "
        "있는 합성 가격 시계열이나 직접 올린 CSV로 모델을 학습시키고, 어떤 모델이든 넘어서야 "
        "하는 예측과 비교해 채점해요. 바로 마지막 가격, 그리고 마지막 가격에 한 계절 전의 "
        "변화량을 더한 값이에요."),
    "prices.use_prices": "가격으로 학습하기",
    "prices.use_prices_help": ("사이드바의 과제를 series로, 예측 구간을 {horizon}단계로 바꾸고(한 단계 "
                               "앞에서는 잡음이 모델이 배울 수 있는 계절성을 가려요) 학습을 시작해요."),
    "prices.intro": (
        "각 모델은 로그 가격 {seq_len}개로 된 윈도우를 읽고 {horizon}단계 뒤의 가격을 "
        "예측해요. 점수는 어떤 모델도 학습에 쓰지 않는 시계열의 마지막 20%에서 잰 RMSE이고, "
        "예측 거리 동안의 전형적인 변화량을 단위로 해요. **단순 예측**은 마지막 가격을 그대로 "
        "되풀이하고, **계절성 단순 예측**은 여기에 한 계절 전 같은 단계들 동안의 변화량을 "
        "더해요."),
    "prices.honest": (
        "**가격 예측, 솔직하게.** 실제 가격에서는 단순 예측을 이기기가 매우 어려워요. 내일 "
        "가격은 오늘 가격에 잡음이 더해진 것이고, 과거 가격의 윈도우가 아무리 길어도 그 잡음은 "
        "예측할 수 없기 때문이에요. 합성 시계열에는 실제 가격에 없는 것이 있어요. 잡음 아래에 "
        "{period}단계짜리 계절이 숨어 있고, 이는 기본 RNN의 기억보다 길어요. 그래서 충분히 먼 "
        "과거까지 보는 모델만 지금 가격이 계절의 어디쯤인지 알 수 있어요."),
    "prices.upload": "내 가격 데이터 쓰기 (CSV)",
    "prices.upload_caption": ("머리글 행이 있는 쉼표 구분 파일(최대 {mb} MB, UTF-8 또는 CP949)을 "
                              "올리세요. 양수인 가격이 시간순(오래된 것부터)으로 {rows}개 이상 "
                              "든 열이 있어야 해요."),
    "prices.csv_file": "CSV 파일",
    "prices.unchanged": "{problem} 지금 쓰는 시계열은 그대로예요.",
    "prices.column": "가격 열",
    "prices.column_help": ("가격이 든 열(오래된 것부터)을 고르세요. 숫자로 읽히는 날짜 "
                           "열(20240131)은 가격이 아니에요."),
    "prices.use_upload": "이 열로 학습하기",
    "prices.upload_name": "{file}의 '{column}' 열",
    "prices.your_upload": "올린 파일",
    "prices.in_use": "사용 중: {name} ({series}).",
    "prices.back": "합성 시계열로 돌아가기",
    "prices.verdict": "**판정:** {verdict}",
    "prices.task": "과제: {task}",
    "prices.task.describe": ("{where}에서 가격 {seq_len}개로 된 윈도우가 끝나고 {horizon}단계 "
                             "뒤의 로그 가격을 예측해요. RMSE는 {horizon}단계 동안의 전형적인 "
                             "변화량을 단위로 해요."),
    "prices.task.synthetic": "합성 시계열",
    "prices.task.uploaded": "직접 올린 시계열",
    "prices.task.goal": "각 가격 윈도우가 끝나고 {horizon}단계 뒤의 가격을 예측해야 해요",
    "prices.task.solved": "단순 예측을 10% 이상 앞섬",
    "prices.task.chance": "단순 예측",
    "prices.task.line": "단순 예측의 선",
    "prices.task.naive": "단순 예측, 다음 = 마지막: {value}",
    "prices.task.seasonal": "계절성 단순 예측({period}단계 계절): {value}",
    "prices.task.plateau": "계절성 단순 예측의 점수가 {score}이니, 배울 계절성이 있어요",
    "prices.task.gone": ("서버가 다시 시작되어 올린 시계열({key})이 더 이상 없어요. 파일을 다시 "
                         "올려 주세요"),
    "prices.task.too_few": ("시계열의 가격이 {n}개뿐이라, 길이 {seq_len}의 윈도우와 예측 거리 "
                            "{horizon}단계에는 너무 적어요. 윈도우를 줄이세요"),
    "prices.upload.save_as_csv": ("Excel에서 파일 > 다른 이름으로 저장 > 'CSV UTF-8(쉼표로 "
                                  "분리)'로 저장한 뒤 그 파일을 올려 주세요."),
    "prices.upload.empty": ("파일이 비어 있어요. 첫 행에 열 이름이 있고 가격이 {rows}행 이상 "
                            "있는 CSV를 올려 주세요."),
    "prices.upload.no_numeric": ("파일에 숫자가 든 열이 없어요. 찾은 열: {names}. 가격 열이 "
                                 "있는 쉼표 구분 파일을 올려 주세요(채워진 칸의 {share} 이상이 "
                                 "숫자여야 해요)."),
    "prices.upload.no_such_column": ("파일에 {name} 열이 없어요. 있는 열: {names}. 이 가운데 "
                                     "하나를 고르세요."),
    "prices.upload.too_few_rows": ("{name} 열에는 데이터가 {rows}행뿐이에요. 예측을 학습하고 "
                                   "검증하려면 {min}행 이상이 필요해요. 더 긴 가격 기록을 올려 "
                                   "주세요."),
    "prices.upload.not_prices": "{name} 열은 가격 열이 아니에요. {count}{where}. {advice}",
    "prices.upload.not_number_is.one": "숫자가 아닌 칸이 {n}개 있어요",
    "prices.upload.not_number_is.many": "숫자가 아닌 칸이 {n}개 있어요",
    "prices.upload.choose_numeric": "숫자 열을 고르세요: {names}.",
    "prices.upload.none_numeric": "파일에 숫자가 든 열이 없어요. 가격 열이 있는 파일을 올려 주세요.",
    "prices.upload.bad_cells": ("{name} 열에 {count}가 있어요{where}. {rows} 고치거나 지운 뒤 "
                                "파일을 다시 올려 주세요."),
    "prices.upload.not_number_that.one": "숫자가 아닌 칸 {n}개",
    "prices.upload.not_number_that.many": "숫자가 아닌 칸 {n}개",
    "prices.upload.that_row": "그 행을",
    "prices.upload.those_rows": "그 행들을",
    "prices.upload.missing": ("{name} 열에 {count}가 있어요{where}. 빈칸은 자동으로 채우거나 "
                              "건너뛰지 않으니, {them} 채우거나 지운 뒤 파일을 다시 올려 "
                              "주세요."),
    "prices.upload.missing.one": "결측값 {n}개",
    "prices.upload.missing.many": "결측값 {n}개",
    "prices.upload.it": "그 칸을",
    "prices.upload.them": "그 칸들을",
    "prices.upload.constant": ("{name} 열의 값이 모두 같아서({value}) 예측할 것이 없어요. "
                               "가격이 변하는 열을 고르세요."),
    "prices.upload.not_positive": ("예측은 로그 가격으로 계산하므로 가격은 양수여야 하는데, "
                                   "{name} 열에 {count}가 있어요{where}. 변화량이나 수익률이 "
                                   "아닌 가격 열을 고르세요."),
    "prices.upload.not_positive.one": "0이거나 음수인 값 {n}개",
    "prices.upload.not_positive.many": "0이거나 음수인 값 {n}개",
    "prices.upload.too_big": ("파일 크기가 {size} MB인데, 한도는 {limit} MB예요. 더 짧은 가격 "
                              "기록을 올리거나 필요 없는 열을 지워 주세요."),
    "prices.upload.binary": ("이 앱이 읽을 수 있는 인코딩의 CSV 텍스트가 아니에요. 스프레드시트 "
                             "통합 문서(.xlsx)이거나 UTF-16으로 저장한 텍스트로 보여요. "
                             "{save}"),
    "prices.upload.encoding": ("파일의 텍스트 인코딩을 읽을 수 없어요. 이 앱은 UTF-8(BOM이 "
                               "있든 없든)과 CP949(EUC-KR, 한국어 Windows)를 받아요. {save}"),
    "prices.upload.unreadable": "파일을 CSV 표로 읽을 수 없어요: {problem}. {save}",
    "prices.upload.fields": "{line}행은 칸이 {seen}개인데 머리글 행은 {expected}개예요",
    "prices.upload.quote": "{row}행에서 연 따옴표가 닫히지 않아요",
    "prices.upload.row": "{row}행",
    "prices.upload.row_shown": "{row}행: {shown}",
    "prices.upload.where_one": " ({place})",
    "prices.upload.where_many": " (첫 번째는 {place})",
    "prices.upload.and_more": "{shown} 외 {extra}개",
    "primer.title": "입문: 기울기 소실과 폭발",
    "primer.intro": (
        "시간에 따른 역전파(BPTT)는 오차 신호에 단계마다 인수를 하나씩 곱해요. 슬라이더를 "
        "움직여 보세요. 1보다 작은 인수 w는 w^t를 0을 향해 줄이고(소실), 1보다 큰 인수는 한없이 "
        "키우며(폭발), w = 1일 때만 신호가 지연 전체에 걸쳐 그대로 전달돼요."),
    "primer.linear": "시퀀스의 {T}단계에 걸친 w^t",
    "primer.log": "같은 곡선, 로그 축",
    "primer.after": "{T}단계 뒤 $w^T$ = {w}^{T} = **{value}**.",
    "primer.rnn": (
        r"**RNN**은 $h_t = \tanh(W_{hh} h_{t-1} + W_{ih} x_t)$를 계산하므로, 한 단계 거슬러 "
        r"갈 때마다 기울기에 $W_{hh}^\top \mathrm{diag}(1 - h_t^2)$가 곱해져요. 행렬이지만 "
        r"$w$처럼 작용해요. 그 배율이 1에 머물지 않으면 먼 과거에서 오는 신호는 소실되거나 "
        "폭발해요(Pascanu, Mikolov & Bengio 2013)."),
    "primer.explode_link": "w > 1을 실제 학습에서: 이야기 {n}번 장면, 기울기가 폭발하는 RNN과 클리핑한 같은 RNN",
    "primer.lstm": (
        r"**LSTM**은 두 번째 경로를 더해요. 셀 상태 $c_t = f_t \odot c_{t-1} + i_t \odot g_t$는 "
        r"덧셈으로 갱신되므로, 이 경로를 따라서는 기울기에 망각 게이트 $f_t$만 곱해져요. "
        r"$f_t$가 1에 가까우면 바로 $w = 1$ 곡선이에요. Hochreiter & Schmidhuber의 상수 오차 "
        "회전목마(constant error carousel, 1997)인데, Gers et al.(2000)의 망각 게이트 덕분에 "
        "학습할 수 있게 되었어요."),
    "primer.references": (
        "**참고 문헌.** S. Hochreiter & J. Schmidhuber, *Long Short-Term Memory*, Neural "
        "Computation 9(8), 1997. · F. A. Gers, J. Schmidhuber & F. Cummins, *Learning to Forget: "
        "Continual Prediction with LSTM*, Neural Computation 12(10), 2000. · R. Pascanu, T. "
        "Mikolov & Y. Bengio, *On the difficulty of training recurrent neural networks*, ICML 2013."),
    "primer.one_step": ("**내 모델:** 시퀀스가 1단계뿐이라 거슬러 갈 단계가 없으니 곱할 것도 "
                        "없어요. 인수를 보려면 더 긴 시퀀스를 고르세요."),
    "primer.model_line": ("- {label}: 단계 T에서 단계 1까지 거슬러 간 곱 **{product}**, 매 단계 "
                          "w = **{w}**씩 곱한 것과 같아요(*기울기 흐름* 페이지에 있는 인수들의 "
                          "기하평균)"),
    "primer.no_finite": "- {model}: 유한한 인수 없음",
    "primer.now": "**지금 내 모델 (학습 {step}단계):**",
    # --- inside, figures, tasks ---
    "kind.lstmp.multiplier": "LSTMP: 망각 게이트 f_t (셀 상태를 따라)",
    "kind.lstmp.inside_note": ("LSTMP는 LSTM의 셀 상태 c_t를 그대로 갖지만, h_t는 o_t tanh(c_t)를 "
                               "더 적은 수로 투영한 것이에요. 게이트와 출력층은 이 h_t만 봐요."),
    "task.text.title": "텍스트(다음 글자, 한국어와 영어)",
    "task.text.source": "이 프로젝트를 위해 쓴 문장들; Karpathy 2015의 char-RNN",
    "task.series.title": "가격 시계열(다음 가격 예측)",
    "task.series.source": "계절성이 있는 합성 GBM, 또는 올린 CSV",
    "inside.title": "LSTM 들여다보기",
    "inside.follow": "학습 따라가기",
    "inside.follow_help": "켜면 가장 최근의 탐침 결과를 보여 줘요. 끄면 학습 중 앞선 시점을 고를 수 있어요.",
    "inside.one_snapshot": "아직 스냅숏이 하나뿐이에요. 몇 단계 더 학습하면 지난 시점을 돌아볼 수 있어요.",
    "inside.answer": "시퀀스 {n}(정답 **{right}**): {answer}",
    "inside.answers": "**{step}단계의 {model}** 답: {answers}.",
    "inside.no_probes": "{model}: 그 뒤로는 탐침 결과가 없어요.",
    "inside.no_gates": "게이트를 보려면 사이드바의 모델에서 LSTM(또는 GRU)을 추가하세요.",
    "inside.memory": "정답이 다른 두 시퀀스에서의 기억",
    "inside.memory_caption": ("실선은 탐침 시퀀스 1, 파선은 정답이 다른 첫 번째 탐침 시퀀스예요. 기억하는 모델은 마지막 단계까지 두 선을 "
                              "떨어뜨려 둬요."),
    "inside.flipped": "입력 하나를 바꾸면 기억에 남는 것",
    "inside.saturation": "게이트마다 포화되는 빈도",
    "inside.saturation_note": ("Karpathy, Johnson & Fei-Fei (2015)를 따라, 게이트 값이 0.1보다 작으면 왼쪽 포화, "
                               "0.9보다 크면 오른쪽 포화로 봐요. 점 하나가 유닛 하나이고, 탐침 시퀀스의 단계 가운데 각 포화 상태로 보낸 "
                               "비율에 따라 놓여요. 파선 대각선 위의 점은 그 사이 값을 한 번도 갖지 않아요. 오른쪽 끝에 있는 기억 "
                               "게이트(LSTM의 f, GRU의 z)는 기억을 오래 간직해요."),
    "panels.race_metric": "검증 {metric}, {length} {T}",
    "panels.unigram": "유니그램",
    "panels.bigram": "바이그램",
    "panels.bits": "글자당 비트",
    "panels.race_bits": "검증 글자당 비트, 모든 위치<br><sub>검증 윈도우 {n}개, 낮을수록 좋음</sub>",
    "panels.race_grad": ("클리핑 전 기울기 노름, 학습 단계마다<br><sub>클리핑은 {clip}보다 큰 "
                         "기울기를 모두 {clip}(으)로 줄여요</sub>"),
    "panels.race_grad_unclipped": ("기울기 노름, 학습 단계마다<br><sub>클리핑 없음: 모든 기울기를 "
                                   "그대로 적용해요</sub>"),
    "panels.race_forget": "탐침 시퀀스 1의 LSTM 망각 게이트 ({step}단계)",
    "panels.race_reach": "t = 1에 닿는 오차 신호 ({step}단계)<br><sub>탐침 시퀀스 {n}개에 대한 평균의 비</sub>",
    "panels.gate": "{model} {gate} ({step}단계)",
    "panels.answer": "정답 {answer}",
    "panels.state": "{model} {state}: 가장 많이 기대는 {units} ({step}단계)",
    "panels.memory_trace": ("입력 하나를 바꾸면 남는 것 ({step}단계)<br><sub>탐침 시퀀스 1(A) 대 바꾼 "
                            "사본(B){styles}</sub>"),
    "panels.solid": "실선",
    "panels.dotted": "점선",
    "panels.dashed": "파선",
    "panels.saturation": ("{gate}: 포화 ({step}단계)<br><sub>유닛마다 점 하나, 탐침 시퀀스 {n}개 × {steps}단계 "
                          "기준</sub>"),
    "panels.no_flip": ("{task} 과제에는 바꿔 볼 기억 대상 입력이 하나로 정해져 있지 않아서 여기에는 기억 흔적이 없어요(latch, adding, "
                       "order 과제에서는 볼 수 있어요)."),
    "panels.no_probe": "이 단계에서 탐침 결과가 있는 모델이 없어요.",
    "panels.probability": "정답 확률",
    "panels.prediction": "예측값",
    "panels.lost_from": "{model}(t = {t}부터)",
    "panels.memory_note": ("탐침 시퀀스 1(A)과 그 사본(B)은 {flip}만 달라요(정답 {rights}). 마지막 단계의 "
                           "{measure}(A / B): {ends}."),
    "panels.memory_lost": " {models}에서는 float64로 더 이상 A와 B를 구별할 수 없어요.",
    "panels.mean": "탐침 시퀀스 {n}개의 평균",
    "panels.geometric": "탐침 시퀀스 {n}개와 유닛에 대한 기하평균",
    "panels.grad_init": "단계 t에 닿는 오차 신호: 학습 전(0단계)",
    "panels.grad_now": "단계 t에 닿는 오차 신호: 지금({step}단계)",
    "panels.error_signal": "각 단계 t에 닿는 오차 신호 ({step}단계)",
    "panels.signal_part": "{line} {share}",
    "panels.signal_note": "{step}단계에서 각 선의 마지막 단계 오차 신호 가운데 t = 1에 닿는 몫: {parts}.",
    "panels.history": "{model}: 학습에 따른 log10 ‖∂L/∂h_t‖<br><sub>{mean}</sub>",
    "panels.factors": "한 단계 거슬러 갈 때의 인수 ({step}단계)",
    "panels.products": "단계 T부터 t까지의 곱 ({step}단계)",
    "panels.connectivity": "예측이 쓰는 입력: ‖∂예측/∂x_t‖ ({step}단계)",
    "panels.sigma": "{models}: 학습 중 W_hh의 최대 특잇값",
    "panels.horizon_yours": "얼마나 먼 과거까지 기억할까?<br><sub>{task}, 내 설정</sub>",
    "panels.horizon_reference": ("얼마나 먼 과거까지 기억할까?<br><sub>{task}, 기본 설정, "
                                  "시드 {seeds}개</sub>"),
    "panels.next_characters": "{model}: 다음 글자 상위 5개<br><sub>{step}단계</sub>",
    "panels.forecast": ("검증 예측과 실제값 ({step}단계)<br><sub>시계열의 마지막 20%에서 뽑은 윈도우 {n}개 중 "
                        "처음 {shown}개, {horizon}단계 앞</sub>"),
    "figures.diverged": "{model} ({step}단계에서 발산)",
    "figures.state_h": "은닉 상태 h_t",
    "figures.state_c": "셀 상태 c_t",
    "figures.log_scale": "{label} (로그 눈금)",
    "figures.loss": "학습 손실",
    "figures.loss_axis": "학습 배치의 손실",
    "figures.clipped_steps": "{model}: 클리핑된 단계 {n}개",
    "figures.clip_line": "클리핑 임계값 {clip}",
    "figures.grad_norm_axis": "클리핑 전 ‖기울기‖",
    "figures.alt": "차트: {title}. {said}.",
    "figures.alt_line": "{name}: {first}부터 {last}까지",
    "figures.alt_at": "{axis} {x}에서 {value}",
    "figures.alt_heatmap": "{rows}행 {columns}열의 히트맵, 값 {low}~{high}",
    "figures.alt_x": "x",
    "figures.alt_empty": "아직 데이터 없음",
    "figures.held_out": "{model}, 검증",
    "figures.training_batches": "{model}, 학습 배치",
    "figures.dotted_batches": "점선: 학습 배치, 최근 {n}단계 평균",
    "figures.training_step": "학습 단계",
    "figures.on_held_out": "{title}<br><sub>검증 시퀀스 {n}개 기준</sub>",
    "figures.key_step": "핵심 단계",
    "figures.key_steps_all": "핵심 단계 (모든 탐침 시퀀스)",
    "figures.time_step": "시간 단계 t",
    "figures.time_step_loss": "시간 단계 t (손실은 t = T에서)",
    "figures.time_step_key": "시간 단계 t (점선: 핵심 단계)",
    "figures.characters": "{title}: 그 단계에서 읽은 글자",
    "figures.characters_every": "{title}: 그 단계에서 읽은 글자 ({every}단계마다 표시)",
    "figures.gate": "게이트",
    "figures.unit": "유닛",
    "figures.unit_hover": "t={t}, 유닛 {unit}: {value}",
    "figures.sequence": "시퀀스 {n}",
    "figures.state_hover": "유닛 {unit}, {label}, t={t}: {value}",
    "figures.grad_c": "{model} ‖∂L/∂c_t‖ (셀 상태)",
    "figures.gradient_norm": "기울기 노름",
    "figures.history_hover": "{step}단계, t={t}: {value}",
    "figures.worst_case": "{model} 최악의 경우: max({slope})·σ_max(W_hh)",
    "figures.no_loss_no_gain": "1: 줄지도 늘지도 않음",
    "figures.multiplier": "단계당 배율",
    "figures.product": "T부터 t까지 거슬러 간 곱",
    "figures.sigma_threshold": "1/γ = 1: γ는 tanh와 ReLU의 미분값 상한(γ = 1), Pascanu et al. 2013",
    "figures.sigma_axis": "최대 특잇값",
    "figures.connectivity": "‖∂ 예측 / ∂x_t‖",
    "figures.power": "w^t (w = {w})",
    "figures.power_one": "1^t: f = 1인 셀 상태 경로",
    "figures.factor": "인수 w^t",
    "figures.steps_back": "거슬러 간 단계 수 t",
    "figures.seed_band": "{model}: 가장 나쁜 시드부터 가장 좋은 시드까지",
    "figures.median_seed": "{model}: 시드 {seeds}개의 중앙값",
    "figures.median_seeds": "{model}: 시드 {seeds}개의 중앙값",
    "figures.solved": "해결 기준 ({value})",
    "figures.lengths": "시퀀스 길이 T, 건너야 할 지연",
    "figures.at_the_end": "마지막 검증 {metric}",
    "figures.forget_gate": "망각 게이트 f",
    "figures.below_float64": "float64 미만",
    "figures.reach_share": "{ratio}: {n}분의 1",
    "figures.reach_axis": "t = 1에 닿는 몫, {floor}부터 로그 눈금",
    "figures.below": "{floor} 미만",
    "figures.up_to": " (최대 {value}, 차트 위로 벗어남)",
    "figures.below_float64_from": "{model}, t = {t}부터 float64 미만",
    "figures.below_float64_until": "{model}: t ≤ {t}에서 float64 미만",
    "figures.model": "모델",
    "figures.next_probability": "다음 글자의 확률",
    "figures.next_character": "다음 글자",
    "figures.truth": "실제값",
    "figures.held_out_window": "검증 윈도우 (시간순)",
    "figures.change": "변화량 (전형적인 변화량 단위)",
    "figures.state_distance": "‖상태 A − 상태 B‖ (로그)",
    "figures.flipped_here": "여기서 바꿈",
    "figures.always_saturated": "항상 포화 (x + y = 1)",
    "figures.units": "{model} (유닛 {n}개)",
    "figures.saturation_hover": "유닛 {unit}: 단계의 {right}에서 > {high}, {left}에서 < {low}",
    "figures.right_saturated": "오른쪽 포화인 단계의 비율 (> {high})",
    "figures.left_saturated": "왼쪽 포화 비율 (< {low})",
    "task.accuracy": "정확도",
    "task.text.metric": "장거리 정확도",
    "task.chance": "우연 수준",
    "task.baseline": "기준선",
    "task.lag": "지연",
    "task.window": "윈도우",
    "task.chance_line": "우연 수준 선",
    "task.chance_value": "우연 수준 ({value})",
    "task.baseline_value": "기준선: 항상 1로 답하기 ({value})",
    "task.goal": "마지막 단계에서 여러 단계 앞에 있던 것을 답해야 해요",
    "task.solved": "지연 {T} {task} 과제 해결",
    "task.latch.title": "Latch (첫 기호 기억하기)",
    "task.latch.source": "Hochreiter & Schmidhuber 1997, 실험 2",
    "task.latch.describe": "기호 {T}개 가운데 첫 기호({n}가지 중 하나)를 방해 기호 {distractors}개가 지난 뒤에 답해요.",
    "task.latch.flip": "t = 1의 신호({a} → {b})",
    "task.adding.title": "Adding (표시된 두 수 더하기)",
    "task.adding.source": "Hochreiter & Schmidhuber 1997, 실험 4",
    "task.adding.describe": "무작위 수 {T}개 가운데 표시된 두 수의 합을 출력해요.",
    "task.adding.flip": "t = {step}에 표시된 첫 번째 값({a} → {b})",
    "task.adding.plateau": "이 값은 1/12 = 0.083 근처로, 표시된 두 번째 수만 기억하고 첫 번째 수는 평균으로 어림하는 모델의 MSE예요",
    "task.order.title": "시간 순서 (XX, XY, YX, YY)",
    "task.order.source": "Hochreiter & Schmidhuber 1997, 실험 6",
    "task.order.describe": ("기호 {T}개 사이에 숨은 X/Y 기호 두 개의 순서를 맞혀요. 1997년 논문처럼 "
                            "첫 번째는 {a}~{b}번째 스텝, 두 번째는 {c}~{d}번째 스텝 사이에 와요"
                            "({d}번째 스텝 뒤로는 상관없는 기호뿐이에요)."),
    "task.order.flip": "t = {step}의 첫 번째 관련 기호({a} → {b})",
    "task.order.plateau": "이 과제에서 0.5는 두 기호 가운데 하나만 기억하고 나머지 하나는 찍는다는 뜻이에요(4개 클래스 중 2개가 남음)",
    "gate.i": "입력 게이트 i",
    "gate.f": "망각 게이트 f",
    "gate.g": "셀 후보 g",
    "gate.o": "출력 게이트 o",
    "gate.fixed": "{gate} = 1 (고정)",
    "gate.r": "리셋 게이트 r",
    "gate.z": "업데이트 게이트 z",
    "gate.n": "후보 n",
    "kind.rnn.multiplier": "RNN: 기울기에 대한 W_hhᵀ diag(1−h_t²)의 배율",
    "kind.rnn-orth.multiplier": "RNN (orthogonal): 기울기에 대한 W_hhᵀ diag(1−h_t²)의 배율",
    "kind.irnn.multiplier": "IRNN: 기울기에 대한 W_hhᵀ diag(1[h_t>0])의 배율",
    "kind.lstm.multiplier": "LSTM: 망각 게이트 f_t (셀 상태를 따라)",
    "kind.lstm-cec.multiplier": "LSTM 1997: 정확히 f_t = 1 (상수 오차 회전목마)",
    "kind.lstm-i1.multiplier": "LSTM (i = 1): 망각 게이트 f_t (셀 상태를 따라)",
    "kind.lstm-o1.multiplier": "LSTM (o = 1): 망각 게이트 f_t (셀 상태를 따라)",
    "kind.lstm-cut.multiplier": "LSTM (c cut): h를 거치는 기울기의 배율 (셀 상태 경로는 끊김)",
    "kind.gru.multiplier": "GRU: 업데이트 게이트 z_t (직접 경로)",
    "kind.rnn.inside_note": "RNN의 h_t는 새 입력이 들어올 때마다 새로 쓰여요.",
    "kind.rnn-orth.inside_note": ("RNN (orthogonal)은 W_hh를 직교 행렬(모든 특잇값이 1)로 시작한 RNN이에요. 이 모델의 "
                                  "h_t가 핵심 단계의 흔적을 더 오래 간직하는지 지켜보세요."),
    "kind.irnn.inside_note": ("IRNN에서는 h_t = max(0, W_ih x_t + W_hh h_{t−1} + b)이고 처음에는 W_hh = "
                              "I, b = 0이에요. 그래서 유닛이 0보다 큰 동안에는 가진 값을 그대로 간직하고 새 입력을 더해 가요."),
    "kind.lstm.inside_note": ("LSTM의 망각 게이트 **f**가 1 근처에 머물고(기억 유지) 입력 게이트 **i**가 핵심 단계에서 반응하는 "
                              "것을 지켜보세요. 셀 상태 c_t는 핵심 단계가 써 넣은 내용을 실어 날라요."),
    "kind.lstm-cec.inside_note": ("LSTM 1997에는 망각 게이트가 없어요. **f**가 모든 유닛, 모든 단계에서 정확히 1이라, 셀 "
                                  "상태는 입력 게이트 **i**가 들여보낸 것을 더하기만 해요."),
    "kind.lstm-i1.inside_note": ("LSTM (i = 1)에는 입력 게이트가 없어요. **i**가 정확히 1이라 매 단계 셀 후보 **g** 전체가 "
                                 "셀 상태에 더해지고, 무엇이 남을지는 **f**만 정해요."),
    "kind.lstm-o1.inside_note": ("LSTM (o = 1)에는 출력 게이트가 없어요. **o**가 정확히 1이라 h_t는 매 단계 셀 상태 "
                                 "전체를 담은 tanh(c_t)예요."),
    "kind.lstm-cut.inside_note": ("LSTM (c cut)은 LSTM과 똑같은 값을 계산하지만, 오차가 셀 상태를 따라 거슬러 흐를 수 "
                                  "없어요. c_{t−1}을 떼어 내서(detach) 기울기는 h를 거쳐서만 앞선 단계에 닿아요."),
}
