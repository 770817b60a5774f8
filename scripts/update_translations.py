"""Refresh the translations after UI text changed: lupdate, fill zh_CN from the JSON tables, lrelease.

    python scripts/update_translations.py

lupdate collects every tr()/translate() text from sellerdesk/ui, app.py and domain/labels.py, and the platform
names marked in sellerdesk/platforms, into the .ts files (keeping translations already there). Missing zh_CN
translations are then taken from the tables in resources/i18n/zh_CN/*.json ({"Context": {"English source":
"中文"}}), one table per feature, so people working on different screens never edit the same lines. Finally
lrelease builds the .qm files that are committed next to the .ts files. Unfinished entries are listed at the
end (tests/gui/test_i18n.py fails on any).
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
TS_FILES = [I18N / "sellerdesk_zh_CN.ts", I18N / "sellerdesk_en.ts"]
# Besides sellerdesk/ui: the composition root, and the Qt-free label table the workbook shares.
EXTRA_SOURCES = ["sellerdesk/app.py", "sellerdesk/domain/labels.py"]


def _tables() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((I18N / "zh_CN").glob("*.json")):
        for context, texts in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(context, {}).update(texts)
    return merged


def _fill(ts: Path, tables: dict[str, dict[str, str]]) -> list[str]:
    """Translations from the JSON tables, which are the source of truth: a missing one is filled, and one
    the .ts holds differently (an older wording, a merge) is replaced."""
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                continue
            unfinished = translation.get("type") == "unfinished"
            text = tables.get(name, {}).get(source)
            if not text:
                if unfinished:
                    missing.append(f"{name}: {source}")
                continue
            numerus = message.get("numerus") == "yes"
            current = translation.findtext("numerusform", "") if numerus else (translation.text or "")
            if not unfinished and current == text:
                continue
            if numerus:  # Chinese has one plural form: one <numerusform>
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def _lupdate() -> None:
    sources = sorted(
        str(p.relative_to(ROOT)) for d in ("ui", "platforms") for p in (ROOT / "sellerdesk" / d).rglob("*.py")
    )
    subprocess.run(
        ["pyside6-lupdate", *sources, *EXTRA_SOURCES, "-no-obsolete", "-locations", "relative",
         "-ts", *(str(t.relative_to(ROOT)) for t in TS_FILES)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def main() -> int:
    _lupdate()
    missing = _fill(TS_FILES[0], _tables())
    _lupdate()  # once more: lupdate writes the file back in its own layout
    subprocess.run(["pyside6-lrelease", *map(str, TS_FILES)], cwd=ROOT, check=True, capture_output=True)
    for line in missing:
        print("untranslated (zh_CN):", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
