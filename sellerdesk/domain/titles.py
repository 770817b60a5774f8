"""Listing titles against the advertising law's absolute words (广告法 极限词)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DEFAULT_BANNED_WORDS: tuple[str, ...] = (
    "最",
    "第一",
    "顶级",
    "唯一",
    "国家级",
    "极品",
    "绝对",
    "100%",
    "首个",
    "全网第一",
    "万能",
    "独一无二",
    "史无前例",
    "永久",
    "世界级",
    "销量冠军",
)


@dataclass(frozen=True)
class TitleHit:
    word: str
    start: int  # character offsets into the title, end exclusive
    end: int


def normalize_words(words: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, unique words in their first order."""
    return tuple(dict.fromkeys(w.strip() for w in words if w.strip()))


def find_banned(title: str, words: Sequence[str]) -> tuple[TitleHit, ...]:
    """Every banned word in ``title``, left to right; the longest word wins where hits overlap.

    Latin letters match case-insensitively; "最" inside "最新" still counts (the law bans the word).
    """
    text = title.casefold()
    ordered = sorted(normalize_words(words), key=len, reverse=True)
    taken = [False] * len(text)
    hits: list[TitleHit] = []
    for word in ordered:
        needle = word.casefold()
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(taken[start:end]):
                hits.append(TitleHit(title[start:end], start, end))
                taken[start:end] = [True] * (end - start)
            start = text.find(needle, start + 1)
    return tuple(sorted(hits, key=lambda h: h.start))
