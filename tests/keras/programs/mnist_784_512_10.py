from nnstudio import keras  # was: from tensorflow import keras
from nnstudio.keras import layers
from nnstudio.keras.datasets import mnist
from nnstudio.keras.utils import to_categorical

(train_images, train_labels), (test_images, test_labels) = mnist.load_data()
train_images = train_images.reshape((-1, 28 * 28)).astype("float32") / 255
test_images = test_images.reshape((-1, 28 * 28)).astype("float32") / 255
train_labels = to_categorical(train_labels)
test_labels = to_categorical(test_labels)

network = keras.models.Sequential()
network.add(layers.Dense(512, activation="relu", input_shape=(28 * 28,)))
network.add(layers.Dense(10, activation="softmax"))
network.summary()
network.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
network.fit(train_images[:2000], train_labels[:2000], epochs=2, batch_size=128, verbose=0)
test_loss, test_acc = network.evaluate(test_images, test_labels, verbose=0)
print("test_acc:", test_acc)
