"""The bundled lesson projects (resources/examples/*.nnproj) and the builders that make them.

Each builder returns an untrained :class:`Project`; ``write_examples(folder)`` saves them all.
The committed files are generated, never edited by hand:

    python -m nnstudio.project.examples            # rewrites resources/examples/
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from nnstudio.i18n import NoQt
from nnstudio.paths import resource

from .errors import ProjectError
from .schema import DatasetSpec, Project, TrainingSpec


def _t(text: str) -> str:
    return NoQt.translate("lessons", text)


def _full_configs(builder: Callable[[], Project], name: str = "") -> Callable[[], Project]:
    """Store every layer's complete engine get_config() (all Keras defaults written out), and
    the lesson's guided steps (project/guided.py)."""

    def build() -> Project:
        from .build import normalize_layers
        from .guided import lesson_for

        project = builder()
        normalize_layers(project)
        project.lesson = lesson_for(name)
        return project

    build.__name__, build.__doc__ = builder.__name__, builder.__doc__
    return build


def _adam(learning_rate: float) -> dict:
    return {"class_name": "Adam", "config": {"learning_rate": learning_rate}}


def xor() -> Project:
    p = Project(
        title=_t("XOR: why one neuron is not enough"),
        description={
            "en": (
                "XOR outputs 1 when its two inputs differ. A single sigmoid unit can only draw one "
                "straight line, and no straight line separates the XOR points: it never gets more than "
                "three of the four right (75%), however long it trains. This network puts a hidden "
                "layer of 8 tanh units in front; the hidden layer bends the boundary, accuracy reaches "
                "100% within a few epochs and the loss keeps falling towards 0.\n\n"
                "Try it: train once. Then delete the hidden layer, reset the weights and train again: "
                "accuracy wanders between 25% and 75%, then every output settles at 0.5 and the loss "
                "stops at 0.693 (ln 2), the best a straight line can do. Put the hidden layer back "
                "with only 2 units, the fewest that can solve XOR, and change the seed: small networks "
                "sometimes get stuck too."
            ),
            "ko": (
                "XOR은 두 입력이 서로 다를 때 1을 내보냅니다. 시그모이드 뉴런 하나는 직선 하나만 그을 수 "
                "있는데, XOR의 네 점은 어떤 직선으로도 나눌 수 없습니다. 그래서 아무리 오래 학습해도 네 개 "
                "중 세 개(75%)보다 더 맞히지 못합니다. 이 네트워크는 앞에 tanh 유닛 8개짜리 은닉층을 "
                "두었습니다. 은닉층이 경계를 구부려 주기 때문에 몇 에포크 만에 정확도 100%에 도달하고, "
                "그 뒤로도 손실은 계속 0을 향해 줄어듭니다.\n\n"
                "직접 해 보세요. 먼저 그대로 학습시켜 봅니다. 다음에는 은닉층을 지우고 가중치를 초기화한 뒤 "
                "다시 학습해 보세요. 정확도가 25%와 75% 사이를 오가다가, 결국 모든 출력이 0.5에 머물고 "
                "손실은 0.693(ln 2)에서 멈춥니다. 직선 하나로는 이것이 최선입니다. 마지막으로 은닉층을 "
                "XOR을 풀 수 있는 가장 작은 크기인 유닛 2개로 되살리고 시드를 바꿔 보세요. 작은 "
                "네트워크는 가끔 중간에 막히기도 합니다."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="xor", params={}),
        training=TrainingSpec(
            loss="binary_crossentropy",
            optimizer=_adam(0.05),
            batch_size=4,
            epochs=100,
            metrics=["accuracy"],
            validation_split=0.0,
            seed=0,
        ),
    )
    p.add_layer("Dense", units=8, activation="tanh")
    p.add_layer("Dense", units=1, activation="sigmoid")
    return p


def gates() -> Project:
    p = Project(
        title=_t("Logic gates: AND, OR, NAND with one neuron"),
        description={
            "en": (
                "One neuron with two inputs computes y = f(w1·x1 + w2·x2 + b): it fires on one side of "
                "the line w1·x1 + w2·x2 + b = 0. Open View ▸ Perceptron Lab (Ctrl+Shift+L) and walk "
                "through it:\n"
                "1. AND by hand: w1 = w2 = 0.5, b = -0.7. Only (1, 1) lies on the firing side.\n"
                "2. OR: raise the bias to -0.2, and three corners fire.\n"
                "3. NAND: flip every sign, (-0.5, -0.5, 0.7).\n"
                "4. Pick the XOR target and try by hand: no line gets more than 3 of the 4 rows, and "
                "the learning rule cycles for ever.\n"
                "5. Back in the studio, pick XOR in the Data panel and train this one-unit network: "
                "accuracy never passes 75% and the loss settles at 0.693 (ln 2) with sigmoid and binary "
                "cross-entropy: the lowest one unit can reach on XOR, answering 0.5 everywhere.\n"
                "6. View ▸ Build XOR from Gates: hidden units NAND and OR, output unit AND, every hand "
                "weight times 10 so that the sigmoid acts like a step. It is right on all four rows "
                "before any training; the decision map shows the band between two lines.\n"
                "7. Train ▸ Reset weights, then train: the hidden layer finds its own two lines (most "
                "seeds reach 100%; if one gets stuck, change the seed)."
            ),
            "ko": (
                "입력이 두 개인 뉴런 하나는 y = f(w1·x1 + w2·x2 + b)를 계산합니다. 직선 "
                "w1·x1 + w2·x2 + b = 0의 한쪽에서만 발화합니다. 보기 ▸ 퍼셉트론 실험실(Ctrl+Shift+L)을 "
                "열고 차례로 해 보세요.\n"
                "1. 손으로 AND: w1 = w2 = 0.5, b = -0.7. (1, 1)만 발화하는 쪽에 있습니다.\n"
                "2. OR: 편향을 -0.2로 올리면 세 꼭짓점이 발화합니다.\n"
                "3. NAND: 부호를 모두 바꿉니다. (-0.5, -0.5, 0.7)\n"
                "4. 목표를 XOR로 바꾸고 손으로 해 보세요. 어떤 직선도 네 행 중 3개보다 더 맞히지 못하고, "
                "학습 규칙은 끝없이 맴돕니다.\n"
                "5. 스튜디오로 돌아와 데이터 패널에서 XOR을 고르고 이 뉴런 하나짜리 네트워크를 학습시키세요. "
                "정확도는 75%를 넘지 못하고, 시그모이드와 이진 교차 엔트로피의 손실은 0.693(ln 2)에 "
                "머뭅니다. 뉴런 하나가 XOR에서 낼 수 있는 가장 낮은 손실로, 어디서나 0.5라고 답하는 상태입니다.\n"
                "6. 보기 ▸ 게이트로 XOR 만들기: 은닉 유닛은 NAND와 OR, 출력 유닛은 AND이고, 시그모이드가 "
                "계단 함수처럼 동작하도록 손으로 정한 가중치에 모두 10을 곱했습니다. 학습 전부터 네 행을 "
                "모두 맞히고, 결정 지도에 두 직선 사이의 띠가 보입니다.\n"
                "7. 학습 ▸ 가중치 초기화 뒤 학습시키면 은닉층이 스스로 두 직선을 찾습니다(대부분의 시드에서 "
                "100%, 막히면 시드를 바꿔 보세요)."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="and", params={}),
        training=TrainingSpec(
            loss="binary_crossentropy",
            optimizer=_adam(0.1),
            batch_size=4,
            epochs=100,
            metrics=["accuracy"],
            validation_split=0.0,
            seed=0,
        ),
    )
    p.add_layer("Dense", units=1, activation="sigmoid")
    return p


def animals() -> Project:
    p = Project(
        title=_t("Animals: mammal, bird or other from fur and wings"),
        description={
            "en": (
                "Six animals, each described by two yes/no features (has fur, has wings), sorted into "
                "other, mammal or bird: the first classifier of many Korean TensorFlow textbooks. A "
                "hidden layer of 3 ReLU units with small random_uniform weights feeds a softmax over "
                "the three classes; plain SGD minimises categorical cross-entropy. The labels become "
                "one-hot rows such as [0, 1, 0] for mammal.\n\n"
                "Try it: train and watch the loss fall as the softmax grows sure of each answer. Then "
                "switch the optimizer to Adam and compare how fast it learns, or widen the hidden layer "
                "to 10 units. With only 3 ReLU units some seeds stop at five animals out of six (83%) "
                "because a unit dies (outputs 0 for every animal): change the seed and look for it."
            ),
            "ko": (
                "털이 있는지, 날개가 있는지 두 가지 예/아니오 특징으로 여섯 동물을 기타, 포유류, 조류로 "
                "나눕니다. 많은 한국 텐서플로 교재에서 처음 만나는 분류 예제입니다. random_uniform으로 "
                "작게 초기화한 ReLU 유닛 3개짜리 은닉층 뒤에 세 클래스에 대한 소프트맥스가 있고, 기본 "
                "SGD로 범주형 교차 엔트로피를 줄여 나갑니다. 정답은 포유류라면 [0, 1, 0]처럼 원-핫 "
                "벡터로 바뀝니다.\n\n"
                "직접 해 보세요. 학습시키면서 손실이 줄고 소프트맥스가 답을 점점 확신하는 모습을 "
                "지켜봅니다. 그다음 옵티마이저를 Adam으로 바꿔 학습 속도를 비교하거나, 은닉층을 유닛 "
                "10개로 넓혀 보세요. ReLU 유닛이 3개뿐이면 어떤 유닛이 모든 동물에 대해 0만 내보내는 "
                "'죽은 ReLU'가 되어 여섯 마리 중 다섯 마리(83%)에서 멈추는 시드가 있습니다. 시드를 바꿔 가며 찾아보세요."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="animals", params={}),
        training=TrainingSpec(
            loss="categorical_crossentropy",
            optimizer={"class_name": "SGD", "config": {"learning_rate": 0.1}},
            batch_size=6,
            epochs=300,
            metrics=["accuracy"],
            validation_split=0.0,
            seed=0,
        ),
    )
    p.add_layer(
        "Dense",
        units=3,
        activation="relu",
        kernel_initializer="random_uniform",
        bias_initializer="zeros",
    )
    p.add_layer("Dense", units=3, activation="softmax")
    return p


def spirals() -> Project:
    p = Project(
        title=_t("Spirals: a boundary that winds"),
        description={
            "en": (
                "Three spiral arms wound around each other, one class per arm (the spiral data of "
                "Stanford's CS231n course). A straight-line classifier, a softmax with no hidden "
                "layer, gets only about half of the points right; hidden ReLU layers let the boundary "
                "bend around the arms. This network, two hidden layers of 32 ReLU units trained with "
                "Adam, passes 90% within about 15 epochs and gets nearly every test point right after "
                "200.\n\n"
                "Try it: delete both hidden layers and watch accuracy stall between 40% and 60%. Keep "
                "one hidden layer of only 4 units (about three points in four right), then widen it to "
                "8 or 16. Raise the noise in the Data panel to 0.5 and watch the training accuracy "
                "pull away from the test accuracy."
            ),
            "ko": (
                "세 개의 나선 팔이 서로 감겨 있고, 팔 하나가 클래스 하나입니다(스탠퍼드 CS231n 강의의 나선 "
                "데이터). 은닉층 없이 소프트맥스만 쓰는 직선 분류기는 점을 절반 정도밖에 맞히지 못합니다. "
                "ReLU 은닉층이 있어야 경계를 나선 팔을 따라 구부릴 수 있습니다. 이 네트워크는 ReLU 유닛 "
                "32개짜리 은닉층 두 개를 Adam으로 학습하는데, 15 에포크쯤이면 90%를 넘고 200 에포크 "
                "뒤에는 테스트 점을 거의 다 맞힙니다.\n\n"
                "직접 해 보세요. 은닉층 두 개를 모두 지우면 정확도가 40~60%에서 더 오르지 않습니다. "
                "은닉층을 유닛 4개짜리 하나만 남기면 네 개 중 세 개쯤 맞히고, 8개나 16개로 넓히면 다시 "
                "거의 다 맞힙니다. 데이터 패널에서 노이즈를 0.5로 올리면 훈련 정확도와 테스트 정확도가 "
                "벌어지는 모습도 볼 수 있습니다."
            ),
        },
        input_shape=(2,),
        dataset=DatasetSpec(name="spirals", params={}),
        training=TrainingSpec(
            loss="sparse_categorical_crossentropy",
            optimizer=_adam(0.01),
            batch_size=32,
            epochs=200,
            metrics=["accuracy"],
            validation_split=0.0,
            seed=0,
        ),
    )
    p.add_layer("Dense", units=32, activation="relu", kernel_initializer="he_uniform")
    p.add_layer("Dense", units=32, activation="relu", kernel_initializer="he_uniform")
    p.add_layer("Dense", units=3, activation="softmax")
    return p


def mnist() -> Project:
    p = Project(
        title=_t("MNIST: reading handwritten digits"),
        description={
            "en": (
                "The first network of Deep Learning with Python (Chollet): each 28x28 digit becomes 784 "
                "numbers between 0 and 1, a hidden layer of 512 ReLU units looks at all of them, and a "
                "softmax over the 10 digits gives the answer. RMSprop, batch 128, 5 epochs, "
                "categorical cross-entropy on one-hot labels. On the bundled 5,000-digit sample it "
                "gets about nine test digits in ten right within a minute.\n\n"
                "Try it: train, then train 10 epochs more. The training accuracy climbs towards 100% "
                "while the validation accuracy (a tenth of the training digits, held back) stays near "
                "93%: that gap is overfitting. Add a Dropout layer after the hidden layer, or switch to "
                "the full MNIST in the Data panel (a one-time download), and see whether the gap shrinks."
            ),
            "ko": (
                "『케라스 창시자에게 배우는 딥러닝』의 첫 번째 신경망입니다. 28×28 크기의 숫자 이미지가 0과 "
                "1 사이의 수 784개가 되고, ReLU 유닛 512개짜리 은닉층이 이를 모두 살펴본 뒤, 10개 숫자에 "
                "대한 소프트맥스가 답을 냅니다. RMSprop, 배치 크기 128, 5 에포크, 원-핫 레이블에 대한 "
                "범주형 교차 엔트로피를 씁니다. 함께 들어 있는 5,000개 샘플로도 1분 안에 테스트 숫자 열 "
                "개 중 아홉 개쯤을 맞힙니다.\n\n"
                "직접 해 보세요. 학습한 뒤 10 에포크를 더 학습시키면 훈련 정확도는 100%를 향해 오르는데, "
                "검증 정확도(훈련 숫자 중 따로 떼어 둔 10%)는 93% 근처에 머뭅니다. 이 차이가 바로 "
                "과대적합입니다. 은닉층 뒤에 Dropout 층을 넣거나, 데이터 패널에서 전체 MNIST(처음 한 "
                "번만 내려받음)로 바꿔 차이가 줄어드는지 확인해 보세요."
            ),
        },
        input_shape=(784,),
        dataset=DatasetSpec(name="mnist-5k", params={}),
        training=TrainingSpec(
            loss="categorical_crossentropy",
            optimizer={"class_name": "RMSprop", "config": {"learning_rate": 0.001}},
            batch_size=128,
            epochs=5,
            metrics=["accuracy"],
            validation_split=0.1,
            seed=0,
        ),
    )
    p.add_layer("Dense", units=512, activation="relu")
    p.add_layer("Dense", units=10, activation="softmax")
    return p


def mnist_images() -> Project:
    p = Project(
        title=_t("MNIST images: the TensorFlow quickstart"),
        description={
            "en": (
                "The first network of the TensorFlow beginner quickstart, Keras line for Keras line: "
                "Flatten(input_shape=(28, 28)) lays each 28x28 digit out as one row of 784 numbers, "
                "Dense(128, relu) looks at all of them and Dense(10, softmax) gives the answer. Adam, "
                "sparse categorical cross-entropy on the digit labels, 5 epochs: 101,770 parameters, "
                "and on the bundled 5,000-digit sample about nine test digits in ten right.\n\n"
                "Try it: select the Flatten block and read its shapes, 28×28 in, 784 out; then delete "
                "it and see the Dense layer refuse the images, because a Dense layer needs flat "
                "inputs. The MNIST lesson does the same with the flattening done by the data set."
            ),
            "ko": (
                "텐서플로 초보자 빠른 시작의 첫 번째 신경망을 케라스 코드 그대로 옮겼습니다. "
                "Flatten(input_shape=(28, 28))이 28×28 숫자 이미지를 784개의 수 한 줄로 펼치고, "
                "Dense(128, relu)가 이를 모두 살펴본 뒤 Dense(10, softmax)가 답을 냅니다. Adam, 숫자 "
                "레이블에 대한 희소 범주형 교차 엔트로피, 5 에포크로 학습합니다. 파라미터는 101,770개이고, "
                "함께 들어 있는 5,000개 샘플로 테스트 숫자 열 개 중 아홉 개쯤을 맞힙니다.\n\n"
                "직접 해 보세요. Flatten 블록을 선택해 모양을 읽어 보세요. 28×28이 들어가 784가 나옵니다. "
                "그다음 Flatten을 지우면 Dense 층이 이미지를 받지 않습니다. Dense 층에는 평평한 입력이 "
                "필요하기 때문입니다. MNIST 수업은 데이터 세트가 미리 펼쳐 준 입력으로 같은 일을 합니다."
            ),
        },
        input_shape=(28, 28),
        dataset=DatasetSpec(name="mnist-5k", params={"flatten": False}),
        training=TrainingSpec(
            loss="sparse_categorical_crossentropy",
            optimizer={"class_name": "Adam", "config": {"learning_rate": 0.001}},
            batch_size=32,
            epochs=5,
            metrics=["accuracy"],
            validation_split=0.1,
            seed=0,
        ),
    )
    p.add_layer("Flatten")
    p.add_layer("Dense", units=128, activation="relu")
    p.add_layer("Dense", units=10, activation="softmax")
    return p


def overfitting() -> Project:
    from .guided import overfitting_project

    return overfitting_project()


EXAMPLES: dict[str, Callable[[], Project]] = {
    name: _full_configs(builder, name)
    for name, builder in (
        ("xor", xor),
        ("gates", gates),
        ("animals", animals),
        ("spirals", spirals),
        ("mnist", mnist),
        ("mnist-images", mnist_images),
        ("overfitting", overfitting),
    )
}
DEFAULT = "xor"  # the lesson `nnstudio` opens with


def names() -> list[str]:
    return list(EXAMPLES)


def path(name: str) -> Path:
    """The bundled file of lesson ``name`` (ProjectError for an unknown name)."""
    if name not in EXAMPLES:
        raise ProjectError(
            f"There is no lesson called {name!r}; the lessons are {', '.join(EXAMPLES)}."
        )
    return resource("examples", f"{name}.nnproj")


def is_bundled(path: str | os.PathLike) -> bool:
    """Is ``path`` one of the bundled lesson files (their folder may be read-only)?"""
    try:
        return Path(path).resolve().parent == resource("examples").resolve()
    except OSError:
        return False


def load(name: str) -> Project:
    """Lesson ``name``: the bundled file, or freshly built when the resources are not installed."""
    from .fileformat import load as load_file

    file = path(name)
    if file.is_file():
        return load_file(file)
    return EXAMPLES[name]()


def title(name: str) -> str:
    return load(name).title


def write_examples(folder: str | os.PathLike | None = None) -> list[Path]:
    """Save every lesson's untrained project into ``folder``; returns the files written."""
    from .fileformat import save

    folder = Path(folder) if folder is not None else resource("examples")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in EXAMPLES.items():
        target = folder / f"{name}.nnproj"
        save(builder(), target)
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover - the regeneration command
    for file in write_examples(sys.argv[1] if len(sys.argv) > 1 else None):
        print(file)
