"""keras.callbacks"""

from ..engine.callbacks import Callback, EarlyStopping, History, ProgbarLogger, TerminateOnNaN

__all__ = ["Callback", "EarlyStopping", "History", "ProgbarLogger", "TerminateOnNaN"]
