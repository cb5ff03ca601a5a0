"""Tests of wijkkaart.adapters, one module of tests per module of the package."""
