"""Tests of wijkkaart.render, one module of tests per module of the package."""
