"""What the worker server loads once, before it forks a process for each file: the pipeline
with its PDF reader (pdfplumber; the parent loads it only when it reads a PDF itself), and the
Swedish word list every text's reading consults (so no worker loads it again)."""

from extract.pdf import plan  # noqa: F401  (imported for the workers forked from the server)
from normalize.language import is_swedish_word
from pipelines import ingest  # noqa: F401

is_swedish_word("cancer")  # loads the prepared word list into the server's memory
