import numpy as np
import nnstudio as tf  # was: import tensorflow as tf

# features: [has fur, lays eggs, can fly, lives in water]
x = np.array(
    [[1, 0, 0, 0], [1, 0, 0, 1], [0, 1, 1, 0], [0, 1, 0, 1], [0, 1, 1, 1], [1, 0, 0, 0]],
    dtype="float32",
)
y = np.array([0, 0, 1, 2, 1, 0])  # 0 mammal, 1 bird, 2 fish

tf.keras.utils.set_random_seed(1)
model = tf.keras.models.Sequential(
    [
        tf.keras.layers.Dense(8, activation="relu", input_shape=(4,)),
        tf.keras.layers.Dense(3, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()
history = model.fit(x, y, epochs=300, verbose=0)
print("final accuracy", history.history["accuracy"][-1])
pred = model.predict(np.array([[1, 0, 0, 1]], dtype="float32"), verbose=0)
print("prediction", int(np.argmax(pred)))
