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


class EncryptedDocument(InputError):
    """The PDF is encrypted and cannot be opened without a password."""


class CorruptDocument(InputError):
    """The PDF is damaged or truncated, or is not a PDF at all."""


class ScannedDocument(InputError):
    """The PDF has no text layer (a scan); it would need OCR first."""


class TooLongDocument(InputError):
    """The document has more pages than the configured limit."""


class LimitExceeded(InputError):
    """Reading the document needed more memory, CPU time or nesting than the limits allow."""
