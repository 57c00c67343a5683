"""The one distance on Earth every stage uses: great-circle kilometres between two points.

Haversine on a sphere of the mean Earth radius (6371.0 km, IUGG): within 0.5% of the ellipsoid
everywhere, far finer than any threshold here (a town's extent, 25 km, a country's reach).
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, a)))
