"""``bilingual-news batch … --dask [SCHEDULER_ADDRESS]``: the batch command run on Dask.

In: the batch command's parsed arguments. Out: its exit code. The shards are the JSONL files
named as INPUT (a folder stands for its ``*.jsonl`` files, recursively, in sorted order); ``-o``
is the output folder of :func:`bilingual_news.distributed.run_dask`. Kept apart from ``cli.py``
so that the command's module stays one screen per subcommand.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from bilingual_news.errors import BilingualNewsError, MissingDependencyError
from bilingual_news.options import ParseOptions

__all__ = ["batch_dask"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _UsageError(Exception):
    """A usage problem found after argparse."""


def _shards(args: argparse.Namespace) -> tuple[list[str], str]:
    """The shard files and the scheduler address (empty: a local cluster). ``--dask`` takes an
    optional value, so ``--dask shards/ -o out`` reads ``shards/`` as the address: a value that
    names an existing file or folder is taken for the first INPUT instead."""
    address, names = args.dask, list(args.inputs)
    if address and os.path.exists(address):
        address, names = "", [address, *names]
    shards: list[str] = []
    for name in names:
        if not os.path.exists(name):
            raise _UsageError(f"expected existing files or folders as INPUT, got no such path: {name}")
        if os.path.isdir(name):
            found = sorted(str(p) for p in Path(name).rglob("*.jsonl") if p.is_file())
            if not found:
                raise _UsageError(f"expected JSONL shards (*.jsonl) in the folder {name}, got none")
            shards += found
        elif name.lower().endswith(".jsonl"):
            shards.append(name)
        else:
            raise _UsageError(f"expected JSONL shards (.jsonl files, or folders of them) with --dask, got {name}")
    if Path(args.output).is_file():
        raise _UsageError(
            f"expected a folder for -o/--output with --dask (one output per shard), got a file: {args.output}"
        )
    return shards, address


def batch_dask(args: argparse.Namespace) -> int:
    """Run the batch command's job on Dask and print its summary; the exit code."""
    from bilingual_news.distributed import run_dask

    try:
        shards, address = _shards(args)
        if args.to not in ("jsonl", "parquet"):
            raise _UsageError(f"expected --to jsonl or parquet with --dask (one output per shard), got --to {args.to}")
        if args.languages:
            raise _UsageError("expected no --languages with --dask (every shard's pages are written), got one")
    except _UsageError as exc:
        print(f"bilingual-news batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    client: Any = None
    try:
        if address:
            from bilingual_news.distributed import _dask

            client = _dask().Client(address)
        options = ParseOptions(max_chars=args.max_chars, favor=args.favor)
        summary = run_dask(
            shards,
            args.output,
            client=client,
            workers=args.jobs,
            options=options,
            format=args.to,
            input_format=args.input_format,
        )
    except ValueError as exc:  # two shards with the same file name
        print(f"bilingual-news batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingDependencyError as exc:  # dask not installed: a usage error, as the README's policy says
        print(f"bilingual-news batch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BilingualNewsError as exc:
        print(f"bilingual-news: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"bilingual-news: {args.output}: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(
            f"bilingual-news: interrupted; run again to parse the shards not complete in {args.output}", file=sys.stderr
        )
        return EXIT_INTERRUPTED
    finally:
        if client is not None:
            client.close()
    pages, errors = summary.pages, summary.errors
    line = (
        f"bilingual-news: {pages} pages, {pages - errors} ok, {errors} errors, {summary.pages_per_s:.1f} pages/s; "
        f"{summary.shards} shards: {len(summary.parsed)} parsed, {len(summary.skipped)} already complete in "
        f"{args.output}"
    )
    if summary.skipped:
        line += f" ({summary.skipped_pages} pages, {summary.skipped_errors} errors)"
    line += f"; start-up {summary.startup_seconds:.1f} s"
    print(line, file=sys.stderr)
    return EXIT_INPUT if errors or summary.skipped_errors else EXIT_OK
