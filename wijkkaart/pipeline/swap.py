"""A site folder replaced whole or not at all: the build writes a fresh folder beside it, which takes the
site's place in one step once everything is written.

The step is ``renameat2(RENAME_EXCHANGE)`` on Linux (``renamex_np(RENAME_SWAP)`` on macOS): the two folders
trade places at once, so at every moment the site's path holds either the whole old site or the whole new
one. Where the system has no such call, the old site is renamed aside and the new one put in its place (two
renames, a moment without a site); a build after a crash in between puts the old site back first. A site
folder that is a mount point, or one whose parent may not be written, cannot be replaced: then the fresh
folder is made inside it (hidden) and its entries trade places one by one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

FRESH = ".wijkkaart-nieuw"
OLD = ".wijkkaart-oud"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h


@dataclass(frozen=True)
class Swap:
    """The site folder ``site`` and the ``fresh`` folder the build writes instead."""

    site: Path
    fresh: Path

    @property
    def inside(self) -> bool:
        return self.fresh.parent == self.site

    @classmethod
    def prepare(cls, site_dir: Path, dirty: bool = False) -> Swap:
        """A fresh folder for the site in ``site_dir``, holding what the builder would have kept of the old
        site: its hidden files (mkdocs never removes those), or all of it for a ``--dirty`` build."""
        site = site_dir.resolve()
        _recover(site)
        swap = cls(site, _fresh_path(site))
        _remove_stale(swap)
        swap.fresh.mkdir(parents=True)
        if site.is_dir():
            for entry in os.scandir(site):
                if entry.name not in (FRESH, OLD) and (dirty or entry.name.startswith(".")):
                    _copy(Path(entry.path), swap.fresh / entry.name)
        return swap

    def commit(self) -> None:
        """The fresh folder takes the site's place; the old site is removed."""
        if self.inside:
            _commit_entries(self.site, self.fresh)
        elif not self.site.exists():
            os.rename(self.fresh, self.site)
        else:
            try:
                _exchange(self.fresh, self.site)
            except OSError as err:
                if err.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
                    raise
                _replace_in_two_steps(self.site, self.fresh)
                return
            shutil.rmtree(self.fresh, ignore_errors=True)

    def abandon(self) -> None:
        """The build failed: the fresh folder goes, the site stays as it was."""
        shutil.rmtree(self.fresh, ignore_errors=True)


def _fresh_path(site: Path) -> Path:
    """Beside the site (one rename replaces it), unless the site is a mount point or its parent is closed."""
    if site.is_dir() and (os.path.ismount(site) or not os.access(site.parent, os.W_OK)):
        return site / FRESH
    return site.parent / f".{site.name}{FRESH}"


def _old_path(site: Path) -> Path:
    return site.parent / f".{site.name}{OLD}"


def _recover(site: Path) -> None:
    """Undo what a build killed while it replaced the site in two steps left behind."""
    old = _old_path(site)
    if old.is_dir() and not site.exists():
        os.rename(old, site)
    shutil.rmtree(old, ignore_errors=True)


def _remove_stale(swap: Swap) -> None:
    """A fresh folder left by a build that was killed."""
    shutil.rmtree(swap.fresh, ignore_errors=True)
    if swap.inside:
        shutil.rmtree(swap.site.parent / f".{swap.site.name}{FRESH}", ignore_errors=True)
    else:
        shutil.rmtree(swap.site / FRESH, ignore_errors=True)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir() and not source.is_symlink():
        shutil.copytree(source, target, symlinks=True)
    else:
        shutil.copy2(source, target, follow_symlinks=False)


def _exchange(first: Path, second: Path) -> None:
    """Two paths trade places in one step of the file system."""
    libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith(("linux", "darwin")) else None
    a, b = os.fsencode(first), os.fsencode(second)
    if libc is not None and hasattr(libc, "renameat2"):
        done = libc.renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    elif libc is not None and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(a, b, _RENAME_SWAP)
    else:  # Windows: no such call (a folder in use cannot be renamed there anyway)
        raise OSError(errno.ENOSYS, "no atomic exchange", str(first))
    if done != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first))


def _replace_in_two_steps(site: Path, fresh: Path) -> None:
    old = _old_path(site)
    os.rename(site, old)
    os.rename(fresh, site)
    shutil.rmtree(old, ignore_errors=True)


def _commit_entries(site: Path, fresh: Path) -> None:
    """The site folder itself stays (a mount point): each entry of the fresh folder trades places with the
    site's entry of that name; the site's entries the new site has not are moved out; then all of it goes."""
    new = set(os.listdir(fresh))
    for name in sorted(new):
        if (site / name).exists() or (site / name).is_symlink():
            try:
                _exchange(fresh / name, site / name)
                continue
            except OSError:
                _remove(site / name)
        os.rename(fresh / name, site / name)
    for name in os.listdir(site):
        if name not in new and name != FRESH:
            os.rename(site / name, fresh / name)
    shutil.rmtree(fresh, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
