"""The error tree. Every error has a stable code users can search and says what to do next."""
from __future__ import annotations


class FlashpointError(Exception):
    """Base class: ``code`` is stable across versions; the message names the fix."""

    code = "FP000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message

    def __reduce__(self):
        # Errors travel between worker processes: rebuild from the message, not the coded text.
        return type(self), (self.message,), self.__dict__


class InputError(FlashpointError):
    """An input file or line that cannot be read as an article."""

    code = "FP100"


class UnsupportedInput(InputError):
    code = "FP101"


class BadArticleLine(InputError):
    code = "FP102"


class NotEnglish(InputError):
    code = "FP103"


class ModelError(FlashpointError):
    """The spaCy pipeline cannot be loaded."""

    code = "FP200"


class StoreError(FlashpointError):
    """A store URL or database problem."""

    code = "FP300"


class GazetteerError(FlashpointError):
    code = "FP400"


class ConfigError(FlashpointError):
    code = "FP500"
