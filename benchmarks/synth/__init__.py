"""Synthetic cities for the benchmark: `make_city(dest, units, seed)` (see city.py)."""
from __future__ import annotations

from .city import make_city

__all__ = ["make_city"]
