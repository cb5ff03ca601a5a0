"""Write a realistic synthetic social map for benchmarks: N organisations over real PC4 areas.

    .venv/bin/python scripts/generate_dataset.py OUT_DIR --orgs 10000 --seed 1

Uses the PC4 register shipped in the package (wijkkaart/geo/cbs, CBS PC4 2020, 4,068 areas). Wijken are runs of
neighbouring PC4 codes within one gemeente (K = orgs / 25, at least 5); each organisation gets 1-2 locations in
one wijk and about three spreekuren/activiteiten with varied, valid schedules. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CENTROIDS = REPO / "wijkkaart" / "geo" / "cbs" / "pc4_cbs2020.csv"
THEMES = [
    "geld-en-schulden",
    "ontmoeting",
    "wonen",
    "werk-en-dagbesteding",
    "zorg-en-gezondheid",
    "opvoeding-en-gezin",
    "taal-en-digitaal",
    "veiligheid",
]
SCHEDULES = [
    "Fr 09:00-10:30; PH off",
    "Tu[1,3] 14:00-16:00",
    "Mo-Fr 09:00-12:00; PH off",
    "We 13:30-15:30",
    "Mo,Th 10:00-12:00",
    "Tu[-1] 19:00-21:00",
    "week 01-53/2 We 10:00-12:00",
    "Sa 10:00-13:00",
    "Th 09:30-11:30; PH off",
    "Mo 19:00-21:00",
    None,
]
KINDS = [
    "Buurthuis",
    "Inloop",
    "Stichting",
    "Wijkcentrum",
    "Huiskamer",
    "Taalcafé",
    "Repair Café",
    "Buurttuin",
    "Geldloket",
    "Wijkteam",
    "Vrouwengroep",
    "Jongerenwerk",
]
NAMES = [
    "De Linde",
    "Het Anker",
    "De Brug",
    "Zonnehoek",
    "De Kastanje",
    "Het Plein",
    "De Haven",
    "Oase",
    "De Ontmoeting",
    "Samen Sterk",
    "De Vonk",
    "Het Baken",
    "De Wilg",
    "Noorderlicht",
    "De Kring",
]
WORDS = [
    "bewoners",
    "hulp",
    "vragen",
    "geld",
    "post",
    "formulieren",
    "koffie",
    "samen",
    "buurt",
    "wijk",
    "kinderen",
    "ouders",
    "taal",
    "werk",
    "vrijwilligers",
    "spreekuur",
    "afspraak",
    "inloop",
    "schulden",
    "gezondheid",
    "ontmoeten",
    "tuin",
    "eten",
    "computer",
]
LANGS = [["nl"], ["nl", "en"], ["nl", "ar"], ["nl", "tr"], ["nl", "pl"], ["nl", "ar", "tr"]]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def read_areas() -> list[dict[str, str]]:
    with CENTROIDS.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["lat"] and row["gemeente"]]


def make_wijken(areas: list[dict[str, str]], count: int) -> list[dict[str, object]]:
    by_gemeente: dict[str, list[dict[str, str]]] = {}
    for row in sorted(areas, key=lambda r: r["pc4"]):
        by_gemeente.setdefault(row["gemeente"], []).append(row)
    size = max(1, len(areas) // count)
    wijken = []
    for gemeente, rows in sorted(by_gemeente.items(), key=lambda kv: -len(kv[1])):
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            wijken.append({"slug": f"wijk-{len(wijken) + 1:04d}", "gemeente": gemeente, "rows": chunk})
            if len(wijken) == count:
                return wijken
    return wijken


def service(rng: random.Random, i: int, location: str | None, wijk: str) -> dict[str, object]:
    schedule = rng.choice(SCHEDULES)
    data: dict[str, object] = {
        "id": f"dienst-{i}",
        "type": rng.choice(["spreekuur", "activiteit"]),
        "name": f"{rng.choice(['Inloop', 'Spreekuur', 'Koffieochtend', 'Taalles', 'Kaarttafel', 'Formulierenhulp'])} "
        f"{rng.choice(NAMES)}",
        "description": sentence(rng, rng.randint(10, 25)),
        "themes": [rng.choice(THEMES)],
        "walk_in": rng.random() < 0.6,
        "languages": rng.choice(LANGS),
        "service_area": {"gemeente": True} if rng.random() < 0.03 else {"wijken": [wijk]},
        "handover": {"name": f"Team {rng.choice(NAMES)}", "email": f"team{i}@voorbeeld.example"},
    }
    if location:
        data["location"] = location
    if schedule:
        data["schedule"] = schedule
    return data


def organisation(rng: random.Random, n: int, wijk: dict[str, object]) -> dict[str, object]:
    rows = wijk["rows"]
    assert isinstance(rows, list)
    locations = []
    for j in range(rng.randint(1, 2)):
        row = rng.choice(rows)
        locations.append(
            {
                "id": f"locatie-{j + 1}",
                "name": f"{rng.choice(KINDS)} {rng.choice(NAMES)}",
                "address": f"Voorbeeldstraat {rng.randint(1, 250)}",
                "postal_code": f"{row['pc4']} {rng.choice('ABCDEGHJKLMNPRTVWXZ')}{rng.choice('ABEGHJKLNPRTX')}",
                "city": row["plaats"] or row["gemeente"],
                "example": True,
            }
        )
    services = [
        service(rng, k + 1, rng.choice(locations)["id"] if rng.random() < 0.9 else None, str(wijk["slug"]))
        for k in range(rng.randint(2, 4))
    ]
    return {
        "name": f"{rng.choice(KINDS)} {rng.choice(NAMES)} {n}",
        "description": "\n\n".join(sentence(rng, rng.randint(15, 35)) for _ in range(rng.randint(1, 3))),
        "themes": sorted({s["themes"][0] for s in services}),
        "checked": f"2026-{rng.randint(1, 10):02d}-15",
        "example": True,
        "locations": locations,
        "services": services,
    }


def write(out: Path, orgs: int, seed: int) -> None:
    rng = random.Random(seed)
    areas = read_areas()
    wijken = make_wijken(areas, max(5, orgs // 25))
    if out.exists():
        shutil.rmtree(out)
    for folder in ("orgs", "wijken", "content"):
        (out / folder).mkdir(parents=True)
    for wijk in wijken:
        rows = wijk["rows"]
        assert isinstance(rows, list)
        data = {
            "name": f"Wijk {str(wijk['slug'])[5:]} ({wijk['gemeente']})",
            "gemeente": wijk["gemeente"],
            "pc4": [r["pc4"] for r in rows],
            "example": True,
        }
        (out / "wijken" / f"{wijk['slug']}.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for n in range(1, orgs + 1):
        data = organisation(rng, n, rng.choice(wijken))
        (out / "orgs" / f"org-{n:05d}.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (out / "content" / "over.md").write_text("# Over\n\nSynthetische gegevens voor metingen.\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        """site_name: Synthetische kaart
site_url: https://voorbeeld.example/
docs_dir: content
theme:
  name: material
  language: nl
  font: false
nav:
  - Start: index.md
  - Wijken: wijken/index.md
  - Over: over.md
not_in_nav: |
  /organisaties/
  /wijken/*
  /themas/*
  /te-controleren.md
  /offline.md
plugins:
  - wijkkaart
""",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.orgs, args.seed)


if __name__ == "__main__":
    main()
