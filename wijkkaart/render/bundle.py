"""The finder's ES modules as one file for the site: on a host that speaks HTTP/1.1 (six requests at a time,
a round trip each) thirteen small files cost a phone on slow data about a second more than one.

There is no bundler for Python builds (esbuild's Python bindings only transform one file, and need distutils),
and a site owner's build must not need Node. The modules are wijkkaart's own and keep to a few forms, which
this links: ``import { a, b as c } from "./x.js";`` at the start of a line, and ``export`` before a top-level
``function``, ``async function``, ``const`` or ``class``. Each module becomes a function scope that returns
its exports, after the modules it imports (so no two modules' names meet); any other form of ``import`` or
``export`` at the start of a line, a module that is not there, or modules that import each other, is refused
with the module and line named. The result is made small by rjsmin (comments and spaces only, names kept).
Dynamic ``import()`` stays as it is: the bundle sits beside the modules, so relative paths resolve alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rjsmin

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([\w-]+\.js)";[ \t]*$', re.MULTILINE)
_EXPORTED = re.compile(r"^export ((?:async function|function|const|class) ([A-Za-z_$][\w$]*)\b)", re.MULTILINE)
_ANY = re.compile(r"^(?:import|export)\b.*$", re.MULTILINE)
_NAME = re.compile(r"^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$")


class BundleError(ValueError):
    """A module in a form the bundler does not link (a fault in wijkkaart, not in a site)."""


@dataclass(frozen=True)
class _Module:
    name: str
    imports: list[tuple[str, list[tuple[str, str]]]]  # (module, [(exported name, local name)])
    exports: list[str]
    body: str


def bundle(folder: Path, entry: str) -> str:
    """``entry`` in ``folder`` and every module it imports, as one script (minified)."""
    order: list[_Module] = []
    _visit(folder, entry, order, [])
    parts = [_scope(module, last=module.name == entry) for module in order]
    return str(rjsmin.jsmin("\n".join(parts)))


def _visit(folder: Path, name: str, order: list[_Module], path: list[str]) -> None:
    if name in path:
        raise BundleError(f"{' → '.join([*path, name])}: modules that import each other are not bundled")
    if any(module.name == name for module in order):
        return
    source = folder / name
    if not source.is_file():
        raise BundleError(f"{path[-1] if path else name}: imports {name}, which is not there")
    module = _parse(name, source.read_text(encoding="utf-8"))
    for imported, names in module.imports:
        _visit(folder, imported, order, [*path, name])
        exported = next(m.exports for m in order if m.name == imported)
        for missing in [n for n, _ in names if n not in exported]:
            raise BundleError(f"{name}: imports {missing} from {imported}, which does not export it")
    order.append(module)


def _parse(name: str, source: str) -> _Module:
    imports = [(found[2], _names(name, found[1])) for found in _IMPORT.finditer(source)]
    body = _IMPORT.sub("", source)
    exports = [found[2] for found in _EXPORTED.finditer(body)]
    body = _EXPORTED.sub(r"\1", body)
    for found in _ANY.finditer(body):
        line = source[: source.find(found[0])].count("\n") + 1
        raise BundleError(f"{name}:{line}: {found[0].strip()!r} is not a form the bundler links")
    return _Module(name, imports, exports, body)


def _names(module: str, listed: str) -> list[tuple[str, str]]:
    names = []
    for item in (part.strip() for part in listed.split(",")):
        found = _NAME.match(item)
        if item and found is None:
            raise BundleError(f"{module}: {item!r} in an import is not a name")
        if found is not None:
            names.append((found[1], found[2] or found[1]))
    return names


def _variable(name: str) -> str:
    return "__wk_" + re.sub(r"\W", "_", name.removesuffix(".js"))


def _scope(module: _Module, last: bool) -> str:
    """One module as a function scope: its imports taken from the modules before it, its exports returned."""
    taken = "".join(
        f"const {{ {', '.join(f'{n}: {local}' for n, local in names)} }} = {_variable(imported)};\n"
        for imported, names in module.imports
    )
    returned = f"return {{ {', '.join(module.exports)} }};\n"
    start = "" if last else f"const {_variable(module.name)} = "
    return f"// {module.name}\n{start}(() => {{\n{taken}{module.body}\n{returned}}})();\n"
