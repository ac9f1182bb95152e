"""gunicorn's settings for the site: `gunicorn -c gunicorn.conf.py portal.wsgi:application`.

gunicorn also reads this file by itself when started in the project folder. Options on the
command line (bind, workers, threads, timeouts: docs/production.md) take precedence; this
file holds what every start should share, production's and `make bench`'s alike.
"""

import ctypes
import ctypes.util

# glibc gives every thread that allocates while another holds the lock an arena of its own,
# up to 8 per core, and memory freed in one arena is never reused by another: a gthread
# worker's resident memory creeps up with its threads. Two arenas are enough for four
# threads that spend most of their time waiting on PostgreSQL and Redis (bench/README.md,
# "Worker memory"). Set here, in the master before it forks, every worker inherits it; the
# environment variable MALLOC_ARENA_MAX would do the same but is easily lost on the way.
MALLOC_ARENA_MAX = 2
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def _limit_malloc_arenas(arenas):
    """Cap glibc's malloc arenas; a no-op where the C library is not glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False  # musl, macOS: no mallopt, and no per-thread arenas to cap
    return bool(mallopt(_M_ARENA_MAX, arenas))


_limit_malloc_arenas(MALLOC_ARENA_MAX)
