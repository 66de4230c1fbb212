"""``warmup()``: what it loads, in a fresh process each (what a process has loaded cannot be undone)."""

from __future__ import annotations

import json
import subprocess
import sys

from bilingual_news._warm import HEAVY_MODULES, LIGHT_MODULES

_PROBE = """
import json, sys
import bilingual_news
from bilingual_news._lazy import Lazy, LazyPattern
from bilingual_news.distributed import warmup
warmup(heavy={heavy})
modules = {{name: m for name, m in sys.modules.items() if name.startswith("bilingual_news.")}}
lazies = {{f"{{name}}.{{attr}}": value.loaded for name, m in modules.items()
          for attr, value in vars(m).items() if isinstance(value, Lazy)}}
patterns = [f"{{name}}.{{attr}}" for name, m in modules.items()
            for attr, value in vars(m).items() if isinstance(value, LazyPattern) and "search" not in vars(value)]
print(json.dumps({{"imported": sorted(m for m in {packages!r} if m in sys.modules),
                  "lazies": lazies, "uncompiled": patterns}}))
"""

NOT_FOR_PARSE = {"bilingual_news.words._CUTTER"}
"""Resources of the words API (``Document`` word counts), which ``parse()`` never uses."""


def _probe(heavy: bool) -> dict[str, object]:
    code = _PROBE.format(heavy=heavy, packages=LIGHT_MODULES + HEAVY_MODULES)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    probe: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return probe


def test_warmup_imports_the_readers_and_repairs_but_not_the_heavy_packages() -> None:
    assert _probe(heavy=False)["imported"] == sorted(LIGHT_MODULES)


def test_warmup_compiles_every_module_level_pattern() -> None:
    assert _probe(heavy=False)["uncompiled"] == []


def test_heavy_warmup_loads_every_resource_parse_can_need() -> None:
    probe = _probe(heavy=True)
    lazies = probe["lazies"]
    assert isinstance(lazies, dict)
    assert sorted(name for name, loaded in lazies.items() if not loaded) == sorted(NOT_FOR_PARSE & set(lazies))
    assert probe["imported"] == sorted(LIGHT_MODULES + HEAVY_MODULES)
