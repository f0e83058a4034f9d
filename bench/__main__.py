"""Run every ``bench/*.py`` script's ``main()`` in turn: ``python -m bench`` (``make bench``).

Each script is a plain program (``def main()`` and ``if __name__ == "__main__": main()``); it
is run with no arguments, as if started on its own. A script that raises or exits non-zero is
reported and the others still run; the exit status is 1 if any of them failed.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))


def run(path: Path) -> int:
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    saved_argv, saved_path = sys.argv, list(sys.path)
    sys.argv = [str(path)]
    sys.path.insert(0, str(HERE))
    try:
        spec.loader.exec_module(module)
        if not callable(getattr(module, "main", None)):
            print(f"{path.name}: no main(); skipped")
            return 0
        status = module.main()
        return status if isinstance(status, int) else 0
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path


def main() -> int:
    failed = []
    for path in scripts():
        print(f"\n=== {path.name} " + "=" * max(0, 66 - len(path.name)), flush=True)
        start = time.perf_counter()
        status = run(path)
        print(f"--- {path.name}: exit {status}, {time.perf_counter() - start:.1f} s", flush=True)
        if status:
            failed.append(path.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
