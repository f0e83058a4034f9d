"""Patterns built at run time from the vocabulary, compiled once per process.

``re`` keeps the last 512 patterns it compiled. The readers build many more than that from the
language files (a pattern per legal form, per order word, per unit list), so a backlog compiled
the same patterns again for every message: most of the CPU the readers added to the libraries'.
``pattern(text, flags)`` keeps every one; they are few thousand, a few MB.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=None)
def pattern(text: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)``, kept for the life of the process."""
    return re.compile(text, flags)
