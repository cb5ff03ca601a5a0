"""Tests of wijkkaart.records, one module of tests per module of the package."""
