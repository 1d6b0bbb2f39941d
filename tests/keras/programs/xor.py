import numpy as np
from nnstudio.keras.models import Sequential
from nnstudio.keras.layers import Dense
from nnstudio.keras.optimizers import SGD

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])

model = Sequential()
model.add(Dense(4, input_dim=2, activation="tanh"))
model.add(Dense(1, activation="sigmoid"))
model.summary()
model.compile(loss="binary_crossentropy", optimizer=SGD(learning_rate=0.5), metrics=["accuracy"])
model.fit(X, y, epochs=500, batch_size=4, verbose=0)
print(model.predict(X, verbose=0).round().ravel())
for layer in model.layers:
    W, b = layer.get_weights()
    print(layer.name, W.shape, b.shape)
