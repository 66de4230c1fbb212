"""bytes -> str: the first thing that happens to a page given as bytes.

In: the page's bytes and, optionally, a name for messages. Out: the decoded text.

Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); then known binary
formats and NUL bytes are refused; then strict UTF-8; then detection by
``charset-normalizer`` (the library ``requests`` uses), loaded only when UTF-8 fails.
GB2312 and GBK are read as GB18030, their superset, so that no character is lost.
Anything left is refused with an :class:`~bilingual_news.errors.InputError`: we never
decode with ``errors="replace"``, which would lose text silently.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from bilingual_news.errors import InputError

__all__ = ["decode", "decode_html", "read_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE mark starts with UTF-16 LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
)

_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "xgbk": "gb18030",
    "gb231280": "gb18030",
    "big5hkscs": "big5hkscs",
}
"""Detected encodings widened to the superset that decodes every page they can."""

_CANDIDATES = ("gb18030", "big5", "utf_16", "cp1252", "latin_1", "shift_jis", "euc_kr")
"""The encodings detection chooses among: the pages this library reads are Chinese, English or
both; a free choice among every code page calls short GBK text Polish or Baltic (cp1250, cp775)."""

_MULTIBYTE = frozenset({"gb18030", "big5", "big5hkscs", "utf_16", "utf-16", "shift_jis", "euc_kr"})

MIN_GB2312_SHARE = 0.95
"""Share of non-ASCII characters that must be common GB2312 characters for bytes a detector
called a Western code page to be read as GB18030 instead: Latin-1 bytes paired at random
rarely land in GB2312's narrow ranges."""

MAX_CONTROL_SHARE = 0.05
"""Share of C0 control bytes (other than tab, newline, carriage return, form feed) above
which UTF-8-valid input is called binary: real scraped text has almost none."""


def decode(data: bytes, *, source: str | None = None) -> str:
    """Decode a page's bytes to text, or raise :class:`InputError` saying why not.

    >>> decode("中文".encode("gb18030"))
    '中文'
    >>> decode(b"\\xef\\xbb\\xbfhello")
    'hello'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"expected {encoding} text after its byte-order mark, "
                    f"but byte {exc.start + len(bom)} is not valid {encoding}",
                    source=source,
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"expected a text or HTML page, got {what}", source=source)
    if b"\x00" in data:
        raise InputError(
            "expected a text or HTML page, got binary data (NUL bytes and no UTF-16 byte-order mark)",
            source=source,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, source)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("expected a text or HTML page, got binary data (too many control characters)", source=source)
    return text


_DECLARED = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
"""``<meta charset="...">`` and ``<meta http-equiv="Content-Type" content="text/html; charset=...">``."""

DECLARED_SCAN = 4096
"""Bytes at the start of an HTML page looked at for its declared charset (browsers look at 1,024;
scraped pages put comments and scripts first more often)."""


def decode_html(data: bytes, *, source: str | None = None) -> str:
    """Decode an HTML page's bytes: byte-order mark, then strict UTF-8, then the charset the
    page declares (``<meta charset>``, ``http-equiv``; GB2312/GBK read as GB18030), then
    detection as :func:`decode` does it.

    Valid UTF-8 wins over a declared charset because scrapers save pages as UTF-8 and keep
    their ``<meta charset=gb2312>``; bytes in a real GBK page almost never form valid UTF-8.

    >>> decode_html('<meta charset="gb2312"><p>中文</p>'.encode("gb18030"))
    '<meta charset="gb2312"><p>中文</p>'
    """
    if not data.startswith(tuple(bom for bom, _ in _BOMS)) and b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            m = _DECLARED.search(data, 0, DECLARED_SCAN)
            if m is not None:
                name = m.group(1).decode("ascii").lower()
                encoding = _ALIASES.get(name.replace("_", "").replace("-", ""), name)
                if encoding.replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32")):
                    encoding = "utf-8"  # a page read far enough to see its <meta> is not UTF-16 (as browsers do)
                try:
                    text = data.decode(encoding)
                except (LookupError, UnicodeDecodeError):
                    pass  # an unknown name, or a page that is not what it says: detection decides
                else:
                    if _control_share(text) <= MAX_CONTROL_SHARE:
                        return text
    return decode(data, source=source)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    return controls / len(sample)


def _detect(data: bytes, source: str | None) -> str:
    import charset_normalizer  # lazy: only pages that are not UTF-8 pay for it

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    encoding = _ALIASES.get(best.encoding.lower().replace("_", ""), best.encoding) if best else None
    if encoding not in _MULTIBYTE:
        # A mostly-English page with a few Chinese characters in GBK looks like a Western code
        # page to a statistical detector; GB2312's narrow byte ranges are strong evidence.
        text = _strict(data, "gb18030")
        if text is not None and _gb2312_share(text) >= MIN_GB2312_SHARE:
            return text
    if encoding is None:
        raise InputError(
            "expected text in UTF-8, GB18030/GBK, Big5 or UTF-16, but the bytes decode as none of them (binary data?)",
            source=source,
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the bytes look like {encoding}, but byte {exc.start} is not valid {encoding}", source=source
        ) from None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _gb2312_share(text: str) -> float:
    """Share of the non-ASCII characters that GB2312 (the 7,445 common ones) can encode."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(wide)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, or an :class:`InputError` naming the file and what went wrong."""
    name = os.fspath(path)
    try:
        return Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except IsADirectoryError:
        raise InputError("expected a file, got a directory", source=name) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=name) from None
