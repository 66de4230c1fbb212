"""Views of a document for people: plain text and Markdown.

In: a :class:`~bilingual_news.model.Document`. Out: a string. Nothing here reaches into the
pipeline; it reads only the document.
"""

from __future__ import annotations

from bilingual_news.model import Document, Kind

__all__ = ["to_markdown", "to_text"]


def to_text(doc: Document) -> str:
    """The clean article: headline, then the body blocks, separated by blank lines."""
    text = doc.text
    return text + "\n" if text else ""


def to_markdown(doc: Document) -> str:
    """The article as Markdown: ``#`` headline, ``##`` subheadings, paragraphs, and a list of
    the quotes with their speakers."""
    parts: list[str] = []
    if doc.headline:
        parts.append(f"# {doc.headline}")
    meta = doc.metadata
    facts = [
        f"{name}: {value}"
        for name, value in (
            ("Published", meta.published.isoformat() if meta.published else None),
            ("Source", meta.source),
            ("Author", meta.author),
            ("Editor", meta.editor),
        )
        if value
    ]
    if facts:
        parts.append("*" + " · ".join(facts) + "*")
    for block in doc.body:
        if block.kind is Kind.SUBHEADING:
            parts.append(f"## {block.text}")
        else:
            parts.append(block.text)
    if doc.quotes:
        lines = ["## Quotes", ""]
        for q in doc.quotes:
            who = q.speaker if q.speaker else "(quoted term)"
            lines.append(f"- **{who}**: “{q.text}”")
        parts.append("\n".join(lines))
    if doc.source_url:
        parts.append(f"<{doc.source_url}>")
    return "\n\n".join(parts) + "\n" if parts else ""
