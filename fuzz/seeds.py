"""Write a starting corpus for ``fuzz_parse.py`` into a folder: synthetic pages of every mix
(``bilingual_news.testing.make_page``) in the encodings the library reads, and a few short
inputs of the kinds that broke it before (``tests/regressions/``), and a small HTML page.

    python fuzz/seeds.py /tmp/corpus
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from bilingual_news.testing import make_page

ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")
SHORT = [
    "He said \x93hello\x94\x85",
    "a\udc80b\ud800",
    "“" * 200,
    "「" * 200,
    "/'" * 200,
    "<p>标题</p>\n<script>x</script>",
    "来源：新华社 作者：李明 2024-05-13 09:08 阅读：1,024",
    '<!DOCTYPE html><html><head><meta charset="gb2312"><title>标题 - 新闻网</title>'
    '<meta property="og:title" content="标题"><link rel="canonical" href="http://example.org/a.html">'
    "</head><body><nav><a href=/>首页</a> | <a href=/n>新闻</a></nav><h1>标题</h1>"
    "<p>他说：“我们&amp;你们。”</p><figure><figcaption>图为现场（张三 摄）</figcaption></figure>"
    "<script>var x = '<p>';</script><!-- c --><footer>Copyright &copy; 2024</footer></body></html>",
]


def main(folder: str) -> int:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for seed in range(8):
        page = make_page(seed, paragraphs=2).raw
        for encoding in ENCODINGS:
            data = page.encode(encoding, errors="ignore")
            (out / f"page-{seed}-{encoding}").write_bytes(data)
    for k, text in enumerate(SHORT):
        (out / f"short-{k}-utf-16").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"))
        (out / f"short-{k}-utf-8").write_bytes(text.encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
