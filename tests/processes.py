"""Race several processes (not threads) against one database, to test a rule that must hold when
desks write at the same moment.

    results = race(register_people, db_url, [(0, 40), (1, 40), (2, 40), (3, 40)])

`target(url, *arguments)` runs in one fresh process per tuple of arguments (spawned, so nothing is
shared but the database); the processes are released together from a barrier, each opening its
own `Database(url)`. The results come back in the order of the argument tuples; any failure in a
process fails the caller with that process's traceback. `target` must be a module-level function
of an importable module, and its arguments and result picklable.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Sequence
from typing import Any

_CONTEXT = multiprocessing.get_context("spawn")


class ProcessFailed(AssertionError):
    """A racing process raised; the message holds its traceback."""


def _run(
    barrier: Any,
    results: Any,
    index: int,
    target: Callable[..., Any],
    url: str,
    arguments: tuple[Any, ...],
) -> None:
    try:
        barrier.wait(timeout=120)
        results.put((index, True, target(url, *arguments)))
    except BaseException:
        results.put((index, False, traceback.format_exc()))


def race(
    target: Callable[..., Any],
    url: str,
    arguments: Sequence[tuple[Any, ...]],
    *,
    timeout: float = 300,
) -> list[Any]:
    """Each `target(url, *args)` in its own process, started together; their results."""
    barrier = _CONTEXT.Barrier(len(arguments))
    results = _CONTEXT.Queue()
    processes = [
        _CONTEXT.Process(target=_run, args=(barrier, results, index, target, url, args))
        for index, args in enumerate(arguments)
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    failures: list[str] = []
    try:
        for _ in processes:
            try:
                index, ok, value = results.get(timeout=timeout)
            except queue.Empty:
                raise ProcessFailed(f"no answer from a racing process in {timeout} s") from None
            if ok:
                collected[index] = value
            else:
                failures.append(f"process {index}:\n{value}")
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
    if failures:
        raise ProcessFailed("\n".join(failures))
    return [collected[index] for index in range(len(arguments))]
