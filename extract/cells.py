"""Small pure functions over lines: blocks of text, bullets, time expressions and actor cells.

These are the primitives that the layout parsers chain together; none of them knows a layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.data_tables import read_tsv, term_list
from extract.document import Line
from extract.time_words import (
    COUNTED,
    COUNTED_SLASHED,
    MONTH,
    MONTH_NAME,
    PART,
    RECURRENCE,
    SEASON,
    TERM,
    UNIT,
    YEAR,
)

CAPITALISED_RE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]")  # a common word, not an acronym
# "\uf0b7" and "\uf0a7" are the Symbol-font bullets that Word documents carry into PDFs
BULLET_GLYPHS = "•●▪◦■\uf0b7\uf0a7"
BULLET_RE = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s*")
SUB_BULLET_RE = re.compile(
    r"^\s*o\s+(?=[A-ZÅÄÖ])"
)  # "o Strålenheter …": Word's second-level bullet
INLINE_BULLET_RE = re.compile(rf"\s[{BULLET_GLYPHS}]\s")

_YEAR = YEAR
# A time entry as the plans write it in a "NÄR?"/"Tidsram" cell, anchored at the start of a line.
TIME_START_RE = re.compile(
    rf"""^(?:
        (?:senast|under|from|fr\.?o\.?m\.?|t\.?o\.?m\.?|start|klart?)\s+{_YEAR}
      | {_YEAR}(?:\s*[-–/]\s*(?:{_YEAR}|\d\d))?
      | Q\s?\d(?:\s*[-–]\s*Q?\s?\d)?(?:\s*[-–]?\s*{_YEAR})?
      | (?:{TERM})\s*{_YEAR}
      | (?:{SEASON})\s+{_YEAR}
      | (?:{MONTH})(?:\s*[-–]\s*(?:{MONTH}))?\s+{_YEAR}
      | (?:{PART})\.?\s*[1-4]\s*[-–]?\s*{_YEAR}
      | \d{{1,2}}\s+(?:{MONTH})\s+{_YEAR}
      | {COUNTED} | {COUNTED_SLASHED}
      | (?:{RECURRENCE})
    )(?=$|[\s.,;:)])""",
    re.IGNORECASE | re.VERBOSE,
)
TIME_ANYWHERE_RE = re.compile(
    rf"\b(?:{_YEAR}|Q\s?\d|{TERM}|{MONTH_NAME}|kvartal\w*|{RECURRENCE}|{SEASON})\b|\bggr/\w+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines, with the number of blank lines before them."""

    lines: tuple[Line, ...]
    gap_before: int = 0

    @property
    def text(self) -> str:
        """The block's lines, stripped, joined by newlines (line breaks kept for clean-up)."""
        return "\n".join(line.stripped for line in self.lines)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def last(self) -> Line:
        return self.lines[-1]


def to_blocks(lines: list[Line] | tuple[Line, ...]) -> list[Block]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[Block] = []
    current: list[Line] = []
    gap = 0
    for line in lines:
        if line.is_blank:
            if current:
                blocks.append(Block(tuple(current), gap))
                current, gap = [], 0
            gap += 1
        else:
            current.append(line)
    if current:
        blocks.append(Block(tuple(current), gap))
    return blocks


def is_bullet(text: str) -> bool:
    return bool(BULLET_RE.match(text))


def is_sub_bullet(text: str) -> bool:
    return bool(SUB_BULLET_RE.match(text))


def strip_bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1)


def split_items(lines: list[Line] | tuple[Line, ...]) -> list[list[Line]]:
    """Split lines into bullet items: each bullet line starts an item, others continue it."""
    items: list[list[Line]] = []
    for line in lines:
        if is_bullet(line.text) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def split_inline_bullet(line: Line) -> list[Line]:
    """Split a line where a bullet starts mid-line (two cells on one line) into two lines."""
    match = INLINE_BULLET_RE.search(line.text)
    if not match or is_bullet(line.text):
        return [line]
    head, tail = line.text[: match.start()], line.text[match.start() + 1 :]
    return [Line(line.number, line.page, head), Line(line.number, line.page, tail)]


def time_prefix(text: str) -> str | None:
    """The time expression a line starts with, if any ("2025 Processledare" -> "2025")."""
    match = TIME_START_RE.match(text.strip())
    return match.group(0) if match else None


def has_time(text: str) -> bool:
    return bool(TIME_ANYWHERE_RE.search(text))


@cache
def actor_terms() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole-word actor terms and actor suffixes from `data/actor_terms.txt`."""
    words: set[str] = set()
    suffixes: list[str] = []
    for term in term_list("actor_terms.txt"):
        if term.startswith("-"):
            suffixes.append(term[1:].lower())
        else:
            words.add(term.lower())
    return frozenset(words), tuple(suffixes)


@cache
def actor_joiner_re() -> re.Pattern[str]:
    """The phrases of `data/actor_joiners.txt` that join two actors' names ("med stöd av")."""
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in term_list("actor_joiners.txt"))
    return re.compile(rf"\s+(?:{phrases})\s+", re.IGNORECASE)


def joined_actors(text: str) -> list[str]:
    """The parts of a name that joins actors ("RPO Äldres hälsa med stöd av RCC Mellansverige"
    -> its two names), or the text alone."""
    return actor_joiner_re().split(text)


MIN_COMPOUND_HEAD = 3  # letters before an actor suffix: "Patientrådet", not "området"
WORD_CACHE_SIZE = 65536  # words whose actor test is kept (a plan has a few thousand)


def _ends_with_actor(word: str, suffixes: tuple[str, ...]) -> bool:
    """The word is an actor suffix, or a compound that ends with one after a head of
    MIN_COMPOUND_HEAD letters or more ("processledare"; not "om|rådet")."""
    for suffix in suffixes:
        head = len(word) - len(suffix)
        if word.endswith(suffix) and (head == 0 or head >= MIN_COMPOUND_HEAD):
            return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_is_actor(word: str, genitive: bool = True) -> bool:
    """A word is an actor term, or (where `genitive`) an actor term's genitive ("kommunernas",
    "regionens")."""
    words, suffixes = actor_terms()
    bare = word.strip(".,;:()=").lower()
    parts = re.split(r"[/-]", bare)
    stem = bare[:-1] if genitive and bare.endswith("s") else None
    return bool(bare) and (
        bare in words
        or any(part in words for part in parts)
        or _ends_with_actor(bare, suffixes)
        or (stem is not None and _ends_with_actor(stem, suffixes))
    )


def names_actor(text: str) -> bool:
    """True when any word of the text is a known actor term."""
    return any(_word_is_actor(word) for word in re.split(r"[\s/]+", text))


MAX_WORD_TAIL = 4  # "Processamordn" / "are": a broken word's tail this short is no word
MAX_ACTOR_ADJECTIVES = 2  # "Nationella medicinska rådet"
MIN_ADJECTIVE_STEM = 3  # letters before an adjective ending: "Regional", not "al"


@cache
def _adjective_endings() -> tuple[str, ...]:
    """Adjective endings that may open an actor's name (`data/actor_adjective_endings.txt`)."""
    return tuple(term.lower() for term in term_list("actor_adjective_endings.txt"))


def _is_adjective(word: str) -> bool:
    """A word with an adjective's ending after a stem of MIN_ADJECTIVE_STEM letters."""
    bare = word.strip(".,;:()").lower()
    return bare.isalpha() and any(
        bare.endswith(end) and len(bare) - len(end) >= MIN_ADJECTIVE_STEM
        for end in _adjective_endings()
    )


def _adjectives_before_actor(words: list[str]) -> bool:
    """The first words are adjectives and an actor term follows them ("Regional arbetsgrupp")."""
    for count in range(1, min(MAX_ACTOR_ADJECTIVES, len(words) - 1) + 1):
        if not _is_adjective(words[count - 1]):
            return False
        if _word_is_actor(words[count], genitive=False):
            return True  # not a verb before a genitive ("Granska processledarnas …")
    return False


SHARED_ENDING_JOINERS = frozenset({"och", "eller", "samt"})


def starts_with_actor(text: str) -> bool:
    """True when the first word of the text is a known actor term.

    A first word broken over two lines ("Processamordn" / "are", "Register-" / "administratörer",
    "Kommunikationse" / "nheten"), also where the lines were joined with a space ("Process-
    ledare"), is joined before it is looked up; a tail that is an actor term itself follows a
    word of its own ("Utbilda chefer").
    """
    lines = text.strip().split("\n")
    words = re.split(r"[\s/,]+", lines[0].strip())
    first = words[0]
    if _word_is_actor(first):
        return True
    if first.endswith("-") and len(words) > 2 and words[1] in SHARED_ENDING_JOINERS:
        return _word_is_actor(words[2])  # "Metod- och prioriteringsrådet"
    if _adjectives_before_actor(re.split(r"[\s/,]+", text.strip())):
        # "Regional" / "arbetsgrupp (RAG)"; one ending a sentence is prose ("Regionala
        # cancercentrum – regionernas samverkan inom cancervården.")
        return not text.rstrip().endswith(".")
    if len(lines) > 1 and " " not in lines[0].strip() and lines[1].strip():
        rest = lines[1].split()[0]
    elif len(words) > 1 and words[1][:1].islower():
        rest = words[1]  # the lines of a cell printed on one line, the break kept as a space
    else:
        return False
    if first.endswith("-") or len(rest) <= MAX_WORD_TAIL or not _word_is_actor(rest):
        return _word_is_actor(first.rstrip("-") + rest)  # "Kommunikationse" / "nheten"
    return False  # "Utbilda chefer": a word before an actor term, not one word broken


_JOINING_WORDS = frozenset(term_list("joining_words.txt"))


def runs_on(text: str) -> bool:
    """True when a line stops mid-phrase: on a joining word, a comma, semicolon or hyphen, or
    inside brackets it opened ("HTA syd (Health" / "Technology Assessment …)")."""
    text = text.rstrip()
    return (
        text.endswith(("-", ",", ";", "/", "(", "&"))
        or text.rsplit(" ", 1)[-1].lower() in _JOINING_WORDS
        or text.count("(") > text.count(")")
    )


def _continues_actor(previous: str, line: str, following: str) -> bool:
    """Whether `line` continues the actor name on `previous` rather than starting a new one.

    `following` is the next line, for a name broken over two lines ("Processamord-" / "nare").
    """
    last_word = previous.rsplit(" ", 1)[-1]
    if previous.endswith(("-", ":")) or last_word.lower() in _JOINING_WORDS:
        return True
    if line[0].islower():  # a new actor only where both words name one ("chefer" / "ledare")
        return not (_word_is_actor(last_word) and starts_with_actor(line))
    if not line[0].isalpha():
        return True
    if starts_with_actor(_unbreak(line)):
        return False
    if following[:1].islower():
        joined = (_unbreak(f"{line} {following}"), line + following.split(" ", 1)[0])
        if any(names_actor(text) for text in joined):
            return False  # "Regionala" / "cancersamord- nare": a new actor over two lines
    if previous.endswith((".", ",")):
        return False
    # "Sydöst.", "Mellansverige": a name's last word — unless the next line goes on from it
    # in lower case ("Nationella" / "riktlinjer"): then it starts a name of its own.
    one_word = " " not in line and not following[:1].islower()
    words = line.split()
    head_alone = " " not in previous.rsplit("\n", 1)[-1].strip()  # "Processledare" on its line
    qualifier = (
        head_alone
        and len(words) <= 2
        and not following[:1].islower()
        and words[-1].lower() not in _JOINING_WORDS
        and _word_is_actor(last_word)
        and not names_actor(_unbreak(line))
    )
    return one_word or qualifier  # "Processledare" / "Palliativ vård"


def is_actor_cell(text: str, max_words: int) -> bool:
    """A responsible cell: it starts with an actor term, or is short and names one."""
    short = len(text.split()) <= max_words
    return starts_with_actor(text) or (short and names_actor(text))


def _unbreak(text: str) -> str:
    """Text with words broken at a hyphen joined again ("cancersamord- nare")."""
    return re.sub(r"(?<=[a-zåäö])- (?=[a-zåäö])", "", text)


# Commas, semicolons and slashes separate actors, except a slash between two acronyms that
# share the word after them ("PROM/PREM-ansvarig").
ACTOR_SEPARATOR_RE = re.compile(r"\s*[,;]\s*|(?<![A-ZÅÄÖ]{2})\s*/\s*|\s*/\s*(?![A-ZÅÄÖ]{2,}-)")


def split_actors(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Split the lines of a responsible cell into one string per actor.

    A line starting in lower case (or ending a broken word) continues the actor above it, as
    does a lone word that is no actor ("Screeningsamordnare" / "Sydöst."); commas, semicolons
    and slashes separate actors (not the slash of "PROM/PREM-ansvarig"). Duplicates are dropped,
    the first spelling is kept. Where the cell sets its actors apart as paragraphs (empty lines
    between them, as a PDF cell's spacing gives), each paragraph is one actor or one list.
    """
    if any(not line.strip() for line in lines) and any(line.strip() for line in lines):
        groups = paragraphs(lines)
    else:
        groups = _actor_groups(lines)
    actors: list[str] = []
    seen: set[str] = set()
    for group in groups:
        for part in ACTOR_SEPARATOR_RE.split(group.replace("\n", " ")):
            actor = part.strip(" .:")
            key = re.sub(r"\W", "", actor.lower())
            if actor and key and key not in seen:
                seen.add(key)
                actors.append(part.strip(" :"))
    return actors


def paragraphs(lines: list[str] | tuple[str, ...]) -> list[str]:
    """The paragraphs of a cell's lines (empty lines between them), each joined into one."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line.strip())
        elif groups[-1]:
            groups.append([])
    return ["\n".join(group) for group in groups if group]


def _actor_groups(lines: list[str] | tuple[str, ...]) -> list[str]:
    """The lines of a responsible cell grouped into actors (or lists of actors) by what the
    lines look like (see split_actors)."""
    stripped: list[str] = []
    for raw in lines:
        line = raw.strip()
        if line and stripped and stripped[-1].endswith("-") and line[0].islower():
            stripped[-1] = f"{stripped[-1]} {line}"  # a word broken at a hyphen
        elif line:
            stripped.append(line)
    groups: list[str] = []
    for index, line in enumerate(stripped):
        following = stripped[index + 1] if index + 1 < len(stripped) else ""
        if groups and _continues_actor(groups[-1], line, following):
            groups[-1] = f"{groups[-1]}\n{line}"
        else:
            groups.append(line)
    return groups


def unique(items: list[str]) -> list[str]:
    """Items in order, without repeats (compared after folding case and white space)."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        key = " ".join(item.lower().split())
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


@cache
def status_terms() -> dict[str, str]:
    """Status words (lower case) -> status value, from `data/status_terms.tsv`."""
    return {" ".join(row["words"].split()): row["status"] for row in read_tsv("status_terms.tsv")}


@cache
def _status_re() -> re.Pattern[str]:
    terms = sorted(status_terms(), key=len, reverse=True)  # the longest phrase first
    alternatives = "|".join(re.escape(term).replace(r"\ ", r"\s+") for term in terms)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def ends_with_status(text: str) -> bool:
    """True when the text ends with a status word ("… obligatorisk. Pågår.")."""
    matches = list(_status_re().finditer(text.rstrip(" .")))
    return bool(matches) and matches[-1].end() == len(text.rstrip(" ."))


STATUS_GAP_RE = re.compile(r"^[\s,/&]*(?:och)?[\s,/&]*$")  # between status words of one cell


def status_tail(text: str) -> tuple[str, str] | None:
    """A line that ends with status words after other words, split in two (the other words,
    the status): where a tool prints two cells of one row on one line ("Kvinnokliniken pågår",
    "Sjukhusledning Planering pågår"); None when the line does not end so."""
    stripped = text.rstrip(" .")
    matches = list(_status_re().finditer(stripped))
    if not matches or matches[-1].end() != len(stripped):
        return None
    start = matches[-1].start()
    for match in reversed(matches[:-1]):  # status words in a row: "planeras, pågår"
        if not STATUS_GAP_RE.match(stripped[match.end() : start]):
            break
        start = match.start()
    head = stripped[:start].rstrip(" ,")
    return (head, text[start:].strip()) if head else None


# A status word followed by a time describes a plan ("planeras under 2024", "ska vara klart
# 2024-02-01"); it is not the activity's status.
FOLLOWED_BY_TIME_RE = re.compile(
    rf"^\s+(?:under\s+|i\s+|till\s+|senast\s+)?(?:{_YEAR}|Q\s?\d|{TERM.upper()})\b"
)


NEGATED_RE = re.compile(r"(?<!\w)(?:ej|inte|icke)\s+$", re.IGNORECASE)  # just before a word
NEGATED_AFTER_RE = re.compile(r"^\s+(?:ej|inte)(?!\w)", re.IGNORECASE)  # "pågår inte"


def find_status(text: str) -> list[str]:
    """Status words in a text, as written, without repeats (see FOLLOWED_BY_TIME_RE). A status
    word negated in a way the vocabulary does not list ("inte klar", "pågår inte") is none: it
    does not say its positive."""
    return unique(
        [
            " ".join(m.group(0).split())
            for m in _status_re().finditer(text)
            if not FOLLOWED_BY_TIME_RE.match(text[m.end() :])
            and not NEGATED_RE.search(text[: m.start()])
            and not NEGATED_AFTER_RE.match(text[m.end() :])
        ]
    )


def is_status_cell(text: str) -> bool:
    """True when a cell holds nothing but status words."""
    rest = _status_re().sub("", text)
    return bool(find_status(text)) and not re.sub(r"[\W_]+", "", rest)


TIME_MENTION_RE = re.compile(
    rf"""(?<!\w)(?:
        (?:sedan|under|senast)\s+{_YEAR}
      | (?:{SEASON}|{TERM})\s+{_YEAR}
      | Q\s?\d(?:\s*[-–]\s*\d)?(?:\s+eller\s+Q\s?\d)?\s*[-–]?\s*{_YEAR}
      | \d{{1,2}}\s+(?:{MONTH})\s+{_YEAR}
      | (?:{MONTH})\s+{_YEAR}
      | {_YEAR}-\d\d-\d\d
      | \d+(?:\s*[-–]\s*\d+)?\s*/?\s*(?:ggr|gånger)\s*/\s*(?:{UNIT})
      | {_YEAR}(?:\s*[-–]\s*{_YEAR}|\s+och\s+(?:{_YEAR}|\d\d)\b)?
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)


# A year that counts something or dates a figure or a source is no time frame: "på 2000 män",
# "födda 2009", "Deltagande 2023 62 %", "Täckningsgrad 2023 i RgK 68 %", "PREM (2023)",
# "uppdaterat Q4 2023".
NOT_A_TIMEFRAME_BEFORE_RE = re.compile(r"(?:\bfödda?|\buppdaterat?d?|\()\s*$", re.IGNORECASE)
NOT_A_TIMEFRAME_AFTER_RE = re.compile(
    r"\s*(?:(?:män|kvinnor|personer|patienter|barn|st)\b|[^.%]{0,20}?\d+(?:[,.]\d+)?\s*%)",
    re.IGNORECASE,
)


BARE_YEAR_RE = re.compile(r"^20\d\d\b")
RECURRENCE_WORD_RE = re.compile(rf"ggr|gång|varje|{RECURRENCE}", re.I)


def join_time_entries(entries: list[str]) -> list[str]:
    """Join time entries that one cell wrapped over lines: after a line that runs on
    ("Veckovis samt", "Kontinuerligt,"), before a lower-case line, and a year after a line that
    has none ("Maj och sept" / "2025")."""
    joined: list[str] = []
    for entry in entries:
        previous = joined[-1] if joined else None
        year_missing = (
            previous is not None
            and not re.search(r"20\d\d", previous)
            and not RECURRENCE_WORD_RE.search(previous)
        )
        if previous is not None and (
            runs_on(previous) or entry[:1].islower() or (year_missing and BARE_YEAR_RE.match(entry))
        ):
            joined[-1] = f"{previous} {entry}"
        else:
            joined.append(entry)
    return joined


def find_time_mentions(text: str) -> list[str]:
    """Time expressions mentioned inside running text ("införs under VT 2024" -> "VT 2024").

    Years that count people or date a figure or a source are left out (see the two patterns).
    """
    found = []
    for match in TIME_MENTION_RE.finditer(text):
        before, after = text[max(0, match.start() - 16) : match.start()], text[match.end() :]
        if NOT_A_TIMEFRAME_BEFORE_RE.search(before) or NOT_A_TIMEFRAME_AFTER_RE.match(after):
            continue
        found.append(" ".join(match.group(0).split()))
    return unique(found)


def split_trailing_actor(line: Line, max_words: int) -> list[Line]:
    """Split "… och senare Primärvård" into the text and an actor cell that shares its line.

    The actor part starts at a capitalised actor term and has at most `max_words` words.
    """
    words = line.stripped.split(" ")
    for start in range(1, len(words)):
        tail = words[start:]
        if len(tail) > max_words:
            continue
        if words[start][:1].isupper() and starts_with_actor(" ".join(tail)):
            head = " ".join(words[:start])
            return [
                Line(line.number, line.page, head),
                Line(line.number, line.page, " ".join(tail)),
            ]
    return [line]


def split_wide_sentence(lines: tuple[Line, ...], max_chars: int) -> tuple[tuple[Line, ...], ...]:
    """Split lines where a line wider than one cell ends a sentence and the next cell begins.

    "… täckningsgrad och kvalité. Aktivt arbeta för …" -> the cell up to "kvalité." and the rest.
    """
    for position, line in enumerate(lines):
        if len(line.stripped) <= max_chars:
            continue
        match = re.search(r"\.\s+(?=[A-ZÅÄÖ])", line.stripped)
        if match:
            head = Line(line.number, line.page, line.stripped[: match.start() + 1])
            tail = Line(line.number, line.page, line.stripped[match.end() :])
            return (*lines[:position], head), (tail, *lines[position + 1 :])
    return (lines,)


def split_capital_boundary(line: Line, min_head_chars: int) -> list[Line]:
    """Split a line where a lower-case word is followed by a capitalised one, past `min_head_chars`.

    "Ökad tillgänglighet och minskade ledtider Identifiera och åtgärda …" -> two cells.
    """
    for match in re.finditer(r"(?<=[a-zåäö,)]) (?=[A-ZÅÄÖ][a-zåäö])", line.stripped):
        if match.start() >= min_head_chars:
            text = line.stripped
            return [
                Line(line.number, line.page, text[: match.start()]),
                Line(line.number, line.page, text[match.end() :]),
            ]
    return [line]


# A numbered goal: "12. Text…" (the number is a hint, not a lock)
GOAL_RE = re.compile(r"^\s*(\d{1,3})\.\s*(?=[A-ZÅÄÖ])")
# "Ansvar: X, Y och Z." naming the actors responsible inside a text cell
RESPONSIBLE_RE = re.compile(r"(?:^|(?<=\s))Ansvar(?:ig)?\s*:\s*", re.I)
LABELLED_LIST_RE = re.compile(r"^[^:]{3,60}:\s*([^:]+,[^:]+)$")
SENTENCE_END_RE = re.compile(r"\.(?:\s|$)")
SENTENCE_ACTOR_SEPARATOR_RE = re.compile(r"\s*,\s*|(?<!-)\s+och\s+")  # in an "Ansvar:" sentence


def responsible_sentence(block: Block) -> tuple[list[str], set[int]]:
    """Actors named by "Ansvar: …" in a block, and the line numbers that sentence covers."""
    lines = block.lines
    for index, line in enumerate(lines):
        match = RESPONSIBLE_RE.search(line.text)
        if not match:
            continue
        text, used = line.text[match.end() :].strip(), {line.number}
        following = index + 1
        while not SENTENCE_END_RE.search(text) and following < len(lines):
            nxt = lines[following].stripped
            if not nxt or not (nxt[0].islower() or runs_on(text)):
                break
            text, used = f"{text} {nxt}", used | {lines[following].number}
            following += 1
        while following < len(lines) and lines[following].stripped[:1].islower():
            text, used = f"{text} {lines[following].stripped}", used | {lines[following].number}
            following += 1
        sentences = SENTENCE_END_RE.split(text)
        named = [re.split(r"\s+(?:ansvarar|rapporterar)\b", sentences[0], maxsplit=1)[0]]
        # a further sentence that lists actors after a label: "Direktöverföring: IT, kliniken."
        named += [
            m.group(1) for sentence in sentences[1:] if (m := LABELLED_LIST_RE.match(sentence))
        ]
        actors = [
            part.strip(" .")
            for clause in named
            for part in SENTENCE_ACTOR_SEPARATOR_RE.split(clause)
        ]
        return [actor for actor in actors if actor], used
    return [], set()
