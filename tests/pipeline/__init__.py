"""Tests of wijkkaart.pipeline, one module of tests per module of the package."""
