"""Storage: one SQLite file per hall database. No Qt in this package."""
