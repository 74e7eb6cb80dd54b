"""Weighted and distinct random draws, quicker than `random.choices` one at a time."""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterable


def accumulate(weights: Iterable[float]) -> list[float]:
    """Running totals of `weights`, for `pick`."""
    total = 0.0
    out = []
    for weight in weights:
        total += float(weight)
        out.append(total)
    return out


def pick(rng: random.Random, cumulative: list[float]) -> int:
    """Index drawn with the weights behind `cumulative` (faster than rng.choices for one)."""
    index = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
    return min(index, len(cumulative) - 1)


def pick_distinct(
    rng: random.Random, regulars: list[int], everyone: list[int], count: int
) -> list[int]:
    """`count` different people, three in four from the regulars."""
    chosen: dict[int, None] = dict.fromkeys(
        rng.sample(regulars, min(len(regulars), round(count * 0.75)))
    )
    attempts = 0
    while len(chosen) < count and everyone and attempts < count * 4:
        chosen.setdefault(rng.choice(everyone))
        attempts += 1
    return list(chosen)[:count]
