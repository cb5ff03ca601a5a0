"""Tests of wijkkaart.exports, one module of tests per module of the package."""
