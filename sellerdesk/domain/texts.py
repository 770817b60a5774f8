"""Marking English UI words in core code, where Qt is not imported (a platform's display name).

lupdate collects ``QT_TRANSLATE_NOOP(context, text)`` by name from the files it reads
(scripts/update_translations.py passes sellerdesk/platforms too); the UI translates the text when it shows it.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, unchanged: the call only marks it for translation under ``context``."""
    return text
