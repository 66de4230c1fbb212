"""The ``bilingual-news`` command.

``main(argv) -> int`` is the whole command, testable without a subprocess. Exit codes: 0 when
the work was done, 1 when an input could not be parsed (one line on stderr naming the input and
the problem), 2 for a usage error (argparse's own message).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bilingual_news import __version__
from bilingual_news.errors import BilingualNewsError
from bilingual_news.model import Document
from bilingual_news.pipeline import parse, parse_file
from bilingual_news.render import to_markdown, to_text

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bilingual-news",
        description="Turn a scraped news page mixing Chinese and English into a clean document.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse_cmd = sub.add_parser("parse", help="parse one page and print it as JSON, text or Markdown")
    parse_cmd.add_argument("path", metavar="PATH", help="the page: a text file, or - for standard input")
    parse_cmd.add_argument(
        "--format",
        choices=("json", "text", "markdown"),
        default="json",
        help="json: the whole document (default); text: the clean article; "
        "markdown: the article with headings and quotes",
    )
    parse_cmd.add_argument("--url", help="the page's URL, if known (becomes source_url)")
    parse_cmd.add_argument("--indent", type=int, default=None, help="indent JSON by this many spaces")
    parse_cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")

    eval_cmd = sub.add_parser(
        "evaluate",
        help="score the library on a folder of labelled pages (raw.txt + gold.json each)",
        description="Score the library on a folder of labelled pages in the gold format (docs/evaluation.md).",
    )
    eval_cmd.add_argument(
        "gold_dir", metavar="GOLD_DIR", help="a folder of page folders, each with raw.txt and gold.json"
    )
    eval_cmd.add_argument("-q", "--quiet", action="store_true", help="no per-page rows")
    eval_cmd.add_argument("--json", action="store_true", help="print the totals as one JSON object instead of tables")
    eval_cmd.add_argument(
        "--floors",
        metavar="FLOORS.json",
        help="fail (exit 1) when a total falls below its floor in this JSON file, e.g. benchmarks/eval_floors.json",
    )

    from bilingual_news.normalize import RULE_NAMES

    norm_cmd = sub.add_parser(
        "normalize",
        help="repair escaping and encoding artifacts in one page and print the clean text",
        description="Repair escaping and encoding artifacts (docs/normalization.md) and print the clean text. "
        "With --explain, every edit is listed on standard error: rule, raw offsets, before -> after.",
    )
    norm_cmd.add_argument("path", metavar="PATH", help="the page: a text file, or - for standard input")
    norm_cmd.add_argument("--explain", action="store_true", help="list the edits on standard error")
    norm_cmd.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="RULE",
        choices=sorted(RULE_NAMES),
        help="switch a rule off (repeatable): " + ", ".join(sorted(RULE_NAMES)),
    )
    norm_cmd.add_argument(
        "--fullwidth-ascii", action="store_true", help="also turn full-width letters and digits into ASCII"
    )
    norm_cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (``sys.argv[1:]`` when ``None``) and return its exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 for --help/--version
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "parse":
        return _cmd_parse(args)
    if args.command == "evaluate":
        return _cmd_evaluate(args)
    if args.command == "normalize":
        return _cmd_normalize(args)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        doc = _read(args.path, url=args.url)
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.format == "json":
        out = doc.to_json(indent=args.indent) + "\n"
    elif args.format == "text":
        out = to_text(doc)
    else:
        out = to_markdown(doc)
    return _write(out, args.output)


def _read(path: str, *, url: str | None) -> Document:
    if path == "-":
        return parse(sys.stdin.buffer.read(), url=url)
    return parse_file(path, url=url)


def _write(text: str, output: str | None) -> int:
    data = text.encode("utf-8", errors="surrogatepass")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        print(f"bilingual-news: {output}: cannot write the output ({exc.strerror})", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from bilingual_news.evaluate import check_floors, evaluate, format_report, read_floors

    try:
        floors = read_floors(args.floors) if args.floors else None
        result = evaluate(args.gold_dir)
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        print(json.dumps(dict(result.totals), ensure_ascii=False))
    else:
        print(format_report(result, pages=not args.quiet), end="")
    failed = [p for p in result.pages if p.error]
    for page in failed:
        print(f"bilingual-news: {page.id}: {page.error}", file=sys.stderr)
    below = check_floors(result, floors) if floors else []
    for line in below:
        print(f"bilingual-news: below the floor: {line}", file=sys.stderr)
    return EXIT_INPUT if failed or below else EXIT_OK


def _cmd_normalize(args: argparse.Namespace) -> int:
    from bilingual_news.decode import decode, read_bytes
    from bilingual_news.normalize import normalize
    from bilingual_news.options import NormalizeOptions

    source = "<stdin>" if args.path == "-" else args.path
    try:
        data = sys.stdin.buffer.read() if args.path == "-" else read_bytes(args.path)
        text = decode(data, source=source)
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    options = NormalizeOptions(disabled=frozenset(args.disable), fullwidth_ascii=args.fullwidth_ascii)
    norm = normalize(text, options)
    if args.explain:
        for edit in norm.edits:
            print(
                f"{edit.span.start}:{edit.span.end}\t{edit.rule}\t{edit.before!r} \u2192 {edit.after!r}",
                file=sys.stderr,
            )
    for warning in norm.warnings:
        print(f"bilingual-news: {source}: warning: {warning}", file=sys.stderr)
    return _write(norm.text, args.output)
