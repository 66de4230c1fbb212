"""Every regular expression of the library, and the inputs most likely to make each backtrack.

Used by ``tests/test_reliability_redos.py`` (importable as ``reliability_patterns``: ``tests``
is on pytest's pythonpath), which runs :func:`main` in a child process under a watchdog.

:func:`library_patterns` finds the patterns programmatically, so that a pattern added later is
covered without a list to keep up to date: every module of the package is imported and its
globals walked (compiled ``re``/``regex`` patterns, ``LazyPattern``, the normalizer's lazy
patterns, ``Lazy`` values, zero-argument cached loaders, and the tuples, dicts and dataclass
records that hold them), and every module's source is scanned for patterns written inline
(``regex.search(r"…", text)``).

:func:`attack_inputs` builds, for one pattern, long runs of the characters it repeats: each
quantified part of the pattern (``\\s*``, ``[^|]+?``, ``(?:ab)+``) gives runs of each character
it can repeat and of one string it matches, with and without a character that stops the match,
and the whole pattern gives a run of one string it matches. Character classes the standard
parser does not know (``\\p{Han}``) are replaced by ranges of the same characters first.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import regex

try:
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

import bilingual_news
from bilingual_news._lazy import Lazy, LazyPattern

RUN = 2_000
"""Length of each attack input, in characters: exponential backtracking shows at a few dozen,
a cubic pattern takes minutes at ten thousand, and a linear scan of every case of every pattern
stays within seconds."""

STOP = "\x00"
"""Appended to a run so that a pattern needing more after the run must fail and backtrack."""

_PROPERTY_SAMPLES = {
    "han": "中",
    "latin": "a",
    "l": "a中",
    "letter": "a中",
    "lu": "A",
    "ll": "a",
    "n": "1",
    "nd": "1",
    "p": ",，",
    "s": "$",
    "z": " ",
    "zs": " ",
    "common": "a",
}
"""A representative character or two for each ``\\p{…}`` class the patterns use."""

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "1",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " \t\n\u3000\xa0",
    "CATEGORY_NOT_SPACE": "a中",
    "CATEGORY_WORD": "a中_1",
    "CATEGORY_NOT_WORD": " ,",
    "CATEGORY_LINEBREAK": "\n",
    "CATEGORY_NOT_LINEBREAK": "a",
}
_NEGATED_SAMPLES = "a中 1,"
"""Characters tried for a negated class (``[^|｜]``, ``\\S``): most are outside what it excludes."""
MAX_CHARS_PER_PART = 12
"""Characters taken from one quantified part: a class of a thousand characters is sampled."""


class Found(NamedTuple):
    """One pattern of the library, with where it was found."""

    where: str
    """``module.NAME`` (with ``[i]`` or ``.field`` for a pattern inside a record), or
    ``module:line`` for an inline pattern."""
    pattern: Any
    """The compiled pattern (``re`` or ``regex``)."""


def library_modules() -> list[Any]:
    """Every module of the package, imported."""
    names = [m.name for m in pkgutil.walk_packages(bilingual_news.__path__, "bilingual_news.")]
    return [importlib.import_module(name) for name in sorted(names) if not name.endswith("__main__")]


def library_patterns() -> list[Found]:
    """Every pattern of the library: module globals (walked into records and loaders) and inline ones."""
    found: dict[tuple[str, int, bool], Found] = {}
    for module in library_modules():
        seen: set[int] = set()
        for name, value in sorted(vars(module).items()):
            if getattr(value, "__module__", module.__name__) != module.__name__ and not _holds_patterns(value):
                continue
            for where, pattern in _walk(value, f"{module.__name__}.{name}", seen, depth=0):
                key = (pattern.pattern, pattern.flags, isinstance(pattern, re.Pattern))
                found.setdefault(key, Found(where, pattern))
        for where, pattern in _inline(module):
            key = (pattern.pattern, pattern.flags, isinstance(pattern, re.Pattern))
            found.setdefault(key, Found(where, pattern))
    return sorted(found.values(), key=lambda f: f.where)


def _holds_patterns(value: object) -> bool:
    return isinstance(value, (re.Pattern, regex.Pattern, LazyPattern, Lazy, tuple, list, dict, frozenset))


def _walk(value: object, where: str, seen: set[int], depth: int) -> Iterator[tuple[str, Any]]:
    if depth > 6 or id(value) in seen or isinstance(value, (str, bytes, int, float, type, type(None))):
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern) and isinstance(value.pattern, bytes):
        # A pattern over bytes (the HTML charset sniffer) backtracks as the same pattern over the
        # text its bytes spell: try that one, with the attack runs as text.
        yield where, re.compile(value.pattern.decode("latin-1"), value.flags)
    elif isinstance(value, (re.Pattern, regex.Pattern)):
        yield where, value
    elif isinstance(value, LazyPattern):
        yield where, regex.compile(value._source, value._flags)
    elif isinstance(getattr(type(value), "compiled", None), property):  # the normalizer's lazy pattern
        yield where, value.compiled  # type: ignore[attr-defined]
    elif isinstance(value, Lazy):
        yield from _walk(value.get(), f"{where}.get()", seen, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}[{key!r}]", seen, depth + 1)
    elif isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        fields = getattr(value, "_fields", None)
        for i, item in enumerate(items):
            yield from _walk(item, f"{where}.{fields[i]}" if fields else f"{where}[{i}]", seen, depth + 1)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _walk(getattr(value, field.name), f"{where}.{field.name}", seen, depth + 1)
    elif callable(value) and hasattr(value, "cache_info") and _takes_no_arguments(value):
        yield from _walk(value(), f"{where}()", seen, depth + 1)


def _takes_no_arguments(func: Any) -> bool:
    try:
        return not inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


_CALLS = frozenset({"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"})


def _inline(module: Any) -> Iterator[tuple[str, Any]]:
    """Patterns written as a literal inside a function: ``regex.search(r"\\d|[:：]", value)``."""
    path = getattr(module, "__file__", None)
    if not path:
        return
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("re", "regex")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        engine = re if node.func.value.id == "re" else regex
        yield f"{module.__name__}:{node.lineno}", engine.compile(node.args[0].value)


# ---------------------------------------------------------------------------- attack inputs


def attack_inputs(pattern: Any) -> list[tuple[str, str]]:
    """``(description, text)`` pairs: long runs of what ``pattern`` repeats."""
    parts, whole = _repeated_parts(pattern)
    inputs: dict[str, str] = {}
    for unit in [*parts, whole]:
        if not unit:
            continue
        run = (unit * (RUN // len(unit) + 1))[:RUN]
        inputs.setdefault(f"{unit!r} * {RUN // len(unit)}", run)
        inputs.setdefault(f"{unit!r} * {RUN // len(unit)} + STOP", run + STOP)
    return sorted(inputs.items())


def _repeated_parts(pattern: Any) -> tuple[list[str], str]:
    """The strings whose runs to try (each repeatable character, and a string each repeated
    part matches), and a string the whole pattern matches."""
    source = _standard_source(pattern.pattern)
    try:
        tree = sre_parse.parse(source, pattern.flags & (re.IGNORECASE | re.VERBOSE | re.DOTALL | re.MULTILINE))
    except (re.error, OverflowError, RecursionError, ValueError):
        chars = sorted(set(re.sub(r"\\[pP]\{\w+\}", "", pattern.pattern)) - set("\\()[]{}?*+|^$"))
        return [*chars[: MAX_CHARS_PER_PART * 4], " ", "中", "a"], ""
    parts: list[str] = []
    _collect(list(tree), parts)
    return parts, _sample(list(tree))


def _standard_source(source: str) -> str:
    """``source`` in the standard library's syntax: ``\\p{…}`` classes become ranges of a few
    characters of the class (inside or outside brackets)."""

    def replace(m: re.Match[str]) -> str:
        name = m.group(2).lower().replace("_", "").split("=")[-1]
        chars = _PROPERTY_SAMPLES.get(name, "a")
        if m.group(1) == "P":
            chars = "".join(c for c in _NEGATED_SAMPLES if c not in chars)
        return "".join(re.escape(c) for c in chars)

    out: list[str] = []
    i, inside = 0, False
    while i < len(source):
        m = _PROPERTY.match(source, i)
        if m:
            chars = replace(m)
            out.append(chars if inside else f"[{chars}]")
            i = m.end()
            continue
        ch = source[i]
        if ch == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if ch == "[" and not inside:
            inside = True
            # A ``]`` or ``^]`` right after the bracket is a member, not the end.
            j = i + 1 + (source[i + 1 : i + 2] == "^")
            if source[j : j + 1] == "]":
                out.append(source[i : j + 1])
                i = j + 1
                continue
        elif ch == "[" and inside:
            out.append("\\[")
            i += 1
            continue
        elif ch == "]" and inside:
            inside = False
        out.append(ch)
        i += 1
    return "".join(out)


_PROPERTY = re.compile(r"\\([pP])\{(\^?[\w=]+)\}")


def _collect(items: list[Any], parts: list[str]) -> None:
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _low, high, body = av
            body = list(body)
            if high == sre_constants.MAXREPEAT or high > 1:
                parts.extend(_chars(body))
                sample = _sample(body)
                if sample:
                    parts.append(sample)
            _collect(body, parts)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            _collect(list(av[-1] if name == "SUBPATTERN" else av), parts)
        elif name == "BRANCH":
            for branch in av[1]:
                _collect(list(branch), parts)
        elif name in ("ASSERT", "ASSERT_NOT"):
            _collect(list(av[1]), parts)


def _chars(items: list[Any]) -> list[str]:
    """Characters the repeated ``items`` can take, a few from each class."""
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL" or name == "ANY":
            out.extend(_NEGATED_SAMPLES)
        elif name == "IN":
            out.extend(_class_chars(av))
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            out.extend(_chars(list(av[-1] if name == "SUBPATTERN" else av)))
        elif name == "BRANCH":
            for branch in av[1]:
                out.extend(_chars(list(branch)))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            out.extend(_chars(list(av[2])))
    return list(dict.fromkeys(out))[:MAX_CHARS_PER_PART]


def _class_chars(av: list[Any]) -> list[str]:
    if av and str(av[0][0]) == "NEGATE":
        return list(_NEGATED_SAMPLES)
    out: list[str] = []
    for op, arg in av:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "RANGE":
            out.extend(dict.fromkeys((chr(arg[0]), chr((arg[0] + arg[1]) // 2), chr(arg[1]))))
        elif name == "CATEGORY":
            out.extend(_CATEGORY_SAMPLES.get(str(arg).replace("UNI_", ""), "a"))
    return out


def _sample(items: list[Any]) -> str:
    """One short string ``items`` can match (the first branch, the fewest repeats but one)."""
    out: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name in ("NOT_LITERAL", "ANY"):
            out.append("a" if name == "ANY" or av != ord("a") else "b")
        elif name == "IN":
            chars = _class_chars(av)
            out.append(chars[0] if chars else "a")
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            out.append(_sample(list(av[-1] if name == "SUBPATTERN" else av)))
        elif name == "BRANCH":
            out.append(_sample(list(av[1][0])))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low = av[0]
            out.append(_sample(list(av[2])) * max(1, min(low, 8)))
    return "".join(out)


# ---------------------------------------------------------------------------- the child process


def cases() -> list[tuple[str, Any, str, str]]:
    """``(where, pattern, description, text)`` for every pattern and each of its attack inputs."""
    out = []
    for found in library_patterns():
        for description, text in attack_inputs(found.pattern):
            out.append((found.where, found.pattern, description, text))
    return out


def main(argv: list[str]) -> int:
    """Run every case from index ``argv[0]`` on, printing ``start <i>`` before each and ``end <i>``
    after it, so that the parent can tell which case hangs; ``count <n>`` first."""
    first = int(argv[0]) if argv else 0
    todo = cases()
    print(f"count {len(todo)}", flush=True)
    for i in range(first, len(todo)):
        _where, pattern, _description, text = todo[i]
        print(f"start {i}", flush=True)
        begun = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)
        print(f"end {i} {time.perf_counter() - begun:.4f}", flush=True)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
