"""Schedules: opening_hours parsed and resolved once, said in Dutch, as browser rules and as recurrences."""
