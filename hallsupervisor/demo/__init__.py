"""Demo data: a small electricity supply hall with about 90 days of history."""
