"""The bundled lessons written as guided lessons (project/lesson.py), from the students'
notes: XOR (the trap and the fix), logic gates, animals, MNIST and overfitting. Also the
overfitting lesson's project itself. ``project/examples.py`` attaches these when it writes
resources/examples/*.nnproj."""

from __future__ import annotations

from typing import Any

from nnstudio.i18n import NoQt

from .schema import DatasetSpec, Project, TrainingSpec


def _t(text: str) -> str:
    return NoQt.translate("lessons", text)


def _step(title, do=None, look_for=None, setup=None, check=None) -> dict[str, Any]:
    """One step; each text is (English, Korean)."""
    step: dict[str, Any] = {"title": {"en": title[0], "ko": title[1]}}
    if do:
        step["do"] = {"en": do[0], "ko": do[1]}
    if look_for:
        step["look_for"] = {"en": look_for[0], "ko": look_for[1]}
    if setup:
        step["setup"] = setup
    if check:
        step["check"] = check
    return step


def _dense(units: int, activation: str, **config) -> dict[str, Any]:
    return {"type": "Dense", "config": {"units": units, "activation": activation, **config}}


def _accuracy(value: float, metric: str = "accuracy") -> dict[str, Any]:
    return {"kind": "metric_at_least", "metric": metric, "value": value}


def _epochs(n: int) -> dict[str, Any]:
    return {"kind": "epochs_trained_at_least", "value": n}


def xor() -> dict[str, Any]:
    return {
        "steps": [
            _step(
                ("Train a network with a hidden layer", "은닉층이 있는 네트워크 학습하기"),
                (
                    "Press “Set up this step”, then Train (F5).",
                    "“이 단계 준비하기”를 누른 뒤 학습(F5)을 누르세요.",
                ),
                (
                    "Accuracy reaches 100% within a few epochs and the loss keeps falling towards 0: "
                    "the 8 tanh units bend the boundary around the four XOR points.",
                    "몇 에포크 만에 정확도가 100%에 도달하고 손실은 계속 0을 향해 줄어듭니다. tanh 유닛 8개가 "
                    "XOR의 네 점을 돌아가도록 경계를 구부립니다.",
                ),
                setup={
                    "network": {"layers": [_dense(8, "tanh"), _dense(1, "sigmoid")]},
                    "training": {"seed": 0, "epochs": 100},
                },
                check=_accuracy(1.0),
            ),
            _step(
                ("Delete the hidden layer", "은닉층 지우기"),
                (
                    "Click the hidden layer (8 tanh units) on the canvas and press Delete.",
                    "캔버스에서 은닉층(tanh 유닛 8개)을 클릭하고 Delete 키를 누르세요.",
                ),
                (
                    "One Dense layer is left: a single neuron, which can only draw one straight line.",
                    "Dense 층이 하나만 남습니다. 뉴런 하나는 직선 하나만 그을 수 있습니다.",
                ),
                check={"kind": "layer_count", "layer_type": "Dense", "value": 1},
            ),
            _step(
                ("The trap: train one neuron on XOR", "함정: 뉴런 하나로 XOR 학습하기"),
                ("Train (F5) again.", "다시 학습(F5)시키세요."),
                (
                    "Accuracy wanders between 25% and 75%, never 100%; every output settles at 0.5 "
                    "and the loss stops at 0.693 (ln 2), the best a straight line can do.",
                    "정확도가 25%와 75% 사이를 오갈 뿐 100%가 되지 않습니다. 모든 출력이 0.5에 머물고 손실은 "
                    "0.693(ln 2)에서 멈춥니다. 직선 하나로는 이것이 최선입니다.",
                ),
                check=_epochs(50),
            ),
            _step(
                ("The fix: two hidden units", "해결: 은닉 유닛 두 개"),
                (
                    "Press “Set up this step” (a hidden layer of only 2 tanh units, the fewest that "
                    "can solve XOR), then Train (F5).",
                    "“이 단계 준비하기”를 누르고(XOR을 풀 수 있는 가장 작은 크기인 tanh 유닛 2개짜리 은닉층) "
                    "학습(F5)시키세요.",
                ),
                (
                    "Accuracy reaches 100% again, more slowly than with 8 units. With seed 1 this small "
                    "network gets stuck at 75%: change the seed in the Training panel and see.",
                    "정확도가 다시 100%에 도달하지만 유닛 8개일 때보다 느립니다. 시드 1에서는 이 작은 "
                    "네트워크가 75%에서 막힙니다. 학습 패널에서 시드를 바꿔 확인해 보세요.",
                ),
                setup={
                    "network": {"layers": [_dense(2, "tanh"), _dense(1, "sigmoid")]},
                    "training": {"seed": 3, "epochs": 100},
                },
                check=_accuracy(1.0),
            ),
            _step(
                ("What you saw", "정리"),
                (
                    "One neuron draws one line; XOR needs two. A hidden layer gives the network "
                    "several lines to combine, so the boundary can bend.",
                    "뉴런 하나는 직선 하나를 긋습니다. XOR에는 직선 두 개가 필요합니다. 은닉층은 여러 직선을 "
                    "조합할 수 있게 해 주어 경계가 구부러질 수 있습니다.",
                ),
            ),
        ]
    }


def gates() -> dict[str, Any]:
    one = {"network": {"layers": [_dense(1, "sigmoid")]}}
    return {
        "steps": [
            _step(
                ("AND by hand", "손으로 AND 만들기"),
                (
                    "Open View ▸ Perceptron Lab (Ctrl+Shift+L) and set w1 = w2 = 0.5, b = -0.7.",
                    "보기 ▸ 퍼셉트론 실험실(Ctrl+Shift+L)을 열고 w1 = w2 = 0.5, b = -0.7로 정하세요.",
                ),
                (
                    "Only the corner (1, 1) lies on the firing side of the line.",
                    "꼭짓점 (1, 1)만 직선의 발화하는 쪽에 있습니다.",
                ),
            ),
            _step(
                ("Let one neuron learn AND", "뉴런 하나가 AND 배우기"),
                (
                    "Press “Set up this step”, then Train (F5).",
                    "“이 단계 준비하기”를 누른 뒤 학습(F5)을 누르세요.",
                ),
                (
                    "Accuracy reaches 100%: AND is one straight line.",
                    "정확도가 100%가 됩니다. AND는 직선 하나로 나뉩니다.",
                ),
                setup={**one, "dataset": {"name": "and"}},
                check=_accuracy(1.0),
            ),
            _step(
                ("Learn OR", "OR 배우기"),
                (
                    "Press “Set up this step” (OR data), then Train (F5).",
                    "“이 단계 준비하기”(OR 데이터)를 누른 뒤 학습(F5)시키세요.",
                ),
                ("100% again: three corners fire.", "다시 100%입니다. 세 꼭짓점이 발화합니다."),
                setup={**one, "dataset": {"name": "or"}},
                check=_accuracy(1.0),
            ),
            _step(
                ("XOR: one neuron is not enough", "XOR: 뉴런 하나로는 부족합니다"),
                (
                    "Press “Set up this step” (XOR data), then Train (F5).",
                    "“이 단계 준비하기”(XOR 데이터)를 누른 뒤 학습(F5)시키세요.",
                ),
                (
                    "Accuracy never passes 75% and the loss settles at 0.693 (ln 2): no line separates XOR.",
                    "정확도는 75%를 넘지 못하고 손실은 0.693(ln 2)에 머뭅니다. 어떤 직선도 XOR을 나누지 못합니다.",
                ),
                setup={**one, "dataset": {"name": "xor"}},
                check=_epochs(50),
            ),
            _step(
                ("XOR from gates", "게이트로 XOR 만들기"),
                (
                    "View ▸ Build XOR from Gates: hidden units NAND and OR, output unit AND.",
                    "보기 ▸ 게이트로 XOR 만들기: 은닉 유닛은 NAND와 OR, 출력 유닛은 AND입니다.",
                ),
                (
                    "It is right on all four rows before any training; the decision map shows the band between two lines.",
                    "학습 전부터 네 행을 모두 맞히고, 결정 지도에 두 직선 사이의 띠가 보입니다.",
                ),
            ),
            _step(
                ("Let the hidden layer learn", "은닉층이 스스로 배우기"),
                (
                    "Press “Set up this step” (2 hidden units), then Train (F5).",
                    "“이 단계 준비하기”(은닉 유닛 2개)를 누른 뒤 학습(F5)시키세요.",
                ),
                (
                    "The hidden layer finds its own two lines and accuracy reaches 100%.",
                    "은닉층이 스스로 두 직선을 찾고 정확도가 100%에 도달합니다.",
                ),
                setup={
                    "network": {"layers": [_dense(2, "tanh"), _dense(1, "sigmoid")]},
                    "dataset": {"name": "xor"},
                    "training": {"seed": 3},
                },
                check=_accuracy(1.0),
            ),
        ]
    }


def animals() -> dict[str, Any]:
    return {
        "steps": [
            _step(
                ("Train the classifier", "분류기 학습하기"),
                ("Train (F5).", "학습(F5)시키세요."),
                (
                    "The loss falls as the softmax grows sure of each answer; at least five animals of six are right.",
                    "소프트맥스가 답을 점점 확신하면서 손실이 줄어듭니다. 여섯 마리 중 다섯 마리 이상을 맞힙니다.",
                ),
                check=_accuracy(0.8),
            ),
            _step(
                ("Switch to Adam", "Adam으로 바꾸기"),
                (
                    "Press “Set up this step” (Adam), then Train (F5).",
                    "“이 단계 준비하기”(Adam)를 누른 뒤 학습(F5)시키세요.",
                ),
                (
                    "Compare how fast the loss falls with plain SGD.",
                    "기본 SGD와 손실이 줄어드는 속도를 비교해 보세요.",
                ),
                setup={
                    "training": {
                        "optimizer": {"class_name": "Adam", "config": {"learning_rate": 0.01}}
                    }
                },
                check=_epochs(100),
            ),
            _step(
                ("A wider hidden layer", "더 넓은 은닉층"),
                (
                    "Select the hidden layer and set its units to 10 in the Inspector, then train.",
                    "은닉층을 선택하고 인스펙터에서 유닛을 10개로 바꾼 뒤 학습시키세요.",
                ),
                (
                    "With 3 ReLU units some seeds stop at 83% because a unit dies; with 10 they rarely do.",
                    "ReLU 유닛이 3개이면 유닛 하나가 죽어 83%에서 멈추는 시드가 있습니다. 10개이면 거의 그렇지 않습니다.",
                ),
                check=_accuracy(1.0),
            ),
        ]
    }


def mnist() -> dict[str, Any]:
    return {
        "steps": [
            _step(
                ("Train for 5 epochs", "5 에포크 학습하기"),
                (
                    "Train (F5) and wait for the five epochs.",
                    "학습(F5)시키고 5 에포크가 끝날 때까지 기다리세요.",
                ),
                (
                    "About nine digits in ten of the validation set are right.",
                    "검증 숫자 열 개 중 아홉 개쯤을 맞힙니다.",
                ),
                check=_accuracy(0.85, "val_accuracy"),
            ),
            _step(
                ("Train 10 epochs more", "10 에포크 더 학습하기"),
                (
                    "Train (F5) again until 15 epochs are done.",
                    "15 에포크가 될 때까지 다시 학습(F5)시키세요.",
                ),
                (
                    "The training accuracy climbs towards 100% while the validation accuracy stays near "
                    "93%: that gap is overfitting.",
                    "훈련 정확도는 100%를 향해 오르는데 검증 정확도는 93% 근처에 머뭅니다. 이 차이가 "
                    "과대적합입니다.",
                ),
                setup={"training": {"epochs": 15}},
                check=_epochs(15),
            ),
            _step(
                ("Add dropout", "드롭아웃 넣기"),
                (
                    "Drag a Dropout layer from the Layers panel after the hidden layer, then train again.",
                    "레이어 패널에서 Dropout 층을 끌어다 은닉층 뒤에 놓은 뒤 다시 학습시키세요.",
                ),
                ("Does the gap shrink?", "차이가 줄어드나요?"),
                check={"kind": "layer_count_at_least", "layer_type": "Dropout", "value": 1},
            ),
        ]
    }


EARLY_STOP = {"monitor": "val_loss", "patience": 20, "min_delta": 0.0, "restore_best_weights": True}
NO_EARLY_STOP = {"epochs": 300, "early_stopping": None}  # the other steps train all 300 epochs
OVERFIT_DATA = {"name": "moons", "params": {"n_samples": 80, "noise": 0.35, "seed": 1}}


def _big_network(dropout: float = 0.0) -> list[dict[str, Any]]:
    layers = []
    for _ in range(2):
        layers.append(_dense(64, "relu"))
        if dropout:
            layers.append({"type": "Dropout", "config": {"rate": dropout}})
    return layers + [_dense(1, "sigmoid")]


def overfitting_project() -> Project:
    """A small, noisy data set and a network far too large for it."""
    from .lesson import apply_setup

    p = Project(
        title=_t("Overfitting: when the network learns the noise"),
        description={
            "en": (
                "Eighty noisy points of two interleaving half moons, and a network with two hidden "
                "layers of 64 ReLU units: far more weights than points. 30% of the points are held "
                "back for validation. The training loss falls towards 0 while the validation loss "
                "reaches its lowest after about 15 epochs and then climbs: the network learns the "
                "noise of its 56 training points. Early stopping ends training at the best "
                "validation loss; dropout makes the network harder to fit to noise."
            ),
            "ko": (
                "서로 맞물린 반달 두 개에서 뽑은 노이즈 섞인 점 80개와, ReLU 유닛 64개짜리 은닉층 두 개를 "
                "가진 네트워크입니다. 가중치가 점보다 훨씬 많습니다. 점의 30%는 검증용으로 떼어 둡니다. "
                "훈련 손실은 0을 향해 줄어드는데 검증 손실은 15 에포크쯤에서 가장 낮아진 뒤 다시 오릅니다. "
                "네트워크가 훈련 점 56개의 노이즈까지 외우는 것입니다. 조기 종료는 검증 손실이 가장 낮을 때 "
                "학습을 끝내고, 드롭아웃은 네트워크가 노이즈에 맞추기 어렵게 만듭니다."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="moons", params=dict(OVERFIT_DATA["params"])),
        training=TrainingSpec(
            loss="binary_crossentropy",
            optimizer={"class_name": "Adam", "config": {"learning_rate": 0.01}},
            batch_size=16,
            epochs=300,
            metrics=["accuracy"],
            validation_split=0.3,
            seed=0,
        ),
    )
    return apply_setup(p, {"network": {"layers": _big_network()}})


def overfitting() -> dict[str, Any]:
    return {
        "steps": [
            _step(
                ("Train far too long", "너무 오래 학습하기"),
                ("Train (F5) for the 300 epochs.", "300 에포크 동안 학습(F5)시키세요."),
                (
                    "The training loss (solid) keeps falling; the validation loss (dashed) is lowest "
                    "near epoch 15, then climbs. The decision map wraps around single noisy points.",
                    "훈련 손실(실선)은 계속 줄어드는데 검증 손실(점선)은 15 에포크 근처에서 가장 낮고 그 뒤로 "
                    "오릅니다. 결정 지도가 노이즈 섞인 점 하나하나를 감싸 돕니다.",
                ),
                setup={"network": {"layers": _big_network()}, "training": dict(NO_EARLY_STOP)},
                check=_epochs(200),
            ),
            _step(
                ("Early stopping", "조기 종료"),
                (
                    "Press “Set up this step”: the weights are reset and early stopping is turned on "
                    "in the Training panel (monitor val_loss, patience 20, restore the best weights). "
                    "Then Train (F5).",
                    "“이 단계 준비하기”를 누르세요. 가중치가 초기화되고 학습 패널에서 조기 종료가 켜집니다"
                    "(val_loss 감시, patience 20, 가장 좋은 가중치 복원). 그다음 학습(F5)시키세요.",
                ),
                (
                    "Training stops long before epoch 300, 20 epochs after the validation loss was "
                    "lowest; a dashed line on the curves marks the stop, and the weights of the best "
                    "epoch are kept.",
                    "학습이 300 에포크보다 훨씬 일찍, 검증 손실이 가장 낮았던 때로부터 20 에포크 뒤에 멈춥니다. "
                    "곡선에 점선이 멈춘 곳을 표시하고, 가장 좋았던 에포크의 가중치가 남습니다.",
                ),
                setup={
                    "network": {"layers": _big_network()},
                    "training": {"epochs": 300, "early_stopping": dict(EARLY_STOP)},
                },
                check={"kind": "stopped_early"},
            ),
            _step(
                ("Dropout", "드롭아웃"),
                (
                    "Press “Set up this step” (a Dropout layer with rate 0.5 after each hidden layer), "
                    "then Train (F5).",
                    "“이 단계 준비하기”(은닉층마다 뒤에 비율 0.5의 Dropout 층)를 누른 뒤 학습(F5)시키세요.",
                ),
                (
                    "The validation loss climbs far less: after 300 epochs it is about a third of "
                    "what it was without dropout.",
                    "검증 손실이 훨씬 덜 오릅니다. 300 에포크 뒤의 검증 손실이 드롭아웃이 없을 때의 3분의 1 정도입니다.",
                ),
                setup={"network": {"layers": _big_network(0.5)}, "training": dict(NO_EARLY_STOP)},
                check=_epochs(200),
            ),
        ]
    }


LESSONS = {
    "xor": xor,
    "gates": gates,
    "animals": animals,
    "mnist": mnist,
    "overfitting": overfitting,
}


def lesson_for(name: str) -> dict[str, Any] | None:
    """The guided lesson of bundled lesson ``name`` (None for a lesson without one)."""
    make = LESSONS.get(name)
    return make() if make else None
