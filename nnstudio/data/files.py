"""Your own data: CSV tables, NumPy .npz archives, folders of IDX files; `load_file` picks the reader."""

from __future__ import annotations

import csv
import inspect
import io
import itertools
import math
import zipfile
import zlib
from pathlib import Path

import numpy as np

from nnstudio.i18n import NoQt

from .dataset import CLASSIFICATION, REGRESSION, Dataset
from .errors import DataError
from .generators import check_fraction, make_rng, split
from .fileio import NpzProblem, check_regular, open_regular, read_npz_arrays
from .idx import IDX_FILES, from_idx, images_to_features


def _t(text: str) -> str:  # an error template, translated where the studio shows it
    return NoQt.translate("errors", text)


MAX_CSV_BYTES = 512 * 1024**2
MISSING = {"", "na", "n/a", "nan", "null", "none", "?", "-"}
MAX_CLASSES = 1000
MAX_CSV_CLASSES_GUESS = 20  # more distinct whole numbers than this: a continuous target


def _number(text: str):
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


FLOAT32_MAX = float(np.finfo(np.float32).max)
HEADER_ROWS = 1000  # rows looked at to tell a header row
BLOCK = 1 << 14  # rows parsed into one float32 block


def _csv_encoding(path: Path) -> tuple[str, str]:
    """(encoding, the first ~64 KB as text), reading the file in chunks: never all of it at once."""
    import codecs

    try:
        check = check_regular(path)
        if check.st_size > MAX_CSV_BYTES:
            raise DataError.of(
                _t("{file} is {size} MB; nnstudio reads CSV files up to {limit} MB."),
                file=path.name,
                size=f"{check.st_size / 1024**2:.0f}",
                limit=MAX_CSV_BYTES // 1024**2,
            )
        with open_regular(path) as fh:
            head = fh.read(1 << 16)
        if b"\x00" in head[:4096]:
            raise DataError.of(
                _t("{file} is not a text file (it contains binary bytes); expected a CSV table."),
                file=path.name,
            )
        for encoding in ("utf-8-sig", "cp949"):
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                with open_regular(path) as fh:
                    while chunk := fh.read(1 << 16):
                        decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding, head.decode(encoding, errors="ignore")
        return "latin-1", head.decode("latin-1")
    except DataError:
        raise
    except FileNotFoundError:
        raise DataError.of(_t("There is no file “{path}”."), path=str(path)) from None
    except IsADirectoryError:
        raise DataError.of(_t("“{path}” is a folder, not a CSV file."), path=str(path)) from None
    except PermissionError:
        raise DataError.of(
            _t("nnstudio may not read “{path}” (permission denied)."), path=str(path)
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> DataError:
    return DataError.of(
        _t("Could not read “{path}”: {reason}."), path=str(path), reason=exc.strerror or exc
    )


def _csv_rows(path: Path, encoding: str, delimiter: str):
    """(row number, stripped cells) of every non-empty row, streamed from the file."""
    try:
        with open_regular(path) as raw:
            text = io.TextIOWrapper(raw, encoding=encoding, newline="")
            for i, row in enumerate(csv.reader(text, delimiter=delimiter)):
                cells = [c.strip() for c in row]
                if any(cells):
                    yield i + 1, cells
    except csv.Error as exc:
        raise _not_csv(path, exc) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _not_csv(path: Path, exc: csv.Error) -> DataError:
    return DataError.of(
        _t("{file} is not a valid CSV table ({reason})."), file=path.name, reason=str(exc)[:200]
    )


def _check_delimiter(delimiter) -> None:
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '\r\n"':
        raise DataError(
            "delimiter must be one character such as ',' ';' or a tab, "
            f"received: delimiter={str(delimiter)[:20]!r}."
        )


def csv_columns(path) -> tuple[list[str], bool]:
    """The column names of a CSV file and whether its first row is a header: the header's names
    (in the file's encoding, as from_csv reads it), else x1, x2, ... as from_csv names them.
    Parses only the first rows."""
    path = Path(path)
    _encoding, text = _csv_encoding(path)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the head may end mid-line
    lines = lines[:51]
    if not lines:
        raise DataError.of(
            _t("{file} is empty; expected a table with one sample per row."), file=path.name
        )
    try:
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=_sniff_delimiter(text)))
    except csv.Error as exc:
        raise _not_csv(path, exc) from None
    rows = [[c.strip() for c in r] for r in rows]
    if _looks_like_header(rows):
        return rows[0], True
    return [f"x{j + 1}" for j in range(len(rows[0]))], False


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    counts = {d: sample.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _looks_like_header(rows: list[list[str]]) -> bool:
    """A first row is a header when some column is a name there and numbers below it."""
    first, rest = rows[0], rows[1:]
    if not rest:
        return all(_number(c) is None for c in first)
    for j, cell in enumerate(first):
        below = [r[j] for r in rest[:50] if j < len(r) and r[j].strip().lower() not in MISSING]
        if _number(cell) is None and below and all(_number(c) is not None for c in below):
            return True
    # every column is text: a header if no first-row name repeats below in its column
    if all(_number(c) is None for c in first):
        return all(first[j] not in {r[j] for r in rest if j < len(r)} for j in range(len(first)))
    return False


def from_csv(
    path,
    label_column=None,
    header=None,
    delimiter=None,
    task=None,
    test_fraction=0.2,
    seed=0,
    name=None,
) -> Dataset:
    """A table, one sample per row -> Dataset.

    label_column: name or index of the target column (default: the last one).
    header: True/False, or None to detect it. task: "classification", "regression" or None to
    decide from the target (text or a few whole numbers -> classes; otherwise regression).
    Rows are shuffled with `seed` and test_fraction of them kept for testing.
    """
    path = Path(path)
    test_fraction = check_fraction(path.name, test_fraction)
    if task not in (None, CLASSIFICATION, REGRESSION):
        raise DataError(
            f"task must be 'classification', 'regression' or None (decide from the data), "
            f"received: task={task!r}."
        )
    encoding, sample = _csv_encoding(path)
    delimiter = delimiter or _sniff_delimiter(sample)
    _check_delimiter(delimiter)
    rows = _csv_rows(path, encoding, delimiter)
    first = []
    for item in rows:
        first.append(item)
        if len(first) >= HEADER_ROWS:
            break
    if not first:
        raise DataError.of(
            _t("{file} has no rows; expected a table with one sample per row."), file=path.name
        )
    if header is None:
        header = _looks_like_header([r for _, r in first])
    names = first[0][1] if header else None
    if header and len(first) == 1:
        raise DataError.of(
            _t("{file} has a header but no data rows; expected one sample per row below it."),
            file=path.name,
        )
    width = len(names) if names else len(first[0][1])
    if width < 2:
        raise DataError.of(
            _t(
                "{file} has only {width} column; expected at least one feature column and one "
                "label column."
            ),
            file=path.name,
            width=width,
        )
    if names is None:
        names = [f"x{j + 1}" for j in range(width)]
    # which column is the target
    if label_column is None:
        col = width - 1
    elif isinstance(label_column, str) and label_column in names:
        col = names.index(label_column)
    elif (
        isinstance(label_column, (int, np.integer))
        and not isinstance(label_column, bool)
        and -width <= label_column < width
    ):
        col = int(label_column) % width
    else:
        raise DataError.of(
            _t(
                "{file} has no column “{column}”; its columns are {names} (or give a number "
                "from 0 to {last})."
            ),
            file=path.name,
            column=label_column,
            names=", ".join(f"“{n}”" for n in names),
            last=width - 1,
        )
    feat_cols = [j for j in range(width) if j != col]
    # one pass in bounded memory: float32 blocks for the features; the labels as numbers
    # (float64) and, while there are few, as codes of their text
    blocks, label_blocks, code_blocks = [], [], []
    block = np.empty((BLOCK, len(feat_cols)), np.float32)
    label_block = np.empty(BLOCK, np.float64)
    code_block = np.empty(BLOCK, np.int32)
    texts: dict[str, int] | None = {}
    not_number = None  # the first label that is not a number
    filled = count = 0
    body = itertools.chain(first[1:] if header else first, rows)
    for line, r in body:
        if len(r) != width:
            raise DataError.of(
                _t(
                    "{file}, line {line}, has {count} values but the table has {width} columns; "
                    "every row must have the same number of values."
                ),
                file=path.name,
                line=line,
                count=len(r),
                width=width,
            )
        for k, j in enumerate(feat_cols):
            cell = r[j]
            if cell.lower() in MISSING:
                raise DataError.of(
                    _t(
                        "{file}, line {line}, column “{column}” has a missing value (“{cell}”); "
                        "fill it in or remove the row."
                    ),
                    file=path.name,
                    line=line,
                    column=names[j],
                    cell=cell,
                )
            v = _number(cell)
            if v is None:
                raise DataError.of(
                    _t(
                        "{file}, line {line}, column “{column}” holds “{cell}”, which is not a "
                        "number; feature columns must be numbers."
                    ),
                    file=path.name,
                    line=line,
                    column=names[j],
                    cell=cell[:40],
                )
            if abs(v) > FLOAT32_MAX:
                raise DataError.of(
                    _t(
                        "{file}, line {line}, column “{column}” holds “{cell}”, too large for "
                        "nnstudio's 32-bit numbers (up to about 3.4e38)."
                    ),
                    file=path.name,
                    line=line,
                    column=names[j],
                    cell=cell[:40],
                )
            block[filled, k] = v
        label = r[col]
        if label.lower() in MISSING:
            raise DataError.of(
                _t(
                    "{file}, line {line}, label column “{column}” is missing (“{cell}”); fill it "
                    "in or remove the row."
                ),
                file=path.name,
                line=line,
                column=names[col],
                cell=label,
            )
        v = _number(label)
        if v is None and not_number is None:
            not_number = label
        label_block[filled] = math.nan if v is None else v
        if texts is not None:
            code = texts.setdefault(label, len(texts))
            code_block[filled] = code
            if len(texts) > MAX_CLASSES:
                texts = None  # far too many to be classes: only numbers can be targets
        filled += 1
        count += 1
        if filled == BLOCK:
            blocks.append(block)
            label_blocks.append(label_block)
            code_blocks.append(code_block)
            block = np.empty_like(block)
            label_block = np.empty_like(label_block)
            code_block = np.empty_like(code_block)
            filled = 0
    if count == 0:
        raise DataError.of(
            _t("{file} has a header but no data rows; expected one sample per row below it."),
            file=path.name,
        )
    blocks.append(block[:filled])
    label_blocks.append(label_block[:filled])
    code_blocks.append(code_block[:filled])
    x = np.concatenate(blocks) if len(blocks) > 1 else blocks[0]
    del blocks, block
    values = np.concatenate(label_blocks)
    codes = np.concatenate(code_blocks) if texts is not None else None
    del label_blocks, code_blocks
    numeric = not_number is None
    if task is None:
        if not numeric:
            task = CLASSIFICATION
        else:
            whole = bool(np.all(values == np.round(values)))
            distinct = len(np.unique(values))
            few = distinct <= min(MAX_CSV_CLASSES_GUESS, max(2, count // 2))
            task = CLASSIFICATION if whole and few else REGRESSION
    if task == REGRESSION:
        if not numeric:
            raise DataError.of(
                _t(
                    "{file}: the target column “{column}” holds “{cell}”, which is not a number; "
                    "regression needs numeric targets."
                ),
                file=path.name,
                column=names[col],
                cell=not_number[:40],
            )
        if np.any(np.abs(values) > FLOAT32_MAX):
            raise DataError.of(
                _t(
                    "{file}: the target column “{column}” holds a value too large for nnstudio's "
                    "32-bit numbers (up to about 3.4e38)."
                ),
                file=path.name,
                column=names[col],
            )
        y = values.astype(np.float32).reshape(-1, 1)
        class_names, num_classes = None, None
    else:
        if numeric:
            keys = np.unique(values)
            if len(keys) > MAX_CLASSES:
                codes = None
            else:
                class_names = [str(int(v)) if v == int(v) else str(v) for v in keys.tolist()]
                y = np.searchsorted(keys, values).astype(np.int64)
        elif codes is not None:
            order = sorted(texts)
            class_names = order
            remap = np.empty(len(texts), np.int64)
            for new, text in enumerate(order):
                remap[texts[text]] = new
            y = remap[codes]
        if codes is None and not (numeric and len(keys) <= MAX_CLASSES):
            raise DataError.of(
                _t(
                    "{file}: column “{column}” has more than {limit} different labels; nnstudio "
                    "handles at most {limit} classes (is it really the label column?)."
                ),
                file=path.name,
                column=names[col],
                limit=MAX_CLASSES,
            )
        num_classes = len(class_names)
        if num_classes < 2:
            raise DataError.of(
                _t(
                    "{file}: every row has the label “{label}”; a classifier needs at least two "
                    "different classes in column “{column}”."
                ),
                file=path.name,
                label=class_names[0],
                column=names[col],
            )
    del values, codes
    if count < 2 and test_fraction > 0:
        raise DataError(
            f"{path.name} has only one data row; at least two are needed to keep one for testing."
        )
    rng = make_rng(path.name, seed)
    if test_fraction > 0:
        xtr, ytr, xte, yte = split(x, y, test_fraction, rng)
    else:
        order = rng.permutation(len(x))
        xtr, ytr = x[order], y[order]
        xte, yte = x[:0], y[:0]
    return Dataset(
        xtr,
        ytr,
        xte,
        yte,
        task=task,
        num_classes=num_classes,
        class_names=class_names,
        feature_names=[names[j] for j in feat_cols],
        name=name or path.stem,
        description=f"{count} rows read from {path.name}; target column {names[col]!r}.",
    )


NPZ_KEYS = ("x_train", "y_train", "x_test", "y_test")


def from_npz(path, task=None, name=None) -> Dataset:
    """A NumPy archive with x_train, y_train, x_test, y_test (optional class_names) -> Dataset.

    Integer labels mean classification, float targets regression (override with task).
    Images (n, h, w) are flattened; uint8 pixels are scaled to [0, 1].
    """
    path = Path(path)
    if not path.exists():
        raise DataError(f"There is no file {str(path)!r}.")
    try:
        found = read_npz_arrays(path)
    except NpzProblem as exc:
        raise DataError(f"{path.name} cannot be read: {exc}.") from None
    except MemoryError:
        raise DataError(
            f"{path.name} needs more memory than is free; close other programs or use a smaller file."
        ) from None
    except (ValueError, OSError, zipfile.BadZipFile, EOFError, KeyError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)[:200]
        raise DataError(f"{path.name} is not a readable NumPy .npz archive ({reason}).") from None
    missing = [k for k in NPZ_KEYS if k not in found]
    if missing:
        raise DataError(
            f"{path.name} lacks {', '.join(missing)}; expected the arrays x_train, y_train, "
            f"x_test, y_test (it has {', '.join(sorted(found)[:8]) or 'none'})."
        )
    arrays = {k: found[k] for k in NPZ_KEYS}
    class_names = (
        [str(c) for c in np.ravel(found["class_names"])] if "class_names" in found else None
    )
    for k in ("y_train", "y_test"):
        if arrays[k].ndim == 0:
            raise DataError(
                f"{path.name}: {k} is a single number (a 0-d array); expected one label or target "
                "per sample."
            )
    for k, a in arrays.items():
        if a.dtype.kind not in "biuf":
            raise DataError(f"{path.name}: {k} holds {a.dtype} values; expected numbers.")
    y_train, y_test = arrays["y_train"], arrays["y_test"]
    if task is None:
        task = CLASSIFICATION if y_train.dtype.kind in "biu" else REGRESSION
    if task not in (CLASSIFICATION, REGRESSION):
        raise DataError(
            f"task must be 'classification', 'regression' or None, received: task={task!r}."
        )
    xs, image_shape = [], None
    for k in ("x_train", "x_test"):
        a = arrays[k]
        if a.ndim < 2:
            a = a.reshape(-1, 1)
        if a.ndim >= 3:
            flat, image_shape = images_to_features(a, f"{path.name}:{k}")
        else:
            flat = a.astype(np.float32)
            if not np.isfinite(flat).all():
                raise DataError(f"{path.name}: {k} contains NaN or infinite values.")
        xs.append(flat)
    for xk, yk, xa, ya in (
        ("x_train", "y_train", xs[0], y_train),
        ("x_test", "y_test", xs[1], y_test),
    ):
        if len(xa) != len(ya):
            raise DataError(
                f"{path.name}: {xk} has {len(xa)} samples but {yk} has {len(ya)}; they must match."
            )
    if len(xs[0]) == 0:
        raise DataError(f"{path.name}: x_train is empty; expected at least one training sample.")
    num_classes = None
    if task == CLASSIFICATION:
        ys = []
        for k, y in (("y_train", y_train), ("y_test", y_test)):
            if y.ndim == 2 and y.shape[1] > 1:  # one-hot
                y = y.argmax(axis=1)
            y = y.reshape(-1)
            if y.size and (not np.all(y == np.round(y)) or y.min() < 0):
                raise DataError(
                    f"{path.name}: {k} must hold class numbers 0, 1, 2, ...; found "
                    f"{'negative' if y.size and y.min() < 0 else 'fractional'} values."
                )
            ys.append(y.astype(np.int64))
        y_train, y_test = ys
        num_classes = int(max(y_train.max(), y_test.max() if y_test.size else 0)) + 1
        if num_classes > MAX_CLASSES:
            raise DataError(
                f"{path.name}: labels go up to {num_classes - 1}; nnstudio handles at most "
                f"{MAX_CLASSES} classes."
            )
        if class_names is not None and len(class_names) != num_classes:
            if len(class_names) < num_classes:
                raise DataError(
                    f"{path.name} names {len(class_names)} classes but its labels go up to "
                    f"{num_classes - 1}."
                )
            num_classes = len(class_names)
    else:
        with np.errstate(over="ignore"):  # too large for float32 -> inf, refused just below
            y_train = y_train.astype(np.float32).reshape(len(y_train), -1)
            y_test = y_test.astype(np.float32).reshape(len(y_test), -1)
        for k, y in (("y_train", y_train), ("y_test", y_test)):
            if not np.isfinite(y).all():
                raise DataError(
                    f"{path.name}: {k} contains NaN or infinite targets (or values too large for "
                    "32-bit numbers); every target must be a finite number."
                )
        class_names = None
    return Dataset(
        xs[0],
        y_train,
        xs[1],
        y_test,
        task=task,
        num_classes=num_classes,
        class_names=class_names,
        image_shape=image_shape,
        name=name or path.stem,
        description=f"Arrays read from {path.name}.",
    )


def load_file(path, format=None, **options) -> Dataset:
    """Read your own data; format "csv" | "npz" | "idx" or None to pick by extension / folder."""
    path = Path(path)
    if format is None:
        lower = path.name.lower()
        if path.is_dir():
            format = "idx"
        elif lower.endswith((".csv", ".tsv", ".txt")):
            format = "csv"
        elif lower.endswith(".npz"):
            format = "npz"
        elif "ubyte" in lower or lower.endswith(".idx"):
            raise DataError(
                f"{path.name} is one IDX file, which holds only images or only labels; open the folder "
                f"that holds all four ({', '.join(IDX_FILES.values())})."
            )
        elif not path.exists():
            raise DataError(f"There is no file {str(path)!r}.")
        else:
            raise DataError(
                f"nnstudio cannot tell what kind of data {path.name} holds; expected a .csv or .npz "
                f"file, or a folder of MNIST-style IDX files."
            )
    readers = {"csv": from_csv, "npz": from_npz, "idx": from_idx}
    if format not in readers:
        raise DataError(f"Unknown data file format {format!r}; choose csv, npz or idx.")
    reader = readers[format]
    accepted = [p for p in inspect.signature(reader).parameters if p != "directory" and p != "path"]
    unknown = [k for k in options if k not in accepted]
    if unknown:
        raise DataError(
            f"Reading a {format} file has no option {unknown[0]!r}; it accepts {', '.join(accepted)}."
        )
    try:
        return reader(path, **options)
    except MemoryError:
        raise DataError(
            f"{path.name} needs more memory than is free; close other programs or use a smaller file."
        ) from None
