"""What this process knows about a database outage, and how it is logged.

During an outage every request fails the same way, so each one is logged as one line
without a traceback (the first line of the error says what happened: refused, timed out,
no answer). A traceback per page view would bury everything else in the log.

The process also remembers when it last saw the database unavailable. Work that a visitor
does not wait for (counting a page view on a page served from the cache) is skipped for a
few seconds after that, so a database that hangs never slows down pages that do not need
it; the next attempt after the pause finds out whether it is back.
"""

import logging
import time

from django.db.utils import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

# Seconds optional database work is skipped after the database was seen unavailable.
PAUSE_SECONDS = 5.0

_last_seen_unavailable = float("-inf")


def is_database_unavailable(exception) -> bool:
    """A lost or refused database connection (or a transient failure of the server)."""
    return isinstance(exception, OperationalError | InterfaceError)


def describe(exception) -> str:
    """The exception's type and first line: enough to tell refused from timed out."""
    text = str(exception).strip()
    return f"{type(exception).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")


def seen_unavailable() -> None:
    global _last_seen_unavailable
    _last_seen_unavailable = time.monotonic()


def forget() -> None:
    """Forget any outage seen (for tests: each starts with a database that answers)."""
    global _last_seen_unavailable
    _last_seen_unavailable = float("-inf")


def recently_unavailable() -> bool:
    return time.monotonic() - _last_seen_unavailable < PAUSE_SECONDS


def log_unavailable(message: str, *args, exception=None, level=logging.ERROR) -> None:
    """One line, never a traceback; remembers the outage for `recently_unavailable`."""
    seen_unavailable()
    if exception is not None:
        message, args = f"{message}: %s", (*args, describe(exception))
    logger.log(level, message, *args)
