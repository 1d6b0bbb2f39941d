"""The Keras importer on textbook-style snippets: what comes in, and what is reported (never run)."""

from __future__ import annotations

import os
import textwrap

import pytest

from nnstudio.project import ProjectError
from nnstudio.project.keras_import import (
    MAX_BYTES,
    KerasImportError,
    import_keras,
    read_text,
)


def imp(code: str):
    return import_keras(textwrap.dedent(code), "snippet.py")


def net(result) -> list[tuple]:
    """(type, units or activation or rate, activation) per layer."""
    out = []
    for s in result.project.layers:
        c = s.config
        if s.type == "Dense":
            out.append(("Dense", c["units"], c["activation"]))
        elif s.type == "Activation":
            out.append(("Activation", c["activation"]))
        else:
            out.append((s.type, c.get("rate")))
    return out


def notes(result) -> str:
    return "\n".join(str(n) for n in result.notes)


# -- the corpus: (id, code, expected network, expected training fields, substrings of the notes) -------------
CORPUS = [
    (
        "chollet-mnist",
        """
        from tensorflow import keras
        from tensorflow.keras import layers
        model = keras.Sequential([
            layers.Dense(512, activation="relu"),
            layers.Dense(10, activation="softmax")
        ])
        model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        (train_images, train_labels), (test_images, test_labels) = keras.datasets.mnist.load_data()
        model.fit(train_images, train_labels, epochs=5, batch_size=128)
     """,
        [("Dense", 512, "relu"), ("Dense", 10, "softmax")],
        {
            "loss": "sparse_categorical_crossentropy",
            "epochs": 5,
            "batch_size": 128,
            "optimizer": {"class_name": "RMSprop", "config": {"learning_rate": 0.001}},
        },
        [],
    ),
    (
        "add-style-tf",
        """
        import tensorflow as tf
        model = tf.keras.models.Sequential()
        model.add(tf.keras.layers.Dense(8, input_dim=2, activation='tanh'))
        model.add(tf.keras.layers.Dense(1, activation='sigmoid'))
        model.compile(loss='binary_crossentropy', optimizer=tf.keras.optimizers.Adam(learning_rate=0.05),
                      metrics=['accuracy'])
        model.fit(x, y, epochs=100, batch_size=4)
     """,
        [("Dense", 8, "tanh"), ("Dense", 1, "sigmoid")],
        {
            "loss": "binary_crossentropy",
            "epochs": 100,
            "batch_size": 4,
            "optimizer": {"class_name": "Adam", "config": {"learning_rate": 0.05}},
        },
        [],
    ),
    (
        "from-keras-layers-alias",
        """
        from keras.models import Sequential
        from keras.layers import Dense as D, Activation as A, Dropout
        from keras.optimizers import SGD
        m = Sequential()
        m.add(D(64, input_shape=(784,)))
        m.add(A('relu'))
        m.add(Dropout(0.2))
        m.add(D(10))
        m.add(A('softmax'))
        m.compile(SGD(0.1, momentum=0.9), 'categorical_crossentropy', metrics=['acc'])
     """,
        [
            ("Dense", 64, "linear"),
            ("Activation", "relu"),
            ("Dropout", 0.2),
            ("Dense", 10, "linear"),
            ("Activation", "softmax"),
        ],
        {
            "loss": "categorical_crossentropy",
            "metrics": ["acc"],
            "optimizer": {"class_name": "SGD", "config": {"learning_rate": 0.1, "momentum": 0.9}},
        },
        ["fit()"],
    ),
    (
        "import-tensorflow-keras-layers-as",
        """
        import tensorflow.keras.layers as L
        import tensorflow.keras as K
        model = K.Sequential([K.Input(shape=(4,)), L.Dense(16, activation="relu"), L.Dense(3, activation="softmax")])
        model.compile(optimizer=K.optimizers.RMSprop(learning_rate=0.01, rho=0.8), loss="categorical_crossentropy")
     """,
        [("Dense", 16, "relu"), ("Dense", 3, "softmax")],
        {"optimizer": {"class_name": "RMSprop", "config": {"learning_rate": 0.01, "rho": 0.8}}},
        [],
    ),
    (
        "keras3-layers-module",
        """
        import keras
        from keras import layers
        model = keras.Sequential()
        model.add(keras.Input(shape=(2,)))
        model.add(layers.Dense(4, activation=keras.activations.relu))
        model.add(layers.Dense(1, activation="sigmoid"))
        model.compile(optimizer=keras.optimizers.Adagrad(), loss=keras.losses.BinaryCrossentropy(),
                      metrics=[keras.metrics.BinaryAccuracy()])
     """,
        [("Dense", 4, "relu"), ("Dense", 1, "sigmoid")],
        {
            "loss": "binary_crossentropy",
            "metrics": ["binary_accuracy"],
            "optimizer": {"class_name": "Adagrad", "config": {"learning_rate": 0.001}},
        },
        [],
    ),
    (
        "constants-and-arithmetic",
        """
        from tensorflow.keras import models, layers
        num_classes = 10
        hidden = 256
        model = models.Sequential()
        model.add(layers.Dense(hidden * 2, activation='relu', input_shape=(28 * 28,)))
        model.add(layers.Dense(num_classes, activation='softmax'))
        epochs, batch = 3, 64
        model.compile('adam', 'categorical_crossentropy', ['accuracy'])
        model.fit(x_train, y_train, batch, epochs, validation_split=0.2)
     """,
        [("Dense", 512, "relu"), ("Dense", 10, "softmax")],
        {
            "epochs": 3,
            "batch_size": 64,
            "validation_split": 0.2,
            "input_shape": (784,),
            "dataset": "mnist-5k",
        },
        ["784 inputs look like MNIST"],
    ),
    (
        "optimizer-variable-and-lr",
        """
        from keras.layers import Dense
        from keras.models import Sequential
        from keras import optimizers
        opt = optimizers.SGD(lr=0.5)
        model = Sequential([Dense(1, input_dim=2, activation='sigmoid')])
        model.compile(optimizer=opt, loss='mse')
        history = model.fit(X, y, epochs=1000, verbose=0)
     """,
        [("Dense", 1, "sigmoid")],
        {
            "loss": "mean_squared_error",
            "epochs": 1000,
            "optimizer": {"class_name": "SGD", "config": {"learning_rate": 0.5}},
        },
        ["lr is the old name"],
    ),
    (
        "build-function",
        """
        from tensorflow import keras
        def build_model():
            model = keras.Sequential([
                keras.layers.Dense(64, activation='relu', input_shape=[13]),
                keras.layers.Dense(1)
            ])
            model.compile(loss='mse', optimizer=keras.optimizers.RMSprop(0.001), metrics=['mae'])
            return model
        model = build_model()
        model.fit(train_data, train_targets, epochs=80, batch_size=16, verbose=0)
     """,
        [("Dense", 64, "relu"), ("Dense", 1, "linear")],
        {"epochs": 80, "batch_size": 16, "metrics": ["mae"], "input_shape": (13,)},
        [],
    ),
    (
        "returned-sequential",
        """
        from keras import Sequential
        from keras.layers import Dense
        def make():
            return Sequential([Dense(3, input_shape=(2,), activation="relu"), Dense(3, activation="softmax")])
        net = make()
        net.compile(optimizer="sgd", loss="categorical_crossentropy")
        net.fit(x, y, epochs=300)
     """,
        [("Dense", 3, "relu"), ("Dense", 3, "softmax")],
        {"epochs": 300},
        [],
    ),
    (
        "no-imports-snippet",
        """
        model = Sequential()
        model.add(Dense(32, activation='relu', input_dim=100))
        model.add(Dense(1, activation='sigmoid'))
        model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['accuracy'])
     """,
        [("Dense", 32, "relu"), ("Dense", 1, "sigmoid")],
        {"input_shape": (100,)},
        ["is not imported"],
    ),
    (
        "add-without-sequential",
        """
        from keras.layers import Dense
        model.add(Dense(10, input_shape=(5,), activation="relu"))
        model.add(Dense(2, activation="softmax"))
     """,
        [("Dense", 10, "relu"), ("Dense", 2, "softmax")],
        {},
        ["not made with Sequential()"],
    ),
    (
        "unknown-layers",
        """
        from tensorflow.keras import layers, Sequential
        model = Sequential([
            layers.Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(10, activation="softmax"),
        ])
     """,
        [("Flatten", None), ("Dense", 10, "softmax")],
        {},
        [
            "line 4: Conv2D is a Keras layer nnstudio does not have",
            "line 5: MaxPooling2D",
        ],
    ),
    (
        "flatten-input",
        """
        import tensorflow as tf
        model = tf.keras.models.Sequential([
          tf.keras.layers.Flatten(input_shape=(28, 28)),
          tf.keras.layers.Dense(128, activation='relu'),
          tf.keras.layers.Dropout(0.2),
          tf.keras.layers.Dense(10, activation='softmax')
        ])
        model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        model.fit(x_train, y_train, epochs=5)
     """,
        [("Flatten", None), ("Dense", 128, "relu"), ("Dropout", 0.2), ("Dense", 10, "softmax")],
        {"input_shape": (28, 28), "epochs": 5},
        [],
    ),
    (
        "activation-layer-classes",
        """
        from keras import layers, Sequential
        model = Sequential([layers.Input((2,)), layers.Dense(8), layers.ReLU(), layers.Dense(3), layers.Softmax()])
     """,
        [
            ("Dense", 8, "linear"),
            ("Activation", "relu"),
            ("Dense", 3, "linear"),
            ("Activation", "softmax"),
        ],
        {"input_shape": (2,)},
        [],
    ),
    (
        "initializers-and-regularizers",
        """
        from tensorflow.keras import layers, initializers, regularizers, Sequential
        model = Sequential()
        model.add(layers.Dense(3, input_dim=2, activation="relu",
                               kernel_initializer=initializers.RandomNormal(stddev=0.01),
                               bias_initializer="ones", kernel_regularizer=regularizers.l2(0.001)))
        model.add(layers.Dense(1, activation="sigmoid", kernel_initializer="he_normal", use_bias=False))
     """,
        [("Dense", 3, "relu"), ("Dense", 1, "sigmoid")],
        {},
        [],
    ),
    (
        "unknown-activation-and-settings",
        """
        from keras.layers import Dense
        from keras import Sequential
        model = Sequential([Dense(8, input_dim=2, activation='selu'), Dense(4, kernel_constraint=c, activation='relu'),
                            Dense(1, activation='sigmoid')])
        model.compile(optimizer='nadam', loss='hinge', metrics=['accuracy', 'auc'])
        model.fit(x, y, epochs=10, validation_data=(xv, yv), callbacks=[early])
     """,
        [("Dense", 4, "relu"), ("Dense", 1, "sigmoid")],
        {"epochs": 10},
        [
            "activation 'selu' is not in nnstudio",
            "kernel_constraint",
            "optimizer 'nadam'",
            "loss 'hinge'",
            "metric 'auc'",
            "validation_data",
            "fit(callbacks=...)",
        ],
    ),
    (
        "seed-and-datasets",
        """
        import tensorflow as tf
        from tensorflow.keras.datasets import fashion_mnist
        tf.random.set_seed(42)
        model = tf.keras.Sequential([tf.keras.layers.Dense(10, activation='softmax', input_shape=(784,))])
     """,
        [("Dense", 10, "softmax")],
        {"seed": 42, "dataset": "fashion-mnist"},
        [],
    ),
    (
        "from-logits-and-typo-optimizer",
        """
        from keras import layers, losses, Sequential
        from keras.optimizers import Adm
        model = Sequential([layers.Dense(10, input_shape=(784,))])
        model.compile(optimizer=Adm(0.001), loss=losses.SparseCategoricalCrossentropy(from_logits=True))
     """,
        [("Dense", 10, "linear")],
        {"loss": "sparse_categorical_crossentropy"},
        ["keras.optimizers has no Adm: did you mean Adam?", "from_logits=True is not supported"],
    ),
    (
        "two-models",
        """
        from keras import Sequential, layers
        a = Sequential([layers.Dense(2, input_shape=(2,))])
        b = Sequential([layers.Dense(5, input_shape=(2,))])
     """,
        [("Dense", 2, "linear")],
        {},
        ["line 4: a second model (b) is not imported"],
    ),
    (
        "layer-variables",
        """
        from tensorflow.keras.layers import Dense
        from tensorflow.keras.models import Sequential
        hidden = Dense(6, activation="tanh", input_shape=(2,))
        out = Dense(1, activation="sigmoid", name="answer")
        model = Sequential([hidden, out])
     """,
        [("Dense", 6, "tanh"), ("Dense", 1, "sigmoid")],
        {},
        [],
    ),
    (
        "bad-values-reported",
        """
        from keras import Sequential, layers
        model = Sequential([layers.Dense(0, input_shape=(2,)), layers.Dense(3, activation="relu"),
                            layers.Dropout(1.5), layers.Dense(x_train.shape[1])])
        model.fit(x, y, epochs=-3, batch_size="big")
     """,
        [("Dense", 3, "relu")],
        {"epochs": 1},
        [
            "units must be a positive integer",
            "rate must be a number",
            "x_train.shape[1]",
            "fit(epochs=-3)",
        ],
    ),
    (
        "typo-activation-import",
        """
        from tensorflow.keras.models import Sequential
        from tensorflow.keras.layers import Dense, Activaion
        model = Sequential()
        model.add(Dense(10, input_dim=4))
        model.add(Activaion('relu'))
        model.add(Dense(3))
        model.add(Activation('softmax'))
     """,
        [("Dense", 10, "linear"), ("Dense", 3, "linear"), ("Activation", "softmax")],
        {},
        [
            "line 3: keras.layers has no Activaion: did you mean Activation?",
            "line 6: Keras has no layer Activaion",
            "line 8: Activation is not imported",
        ],
    ),
]


@pytest.mark.parametrize(
    "name, code, layers, training, expected_notes", CORPUS, ids=[c[0] for c in CORPUS]
)
def test_corpus(name, code, layers, training, expected_notes):
    result = imp(code)
    assert net(result) == layers, notes(result)
    p = result.project
    for key, value in training.items():
        if key == "input_shape":
            assert p.input_shape == value
        elif key == "dataset":
            assert p.dataset.name == value
        else:
            assert getattr(p.training, key) == value, (key, notes(result))
    text = notes(result)
    for expected in expected_notes:
        assert expected in text, text
    if not expected_notes:
        assert all(
            "left out" not in str(n) and "not understood" not in str(n) for n in result.notes
        ), text


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 20


def test_initializers_and_regularizers_come_in_as_engine_configs():
    result = imp(CORPUS[[c[0] for c in CORPUS].index("initializers-and-regularizers")][1])
    first, second = (s.config for s in result.project.layers)
    assert first["kernel_initializer"] == {
        "class_name": "RandomNormal",
        "config": {"mean": 0.0, "stddev": 0.01, "seed": None},
    }
    assert first["bias_initializer"] == "ones"
    assert first["kernel_regularizer"] == {"class_name": "L2", "config": {"l2": 0.001}}
    assert second["kernel_initializer"] == "he_normal" and second["use_bias"] is False


def test_layer_names_become_ids():
    result = imp(CORPUS[[c[0] for c in CORPUS].index("layer-variables")][1])
    assert [s.id for s in result.project.layers] == ["dense", "answer"]


def test_hostile_argument_is_refused_and_nothing_runs(tmp_path, monkeypatch):
    marker = tmp_path / "pwned"
    code = f"""
        from keras import Sequential, layers
        model = Sequential([
            layers.Dense(__import__('os').system('touch {marker}'), input_shape=(2,)),
            layers.Dense(eval("__import__('os').system('touch {marker}')") or 3, activation="softmax"),
            layers.Dense(2, activation=__import__('os').system('touch {marker}')),
            layers.Dense(4, activation="relu"),
        ])
        __import__('os').system('touch {marker}')
        exec("open('{marker}', 'w')")
    """
    import builtins
    import os
    import subprocess

    def forbidden(*args, **kwargs):
        raise AssertionError("the importer ran something")

    for module, attr in (
        (builtins, "eval"),
        (builtins, "exec"),
        (os, "system"),
        (subprocess, "Popen"),
    ):
        monkeypatch.setattr(module, attr, forbidden)
    try:
        result = imp(code)
    finally:
        monkeypatch.undo()
    assert not marker.exists()
    text = notes(result)
    assert "line 4: Dense(units=__import__('os').system(" in text and "a function call" in text
    assert "line 5:" in text and "line 6:" in text
    assert [(s.type, s.config["units"]) for s in result.project.layers] == [("Dense", 4)]


def test_a_file_of_only_hostile_code_says_no_model():
    with pytest.raises(KerasImportError, match="no Keras model"):
        imp("__import__('os').system('echo hi')\n")


def test_syntax_error_names_the_line():
    with pytest.raises(ProjectError) as info:
        imp("""
            from keras.layers import Dense
            model = Sequential()
            model.add(Dense(3 activation='relu'))
        """)
    assert str(info.value).startswith("line 4: this is not valid Python")
    assert "model.add(Dense(3 activation='relu'))" in str(info.value)
    assert info.value.line == 4


def test_indentation_error_names_the_line():
    with pytest.raises(KerasImportError) as info:
        imp("model = Sequential()\n  model.add(Dense(2))\n")
    assert info.value.line == 2


def test_no_model_says_so_in_one_line():
    with pytest.raises(KerasImportError) as info:
        imp("import numpy as np\nx = np.zeros(3)\nprint(x)\n")
    message = str(info.value)
    assert "no Keras model was found" in message and "\n" not in message


def test_functional_api_is_reported():
    with pytest.raises(KerasImportError, match="functional API"):
        imp("""
            from keras import Input, Model, layers
            inputs = Input(shape=(2,))
            outputs = layers.Dense(1)(inputs)
            model = Model(inputs, outputs)
        """)


def test_two_megabyte_file_is_refused(tmp_path):
    big = "# padding\n" * (2_000_000 // 10)
    code = (
        "from keras import Sequential, layers\nmodel = Sequential([layers.Dense(1, input_shape=(2,))])\n"
        + big
    )
    assert len(code.encode()) > 2_000_000 > MAX_BYTES
    with pytest.raises(KerasImportError, match="1 MB"):
        import_keras(code)
    path = tmp_path / "big.py"
    path.write_text(code)
    with pytest.raises(KerasImportError, match="big.py is 2.0 MB"):
        read_text(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "model.py"
    path.write_bytes(b"\xff\xfe\x00\x81 not text")
    with pytest.raises(KerasImportError, match="not a UTF-8 text file"):
        read_text(path)
    path.write_bytes(b"x = 1\x00\n")
    with pytest.raises(KerasImportError):
        import_keras(path.read_bytes().decode())


def test_deeply_nested_code_is_a_clear_error():
    with pytest.raises(KerasImportError):
        imp("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")


def test_notes_are_sorted_by_line_and_print_as_line_n():
    result = imp(CORPUS[[c[0] for c in CORPUS].index("unknown-activation-and-settings")][1])
    lines = [n.line for n in result.notes if n.line]
    assert lines == sorted(lines)
    assert str(result.notes[0]).startswith(f"line {result.notes[0].line}: ")


def test_imported_project_builds_and_trains():
    result = imp(CORPUS[0][1])
    p = result.project
    assert p.dataset.name == "mnist" and p.input_shape == (784,)
    model = p.model
    assert model.count_params() == 784 * 512 + 512 + 512 * 10 + 10


def test_metric_objects_are_named_as_keras_names_them():
    result = imp("""
        import keras
        model = keras.Sequential([keras.layers.Dense(1, input_shape=(2,), activation="sigmoid")])
        model.compile(loss="binary_crossentropy",
                      metrics=[keras.metrics.BinaryAccuracy(), keras.metrics.AUC(), keras.metrics.MeanSquaredError()])
    """)
    assert result.project.training.metrics == ["binary_accuracy", "mean_squared_error"]
    assert "the metric 'auc' is not in nnstudio" in notes(result)


def _mutations():
    from hypothesis import strategies as st

    snippets = [textwrap.dedent(c[1]) for c in CORPUS]
    tokens = [
        "(",
        ")",
        "[",
        "]",
        ",",
        "=",
        ".",
        "Dense",
        "add",
        "Sequential",
        "None",
        "-1",
        "1e400",
        "'relu'",
        "input_shape",
        "**k",
        "*a",
        "lambda: 0",
        "x.y",
        "0",
        "\n",
        " ",
        "model",
        "compile",
        "fit",
        "layers",
    ]

    @st.composite
    def mutated(draw):
        text = draw(st.sampled_from(snippets))
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(text)))
            if draw(st.booleans()):
                text = text[:at] + draw(st.sampled_from(tokens)) + text[at:]
            else:
                text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        return text

    return mutated()


def test_mutated_snippets_never_escape_as_anything_but_a_clear_error():
    """Whatever the text, the importer returns a project or raises ProjectError: never a traceback.
    (FUZZ_EXAMPLES=5000 for a longer run.)"""
    from hypothesis import HealthCheck, given, settings

    @settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
        deadline=None,
        derandomize="FUZZ_EXAMPLES" not in os.environ,
        suppress_health_check=list(HealthCheck),
    )
    @given(_mutations())
    def check(text):
        try:
            result = import_keras(text, "fuzz.py")
        except ProjectError as exc:
            assert str(exc) and "\n" not in str(exc).strip()
            return
        assert result.project.layers
        assert (
            result.project.model.count_params() >= 0
        )  # what came in builds (a lone Dropout has none)

    check()
