import numpy as np
import nnstudio.keras as keras  # was: import keras
from nnstudio.keras import layers  # was: from keras import layers


def tqdm(iterable, **kwargs):  # the notes use tqdm; any iterable wrapper behaves the same
    return iterable


rng = np.random.default_rng(0)
x = rng.normal(size=(200, 2)).astype("float32")
y = (x[:, 0] * x[:, 1] > 0).astype("float32")

model = keras.Sequential(
    [
        keras.Input(shape=(2,)),
        layers.Dense(16, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.01),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)
model.summary()
losses = []
for _ in tqdm(range(30), desc="training"):
    h = model.fit(x, y, epochs=1, batch_size=20, verbose=0)
    losses.append(h.history["loss"][0])
print("first", losses[0] > losses[-1], "last accuracy", h.history["accuracy"][0])
