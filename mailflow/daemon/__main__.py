"""``python -m mailflow.daemon CONFIG``: the daemon without the CLI, for debugging."""

import sys
from pathlib import Path

from . import run_daemon

sys.exit(run_daemon(Path(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")))
