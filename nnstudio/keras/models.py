"""keras.models: Sequential with Keras 3's conventions on top of the engine's.

The engine speaks per-sample shapes, (784,), as the studio shows them; Keras puts the batch
in front as None, (None, 784). This Sequential answers input_shape / output_shape and
build() the Keras way, prints summary() in Keras's exact text, lists model.weights, and
answers save("x.keras") with where the model can go instead.
"""

import numpy as np

from ..engine import metrics as metrics_mod
from ..engine import model as model_mod
from . import compile_args, weighting


class Sequential(model_mod.Sequential):
    """keras.models.Sequential([...]) / keras.Sequential([...])."""

    def __init__(self, layers=None, trainable=True, name=None):
        self._batch_dim = None
        super().__init__(layers, name=name)

    # ----- shapes with the batch first -----
    @property
    def input_shape(self):
        if self._input_shape is None:
            raise AttributeError(
                "The model has no input shape yet: start it with keras.Input(shape=...), give "
                "the first layer input_shape=..., or call build() or fit()."
            )
        return (self._batch_dim, *self._input_shape)

    @property
    def output_shape(self):
        shape = self._sample_output_shape()
        if shape is None:
            raise AttributeError("The model has no output shape until its input shape is known.")
        return (self._batch_dim, *shape)

    def build(self, input_shape=None, _rng=None, _dtype=None):
        """build((None, 784)) as in Keras: the first entry is the batch size (None: any)."""
        batch = self._batch_dim
        if input_shape is not None and not (_rng is not None or _dtype is not None):
            shape = tuple(input_shape) if not isinstance(input_shape, int) else (input_shape,)
            if len(shape) < 2:
                raise ValueError(
                    "build() takes the shape of a batch, e.g. model.build((None, 784)) for "
                    f"samples of 784 features; received input_shape={input_shape!r}."
                )
            batch, input_shape = shape[0], shape[1:]
        super().build(input_shape, _rng=_rng, _dtype=_dtype)
        self._batch_dim = batch

    def _ensure_built(self, x=None):
        if not self.built:  # the engine's build: x's per-sample shape
            shape = np.shape(x)[1:] if self._input_shape is None and x is not None else None
            model_mod.Sequential.build(self, shape)

    # ----- compile with Keras objects -----
    def compile(self, optimizer="rmsprop", loss=None, metrics=None, **kwargs):
        """As Keras: optimizer/loss/metrics given as names or objects (loss_weights,
        run_eagerly, jit_compile... are accepted and ignored: one output, always eager)."""
        names, custom = compile_args.metrics(metrics)
        super().compile(
            optimizer=compile_args.optimizer(optimizer),
            loss=compile_args.loss(loss),
            metrics=[n for i, n in enumerate(names or []) if i not in custom],
        )
        if custom:  # metric objects the engine has no name for (keras.metrics.Accuracy())
            self._metric_names = list(names)
            if len(set(names)) != len(names):
                raise ValueError(f"metrics lists a metric twice, received: metrics={names!r}")
        self._custom_metrics = custom

    def _resolve_metrics(self, t):
        custom = getattr(self, "_custom_metrics", {})
        weighted = isinstance(self._loss_fn, weighting.Weighted)
        if self._metric_fns is None and (custom or weighted):
            out_shape = (len(t), *self._sample_output_shape())
            t_shape = (len(t), *self._loss_fn._shape) if weighted else t.shape
            fns = [
                custom[i]
                if i in custom
                else metrics_mod.resolve(name, t_shape, out_shape, self._loss_fn.sparse)
                for i, name in enumerate(self._metric_names)
            ]
            self._metric_fns = (
                [self._loss_fn.unweighted_metric(fn) for fn in fns] if weighted else fns
            )
        return super()._resolve_metrics(t)

    # ----- sample_weight / class_weight -----
    def _weighted(self, run, x, y, sample_weight, class_weight):
        if sample_weight is None and class_weight is None:
            return run(y)
        self._require_compiled("fit")
        y = np.asarray(y)
        w = weighting.sample_weights(y, sample_weight, class_weight, len(y))
        base, fns = self._loss_fn, self._metric_fns
        self._loss_fn, self._metric_fns = weighting.Weighted(base, y, w), None
        try:
            return run(y)
        finally:
            self._loss_fn, self._metric_fns = base, fns

    def fit(
        self,
        x=None,
        y=None,
        batch_size=None,
        epochs=1,
        verbose="auto",
        callbacks=None,
        validation_split=0.0,
        validation_data=None,
        shuffle=True,
        class_weight=None,
        sample_weight=None,
        initial_epoch=0,
        **kwargs,
    ):
        """Keras's fit, with sample_weight and class_weight."""
        if validation_data is not None and len(validation_data) == 3:
            raise ValueError("validation_data with sample weights is not supported here.")
        return self._weighted(
            lambda yy: super(Sequential, self).fit(
                x,
                yy,
                batch_size=batch_size,
                epochs=epochs,
                verbose=verbose,
                callbacks=callbacks,
                validation_split=validation_split,
                validation_data=validation_data,
                shuffle=shuffle,
                initial_epoch=initial_epoch,
            ),
            x,
            y,
            sample_weight,
            class_weight,
        )

    def evaluate(
        self,
        x=None,
        y=None,
        batch_size=None,
        verbose="auto",
        sample_weight=None,
        return_dict=False,
        callbacks=None,
        **kwargs,
    ):
        """Keras's evaluate, with sample_weight."""
        verbose = 1 if verbose == "auto" else verbose
        return self._weighted(
            lambda yy: super(Sequential, self).evaluate(
                x,
                yy,
                batch_size=batch_size,
                verbose=verbose,
                return_dict=return_dict,
                callbacks=callbacks,
            ),
            x,
            y,
            sample_weight,
            None,
        )

    def predict(self, x, batch_size=None, verbose="auto", callbacks=None, **kwargs):
        verbose = 1 if verbose == "auto" else verbose
        return super().predict(x, batch_size=batch_size, verbose=verbose, callbacks=callbacks)

    # ----- weights -----
    @property
    def weights(self):
        """Every parameter array (the model's own storage, not copies), kernel then bias."""
        self._ensure_built()
        return [p for layer in self.layers for p in layer.params.values()]

    trainable_weights = weights

    @property
    def non_trainable_weights(self):
        return []

    def save(self, filepath, *args, **kwargs):
        raise NotImplementedError(
            f"model.save({str(filepath)!r}) would write a Keras file, which nnstudio does not "
            "write. Keep the model as a project instead: open the script in the studio "
            "(File > Import Keras script) and save the .nnproj file, or keep the weights with "
            'model.save_weights("weights.npz") and load_weights("weights.npz").'
        )

    def save_weights(self, filepath, overwrite=True):
        """Every parameter into a NumPy .npz file, by name ("dense/kernel", ...)."""
        filepath = str(filepath)
        if not filepath.endswith(".npz"):
            raise ValueError(
                f"save_weights writes NumPy .npz files here, received filepath={filepath!r}; "
                'use a name ending in ".npz", e.g. "weights.npz".'
            )
        np.savez(filepath, **self.weight_dict())

    def load_weights(self, filepath):
        with np.load(str(filepath), allow_pickle=False) as data:
            self.set_weight_dict({k: data[k] for k in data.files})

    # ----- summary, in Keras 3's text -----
    def summary(self, line_length=None, positions=None, print_fn=None, **kwargs):
        print_fn = print_fn or print
        for line in summary_lines(self):
            print_fn(line)


def summary_lines(model):
    """Keras 3.15's model.summary() text for a Sequential model (the rich table it prints)."""
    widths = (33, 24, 15)

    def row(cells, bar):
        name, shape, count = cells
        return (
            f"{bar} {name:<{widths[0] - 2}} {bar} {shape:<{widths[1] - 2}} "
            f"{bar} {count:>{widths[2] - 2}} {bar}"
        )

    rows = []
    for name, cls, shape, count in model.summary_rows():
        shape_s = "?" if shape is None else "(None, " + ", ".join(str(d) for d in shape) + ")"
        count_s = "0 (unbuilt)" if count is None or shape is None else f"{count:,}"
        rows.append((f"{name} ({cls})", shape_s, count_s))
    total = sum(c for *_, c in model.summary_rows() if c is not None) if model.built else 0
    size = _bytes(total * np.dtype(model.dtype or "float32").itemsize)
    lines = [
        f'Model: "{model.name}"',
        "┏" + "┳".join("━" * w for w in widths) + "┓",
        row(("Layer (type)", "Output Shape", "Param #"), "┃"),
        "┡" + "╇".join("━" * w for w in widths) + "┩",
    ]
    for i, cells in enumerate(rows):
        if i:
            lines.append("├" + "┼".join("─" * w for w in widths) + "┤")
        lines.append(row(cells, "│"))
    lines += [
        "└" + "┴".join("─" * w for w in widths) + "┘",
        f" Total params: {total:,} ({size})",
        f" Trainable params: {total:,} ({size})",
        " Non-trainable params: 0 (0.00 B)",
    ]
    return lines


def _bytes(n):
    return model_mod._bytes(n)


def load_model(filepath, *args, **kwargs):
    raise NotImplementedError(
        f"load_model({str(filepath)!r}): nnstudio does not read Keras model files. Rebuild the "
        "model in code and call model.load_weights(...) with an .npz file, or open a .nnproj "
        "project in the studio."
    )


__all__ = ["Sequential", "load_model"]
