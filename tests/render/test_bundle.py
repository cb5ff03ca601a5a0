"""The finder's modules in one file: each module in a scope of its own, run once, in the order of its imports;
forms the bundler does not link are refused by name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wijkkaart.pipeline.build import ASSETS, BUNDLES
from wijkkaart.render.bundle import BundleError, bundle

from ..helpers import REPO

CASES = REPO / "tests" / "data" / "bundle"


def run_in_node(script: str) -> object:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("Node is nodig om de gebundelde scripts te draaien")
        pytest.skip("node ontbreekt")
    printed = "\nconsole.log(JSON.stringify([globalThis.result, globalThis.loaded]));"
    done = subprocess.run(
        [node, "--input-type=module", "-e", script + printed], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_linked_modules_run_as_the_modules_would() -> None:
    script = bundle(CASES / "linked", "main.js")
    assert "//" not in script.replace("// geen", "") and "/*" not in script.replace("/* b */", "")
    assert run_in_node(script) == [
        [42, "LABEL!", "HALLO!", "main", "regel 1\n  regel 2 // geen commentaar", 11],
        1,
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("default.js", "default.js:3: 'export default a;' is not a form the bundler links"),
        ("star.js", "star.js:1: 'import * as all from \"./exports.js\";' is not a form the bundler links"),
        ("ping.js", "ping.js → pong.js → ping.js: modules that import each other are not bundled"),
        ("missing.js", "missing.js: imports b from exports.js, which does not export it"),
        ("absent.js", "absent.js: imports nowhere.js, which is not there"),
    ],
)
def test_other_forms_are_refused_by_module_and_line(entry: str, message: str) -> None:
    with pytest.raises(BundleError) as refused:
        bundle(CASES / "refused", entry)
    assert str(refused.value) == message


def test_the_finder_bundles_every_module_once(tmp_path: Path) -> None:
    """Every module is in the finder's file but the early script's entry, which is in its own (with the one
    module it shares, whose lists the finder then finds in the browser's cache)."""
    finder, early = (bundle(ASSETS / "js", entry) for entry in BUNDLES.values())
    modules = {p.name.removesuffix(".js") for p in (ASSETS / "js").glob("*.js")}
    assert sorted(name for name in modules if f"const __wk_{name}=" in finder) == sorted(modules - {"finder", "early"})
    assert sorted(name for name in modules if f"const __wk_{name}=" in early) == ["common", "served"]
    node = shutil.which("node")
    for name, script in (("finder.js", finder), ("early.js", early)):
        (tmp_path / name).write_text(script)
        if node is not None:
            subprocess.run([node, "--check", str(tmp_path / name)], check=True)
