"""The hardest pages we could think of, for ``tests/test_reliability_total.py`` (importable as
``reliability_inputs``; run as a script it is the watchdog's child: see ``watchdog.py``).

Each page is built by a function, so that a megabyte of text is not written down; every one
must parse, keep every guarantee of ``reliability.violations``, and finish within the test's
(generous) time limit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

MB = 1_000_000
MANY = 100_000

SENTENCE = "The ministry said on Monday that trade grew by 5 percent, 外交部发言人表示双方将继续深化合作。"
"""A bilingual sentence written for these tests."""

PAGES: dict[str, Callable[[], str]] = {
    "empty": lambda: "",
    "white space only": lambda: " \t\n\r\n\u3000\xa0\u2028\x85\x0b\x0c",
    "one character": lambda: "中",
    "one Latin letter": lambda: "a",
    "a lone high surrogate": lambda: "\ud800",
    "lone surrogates in text": lambda: f"{SENTENCE}\udc80\n\ud83d {SENTENCE}\udfff",
    "a surrogate pair as two code points": lambda: f"{SENTENCE} \ud83d\ude00",
    "every control character": lambda: "".join(map(chr, range(32))) + "\x7f" + "".join(map(chr, range(0x80, 0xA0))),
    "NUL bytes": lambda: f"\x00{SENTENCE}\x00\n\x00\x00",
    "RTL and bidi marks": lambda: f"\u200f\u202e{SENTENCE}\u202c\u2066שלום\u2069 مرحبا\u200e",
    "emoji and flags": lambda: f"👍🏽🇨🇳👨\u200d👩\u200d👧 {SENTENCE} 🎉\n🙂",
    "100,000 “": lambda: "“" * MANY,
    "100,000 「": lambda: "「" * MANY,
    "100,000 /'": lambda: "/'" * MANY,
    "100,000 \\'": lambda: "\\'" * MANY,
    '100,000 "': lambda: '"' * MANY,
    "100,000 （": lambda: "（" * MANY,
    "100,000 :": lambda: ":" * MANY + "x:",
    "100,000 … and .": lambda: "…" * MANY + "." * MANY,
    "a 1 MB line": lambda: (SENTENCE * (MB // len(SENTENCE) + 1))[:MB],
    "a 1 MB line of Han without punctuation": lambda: "中文" * (MB // 2),
    "a 1 MB line of spaces between two words": lambda: "a" + " " * MB + "b | c",
    "a 1 MB line of digits": lambda: "1" * MB + " x",
    "a 1 MB URL": lambda: "http://example.org/" + "a/" * (MB // 2),
    "100,000 one-character lines": lambda: "\n".join("a中,“"[i % 4] for i in range(MANY)),
    "100,000 blank lines": lambda: "\n" * MANY + "x",
    "100,000 CR": lambda: "\r" * MANY + "x",
    "20,000 lines of the same sentence": lambda: f"{SENTENCE}\n" * (MANY // 5),
    "HTML tags in the text": lambda: (
        f"<html><head><title>T</title></head><body><p>{SENTENCE}</p>"
        '<script>alert("x")</script><a href="/x?a=1&amp;b=2">link</a><!-- c --></body></html>'
    ),
    "100,000 HTML tags": lambda: "<b>" * MANY,
    "mojibake and escapes": lambda: "â€™s ä¸­æ–‡ \\u4e2d\\u6587 &amp;quot;x&amp;quot; President Xi/'s" * 1000,
    "100,000 C1 quotes": lambda: "\x93\x94\x85" * MANY,
}
"""The pages, by name."""


def main(argv: list[str]) -> int:
    """The watchdog's child: parse each page from index ``argv[0]`` on."""
    import bilingual_news
    from reliability import violations
    from watchdog import serve_cases

    names = list(PAGES)

    def check(i: int) -> list[str]:
        page = PAGES[names[i]]()
        return violations(page, bilingual_news.parse(page))

    return serve_cases(argv, len(names), check)


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
