"""The client's list ("Zet op lijstje"): kept in this browser only, shown from every page, shared as plain
text, printed on one A4 with a QR code per entry, emptied with one tap."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from .conftest import NOW, TILE_SERVER

pytestmark = pytest.mark.browser

SHARED = "window.__shared = []; navigator.share = async (data) => { window.__shared.push(data.text); };"


def _add(phone: Page, card_id: str) -> None:
    phone.locator(f"#{card_id}").get_by_role("button", name="Zet op lijstje").click()


def _count(phone: Page) -> str:
    return phone.locator(".md-header [data-wk-list-count]").inner_text()


def test_add_from_two_pages_share_and_empty(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(NOW)
    phone.add_init_script(SHARED)
    requests: list[str] = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(site_url + "/organisaties/helpdesk-geldzaken/")
    assert _count(phone) == "0"
    _add(phone, "inloopspreekuur-geldzaken")
    card = phone.locator("#inloopspreekuur-geldzaken")
    expect(card.locator("[data-wk-list-said]")).to_have_text("Op het lijstje gezet (1).")
    expect(card.get_by_role("button", name="Haal van lijstje")).to_be_visible()
    expect(phone.locator(".md-header [data-wk-list-count]")).to_have_text("1")

    phone.goto(site_url + "/wijken/moerwijk/")  # another page: the count is there too, and the card knows
    expect(phone.locator(".md-header [data-wk-list-count]")).to_have_text("1")
    _add(phone, "schuldhulpmaatje-den-haag-wijkteam-moerwijk")
    expect(phone.locator(".md-header [data-wk-list-count]")).to_have_text("2")

    phone.locator(".md-header").get_by_role("link", name=re.compile("^Lijstje")).click()
    expect(phone.get_by_role("heading", name="Lijstje voor de bewoner", level=1)).to_be_visible()
    expect(phone.get_by_text("Het lijstje staat alleen op dit toestel, in deze browser.")).to_be_visible()
    items = phone.locator(".wk-list-item")
    expect(items).to_have_count(2)
    expect(items.nth(0).get_by_role("heading", level=2)).to_have_text("Inloopspreekuur Geldzaken — Helpdesk Geldzaken")
    expect(items.nth(0)).to_contain_text("Volgende keer: vrijdag 27 november, 9.00–10.30 uur.")
    expect(items.nth(0)).to_contain_text("Bel: 070 000 0101")

    phone.get_by_role("button", name="Delen").click()
    expected = (
        "Hulp en activiteiten voor u:\n\n"
        "Inloopspreekuur Geldzaken (Helpdesk Geldzaken)\n"
        "Volgende keer: vrijdag 27 november, 9.00–10.30 uur.\n"
        "Waar: Voorbeeldstraat 6, 2511 AA Den Haag\n"
        "Bel: 070 000 0101\n"
        "Mail: helpdesk@geldzaken.example\n"
        "Zonder afspraak, gratis, talen: Nederlands, Engels.\n"
        f"Meer info: {site_url}/organisaties/helpdesk-geldzaken/#inloopspreekuur-geldzaken\n\n"
        "Maatje aanvragen – wijkteam Moerwijk (SchuldHulpMaatje Den Haag)\n"
        "Maak eerst een afspraak.\n"
        "Bel: 070 000 0106\n"
        "Mail: moerwijk@schuldhulpmaatje.example\n"
        "Op afspraak, gratis.\n"
        f"Meer info: {site_url}/organisaties/schuldhulpmaatje-den-haag/#wijkteam-moerwijk"
    )
    expect(phone.locator("[data-wk-list-status]")).to_have_text("Gedeeld.")
    assert phone.evaluate("window.__shared") == [expected]
    whatsapp = phone.get_by_role("link", name="Via WhatsApp")
    assert whatsapp.get_attribute("href") == "https://wa.me/?text=" + _encode(expected)

    # Nothing was sent anywhere: every request stayed on the site (the map's tiles aside).
    assert [u for u in requests if not u.startswith((site_url, f"https://{TILE_SERVER}/"))] == []

    phone.get_by_role("button", name="Maak het lijstje leeg").click()
    expect(items).to_have_count(0)
    expect(phone.get_by_text("Er staat nog niets op het lijstje.")).to_be_visible()
    expect(phone.locator(".md-header [data-wk-list-count]")).to_have_text("0")
    assert phone.evaluate("Object.keys(localStorage)") == []


def test_copy_when_the_phone_cannot_share(phone: Page, site_url: str) -> None:
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.goto(site_url + "/organisaties/wijkz/")
    phone.evaluate("delete Navigator.prototype.share")
    _add(phone, "kaarttafel")
    phone.goto(site_url + "/lijstje/")
    phone.get_by_role("button", name="Kopieer de tekst").click()
    expect(phone.locator("[data-wk-list-status]")).to_have_text(
        "De tekst is gekopieerd. Plak hem in een bericht aan de bewoner."
    )
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Hulp en activiteiten voor u:\n\nKaarttafel (klaverjassen) (Wijkz)\n")
    assert phone.locator("[data-wk-list-text]").text_content() == copied


def test_the_list_prints_on_one_a4_with_a_qr_code_per_entry(phone: Page, site_url: str) -> None:
    phone.clock.set_fixed_time(NOW)
    phone.goto(site_url + "/organisaties/wijkz/")
    for card in ("koffie-inloop", "buurttuin", "kaarttafel"):
        _add(phone, card)
    phone.goto(site_url + "/organisaties/schilderswijk-moeders/")
    for card in ("koffieochtend", "duo-coaching"):
        _add(phone, card)
    phone.goto(site_url + "/lijstje/")
    codes = phone.locator(".wk-list-item__qr svg")
    expect(codes).to_have_count(5)
    assert codes.nth(2).get_attribute("aria-label") == f"QR-code naar {site_url}/organisaties/wijkz/#kaarttafel"
    assert _scan(codes.nth(2)) == f"{site_url}/organisaties/wijkz/#kaarttafel"  # the code as drawn, read back
    assert _scan(codes.nth(4)) == f"{site_url}/organisaties/schilderswijk-moeders/#duo-coaching"
    expect(codes.first).to_be_visible()  # on screen too: the client can scan the maatje's phone
    phone.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(phone.pdf(format="A4", print_background=False)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for line in (
        "Koffie-inloop — Wijkz",
        "Kaarttafel (klaverjassen) — Wijkz",
        "Duo-coaching met het CJG — Schilderswijk Moeders",
        "Waar: Voorbeeldstraat 2, 2525 AA Den Haag",
        "Scan voor de nieuwste tijden",
    ):
        assert line in text, line
    for absent in ("Delen", "Maak het lijstje leeg", "Wat bewaren we", "Haal van lijstje"):
        assert absent not in text, absent


def test_a_full_list_says_so(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "/")
    time = {"rules": [], "closed": False}
    entries = [
        {"uid": f"x/{n}", "name": f"Ding {n}", "org": "X", "url": "organisaties/wijkz/", "time": time} for n in range(8)
    ]
    phone.evaluate(
        "([key, entries]) => localStorage.setItem(key, JSON.stringify(entries))",
        ["wijkkaart-lijstje:/", entries],
    )
    phone.goto(site_url + "/organisaties/wijkz/")
    expect(phone.locator(".md-header [data-wk-list-count]")).to_have_text("8")
    _add(phone, "kaarttafel")
    expect(phone.locator("#kaarttafel [data-wk-list-said]")).to_have_text(
        "Het lijstje is vol (8). Haal eerst iets van het lijstje."
    )


SIZE = 264


def _scan(svg: Locator) -> str:
    """The text of a QR code as the page draws it: the SVG painted on a canvas, read by zxing-cpp."""
    import numpy as np
    import zxingcpp

    pixels = svg.evaluate(
        """async (svg, size) => {
            const image = new Image();
            image.src = "data:image/svg+xml;base64," + btoa(new XMLSerializer().serializeToString(svg));
            await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = canvas.height = size;
            const context = canvas.getContext("2d");
            context.fillStyle = "#fff";
            context.fillRect(0, 0, size, size);
            context.drawImage(image, 0, 0, size, size);
            const data = context.getImageData(0, 0, size, size).data;
            return Array.from({ length: size * size }, (_, i) => data[i * 4]);
        }""",
        SIZE,
    )
    found = zxingcpp.read_barcodes(np.array(pixels, dtype=np.uint8).reshape(SIZE, SIZE))
    assert len(found) == 1
    return str(found[0].text)


def _encode(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="-_.!~*'()")
