"""The one distance: great-circle kilometres, checked against figures worked by hand."""
import math

import pytest

from flashpoint.geo import EARTH_RADIUS_KM, km


def test_a_degree_of_latitude_is_about_111_km():
    assert km(0.0, 10.0, 1.0, 10.0) == pytest.approx(2 * math.pi * EARTH_RADIUS_KM / 360)


def test_half_way_round_the_equator_is_half_the_circumference():
    assert km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_the_distance_is_symmetric_and_zero_at_one_point():
    assert km(33.3, 44.4, 30.5, 47.8) == pytest.approx(km(30.5, 47.8, 33.3, 44.4))
    assert km(33.3, 44.4, 33.3, 44.4) == 0.0


def test_points_near_the_antipode_never_leave_the_arcsine_s_domain():
    assert km(45.0, 0.0, -45.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_link_and_places_use_this_distance():
    from flashpoint.link.compat import distance_km
    from flashpoint.record import Place

    a = Place(text="A", name="A", lat=33.3, lon=44.4, precision=1)
    b = Place(text="B", name="B", lat=30.5, lon=47.8, precision=1)
    assert distance_km(a, b) == km(33.3, 44.4, 30.5, 47.8)
