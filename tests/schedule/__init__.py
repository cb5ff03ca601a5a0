"""Tests of wijkkaart.schedule, one module of tests per module of the package."""
