"""Parse JSONL shards with Spark: the two recipes of docs/scale.md, run by tests/test_distributed.py.

Every Spark executor needs bilingual_news installed (``pip install bilingual-news``, or ship a
wheel with ``--py-files``/an environment archive). The functions handed to Spark below are
module-level functions of the installed package, so Spark pickles them by reference; each Python
worker process imports bilingual_news once, its lazy resources (compiled patterns, lexicons,
character sets) load on that worker's first page and stay for every later partition, as long as
Spark reuses its Python workers (``spark.python.worker.reuse``, on by default).
"""

from __future__ import annotations

from typing import Any

from bilingual_news.distributed import parse_lines, parse_shard, pending_shards


def parse_text(spark: Any, inputs: list[str], output: str) -> None:
    """Spark reads, splits and writes: the lines of the JSONL files ``inputs`` are parsed
    partition by partition into ``output`` (``part-NNNNN`` text files, each line a batch
    record, in input order, and Spark's ``_SUCCESS``). Spark's lines do not know their file, so
    a record without an id gets a null id, and an error message has no ``FILE:LINE:`` prefix."""
    lines = spark.sparkContext.textFile(",".join(inputs))
    lines.mapPartitions(parse_lines).saveAsTextFile(output)


def parse_shards(spark: Any, inputs: list[str], output: str) -> list[Any]:
    """Spark schedules, each task parses whole shards: the layout of ``run_dask`` (one output
    and one marker per shard, written atomically), byte for byte, and a re-run parses only the
    shards not complete. ``inputs`` and ``output`` must be on a file system every executor sees.
    Returns the :class:`~bilingual_news.distributed.ShardResult` of each shard parsed."""
    todo = pending_shards(inputs, output)
    if not todo:
        return []
    tasks = spark.sparkContext.parallelize(todo, len(todo))  # one task per shard
    return tasks.map(lambda path: parse_shard(path, output)).collect()
