import pytest

from extract.cells import (
    find_status,
    find_time_mentions,
    is_actor_cell,
    is_status_cell,
    runs_on,
    split_actors,
    split_capital_boundary,
    split_inline_bullet,
    split_trailing_actor,
    starts_with_actor,
    time_prefix,
    to_blocks,
)
from extract.document import Line, split_lines


def line(text: str) -> Line:
    return Line(1, 1, text)


def test_blocks_count_the_blank_lines_before_them():
    blocks = to_blocks(split_lines("a\nb\n\n \nc"))
    assert [(block.text, block.gap_before) for block in blocks] == [("a\nb", 0), ("c", 2)]


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("2024-2025", "2024-2025"),
        ("2024- 2025", "2024- 2025"),
        ("2025 Processledare", "2025"),
        ("Q3-4 2025", "Q3-4 2025"),
        ("Q1-Q2 2025", "Q1-Q2 2025"),
        ("3-4 ggr/år", "3-4 ggr/år"),
        ("Årligen", "Årligen"),
        ("Kontinuerligt", "Kontinuerligt"),
        ("Höst 2025", "Höst 2025"),
        ("Processledare prevention", None),
        ("2024 för att stärka", "2024"),
    ],
)
def test_time_prefix(text, prefix):
    assert time_prefix(text) == prefix


def test_time_mentions_in_running_text():
    text = "Ett vårdprogram är ute på remiss VT 2024 och fastställs under Q3 eller Q4 2024."
    assert find_time_mentions(text) == ["VT 2024", "Q3 eller Q4 2024"]


def test_status_words_are_found_as_written():
    assert find_status("Implementering planeras. Planering pågår. Pågår.") == [
        "planeras",
        "Planering pågår",
        "Pågår",
    ]
    assert is_status_cell("Pågår")
    assert not is_status_cell("Arbetet pågår i regionen")


def test_inline_bullet_splits_two_cells():
    parts = split_inline_bullet(line("Fortsatt processarbete • Bilda nätverk i sydöst"))
    assert [part.text for part in parts] == ["Fortsatt processarbete", "• Bilda nätverk i sydöst"]


def test_trailing_actor_splits_activity_and_responsible():
    parts = split_trailing_actor(line("HPV vaccination av pojkar födda 2009 Primärvård"), 5)
    assert [part.text for part in parts] == ["HPV vaccination av pojkar födda 2009", "Primärvård"]
    assert split_trailing_actor(line("Vaccination av pojkar"), 5) == [line("Vaccination av pojkar")]


def test_capital_boundary_splits_goal_and_activity():
    parts = split_capital_boundary(line("Ökad tillgänglighet och kortare ledtider Identifiera"), 5)
    assert [part.text for part in parts] == [
        "Ökad tillgänglighet och kortare ledtider",
        "Identifiera",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Processledare prevention", True),
        ("Processamordn\nare", True),  # a name broken over two lines
        ("Register-\nadministratörer", True),
        # the same, where the tool printed the cell's lines on one line
        ("Processamordn are Palliativ vård", True),
        ("Process- ledare cancerrehabilitering", True),
        ("Samverkan med friskvårdsaktörer", False),  # a lower-case word, not a name's tail
        ("Metod- och prioriteringsrådet", True),
        ("Samverkan\nvårdprogramhandläggare", False),  # a goal, not a broken name
        # a long word broken at a narrow column's edge; a word before an actor term is none
        ("Kommunikationse nheten samt e- tjänster", True),
        ("Utbilda verksamhetschefer i samtal", False),
        ("Sprida kunskap om levnadsvanor", False),
        ("kommunernas elevhälsa i samverkan med RgK", True),  # an actor's genitive heads it
        ("Regionens cancersamordnare", True),
        ("Uppföljningens resultat", False),
        ("området patientrapporterade mått", False),  # "om|rådet" is no council
        ("Patientrådet", True),
        # adjectives before an actor term open a name; before any other word they do not
        ("Regional\narbetsgrupp (RAG)\närftlig cancer", True),
        ("Nationella vårdprogramgruppen", True),
        ("Nationella medicinska rådet", True),
        ("Granska processledarnas arbete", False),  # a verb before a genitive
        ("Regionala cancercentrum – regionernas samverkan inom cancervården.", False),  # prose
        ("Regional uppföljning av processledarnas arbete", False),
        ("Nationella riktlinjer följs", False),
    ],
)
def test_starts_with_actor(text, expected):
    assert starts_with_actor(text) is expected


def test_short_cell_naming_an_actor_is_an_actor_cell():
    assert is_actor_cell("Tarmcancerscreening grupp SÖSR", 6)
    assert not is_actor_cell("Hitta strukturer för samarbete med RPO äldres hälsa och vård", 6)


@pytest.mark.parametrize(
    ("lines", "actors"),
    [
        (
            ["Processledare", "prevention, NAG", "prevention,", "kommunikatörs-", "nätverket"],
            ["Processledare prevention", "NAG prevention", "kommunikatörs- nätverket"],
        ),
        (
            ["Screeningsamordnare", "Sydöst.", "Processledare/nyckel", "person inom resp."],
            ["Screeningsamordnare Sydöst.", "Processledare", "nyckel person inom resp."],
        ),
        (
            ["Verksamhetschef", "Ansvarig läkare", "Kontakt SSK"],
            ["Verksamhetschef", "Ansvarig läkare", "Kontakt SSK"],
        ),
        (["Processledare", "Processamord-", "nare"], ["Processledare", "Processamord- nare"]),
        (["RPPL/LPPL"], ["RPPL", "LPPL"]),
        (
            ["Regionerna med stöd av RCC", "Mellansverige"],
            ["Regionerna med stöd av RCC Mellansverige"],
        ),
        (["Processledare", "Processledare"], ["Processledare"]),
        (
            ["Processledare", "cancer-", "rehabilitering", "Nationella", "riktlinjer"],
            ["Processledare cancer- rehabilitering", "Nationella riktlinjer"],
        ),
        (["PROM/PREM-", "ansvarig"], ["PROM/PREM- ansvarig"]),
        (["Verksamhetschef / SVF-samordnare"], ["Verksamhetschef", "SVF-samordnare"]),
    ],
)
def test_split_actors(lines, actors):
    assert split_actors(lines) == actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skicka påminnelser via", True),  # a preposition wants its object on the next line
        ("Regionerna med stöd av", True),
        ("arbeta utifrån", True),
        ("Utbilda personal i", True),
        ("Skicka påminnelser", False),
        ("Jämlik vård för alla", False),
    ],
)
def test_a_line_that_stops_on_a_joining_word_runs_on(text, expected):
    assert runs_on(text) is expected
