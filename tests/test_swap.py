"""The site folder is replaced whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from wijkkaart.pipeline import swap as swapping
from wijkkaart.pipeline.swap import Swap


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _old_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "wijken").mkdir(parents=True)
    (site / "index.html").write_text("oud", encoding="utf-8")
    (site / "wijken" / "index.html").write_text("oude wijken", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    return site


def test_the_fresh_folder_replaces_the_site_in_one_step(tmp_path: Path) -> None:
    site = _old_site(tmp_path)
    inode = site.stat().st_ino
    swap = Swap.prepare(site)
    assert swap.fresh == tmp_path / ".site.wijkkaart-nieuw" and not swap.inside
    assert _tree(swap.fresh) == {".nojekyll": b""}  # hidden files stay, as mkdocs leaves them
    (swap.fresh / "index.html").write_text("nieuw", encoding="utf-8")
    assert _tree(site)["index.html"] == b"oud"
    swap.commit()
    assert _tree(site) == {".nojekyll": b"", "index.html": b"nieuw"}
    assert site.stat().st_ino != inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_dirty_build_starts_from_the_whole_old_site(tmp_path: Path) -> None:
    site = _old_site(tmp_path)
    swap = Swap.prepare(site, dirty=True)
    assert _tree(swap.fresh) == _tree(site)
    assert (swap.fresh / "index.html").stat().st_mtime == (site / "index.html").stat().st_mtime


def test_a_failed_build_leaves_the_site_and_nothing_beside_it(tmp_path: Path) -> None:
    site = _old_site(tmp_path)
    before = _tree(site)
    swap = Swap.prepare(site)
    (swap.fresh / "index.html").write_text("half", encoding="utf-8")
    swap.abandon()
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_first_build_makes_the_site(tmp_path: Path) -> None:
    swap = Swap.prepare(tmp_path / "site")
    (swap.fresh / "index.html").write_text("nieuw", encoding="utf-8")
    swap.commit()
    assert _tree(tmp_path / "site") == {"index.html": b"nieuw"}


def test_what_a_killed_build_left_is_cleaned_up_first(tmp_path: Path) -> None:
    site = _old_site(tmp_path)
    stale = tmp_path / ".site.wijkkaart-nieuw"
    (stale / "half").mkdir(parents=True)
    (stale / "index.html").write_text("half", encoding="utf-8")
    swap = Swap.prepare(site)
    assert _tree(swap.fresh) == {".nojekyll": b""}


def test_killed_between_two_renames_the_old_site_comes_back(tmp_path: Path) -> None:
    """Without an exchange call the site is moved aside and the new one put in place; a build killed in
    between left no site, only the old one aside: the next build puts it back before anything else."""
    before = _tree(_old_site(tmp_path))
    os.rename(tmp_path / "site", tmp_path / ".site.wijkkaart-oud")
    swap = Swap.prepare(tmp_path / "site")
    assert _tree(tmp_path / "site") == before
    swap.abandon()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_without_an_exchange_call_two_renames_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_exchange(first: Path, second: Path) -> None:
        raise OSError(errno.ENOSYS, "no exchange")

    monkeypatch.setattr(swapping, "_exchange", no_exchange)
    site = _old_site(tmp_path)
    swap = Swap.prepare(site)
    (swap.fresh / "index.html").write_text("nieuw", encoding="utf-8")
    swap.commit()
    assert _tree(site) == {".nojekyll": b"", "index.html": b"nieuw"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_folder_that_cannot_be_replaced_gets_its_entries_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mount point (a Docker volume, say) stays; what is in it is replaced entry by entry."""
    site = _old_site(tmp_path)
    (site / "weg.html").write_text("weg", encoding="utf-8")
    monkeypatch.setattr(swapping.os.path, "ismount", lambda path: Path(path) == site)
    swap = Swap.prepare(site)
    assert swap.inside and swap.fresh == site / ".wijkkaart-nieuw"
    (swap.fresh / "wijken").mkdir()
    (swap.fresh / "wijken" / "index.html").write_text("nieuwe wijken", encoding="utf-8")
    (swap.fresh / "index.html").write_text("nieuw", encoding="utf-8")
    swap.commit()
    assert _tree(site) == {".nojekyll": b"", "index.html": b"nieuw", "wijken/index.html": b"nieuwe wijken"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_folders_trade_places_in_one_call(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("a", encoding="utf-8")
    swapping._exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "x").read_text(encoding="utf-8") == "a" and not (tmp_path / "a" / "x").exists()
