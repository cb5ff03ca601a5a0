"""Tests of wijkkaart.scaffold, one module of tests per module of the package."""
