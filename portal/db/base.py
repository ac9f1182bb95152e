"""PostgreSQL whose every wait for the server is bounded (ENGINE "portal.db").

libpq bounds connecting (connect_timeout) and notices a peer that stops acknowledging
packets (tcp_user_timeout, keepalives), and the server cancels long statements itself
(statement_timeout). What none of them catches is a server, or something in between, that
accepts and acknowledges our packets but never answers: a hung PostgreSQL or a stuck proxy.
A worker would wait for it until gunicorn kills it. So the client waits at most
DATABASE_WAIT_TIMEOUT seconds for any answer, and the health check of a reused connection
at most the connect timeout; then the connection is dropped and the request gets the
Swedish 503 page (portal.middleware) like any other lost database.

The health check itself is a round trip (`SELECT 1`) before the first query of every
request, a tenth of a page that reads one row. A connection that answered within the last
DATABASE_HEALTH_CHECK_IDLE_SECONDS is trusted without it, unless its socket shows that the
server closed it (a restart, a terminated backend): that is seen without a round trip. The
first statement of the request then waits for its answer no longer than the check would
have (the connect timeout): a server that has just started to hang costs the request what
it cost with the check. The first statement of a request is short on every page: the
page's own query, or the admin's session lookup.
"""

import select
import time

import psycopg
from django.conf import settings
from django.db.backends.postgresql import base as postgresql
from django.db.utils import OperationalError


class NoAnswer(postgresql.Database.OperationalError):
    """The server did not answer in time (Django reports it as an OperationalError)."""


class BoundedConnection(psycopg.Connection):
    """A psycopg connection that waits for the server at most `wait_timeout` seconds."""

    wait_timeout: float | None = None
    # time.monotonic() of the server's last answer on this connection.
    answered_at: float | None = None
    # The limit for the next statement alone: set when the connection is reused unchecked.
    next_wait_timeout: float | None = None

    def wait(self, gen, interval=None, timeout=None):
        if timeout is None:
            timeout, self.next_wait_timeout = self.next_wait_timeout, None
            if self.wait_timeout is not None:
                timeout = self.wait_timeout if timeout is None else min(timeout, self.wait_timeout)
        kwargs = (
            {"timeout": timeout} if interval is None else {"interval": interval, "timeout": timeout}
        )
        started = time.monotonic()
        try:
            result = super().wait(gen, **kwargs)
        except psycopg.OperationalError:
            if timeout is None or time.monotonic() - started < timeout:
                raise
            # In the middle of a query the connection's state is unknown: never reuse it.
            self.pgconn.finish()
            raise NoAnswer(f"the database did not answer within {timeout:g} s") from None
        self.answered_at = time.monotonic()
        return result

    def answered_lately(self, seconds: float) -> bool:
        """Whether this idle connection answered within `seconds` and was not closed since."""
        if not seconds or self.answered_at is None or self.closed:
            return False
        if time.monotonic() - self.answered_at >= seconds:
            return False
        if self.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            return False
        # A server that closed the connection left its end of file (or a last message)
        # waiting on the socket; a healthy idle connection has nothing to read.
        readable, _, _ = select.select([self.fileno()], [], [], 0)
        return not readable


class DatabaseWrapper(postgresql.DatabaseWrapper):
    _no_answer = False

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if not self.pool:
            connection.__class__ = BoundedConnection
            connection.wait_timeout = getattr(settings, "DATABASE_WAIT_TIMEOUT", None)
            connection.answered_at = time.monotonic()
        return connection

    def is_usable(self):
        """The health check before reusing a connection: as quick to fail as a new connect."""
        connection = self.connection
        if not isinstance(connection, BoundedConnection):
            return super().is_usable()
        usual, connection.wait_timeout = connection.wait_timeout, self._connect_timeout()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except NoAnswer:
            self._no_answer = True
            return False
        except postgresql.Database.Error:
            return False
        finally:
            connection.wait_timeout = usual
        return True

    def close_if_health_check_failed(self):
        """A reused connection whose server does not answer: give up, do not reconnect.

        A connection that answered lately is trusted without the check (module docstring).
        Reconnecting to a server that just failed to answer would make the request wait a
        second connect timeout before its 503. A connection that broke (a restarted server)
        fails its check at once and is replaced as usual.
        """
        self._no_answer = False
        if (
            self.health_check_enabled
            and not self.health_check_done
            and isinstance(self.connection, BoundedConnection)
            and self.connection.answered_lately(
                getattr(settings, "DATABASE_HEALTH_CHECK_IDLE_SECONDS", 0)
            )
        ):
            self.health_check_done = True
            self.connection.next_wait_timeout = self._connect_timeout()
            return
        super().close_if_health_check_failed()
        if self._no_answer:
            self._no_answer = False
            raise OperationalError("the database did not answer the health check in time")

    def _connect_timeout(self):
        value = self.settings_dict["OPTIONS"].get("connect_timeout")
        return float(value) if value else None
