"""Platforms without an export layout of their own: their files are read only through a column mapping
(platforms/generic.py, docs/column-mapping.md). Making one a full platform means giving it a package like
platforms/jd/ and pointing its registry line there.
"""

from __future__ import annotations

from sellerdesk.domain.enums import Platform
from sellerdesk.domain.texts import QT_TRANSLATE_NOOP
from sellerdesk.platforms.spec import PlatformSpec

KUAISHOU = PlatformSpec(Platform.KUAISHOU, QT_TRANSLATE_NOOP("Labels", "Kuaishou"), "快手小店")
XIAOHONGSHU = PlatformSpec(Platform.XIAOHONGSHU, QT_TRANSLATE_NOOP("Labels", "Xiaohongshu"), "小红书店铺")
OTHER = PlatformSpec(Platform.OTHER, QT_TRANSLATE_NOOP("Labels", "Other"), "其他店铺")
