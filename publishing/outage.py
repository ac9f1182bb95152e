"""How a database outage is logged: one line per request, never a traceback.

During an outage every request fails the same way, so each one is logged as one line
without a traceback (the first line of the error says what happened: refused, timed out,
no answer). A traceback per page view would bury everything else in the log.
"""

import logging

from django.db.utils import InterfaceError, OperationalError

logger = logging.getLogger(__name__)


def is_database_unavailable(exception) -> bool:
    """A lost or refused database connection (or a transient failure of the server)."""
    return isinstance(exception, OperationalError | InterfaceError)


def describe(exception) -> str:
    """The exception's type and first line: enough to tell refused from timed out."""
    text = str(exception).strip()
    return f"{type(exception).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")


def log_unavailable(message: str, *args, exception=None, level=logging.ERROR) -> None:
    """One line, never a traceback."""
    if exception is not None:
        message, args = f"{message}: %s", (*args, describe(exception))
    logger.log(level, message, *args)
