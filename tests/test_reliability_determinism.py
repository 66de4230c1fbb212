"""Deterministic and thread-safe: the same input gives the same ``to_dict()`` in another process,
under another ``PYTHONHASHSEED``, from eight threads at once, and with any ``jobs``."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

import bilingual_news
from bilingual_news.testing import make_page
from helpers import EXAMPLES, corpus_pages
from reliability import GARBAGE

THREADS = 8


def _pages() -> list[str]:
    """Pages of every kind: the examples, synthetic pages of each mix, garbage, and (when the
    labelled corpus is here) a few real pages."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    pages += [make_page(seed).raw for seed in range(12)]
    pages.append("\n".join(GARBAGE))
    pages += [(p / "raw.txt").read_text(encoding="utf-8") for p in corpus_pages()[:6]]
    return pages


PAGES = _pages()


def _digest(doc: bilingual_news.Document) -> str:
    return hashlib.sha256(json.dumps(doc.to_dict(), sort_keys=True).encode("utf-8", "surrogatepass")).hexdigest()


_CHILD = """
import hashlib, json, sys
import bilingual_news
pages = json.loads(sys.stdin.read())
for page in pages:
    doc = bilingual_news.parse(page)
    data = json.dumps(doc.to_dict(), sort_keys=True).encode("utf-8", "surrogatepass")
    print(hashlib.sha256(data).hexdigest())
"""


def _digests_in_a_child(hash_seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(PAGES),  # ASCII JSON: lone surrogates travel as escapes
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    return out.stdout.split()


@pytest.fixture(scope="module")
def expected() -> list[str]:
    """The digest of each page parsed here, once, one after another."""
    return [_digest(bilingual_news.parse(page)) for page in PAGES]


@pytest.mark.parametrize("hash_seed", ["0", "1", "4242", "random"])
def test_other_processes_and_hash_seeds_give_the_same_documents(hash_seed: str, expected: list[str]) -> None:
    assert _digests_in_a_child(hash_seed) == expected


def test_eight_threads_give_what_one_gives(expected: list[str]) -> None:
    work = PAGES * 3  # each page parsed by several threads, interleaved with the others
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        digests = list(pool.map(lambda page: _digest(bilingual_news.parse(page)), work))
    assert digests == expected * 3


def test_eight_threads_from_a_cold_start_give_what_one_gives(expected: list[str]) -> None:
    """The lazy resources (patterns, lexicons, character sets) loading while eight threads
    race for them: a fresh interpreter, every thread started at once."""
    child = """
import hashlib, json, sys, threading
import bilingual_news
pages = json.loads(sys.stdin.read())
out = [None] * len(pages)
barrier = threading.Barrier(8)
def work(k):
    barrier.wait()
    for i in range(k, len(pages), 8):
        data = json.dumps(bilingual_news.parse(pages[i]).to_dict(), sort_keys=True)
        out[i] = hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()
threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print("\\n".join(out))
"""
    result = subprocess.run(
        [sys.executable, "-c", child], input=json.dumps(PAGES), capture_output=True, text=True, check=True, timeout=600
    )
    assert result.stdout.split() == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_any_jobs_gives_the_same_documents(jobs: int, expected: list[str]) -> None:
    results = list(bilingual_news.parse_many(PAGES, jobs=jobs))
    assert [_digest(r.document) for r in results if r.document is not None] == expected
