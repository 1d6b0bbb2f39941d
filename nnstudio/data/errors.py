"""The one exception type of the data layer."""

from nnstudio.messages import Explained


class DataError(Explained, ValueError):
    """A data set could not be made, read or downloaded.

    The message is one sentence a student understands: which file or data set,
    what was expected, what was found, and what to do about it.
    """

    def __init__(self, *args):
        from nnstudio.messages import one_line

        if len(args) == 1 and isinstance(args[0], str):
            args = (one_line(args[0]),)
        super().__init__(*args)
