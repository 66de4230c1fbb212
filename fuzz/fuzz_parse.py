"""Fuzz target: ``parse(bytes)`` and ``parse(str)`` under atheris (libFuzzer for Python).

Every input must give a Document that keeps the guarantees of ``docs/reliability.md`` (checked
by ``tests/reliability.py``), or an ``InputError``; anything else is a crash, which libFuzzer
saves as a file to turn into a case of ``tests/regressions/``.

Run it (``pip install -e ".[test,fuzz]"``)::

    python fuzz/seeds.py /tmp/corpus                       # a starting corpus of synthetic pages
    python fuzz/fuzz_parse.py -max_total_time=120 -timeout=60 /tmp/corpus

CI runs it for two minutes (``.ci/run``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

with atheris.instrument_imports(include=["bilingual_news"]):
    import bilingual_news
    from bilingual_news import InputError

from reliability import violations  # after the instrumented import, from the tests folder

MAX_BYTES = 200_000
"""Longest input tried: the pipeline is linear, so longer inputs find nothing new, only slower."""


def test_one_input(data: bytes) -> None:
    """One fuzz input: as bytes (decoded by the library), and as text (its bytes read as UTF-16,
    so that every code point, lone surrogates included, can come up)."""
    data = data[:MAX_BYTES]
    try:
        doc = bilingual_news.parse(data)
    except InputError:
        pass
    else:
        _check(doc.raw, doc)
    text = data[: len(data) // 2 * 2].decode("utf-16-le", errors="surrogatepass")
    _check(text, bilingual_news.parse(text))


def _check(raw: str, doc: bilingual_news.Document) -> None:
    found = violations(raw, doc)
    if found:
        raise AssertionError(f"guarantees broken on {raw[:200]!r}: {found}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
