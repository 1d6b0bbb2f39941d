"""The one exception type of the data layer."""


class DataError(ValueError):
    """A data set could not be made, read or downloaded.

    The message is one sentence a student understands: which file or data set,
    what was expected, what was found, and what to do about it.
    """
