"""The ``bilingual-news`` command.

``main(argv) -> int`` is the whole command, testable without a subprocess. Exit codes: 0 when
the work was done, 1 when an input could not be parsed (one line on stderr naming the input and
the problem), 2 for a usage error (argparse's own message, or one line saying what was expected;
a missing optional dependency is one).

An empty or blank page (no text, or white space only) is an error on the command line, for
``parse`` as for ``batch`` (a crawler's empty fetch is worth knowing about); ``parse("")`` in
Python is an empty document.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bilingual_news import __version__
from bilingual_news._cli_outputs import OUTPUTS, is_folder_output, open_sink
from bilingual_news.batch import FormattedPage, iter_results, json_type
from bilingual_news.errors import BilingualNewsError, InputError, MissingDependencyError
from bilingual_news.model import Document
from bilingual_news.options import DEFAULT_MAX_CHARS, ParseOptions
from bilingual_news.pipeline import FORMATS, Format, parse, parse_file

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
    parse_cmd = sub.add_parser(
        "parse",
        help="parse pages and print (or write) each as JSON, text or Markdown",
        description="Parse one page, or several, and print each as JSON, text or Markdown. Exit 0 when every "
        "page was parsed, 1 when one could not be (one line on standard error each), 2 on a usage error.",
    )
    parse_cmd.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a page: a text, HTML or Markdown file, or - for standard input; several need -o DIR",
    )
    parse_cmd.add_argument(
        "--format",
        choices=("json", "text", "markdown", "pairs"),
        default="json",
        help="json: the whole document (default); text: the clean article; "
        "markdown: the article with headings and quotes; pairs: the translation pairs of a "
        "bilingual page as TSV (en, zh, score)",
    )
    parse_cmd.add_argument("--url", help="the page's URL, if known (becomes source_url)")
    _input_format_argument(parse_cmd)
    parse_cmd.add_argument(
        "--indent", type=_indent, default=None, metavar="N", help="indent JSON by this many spaces (0 or more)"
    )
    parse_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here instead of standard output: a file for one PATH; a folder (made if missing) for several, "
        "or for one when OUT is a folder or ends with /, one file per PATH named after it (a.html -> OUT/a.json)",
    )
    _parse_knobs(parse_cmd)
    _verbosity(parse_cmd)

    eval_cmd = sub.add_parser(
        "evaluate",
        help="score the library on a folder of labelled pages (raw.txt + gold.json each)",
        description="Score the library on a folder of labelled pages in the gold format (docs/evaluation.md).",
    )
    eval_cmd.add_argument(
        "gold_dir", metavar="GOLD_DIR", help="a folder of page folders, each with raw.txt and gold.json"
    )
    eval_cmd.add_argument(
        "--html", action="store_true", help="parse each page's raw.html (as HTML) instead of its raw.txt"
    )
    eval_cmd.add_argument("-q", "--quiet", action="store_true", help="no per-page rows")
    eval_cmd.add_argument(
        "--favor",
        choices=("precision", "recall"),
        default=None,
        help="parse with ParseOptions(favor=...): measure what dropping or keeping the doubtful blocks does",
    )
    eval_cmd.add_argument(
        "--json",
        action="store_true",
        help="print the totals (and per mix, under by_mix) as one JSON object instead of tables",
    )
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
    norm_cmd.add_argument(
        "path", metavar="PATH", help="the page: a text, HTML or Markdown file, or - for standard input"
    )
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
    _input_format_argument(norm_cmd)
    norm_cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")

    render_cmd = sub.add_parser(
        "render",
        help="parse one page and write it as a standalone HTML view (docs/view.md)",
        description="Parse one page and write the page as a picture: every block tinted and labelled by its "
        "kind, quotes underlined with their speakers, normalization edits marked, site chrome folded away. "
        "One self-contained HTML file: no script, nothing loaded from the network.",
    )
    render_cmd.add_argument(
        "path", metavar="PATH", help="the page: a text, HTML or Markdown file, or - for standard input"
    )
    render_cmd.add_argument("--url", help="the page's URL, if known (becomes source_url)")
    _input_format_argument(render_cmd)
    render_cmd.add_argument("-o", "--output", metavar="OUT.html", help="write here instead of standard output")

    batch_cmd = sub.add_parser(
        "batch",
        help="parse many pages (files, folders, JSONL records) into JSON lines, CSV, Parquet or a folder of files",
        description="Parse many pages into OUT, in input order: by default OUT.jsonl, one JSON line per page, "
        '{"id": ..., "document": ...} or {"id": ..., "error": {"type": ..., "message": ...}}; --to says '
        "what else (docs/cli.md). A progress bar shows on a terminal. Exit 0 when every page parsed, "
        "1 when some failed, 2 on a usage error.",
    )
    batch_cmd.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a page file (id: its path), a folder (its files matching --glob, recursively) or a .jsonl file "
        'of {"id": ..., "text": ...} records',
    )
    batch_cmd.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="where to write: a file for jsonl, csv and parquet; a folder (made if missing) for text and markdown",
    )
    batch_cmd.add_argument(
        "--to",
        choices=OUTPUTS,
        default="jsonl",
        help="jsonl: one JSON line per page (default); csv, parquet: one row per page (id, error, headline, "
        "lang, metadata, confidence, warnings, text; parquet needs pip install 'bilingual-news[parquet]'); "
        "text, markdown: one file per parsed page in the folder OUT, named after its id; "
        "pairs: one JSON line per translation pair of a bilingual page (id, en, zh, blocks, score)",
    )
    batch_cmd.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default 1; with --dask and no address, the local cluster's, default the CPUs)",
    )
    batch_cmd.add_argument(
        "--glob",
        action="append",
        default=None,
        metavar="PATTERN",
        help="names of the files to take from folders (repeatable; default " + " ".join(BATCH_GLOBS) + ")",
    )
    _input_format_argument(batch_cmd, "every page")
    batch_cmd.add_argument(
        "--resume",
        action="store_true",
        help="skip the ids already in OUT and append the rest (a partial last line left by a crash is dropped; "
        "--to jsonl only)",
    )
    _parse_knobs(batch_cmd)
    _verbosity(batch_cmd)
    batch_cmd.add_argument(
        "--dask",
        nargs="?",
        const="",
        default=None,
        metavar="SCHEDULER_ADDRESS",
        help="run on Dask (pip install 'bilingual-news[dask]'): INPUTs are JSONL shards (or folders of *.jsonl), "
        "-o is a folder with one output per shard, and a re-run redoes only the shards not complete; "
        "without an address, a local cluster sized to the machine (docs/scale.md)",
    )
    return p


def _input_format_argument(cmd: argparse.ArgumentParser, what: str = "the page") -> None:
    cmd.add_argument(
        "--input-format",
        choices=FORMATS,
        default="auto",
        help=f"what {what} is: auto (default: HTML when markup-led, Markdown when it reads as Markdown, "
        "text otherwise; docs/input.md), text, html or markdown",
    )


def _parse_knobs(cmd: argparse.ArgumentParser) -> None:
    """``--favor``, ``--max-chars`` and ``--languages``: how pages are parsed and which are kept."""
    cmd.add_argument(
        "--favor",
        choices=("precision", "recall"),
        default=None,
        help="what to do with a doubtful block: precision drops it (a cleaner body, a little of it lost), "
        "recall keeps it (more of the article, a little chrome with it); default: neither (ParseOptions.favor)",
    )
    cmd.add_argument(
        "--max-chars",
        type=_max_chars,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse pages longer than N characters (default {DEFAULT_MAX_CHARS:,}; ParseOptions.max_chars)",
    )
    cmd.add_argument(
        "--languages",
        type=_languages,
        default=None,
        metavar="LANG,...",
        help="keep only the pages whose body is mostly in these languages (e.g. zh,en; zh takes zh-Hans and "
        "zh-Hant); the others are left out and counted",
    )


def _verbosity(cmd: argparse.ArgumentParser) -> None:
    group = cmd.add_mutually_exclusive_group()
    group.add_argument(
        "-v", "--verbose", action="store_true", help="one line per page on standard error: where it went"
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no warnings, summary or progress bar; errors only")


def _whole_number(minimum: int, unit: str, *, grouped: bool = False) -> Callable[[str], int]:
    """An argparse type: a whole number of ``unit`` from ``minimum`` up (``1,000`` and ``1_000``
    taken too with ``grouped``), its error saying what was expected and what came."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", "").replace(",", "") if grouped else text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number of {unit}, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected {minimum} or more {unit}, got {value}")
        return value

    return parse


_indent = _whole_number(0, "spaces")
_max_chars = _whole_number(1, "characters", grouped=True)
_positive_int = _whole_number(1, "processes")


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip() for code in text.split(",") if code.strip())
    bad = [code for code in codes if not _LANGUAGE_CODE.fullmatch(code)]
    if not codes or bad:
        raise argparse.ArgumentTypeError(
            f"expected language codes separated by commas (zh,en or zh-Hant,en), got {text!r}"
        )
    return codes


_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z]{2,8})?|mixed")


def _options(args: argparse.Namespace) -> ParseOptions:
    return ParseOptions(max_chars=args.max_chars, favor=args.favor)


def _left_out(doc: Document, languages: tuple[str, ...] | None) -> bool:
    """Whether ``--languages`` leaves this document out: the wanted languages hold less than
    :data:`~bilingual_news.language.WANTED_MIN_SHARE` of its body."""
    if not languages:
        return False
    from bilingual_news.language import WANTED_MIN_SHARE, share_in

    return share_in(doc.languages, languages) < WANTED_MIN_SHARE


def _blank(doc: Document, source: str) -> InputError | None:
    """The error of an empty or blank page on the command line (see the module's docstring)."""
    if doc.raw.strip():
        return None
    what = "an empty page" if not doc.raw else "a blank page (white space only)"
    return InputError(f"expected a page with text, got {what}", source=source)


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
    if args.command == "render":
        return _cmd_render(args)
    if args.command == "batch":
        return _cmd_batch(args)
    return EXIT_USAGE  # pragma: no cover - argparse rejects unknown commands


def _cmd_parse(args: argparse.Namespace) -> int:
    from bilingual_news._cli_outputs import EXTENSIONS, FileNames, render

    paths: list[str] = args.paths
    folder = args.output is not None and (
        len(paths) > 1 or args.output.endswith(("/", os.sep)) or os.path.isdir(args.output)
    )
    if len(paths) > 1 and args.output is None:
        print("bilingual-news parse: error: expected -o DIR with several PATHs, got none", file=sys.stderr)
        return EXIT_USAGE
    if folder:
        try:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"bilingual-news: {args.output}: cannot make the output folder ({exc.strerror})", file=sys.stderr)
            return EXIT_INPUT
    names = FileNames(EXTENSIONS[args.format])
    options = _options(args)
    status = EXIT_OK
    for path in paths:
        source = "<stdin>" if path == "-" else path
        doc = _read_or_report(path, args, options, blank_is_error=True)
        if doc is None:
            status = EXIT_INPUT
            continue
        if _left_out(doc, args.languages):
            if not args.quiet:
                print(f"bilingual-news: {source}: left out, its body is {doc.lang}", file=sys.stderr)
            continue
        target = str(Path(args.output) / names.name("stdin" if path == "-" else path)) if folder else args.output
        if _write(render(doc, args.format, args.indent), target) != EXIT_OK:
            status = EXIT_INPUT
        elif args.verbose:
            print(f"bilingual-news: {source} -> {target or '<stdout>'}", file=sys.stderr)
    return status


def _read_or_report(
    path: str, args: argparse.Namespace, options: ParseOptions | None = None, *, blank_is_error: bool = False
) -> Document | None:
    """The document of ``parse``'s and ``render``'s PATH, or None once the error is on stderr.
    The document's warnings go to stderr, one line each (none with ``-q``)."""
    source = "<stdin>" if path == "-" else path
    try:
        doc = _read(path, url=args.url, format=args.input_format, options=options)
        blank = _blank(doc, source) if blank_is_error else None
        if blank is not None:
            raise blank
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return None
    if not getattr(args, "quiet", False):
        for warning in doc.warnings:
            print(f"bilingual-news: {source}: warning: {warning}", file=sys.stderr)
    return doc


def _read(path: str, *, url: str | None, format: Format = "auto", options: ParseOptions | None = None) -> Document:
    if path == "-":
        return parse(sys.stdin.buffer.read(), url=url, format=format, options=options)
    return parse_file(path, url=url, format=format, options=options)


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
        result = evaluate(args.gold_dir, html=args.html, options=ParseOptions(favor=args.favor))
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        print(json.dumps({**result.totals, "by_mix": result.by_mix}, ensure_ascii=False))
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
    from bilingual_news.decode import read_bytes
    from bilingual_news.options import NormalizeOptions
    from bilingual_news.pipeline import normalize_page

    source = "<stdin>" if args.path == "-" else args.path
    options = NormalizeOptions(disabled=frozenset(args.disable), fullwidth_ascii=args.fullwidth_ascii)
    try:
        data = sys.stdin.buffer.read() if args.path == "-" else read_bytes(args.path)
        norm = normalize_page(data, format=args.input_format, options=options, source=source)
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if args.explain:
        for edit in norm.edits:
            print(
                f"{edit.span.start}:{edit.span.end}\t{edit.rule}\t{edit.before!r} \u2192 {edit.after!r}",
                file=sys.stderr,
            )
    for warning in norm.warnings:
        print(f"bilingual-news: {source}: warning: {warning}", file=sys.stderr)
    return _write(norm.text, args.output)


def _cmd_render(args: argparse.Namespace) -> int:
    from bilingual_news.render import to_html

    doc = _read_or_report(args.path, args)
    if doc is None:
        return EXIT_INPUT
    return _write(to_html(doc, standalone=True), args.output)


# ------------------------------------------------------------------------------------ batch
BATCH_ID_PREFIX_BYTES = 4096
"""Bytes of an output line read to find its id when resuming: a record starts with its id, so
the whole line (the document, often tens of kilobytes) need not be parsed; a longer id falls
back to reading the whole line."""


BATCH_GLOBS = ("*.txt", "*.html", "*.htm", "*.md")
"""The files ``batch`` takes from a folder by default: the formats it reads (docs/input.md)."""


EXIT_INTERRUPTED = 130
"""Exit code of a batch run stopped with Ctrl-C (128 + SIGINT, as shells report it)."""


_RECORD_START = '{"id": '
"""How every line of a batch output starts (``json.dumps`` of a dict whose first key is ``id``)."""


class _BatchUsageError(Exception):
    """A usage problem found after argparse: a missing input, an output that is not ours."""


def _cmd_batch(args: argparse.Namespace) -> int:
    if args.dask is not None:
        from bilingual_news._cli_dask import batch_dask

        return batch_dask(args)
    out = Path(args.output)
    folder = is_folder_output(args.to)
    try:
        missing = [name for name in args.inputs if not os.path.exists(name)]
        if missing:
            raise _BatchUsageError(f"expected existing files or folders as INPUT, got no such path: {missing[0]}")
        if folder and out.exists() and not out.is_dir():
            raise _BatchUsageError(f"expected a folder for -o/--output with --to {args.to}, got a file: {out}")
        if not folder and out.is_dir():
            raise _BatchUsageError(f"expected a file for -o/--output with --to {args.to}, got a folder: {out}")
        if args.resume and args.to != "jsonl":
            raise _BatchUsageError(f"expected --to jsonl with --resume (it reads the ids back), got --to {args.to}")
        done = _batch_resume(out) if args.resume and out.exists() else {}
    except _BatchUsageError as exc:
        print(f"bilingual-news batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"bilingual-news: {out}: cannot read the output to resume ({exc.strerror})", file=sys.stderr)
        return EXIT_INPUT

    counts = {"skipped": 0, "skipped_errors": 0, "not_taken": 0}
    patterns = tuple(args.glob or BATCH_GLOBS)

    def fresh() -> Iterator[tuple[Any, object]]:
        for ident, page in _batch_tasks(args.inputs, patterns, out, counts):
            key = _batch_key(ident)
            if key in done:
                counts["skipped"] += 1
                counts["skipped_errors"] += done[key]
                continue
            yield ident, page

    try:
        sink = open_sink(args.to, out, append=args.resume)
    except MissingDependencyError as exc:
        print(f"bilingual-news batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"bilingual-news: {out}: cannot write the output ({exc.strerror})", file=sys.stderr)
        return EXIT_INPUT
    bar = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm  # a runtime dependency, imported only to draw the bar

        total = max(_batch_count(args.inputs, patterns, out) - len(done), 0)
        bar = tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.05, desc="parsing")
        bar.set_postfix(errors=0, refresh=False)
    pages = errors = left_out = 0
    start = time.perf_counter()
    interrupted = False
    results = iter_results(
        fresh(), jobs=args.jobs or 1, options=_options(args), refuse_blank=True, format=args.input_format
    )
    try:
        for result in results:
            pages += 1
            if result.document is not None and _left_out(result.document, args.languages):
                left_out += 1
                if args.verbose:
                    lang = result.document.lang
                    print(f"bilingual-news: {result.id}: left out, its body is {lang}", file=sys.stderr)
            else:
                sink.write(result)
                if not result.ok:
                    errors += 1
                    if folder or args.verbose:  # a folder output has no record of it: say it here
                        print(f"bilingual-news: {result.id}: {result.error}", file=sys.stderr)
                elif args.verbose:
                    print(f"bilingual-news: {result.id}: ok", file=sys.stderr)
            if bar is not None:
                if not result.ok:
                    bar.set_postfix(errors=errors, refresh=False)
                bar.update()
    except OSError as exc:
        if bar is not None:
            bar.close()
        print(f"bilingual-news: {out}: cannot write the output ({exc.strerror})", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        interrupted = True
    finally:
        sink.close()
    if bar is not None:
        bar.close()
    elapsed = time.perf_counter() - start
    summary = (
        f"bilingual-news: {pages} pages, {pages - errors - left_out} ok, {errors} errors, "
        f"{pages / elapsed if elapsed > 0 else 0.0:.1f} pages/s"
    )
    if left_out:
        summary += f"; {left_out} left out, their body not in {','.join(args.languages)}"
    if counts["skipped"]:
        summary += f"; {counts['skipped']} already in {out} skipped ({counts['skipped_errors']} of them errors)"
    if counts["not_taken"]:
        summary += (
            f"; {counts['not_taken']} files in the folders left out, their names matching none of "
            f"{' '.join(patterns)} (--glob takes others)"
        )
    if not args.quiet:
        print(summary, file=sys.stderr)
    if interrupted:
        print(f"bilingual-news: interrupted; run again with --resume to go on where {out} ends", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_INPUT if errors or counts["skipped_errors"] else EXIT_OK


def _batch_files(name: str, patterns: Sequence[str], out: Path, counts: dict[str, int] | None = None) -> Iterator[Path]:
    """The files an INPUT stands for: itself, or a folder's files matching one of ``patterns``,
    walked in sorted order (the output file itself left out); the others are counted in
    ``counts["not_taken"]``."""
    if not os.path.isdir(name):
        yield Path(name)
        return
    skip = os.path.abspath(out)
    for folder, dirs, files in os.walk(name):
        dirs.sort()
        for file in sorted(files):
            path = os.path.join(folder, file)
            if os.path.abspath(path) == skip:
                continue
            if any(fnmatch.fnmatch(file, pattern) for pattern in patterns):
                yield Path(path)
            elif counts is not None:
                counts["not_taken"] += 1


def _batch_tasks(
    inputs: Sequence[str], patterns: Sequence[str], out: Path, counts: dict[str, int] | None = None
) -> Iterator[tuple[Any, object]]:
    """``(id, page)`` for every page of the inputs, read lazily: a file's id is its path; a
    JSONL file gives one task per record."""
    for name in inputs:
        for path in _batch_files(name, patterns, out, counts):
            if path.suffix.lower() == ".jsonl":
                yield from _batch_records(path)
            else:
                yield str(path), path


def _batch_records(path: Path) -> Iterator[tuple[Any, object]]:
    """``(id, text)`` per record of a JSONL file, or ``(id, InputError)`` for a bad line; a record
    without an id is named ``FILE:LINE``."""
    from bilingual_news.errors import InputError

    try:
        fh = path.open("rb")
    except OSError as exc:
        yield str(path), InputError(f"cannot read the file ({exc.strerror})", source=str(path))
        return
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except ValueError as exc:
                message = f'expected a JSON object with "id" and "text", got invalid JSON ({exc})'
                yield where, InputError(message, source=where)
                continue
            if not isinstance(record, dict):
                got = json_type(record)
                yield where, InputError(f'expected a JSON object with "id" and "text", got a JSON {got}', source=where)
                continue
            ident = record.get("id")
            ident = where if ident is None else ident
            text = record.get("text")
            if not isinstance(text, str):
                got = "no text" if text is None else f"a JSON {json_type(text)}"
                yield ident, InputError(f'expected "text" to be a string, got {got}', source=where)
                continue
            fmt = record.get("format")
            if fmt is None:
                yield ident, text
            elif fmt in FORMATS:
                yield ident, FormattedPage(text, fmt)
            else:
                message = f'expected "format" to be one of {", ".join(FORMATS)}, got {fmt!r}'
                yield ident, InputError(message, source=where)


def _batch_count(inputs: Sequence[str], patterns: Sequence[str], out: Path) -> int:
    """How many pages the inputs hold (for the progress bar's ETA): one pass over the folders and
    the JSONL files' lines, without parsing anything."""
    total = 0
    for name in inputs:
        for path in _batch_files(name, patterns, out):
            if path.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
    return total


def _batch_key(ident: Any) -> str:
    """An id as compared when resuming: its JSON text, so that ``1`` and ``"1"`` differ."""
    return json.dumps(ident, ensure_ascii=False, sort_keys=True)


def _batch_resume(out: Path) -> dict[str, bool]:
    """The ids already in ``out`` (by :func:`_batch_key`), each with whether it is an error
    record; a partial last line (a crash mid-write) is cut off the file. A file that is not a
    batch output is refused (and left as it is)."""
    done: dict[str, bool] = {}
    kept = 0
    with out.open("r+b") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                if not line.startswith(_RECORD_START.encode()):
                    raise _BatchUsageError(
                        f"{out}:{lineno}: expected a batch record, or the start of one a crash cut short, to "
                        f"resume from, got {line[:40]!r}; is -o the right file?"
                    )
                break
            if line.strip():
                ident, is_error = _batch_parse_line(line, out, lineno)
                done[_batch_key(ident)] = is_error
            kept += len(line)
        if fh.seek(0, os.SEEK_END) != kept:
            fh.truncate(kept)
    return done


def _batch_parse_line(line: bytes, out: Path, lineno: int) -> tuple[Any, bool]:
    """A complete output line's id and whether it records an error."""
    head = line[:BATCH_ID_PREFIX_BYTES].decode("utf-8", errors="ignore")
    if head.startswith(_RECORD_START):
        try:
            ident, end = json.JSONDecoder().raw_decode(head, len(_RECORD_START))
        except ValueError:
            pass
        else:
            if head.startswith(', "document": ', end):
                return ident, False
            if head.startswith(', "error": ', end):
                return ident, True
    try:
        record = json.loads(line)
    except ValueError:
        record = None
    if not isinstance(record, dict) or "id" not in record or not ({"document", "error"} & record.keys()):
        raise _BatchUsageError(
            f'{out}:{lineno}: expected a batch record ({{"id": …, "document": …}} or {{"id": …, "error": …}}) '
            "to resume from, got something else; is -o the right file?"
        )
    return record["id"], "error" in record
