"""Errors for input that cannot be read as a cancer plan; each carries a message for the user."""


class InputError(Exception):
    """A file that cannot be ingested. The message says why, in words a user can act on."""


class EmptyDocument(InputError):
    """The file holds no text."""


class BinaryDocument(InputError):
    """The file is binary (not text), e.g. an image or an archive renamed to .txt."""


class UndecodableDocument(InputError):
    """The file's bytes are not text in any encoding we accept."""


class UnknownLayout(InputError):
    """The text is readable but matches none of the known regional layouts."""


class UnsupportedFormat(InputError):
    """The file type is not read by this version of the pipeline."""
