"""The one exception type of the project layer."""

from nnstudio.messages import Explained


class ProjectError(Explained, ValueError):
    """A project could not be opened, saved, built or trained.

    The message is one sentence a student understands: which file, what was expected,
    what was found, and what to do about it. A traceback is never the user interface.
    """

    def __init__(self, *args):
        from nnstudio.messages import one_line

        if len(args) == 1 and isinstance(args[0], str):
            args = (one_line(args[0]),)
        super().__init__(*args)
