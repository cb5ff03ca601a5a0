"""Load every data file, check it against the records, and build the Catalog.

All problems in all files are collected; the Catalog is returned only when there is no error,
so nothing downstream ever sees half-valid data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ..geo.register import CENTROIDS_FILE, SHIPPED_VINTAGE, register_for
from ..pipeline.parallel import Background
from .catalog import Catalog, OrgEntry, ServiceEntry, WijkEntry
from .fields import SLUG
from .load import Document, load_bytes, read_regular
from .model import Organisation, Taxonomy, Theme, Wijk, is_stale
from .problems import Problem, Severity, errors
from .references import check_references, partial_references
from .settings import Settings
from .translate import problems_from

DEFAULT_THEMES = Path(__file__).parent / "themes.yaml"
SHARED_FROM = 400  # files in a folder from which the second core reads a part of them
SHARED_PART = 0.4  # its part: the smaller one, as sending the records back costs it time too
M = TypeVar("M", bound=BaseModel)
# A file's record (None when invalid), its problems, and its data when it was read but is not a valid record.
Record = tuple[tuple[Document, M] | None, list[Problem], Document | None]


def build_catalog(settings: Settings, parallel: bool = False) -> tuple[Catalog | None, list[Problem]]:
    """Everything from disk to a checked Catalog; ``None`` when any error was found.

    With ``parallel`` the second core reads and checks a part of a large folder's files meanwhile (see
    ``_records``).
    """
    problems: list[Problem] = list(settings.problems)
    register = register_for(settings)
    problems += _missing_register(settings) + _missing_polygons(settings)
    themes = read_themes(settings, problems)
    failed: list[Document] = []
    wijken = {
        slug: WijkEntry(slug, doc, wijk)
        for slug, doc, wijk in _read_all(settings, "wijken", Wijk, problems, parallel, [])
    }
    orgs = {
        slug: OrgEntry(slug, doc, org, is_stale(org.checked, settings.today, settings.stale_months))
        for slug, doc, org in _read_all(settings, "orgs", Organisation, problems, parallel, failed)
    }
    catalog = Catalog(themes, wijken, orgs, _services(orgs), register, settings.gemeenten)
    broken = _slugs_of_invalid_files(settings, problems)
    problems += check_references(catalog, register, settings.today, broken, settings.where("gemeente"))
    problems += partial_references(failed, catalog, register, broken, errors(problems))
    return (None if errors(problems) else catalog), sorted(problems)


def _slugs_of_invalid_files(settings: Settings, problems: list[Problem]) -> dict[str, set[str]]:
    """Ids of files that exist but failed to load: references to them are not reported again."""
    folders = {"orgs": settings.orgs_dir, "wijken": settings.wijken_dir}
    failed = [Path(p.file) for p in errors(problems) if p.file.endswith(".yaml")]
    return {kind: {f.stem for f in failed if f.parent.as_posix() == folder} for kind, folder in folders.items()}


def _services(orgs: dict[str, OrgEntry]) -> list[ServiceEntry]:
    return [ServiceEntry(o, s, i) for o in orgs.values() for i, s in enumerate(o.org.services)]


def _missing_register(settings: Settings) -> list[Problem]:
    """A ``geodata_dir`` without a register is a mistake in the settings: the shipped register is used instead."""
    folder = settings.geodata_path
    if folder is None or (folder / CENTROIDS_FILE).is_file():
        return []
    return [
        Problem(
            *settings.where("geodata_dir"),
            "geodata_dir",
            "no-pc4-data",
            f"geen {CENTROIDS_FILE} in {settings.geodata_dir}; het meegeleverde PC4-register ({SHIPPED_VINTAGE}) "
            "wordt gebruikt.",
            f"Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of zet het naar een map met {CENTROIDS_FILE}.",
            Severity.WARNING,
        )
    ]


def _missing_polygons(settings: Settings) -> list[Problem]:
    """A ``geodata_dir`` without polygons is a mistake in the settings: the shipped polygons are used instead."""
    folder = settings.geodata_path
    if folder is None or (folder / settings.pc4_polygons).is_file():
        return []
    return [
        Problem(
            *settings.where("geodata_dir"),
            "geodata_dir",
            "no-geodata",
            f"geen {settings.pc4_polygons} in {settings.geodata_dir}; de meegeleverde PC4-vlakken "
            f"({SHIPPED_VINTAGE}) worden gebruikt.",
            "Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of zet het naar een map met PC4-vlakken.",
            Severity.WARNING,
        )
    ]


def read_themes(settings: Settings, problems: list[Problem]) -> dict[str, Theme]:
    """The taxonomy: the site's themes file, or the package's default Dutch themes."""
    path = settings.path(settings.themes_file)
    if not path.exists() and not path.is_symlink():
        path = DEFAULT_THEMES
    shown = settings.themes_file if path != DEFAULT_THEMES else "wijkkaart/records/themes.yaml"
    parsed = _read_one(path, shown, Taxonomy, problems, path.parent if path == DEFAULT_THEMES else settings.root)
    return {t.id: t for t in parsed[1].themes} if parsed else {}


def _read_all(
    settings: Settings,
    kind: str,
    model: type[M],
    problems: list[Problem],
    parallel: bool,
    failed: list[Document],
) -> list[tuple[str, Document, M]]:
    """The valid records of a folder; the data of files that were read but are not valid records goes into
    ``failed`` (their references are still checked)."""
    folder_name = settings.orgs_dir if kind == "orgs" else settings.wijken_dir
    folder = settings.path(folder_name)
    if not folder.is_dir():
        problems.append(
            Problem(
                folder_name,
                0,
                "",
                "missing-folder",
                f"de map '{folder_name}' bestaat niet.",
                f"Maak de map aan of zet de juiste map in {settings.config_file}.",
                Severity.WARNING,
            )
        )
        return []
    files = [(p, f"{folder_name}/{p.name}") for p in sorted(folder.iterdir())]
    files = [(path, shown) for path, shown in files if _is_data_file(path, shown, problems)]
    out = []
    for (path, _), (parsed, found, data) in zip(files, _records(files, model, parallel, settings.root), strict=True):
        problems += found
        if parsed:
            out.append((path.stem, *parsed))
        elif data is not None:
            failed.append(data)
    return out


def _records(files: list[tuple[Path, str]], model: type[M], parallel: bool, root: Path) -> list[Record[M]]:
    """Each file read and checked against ``model``, in order. From ``SHARED_FROM`` files on, with
    ``parallel``, a forked process does the last ``SHARED_PART`` of them while this one does the rest: the
    second core has nothing else to do before the catalog exists. Its part is the smaller one because
    sending its records back costs it time too (pickling 5,000 records about 1.3 s; unpickling them here
    0.4 s)."""
    if not parallel or len(files) < SHARED_FROM:
        return [_record(path, shown, model, root) for path, shown in files]
    cut = round(len(files) * (1 - SHARED_PART))
    theirs = Background(lambda: [_record(path, shown, model, root) for path, shown in files[cut:]])
    mine = [_record(path, shown, model, root) for path, shown in files[:cut]]
    try:
        return mine + theirs.result()
    except RuntimeError:  # the forked process died (out of memory, killed): its part is read here instead
        return mine + [_record(path, shown, model, root) for path, shown in files[cut:]]


def _record(path: Path, shown: str, model: type[M], root: Path) -> Record[M]:
    problems: list[Problem] = []
    failed: list[Document] = []
    return _read_one(path, shown, model, problems, root, failed), problems, failed[0] if failed else None


def _is_data_file(path: Path, shown: str, problems: list[Problem]) -> bool:
    """Whether ``path`` is read as a record; every other file or folder is named, except hidden files that are
    not YAML (``.gitkeep``, ``.DS_Store``)."""
    suffix = path.suffix
    looks_yaml = suffix.lower() in (".yaml", ".yml")
    if path.name.startswith("."):
        if looks_yaml:
            problems.append(
                Problem(
                    shown,
                    0,
                    "",
                    "hidden-file",
                    "dit bestand is verborgen (de naam begint met een punt) en wordt overgeslagen.",
                    "Haal de punt aan het begin van de naam weg, of verwijder het bestand.",
                    Severity.WARNING,
                )
            )
        return False
    if not looks_yaml:
        folder = path.is_dir()
        problems.append(
            Problem(
                shown,
                0,
                "",
                "not-yaml",
                "dit is een map en wordt overgeslagen; alleen bestanden direct in de map worden gelezen."
                if folder
                else "dit is geen .yaml-bestand en wordt overgeslagen.",
                "Zet de bestanden er direct in." if folder else "Verplaats het bestand of hernoem het naar .yaml.",
                Severity.WARNING,
            )
        )
        return False
    if suffix != ".yaml":
        problems.append(
            Problem(
                shown,
                0,
                "",
                "bad-filename",
                f"de bestandsnaam eindigt op {suffix}.",
                "Hernoem het bestand naar .yaml (kleine letters).",
            )
        )
        return False
    if not re.match(SLUG, path.stem):
        problems.append(
            Problem(
                shown,
                0,
                "",
                "bad-filename",
                f"'{path.name}' is geen geldige bestandsnaam.",
                "Gebruik kleine letters, cijfers en streepjes, bv. 'buurthuis-de-mussen.yaml'.",
            )
        )
        return False
    if path.stem == "index":  # organisaties/index.md is the A–Z page; wijken/index.md would be the wijken page
        problems.append(
            Problem(
                shown,
                0,
                "",
                "bad-filename",
                "'index.yaml' kan niet: de site maakt zelf de pagina met alle organisaties en die met alle wijken.",
                "Geef het bestand de naam van de organisatie of wijk, bv. 'buurthuis-de-mussen.yaml'.",
            )
        )
        return False
    return True


def _read_one(
    path: Path, shown: str, model: type[M], problems: list[Problem], root: Path, failed: list[Document] | None = None
) -> tuple[Document, M] | None:
    raw, found = read_regular(path, shown, root)
    problems += found
    return None if raw is None else read_record(raw, shown, model, problems, failed)


def read_record(
    raw: bytes, shown: str, model: type[M], problems: list[Problem], failed: list[Document] | None = None
) -> tuple[Document, M] | None:
    """One file's bytes → its record, or None with the problems added to ``problems`` (and the file's data to
    ``failed`` when it was read but is not a valid record)."""
    doc, found = load_bytes(raw, shown)
    problems += found
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(
                shown,
                1,
                "",
                "not-a-mapping",
                "het bestand moet met 'sleutel: waarde'-regels beginnen.",
                "Begin met bv. 'name: …', niet met '- '.",
            )
        )
        return None
    try:
        return doc, model.model_validate(doc.data)
    except ValidationError as err:
        problems += problems_from(err, doc, model)
        if failed is not None:
            failed.append(doc)
        return None
