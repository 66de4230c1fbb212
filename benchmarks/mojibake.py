"""The labelled pages decoded upstream with the wrong code page, repaired and scored against the
same pages read right (issue 18): a gate with pinned floors, which CI runs.

Each page's ``raw.txt`` is re-rendered at run time (never committed) two ways:

* ``gb18030``: the page's UTF-8 bytes decoded as GB18030 with errors replaced, as a scraper
  whose default is GBK leaves a Chinese site (``鍖椾含``, ``It鈥檚``, ``鈥�``);
* ``cp1252``: the pages whose body is English (most of the clean parse's body characters in
  blocks of language ``en``), each line that Windows-1252 can encode encoded so and decoded as
  GB18030 with errors replaced (``nation抯``, ``揟he``, ``fact梩hat``); other lines stay.

Each rendering is parsed and its body (paragraphs and subheadings) scored against the body of the
clean page's parse, with the evaluation's tokens (:func:`bilingual_news.evaluate.tokens`):
``body_f1`` (micro) and ``body_f1_macro`` (mean over pages). ``damaged_lines`` counts the lines the
rendering changed, ``exact_lines`` is the share of them whose normalized text is the clean
line's normalized text, character for character. For ``cp1252``, ``han_words`` counts the
rendering's words with a Han character the clean page does not have (``nation抯``, the words the
issue asks to leave none of) and ``han_words_repaired`` is the share that normalization leaves
without one; ``lost_words`` and ``lost_words_repaired`` do the same for ``�`` (``early�``), which
is inferred only on a page with enough evidence and otherwise left, with its warning.
``clean.pages_untouched`` is the share of the clean pages (``raw.txt`` as is) on which the
wrong-decoding rules (:data:`RULES`) make no edit.

The gate prints one line per rendering and exits 1 when a figure is below its floor in
``mojibake_floors.json`` (keys ``<rendering>.<figure>``; 2 when the corpus is missing)::

    python benchmarks/mojibake.py [CORPUS_DIR] [-v]
    python benchmarks/mojibake.py --show gb18030 PAGE/raw.txt   # print one rendering
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from _common import DEFAULT_CORPUS

from bilingual_news import Document, normalize, parse
from bilingual_news.evaluate import read_floors, tokens

HERE = Path(__file__).resolve().parent

RULES = frozenset({"gbk_mojibake", "cp1252_mojibake"})
"""The rules that repair a wrong decoding upstream: none may fire on a clean page."""

MIN_ENGLISH_SHARE = 0.5
"""Share of a clean parse's body characters in English blocks for a page to take part in the
``cp1252`` rendering."""


def read_as_gb18030(text: str) -> str:
    """``text``'s UTF-8 bytes decoded as GB18030, errors replaced."""
    return text.encode("utf-8").decode("gb18030", errors="replace")


def cp1252_read_as_gb18030(text: str) -> str:
    """Each line of ``text`` that Windows-1252 can encode, encoded so and decoded as GB18030
    (errors replaced); the other lines as they are."""
    lines = []
    for line in text.split("\n"):
        try:
            lines.append(line.encode("cp1252").decode("gb18030", errors="replace"))
        except UnicodeEncodeError:
            lines.append(line)
    return "\n".join(lines)


RENDERINGS: dict[str, Callable[[str], str]] = {"gb18030": read_as_gb18030, "cp1252": cp1252_read_as_gb18030}


def body_tokens(doc: Document) -> Counter[str]:
    found: Counter[str] = Counter()
    for block in doc.blocks:
        if block.is_body:
            found.update(tokens(block.text))
    return found


def is_english(doc: Document) -> bool:
    body = [b for b in doc.blocks if b.is_body]
    total = sum(len(b.text) for b in body)
    return total > 0 and sum(len(b.text) for b in body if b.lang == "en") >= MIN_ENGLISH_SHARE * total


MOJIBAKE = {
    "han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"),
    "lost": re.compile("\ufffd"),
}
"""The characters of a mojibake word: a Han character fused from a mark and a letter
(``nation抯``), and a ``�`` where a byte was lost (``early�``)."""


def mojibake_words(text: str, clean_chars: set[str], kind: str) -> int:
    """Words of ``text`` holding a character of ``kind`` (:data:`MOJIBAKE`) that the clean page
    does not have: a wrong guess of a lost mark (``—`` for ``–``) is not one."""
    pattern = MOJIBAKE[kind]
    return sum(1 for word in text.split() if any(c not in clean_chars for c in pattern.findall(word)))


class Tally:
    """The figures of one rendering over the pages."""

    def __init__(self) -> None:
        self.hit = self.predicted = self.gold = 0
        self.page_f1: list[float] = []
        self.damaged = self.exact = 0
        self.words_before: Counter[str] = Counter()
        self.words_after: Counter[str] = Counter()

    def add(self, pred: Counter[str], gold: Counter[str]) -> float:
        hit = sum((pred & gold).values())
        n_pred, n_gold = sum(pred.values()), sum(gold.values())
        self.hit += hit
        self.predicted += n_pred
        self.gold += n_gold
        f1 = 1.0 if n_pred == n_gold == 0 else 2 * hit / (n_pred + n_gold)
        self.page_f1.append(f1)
        return f1

    def figures(self) -> dict[str, float]:
        out = {
            "pages": float(len(self.page_f1)),
            "body_f1": 2 * self.hit / (self.predicted + self.gold) if self.predicted + self.gold else 1.0,
            "body_f1_macro": sum(self.page_f1) / len(self.page_f1) if self.page_f1 else 1.0,
            "damaged_lines": float(self.damaged),
            "exact_lines": self.exact / self.damaged if self.damaged else 1.0,
        }
        for kind, before in self.words_before.items():
            out[f"{kind}_words"] = float(before)
            out[f"{kind}_words_repaired"] = 1 - self.words_after[kind] / before if before else 1.0
        return out


def _lines_restored(raw: str, rendered: str, clean: str, repaired: str) -> tuple[int, int]:
    """Lines the rendering changed, and how many of them normalization gave back exactly: the
    repaired line is the clean page's normalized line (both sides normalized, so that the
    page's own repairs, a no-break space made a space and the like, do not count). A page whose
    normalized line count differs between the two (a reflow that joined lines otherwise) counts
    its damaged lines as not restored."""
    damaged_at = [k for k, (a, b) in enumerate(zip(raw.split("\n"), rendered.split("\n"), strict=True)) if a != b]
    clean_lines, repaired_lines = clean.split("\n"), repaired.split("\n")
    if len(clean_lines) != len(repaired_lines):
        return len(damaged_at), 0
    return len(damaged_at), sum(clean_lines[k] == repaired_lines[k] for k in damaged_at)


def run(corpus: Path, verbose: bool = False) -> dict[str, dict[str, float]]:
    """Every rendering's figures, and the clean pages' (``clean``)."""
    tallies = {name: Tally() for name in RENDERINGS}
    untouched: list[bool] = []
    for page in sorted(corpus.glob("*/raw.txt")):
        raw = page.read_text(encoding="utf-8")
        clean_norm = normalize(raw)
        fired = [e for e in clean_norm.edits if RULES & set(e.rule.split("+"))]
        untouched.append(not fired)
        if fired and verbose:
            print(f"  clean {page.parent.name}: {len(fired)} edit(s), first {fired[0].before!r}", file=sys.stderr)
        clean_doc = parse(raw)
        gold = body_tokens(clean_doc)
        for name, render in RENDERINGS.items():
            if name == "cp1252" and not is_english(clean_doc):
                continue
            rendered = render(raw)
            tally = tallies[name]
            f1 = tally.add(body_tokens(parse(rendered)), gold)
            repaired = normalize(rendered).text
            damaged, exact = _lines_restored(raw, rendered, clean_norm.text, repaired)
            tally.damaged += damaged
            tally.exact += exact
            if name == "cp1252":
                chars = set(raw)
                for kind in MOJIBAKE:
                    tally.words_before[kind] += mojibake_words(rendered, chars, kind)
                    tally.words_after[kind] += mojibake_words(repaired, chars, kind)
            if verbose:
                print(f"  {name} {page.parent.name}: body_f1={f1:.3f} lines {exact}/{damaged}", file=sys.stderr)
    results = {name: tally.figures() for name, tally in tallies.items()}
    results["clean"] = {"pages": float(len(untouched)), "pages_untouched": sum(untouched) / max(1, len(untouched))}
    return results


def _check(results: dict[str, dict[str, float]], floors: dict[str, float]) -> Iterable[str]:
    for key, floor in floors.items():
        name, _, figure = key.partition(".")
        value = results.get(name, {}).get(figure)
        if value is None:
            yield f"{key}: no such figure (floor {floor})"
        elif value < floor:
            yield f"{key}: {value:.4f} < {floor}"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--show"]:
        sys.stdout.write(RENDERINGS[argv[1]](Path(argv[2]).read_text(encoding="utf-8")))
        return 0
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"mojibake gate: expected the labelled pages at {corpus}, found nothing", file=sys.stderr)
        return 2
    results = run(corpus, verbose)
    for name, figures in results.items():
        print(f"{name:>8}: " + "  ".join(f"{k}={v:.4f}" if v % 1 else f"{k}={v:.0f}" for k, v in figures.items()))
    failures = list(_check(results, read_floors(HERE / "mojibake_floors.json")))
    for failure in failures:
        print(f"mojibake gate: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
