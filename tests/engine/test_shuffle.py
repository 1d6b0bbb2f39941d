"""fit's per-epoch orders (engine/shuffle.py): one stream spawned from the seed, resume-exact."""

import numpy as np

from nnstudio.engine import Dense, RMSprop, Sequential, set_random_seed
from nnstudio.engine import trace as trace_mod
from nnstudio.engine.shuffle import EpochOrders, epoch_order, order_generator


def test_orders_are_successive_permutations_of_one_spawned_stream():
    rng = np.random.default_rng(np.random.SeedSequence(3).spawn(1)[0])
    expected = [rng.permutation(50) for _ in range(4)]
    orders = EpochOrders(3, 50)
    for epoch in range(4):
        np.testing.assert_array_equal(orders.order(epoch), expected[epoch])
    # random access (a resume, a second fit) gives the same orders
    np.testing.assert_array_equal(EpochOrders(3, 50).order(2), expected[2])
    np.testing.assert_array_equal(orders.order(1), expected[1])
    np.testing.assert_array_equal(epoch_order(3, 50, 3), expected[3])


def test_epoch_zero_is_not_drawn_from_the_initial_weights_stream():
    """The old orders, default_rng([s, epoch]), made epoch 0 the stream default_rng(s) that
    set_random_seed(s) draws the initial weights from; the spawned stream is another one."""
    for seed in range(5):
        same_as_weights = np.random.default_rng(seed).permutation(1000)
        np.testing.assert_array_equal(
            np.random.default_rng([seed, 0]).permutation(1000), same_as_weights
        )
        assert not np.array_equal(EpochOrders(seed, 1000).order(0), same_as_weights)
        assert not np.array_equal(order_generator(seed).permutation(1000), same_as_weights)


def _model():
    set_random_seed(4)
    model = Sequential([Dense(5, activation="relu", input_dim=3), Dense(2, activation="softmax")])
    model.compile(optimizer=RMSprop(0.01), loss="sparse_categorical_crossentropy")
    return model


def test_fit_visits_the_samples_in_the_orders_and_resumes_exactly():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(23, 3)).astype(np.float32)
    y = rng.integers(0, 2, 23)
    straight = _model()
    straight.fit(x, y, batch_size=5, epochs=4, verbose=0)
    # the same run interrupted after 2 epochs and resumed with initial_epoch=2
    resumed = _model()
    resumed.fit(x, y, batch_size=5, epochs=2, verbose=0)
    state = resumed.optimizer.get_state()
    again = _model()
    again.set_weights(resumed.get_weights())
    again.optimizer.set_state(state)
    again.fit(x, y, batch_size=5, epochs=4, initial_epoch=2, verbose=0)
    np.testing.assert_array_equal(again.weights_buffer(), straight.weights_buffer())
    # and by hand: train_on_batch over EpochOrders' batches gives the same weights
    by_hand = _model()
    orders = EpochOrders(by_hand.seed, 23)
    for epoch in range(4):
        order = orders.order(epoch)
        for start in range(0, 23, 5):
            index = order[start : start + 5]
            by_hand.train_on_batch(x[index], y[index])
    np.testing.assert_array_equal(by_hand.weights_buffer(), straight.weights_buffer())
    # trace.batch_index (the backprop window's batches) names the same samples
    np.testing.assert_array_equal(
        trace_mod.batch_index(23, 5, by_hand.seed, 3, 1), EpochOrders(4, 23).order(3)[5:10]
    )
