"""OAuth2 access tokens for XOAUTH2 logins, from a command's output or an environment variable.

mailflow does not run an OAuth2 flow itself: the site's own tool (``oauth2l``, a vendor CLI, a
script around a refresh token) prints a fresh access token on stdout, and mailflow asks it again
on every connect because tokens expire within the hour. The token is a secret: it never appears
in an exception message or a log line, and the command runs without a shell.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from typing import Mapping

from ..errors import SourceError

TOKEN_COMMAND_TIMEOUT = 30.0


def access_token(command: str | None, env_name: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The current access token; raises ``SourceError`` (naming the source, not the token)."""
    environ = os.environ if environ is None else environ
    if command:
        try:
            result = subprocess.run(shlex.split(command), capture_output=True, timeout=TOKEN_COMMAND_TIMEOUT, text=True)
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            raise SourceError(
                f"oauth2_token_command could not run: {type(exc).__name__}",
                hint="check the command in the account's oauth2_token_command",
            ) from None
        token = result.stdout.strip()
        if result.returncode != 0 or not token:
            raise SourceError(
                f"oauth2_token_command exited {result.returncode} without a token",
                hint="run the command by hand to see its error (its output is not logged)",
            )
        return token
    if env_name:
        token = environ.get(env_name, "").strip()
        if not token:
            raise SourceError(f"environment variable {env_name} (oauth2_token_env) is empty or unset")
        return token
    raise SourceError("auth is xoauth2 but neither oauth2_token_command nor oauth2_token_env is set")
