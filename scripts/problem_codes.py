"""Write the problem-code tables in README.md and CONTRIBUTING.md from the registry (wijkkaart/records/codes.py).

Each table stands between two marker comments; everything outside them is left as it is. A test
(tests/test_editors.py) fails when a table differs from what this script writes, so a code added to the
registry shows up in both documents by running:

    .venv/bin/python scripts/problem_codes.py          # rewrites the tables
    .venv/bin/python scripts/problem_codes.py --check  # exit 1 when a table is out of date
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from wijkkaart.records.codes import CODES, Code

REPO = Path(__file__).resolve().parents[1]
START = "<!-- problem-codes: start (written by scripts/problem_codes.py from wijkkaart/records/codes.py) -->"
END = "<!-- problem-codes: end -->"


def readme_table(codes: Mapping[str, Code]) -> str:
    """For README.md (English): code, severity and the Dutch title editors see in CONTRIBUTING.md."""
    rows = [f"| `{c.code}` | {c.severity.value} | {c.title} |" for c in codes.values()]
    return "\n".join(["| code | severity | title (Dutch) |", "|---|---|---|", *rows])


def contributing_table(codes: Mapping[str, Code]) -> str:
    """For CONTRIBUTING.md (Dutch, for editors): what each code means and what to do."""
    rows = [f"| `{c.code}` | {c.severity.dutch} | **{c.title}**: {c.explanation} | {c.fix} |" for c in codes.values()]
    return "\n".join(["| code | soort | betekenis | wat je doet |", "|---|---|---|---|", *rows])


TABLES: dict[str, Callable[[Mapping[str, Code]], str]] = {
    "README.md": readme_table,
    "CONTRIBUTING.md": contributing_table,
}


def with_table(document: str, table: str) -> str:
    """``document`` with the text between the markers replaced by ``table``."""
    before, start, rest = document.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the markers {START!r} and {END!r} are missing")
    return f"{before}{START}\n{table}\n{END}{after}"


def written(root: Path = REPO, codes: Mapping[str, Code] = CODES) -> dict[Path, str]:
    """Each document as this script writes it."""
    return {
        root / name: with_table((root / name).read_text(encoding="utf-8"), table(codes))
        for name, table in TABLES.items()
    }


def main(argv: list[str]) -> int:
    check = argv == ["--check"]
    stale = [path for path, text in written().items() if path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(f"{path.name}: the problem-code table is out of date; run scripts/problem_codes.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in written().items():
        path.write_text(text, encoding="utf-8")
    print("\n".join(path.name for path in stale) or "up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
