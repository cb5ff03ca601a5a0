"""The wheel as a packager gets it: the licence text, the third-party licences, one version, metadata."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import wijkkaart

from .helpers import REPO


def test_the_wheel_carries_the_licence_and_one_version(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(REPO), "-w", str(tmp_path)],
        env={**os.environ, "PIP_CONSTRAINT": str(REPO / "constraints.txt")},
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("wijkkaart-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"wijkkaart-{wijkkaart.__version__}.dist-info"
        licence = archive.read(f"{info}/licenses/LICENSE")
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
    assert licence == (REPO / "LICENSE").read_bytes()
    assert licence.startswith(b"EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert f"{info}/licenses/wijkkaart/THIRD_PARTY.md" in names
    assert {
        "wijkkaart/assets/vendor/leaflet/LICENSE",
        "wijkkaart/assets/vendor/markercluster/MIT-LICENCE.txt",
        "wijkkaart/assets/vendor/lean-qr/LICENSE",
        "wijkkaart/assets/vendor/lean-qr/lean-qr.js",
    } <= set(names)
    assert metadata["Version"] == wijkkaart.__version__
    assert metadata["License-Expression"] == "EUPL-1.2"
    assert {url.split(",")[0] for url in metadata.get_all("Project-URL")} == {
        "Homepage",
        "Documentation",
        "Source",
        "Issues",
    }
    assert "Typing :: Typed" in metadata.get_all("Classifier")
