"""Write ``mailflow/data/month_words.json`` and ``month_abbreviations.json``: the month words and the
short month abbreviations of every language mailflow reads, from CLDR (Babel). Run it after adding a language file or upgrading Babel::

    python scripts/month_words.py

``tests/test_month_words.py`` fails while the file is not what this writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mailflow.extract import languages  # noqa: E402


def main() -> int:
    words = {tag: languages.cldr_month_words(tag) for tag in sorted(languages.load().tags)}
    target = ROOT / "mailflow" / languages.MONTH_WORDS
    lines = [f"  {json.dumps(tag)}: {json.dumps(found, ensure_ascii=False)}" for tag, found in words.items()]
    target.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{target}: {len(words)} languages, {sum(len(w) for w in words.values())} words")
    short = {tag: languages.cldr_month_abbreviations(tag) for tag in sorted(languages.load().tags)}
    target = ROOT / "mailflow" / languages.MONTH_ABBREVIATIONS
    lines = [f"  {json.dumps(tag)}: {json.dumps(found, ensure_ascii=False)}" for tag, found in short.items()]
    target.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    print(f"{target}: {sum(len(w) for w in short.values())} abbreviations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
