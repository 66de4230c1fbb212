"""Score the library on any folder of labelled pages in the gold format.

In: a folder of page folders, each with ``raw.txt`` and ``gold.json`` (see ``docs/evaluation.md``).
Out: :class:`Evaluation` — per-page rows, per-role precision/recall/F1 and the totals, computed
the way the corpus's ``score.py`` computes them, so that figures from either agree:

* tokens: each Han character is a token; other words are runs of letters and digits, lower-cased,
  after unescaping HTML entities and the usual escaping artifacts (cleaning is not penalised);
* body = the ``paragraph`` and ``subheading`` tokens; P/R/F1 over token multisets, micro over
  pages (a token matches only within its own page) and mean per page;
* a page is *clean* when its body F1 ≥ 0.99 and its headline's tokens are exactly right;
* quotes: a gold speech quote (speaker not null) is found when a predicted quote with a speaker
  has token F1 ≥ 0.8 with it; its speaker is right when one contains the other or F1 ≥ 0.5;
* translation pairs (pages with a ``pairs.json``): a gold pair is found when a predicted pair,
  not yet used, has token F1 ≥ 0.8 with it on both its English and its Chinese side (a side of
  several gold segments is their texts joined with a newline); ``pair_recall`` and
  ``pair_precision`` are over the pages that have a ``pairs.json``.
"""

from __future__ import annotations

import html
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bilingual_news.errors import BilingualNewsError, InputError
from bilingual_news.model import Kind
from bilingual_news.options import ParseOptions
from bilingual_news.pipeline import parse_file

__all__ = [
    "Evaluation",
    "PageScore",
    "RoleScore",
    "check_floors",
    "evaluate",
    "format_report",
    "load_gold",
    "load_gold_pairs",
    "read_floors",
]

ROLES = tuple(kind.value for kind in Kind)
"""The roles of the gold format, in ``Kind`` order."""
BODY_ROLES = ("paragraph", "subheading")
CLEAN_BODY_F1 = 0.99
"""Body F1 at or above which (with the headline right) a page counts as clean."""
QUOTE_MATCH_F1 = 0.8
"""Token F1 at which a predicted quote is the gold one."""
PAIR_MATCH_F1 = 0.8
"""Token F1 each side of a predicted translation pair needs with a gold pair's to be it."""
SPEAKER_MATCH_F1 = 0.5
"""Token F1 at which a predicted speaker is the gold one (when neither contains the other)."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# The stdlib re on purpose: its \W is the one score.py uses, so the token counts agree exactly.
_TOKEN = re.compile(f"[{_HAN}]|[^\\W_{_HAN}]+")

Parser = Callable[[Path], Mapping[str, Any]]
"""Turns a page's ``raw.txt`` path into a document dict (``Document.to_dict()`` form)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PRF:
    """Precision, recall and F1 of predicted against gold tokens."""

    precision: float
    """Share of predicted tokens that are gold."""
    recall: float
    """Share of gold tokens that are predicted."""
    f1: float
    """Their harmonic mean."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleScore:
    """One role's token scores over all pages (micro)."""

    role: str
    """The role (a ``Kind`` value)."""
    score: PRF
    """Precision, recall and F1."""
    predicted: int
    """Tokens predicted with this role."""
    gold: int
    """Tokens the gold gives this role."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PageScore:
    """How one page came out."""

    id: str
    """The page's id (its folder name when the gold has none)."""
    mix: str | None
    """How the page mixes languages (gold ``mix``: a, b, c, d, e)."""
    body: PRF
    """Body token scores."""
    headline_ok: bool
    """Whether the headline's tokens are exactly the gold's."""
    quotes_found: int
    """Gold speech quotes found."""
    speakers_right: int
    """Of those, how many have the right speaker."""
    quotes_gold: int
    """Gold speech quotes (with a speaker)."""
    quotes_predicted: int
    """Predicted quotes with a speaker."""
    fixes_done: int
    """Gold fixes repaired in the block texts."""
    fixes_gold: int
    """Gold fixes."""
    error: str | None = None
    """Why the page could not be parsed (it then scores zero), or ``None``."""
    confidence: float | None = None
    """The document's :attr:`~bilingual_news.model.Document.confidence`, or ``None`` when the
    parser's output has none."""
    pairs: tuple[int, int, int] | None = None
    """Translation pairs found, gold and predicted, on a page with a ``pairs.json``; ``None``
    on other pages."""

    @property
    def clean(self) -> bool:
        """Body F1 ≥ 0.99 and the headline right."""
        return self.body.f1 >= CLEAN_BODY_F1 and self.headline_ok


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation:
    """The scores of a folder of labelled pages."""

    pages: tuple[PageScore, ...]
    """One row per page, sorted by id."""
    roles: tuple[RoleScore, ...]
    """One row per role with gold or predicted tokens, in ``ROLES`` order."""
    body: PRF
    """Body scores, micro over pages."""
    totals: Mapping[str, Any]
    """The summary figures, under the names ``score.py`` prints (``body_f1``, ``pages_clean``, …)."""
    by_mix: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The same figures for the pages of each mix (``a`` … ``e``; ``?`` when the gold has none)."""


def canonical(text: str) -> str:
    """Text as it is compared: entities unescaped (twice), escape artifacts undone, NFKC, lower."""
    for _ in range(2):
        text = html.unescape(text)
    text = text.replace("/'", "'").replace('/"', '"').replace("\\'", "'").replace('\\"', '"')
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str | None) -> list[str]:
    """The scoring tokens of ``text``: Han characters and lower-cased letter/digit runs."""
    found: list[str] = _TOKEN.findall(canonical(text or ""))
    return found


def load_gold(page_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a page folder's ``gold.json``; raises ``InputError`` naming the file when it is bad."""
    path = Path(page_dir) / "gold.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no gold.json in this page folder", source=str(page_dir)) from None
    except ValueError as exc:
        raise InputError(f"expected JSON in the gold format, got invalid JSON ({exc})", source=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise InputError("expected a gold object with a 'segments' list", source=str(path))
    return data


def load_gold_pairs(page_dir: str | os.PathLike[str], gold: Mapping[str, Any]) -> list[dict[str, str]] | None:
    """A page folder's ``pairs.json`` (segment indices) as texts, ``{"en": …, "zh": …}`` each,
    the way the corpus's ``score.py`` reads it; ``None`` when the page has none."""
    path = Path(page_dir) / "pairs.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        segments = gold["segments"]
        return [
            {
                "en": "\n".join(segments[i][1] for i in pair["en"]),
                "zh": "\n".join(segments[j][1] for j in pair["zh"]),
            }
            for pair in data["pairs"]
        ]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InputError(f"expected pairs of gold segment indices, got {exc!r}", source=str(path)) from None


def evaluate(
    gold_dir: str | os.PathLike[str],
    *,
    parser: Parser | None = None,
    html: bool = False,
    options: ParseOptions | None = None,
) -> Evaluation:
    """Parse every page under ``gold_dir`` and score it against its gold.

    Args:
        gold_dir: a folder of page folders, each with ``raw.txt`` and ``gold.json``.
        parser: how to turn a ``raw.txt`` path into a document dict; ``parse_file`` by default.
            A page whose parser raises :class:`BilingualNewsError` scores zero and is reported.
        html: read each page's ``raw.html`` instead (as HTML; pages without one are left
            out), and hand the parser its path.
        options: how the default parser parses (``ParseOptions()`` when ``None``; ignored
            when ``parser`` is given): ``bilingual-news evaluate --favor`` sets ``favor``.

    Raises:
        InputError: the folder does not exist or holds no labelled page.
    """
    base = Path(gold_dir)
    if not base.is_dir():
        raise InputError("expected a folder of labelled pages, got no such folder", source=str(base))
    name = "raw.html" if html else "raw.txt"
    pages = sorted(p for p in base.iterdir() if (p / "gold.json").is_file() and (p / name).is_file())
    if not pages:
        raise InputError(f"expected page folders with {name} and gold.json, found none", source=str(base))
    opts = options or ParseOptions()
    run = parser or (lambda path: parse_file(path, format="html" if html else "auto", options=opts).to_dict())
    scored: list[tuple[PageScore, dict[str, tuple[Counter[str], Counter[str]]]]] = []
    for page in pages:
        gold = load_gold(page)
        pairs = load_gold_pairs(page, gold)
        if pairs is not None:
            gold = {**gold, "pairs": pairs}
        error = None
        try:
            out: Mapping[str, Any] = run(page / name)
        except BilingualNewsError as exc:
            out, error = {}, str(exc)
        scored.append(_score_page(gold, out, page.name, error))
    return _summarize(scored)


def _prf(pred: Counter[str], gold: Counter[str]) -> PRF:
    hit = sum((pred & gold).values())
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    p = hit / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = hit / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(precision=p, recall=r, f1=f)


def _f1(a: str | None, b: str | None) -> float:
    return _prf(Counter(tokens(a)), Counter(tokens(b))).f1


def _speaker_match(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    p, g = canonical(pred), canonical(gold)
    return p in g or g in p or _f1(pred, gold) >= SPEAKER_MATCH_F1


def _score_page(
    gold: Mapping[str, Any], out: Mapping[str, Any], name: str, error: str | None
) -> tuple[PageScore, dict[str, tuple[Counter[str], Counter[str]]]]:
    role_gold: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    for role, text in gold["segments"]:
        role_gold.setdefault(role, Counter()).update(tokens(text))
    role_pred: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
    blocks: Sequence[Mapping[str, Any]] = out.get("blocks") or []
    for b in blocks:
        role_pred.setdefault(b.get("kind", "?"), Counter()).update(tokens(b.get("text")))
    roles = {r: (role_pred.get(r, Counter()), role_gold.get(r, Counter())) for r in set(role_gold) | set(role_pred)}
    body_pred = sum((role_pred.get(r, Counter()) for r in BODY_ROLES), Counter[str]())
    body_gold = sum((role_gold[r] for r in BODY_ROLES), Counter[str]())
    gold_quotes = [q for q in gold.get("quotes", []) if q.get("speaker")]
    pred_quotes = [q for q in (out.get("quotes") or []) if q.get("speaker")]
    used: set[int] = set()
    found = spoke = 0
    for q in gold_quotes:
        best = max(
            ((_f1(p.get("text"), q["text"]), i) for i, p in enumerate(pred_quotes) if i not in used),
            default=(0.0, -1),
        )
        if best[0] >= QUOTE_MATCH_F1:
            used.add(best[1])
            found += 1
            spoke += _speaker_match(pred_quotes[best[1]].get("speaker"), q["speaker"])
    alltext = "\n".join(b.get("text") or "" for b in blocks)
    pairs = _score_pairs(gold["pairs"], out.get("pairs") or []) if gold.get("pairs") is not None else None
    fixes = gold.get("fixes", [])
    fixed = sum(1 for before, after in fixes if after in alltext and (before in after or before not in alltext))
    score = PageScore(
        id=str(gold.get("id") or name),
        mix=gold.get("mix"),
        body=_prf(body_pred, body_gold),
        headline_ok=tokens(out.get("headline")) == tokens(gold.get("headline")),
        quotes_found=found,
        speakers_right=spoke,
        quotes_gold=len(gold_quotes),
        quotes_predicted=len(pred_quotes),
        fixes_done=fixed,
        fixes_gold=len(fixes),
        error=error,
        confidence=_number(out.get("confidence")),
        pairs=pairs,
    )
    return score, roles


def _score_pairs(gold: Sequence[Mapping[str, str]], out: Sequence[Any]) -> tuple[int, int, int]:
    """Gold pairs found, gold pairs and predicted pairs (the matching of ``score.py``)."""
    predicted = [q for q in out if isinstance(q, Mapping)]
    used: set[int] = set()
    for g in gold:
        for i, q in enumerate(predicted):
            if (
                i not in used
                and _f1(q.get("en"), g["en"]) >= PAIR_MATCH_F1
                and _f1(q.get("zh"), g["zh"]) >= PAIR_MATCH_F1
            ):
                used.add(i)
                break
    return len(used), len(gold), len(predicted)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _micro(pairs: Iterable[tuple[Counter[str], Counter[str]]]) -> tuple[PRF, int, int]:
    hit = n_pred = n_gold = 0
    for pred, gold in pairs:
        hit += sum((pred & gold).values())
        n_pred += sum(pred.values())
        n_gold += sum(gold.values())
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(precision=p, recall=r, f1=f), n_pred, n_gold


def _body_pair(roles: Mapping[str, tuple[Counter[str], Counter[str]]]) -> tuple[Counter[str], Counter[str]]:
    empty = (Counter[str](), Counter[str]())
    pred = sum((roles.get(r, empty)[0] for r in BODY_ROLES), Counter[str]())
    gold = sum((roles.get(r, empty)[1] for r in BODY_ROLES), Counter[str]())
    return pred, gold


_Scored = Sequence[tuple[PageScore, dict[str, tuple[Counter[str], Counter[str]]]]]


def _summarize(scored: _Scored) -> Evaluation:
    body, role_rows, totals = _totals(scored)
    mixes = sorted({p.mix or "?" for p, _ in scored})
    by_mix = {m: _totals([row for row in scored if (row[0].mix or "?") == m])[2] for m in mixes}
    return Evaluation(
        pages=tuple(s for s, _ in scored), roles=tuple(role_rows), body=body, totals=totals, by_mix=by_mix
    )


def _totals(scored: _Scored) -> tuple[PRF, list[RoleScore], dict[str, Any]]:
    """Body scores, role rows and summary figures of some scored pages."""
    pages = tuple(s for s, _ in scored)
    body, _, _ = _micro(_body_pair(roles) for _, roles in scored)
    empty = (Counter[str](), Counter[str]())
    role_rows: list[RoleScore] = []
    role_f1: list[float] = []
    for role in ROLES:
        prf, n_pred, n_gold = _micro(roles.get(role, empty) for _, roles in scored)
        if n_pred or n_gold:
            role_rows.append(RoleScore(role=role, score=prf, predicted=n_pred, gold=n_gold))
            if n_gold:
                role_f1.append(prf.f1)
    n = len(pages)
    q_found = sum(p.quotes_found for p in pages)
    q_spoke = sum(p.speakers_right for p in pages)
    q_gold = sum(p.quotes_gold for p in pages)
    q_pred = sum(p.quotes_predicted for p in pages)
    totals: dict[str, Any] = {
        "pages": n,
        "failed": sum(1 for p in pages if p.error),
        "body_p": round(body.precision, 4),
        "body_r": round(body.recall, 4),
        "body_f1": round(body.f1, 4),
        "body_f1_macro": round(sum(p.body.f1 for p in pages) / n, 4),
        "body_f1_worst": round(min(p.body.f1 for p in pages), 4),
        "roles_f1_macro": round(sum(role_f1) / len(role_f1), 4) if role_f1 else None,
        "pages_clean": round(sum(p.clean for p in pages) / n, 4),
        "headline_acc": round(sum(p.headline_ok for p in pages) / n, 4),
        "speech_quote_recall": round(q_found / q_gold, 4) if q_gold else None,
        "speech_quote_precision": round(q_found / q_pred, 4) if q_pred else None,
        "speaker_acc": round(q_spoke / q_found, 4) if q_found else None,
        "fixes": f"{sum(p.fixes_done for p in pages)}/{sum(p.fixes_gold for p in pages)}",
    }
    paired = [p.pairs for p in pages if p.pairs is not None]
    if paired:
        found, gold, predicted = (sum(x[k] for x in paired) for k in range(3))
        totals["pair_recall"] = round(found / gold, 4) if gold else None
        totals["pair_precision"] = round(found / predicted, 4) if predicted else None
    return body, role_rows, totals


def format_report(evaluation: Evaluation, *, pages: bool = True) -> str:
    """The evaluation as a plain-text table: per-page rows, per-role scores, totals."""
    lines: list[str] = []
    if pages:
        lines.append(f"{'page':28} mix   body-P  body-R  body-F1  conf   headline  quotes  fixes")
        for p in evaluation.pages:
            conf = f"{p.confidence:5.2f}" if p.confidence is not None else "    ?"
            lines.append(
                f"{p.id[:28]:28} {p.mix or '?':4} {p.body.precision:6.3f}  {p.body.recall:6.3f}  "
                f"{p.body.f1:7.3f}  {conf}  {'ok' if p.headline_ok else 'WRONG':8}  "
                f"{p.speakers_right}/{p.quotes_gold:<4}  {p.fixes_done}/{p.fixes_gold}"
                + (f"  pairs {p.pairs[0]}/{p.pairs[1]} ({p.pairs[2]} predicted)" if p.pairs else "")
                + (f"  FAILED: {p.error}" if p.error else "")
            )
        lines.append("")
    lines.append("role          P      R      F1    (tokens, micro over pages)")
    for row in evaluation.roles:
        s = row.score
        lines.append(
            f"{row.role:12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
            f"pred {row.predicted:6d}  gold {row.gold:6d}"
        )
    lines.append("")
    if len(evaluation.by_mix) > 1:
        lines.append("mix  pages  body-F1  mean   worst  headline  clean  roles-F1")
        for mix, t in evaluation.by_mix.items():
            roles = t["roles_f1_macro"]
            lines.append(
                f"{mix:4} {t['pages']:5}  {t['body_f1']:7.4f}  {t['body_f1_macro']:.3f}  {t['body_f1_worst']:.3f}  "
                f"{t['headline_acc']:8.1%}  {t['pages_clean']:5.1%}  {'-' if roles is None else f'{roles:.3f}'}"
            )
        lines.append("")
    lines.append("  ".join(f"{k}={v}" for k, v in evaluation.totals.items()))
    return "\n".join(lines) + "\n"


def read_floors(path: str | os.PathLike[str]) -> dict[str, float]:
    """Read pinned floors: a JSON object of total name -> lowest acceptable value.

    Keys starting with ``_`` are comments. Raises ``InputError`` naming the file when it is bad.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such floors file", source=os.fspath(path)) from None
    except ValueError as exc:
        raise InputError(
            f"expected a JSON object of floors, got invalid JSON ({exc})", source=os.fspath(path)
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object of floors, got {type(data).__name__}", source=os.fspath(path))
    floors: dict[str, float] = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if not isinstance(value, (int, float)):
            raise InputError(f"expected a number for the floor {key!r}, got {value!r}", source=os.fspath(path))
        floors[key] = float(value)
    return floors


def check_floors(evaluation: Evaluation, floors: Mapping[str, float]) -> list[str]:
    """The totals below their floors, as ``name: value < floor`` lines (empty when all hold).

    A floor on a total the evaluation does not have is reported too, so a renamed total
    cannot silently switch its gate off.
    """
    below: list[str] = []
    for name, floor in floors.items():
        value = evaluation.totals.get(name)
        if not isinstance(value, (int, float)):
            below.append(f"{name}: no such numeric total (floor {floor})")
        elif value < floor:
            below.append(f"{name}: {value} < {floor}")
    return below
