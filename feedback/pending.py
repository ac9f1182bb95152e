"""Counts gathered in this process and sent to Redis together, about once a second.

Counting a view (feedback/viewcounts.py) or a search (feedback/searchterms.py) with Redis
used to be a round trip on every request, which cost a cached page more CPU than serving
it. Now a count is added to a dict in this process, merged per key (the same page seen a
hundred times in a second is one INCRBY and one PFADD of its visitors), and a thread of
the process sends what has gathered every FEEDBACK_COUNT_SECONDS in one pipeline.

Nothing counted waits longer than that, except:
- when Redis does not answer, the counts wait here and go with the next send that works,
  up to MAX_WAITING keys (beyond that new keys are dropped, with a warning: a long outage
  must not fill the worker's memory);
- before statistics are read in a process (`send_now`, from viewcounts.flush), so what
  this process counted is in them at once;
- when the process stops normally (gunicorn's graceful stop on a deploy, restart or
  max_requests, and any interpreter exit: atexit), what waits is sent first. A process
  killed outright (SIGKILL, out of memory) loses at most the last second's counts.

Each count carries the Redis client it belongs to, so counts made under one configuration
(a test's key prefix, the limits cache on a Redis of its own) go where they were counted.
"""

import atexit
import logging
import os
import threading

from django.conf import settings

logger = logging.getLogger(__name__)

MAX_WAITING = 10_000  # keys waiting per kind of count while Redis does not answer


class Pending:
    """One kind of count waiting to be sent: {(pool, key): value}, merged by `merge`.

    `send(client, pipeline, counts)` queues the commands for {key: value} on a pipeline
    of that client; `merge(old, new)` returns the value of two counts of the same key together.
    """

    def __init__(self, name, send, merge):
        self.name, self.send, self.merge = name, send, merge
        self.lock = threading.Lock()
        self.items: dict = {}
        self.clients: dict = {}  # a client for each pool counted on
        _all.append(self)

    def add(self, client, key, value) -> None:
        if _sender_pid != os.getpid():
            _start_sender()
        # Each thread has a client of its own (Django's caches are per thread); counts for
        # the same Redis server are merged by the pool of connections they share.
        pool = client.connection_pool
        with self.lock:
            old = self.items.get((pool, key))
            if old is not None:
                self.items[(pool, key)] = self.merge(old, value)
            elif len(self.items) < MAX_WAITING:
                self.items[(pool, key)] = value
                self.clients[pool] = client
            else:
                _warn_full(self.name)

    def take(self) -> dict:
        with self.lock:
            items, self.items = self.items, {}
        return items

    def give_back(self, client, counts: dict) -> None:
        for key, value in counts.items():
            self.add(client, key, value)

    def push(self) -> int:
        """Send what waits, per Redis server in one pipeline; on failure keep it for later."""
        items = self.take()
        by_pool: dict = {}
        for (pool, key), value in items.items():
            by_pool.setdefault(pool, {})[key] = value
        sent, failure = 0, None
        for pool, counts in by_pool.items():
            client = self.clients[pool]
            try:
                with client.pipeline(transaction=False) as pipe:
                    self.send(client, pipe, counts)
                    pipe.execute()
            except Exception as exc:
                # Kept for the next try; the other servers' counts still go now.
                self.give_back(client, counts)
                failure = failure or exc
                continue
            sent += len(counts)
        if failure is not None:
            raise failure
        return sent


_all: list[Pending] = []
_sender_pid = None  # the process whose sender thread runs (none after a fork until used)
_start_lock = threading.Lock()
_wake = threading.Event()  # set to end the sender thread's wait early (`wake`)
_warned = set()


def _warn_full(name):
    if name not in _warned:
        _warned.add(name)
        logger.warning("Too many %s waiting for Redis: further new ones are not counted", name)


def send_now() -> int:
    """Send everything waiting in this process now; returns how many keys went."""
    sent = 0
    for pending in _all:
        try:
            sent += pending.push()
        except Exception:
            logger.warning("Could not send %s to Redis; kept for the next try", pending.name)
    if sent:
        _warned.clear()
    return sent


def wake() -> None:
    """End the sender's current wait: it sends now, then waits the interval as set now."""
    _wake.set()


def seconds() -> float:
    return max(0.05, float(getattr(settings, "FEEDBACK_COUNT_SECONDS", 1.0)))


def _send_regularly():
    while True:
        _wake.wait(seconds())
        _wake.clear()
        send_now()


def _start_sender():
    global _sender_pid
    with _start_lock:
        if _sender_pid == os.getpid():
            return
        thread = threading.Thread(target=_send_regularly, name="feedback-counts", daemon=True)
        thread.start()
        _sender_pid = os.getpid()


def discard_all() -> None:
    """Forget what waits, unsent (tests; and a forked child, whose parent sends its own)."""
    for pending in _all:
        pending.take()


def _after_fork_in_child():
    global _start_lock
    _start_lock = threading.Lock()
    for pending in _all:
        pending.lock = threading.Lock()
    discard_all()


os.register_at_fork(after_in_child=_after_fork_in_child)
# A normal stop sends what waits (gunicorn's workers exit through the interpreter's exit).
atexit.register(send_now)
