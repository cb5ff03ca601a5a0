"""Tests of wijkkaart.geo, one module of tests per module of the package."""
