"""The values a document reports (normalize/metrics.py): Swedish number forms, years, targets."""

from collections import Counter

from extract.document import Line
from normalize.metrics import metric_records
from normalize.records import Provenance
from pipelines.ingest import parse_file
from tests.conftest import RAW, VARIANTS

SOURCE = Provenance("doc", "plan.txt", "generic", "Region Gotland")


def metrics(*texts: str):
    lines = [Line(number, 1, text) for number, text in enumerate(texts, 1)]
    return metric_records(lines, [], SOURCE)


def test_swedish_number_forms():
    found = metrics(
        "Andelen som deltog var 85 procent 2023. Drygt 1 200 patienter fick stöd 2024.",
        "",
        "Täckningsgraden ligger på 80–85 % enligt registret. Kostnaden blev 2,5 mkr.",
    )
    assert [(m.value, m.unit, m.year) for m in found] == [
        (85.0, "procent", 2023),
        (1200.0, "patienter", 2024),
        (80.0, "procent", None),
        (85.0, "procent", None),
        (2_500_000.0, "kronor", None),
    ]
    assert found[0].indicator == "Andelen som deltog var"


def test_numbers_without_a_unit_are_not_metrics():
    found = metrics(
        "8. Mammografi erbjuds kvinnor 40 - 74 år sedan 2021-03-01.",
        "Ring 0470-58 80 00 eller se sidan 12. Möte 21 mars 2025.",
    )
    assert found == []


def test_targets_and_sentences_that_go_on():
    found = metrics(
        "Regeringens mål: 70 % ska vara utredda inom SVF.",
        "",
        "Enligt enkäten (2023) har 82 % fått en kontaktsjuksköterska. Och 21 % en läkare.",
        "",
        "Deltagande 2023 62 %. Män 58 % och kvinnor 67 %.",
    )
    assert [(m.value, m.year, m.is_target, m.subject) for m in found] == [
        (70.0, None, True, "riket"),
        (82.0, 2023, False, "Region Gotland"),
        (21.0, 2023, False, "Region Gotland"),  # "Och …" goes on the sentence before
        (62.0, 2023, False, "Region Gotland"),
        (58.0, 2023, False, "män"),  # a group's share of the value before
        (67.0, 2023, False, "kvinnor"),
    ]
    assert found[4].indicator == "Deltagande"


def test_whom_a_value_is_about_and_inflected_target_words():
    found = metrics(
        "Täckningsgraden i Region Västerbotten var 75 procent, i Region Norrbotten 83 procent "
        "och i riket 82 procent.",
        "",
        "Det regionala målvärdet är 90 %.",
    )
    assert [(m.value, m.subject, m.is_target) for m in found] == [
        (75.0, "Region Västerbotten", False),
        (83.0, "Region Norrbotten", False),  # the region the words since the last value name
        (82.0, "riket", False),
        (90.0, "Region Gotland", True),  # "målvärdet": an inflected target word
    ]
    # a later value whose words name only whom it is about measures what the first did
    assert {m.indicator for m in found[:3]} == {"Täckningsgraden i Region Västerbotten var"}


def test_an_annual_report_value_takes_its_section_and_area():
    """003's values in prose stand in its sections: each carries the section's id and area,
    and no heading runs into the sentence below it."""
    document = parse_file(RAW / "003_4dc689b29ba172f3.txt")
    sections = {section.section_id: section for section in document.sections}
    assert document.metrics and all(m.section_id in sections for m in document.metrics)
    for metric in document.metrics:
        section = sections[metric.section_id]
        assert section.line_start <= metric.line_start <= section.line_end
        assert not metric.text.startswith(section.heading)
        if metric.row_id is None:
            assert metric.area_id == section.area_id


def test_a_pdf_reports_the_values_of_its_text():
    """The Kronoberg rows rendered as a PDF (values in table cells) report what the sample
    text reports: the same values, units and years."""

    def reported(path):
        return Counter((m.value, m.unit, m.year) for m in parse_file(path).metrics)

    pdf = reported(VARIANTS / "d02-kronoberg-kalmar.pdf")
    assert pdf == reported(RAW / "002_efe616e43266e7dd.txt") and sum(pdf.values()) == 20
