"""The printable A4 sheet per wijk, printed to PDF by headless Chromium and read back."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

pytestmark = pytest.mark.browser


def _pdf_text(phone: Page, url: str) -> tuple[int, str]:
    phone.goto(url)
    phone.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(phone.pdf(format="A4", print_background=False)))
    return len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_wijk_sheet_prints_on_a4_with_everything_for_the_wijk(phone: Page, site_url: str) -> None:
    pages, text = _pdf_text(phone, site_url + "/wijken/schilderswijk/print/")
    assert pages == 1
    assert "Hulp en activiteiten in Schilderswijk" in text
    assert "Koffieochtend voor vrouwen Door Schilderswijk Moeders" in text
    assert "Wanneer: elke donderdag 9.30–11.30 uur; niet op feestdagen" in text
    assert "Waar: Buurtcentrum De Mussen voorbeeld Voorbeeldstraat 2, 2525 AA Den Haag" in text  # labelled
    assert "Bel 070 000 0102" in text  # the warm handover
    assert "Hoe: zonder afspraak Kosten: gratis Talen: Nederlands, Arabisch, Turks" in text
    assert "Kosten: € 1 per middag, inclusief koffie" in text  # the price, not only a missing "gratis"
    assert "volgende keer" not in text and "Route plannen" not in text  # paper outlives both
    assert "Inloopspreekuur Geldzaken Door Helpdesk Geldzaken" in text  # the whole gemeente, held elsewhere
    assert "Maatje aanvragen – wijkteam Moerwijk" not in text
    assert "Scan de code voor de nieuwste tijden" in text
    assert "Afdrukken" not in text and "Zoek op postcode" not in text
    assert (
        phone.locator(".wk-qr svg title").text_content() == "QR-code naar http://127.0.0.1:8000/wijken/schilderswijk/"
    )


def test_any_page_prints_without_navigation_or_map(phone: Page, site_url: str) -> None:
    _, text = _pdf_text(phone, site_url + "/wijken/moerwijk/")
    assert "Maatje aanvragen – wijkteam Moerwijk" in text
    assert "Zoek op postcode" not in text and "Meld een fout" not in text
