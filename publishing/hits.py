"""Work that rides along with the page cache's round trip when it serves a stored page.

A page served from the page cache (portal) must still be counted as a view (feedback),
and a hit should cost one round trip to Redis, not one per concern. So the counter, which
stands above the page cache, offers on the request a Lua fragment with its keys and
arguments; the page cache runs it inside its own lookup script when it finds the page, and
says so. Neither app imports the other: this module is all they share.

A fragment reads its keys and arguments from the end of KEYS and ARGV (the lookup's own
come first), and runs only on the Redis server named by `location`: the page cache
accepts it only when that is its own.
"""

import dataclasses

ATTRIBUTE = "_publishing_on_hit"


@dataclasses.dataclass
class OnHit:
    script: str  # Lua; its keys and arguments are the last len(keys) / len(args)
    keys: list[str]
    args: list
    location: str  # the Redis server the keys live on (a cache's LOCATION)
    done: bool = False  # set by the page cache once the script ran with a hit


def offer(request, on_hit: OnHit) -> None:
    setattr(request, ATTRIBUTE, on_hit)


def offered(request) -> OnHit | None:
    return getattr(request, ATTRIBUTE, None)


def done(request) -> bool:
    """Whether the page cache served a stored page and ran what was offered with it."""
    on_hit = offered(request)
    return on_hit is not None and on_hit.done
